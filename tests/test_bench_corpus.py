"""bench/corpus.py: the synthetic benchmark corpus is deterministic, news-shaped, and its queries match."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import sqlite3
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from natocli.fts import to_fts
from natocli.ingest import read_markdown
from natocli.migrations import TOKENIZER

REPO = Path(__file__).resolve().parent.parent
N = 200

# bench/ is not part of the installed package: load the module from its file.
_spec = importlib.util.spec_from_file_location("natocli_bench_corpus", REPO / "bench" / "corpus.py")
corpus = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = corpus
_spec.loader.exec_module(corpus)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return corpus.generate(tmp_path_factory.mktemp("corpus") / "c", N, seed=42)


@pytest.fixture(scope="module")
def files(built) -> dict[str, bytes]:
    """Relative path -> bytes, for every article file (the hidden marker left out)."""
    return {
        p.relative_to(built).as_posix(): p.read_bytes()
        for p in sorted(built.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


@pytest.fixture(scope="module")
def texts(files) -> dict[str, str]:
    return {path: data.decode("utf-8") for path, data in files.items()}


@pytest.fixture(scope="module")
def index(texts) -> sqlite3.Connection:
    """The corpus in an FTS5 table with natocli's tokenizer, to count what queries match."""
    db = sqlite3.connect(":memory:")
    db.execute(f"CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, body, tokenize='{TOKENIZER}')")
    db.executemany("INSERT INTO docs VALUES (?, ?)", texts.items())
    return db


def matches(db: sqlite3.Connection, query: str) -> int:
    return db.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (to_fts(query),)).fetchone()[0]


# --- files on disk -------------------------------------------------------------


def test_writes_n_files_in_small_folders(built, files):
    assert len(files) == N
    for path in files:
        assert re.fullmatch(r"\d{4}/\d{8}\.(txt|md|html)", path), path
        folder, name = path.split("/")
        assert int(folder) == int(name[:8]) // corpus.FILES_PER_FOLDER
    assert sorted(int(p[5:13]) for p in files) == list(range(N))


@pytest.mark.parametrize(
    "i, ext, expected",
    [
        pytest.param(0, "txt", "0000/00000000.txt", id="first"),
        pytest.param(999, "md", "0000/00000999.md", id="last-of-first-folder"),
        pytest.param(1000, "html", "0001/00001000.html", id="next-folder"),
        pytest.param(123_456, "txt", "0123/00123456.txt", id="large"),
    ],
)
def test_document_path(i, ext, expected):
    assert corpus.document_path(i, ext) == expected


