"""The database file: what natocli refuses to touch, what it creates, and what it migrates.

Every command refuses a file that is not a natocli database, or one written by
a newer natocli, with one line (and a hint) on stderr and exit status 2, and
leaves the file and its folder exactly as they were. An empty file is a new
database. An older natocli database is migrated in place and keeps its
documents.
"""

from __future__ import annotations

import gc
import hashlib
import json
import random
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from natocli.cli import app
from natocli.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from natocli.store import compress

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARTICLE = (
    "NATO Allies Agree New Air Defence Plan\n\n"
    "BRUSSELS, 14 February 2025 – NATO defence ministers agreed on Thursday to expand the "
    "integrated air and missile defence of the eastern flank, the Secretary General said.\n"
)

COMMANDS = [
    pytest.param(["index", "{corpus}"], id="index"),
    pytest.param(["index", "{corpus}", "--prune"], id="index-prune"),
    pytest.param(["search", "nato"], id="search"),
    pytest.param(["search", "defence spending", "--json"], id="search-json"),
    pytest.param(["docs"], id="docs"),
    pytest.param(["show", "1"], id="show"),
    pytest.param(["stats", "--json"], id="stats"),
    pytest.param(["timeline", "--since", "2025"], id="timeline"),
    pytest.param(["who"], id="who"),
    pytest.param(["who", "rutte"], id="who-name"),
    pytest.param(["spending", "--unit", "gdp"], id="spending"),
]


def _sqlite_with_table(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)")
        db.execute("INSERT INTO notes(body) VALUES ('buy milk')")
    db.close()


def _sqlite_other_application(path: Path) -> None:
    # No tables, but another program's application_id: still not ours.
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA application_id = 1598903374")
        db.execute("PRAGMA user_version = 1")
    db.close()


def _sqlite_wal_mode(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("CREATE TABLE documents(id INTEGER PRIMARY KEY, path TEXT)")  # a look-alike table name
    db.execute("INSERT INTO documents(path) VALUES ('/tmp/a.txt')")
    db.commit()
    db.close()


def _article_text(path: Path) -> None:
    path.write_text(ARTICLE * 20, encoding="utf-8")


def _short_text(path: Path) -> None:
    path.write_text("hello\n", encoding="utf-8")


def _random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(8192))


NOT_NATOCLI = [
    pytest.param(_sqlite_with_table, id="sqlite-with-a-table"),
    pytest.param(_sqlite_other_application, id="sqlite-other-application-id"),
    pytest.param(_sqlite_wal_mode, id="sqlite-wal-look-alike"),
    pytest.param(_article_text, id="text-article"),
    pytest.param(_short_text, id="text-six-bytes"),
    pytest.param(_random_bytes, id="random-bytes"),
]


def fingerprint(path: Path) -> tuple:
    """The file's bytes, size and mtime, and the names in its folder (no journal left behind)."""
    stat = path.stat()
    return (
        hashlib.sha256(path.read_bytes()).hexdigest(),
        stat.st_size,
        stat.st_mtime_ns,
        sorted(p.name for p in path.parent.iterdir()),
    )


def command(args: list[str], corpus: Path) -> list[str]:
    return [a.format(corpus=corpus) for a in args]


