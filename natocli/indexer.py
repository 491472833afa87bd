"""Indexing: ingest → clean → extract → store, incremental and in batched transactions.

Reading, cleaning and extracting run in worker processes (one per core) when
there is enough to do; the main process is the single writer and stores the
results in batches, each batch one transaction. An interrupted run (Ctrl-C,
kill, crash) keeps every batch already committed and loses only the batch in
flight, which the next run redoes, since a document is either fully stored or
not at all.

A file whose size and modification time match what was stored is unchanged
without being read; one whose bytes hash the same is unchanged too.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import re
import signal
import sqlite3
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from natocli import ingest, store

BATCH_SIZE = 500                 # documents per transaction
BATCH_BYTES = 32 * 1024 * 1024   # … or fewer when they are big: memory stays bounded
PARALLEL_MIN = 64                # fewer files to read than this: no worker processes
IN_FLIGHT = 512                  # files handed to workers but not yet written
CHUNK = 8                        # files handed to a worker at a time
POLL_S = 0.1                     # how often a wait for workers looks for Ctrl-C
WORKERS_ENV = "NATOCLI_WORKERS"


@dataclass
class IndexSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: int = 0
    pruned: int = 0
    reasons: Counter = field(default_factory=Counter)  # category -> files skipped or failed for it
    problems: list[tuple[str, str]] = field(default_factory=list)  # (path, why) of skipped and failed files

    def as_dict(self) -> dict:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "failed": self.failed,
            "pruned": self.pruned,
            "reasons": dict(sorted(self.reasons.items())),
            "problems": [{"path": p, "reason": r} for p, r in self.problems],
        }

    def line(self) -> str:
        text = (
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.skipped} skipped, {self.failed} failed"
        )
        text += f", {self.pruned} pruned" if self.pruned else ""
        if self.reasons:
            text += " (" + ", ".join(f"{n} {why}" for why, n in sorted(self.reasons.items())) + ")"
        return text

    def skip(self, path: str, category: str, reason: str) -> None:
        self.skipped += 1
        self.reasons[category] += 1
        self.problems.append((path, reason))

    def fail(self, path: str, category: str, reason: str) -> None:
        self.failed += 1
        self.reasons[category] += 1
        self.problems.append((path, reason))


def prepare(path: Path, data: bytes, digest: str, stat: os.stat_result | None = None) -> store.DocRows:
    """Read, clean and extract one file into the rows to store. Pure apart from its inputs; raises ``ingest.SkipFile``."""
    from natocli.clean import clean
    from natocli.extract.document import extract_parts

    read = ingest.read_file(path, data)
    cleaned = clean(read.body)
    if not cleaned.text.strip():
        raise ingest.SkipFile("no article text", ingest.NO_TEXT)
    published = read.published or cleaned.published
    record = store.DocumentRecord(
        path=str(path),
        title=read.title or cleaned.title,
        published=published.isoformat() if published else None,
        text=cleaned.text,
        raw=read.raw,
        sha256=digest,
        words=word_count(cleaned.text),
        size=stat.st_size if stat else None,
        mtime_ns=stat.st_mtime_ns if stat else None,
    )
    return store.document_rows(record, extract_parts(cleaned.text, published=published))


_SPACE = re.compile(r"\s")


def word_count(text: str, piece: int = 1 << 20) -> int:
    """Whitespace-separated words, counted a piece at a time: splitting a huge text at once would hold every word."""
    count = start = 0
    while start < len(text):
        end = start + piece
        space = _SPACE.search(text, end) if end < len(text) else None  # never cut a word in two
        end = space.start() if space else len(text)
        count += len(text[start:end].split())
        start = end
    return count


# --- one file, in a worker process (or in this one) ------------------------

# What reading one file gives the writer: ("new", rows) | ("same", (size, mtime_ns))
# | ("skip", (category, reason)) | ("fail", (category, reason)).
Outcome = tuple[str, object]


def process_file(path: str, known_sha: str | None) -> Outcome:
    file = Path(path)
    try:
        data = ingest.load(file)
    except ingest.ReadFailed as exc:
        return "fail", (exc.problem.category, exc.problem.reason)
    try:
        stat = file.stat()
    except OSError:
        stat = None  # gone since it was read: stored without its stat, so the next run reads it again
    digest = ingest.sha256(data)
    if digest == known_sha:
        return "same", (stat.st_size, stat.st_mtime_ns) if stat else (None, None)
    try:
        rows = prepare(file, data, digest, stat)
    except ingest.SkipFile as exc:
        return "skip", (exc.category, str(exc))
    return "new", rows


def _process_chunk(chunk: list[tuple[str, str | None]]) -> list[Outcome]:
    return [process_file(*task) for task in chunk]


def _worker_init() -> None:
    # Ctrl-C reaches the whole process group: the writer handles it and stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from natocli.extract import document  # noqa: F401  (compile the patterns once per worker)


_WEB_PAGE = re.compile(r"\.html?(?:\0|$)", re.IGNORECASE)


def has_web_pages(paths: Paths) -> bool:
    return _WEB_PAGE.search(paths.joined) is not None


def _preload(todo: Paths) -> None:
    """Import, before the workers are forked, what each of them would import for itself: the
    extractors and, when there are web pages to read, trafilatura and htmldate (14 MB). The
    workers then share one copy of those modules with this process instead of holding two."""
    from natocli.extract import document  # noqa: F401

    if has_web_pages(todo):
        import htmldate  # noqa: F401
        import trafilatura  # noqa: F401


def worker_count(files: int) -> int:
    """Worker processes for `files` files to read: none for small jobs, else one per core (NATOCLI_WORKERS overrides)."""
    configured = os.environ.get(WORKERS_ENV, "").strip()
    if configured.isdigit():
        wanted = int(configured)
    else:
        wanted = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 0 if files < PARALLEL_MIN or wanted < 2 else wanted


class _Interrupt:
    """Ctrl-C during indexing, noted when it comes and acted on between documents.

    Python raises KeyboardInterrupt wherever the main thread happens to be, and
    there it can leave a lock of the worker pool, the progress bar or a semaphore
    held, so that stopping the workers waits for ever. While indexing, the
    signal only sets a flag; `check` raises KeyboardInterrupt at a point where
    nothing is held. Another handler someone installed (or SIG_IGN) is kept.
    """

    def __init__(self) -> None:
        self.hit = False
        self.installed = False

    def __enter__(self) -> _Interrupt:
        if threading.current_thread() is threading.main_thread() and (
            signal.getsignal(signal.SIGINT) is signal.default_int_handler
        ):
            signal.signal(signal.SIGINT, self._note)
            self.installed = True
        return self

    def __exit__(self, *exc) -> None:
        if self.installed:
            signal.signal(signal.SIGINT, signal.default_int_handler)

    def _note(self, signum, frame) -> None:
        self.hit = True

    def check(self) -> None:
        if self.hit:
            raise KeyboardInterrupt


class Paths:
    """File paths held as one string, NUL between them: the file list of a big run in one object.

    Worker processes are forked with this process's memory. A list of 100,000
    path objects would be pages that either side soon writes to (reference
    counts, reused free slots) and then holds a copy of; one string is never
    written to, so it stays shared, and it is a few times smaller.
    """

    def __init__(self, paths: Iterable[str] = ()) -> None:
        items = list(paths)
        self.count = len(items)
        self.joined = "\0".join(items)

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[str]:
        joined, start = self.joined, 0
        for _ in range(self.count):
            end = joined.find("\0", start)
            end = len(joined) if end < 0 else end
            yield joined[start:end]
            start = end + 1


class _Outcomes:
    """Outcomes of the files in `todo`, in order: from worker processes, or in this process for small jobs."""

    def __init__(self, todo: Paths, known: dict[str, store.StoredFile], workers: int, interrupt: _Interrupt) -> None:
        self.todo = todo
        self.known = known
        self.interrupt = interrupt
        self.pool = None
        self.stopping = False
        self.room = threading.Semaphore(IN_FLIGHT)
        if workers:
            import multiprocessing

            # fork where there is one: workers start at once and inherit the loaded
            # modules. The caller starts no thread before this (progress bars wait).
            method = "fork" if sys.platform.startswith("linux") else "spawn"
            if method == "fork":
                _preload(todo)
            # Frozen objects are left alone by the workers' garbage collector, so the pages
            # they share with this process (loaded modules) stay shared. A full collection
            # first gives back what listing the files left behind (30 MB at 100,000 files).
            gc.collect()
            gc.freeze()
            try:
                self.pool = multiprocessing.get_context(method).Pool(workers, initializer=_worker_init)
            finally:
                gc.unfreeze()

    def _task(self, key: str) -> tuple[str, str | None]:
        stored = self.known.get(key)
        return key, stored.sha256 if stored else None

    def __iter__(self) -> Iterator[Outcome]:
        if self.pool is None:
            yield from (process_file(*self._task(key)) for key in self.todo)
            return
        import multiprocessing

        # Chunks made here, not by imap(chunksize=…), whose generator cannot wait with a timeout.
        results = self.pool.imap(_process_chunk, self._feed(), chunksize=1)
        while True:
            try:
                chunk = results.next(timeout=POLL_S)
            except multiprocessing.TimeoutError:
                self.interrupt.check()
                continue
            except StopIteration:
                break
            for outcome in chunk:
                self.room.release()
                yield outcome
        self.pool.close()
        self.pool.join()
        self.pool = None

    def _feed(self) -> Iterator[list[tuple[str, str | None]]]:
        # Runs in the pool's task thread: waits while too much is read but not yet written.
        chunk: list[tuple[str, str | None]] = []
        for key in self.todo:
            self.room.acquire()
            if self.stopping:
                return
            chunk.append(self._task(key))
            if len(chunk) == CHUNK:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    def stop(self) -> None:
        """Stop the workers (after an error or Ctrl-C); nothing they still hold is written."""
        if self.pool is not None:
            self.stopping = True
            self.room.release(IN_FLIGHT)
            self.pool.terminate()
            self.pool.join()
            self.pool = None


ProgressHook = Callable[[Path], None]


def index_paths(
    db: sqlite3.Connection,
    paths: Iterable[str | Path],
    *,
    prune: bool = False,
    on_total: Callable[[int], None] | None = None,
    on_file: ProgressHook | None = None,
) -> IndexSummary:
    """Index files and folders into `db`. Missing paths raise ``BadInput`` before anything is written."""
    roots = ingest.check_paths(paths)
    summary = IndexSummary()

    def on_problem(problem: ingest.Problem) -> None:
        summary.fail(str(problem.path), problem.category, problem.reason)

    known = store.known_documents(db)
    todo, unchanged = [], []
    for path in ingest.discover(roots, on_problem=on_problem):
        key = str(path)
        stored = known.get(key)
        if stored and stored.size is not None and _same_stat(key, stored):
            unchanged.append(key)
        else:
            todo.append(key)
    summary.unchanged = len(unchanged)
    # Compact before the workers are forked (see Paths); the lists are freed first.
    todo, unchanged = Paths(todo), Paths(unchanged)

    with _Interrupt() as interrupt:
        outcomes = _Outcomes(todo, known, worker_count(len(todo)), interrupt)
        try:
            if on_total:
                on_total(len(todo) + len(unchanged))
            if on_file:
                for key in unchanged:
                    on_file(Path(key))
            writer = _Writer(db, summary, known)
            for key, outcome in zip(todo, outcomes):
                writer.take(key, outcome)
                if on_file:
                    on_file(Path(key))
                interrupt.check()
            writer.flush()
            interrupt.check()
        finally:
            outcomes.stop()

    if prune:
        summary.pruned = prune_missing(db, roots, {*todo, *unchanged}, known)
    return summary


def _same_stat(path: str, stored: store.StoredFile) -> bool:
    try:
        stat = os.stat(path)
    except OSError:
        return False  # reading it will say what is wrong
    return stat.st_size == stored.size and stat.st_mtime_ns == stored.mtime_ns


class _Writer:
    """The single writer: stores outcomes in batched transactions."""

    def __init__(self, db: sqlite3.Connection, summary: IndexSummary, known: dict[str, store.StoredFile]):
        self.db = db
        self.summary = summary
        self.known = known
        self.batch: list[tuple[store.DocRows, int | None]] = []
        self.stats: list[tuple[int, int, int]] = []
        self.bytes = 0

    def take(self, key: str, outcome: Outcome) -> None:
        kind, value = outcome
        stored = self.known.get(key)
        if kind == "new":
            self.batch.append((value, stored.doc_id if stored else None))
            self.bytes += len(value.text)
            if stored:
                self.summary.updated += 1
            else:
                self.summary.added += 1
        elif kind == "same":
            self.summary.unchanged += 1
            self.stats.append((*value, stored.doc_id))
        elif kind == "skip":
            self.summary.skip(key, *value)
        else:
            self.summary.fail(key, *value)
        if len(self.batch) + len(self.stats) >= BATCH_SIZE or self.bytes >= BATCH_BYTES:
            self.flush()

    def flush(self) -> None:
        if not self.batch and not self.stats:
            return
        with store.transaction(self.db):
            if self.batch:
                _store_batch(self.db, self.batch)
            store.update_file_stat(self.db, self.stats)
        self.batch.clear()
        self.stats.clear()
        self.bytes = 0


def _store_batch(db: sqlite3.Connection, batch: list[tuple[store.DocRows, int | None]]) -> None:
    """Write documents (inside the caller's transaction) and stamp the time of the last indexing."""
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    store.write_batch(db, batch, now)
    store.set_meta(db, "last_indexed", now)


def prune_missing(
    db: sqlite3.Connection, roots: list[Path], present: set[str], known: dict[str, store.StoredFile]
) -> int:
    """Remove documents under `roots` whose files were not found this run."""
    prefixes = tuple(str(r).rstrip("/") + "/" for r in roots if r.is_dir())
    files = {str(r) for r in roots if not r.is_dir()}
    gone = [
        stored.doc_id
        for path, stored in known.items()
        if (path.startswith(prefixes) or path in files) and path not in present
    ]
    if gone:
        with store.transaction(db):
            store.delete_documents(db, gone)
    return len(gone)


def seed_dir() -> Path:
    """The bundled seed articles: package data when installed, ``seeds/`` in a source checkout."""
    package = Path(__file__).resolve().parent
    installed = package / "seeds"
    return installed if installed.is_dir() else package.parent / "seeds"


SEEDED = "seeded"  # meta key: "1" once the seeds are in, "declined" once the user indexed first


def ensure_seeded(db: sqlite3.Connection, notify: Callable[[str], None]) -> None:
    """Index the bundled seed articles the first time natocli meets an empty database.

    The seeds are read and extracted outside any transaction, then written in
    one that checks again under the write lock: of several commands started
    at once on a new database exactly one stores them, and none does once an
    ``index`` has begun.
    """
    if store.document_count(db) or store.get_meta(db, SEEDED):
        return
    seeds = seed_dir()
    notify(f"natocli: the database is empty; indexing the bundled seed articles from {seeds}")
    batch = []
    for path in ingest.discover([seeds]):
        kind, rows = process_file(str(path), None)
        if kind == "new":
            batch.append((rows, None))
    with store.transaction(db):
        if store.document_count(db) or store.get_meta(db, SEEDED):
            return  # another command was first
        _store_batch(db, batch)
        store.set_meta(db, SEEDED, "1")


def decline_seeds(db: sqlite3.Connection) -> None:
    """The user is indexing their own articles: never add the seeds to this database."""
    if store.get_meta(db, SEEDED) is None:
        with store.transaction(db):
            if store.get_meta(db, SEEDED) is None:
                store.set_meta(db, SEEDED, "declined")