def test_same_seed_same_bytes(tmp_path, built, files):
    again = corpus.generate(tmp_path / "again", N, seed=42)
    second = {
        p.relative_to(again).as_posix(): p.read_bytes()
        for p in sorted(again.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }
    assert second == files
    assert (again / corpus.MARKER).read_bytes() == (built / corpus.MARKER).read_bytes()


def test_other_seed_other_text(tmp_path, files):
    other = corpus.generate(tmp_path / "other", 20, seed=7)
    texts = {p.read_bytes() for p in other.rglob("0*.*")}
    assert len(texts) == 20 and not texts & set(files.values())


def test_rerun_reuses_a_finished_corpus(built):
    stamps = {p: p.stat().st_mtime_ns for p in built.rglob("*.txt")}
    assert corpus.generate(built, N, seed=42) == built
    assert {p: p.stat().st_mtime_ns for p in built.rglob("*.txt")} == stamps
    info = corpus.corpus_info(built)
    assert (info["n_docs"], info["seed"], info["files"]) == (N, 42, N)
    assert sum(info["extensions"].values()) == N


def test_other_arguments_replace_the_old_corpus(tmp_path):
    out = tmp_path / "c"
    corpus.generate(out, 30, seed=1)
    (out / "notes.txt").write_text("not ours\n")
    corpus.generate(out, 12, seed=1)
    ours = sorted(p.name for p in out.rglob("*") if p.is_file() and p.parent != out)
    assert [name[:8] for name in ours] == [f"{i:08d}" for i in range(12)]  # no stale documents left
    assert (out / "notes.txt").read_text() == "not ours\n"  # files that are not ours stay
    assert corpus.corpus_info(out)["n_docs"] == 12


def test_cli_prints_files_and_megabytes(tmp_path, capsys):
    assert corpus.main([str(tmp_path / "cli"), "--docs", "15", "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert re.match(r"15 files, 0\.\d MB in ", out), out
    assert len(list((tmp_path / "cli").rglob("*.*"))) == 15 + 1  # + the marker
    corpus.main([str(tmp_path / "cli"), "--docs", "15", "--seed", "3"])
    assert "reused" in capsys.readouterr().out


# --- what the articles look like ----------------------------------------------


def test_sizes(texts):
    plain = [len(t) for p, t in texts.items() if p.endswith(".txt")]
    mean = sum(plain) / len(plain)
    assert 2500 <= mean <= 3500, mean
    assert min(plain) > 1000 and max(plain) < 7000


def test_mix_of_extensions(texts):
    counts = {ext: sum(p.endswith("." + ext) for p in texts) for ext in ("txt", "md", "html")}
    # One document in a hundred of each kind, at seed-dependent positions.
    assert counts == {"txt": N - 4, "md": 2, "html": 2}


def test_markdown_has_front_matter(files):
    for path, data in files.items():
        if path.endswith(".md"):
            read = read_markdown(data)
            assert read.title and not read.title.endswith(".")
            assert read.published is not None
            assert data.startswith(b"---\ntitle: ")


def test_html_is_a_page_with_chrome(texts):
    pages = [t for p, t in texts.items() if p.endswith(".html")]
    assert pages
    for page in pages:
        for tag in ("<title>", "<nav>", "<article>", "<p>", "</article>", "<footer>", 'class="cookie-banner"'):
            assert tag in page, tag


def test_headline_then_empty_line(texts):
    before = {line for lines in corpus.CHROME_BEFORE_HEADLINE for line in lines}
    for path, text in texts.items():
        if not path.endswith(".txt"):
            continue
        lines = text.split("\n")
        h = next(k for k, line in enumerate(lines) if line not in before)
        headline = lines[h]
        assert lines[h + 1] == "", path
        assert not headline.endswith("."), headline
        assert all(w[0].isupper() or w in corpus._SMALL or not w[0].isalpha() for w in headline.split()), headline


def share(texts, pattern: str) -> float:
    found = re.compile(pattern, re.M)
    return sum(bool(found.search(t)) for t in texts.values()) / len(texts)


@pytest.mark.parametrize(
    "pattern, low, high",
    [
        # Site chrome, at the top or the bottom.
        pytest.param(r"^(No time to read\?|Get a summary|Share this article|Previous Article|Next Article"
                     r"|Sign up for our newsletter|We use cookies)", 0.25, 0.75, id="chrome"),
        pytest.param(r"^Previous Article$", 0.05, 0.4, id="previous-article"),
        # Datelines: city, bare date with a dash, "Published:" stamp.
        pytest.param(r"^[A-ZÀ-Þ .]+, (\d{1,2} [A-Z][a-z]+|[A-Z][a-z]+ \d{1,2},) 20\d\d [–—-] ", 0.1, 0.45, id="city-dateline"),
        pytest.param(r"^\d{1,2} [A-Z][a-z]{2,3}\. 20\d\d - ", 0.04, 0.25, id="date-dash-dateline"),
        pytest.param(r"^Published: \d{1,2} [A-Z][a-z]+ 20\d\d$", 0.08, 0.35, id="published-line"),
        # Dates in the forms the timeline reads.
        pytest.param(r"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October"
                     r"|November|December) 20\d\d\b", 0.3, 1, id="day-month-year"),
        pytest.param(r"\b(January|February|March|April|May|June|July|August|September|October"
                     r"|November|December) \d{1,2}, 20\d\d\b", 0.2, 1, id="month-day-year"),
        pytest.param(r"\bbetween \d{1,2} and \d{1,2} [A-Z][a-z]+\b", 0.05, 1, id="between"),
        pytest.param(r"\b(by|in) 20\d\d\b", 0.3, 1, id="by-in-year"),
        pytest.param(r"\bthe (first|second|third|fourth) quarter of 20\d\d\b", 0.05, 1, id="quarter"),
        pytest.param(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \(\d{1,2} [A-Z][a-z]+\)", 0.05, 1, id="weekday-date"),
        pytest.param(r"\bthe (\d{4} )?[A-Z][a-z]+ summit\b|the NATO Summit in ", 0.1, 1, id="summit"),
        # Officials with their titles, spending figures.
        pytest.param(r"\bNATO Secretary General (Jens Stoltenberg|Mark Rutte)\b", 0.5, 1, id="secretary-general"),
        pytest.param(r"\b[A-Z][a-z]+ (Defence|Foreign|Prime) Minister [A-ZÀ-Žİ]", 0.1, 1, id="minister"),
        pytest.param(r"\d(\.\d)?% of GDP\b", 0.3, 1, id="gdp-share"),
        pytest.param(r"(€|\$|£)\d+(\.\d)? billion\b", 0.2, 1, id="money-symbol"),
        pytest.param(r"\b[A-Z]{3} \d+(\.\d)? billion\b", 0.05, 1, id="money-iso-code"),
        pytest.param(r"\b(an increase|a rise) of \d+\.\d%", 0.03, 1, id="increase"),
    ],
)
def test_article_features(texts, pattern, low, high):
    assert low <= share(texts, pattern) <= high, share(texts, pattern)


def _date_near(published: dt.date, day: int, month: str) -> dt.date:
    """The date "day month" up to 45 days before `published` (the year may be the one before)."""
    for year in (published.year, published.year - 1):
        d = dt.date(year, corpus.MONTHS.index(month) + 1, day)
        if dt.timedelta(0) <= published - d <= dt.timedelta(days=45):
            return d
    raise AssertionError(f"{day} {month} is not near {published}")


def test_weekday_matches_the_date():
    """"Monday (27 January)" names the right weekday in the article's year."""
    c = corpus._Corpus(50, 42)
    for i in range(50):
        article = corpus._Article(c, i)
        for _ in range(5):
            weekday, day, month = re.fullmatch(r"on (\w+) \((\d+) (\w+)\)", article.s_weekday_date()).groups()
            assert corpus.WEEKDAYS[_date_near(article.published, int(day), month).weekday()] == weekday


def test_people_pool():
    c = corpus._Corpus(1, 42)
    names = [p[0] for p in c.people]
    assert len(set(names)) == len(names) == 200
    assert any(re.search(r"[^\x00-\x7f]", n) for n in names)  # diacritics
    assert any(re.search(r" (van|von|de|da|di|dos|del|ter|zu|al-)\b", n) for n in names)  # particles


# --- the benchmark's queries -------------------------------------------------


def test_queries_have_every_kind():
    queries = corpus.bench_queries(N, 42)
    assert set(queries) == {"rare", "common", "two_words", "phrase", "prefix"}
    assert all(len(q) >= 3 for q in queries.values())
    assert all(len(q.split()) == 2 for q in queries["two_words"])
    assert all(q.startswith('"') and q.endswith('"') for q in queries["phrase"])
    assert all(q.endswith("*") for q in queries["prefix"])
    assert corpus.bench_queries(N, 42) == queries


def test_no_queries_for_an_empty_corpus():
    with pytest.raises(ValueError):
        corpus.bench_queries(0, 42)


def test_rare_terms_are_in_a_handful_of_documents(index):
    plan = corpus.rare_plan(N, 42)
    for term in corpus.bench_queries(N, 42)["rare"]:
        found = matches(index, term)
        assert found == len(plan[term])  # exactly the documents it was planted in
        assert 1 <= found <= 0.02 * N


def test_common_terms_are_in_most_documents(index):
    common = corpus.bench_queries(N, 42)["common"]
    for term in common:
        assert matches(index, term) >= 0.8 * N, term
    # The first is written only in the common-term sentence: nine documents in ten.
    assert matches(index, common[0]) == sum(corpus.has_common_terms(i) for i in range(N)) == 0.9 * N


@pytest.mark.parametrize("kind", ["two_words", "phrase", "prefix"])
def test_other_queries_match(index, kind):
    for query in corpus.bench_queries(N, 42)[kind]:
        assert matches(index, query) >= 1, query


def test_rare_plan_scales_to_a_handful():
    for n in (1, 10, 200, 10_000, 100_000, 1_000_000):
        plan = corpus.rare_plan(n, 42)
        assert len(plan) == corpus.RARE_TERMS
        for docs in plan.values():
            assert 1 <= len(docs) <= max(1, n // 4000)
            assert len(set(docs)) == len(docs) and all(0 <= i < n for i in docs)


def test_vocabulary_is_zipf_like():
    v = corpus.vocabulary(42)
    assert len(v.words) == len(set(v.words)) == corpus.VOCABULARY_SIZE
    assert len(v.table) == 1 << corpus.TABLE_BITS
    assert set(v.table) == set(v.words)  # every word can be drawn
    assert v.words[0] == "the" and "NATO" in v.words[:10]
    assert not set(v.rare) & set(v.words)
    counts = {}
    for w in v.table:
        counts[w] = counts.get(w, 0) + 1
    # rank 1 vs rank 10 vs rank 100: about 10 times fewer at each step
    assert 7 < counts[v.words[0]] / counts[v.words[9]] < 13
    assert 7 < counts[v.words[9]] / counts[v.words[99]] < 13


# --- any document -------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(seed=st.sampled_from([0, 7, 42]), i=st.integers(0, 10**7), n_extra=st.integers(1, 10**6))
def test_any_document_is_deterministic(seed, i, n_extra):
    c = corpus._Corpus(i + n_extra, seed)
    ext, data = c.document(i)
    assert (ext, data) == c.document(i)
    text = data.decode("utf-8")
    assert ext in ("txt", "md", "html") and text.endswith("\n")
    assert 1000 < len(text) < 8000
