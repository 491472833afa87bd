"""The SQLite store: where the database lives, opening it, and writing documents.

There is exactly one way to open a database, ``open_db()``: it refuses files
that are not natocli databases or come from a newer natocli, migrates older
ones in place, and sets WAL and a busy timeout so searches can run while
another process indexes.
"""

from __future__ import annotations

import os
import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from natocli.errors import DatabaseError
from natocli.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    from natocli.extract.document import Extraction

DB_ENV = "NATOCLI_DB"
DB_FILENAME = "natocli.db"
BUSY_TIMEOUT_MS = 10_000


def resolve_db_path(option: str | Path | None, app_dir: str | Path) -> Path:
    """``--db`` beats ``$NATOCLI_DB``, which beats ``natocli.db`` in the per-user `app_dir`."""
    chosen = option or os.environ.get(DB_ENV)
    if chosen:
        return Path(chosen).expanduser()
    return Path(app_dir) / DB_FILENAME


def open_db(path: Path | str) -> sqlite3.Connection:
    """Open (creating if needed) the natocli database at `path`, migrated to the current schema."""
    path = Path(path)
    if path.exists() and not path.is_file():
        raise DatabaseError(f"{path} is not a file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(f"cannot open database {path}: {exc}") from exc
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _check_and_migrate(db, path)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        db.close()
        raise DatabaseError(f"{path} is not a natocli database ({exc})") from exc
    except BaseException:
        db.close()
        raise
    return db


def _check_and_migrate(db: sqlite3.Connection, path: Path) -> None:
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if app_id != APPLICATION_ID:
        tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id != 0 or tables:
            raise DatabaseError(
                f"{path} is not a natocli database; refusing to touch it",
                hint="point --db (or NATOCLI_DB) at a new file",
            )
        version = 0
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            f"{path} was written by a newer natocli (schema {version}, this one knows {SCHEMA_VERSION})",
            hint="upgrade natocli",
        )
    if version == SCHEMA_VERSION:
        return
    if version == 0:
        # WAL lets readers run while one writer indexes; it is a property of the file.
        db.execute("PRAGMA journal_mode = WAL")
    with transaction(db):
        # Re-read under the write lock: another process may have migrated meanwhile.
        version = db.execute("PRAGMA user_version").fetchone()[0]
        for number in range(version, SCHEMA_VERSION):
            MIGRATIONS[number](db)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception (Ctrl-C included)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def get_meta(db: sqlite3.Connection, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(db: sqlite3.Connection, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def document_count(db: sqlite3.Connection) -> int:
    return db.execute("SELECT count(*) FROM documents").fetchone()[0]


def known_documents(db: sqlite3.Connection) -> dict[str, tuple[int, str]]:
    """path -> (id, sha256) of every indexed document."""
    return {path: (id_, sha) for id_, path, sha in db.execute("SELECT id, path, sha256 FROM documents")}


@dataclass(frozen=True)
class DocumentRecord:
    """A read and cleaned document, ready to be stored."""

    path: str
    title: str
    published: str | None
    text: str
    raw: str
    sha256: str
    words: int


def compress(raw: str) -> bytes:
    return zlib.compress(raw.encode("utf-8"), 6)


def decompress(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8")


def delete_documents(db: sqlite3.Connection, doc_ids: list[int]) -> None:
    """Remove documents and everything extracted from them. Call inside a transaction."""
    for doc_id in doc_ids:
        # events_fts is contentless: SQLite needs the indexed text to remove it.
        db.execute(
            "INSERT INTO events_fts(events_fts, rowid, sentence) "
            "SELECT 'delete', e.id, substr(d.text, e.sent_start + 1, e.sent_end - e.sent_start) "
            "FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.doc_id = ?",
            (doc_id,),
        )
        db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
    db.execute("DELETE FROM people WHERE id NOT IN (SELECT person_id FROM mentions)")


def write_document(
    db: sqlite3.Connection,
    record: DocumentRecord,
    extraction: Extraction,
    indexed_at: str,
    replace_id: int | None = None,
) -> int:
    """Store one document and its extracted rows; returns its id. Call inside a transaction."""
    if replace_id is not None:
        delete_documents(db, [replace_id])
    doc_id = db.execute(
        "INSERT INTO documents(id, path, title, published, text, raw, sha256, words, indexed_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            replace_id,
            record.path,
            record.title,
            record.published,
            record.text,
            compress(record.raw),
            record.sha256,
            record.words,
            indexed_at,
        ),
    ).lastrowid
    _write_extraction(db, doc_id, record.text, extraction)
    return doc_id


def _write_extraction(db: sqlite3.Connection, doc_id: int, text: str, ex: Extraction) -> None:
    from natocli.extract.sentences import sentence_index

    sentences = ex.sentences

    def where(span: tuple[int, int]) -> tuple[int, int, int, int]:
        sentence = sentences[sentence_index(sentences, span[0])] if sentences else None
        if sentence is None:
            return span[0], span[1], span[0], span[1]
        return span[0], span[1], sentence.start, sentence.end

    for event in ex.events:
        pos, pos_end, s_start, s_end = where(event.span)
        event_id = db.execute(
            "INSERT INTO events(doc_id, pos, pos_end, sent_start, sent_end, expression, start, end, "
            "precision, year_inferred, named) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc_id,
                pos,
                pos_end,
                s_start,
                s_end,
                event.expression,
                event.start.isoformat() if event.start else None,
                event.end.isoformat() if event.end else None,
                event.precision,
                int(event.year_inferred),
                event.named,
            ),
        ).lastrowid
        db.execute(
            "INSERT INTO events_fts(rowid, sentence) VALUES (?, ?)", (event_id, text[s_start:s_end])
        )

    person_ids: dict[str, int] = {}
    for mention in ex.people.mentions:
        person_id = person_ids.get(mention.key)
        if person_id is None:
            row = db.execute("SELECT id FROM people WHERE key = ?", (mention.key,)).fetchone()
            if row:
                person_id = row[0]
            else:
                person_id = db.execute(
                    "INSERT INTO people(key, name) VALUES (?, ?)", (mention.key, mention.name)
                ).lastrowid
            person_ids[mention.key] = person_id
        db.execute(
            "INSERT INTO mentions(person_id, doc_id, pos, pos_end, sent_start, sent_end, surface, role) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (person_id, doc_id, *where(mention.span), mention.surface, mention.role),
        )
    db.executemany(
        "INSERT INTO role_mentions(doc_id, pos, pos_end, sent_start, sent_end, role) VALUES (?, ?, ?, ?, ?, ?)",
        [(doc_id, *where(r.span), r.role) for r in ex.people.roles],
    )
    db.executemany(
        "INSERT OR IGNORE INTO sentence_countries(doc_id, sent_start, country) VALUES (?, ?, ?)",
        [(doc_id, where(span)[2], name) for name, span in ex.countries],
    )
    db.executemany(
        "INSERT INTO spending(doc_id, pos, pos_end, sent_start, sent_end, expression, entity, value, "
        "unit, kind, year) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (doc_id, *where(f.span), f.expression, f.entity, f.value, f.unit, f.kind, f.year)
            for f in ex.spending
        ],
    )
