"""`query.search` ranks exactly like the plain plan it replaces.

The plain plan joins every match to its document, scores it and sorts:
``ORDER BY bm25(documents_fts, 10, 1), d.id``. ``query.search`` ranks in the
full-text index alone and fetches documents and snippets for the winners only;
over a generated corpus, for every kind of query, filter and limit, both must
give the same documents in the same order with the same scores and snippets.
"""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from natocli import fts, query
from natocli.dates import bounds
from natocli.indexer import index_paths
from natocli.store import open_db

REPO = Path(__file__).resolve().parent.parent
N_DOCS, SEED = 300, 7
COPIES = 4  # documents indexed twice under another path: equal scores, ordered by id

_spec = importlib.util.spec_from_file_location("natocli_bench_corpus", REPO / "bench" / "corpus.py")
corpus = importlib.util.module_from_spec(_spec)
sys.modules.setdefault(_spec.name, corpus)
_spec.loader.exec_module(corpus)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> sqlite3.Connection:
    root = tmp_path_factory.mktemp("plan")
    articles = corpus.generate(root / "articles", N_DOCS, seed=SEED)
    copies = root / "copies"
    copies.mkdir()
    for i in range(COPIES):
        source = articles / corpus.document_path(i * 7, "txt")
        if source.exists():
            shutil.copy(source, copies / f"copy-{i}.txt")
    connection = open_db(root / "natocli.db")
    summary = index_paths(connection, [articles, copies])
    assert summary.added >= N_DOCS
    # The index of event lengths lets `timeline --since` bound where events start.
    connection.execute(
        "CREATE INDEX IF NOT EXISTS events_span ON events(julianday(end) - julianday(start))"
    )
    yield connection
    connection.close()


def plain_search(db, expression, *, limit=10, since=None, until=None, doc=None) -> list[tuple]:
    """The plan query.search replaces: one joined, scored and sorted pass over every match."""
    lo, hi = bounds(since, until)
    where, params = ["documents_fts MATCH ?"], [expression]
    if lo:
        where.append("d.published >= ?")
        params.append(lo)
    if hi:
        where.append("d.published <= ?")
        params.append(hi)
    if doc is not None:
        where.append("d.id = ?")
        params.append(doc)
    return db.execute(
        f"""
        SELECT d.id, d.path, d.title, d.published, -bm25(documents_fts, 10.0, 1.0),
               snippet(documents_fts, -1, '{query.HL_START}', '{query.HL_END}', '…', {query.SNIPPET_TOKENS})
        FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
        WHERE {' AND '.join(where)}
        ORDER BY bm25(documents_fts, 10.0, 1.0), d.id
        LIMIT ?
        """,
        [*params, limit or -1],
    ).fetchall()


def as_rows(hits: list[query.SearchHit]) -> list[tuple]:
    return [(h.doc_id, h.path, h.title, h.published, h.score, h.snippet) for h in hits]


QUERIES = corpus.bench_queries(N_DOCS, SEED)
RARE = QUERIES["rare"]

SEARCHES = [
    # (what a user types, --raw)
    *(pytest.param(q, False, id=f"{kind}:{q}") for kind, qs in QUERIES.items() for q in qs),
    pytest.param("summit", False, id="word"),
    pytest.param("Rutte NATO", False, id="two-words-mixed-case"),
    pytest.param("brussels OR vilnius", False, id="or"),
    pytest.param("nato -summit", False, id="minus"),
    pytest.param("defence NOT spending", False, id="not"),
    pytest.param("NEAR(defence spending, 5)", False, id="near"),
    pytest.param('"eastern flank" troops', False, id="phrase-and-word"),
    pytest.param('"defence spend"*', False, id="phrase-prefix"),
    pytest.param(f"{RARE[0]} OR {RARE[-1]}", False, id="rare-or-rare"),
    pytest.param(f"{RARE[-1]} OR nato", False, id="rare-or-common"),
    pytest.param("ukrain* OR russia", False, id="prefix-or-word"),
    pytest.param("summit:nato", False, id="column-syntax-is-words"),
    pytest.param("title : summit", True, id="raw-column-filter"),
    pytest.param("{title}: nato OR allies", True, id="raw-column-set"),
    pytest.param("^nato", True, id="raw-initial-token"),
    pytest.param("defence + spending", True, id="raw-plus-phrase"),
]


