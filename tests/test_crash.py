"""Crash safety and concurrent use: `natocli index` killed, interrupted or read from mid-run
leaves a sound database, and commands started together on a new database all work.

Each test runs the real command in subprocesses over a synthetic corpus large
enough that the signal lands while documents are still being indexed, then
checks SQLite's and FTS5's integrity checks and that finishing the run gives
the same database contents as one uninterrupted run.
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from natocli import query
from natocli.store import open_db

BENCH = Path(__file__).resolve().parent.parent / "bench"
N_DOCS = 1000  # indexing commits every few hundred documents: several commits per run
ENV = {**os.environ, "NATOCLI_TODAY": "2026-11-23", "COLUMNS": "160"}
ENV.pop("NATOCLI_DB", None)
# Tables of extracted rows whose counts must match after an interrupted run is finished.
TABLES = ["documents", "events", "mentions", "people", "role_mentions", "spending", "sentence_countries"]
SEARCHES = ["deterrence", "nato allies", '"secretary general"', "spend*"]
WAIT_S = 60


def _load_corpus_module():
    spec = importlib.util.spec_from_file_location("bench_corpus", BENCH / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def natocli(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "natocli", "--db", str(db), *args]


def start_index(db: Path, corpus: Path) -> subprocess.Popen:
    # A session of its own: signals go to the whole process group, workers included,
    # as a terminal's Ctrl-C does.
    return subprocess.Popen(
        natocli(db, "index", str(corpus)), env=ENV, start_new_session=True,
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )


def document_count(db: Path) -> int | None:
    """Documents committed so far, read without writing anything; None while there is no schema."""
    try:
        ro = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.5)
    except sqlite3.Error:
        return None
    try:
        return ro.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return None
    finally:
        ro.close()


def committed(db: Path) -> int:
    return document_count(db) or 0


def wait_until(db: Path, proc: subprocess.Popen, ready, what: str) -> int | None:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        count = document_count(db)
        if ready(count):
            return count
        if proc.poll() is not None:
            pytest.fail(f"index ended (exit {proc.returncode}) before {what}: {proc.stderr.read()!r}")
        time.sleep(0.005)
    proc.kill()
    pytest.fail(f"index did not get to {what} in time")


def wait_for_commit(db: Path, proc: subprocess.Popen) -> int:
    return wait_until(db, proc, lambda count: bool(count), "committing documents")


def index_to_completion(db: Path, corpus: Path) -> None:
    done = subprocess.run(natocli(db, "index", str(corpus)), env=ENV, capture_output=True, text=True, timeout=WAIT_S)
    assert done.returncode == 0, done.stderr


def assert_sound(db: Path) -> None:
    """SQLite's integrity check, and FTS5's check of the index against the documents table."""
    con = sqlite3.connect(db, isolation_level=None)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        # rank 1: also compare the full-text index with the content of `documents`.
        con.execute("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
    finally:
        con.close()


def contents(db: Path) -> dict:
    """What an index holds, independent of row ids and of the order documents were written in."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        out = {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}
        files = con.execute("SELECT path, sha256 FROM documents").fetchall()
        out["duplicate paths"] = len(files) - len({p for p, _ in files})
        out["files"] = set(files)
        out["people"] = set(con.execute("SELECT name FROM people").fetchall())
    finally:
        con.close()
    db_ = open_db(db)
    try:
        for q in SEARCHES:
            out[f"search {q}"] = sorted((h.path, round(h.score, 6)) for h in query.search(db_, q, limit=0))
        out["timeline summit"] = sorted((e.path, e.start or "", e.expression) for e in query.timeline(db_, "summit"))
    finally:
        db_.close()
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return _load_corpus_module().generate(tmp_path_factory.mktemp("crash") / "corpus", N_DOCS, seed=11)


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory) -> dict:
    """The contents of one uninterrupted run over the corpus."""
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    index_to_completion(db, corpus)
    found = contents(db)
    assert found["documents"] > N_DOCS // 2 and found["duplicate paths"] == 0
    return found


def test_kill_9_mid_run_keeps_a_sound_database_that_a_rerun_completes(corpus, clean, tmp_path):
    db = tmp_path / "killed.db"
    proc = start_index(db, corpus)
    wait_for_commit(db, proc)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=WAIT_S)
    assert proc.returncode == -signal.SIGKILL  # it was still running
    kept = committed(db)
    assert 0 < kept < clean["documents"]

    assert_sound(db)
    partial = contents(db)
    assert partial["duplicate paths"] == 0
    assert partial["files"] < clean["files"]  # every document kept is whole and the one the file holds

    index_to_completion(db, corpus)
    assert_sound(db)
    assert contents(db) == clean


def test_ctrl_c_mid_run_exits_130_with_one_line_and_a_rerun_completes(corpus, clean, tmp_path):
    db = tmp_path / "interrupted.db"
    proc = start_index(db, corpus)
    wait_for_commit(db, proc)
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=WAIT_S)
    stderr = stderr.decode("utf-8", "replace")
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("natocli: interrupted"), stderr
    assert 0 < committed(db) < clean["documents"]

    assert_sound(db)
    assert contents(db)["duplicate paths"] == 0
    index_to_completion(db, corpus)
    assert_sound(db)
    assert contents(db) == clean


def test_search_and_stats_while_another_process_indexes(corpus, clean, tmp_path):
    db = tmp_path / "busy.db"
    proc = start_index(db, corpus)
    # Readers start once the index has created the database: before its first commit and between commits.
    assert wait_until(db, proc, lambda count: count is not None, "creating the database") < clean["documents"]
    readers: list[tuple[list[str], subprocess.CompletedProcess]] = []

    def read_while_indexing(args: list[str]) -> None:
        while proc.poll() is None:
            done = subprocess.run(natocli(db, *args), env=ENV, capture_output=True, text=True, timeout=WAIT_S)
            readers.append((args, done))

    # A search and a stats loop side by side, each starting a new process until the index ends.
    loops = [threading.Thread(target=read_while_indexing, args=(args,))
             for args in (["search", "nato allies"], ["stats", "--json"])]
    for loop in loops:
        loop.start()
    for loop in loops:
        loop.join()
    _, index_err = proc.communicate(timeout=WAIT_S)
    assert proc.returncode == 0, index_err
    assert readers, "the index ended before any reader started: use a larger corpus"

    seen = []
    for args, done in readers:
        assert done.returncode in (0, 1), (args, done.stderr)
        assert "locked" not in done.stderr and "Traceback" not in done.stderr, (args, done.stderr)
        if args[0] == "stats":
            seen.append(json.loads(done.stdout)["documents"])
    # Each reader sees a committed state: whole batches, growing, never the seeds (the index came first).
    assert seen == sorted(seen) and all(0 <= n <= clean["documents"] for n in seen), seen
    assert_sound(db)
    found = contents(db)
    assert found["files"] - clean["files"] == set(), "documents that were not in the folder indexed"
    assert found == clean


def test_two_commands_at_once_on_a_new_database_both_work_and_seed_it_once(tmp_path):
    db = tmp_path / "new.db"
    started = [
        subprocess.Popen(natocli(db, *args), env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for args in (["search", "nato"], ["stats", "--json"], ["docs"])
    ]
    for proc in started:
        _, stderr = proc.communicate(timeout=WAIT_S)
        assert proc.returncode in (0, 1), (proc.args, stderr)
        assert "Traceback" not in stderr and "error" not in stderr, (proc.args, stderr)
    assert_sound(db)
    found = contents(db)
    assert (found["documents"], found["duplicate paths"]) == (3, 0)  # the bundled seed articles, once
