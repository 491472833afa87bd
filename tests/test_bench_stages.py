"""bench/stages.py runs end to end on a small corpus, so the stage benchmark cannot rot (no timing asserted)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"


def load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_stages_measure_every_stage(tmp_path):
    stages = load("stages")
    corpus = stages.corpus_mod.generate(tmp_path / "corpus", 60, seed=7)
    result = stages.measure(corpus)
    assert result["docs"] == result["indexed"] > 50
    assert set(result["per_doc_ms"]) == {
        "read_clean", "sentences", "temporal", "people", "spending", "countries", "index_total",
    }
    assert all(v > 0 for v in result["per_doc_ms"].values())
    assert 0 < result["temporal_share_of_index"] < 1