@pytest.mark.parametrize("text, raw", SEARCHES)
def test_same_hits_order_scores_and_snippets_as_the_plain_plan(db, text, raw):
    expression = query.match_expression(text, raw)
    assert db.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", (expression,)).fetchone()[0]
    for limit in (1, 3, 10, 25):
        assert as_rows(query.search(db, text, limit=limit, raw=raw)) == plain_search(db, expression, limit=limit), limit


@pytest.mark.parametrize("text", ["nato", "defen*", '"secretary general"', "brussels OR vilnius", "nato -summit"])
@pytest.mark.parametrize("limit", [250, 0])  # more hits than are looked up one by one; every match
def test_long_result_lists_rank_like_the_plain_plan(db, text, limit):
    hits = query.search(db, text, limit=limit)
    assert as_rows(hits) == plain_search(db, fts.to_fts(text), limit=limit)
    assert len(hits) > 25


FILTERS = [
    pytest.param({"since": "2024"}, id="since-year"),
    pytest.param({"until": "2019-06"}, id="until-month"),
    pytest.param({"since": "2020-03-01", "until": "2023-11-30"}, id="since-until-days"),
    pytest.param({"since": "2025", "until": "2025"}, id="one-year"),
    pytest.param({"since": "2099"}, id="future"),
]


@pytest.mark.parametrize("filters", FILTERS)
@pytest.mark.parametrize(
    "text", ["nato", "deterrence", '"secretary general"', "defen*", "summit OR brussels", "nato -summit", RARE[-1]]
)
def test_date_filters_rank_like_the_plain_plan(db, text, filters):
    expression = fts.to_fts(text)
    for limit in (1, 10, 0):
        assert as_rows(query.search(db, text, limit=limit, **filters)) == plain_search(
            db, expression, limit=limit, **filters
        )


def test_doc_filter_ranks_like_the_plain_plan(db):
    ids = [row[0] for row in db.execute("SELECT id FROM documents ORDER BY id LIMIT 40")]
    for doc in ids:
        for text in ("nato", "defen*", "deterrence OR summit"):
            got = as_rows(query.search(db, text, doc=doc))
            assert got == plain_search(db, fts.to_fts(text), doc=doc)
            assert [row[0] for row in got] in ([], [doc])


def test_equal_scores_are_ordered_by_id(db):
    """The copies score exactly like their originals; the lower id comes first."""
    hits = query.search(db, "nato", limit=0)
    ties = [(a.doc_id, b.doc_id) for a, b in zip(hits, hits[1:]) if a.score == b.score]
    assert len(ties) >= COPIES
    assert all(first < second for first, second in ties)
    assert as_rows(hits) == plain_search(db, fts.to_fts("nato"), limit=0)


def test_nothing_matches(db):
    assert query.search(db, "zzzqqqxxx") == []
    assert query.search(db, "nato", since="2099") == []


# --- timeline, who and spending ------------------------------------------------------
#
# These follow indexes in their output order (dated rows first, then undated ones) and
# start from a country's sentences; each must return what one plain statement returns.

_SENTENCE = "substr(d.text, {t}.sent_start + 1, {t}.sent_end - {t}.sent_start)"


