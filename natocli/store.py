"""The SQLite store: where the database lives, opening it, and writing documents.

There is exactly one way to open a database, ``open_db()``: it refuses files
that are not natocli databases or come from a newer natocli, migrates older
ones in place, and sets WAL and a busy timeout so searches can run while
another process indexes.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import zlib
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from natocli.errors import DatabaseError
from natocli.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    from natocli.extract.document import Extraction

DB_ENV = "NATOCLI_DB"
DB_FILENAME = "natocli.db"
BUSY_TIMEOUT_MS = 10_000
PAGE_SIZE = 16_384
CACHE_KB = 16_384  # page cache per connection: index updates while indexing stay in memory


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
        db.execute(f"PRAGMA cache_size = -{CACHE_KB}")
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
        # Articles are a few KB each: with 16 KB pages several share a page
        # instead of each leaving most of a 4 KB page unused.
        db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
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


def known_documents(db: sqlite3.Connection) -> dict[str, StoredFile]:
    """path -> what is stored of it, for every indexed document."""
    return {
        path: StoredFile(*rest)
        for path, *rest in db.execute("SELECT path, id, sha256, size, mtime_ns FROM documents")
    }


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
    size: int | None = None      # the file's size and mtime when read: an unchanged
    mtime_ns: int | None = None  # file is recognised on re-index without reading it


class StoredFile(NamedTuple):
    """What the database knows of an indexed file."""

    doc_id: int
    sha256: str
    size: int | None
    mtime_ns: int | None


class DocRows(NamedTuple):
    """One document and its extracted rows as plain tuples, without ids.

    Built by ``document_rows`` (in an indexing worker process: cheap to send
    between processes) and written by ``write_batch``, which gives out ids.
    """

    document: tuple   # path, title, published, text, raw (compressed), sha256, words, size, mtime_ns
    events: list[tuple]    # pos, pos_end, sent_start, sent_end, expression, start, end, precision, year_inferred, named
    mentions: list[tuple]  # key, name, pos, pos_end, sent_start, sent_end, surface, role
    roles: list[tuple]     # pos, pos_end, sent_start, sent_end, role
    countries: list[tuple]  # sent_start, country
    spending: list[tuple]  # pos, pos_end, sent_start, sent_end, expression, entity, value, unit, kind, year

    @property
    def path(self) -> str:
        return self.document[0]

    @property
    def text(self) -> str:
        return self.document[3]


_ZLIB_WINDOW = 32 * 1024


def compress(raw: str, text: str = "") -> bytes:
    """The original file text, zlib-compressed with the cleaned `text` as preset dictionary.

    The cleaned text is most of the original and is stored anyway, so the
    original costs only what cleaning removed (a few percent of its size).
    """
    packer = zlib.compressobj(6, zdict=_dictionary(text)) if text else zlib.compressobj(6)
    return packer.compress(raw.encode("utf-8")) + packer.flush()


def decompress(blob: bytes, text: str = "") -> str:
    """Inverse of ``compress``; `text` is needed when the blob was packed against it."""
    needs_dictionary = len(blob) > 1 and blob[1] & 0x20  # zlib header FDICT flag
    unpacker = zlib.decompressobj(zdict=_dictionary(text)) if needs_dictionary else zlib.decompressobj()
    return (unpacker.decompress(blob) + unpacker.flush()).decode("utf-8")


def _dictionary(text: str) -> bytes:
    # The window's worth of the text's end: at most 4 bytes a character, so encode no more than that.
    return text[-_ZLIB_WINDOW:].encode("utf-8")[-_ZLIB_WINDOW:]


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


def document_rows(record: DocumentRecord, parts: Iterable[tuple[int, Extraction]]) -> DocRows:
    """A document and its extraction as the rows ``write_batch`` stores. Pure.

    `parts` are (offset, extraction of the text from that offset on): one part
    (0, …) for an ordinary article, several for a huge one.
    """
    rows = DocRows(
        document=(
            record.path, record.title, record.published, record.text, compress(record.raw, record.text),
            record.sha256, record.words, record.size, record.mtime_ns,
        ),
        events=[], mentions=[], roles=[], countries=[], spending=[],
    )
    for offset, ex in parts:
        where = _locator(ex, offset)
        rows.events.extend(
            (*where(e.span), e.expression, _iso(e.start), _iso(e.end), e.precision, int(e.year_inferred), e.named)
            for e in ex.events
        )
        rows.mentions.extend((m.key, m.name, *where(m.span), m.surface, m.role) for m in ex.people.mentions)
        rows.roles.extend((*where(r.span), r.role) for r in ex.people.roles)
        rows.countries.extend(dict.fromkeys((where(span)[2], name) for name, span in ex.countries))
        rows.spending.extend(
            (*where(f.span), f.expression, f.entity, f.value, f.unit, f.kind, f.year) for f in ex.spending
        )
    return rows


def _locator(ex: Extraction, offset: int) -> Callable[[tuple[int, int]], tuple[int, int, int, int]]:
    """span -> (start, end, sentence start, sentence end) in the whole text."""
    starts = [s.start for s in ex.sentences]
    ends = [s.end for s in ex.sentences]

    def where(span: tuple[int, int]) -> tuple[int, int, int, int]:
        # The sentence holding span[0]: sentences are sorted and do not overlap.
        i = bisect_right(starts, span[0]) - 1
        if i < 0 or span[0] >= ends[i]:
            return span[0] + offset, span[1] + offset, span[0] + offset, span[1] + offset
        return span[0] + offset, span[1] + offset, starts[i] + offset, ends[i] + offset

    return where


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def write_document(
    db: sqlite3.Connection,
    record: DocumentRecord,
    extraction: Extraction,
    indexed_at: str,
    replace_id: int | None = None,
) -> int:
    """Store one document and its extracted rows; returns its id. Call inside a transaction."""
    return write_batch(db, [(document_rows(record, [(0, extraction)]), replace_id)], indexed_at)[0]


def write_batch(
    db: sqlite3.Connection, batch: list[tuple[DocRows, int | None]], indexed_at: str
) -> list[int]:
    """Store documents with their extracted rows; returns their ids. Call inside a transaction.

    A document replacing an older version keeps its id. Ids are given out
    here (max + 1) so every table is filled with one ``executemany``: the
    caller holds the write lock, so nobody else takes them meanwhile.
    """
    replaced = [replace_id for _, replace_id in batch if replace_id is not None]
    if replaced:
        delete_documents(db, replaced)
    next_doc = _next_id(db, "documents")
    next_event = _next_id(db, "events")
    doc_ids: list[int] = []
    documents, events, event_text, mentions, roles, countries, spending = [], [], [], [], [], [], []
    keys: dict[str, str] = {}
    for rows, replace_id in batch:
        if replace_id is None:
            doc_id, next_doc = next_doc, next_doc + 1
        else:
            doc_id = replace_id
        doc_ids.append(doc_id)
        documents.append((doc_id, *rows.document, indexed_at))
        text = rows.text
        for event in rows.events:
            events.append((next_event, doc_id, *event))
            event_text.append((next_event, text[event[2]:event[3]]))
            next_event += 1
        for key, name, *rest in rows.mentions:
            keys.setdefault(key, name)
            mentions.append((key, doc_id, *rest))
        roles.extend((doc_id, *r) for r in rows.roles)
        countries.extend((doc_id, *c) for c in rows.countries)
        spending.extend((doc_id, *f) for f in rows.spending)

    db.executemany(
        "INSERT INTO documents(id, path, title, published, text, raw, sha256, words, size, mtime_ns, indexed_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        documents,
    )
    db.executemany(
        "INSERT INTO events(id, doc_id, pos, pos_end, sent_start, sent_end, expression, start, end, "
        "precision, year_inferred, named) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        events,
    )
    db.executemany("INSERT INTO events_fts(rowid, sentence) VALUES (?, ?)", event_text)
    person_ids = _person_ids(db, keys)
    db.executemany(
        "INSERT INTO mentions(person_id, doc_id, pos, pos_end, sent_start, sent_end, surface, role) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(person_ids[key], *rest) for key, *rest in mentions],
    )
    db.executemany(
        "INSERT INTO role_mentions(doc_id, pos, pos_end, sent_start, sent_end, role) VALUES (?, ?, ?, ?, ?, ?)",
        roles,
    )
    db.executemany(
        "INSERT OR IGNORE INTO sentence_countries(doc_id, sent_start, country) VALUES (?, ?, ?)", countries
    )
    db.executemany(
        "INSERT INTO spending(doc_id, pos, pos_end, sent_start, sent_end, expression, entity, value, "
        "unit, kind, year) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        spending,
    )
    return doc_ids


def _next_id(db: sqlite3.Connection, table: str) -> int:
    return db.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]


def _person_ids(db: sqlite3.Connection, names: dict[str, str]) -> dict[str, int]:
    """key -> people.id for every key in `names` (key -> name), adding the people not yet known."""
    ids: dict[str, int] = {}
    keys = list(names)
    for i in range(0, len(keys), 500):
        chunk = keys[i:i + 500]
        ids.update(
            db.execute(f"SELECT key, id FROM people WHERE key IN ({', '.join('?' * len(chunk))})", chunk)
        )
    for key in keys:
        if key not in ids:  # new people are few after the first documents
            ids[key] = db.execute("INSERT INTO people(key, name) VALUES (?, ?)", (key, names[key])).lastrowid
    return ids


def update_file_stat(db: sqlite3.Connection, rows: list[tuple[int, int, int]]) -> None:
    """Record (size, mtime_ns, doc_id) of files whose bytes did not change. Call inside a transaction."""
    db.executemany("UPDATE documents SET size = ?, mtime_ns = ? WHERE id = ?", rows)
