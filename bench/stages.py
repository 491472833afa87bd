"""Where indexing time goes: each pipeline stage timed over the synthetic corpus.

    python bench/stages.py --docs 2000 [--corpus DIR] [--json]

Reads every .txt/.md file of the corpus once into memory, then times each
stage over all documents in this process: decode + clean, sentence split,
then each extractor (temporal, people, spending, countries), and the whole
``natocli index`` of the corpus into a fresh database. The share of the
temporal extractor in the full index time is what issue "timeline adds at most
30% to indexing" is measured by.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import corpus as corpus_mod  # noqa: E402

from natocli import ingest, store  # noqa: E402
from natocli.clean import clean  # noqa: E402
from natocli.extract.countries import find_countries  # noqa: E402
from natocli.extract.people import extract_people  # noqa: E402
from natocli.extract.sentences import split_sentences  # noqa: E402
from natocli.extract.spending import extract_spending  # noqa: E402
from natocli.extract.temporal import extract_events  # noqa: E402
from natocli.indexer import index_paths  # noqa: E402


def _timed(fn, items):
    start = time.perf_counter()
    out = [fn(x) for x in items]
    return time.perf_counter() - start, out


def measure(corpus_dir: Path) -> dict:
    files = [p for p in ingest.discover([corpus_dir]) if ingest.reader_for(p)]
    payloads = [(p, p.read_bytes()) for p in files]
    t_clean, cleaned = _timed(lambda pd: clean(ingest.read_file(*pd).body), payloads)
    texts = [c.text for c in cleaned]
    t_split, sentences = _timed(split_sentences, texts)
    pairs = list(zip(texts, sentences))
    t_temporal, _ = _timed(lambda ts: extract_events(ts[0], sentences=ts[1]), pairs)
    t_people, _ = _timed(lambda ts: extract_people(ts[0], sentences=ts[1]), pairs)
    t_spending, _ = _timed(lambda ts: extract_spending(ts[0], sentences=ts[1]), pairs)
    t_countries, _ = _timed(find_countries, texts)

    with tempfile.TemporaryDirectory() as tmp:
        db = store.open_db(Path(tmp) / "bench.db")
        start = time.perf_counter()
        summary = index_paths(db, [corpus_dir])
        t_index = time.perf_counter() - start
        db.close()
    n = len(files)
    ms = lambda t: round(t / n * 1000, 3)  # noqa: E731
    return {
        "docs": n,
        "indexed": summary.added,
        "index_s": round(t_index, 2),
        "index_docs_per_s": round(summary.added / t_index, 1),
        "per_doc_ms": {
            "read_clean": ms(t_clean),
            "sentences": ms(t_split),
            "temporal": ms(t_temporal),
            "people": ms(t_people),
            "spending": ms(t_spending),
            "countries": ms(t_countries),
            "index_total": ms(t_index),
        },
        "temporal_share_of_index": round(t_temporal / t_index, 3),
        "sqlite": sqlite3.sqlite_version,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--corpus", type=Path, default=None, help="where to write (or reuse) the corpus")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    corpus_dir = args.corpus or Path(tempfile.gettempdir()) / f"natocli-corpus-{args.docs}-{args.seed}"
    corpus_mod.generate(corpus_dir, args.docs, args.seed)
    result = measure(corpus_dir)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            if isinstance(value, dict):
                for k, v in value.items():
                    print(f"  {k:<14} {v} ms/doc")
            else:
                print(f"{key:<26} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
