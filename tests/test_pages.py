"""Lists that grow with the collection: timeline, who and spending show a page unless told; cards quote the latest."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from natocli.cli import PAGE, app
from natocli.query import CARD_APPEARANCES

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
import corpus as bench_corpus  # noqa: E402


@pytest.fixture(scope="module")
def big_db(tmp_path_factory) -> Path:
    """120 generated articles: every list command has far more rows than a page."""
    folder = tmp_path_factory.mktemp("articles")
    bench_corpus.generate(folder, 120, seed=5)
    db = folder.parent / "pages.db"
    result = CliRunner().invoke(app, ["--db", str(db), "index", str(folder)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return db


def invoke(db: Path, *args: str):
    return CliRunner().invoke(app, ["--db", str(db), *args], catch_exceptions=False)


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(["timeline"], id="timeline"),
        pytest.param(["timeline", "--since", "2020"], id="timeline since"),
        pytest.param(["spending"], id="spending"),
        pytest.param(["who"], id="who"),
    ],
)
def test_a_page_unless_told(big_db, command):
    everything = invoke(big_db, *command, "--limit", "0", "--json")
    assert everything.exit_code == 0 and "rows are shown" not in everything.stderr
    total = len(json.loads(everything.stdout))
    assert total > PAGE

    page = invoke(big_db, *command, "--json")
    assert page.exit_code == 0
    assert json.loads(page.stdout) == json.loads(everything.stdout)[:PAGE]
    assert f"the first {PAGE} rows are shown" in page.stderr and "--limit 0" in page.stderr

    few = invoke(big_db, *command, "-n", "7", "--json")
    assert json.loads(few.stdout) == json.loads(everything.stdout)[:7]
    assert "the first 7 rows are shown" in few.stderr


def test_exactly_a_page_says_nothing_more(big_db):
    rows = json.loads(invoke(big_db, "timeline", "--limit", "0", "--json").stdout)
    exact = invoke(big_db, "timeline", "--doc", str(rows[0]["doc_id"]), "--json")
    shown = json.loads(exact.stdout)
    assert len(shown) < PAGE and "rows are shown" not in exact.stderr


@pytest.mark.parametrize("command", [["timeline", "--chart"], ["spending", "--chart"]])
def test_charts_count_every_row(big_db, command):
    result = invoke(big_db, *command)
    assert result.exit_code == 0 and "rows are shown" not in result.stderr


def test_person_card_quotes_the_latest_sentences_and_counts_all(big_db):
    db = sqlite3.connect(big_db)
    person_id, name, mentions = db.execute(
        "SELECT p.id, p.name, count(*) FROM people p JOIN mentions m ON m.person_id = p.id "
        "GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1"
    ).fetchone()
    # The card's order: dated documents oldest first, then undated ones.
    order = sorted(
        ((published is None, published or "", doc_id) for doc_id, published in db.execute(
            "SELECT DISTINCT m.doc_id, d.published FROM mentions m JOIN documents d ON d.id = m.doc_id "
            "WHERE m.person_id = ?", (person_id,)
        ))
    )
    assert mentions > CARD_APPEARANCES

    card = json.loads(invoke(big_db, "who", name, "--json").stdout)
    assert card["mentions"] == mentions
    assert card["documents"] == len(order)
    assert len(card["appearances"]) == CARD_APPEARANCES
    rank = {doc_id: i for i, (_, _, doc_id) in enumerate(order)}
    quoted = [rank[a["doc_id"]] for a in card["appearances"]]
    # The latest sentences, shown in the card's order: they end with the last document.
    assert quoted == sorted(quoted) and quoted[-1] == len(order) - 1