def plain_timeline(db, terms=None, *, since=None, until=None, doc=None, limit=0) -> list[tuple]:
    lo, hi = bounds(since, until)
    where, params = ["1"], []
    if terms:
        where.append("e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
        params.append(fts.to_fts(terms))
    if lo:
        where.append("e.end >= ?")
        params.append(lo)
    if hi:
        where.append("e.start <= ?")
        params.append(hi)
    if doc is not None:
        where.append("e.doc_id = ?")
        params.append(doc)
    return db.execute(
        f"""
        SELECT e.start, e.end, e.precision, e.expression, {_SENTENCE.format(t='e')}, e.year_inferred, d.id, d.path,
               d.title
        FROM events e JOIN documents d ON d.id = e.doc_id WHERE {' AND '.join(where)}
        ORDER BY e.start IS NULL, e.start, e.end, e.doc_id, e.pos LIMIT ?
        """,
        [*params, limit or -1],
    ).fetchall()


@pytest.mark.parametrize(
    "terms, filters",
    [
        pytest.param(None, {}, id="all"),
        pytest.param(None, {"since": "2024", "until": "2024"}, id="one-year"),
        pytest.param(None, {"since": "2025-03"}, id="since-month"),
        pytest.param(None, {"until": "2019"}, id="until-year"),
        pytest.param("summit", {}, id="terms"),
        pytest.param("summit OR ministers", {"since": "2023"}, id="terms-since"),
        pytest.param(None, {"doc": 3}, id="one-document"),
    ],
)
def test_timeline_keeps_its_rows_and_order(db, terms, filters):
    for limit in (1, 20, 0):
        got = [
            (e.start, e.end, e.precision, e.expression, e.sentence, int(e.year_inferred), e.doc_id, e.path, e.title)
            for e in query.timeline(db, terms, limit=limit, **filters)
        ]
        assert got == plain_timeline(db, terms, limit=limit, **filters)
    if not filters and not terms:
        assert any(e.start is None for e in query.timeline(db)), "the corpus has events without a year"


def plain_spending(db, *, country=None, unit=None, since=None, limit=0) -> list[tuple]:
    lo, hi = bounds(since, None)
    where, params = ["1"], []
    if lo:
        where.append("d.published >= ?")
        params.append(lo)
    if country:
        where.append("lower(s.entity) = lower(?)")
        params.append(country)
    if unit:
        where.append(query.UNITS[unit])
    return db.execute(
        f"""
        SELECT s.entity, s.value, s.unit, s.kind, s.year, s.expression, {_SENTENCE.format(t='s')}, d.id, d.path,
               d.title, d.published
        FROM spending s JOIN documents d ON d.id = s.doc_id WHERE {' AND '.join(where)}
        ORDER BY d.published IS NULL, d.published, s.doc_id, s.pos LIMIT ?
        """,
        [*params, limit or -1],
    ).fetchall()


@pytest.mark.parametrize(
    "filters",
    [
        pytest.param({}, id="all"),
        pytest.param({"unit": "gdp"}, id="gdp"),
        pytest.param({"unit": "money", "since": "2024"}, id="money-since"),
        pytest.param({"country": "Germany"}, id="country"),
        pytest.param({"country": "germany"}, id="country-lower-case"),
        pytest.param({"country": "NATO"}, id="alliance"),
    ],
)
def test_spending_keeps_its_rows_and_order(db, filters):
    for limit in (1, 20, 0):
        got = [
            (f.entity, f.value, f.unit, f.kind, f.year, f.expression, f.sentence, f.doc_id, f.path, f.title,
             f.published)
            for f in query.spending(db, limit=limit, **filters)
        ]
        assert got == plain_spending(db, limit=limit, **filters)
    assert query.spending(db, **filters)


def plain_who_names(db, country: str) -> list[tuple]:
    return db.execute(
        """
        SELECT p.name, count(*), count(DISTINCT m.doc_id), min(d.published), max(d.published)
        FROM mentions m JOIN people p ON p.id = m.person_id JOIN documents d ON d.id = m.doc_id
        WHERE EXISTS (SELECT 1 FROM sentence_countries sc WHERE sc.doc_id = m.doc_id
                      AND sc.sent_start = m.sent_start AND sc.country = ?)
        GROUP BY p.id ORDER BY count(*) DESC, count(DISTINCT m.doc_id) DESC, p.key
        """,
        (country,),
    ).fetchall()


@pytest.mark.parametrize("country", ["Germany", "Poland", "Ukraine", "Portugal"])
def test_who_by_country_counts_each_mention_once(db, country):
    people = query.who(db, country=country)
    assert people, f"nobody in a sentence about {country}"
    assert [(p.name, p.mentions, p.documents, p.first_seen, p.last_seen) for p in people] == plain_who_names(
        db, country
    )


@pytest.mark.parametrize(
    "terms, filters",
    [
        pytest.param("summit", {}, id="terms"),
        pytest.param("summit OR ministers", {"since": "2023"}, id="terms-since"),
        pytest.param('"defence ministers"', {"until": "2025"}, id="phrase-until"),
    ],
)
def test_timeline_with_common_terms_walks_events_in_order_to_the_same_rows(db, terms, filters, monkeypatch):
    monkeypatch.setattr(query, "COMMON_MATCHES", 3)  # every term is "common": the date-order walk runs
    assert query._matches_more_than(db, "events_fts", fts.to_fts(terms), query.COMMON_MATCHES)
    for limit in (1, 20, 0):
        got = [
            (e.start, e.end, e.precision, e.expression, e.sentence, int(e.year_inferred), e.doc_id, e.path, e.title)
            for e in query.timeline(db, terms, limit=limit, **filters)
        ]
        assert got == plain_timeline(db, terms, limit=limit, **filters)
