"""Indexing: ingest → clean → extract → store, incremental and in batched transactions.

A batch is one transaction: an interrupted run (Ctrl-C, kill, crash) keeps
every batch already committed and loses only the batch in flight, which the
next run redoes, since a document is either fully stored or not at all.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from natocli import ingest, store

BATCH_SIZE = 200


@dataclass
class IndexSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: int = 0
    pruned: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)  # (path, why) of skipped and failed files

    def as_dict(self) -> dict:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "failed": self.failed,
            "pruned": self.pruned,
            "problems": [{"path": p, "reason": r} for p, r in self.problems],
        }

    def line(self) -> str:
        text = (
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.skipped} skipped, {self.failed} failed"
        )
        return text + (f", {self.pruned} pruned" if self.pruned else "")


@dataclass(frozen=True)
class Prepared:
    record: store.DocumentRecord
    extraction: object  # natocli.extract.document.Extraction


def prepare(path: Path, data: bytes, digest: str) -> Prepared:
    """Read, clean and extract one file. Pure apart from its inputs; raises ``ingest.SkipFile``."""
    from natocli.clean import clean
    from natocli.extract.document import extract_all

    read = ingest.read_file(path, data)
    cleaned = clean(read.body)
    if not cleaned.text.strip():
        raise ingest.SkipFile("no article text")
    published = read.published or cleaned.published
    record = store.DocumentRecord(
        path=str(path),
        title=read.title or cleaned.title,
        published=published.isoformat() if published else None,
        text=cleaned.text,
        raw=read.raw,
        sha256=digest,
        words=len(cleaned.text.split()),
    )
    return Prepared(record, extract_all(cleaned.text, published=published))


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
    files = list(ingest.discover(roots))
    if on_total:
        on_total(len(files))
    known = store.known_documents(db)
    summary = IndexSummary()
    batch: list[tuple[Prepared, int | None]] = []

    def flush() -> None:
        if not batch:
            return
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        with store.transaction(db):
            for prepared, replace_id in batch:
                store.write_document(db, prepared.record, prepared.extraction, now, replace_id)
            store.set_meta(db, "last_indexed", now)
        batch.clear()

    for path in files:
        if on_file:
            on_file(path)
        key = str(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            summary.failed += 1
            summary.problems.append((key, exc.strerror or str(exc)))
            continue
        digest = ingest.sha256(data)
        previous = known.get(key)
        if previous and previous[1] == digest:
            summary.unchanged += 1
            continue
        try:
            prepared = prepare(path, data, digest)
        except ingest.SkipFile as exc:
            summary.skipped += 1
            summary.problems.append((key, str(exc)))
            continue
        batch.append((prepared, previous[0] if previous else None))
        if previous:
            summary.updated += 1
        else:
            summary.added += 1
        if len(batch) >= BATCH_SIZE:
            flush()
    flush()

    if prune:
        summary.pruned = prune_missing(db, roots, {str(f) for f in files}, known)
    return summary


def prune_missing(
    db: sqlite3.Connection, roots: list[Path], present: set[str], known: dict[str, tuple[int, str]]
) -> int:
    """Remove documents under `roots` whose files were not found this run."""
    prefixes = tuple(str(r).rstrip("/") + "/" for r in roots if r.is_dir())
    files = {str(r) for r in roots if not r.is_dir()}
    gone = [
        doc_id
        for path, (doc_id, _) in known.items()
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


def ensure_seeded(db: sqlite3.Connection, notify: Callable[[str], None]) -> None:
    """Index the bundled seed articles the first time natocli meets an empty database."""
    if store.document_count(db) or store.get_meta(db, "seeded"):
        return
    seeds = seed_dir()
    notify(f"natocli: the database is empty; indexing the bundled seed articles from {seeds}")
    index_paths(db, [seeds])
    with store.transaction(db):
        store.set_meta(db, "seeded", "1")
