"""The query parser: what users type -> valid FTS5, never a syntax error."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from natocli.errors import BadInput
from natocli.fts import to_fts
from natocli.migrations import TOKENIZER


@pytest.fixture(scope="module")
def fts_db():
    db = sqlite3.connect(":memory:")
    db.execute(f"CREATE VIRTUAL TABLE t USING fts5(title, text, tokenize='{TOKENIZER}')")
    db.execute("INSERT INTO t VALUES ('NATO summit', 'Pedro Sánchez welcomed higher defence spending and F-35 orders')")
    return db


PARSED = [
    pytest.param("defence spending", '"defence" AND "spending"', id="plain-words-are-anded"),
    pytest.param('"defence spending"', '"defence spending"', id="phrase"),
    pytest.param('"defence spending', '"defence" AND "spending"', id="unbalanced-quote-is-words"),
    pytest.param("nato OR russia", '("nato" OR "russia")', id="or"),
    pytest.param("nato OR russia spending", '("nato" OR "russia") AND "spending"', id="or-then-and"),
    pytest.param("nato -russia", '"nato" NOT "russia"', id="minus-word"),
    pytest.param("nato NOT russia", '"nato" NOT "russia"', id="not"),
    pytest.param("nato -russia -china", '"nato" NOT "russia" NOT "china"', id="two-negatives"),
    pytest.param("a b -c", '("a" AND "b") NOT "c"', id="not-binds-after-and"),
    pytest.param("spend*", '"spend"*', id="prefix"),
    pytest.param("NEAR(rutte lisbon)", 'NEAR("rutte" "lisbon")', id="near"),
    pytest.param("NEAR(rutte lisbon, 5)", 'NEAR("rutte" "lisbon", 5)', id="near-distance"),
    pytest.param("NEAR(rutte lisbon", '"rutte" AND "lisbon"', id="unclosed-near-is-words"),
    pytest.param("NEAR(rutte)", '"rutte"', id="near-of-one-word"),
    pytest.param("spending AND", '"spending"', id="trailing-and"),
    pytest.param("AND spending", '"spending"', id="leading-and"),
    pytest.param("spending OR", '"spending"', id="trailing-or"),
    pytest.param("nato NOT", '"nato"', id="trailing-not"),
    pytest.param("nato - spending", '"nato" AND "spending"', id="lone-hyphen"),
    pytest.param("-russia", '"russia"', id="only-negative-searched-plainly"),
    pytest.param("title:nato", '"title" AND "nato"', id="colon-splits-words"),
    pytest.param("(spending", '"spending"', id="open-bracket"),
    pytest.param("spending)", '"spending"', id="close-bracket"),
    pytest.param("^spending", '"spending"', id="caret"),
    pytest.param("x^2", '"x" AND "2"', id="caret-inside"),
    pytest.param("*nato", '"nato"', id="leading-star"),
    pytest.param("F-35", '"F-35"', id="hyphenated-word-is-a-phrase-for-the-tokenizer"),
    pytest.param('say "hi', '"say" AND "hi"', id="stray-quote"),
    pytest.param("Sánchez", '"Sánchez"', id="accents-kept-tokenizer-folds"),
    pytest.param("nato or russia", '"nato" AND "or" AND "russia"', id="lower-case-or-is-a-word"),
    pytest.param('a"b"c', '"a" AND "b" AND "c"', id="quotes-inside-word"),
    pytest.param('"defence spending"*', '"defence spending"*', id="phrase-prefix"),
]


@pytest.mark.parametrize("query, expected", PARSED)
def test_to_fts(query, expected, fts_db):
    assert to_fts(query) == expected
    fts_db.execute("SELECT count(*) FROM t WHERE t MATCH ?", (expected,)).fetchone()


@pytest.mark.parametrize("query", ["", "   ", "*", ":", "(", "^", "-", "AND", "OR NOT", '""', "NEAR()"])
def test_nothing_to_search_is_bad_input(query):
    with pytest.raises(BadInput):
        to_fts(query)


@pytest.mark.parametrize(
    "query, hits",
    [
        ("sanchez", 1),
        ("spend", 1),          # porter stemming: spend finds spending
        ("summit", 1),         # title column
        ("f-35", 1),
        ("F35", 0),
        ("nato -sanchez", 0),
        ("nato OR zzz", 1),
    ],
)
def test_parsed_queries_find(query, hits, fts_db):
    count = fts_db.execute("SELECT count(*) FROM t WHERE t MATCH ?", (to_fts(query),)).fetchone()[0]
    assert count == hits


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    query=st.one_of(
        st.text(),
        st.lists(
            st.sampled_from(['"', "(", ")", "NEAR(", "OR", "AND", "NOT", "-", "*", "^", ":", "nato", "spend*", "é", ","]),
            max_size=12,
        ).map(" ".join),
    )
)
def test_any_query_is_valid_fts5_or_bad_input(query, fts_db):
    try:
        expression = to_fts(query)
    except BadInput:
        return
    fts_db.execute("SELECT count(*) FROM t WHERE t MATCH ?", (expression,)).fetchone()
    assert to_fts(query) == expression
