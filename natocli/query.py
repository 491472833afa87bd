"""Queries: SQL over the store, returning small frozen dataclasses.

The field names of each result class are its JSON keys; fields marked
``TABLE_ONLY`` feed the table view and stay out of JSON, JSON Lines and CSV.
Highlighted matches in snippets are wrapped in ``HL_START``/``HL_END``; the
renderer turns them into bold on a terminal and drops them elsewhere.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from natocli import fts
from natocli.dates import bounds
from natocli.fts import HL_END, HL_START
from natocli.errors import Ambiguous, BadInput, NotFound, QuerySyntaxError
from natocli.store import decompress, get_meta

TABLE_ONLY = {"table_only": True}

# BM25 weights of the FTS columns (title, text): a word in the headline counts ten times.
TITLE_WEIGHT, TEXT_WEIGHT = 10.0, 1.0
SNIPPET_TOKENS = 20

# Precision names from the most to the least precise.
PRECISIONS = ("day", "month", "season", "quarter", "year", "decade")


def _limit(limit: int) -> int:
    if limit < 0:
        raise BadInput("--limit must be 0 (no limit) or a positive number")
    return limit if limit else -1


def _published_between(since: str | None, until: str | None, column: str = "d.published") -> tuple[list[str], list]:
    """WHERE clauses and parameters keeping rows whose `column` date is within [since, until]."""
    lo, hi = bounds(since, until)
    where, params = ["1"], []
    if lo:
        where.append(f"{column} >= ?")
        params.append(lo)
    if hi:
        where.append(f"{column} <= ?")
        params.append(hi)
    return where, params


@contextmanager
def read_snapshot(db: sqlite3.Connection) -> Iterator[None]:
    """One read transaction around a query's statements: they all see the same state of the
    database (an indexer may commit between them), and SQLite skips the per-statement
    transaction work, which BM25 pays once per matching row through its document-size lookups."""
    if db.in_transaction:
        yield
        return
    db.execute("BEGIN")
    try:
        yield
    finally:
        db.execute("COMMIT")


def match_expression(query: str, raw: bool) -> str:
    return query if raw else fts.to_fts(query)


def _run_match(db: sqlite3.Connection, sql: str, params: list, raw: bool) -> list[tuple]:
    try:
        return db.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        message = str(exc)
        if raw and ("fts5" in message or "syntax error" in message or "no such column" in message):
            raise QuerySyntaxError(
                f"invalid FTS5 query: {message}", hint="drop --raw to search plain words"
            ) from None
        raise


# --- search ---------------------------------------------------------------


@dataclass(frozen=True)
class SearchHit:
    doc_id: int
    path: str
    title: str
    published: str | None
    score: float
    snippet: str


def search(
    db: sqlite3.Connection,
    query: str,
    *,
    limit: int = 10,
    since: str | None = None,
    until: str | None = None,
    doc: int | None = None,
    raw: bool = False,
) -> list[SearchHit]:
    """Documents matching `query`, best first (BM25, title weighted above body; ties by id).

    The ranking reads the full-text index alone (rowid and BM25 score, never
    the documents table) and keeps the best `limit`; only those are joined
    to their documents and given a snippet. BM25's statistics (row count,
    average length, each phrase's document frequency) cover the whole index
    whatever the filters, so scores and order are those of one
    ``ORDER BY bm25(…), id`` over the joined tables.
    """
    expression = match_expression(query, raw)
    where, params = ["documents_fts MATCH ?"], [expression]
    dated, dated_params = _published_between(since, until, "published")
    if dated_params:
        # Read the dates from their covering index once instead of each match's document row;
        # the + keeps SQLite from turning this into one full-text lookup per dated document.
        where.append(f"+rowid IN (SELECT id FROM documents WHERE {' AND '.join(dated)})")
        params.extend(dated_params)
    if doc is not None:
        where.append("rowid = ?")
        params.append(doc)
    # Snippets come from looking each hit up again in the index, unless that costs more than
    # taking them during the ranking pass, where SQLite computes a row's snippet only when its
    # score enters the best `limit` so far: a prefix term is expanded over every word it starts
    # at each lookup, and many hits are cheaper in one pass.
    in_ranking = "*" in expression or not 0 < limit <= _LOOKUP_HITS
    with read_snapshot(db):
        ranked = _run_match(
            db,
            f"SELECT rowid, {_BM25} AS rank_score, {_SNIPPET if in_ranking else 'NULL'} "
            f"FROM documents_fts WHERE {' AND '.join(where)} ORDER BY rank_score, rowid LIMIT ?",
            [*params, _limit(limit)],
            raw,
        )
        if not ranked:
            return []
        rowids = json.dumps([rowid for rowid, _, _ in ranked])
        if in_ranking:
            rows = db.execute(
                "SELECT id, path, title, published, NULL FROM documents "
                "WHERE id IN (SELECT value FROM json_each(?))",
                (rowids,),
            )
        else:
            rows = db.execute(
                f"SELECT f.rowid, d.path, d.title, d.published, {_SNIPPET} "
                "FROM documents_fts f JOIN documents d ON d.id = f.rowid "
                "WHERE documents_fts MATCH ? AND f.rowid IN (SELECT value FROM json_each(?))",
                (expression, rowids),
            )
        details = {rowid: rest for rowid, *rest in rows}
    hits = []
    for rowid, bm25, ranked_snippet in ranked:
        if rowid in details:  # always, unless the index is out of step with its documents
            path, title, published, looked_up_snippet = details[rowid]
            snippet = ranked_snippet if in_ranking else looked_up_snippet
            hits.append(SearchHit(rowid, path, title, published, -bm25, snippet))
    return hits


_BM25 = f"bm25(documents_fts, {TITLE_WEIGHT}, {TEXT_WEIGHT})"
_SNIPPET = f"snippet(documents_fts, -1, '{HL_START}', '{HL_END}', '…', {SNIPPET_TOKENS})"
# Hits looked up one by one for their snippets at most; beyond, one pass is cheaper.
_LOOKUP_HITS = 200


# --- documents ------------------------------------------------------------


@dataclass(frozen=True)
class DocRow:
    doc_id: int
    path: str
    title: str
    published: str | None
    words: int
    indexed_at: str


def docs(
    db: sqlite3.Connection, *, limit: int = 0, since: str | None = None, until: str | None = None
) -> list[DocRow]:
    where, params = _published_between(since, until, "published")
    rows = db.execute(
        f"SELECT id, path, title, published, words, indexed_at FROM documents "
        f"WHERE {' AND '.join(where)} ORDER BY id LIMIT ?",
        [*params, _limit(limit)],
    ).fetchall()
    return [DocRow(*row) for row in rows]


@dataclass(frozen=True)
class Document(DocRow):
    """A document row with its text (cleaned, or the original with --raw)."""

    text: str


def show(db: sqlite3.Connection, ref: str, *, raw: bool = False) -> Document:
    """One document by id or by path (absolute, or relative to the working directory)."""
    from pathlib import Path

    columns = "id, path, title, published, words, indexed_at, text, raw"
    row = None
    if ref.isdigit():
        row = db.execute(f"SELECT {columns} FROM documents WHERE id = ?", (int(ref),)).fetchone()
    if row is None:
        row = db.execute(
            f"SELECT {columns} FROM documents WHERE path = ? OR path = ?",
            (ref, str(Path(ref).expanduser().absolute())),
        ).fetchone()
    if row is None:
        raise NotFound(f"no indexed document {ref!r}", hint="`natocli docs` lists them")
    *head, text, raw_blob = row
    return Document(*head, decompress(raw_blob, text) if raw else text)


@dataclass(frozen=True)
class Stats:
    documents: int
    words: int
    people: int
    events: int
    spending: int
    db_bytes: int
    db_path: str
    last_indexed: str | None


def stats(db: sqlite3.Connection, db_path: str) -> Stats:
    import os

    one = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
    size = sum(os.path.getsize(p) for p in (db_path, db_path + "-wal") if os.path.exists(p))
    return Stats(
        documents=one("SELECT count(*) FROM documents"),
        words=one("SELECT coalesce(sum(words), 0) FROM documents"),
        people=one("SELECT count(*) FROM people"),
        events=one("SELECT count(*) FROM events"),
        spending=one("SELECT count(*) FROM spending"),
        db_bytes=size,
        db_path=db_path,
        last_indexed=get_meta(db, "last_indexed"),  # none yet while the first index runs
    )


def _dated_then_undated(
    db: sqlite3.Connection, select: str, params: list, *, date: str, dated_order: str, undated_order: str,
    limit: int,
) -> list[tuple]:
    """The rows of `select` (which ends in its WHERE clause) whose `date` is known, in
    `dated_order`, then the others in `undated_order`; at most `limit` (0: all).

    The same order as one ``ORDER BY date IS NULL, …``, but each part can follow an index
    (events by date, documents by published date), so a limited query reads a few rows
    instead of sorting every match first.
    """
    with read_snapshot(db):
        rows = db.execute(
            f"{select} AND {date} IS NOT NULL ORDER BY {dated_order} LIMIT ?", [*params, _limit(limit)]
        ).fetchall()
        if not limit or len(rows) < limit:
            rows += db.execute(
                f"{select} AND {date} IS NULL ORDER BY {undated_order} LIMIT ?",
                [*params, _limit(limit - len(rows)) if limit else -1],
            ).fetchall()
    return rows


# --- timeline -------------------------------------------------------------

# Above this many matching events a limited timeline walks events in date order.
COMMON_MATCHES = 2_000


def _matches_more_than(db: sqlite3.Connection, table: str, expression: str, n: int) -> bool:
    return db.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH ? LIMIT ?)", (expression, n + 1)
    ).fetchone()[0] > n

# An index on each event's length in days (``events_span``) makes the longest one a lookup.
_LONGEST_EVENT = "SELECT max(julianday(end) - julianday(start)) FROM events"


def _earliest_start(db: sqlite3.Connection, lo: str) -> str | None:
    """The earliest start of an event that ends on or after `lo` (None: no events).

    No event is longer than the longest, so one ending on or after `lo` starts no earlier
    than `lo` minus that length: the scan of events by start can skip everything older.
    """
    import datetime as dt
    import math

    longest = db.execute(_LONGEST_EVENT).fetchone()[0]
    if longest is None:
        return None
    try:
        return (dt.date.fromisoformat(lo) - dt.timedelta(days=math.ceil(longest))).isoformat()
    except OverflowError:
        return None


@dataclass(frozen=True)
class TimelineEvent:
    start: str | None
    end: str | None
    precision: str
    expression: str
    sentence: str
    year_inferred: bool
    doc_id: int
    path: str
    title: str


_SENTENCE = "substr(d.text, {t}.sent_start + 1, {t}.sent_end - {t}.sent_start)"


def timeline(
    db: sqlite3.Connection,
    terms: str | None = None,
    *,
    since: str | None = None,
    until: str | None = None,
    doc: int | None = None,
    precision: str | None = None,
    limit: int = 0,
) -> list[TimelineEvent]:
    """Dated events in order; events whose year is unknown come last."""
    lo, hi = bounds(since, until)
    where, params = ["1"], []
    if terms:
        expression = fts.to_fts(terms)
        if limit and _matches_more_than(db, "events_fts", expression, COMMON_MATCHES):
            # Many events match: walk events in date order and test each against the set of
            # matches (built once; the + keeps SQLite from fetching the matches by id and
            # sorting them all), so a page is found in a few steps.
            where.append("+e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
        else:
            where.append("e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
        params.append(expression)
    if lo:
        where.append("e.end >= ?")
        params.append(lo)
        earliest = _earliest_start(db, lo)
        if earliest:
            where.append("e.start >= ?")
            params.append(earliest)
    if hi:
        where.append("e.start <= ?")
        params.append(hi)
    if doc is not None:
        where.append("e.doc_id = ?")
        params.append(doc)
    if precision:
        if precision not in PRECISIONS:
            raise BadInput(f"unknown precision {precision!r}", hint=f"use one of {', '.join(PRECISIONS)}")
        allowed = PRECISIONS[: PRECISIONS.index(precision) + 1]
        where.append(f"e.precision IN ({','.join('?' * len(allowed))})")
        params.extend(allowed)
    rows = _dated_then_undated(
        db,
        f"""
        SELECT e.start, e.end, e.precision, e.expression, {_SENTENCE.format(t='e')},
               e.year_inferred, d.id, d.path, d.title
        FROM events e JOIN documents d ON d.id = e.doc_id
        WHERE {' AND '.join(where)}
        """,
        params,
        date="e.start",
        dated_order="e.start, e.end, e.doc_id, e.pos",
        undated_order="e.end, e.doc_id, e.pos",
        limit=limit,
    )
    return [
        TimelineEvent(s, e, p, x, sentence, bool(yi), doc_id, path, title)
        for s, e, p, x, sentence, yi, doc_id, path, title in rows
    ]


# --- who ------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    name: str
    roles: list[str]
    aliases: list[str]
    mentions: int
    documents: int
    first_seen: str | None
    last_seen: str | None


@dataclass(frozen=True)
class Appearance:
    doc_id: int
    path: str
    title: str
    sentence: str
    published: str | None = field(default=None, metadata=TABLE_ONLY)
    role: str | None = field(default=None, metadata=TABLE_ONLY)


@dataclass(frozen=True)
class RoleSource:
    role: str
    doc_ids: list[int]


@dataclass(frozen=True)
class CoMention:
    name: str
    count: int


@dataclass(frozen=True)
class PersonCard:
    name: str
    roles: list[RoleSource]
    aliases: list[str]
    mentions: int
    documents: int
    first_seen: str | None
    last_seen: str | None
    appearances: list[Appearance]
    co_mentioned: list[CoMention]


def _country_name(name: str) -> str:
    from natocli.extract.countries import lookup_country

    country = lookup_country(name)
    if country is None:
        raise BadInput(f"unknown country {name!r}", hint="give a country name or adjective, e.g. Portugal or Portuguese")
    return country.name


def _mention_filters(
    since: str | None, until: str | None, doc: int | None, country: str | None
) -> tuple[str, list[str], list]:
    """(JOIN clause, WHERE clauses, parameters) keeping the mentions `who` counts."""
    join, join_params = "", []
    if country:
        # A join, not EXISTS: SQLite can then start from the country's sentences (an index)
        # instead of testing every mention. (doc_id, sent_start, country) is the key of
        # sentence_countries, so no mention is counted twice.
        join = (
            "JOIN sentence_countries sc ON sc.doc_id = m.doc_id AND sc.sent_start = m.sent_start "
            "AND sc.country = ?"
        )
        join_params.append(_country_name(country))
    where, params = _published_between(since, until)
    if doc is not None:
        where.append("m.doc_id = ?")
        params.append(doc)
    return join, where, join_params + params


def _split(joined: str | None) -> list[str]:
    return sorted(set(joined.split("\x1f"))) if joined else []


def _aliases(surfaces: list[str] | set[str], name: str) -> list[str]:
    """The other names a person goes by, once each whatever their case ("The Secretary General")."""
    seen = {name.casefold()}
    out = []
    for surface in sorted(surfaces, key=lambda s: (s.casefold(), not s[:1].islower())):
        if surface.casefold() not in seen:
            seen.add(surface.casefold())
            out.append(surface)
    return out


def who(
    db: sqlite3.Connection,
    *,
    role: str | None = None,
    country: str | None = None,
    doc: int | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 0,
) -> list[Person]:
    """People, most mentioned first."""
    join, where, params = _mention_filters(since, until, doc, country)
    if role:
        where.append("p.id IN (SELECT person_id FROM mentions WHERE role LIKE ?)")
        params.append(f"%{role}%")
    rows = db.execute(
        f"""
        SELECT p.name, group_concat(m.role, char(31)), group_concat(m.surface, char(31)),
               count(*), count(DISTINCT m.doc_id), min(d.published), max(d.published)
        FROM mentions m JOIN people p ON p.id = m.person_id JOIN documents d ON d.id = m.doc_id {join}
        WHERE {' AND '.join(where)}
        GROUP BY p.id
        ORDER BY count(*) DESC, count(DISTINCT m.doc_id) DESC, p.key
        LIMIT ?
        """,
        [*params, _limit(limit)],
    ).fetchall()
    return [
        Person(name, _split(roles), _aliases(_split(aliases), name), n, ndocs, first, last)
        for name, roles, aliases, n, ndocs, first, last in rows
    ]


def find_people(db: sqlite3.Connection, name: str) -> list[tuple[int, str]]:
    """People whose name or alias matches `name`, ignoring case and accents; surnames alone work."""
    from natocli.extract.people import person_key

    key = person_key(name)
    if not key:
        raise BadInput("give a name to look up")
    exact = db.execute("SELECT id, name FROM people WHERE key = ?", (key,)).fetchall()
    if exact:
        return exact
    candidates = db.execute(
        "SELECT DISTINCT p.id, p.name, p.key, m.surface FROM people p JOIN mentions m ON m.person_id = p.id"
    ).fetchall()
    words = key.split()
    found: dict[int, str] = {}
    for person_id, person_name, person_key_, surface in candidates:
        haystack = person_key_.split() + person_key(surface).split()
        if all(w in haystack for w in words):
            found[person_id] = person_name
    return sorted(found.items(), key=lambda item: item[1])


CARD_APPEARANCES = 20  # sentences a person card quotes: the latest ones


def person_card(db: sqlite3.Connection, name: str) -> PersonCard:
    matches = find_people(db, name)
    if not matches:
        raise NotFound(f"nobody called {name!r} in the index", hint="`natocli who` lists everyone")
    if len(matches) > 1:
        names = [n for _, n in matches]
        raise Ambiguous(
            f"{name!r} matches {len(names)} people: {'; '.join(names)}",
            names,
            hint="give the full name",
        )
    person_id, person_name = matches[0]
    mentions, documents, first_seen, last_seen = db.execute(
        "SELECT count(*), count(DISTINCT m.doc_id), min(d.published), max(d.published) "
        "FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.person_id = ?",
        (person_id,),
    ).fetchone()
    role_docs: dict[str, list[int]] = {}
    for role, doc_id in db.execute(
        "SELECT role, doc_id FROM mentions WHERE person_id = ? AND role IS NOT NULL "
        "GROUP BY role, doc_id ORDER BY role, doc_id",
        (person_id,),
    ):
        role_docs.setdefault(role, []).append(doc_id)
    surfaces = {s for (s,) in db.execute("SELECT DISTINCT surface FROM mentions WHERE person_id = ?", (person_id,))}
    # The latest sentences that name the person, one per sentence, shown oldest first.
    recent = db.execute(
        f"""
        SELECT m.doc_id, d.path, d.title, {_SENTENCE.format(t='m')}, d.published, m.role, min(m.pos)
        FROM mentions m JOIN documents d ON d.id = m.doc_id
        WHERE m.person_id = ?
        GROUP BY m.doc_id, m.sent_start
        ORDER BY d.published IS NOT NULL, d.published DESC, m.doc_id DESC, min(m.pos) DESC
        LIMIT ?
        """,
        (person_id, CARD_APPEARANCES),
    ).fetchall()
    appearances = [Appearance(*row[:6]) for row in reversed(recent)]
    co = db.execute(
        """
        SELECT p.name, count(DISTINCT o.doc_id || ':' || o.sent_start) AS n
        FROM mentions m JOIN mentions o ON o.doc_id = m.doc_id AND o.sent_start = m.sent_start
        JOIN people p ON p.id = o.person_id
        WHERE m.person_id = ? AND o.person_id != ?
        GROUP BY o.person_id ORDER BY n DESC, p.key LIMIT 10
        """,
        (person_id, person_id),
    ).fetchall()
    return PersonCard(
        name=person_name,
        roles=[RoleSource(role, ids) for role, ids in sorted(role_docs.items())],
        aliases=_aliases(surfaces, person_name),
        mentions=mentions,
        documents=documents,
        first_seen=first_seen,
        last_seen=last_seen,
        appearances=appearances,
        co_mentioned=[CoMention(n, c) for n, c in co],
    )


# --- spending -------------------------------------------------------------


@dataclass(frozen=True)
class SpendingFigure:
    entity: str | None
    value: float
    unit: str
    kind: str
    year: int | None
    expression: str
    sentence: str
    doc_id: int
    path: str
    title: str
    published: str | None = field(default=None, metadata=TABLE_ONLY)


UNITS = {"gdp": "s.unit = '%GDP'", "percent": "s.unit = '%'", "money": "s.unit NOT LIKE '\\%%' ESCAPE '\\'"}
KINDS = ("target", "pledge", "actual", "estimate", "increase", "aid", "other")


def spending(
    db: sqlite3.Connection,
    *,
    country: str | None = None,
    unit: str | None = None,
    kind: str | None = None,
    since: str | None = None,
    until: str | None = None,
    minimum: float | None = None,
    doc: int | None = None,
    limit: int = 0,
) -> list[SpendingFigure]:
    where, params = _published_between(since, until)
    if country:
        from natocli.extract.countries import lookup_country

        found = lookup_country(country)
        # SQLite's NOCASE folds ASCII letters only, exactly as its lower() does.
        where.append("s.entity = ? COLLATE NOCASE")
        params.append(found.name if found else country)
    if unit:
        if unit not in UNITS:
            raise BadInput(f"unknown unit {unit!r}", hint=f"use one of {', '.join(UNITS)}")
        where.append(UNITS[unit])
    if kind:
        if kind not in KINDS:
            raise BadInput(f"unknown kind {kind!r}", hint=f"use one of {', '.join(KINDS)}")
        where.append("s.kind = ?")
        params.append(kind)
    if minimum is not None:
        where.append("s.value >= ?")
        params.append(minimum)
    if doc is not None:
        where.append("s.doc_id = ?")
        params.append(doc)
    rows = _dated_then_undated(
        db,
        f"""
        SELECT s.entity, s.value, s.unit, s.kind, s.year, s.expression, {_SENTENCE.format(t='s')},
               d.id, d.path, d.title, d.published
        FROM {"spending s JOIN documents d" if country or doc is not None else "documents d CROSS JOIN spending s"}
            ON d.id = s.doc_id
        WHERE {' AND '.join(where)}
        """,
        params,
        date="d.published",
        dated_order="d.published, d.id, s.pos",
        undated_order="d.id, s.pos",
        limit=limit,
    )
    return [SpendingFigure(*row) for row in rows]
