"""bench/run.py runs end to end on a small corpus and reports every figure (no timing asserted)."""

from __future__ import annotations

import importlib.util
import io
import json
import sys
from contextlib import redirect_stdout
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
KINDS = {"rare", "common", "two_words", "phrase", "prefix"}


def load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def positive(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and x > 0


@pytest.fixture(scope="module")
def result(tmp_path_factory) -> dict:
    run = load("run")
    corpus = tmp_path_factory.mktemp("bench") / "corpus"
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        assert run.main(["--docs", "200", "--seed", "3", "--corpus", str(corpus), "--repeat", "1", "--json"]) == 0
    return json.loads(buffer.getvalue())


def test_every_figure_is_reported(result):
    assert {
        "docs", "indexed", "mb", "index_s", "index_docs_per_s", "floor_docs_per_s", "reindex_s", "db_mb",
        "peak_rss_mb", "ru_maxrss_mb", "peak_pss_mb", "index_processes", "search_ms", "floor_search_ms", "timeline_ms", "who_ms",
        "spending_ms", "start_help_ms", "start_search_ms", "sqlite_utils_help_ms", "sqlite_utils_search_ms",
        "ratios", "machine", "date", "repeat", "targets",
    } <= set(result)
    assert result["docs"] == 200
    assert 190 <= result["indexed"] <= 200  # .html files may be skipped
    assert 0.3 < result["mb"] < 1.5  # about 3,000 characters an article
    for key in ("index_s", "index_docs_per_s", "floor_docs_per_s", "reindex_s", "db_mb",
                "start_help_ms", "start_search_ms", "sqlite_utils_help_ms", "sqlite_utils_search_ms"):
        assert positive(result[key]), key
    assert 5 < result["ru_maxrss_mb"] <= result["peak_rss_mb"] < 4096
    assert 0 < result["peak_pss_mb"] <= result["peak_rss_mb"]
    assert result["index_processes"] >= 1


def test_search_figures_per_kind(result):
    for key in ("search_ms", "floor_search_ms"):
        assert set(result[key]) == KINDS
        for kind, t in result[key].items():
            assert set(t) == {"p50", "p95"}
            assert 0 < t["p50"] <= t["p95"], (key, kind)


@pytest.mark.parametrize("command", ["timeline", "who", "spending"])
def test_filtered_queries_find_rows(result, command):
    queries = result[f"{command}_ms"]
    assert len(queries) >= 3
    for label, t in queries.items():
        assert positive(t["p50"]), label
        assert t["rows"] > 0, label  # the values picked from the database exist in it


def test_ratios_and_targets(result):
    ratios = result["ratios"]
    for key in ("index_vs_floor", "reindex_vs_index", "start_help_vs_sqlite_utils",
                "start_search_vs_sqlite_utils", "db_vs_raw"):
        assert positive(ratios[key]), key
    assert set(ratios["search_vs_floor"]) == KINDS
    assert ratios["index_vs_floor"] == pytest.approx(result["index_docs_per_s"] / result["floor_docs_per_s"], rel=0.02)
    assert ratios["db_vs_raw"] == pytest.approx(result["db_mb"] / result["mb"], rel=0.05)
    names = [t["name"] for t in result["targets"]]
    assert len(names) == len(set(names))
    assert any(n.startswith("index speed") for n in names) and any(n.startswith("peak memory") for n in names)
    assert all(isinstance(t["met"], bool) and t["target"] for t in result["targets"])


def test_machine_and_date(result):
    machine = result["machine"]
    assert positive(machine["nproc"])
    assert machine["cpu"] and machine["python"].count(".") == 2 and machine["sqlite"].startswith("3.")
    assert result["date"][:2] == "20" and "T" in result["date"]


def test_table_marks_each_target():
    run = load("run")
    sample = {
        "docs": 10, "indexed": 10, "mb": 0.03, "index_s": 1.0, "index_docs_per_s": 10.0, "floor_docs_per_s": 100.0,
        "reindex_s": 0.01, "db_mb": 0.05, "peak_rss_mb": 60.0, "ru_maxrss_mb": 55.0, "peak_pss_mb": 50.0, "index_processes": 3,
        "search_ms": {"rare": {"p50": 1.0, "p95": 2.0}, "common": {"p50": 3.0, "p95": 4.0}},
        "floor_search_ms": {"rare": {"p50": 1.0, "p95": 2.0}, "common": {"p50": 4.0, "p95": 5.0}},
        "timeline_ms": {"--since 2025": {"p50": 60.0, "rows": 3}}, "who_ms": {"--role minister": {"p50": 2.0, "rows": 1}},
        "spending_ms": {"--unit gdp": {"p50": 2.0, "rows": 1}},
        "start_help_ms": 80.0, "start_search_ms": 120.0, "sqlite_utils_help_ms": 200.0,
        "sqlite_utils_search_ms": 210.0,
        "ratios": {"index_vs_floor": 0.1, "reindex_vs_index": 0.01, "search_vs_floor": {"rare": 1.0, "common": 0.75},
                   "start_help_vs_sqlite_utils": 0.4, "start_search_vs_sqlite_utils": 0.571, "db_vs_raw": 1.667},
        "machine": {"nproc": 2, "cpu": "AMD EPYC", "python": "3.11.7", "sqlite": "3.40.1", "load_avg": 0.1,
                    "commit": "abc1234"},
        "date": "2026-11-23T10:00:00+00:00", "repeat": 10,
    }
    sample["targets"] = run.targets(sample)
    met = {t["name"]: t["met"] for t in sample["targets"]}
    assert met == {
        "index speed vs floor": False,
        "re-index of an unchanged corpus": True,
        "search rare p50 (ms)": True,
        "search common p50 vs floor": False,
        "timeline --since 2025 p50 (ms)": False,
        "who --role minister p50 (ms)": True,
        "spending --unit gdp p50 (ms)": True,
        "start-up --help vs sqlite-utils": True,
        "start-up search vs sqlite-utils": True,
        "peak memory of indexing, PSS (MiB)": True,
        "database size vs raw text": True,
    }
    table = run.render_table(sample).splitlines()
    marks = {t["name"]: next(line for line in table if line.strip().startswith(t["name"])) for t in sample["targets"]}
    for name, is_met in met.items():
        assert marks[name].endswith(" met" if is_met else " NOT MET"), marks[name]
