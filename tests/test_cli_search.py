"""`natocli search` through the public CLI, on the bundled seeds (indexed automatically on first use)."""

from __future__ import annotations

import json

import pytest

S0, S1, S2 = "000_3ba43fd281dd3202.txt", "001_6300c27781760f9c.txt", "002_6424fc7f0912e0b0.txt"


def hits(run, *args) -> tuple[int, set[str]]:
    result = run("search", *args, "--json")
    found = {row["path"].rsplit("/", 1)[-1] for row in json.loads(result.stdout)} if result.stdout.strip() else set()
    return result.exit_code, found


QUERIES = [
    # (query, seeds that must be found); an empty set means exit 1
    pytest.param("defence spending", {S0, S2}, id="issue-example"),
    pytest.param("sanchez", {S2}, id="accent-folded"),
    pytest.param("Sánchez", {S2}, id="accent-typed"),
    pytest.param("luis montenegro", {S2}, id="accent-folded-two-words"),
    pytest.param("spend", {S0, S2}, id="stemmed"),
    pytest.param('"defence spending"', {S0, S2}, id="phrase"),
    pytest.param('"spending defence"', set(), id="phrase-order-matters"),
    pytest.param("stoltenberg OR rutte", {S1, S2}, id="or"),
    pytest.param("nato -rutte", {S0, S1}, id="minus"),
    pytest.param("nato NOT rutte", {S0, S1}, id="not"),
    pytest.param("shekerin*", {S0}, id="prefix"),
    pytest.param("NEAR(rutte lisbon)", {S2}, id="near"),
    pytest.param("NEAR(stoltenberg lisbon)", set(), id="near-no-match"),
    pytest.param('"Mark Rutte" Lisbon', {S2}, id="phrase-and-word"),
    pytest.param('"defence spending', {S0, S2}, id="unbalanced-quote"),
    pytest.param("spending AND", {S0, S2}, id="trailing-and"),
    pytest.param("nato - rutte", {S2}, id="lone-hyphen-is-ignored"),
    pytest.param("rutte:", {S2}, id="colon"),
    pytest.param("(rutte", {S2}, id="open-bracket"),
    pytest.param("rutte*)", {S2}, id="star-and-bracket"),
    pytest.param("^rutte", {S2}, id="caret"),
    pytest.param("NEAR(rutte", {S2}, id="unclosed-near"),
    pytest.param("rutte OR", {S2}, id="trailing-or"),
    pytest.param("vilnius", {S1}, id="plain-word"),
    pytest.param("Rafael Amargo", set(), id="chrome-headline-not-indexed"),
    pytest.param("verification code", set(), id="chrome-account-page-not-indexed"),
    pytest.param('"no time to read"', set(), id="chrome-prompt-not-indexed"),
    pytest.param("join our community", set(), id="chrome-footer-not-indexed"),
    pytest.param("12 characters", set(), id="chrome-password-rule-not-indexed"),
]


@pytest.mark.parametrize("query, expected", QUERIES)
def test_search_queries(run, query, expected):
    code, found = hits(run, query)
    assert found == expected
    assert code == (0 if expected else 1)


@pytest.mark.parametrize("query", ["*", ":", "(", "^", "-", "AND", '""'])
def test_queries_without_words_are_bad_input(run, query):
    result = run("search", query)
    assert result.exit_code == 2
    assert "nothing to search" in result.stderr
    assert "fts5" not in result.output.lower()
    assert "Traceback" not in result.output


def test_first_run_indexes_the_seeds_once_and_says_so(run):
    first = run("search", "defence spending")
    assert first.exit_code == 0
    assert "indexing the bundled seed articles" in first.stderr
    second = run("search", "defence spending")
    assert "indexing" not in second.stderr
    assert second.stdout == first.stdout


def test_results_are_ranked_and_keyed(run):
    rows = json.loads(run("search", "rutte", "--json").stdout)
    assert list(rows[0]) == ["doc_id", "path", "title", "published", "score", "snippet"]
    assert [r["path"].rsplit("/", 1)[-1] for r in rows] == [S2]
    assert rows[0]["score"] > 0
    assert "Rutte" in rows[0]["snippet"]
    assert "\x02" not in rows[0]["snippet"]


def test_title_weighs_more_than_body(run, tmp_path):
    folder = tmp_path / "weights"
    folder.mkdir()
    (folder / "a.txt").write_text("Summit in Vilnius\n\nLeaders met to discuss many topics in the capital today.\n")
    (folder / "b.txt").write_text(
        "Leaders meet again\n\nThe ministers said the summit would cover air defence, and the summit host agreed.\n"
    )
    assert run("index", folder).exit_code == 0
    rows = json.loads(run("search", "summit", "--json").stdout)
    assert [r["path"].rsplit("/", 1)[-1] for r in rows] == ["a.txt", "b.txt"]
    assert rows[0]["score"] > rows[1]["score"]


def test_limit_and_doc_filters(run):
    assert len(json.loads(run("search", "nato", "--json").stdout)) == 3
    assert len(json.loads(run("search", "nato", "--limit", "1", "--json").stdout)) == 1
    assert len(json.loads(run("search", "nato", "--limit", "0", "--json").stdout)) == 3
    one = json.loads(run("search", "nato", "--doc", "2", "--json").stdout)
    assert [r["doc_id"] for r in one] == [2]


def test_since_until_use_the_published_date(run, tmp_path):
    folder = tmp_path / "dated"
    folder.mkdir()
    (folder / "old.md").write_text("---\ntitle: Old news\ndate: 2016-07-08\n---\nAllies met at the Warsaw summit.\n")
    (folder / "new.md").write_text("---\ntitle: New news\ndate: 2025-06-25\n---\nAllies met at the summit in The Hague.\n")
    run("index", folder)
    titles = lambda *a: [r["title"] for r in json.loads(run("search", "summit", *a, "--json").stdout or "[]")]  # noqa: E731
    assert titles("--since", "2025") == ["New news"]
    assert titles("--until", "2016") == ["Old news"]
    assert titles("--since", "2016-07", "--until", "2016-07") == ["Old news"]
    assert titles("--since", "8 July 2016", "--until", "2025-06-24") == ["Old news"]
    assert sorted(titles()) == ["New news", "Old news"]


@pytest.mark.parametrize("bad", ["--since=yesterday-ish", "--until=2025-13-45", "--since=soon"])
def test_bad_dates_exit_2(run, bad):
    result = run("search", "nato", bad)
    assert result.exit_code == 2
    assert "cannot read" in result.stderr
    assert "Traceback" not in result.output


def test_raw_passes_fts5_through(run):
    assert run("search", "--raw", "rutte OR stoltenberg").exit_code == 0
    result = run("search", "--raw", "NEAR(rutte")
    assert result.exit_code == 2
    assert result.stderr.startswith("natocli: invalid FTS5 query")
    assert len(result.stderr.strip().splitlines()) <= 2  # the message and a hint


def test_table_output_has_columns_and_no_markup(run):
    result = run("search", "sanchez")
    assert result.exit_code == 0
    header = result.stdout.splitlines()[0].split()
    assert header == ["#", "date", "title", "snippet", "source"]
    assert S2 in result.stdout
    assert "\x1b[" not in result.stdout  # not a terminal: no colour


def test_seed_dir_holds_the_three_seeds():
    from natocli.indexer import seed_dir

    assert sorted(p.name for p in seed_dir().glob("*.txt")) == [S0, S1, S2]
