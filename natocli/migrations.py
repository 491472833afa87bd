"""Numbered, append-only schema migrations.

Each ``mNNN_*`` function takes a connection inside a transaction and moves the
schema one version up; ``PRAGMA user_version`` records the version reached.
Never edit a migration once released: add the next one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

# Written into the database header so natocli can tell its own files apart
# from other SQLite databases ("NATO" in ASCII).
APPLICATION_ID = 0x4E41544F

TOKENIZER = "porter unicode61 remove_diacritics 2"


def run_script(db: sqlite3.Connection, script: str) -> None:
    """Run a multi-statement script inside the caller's transaction.

    ``executescript`` would commit first, so statements go one by one.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement in migration: {statement!r}")


def m001_initial(db: sqlite3.Connection) -> None:
    run_script(
        db,
        f"""
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT
        );
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            published TEXT,            -- ISO date, only when the article states one
            text TEXT NOT NULL,        -- cleaned article text, what is searched
            raw BLOB NOT NULL,         -- the original text, zlib-compressed UTF-8
            sha256 TEXT NOT NULL,      -- of the file's bytes
            words INTEGER NOT NULL,
            indexed_at TEXT NOT NULL   -- ISO timestamp, UTC
        );
        CREATE INDEX documents_published ON documents(published);

        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text, content='documents', content_rowid='id',
            tokenize='{TOKENIZER}'
        );
        CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text)
                VALUES ('delete', old.id, old.title, old.text);
        END;
        CREATE TRIGGER documents_au AFTER UPDATE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text)
                VALUES ('delete', old.id, old.title, old.text);
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;

        -- Every extracted row keeps its own span (pos, pos_end) and its
        -- sentence's span (sent_start, sent_end) in documents.text, so the
        -- sentence is sliced from the document instead of stored twice.
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            pos INTEGER NOT NULL,
            pos_end INTEGER NOT NULL,
            sent_start INTEGER NOT NULL,
            sent_end INTEGER NOT NULL,
            expression TEXT NOT NULL,
            start TEXT,                -- ISO date or NULL when the year is unknown
            end TEXT,
            precision TEXT NOT NULL,
            year_inferred INTEGER NOT NULL DEFAULT 0,
            named TEXT
        );
        CREATE INDEX events_start ON events(start, doc_id, pos);
        CREATE INDEX events_doc ON events(doc_id, pos);
        -- The sentences of events, for `timeline TERMS`: an index only, the
        -- text lives in documents.
        CREATE VIRTUAL TABLE events_fts USING fts5(
            sentence, content='', tokenize='{TOKENIZER}'
        );

        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,  -- folded for case and accents
            name TEXT NOT NULL
        );
        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id),
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            pos INTEGER NOT NULL,
            pos_end INTEGER NOT NULL,
            sent_start INTEGER NOT NULL,
            sent_end INTEGER NOT NULL,
            surface TEXT NOT NULL,
            role TEXT
        );
        CREATE INDEX mentions_person ON mentions(person_id, doc_id);
        CREATE INDEX mentions_doc ON mentions(doc_id, sent_start);
        CREATE TABLE role_mentions (
            id INTEGER PRIMARY KEY,
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            pos INTEGER NOT NULL,
            pos_end INTEGER NOT NULL,
            sent_start INTEGER NOT NULL,
            sent_end INTEGER NOT NULL,
            role TEXT NOT NULL
        );
        CREATE INDEX role_mentions_doc ON role_mentions(doc_id);

        CREATE TABLE sentence_countries (
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            sent_start INTEGER NOT NULL,
            country TEXT NOT NULL,
            PRIMARY KEY (doc_id, sent_start, country)
        ) WITHOUT ROWID;
        CREATE INDEX sentence_countries_country ON sentence_countries(country, doc_id);

        CREATE TABLE spending (
            id INTEGER PRIMARY KEY,
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            pos INTEGER NOT NULL,
            pos_end INTEGER NOT NULL,
            sent_start INTEGER NOT NULL,
            sent_end INTEGER NOT NULL,
            expression TEXT NOT NULL,
            entity TEXT,
            value REAL NOT NULL,
            unit TEXT NOT NULL,
            kind TEXT NOT NULL,
            year INTEGER
        );
        CREATE INDEX spending_entity ON spending(entity);
        CREATE INDEX spending_doc ON spending(doc_id, pos);
        """
    )


def m002_file_stat(db: sqlite3.Connection) -> None:
    """Size and mtime of each file when read: re-indexing skips unchanged files without reading them."""
    run_script(
        db,
        """
        ALTER TABLE documents ADD COLUMN size INTEGER;
        ALTER TABLE documents ADD COLUMN mtime_ns INTEGER;
        """,
    )


def m003_query_indexes(db: sqlite3.Connection) -> None:
    """Indexes the filtered timeline and spending queries read in order, so a limited query stops early.

    events_when supersedes events_start; events_span makes the longest event a
    lookup (timeline --since skips events that start too early to reach it);
    spending_entity folds case as --country compares.
    """
    run_script(
        db,
        """
        DROP INDEX events_start;
        CREATE INDEX events_when ON events(start, end, doc_id, pos);
        CREATE INDEX events_span ON events(julianday(end) - julianday(start));
        DROP INDEX spending_entity;
        CREATE INDEX spending_entity ON spending(entity COLLATE NOCASE);
        """,
    )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [m001_initial, m002_file_stat, m003_query_indexes]
SCHEMA_VERSION = len(MIGRATIONS)