def assert_refused(result, path: Path, reason: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines and lines[0].startswith("natocli: ") and str(path) in lines[0] and reason in lines[0], lines
    assert len(lines) <= 2 and all(line.startswith("hint: ") for line in lines[1:]), lines
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("make", NOT_NATOCLI)
@pytest.mark.parametrize("args", COMMANDS)
def test_a_file_that_is_not_a_natocli_database_is_refused_untouched(run, tmp_path, corpus, make, args):
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    path = folder / "data.db"
    make(path)
    before = fingerprint(path)
    result = run("--db", path, *command(args, corpus))
    assert_refused(result, path, "not a natocli database")
    assert fingerprint(path) == before


@pytest.fixture(scope="module")
def newer_template(tmp_path_factory) -> Path:
    """A natocli database (the seed articles indexed) that claims a schema newer than this natocli's."""
    folder = tmp_path_factory.mktemp("newer")
    path = folder / "natocli.db"
    result = CliRunner().invoke(app, ["--db", str(path), "index", str(SEEDS)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    gc.collect()  # the connection the command left to the end of the process
    db = sqlite3.connect(path, isolation_level=None)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    # Everything into the main file, as after natocli's last connection closes: a WAL
    # left behind would be checkpointed by whoever opens the file next.
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    assert sorted(p.name for p in folder.iterdir()) == ["natocli.db"]
    return path


@pytest.fixture
def newer_database(tmp_path, newer_template) -> Path:
    folder = tmp_path / "newer"
    folder.mkdir()
    return Path(shutil.copy2(newer_template, folder / "natocli.db"))


@pytest.mark.parametrize("args", COMMANDS)
def test_a_database_from_a_newer_natocli_is_refused_untouched(run, corpus, newer_database, args):
    before = fingerprint(newer_database)
    result = run("--db", newer_database, *command(args, corpus))
    assert_refused(result, newer_database, "newer natocli")
    assert "hint: upgrade natocli" in result.stderr
    assert fingerprint(newer_database) == before


def test_an_empty_file_is_a_new_database(run, tmp_path, corpus):
    # Nothing to lose in a zero-length file (`touch natocli.db`, mktemp): natocli sets it up.
    path = tmp_path / "made-by-touch.db"
    path.touch()
    assert run("--db", path, "index", corpus).exit_code == 0
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 3
    db.close()


# --- migrating an older natocli database ------------------------------------------

OLD_DOCUMENT = {
    "path": "/archive/2019/london-leaders-meeting.txt",
    "title": "Allies Mark Seventy Years of the Alliance in London",
    "published": "2019-12-04",
    "text": (
        "Allies Mark Seventy Years of the Alliance in London\n\n"
        "Leaders of the Allies met in Watford near London on 4 December 2019 to mark the "
        "seventieth anniversary of the Alliance and agreed a declaration on burden sharing."
    ),
}


def older_database(path: Path, version: int) -> None:
    """A database as natocli at schema `version` left it, holding one document."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("BEGIN IMMEDIATE")
    for migrate in MIGRATIONS[:version]:
        migrate(db)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {version}")
    raw = OLD_DOCUMENT["text"]
    db.execute(
        "INSERT INTO documents(path, title, published, text, raw, sha256, words, indexed_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            OLD_DOCUMENT["path"], OLD_DOCUMENT["title"], OLD_DOCUMENT["published"], OLD_DOCUMENT["text"],
            compress(raw), hashlib.sha256(raw.encode()).hexdigest(), len(raw.split()), "2020-01-02T10:00:00+00:00",
        ),
    )
    db.execute("COMMIT")
    db.close()


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_an_older_natocli_database_is_migrated_in_place_and_keeps_its_documents(run, tmp_path, corpus, version):
    path = tmp_path / "old.db"
    older_database(path, version)
    inode = path.stat().st_ino

    hits = run.json("--db", path, "search", "anniversary burden")
    assert [(h["doc_id"], h["path"], h["title"]) for h in hits] == [
        (1, OLD_DOCUMENT["path"], OLD_DOCUMENT["title"])
    ]
    assert path.stat().st_ino == inode
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    db.close()

    shown = run.json("--db", path, "show", "1")
    assert (shown["published"], shown["text"]) == (OLD_DOCUMENT["published"], OLD_DOCUMENT["text"])
    # The migrated database takes new documents beside the old one.
    indexed = run("--db", path, "index", corpus, "--json")
    assert indexed.exit_code == 0, indexed.output
    assert json.loads(indexed.stdout)["added"] == 3
    assert run.json("--db", path, "stats")["documents"] == 4
    assert [h["path"] for h in run.json("--db", path, "search", "Watford")] == [OLD_DOCUMENT["path"]]
