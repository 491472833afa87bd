"""Every command, every output format, the exit codes, through the public CLI."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from natocli import __version__

LIST_COMMANDS = [
    pytest.param(["search", "nato"], ["doc_id", "path", "title", "published", "score", "snippet"], id="search"),
    pytest.param(["docs"], ["doc_id", "path", "title", "published", "words", "indexed_at"], id="docs"),
    pytest.param(
        ["timeline"],
        ["start", "end", "precision", "expression", "sentence", "year_inferred", "doc_id", "path", "title"],
        id="timeline",
    ),
    pytest.param(["who"], ["name", "roles", "aliases", "mentions", "documents", "first_seen", "last_seen"], id="who"),
    pytest.param(
        ["spending"],
        ["entity", "value", "unit", "kind", "year", "expression", "sentence", "doc_id", "path", "title"],
        id="spending",
    ),
]


@pytest.mark.parametrize("args, keys", LIST_COMMANDS)
def test_every_format(run, args, keys):
    as_json = json.loads(run(*args, "--json").stdout)
    assert as_json and all(list(row) == keys for row in as_json)
    assert json.loads(run(*args, "--format", "json").stdout) == as_json

    lines = run(*args, "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == as_json

    table = list(csv.reader(io.StringIO(run(*args, "--format", "csv").stdout)))
    assert table[0] == keys
    assert len(table) == len(as_json) + 1

    text = run(*args).stdout
    assert text.strip() and "\x1b[" not in text and "[bold]" not in text

    limited = json.loads(run(*args, "--limit", "1", "--json").stdout)
    assert limited == as_json[:1]


@pytest.mark.parametrize("args", [["search", "zzzzqqq"], ["docs", "--since", "2099"], ["timeline", "zzzzqqq"],
                                  ["who", "--role", "zzzzqqq"], ["spending", "--kind", "aid", "--min", "1e30"]])
@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
def test_nothing_found_exits_1(run, args, fmt):
    result = run(*args, "--format", fmt)
    assert result.exit_code == 1
    if fmt == "json":
        assert json.loads(result.stdout) == []
    elif fmt != "csv":
        assert result.stdout == ""


@pytest.mark.parametrize(
    "args, message",
    [
        (["search", "nato", "--limit", "-1"], "--limit"),
        (["search", "nato", "--format", "xml"], "xml"),
        (["docs", "--since", "not a date"], "cannot read"),
        (["timeline", "--precision", "hour"], "unknown precision"),
        (["spending", "--unit", "furlongs"], "unknown unit"),
        (["spending", "--kind", "wish"], "unknown kind"),
        (["who", "--country", "Atlantis"], "unknown country"),
        (["show", "999"], "no indexed document"),
        (["search", "nato", "--since", "2026", "--until", "2025"], "after"),
        (["frobnicate"], "No such command"),
    ],
)
def test_bad_input_is_one_line_and_a_nonzero_exit(run, args, message):
    result = run(*args)
    assert result.exit_code in (1, 2)
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_show_missing_document_exits_1(run):
    assert run("show", "999").exit_code == 1


def test_show_cleaned_and_raw(run):
    cleaned = json.loads(run("show", "3", "--json").stdout)
    raw = json.loads(run("show", "3", "--raw", "--json").stdout)
    assert cleaned["text"].startswith("Secretary General Mark Rutte travelled")
    assert raw["text"].startswith("NATO MULTIMEDIA ACCOUNT")
    table = run("show", "3").stdout
    assert "Mark Rutte" in table and "verification code" not in table


def test_stats(run):
    stats = json.loads(run("stats", "--json").stdout)
    assert stats["documents"] == 3
    assert stats["people"] == 9
    assert stats["events"] >= 4
    assert stats["spending"] == 2
    assert stats["words"] > 1000
    assert stats["db_bytes"] > 0
    assert stats["last_indexed"]
    text = run("stats").stdout
    assert "documents" in text and stats["db_path"] in text


def test_version_and_module_entry(run):
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"natocli {__version__}"


def test_help_has_examples_for_every_command(run):
    for command in ["index", "search", "docs", "show", "stats", "timeline", "who", "spending"]:
        result = run(command, "--help")
        assert result.exit_code == 0
        assert "natocli " in result.stdout or command in ("stats",), command
    assert "Examples" in run("--help").stdout


def test_db_option_beats_environment(run, tmp_path, monkeypatch):
    chosen = tmp_path / "chosen.db"
    assert run("--db", chosen, "docs", "--json").exit_code == 0
    assert chosen.exists()
    monkeypatch.setenv("NATOCLI_DB", str(tmp_path / "env.db"))
    run("docs")
    assert (tmp_path / "env.db").exists()


def test_default_database_in_user_data_dir(run, tmp_path, monkeypatch):
    monkeypatch.delenv("NATOCLI_DB")
    assert run("docs").exit_code == 0
    assert (tmp_path / "config" / "natocli" / "natocli.db").exists()


def test_foreign_database_is_refused_untouched(run, tmp_path):
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE notes(x)")
    before = foreign.read_bytes()
    result = run("--db", foreign, "search", "nato")
    assert result.exit_code == 2
    assert "not a natocli database" in result.stderr
    assert foreign.read_bytes() == before


def test_garbage_file_is_refused_untouched(run, tmp_path):
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not sqlite at all" * 100)
    before = garbage.read_bytes()
    result = run("--db", garbage, "docs")
    assert result.exit_code == 2
    assert "not a natocli database" in result.stderr
    assert garbage.read_bytes() == before


def test_newer_schema_is_refused(run, db_path):
    run("docs")
    with sqlite3.connect(db_path) as db:
        db.execute("PRAGMA user_version = 999")
    result = run("docs")
    assert result.exit_code == 2
    assert "newer natocli" in result.stderr


def test_debug_shows_the_traceback(run):
    with pytest.raises(Exception):
        run("--debug", "show", "999")
