"""The natocli benchmark: every figure a target is about, next to its target and its floor.

    python bench/run.py --docs 10000 [--seed S] [--corpus DIR] [--repeat R] [--json]

Over the synthetic corpus of ``bench/corpus.py`` (written, or reused when it is
already there) it measures, in one run on one machine:

* indexing: the whole ``natocli --db X index CORPUS`` in a subprocess into a
  fresh database (wall time, documents per second, peak memory of the process
  tree), and the *floor*: the same documents read and inserted by plain
  ``sqlite3`` into an external-content FTS5 table with natocli's tokenizer,
  in batched transactions, with no cleaning and no extraction;
* re-indexing the unchanged corpus, and the size of the database;
* search in this process through ``natocli.query.search`` for each kind of
  query of ``bench_queries`` (p50 and p95), and the floor: the plain FTS5
  ``MATCH … ORDER BY bm25`` query with a snippet over natocli's own tables;
* typical filtered ``timeline``, ``who`` and ``spending`` queries through
  ``natocli.query`` (p50 of each);
* start-up: the whole-process wall time of ``natocli --help`` and of a rare
  search, against ``sqlite-utils --help`` and ``sqlite-utils search`` on the
  same database (median of R runs, stdout to a pipe).

natocli is only used through its public surfaces (the ``natocli`` command and
``natocli.store.open_db`` + ``natocli.query``), so the benchmark keeps working
while the insides change. Executables are taken from the folder of the running
interpreter, so run it with the virtualenv's Python.

Memory: ``peak_rss_mb`` is the largest sum of the resident set sizes (RSS,
from ``/proc/PID/statm``) of the indexing process and all its descendants,
sampled every 20 ms; pages shared between processes (a forked worker and its
parent) count once per process, so it is an upper bound. ``peak_pss_mb`` sums the
proportional set sizes instead (a page shared by n processes counts 1/n in each): the
memory the tree holds, which the 200 MiB target is checked against. ``ru_maxrss_mb`` is
the kernel's peak RSS of the largest single process of the tree (``wait4``);
``peak_rss_mb`` is never below it, since sampling can miss a short spike.
MB are 10**6 bytes for files and MiB (2**20 bytes) for memory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import corpus as corpus_mod  # noqa: E402

from natocli import query  # noqa: E402
from natocli.store import open_db  # noqa: E402

TOKENIZER = "porter unicode61 remove_diacritics 2"
FLOOR_BATCH = 200
SAMPLE_S = 0.020
MIB = 2**20
MB = 10**6

FLOOR_SEARCH_SQL = (
    "SELECT d.id, snippet(documents_fts, -1, '[', ']', '…', 12) "
    "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
    "WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts) LIMIT 10"
)


# --- processes ----------------------------------------------------------------


def executable(name: str) -> str:
    """`name` from the running interpreter's bin folder (the virtualenv's), not from $PATH."""
    path = Path(sys.executable).parent / name
    if not path.exists():
        raise SystemExit(f"bench: {path} not found; run this script with the Python of natocli's virtualenv")
    return str(path)


def _statm_rss(pid: int) -> int:
    with open(f"/proc/{pid}/statm", "rb") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _smaps_pss(pid: int) -> int:
    """Proportional set size: each page shared by n processes counts 1/n in each."""
    with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
        for line in f:
            if line.startswith(b"Pss:"):
                return int(line.split()[1]) * 1024
    return 0


def _descendants(root: int) -> list[int]:
    """`root` and every process below it. New processes get higher ids, so only those are read."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit() and int(entry.name) > root:
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as f:
                    stat = f.read()
            except OSError:
                continue  # gone meanwhile
            parents[int(entry.name)] = int(stat[stat.rindex(b")") + 2 :].split()[1])
    tree, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, ppid in parents.items() if ppid in frontier]
        tree.extend(frontier)
    return tree


class _TreeSampler(threading.Thread):
    """Sums the RSS of a process tree every SAMPLE_S seconds and keeps the largest sum."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.peak = 0
        self.peak_pss = 0
        self.processes = 1
        self.stop = threading.Event()

    def run(self) -> None:
        tick = 0
        tree = [self.root]
        while True:
            if tick % 5 == 0:  # look for new processes every 100 ms; sample known ones every 20 ms
                tree = _descendants(self.root)
                self.processes = max(self.processes, len(tree))
            total = total_pss = 0
            for pid in tree:
                try:
                    total += _statm_rss(pid)
                    total_pss += _smaps_pss(pid)
                except (OSError, IndexError, ValueError):
                    pass
            self.peak = max(self.peak, total)
            self.peak_pss = max(self.peak_pss, total_pss)
            tick += 1
            if self.stop.wait(SAMPLE_S):
                return


@dataclass(frozen=True)
class Measured:
    wall_s: float
    peak_rss: int  # bytes, summed over the process tree
    peak_pss: int  # bytes, proportional set sizes summed over the process tree
    ru_maxrss: int  # bytes, the largest single process
    processes: int  # the most processes seen in the tree at once
    stderr: str


def run_measured(cmd: list[str]) -> Measured:
    """Run `cmd` to its end, timing it and sampling the memory of its process tree."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        sampler = _TreeSampler(proc.pid)
        sampler.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            wall = time.perf_counter() - start
            sampler.stop.set()
            sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise SystemExit(f"bench: {' '.join(cmd)} failed with exit code {proc.returncode}:\n{stderr[-2000:]}")
    return Measured(wall, sampler.peak, sampler.peak_pss, usage.ru_maxrss * 1024, sampler.processes, stderr)


def startup_ms(commands: dict[str, list[str]], repeat: int) -> dict[str, float]:
    """Median whole-process wall time of each command, stdout to a pipe; runs are interleaved
    so that a change of machine load falls on every command alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, cmd in commands.items():
            start = time.perf_counter()
            proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True)
            times[name].append(time.perf_counter() - start)
            if proc.returncode not in (0, 1):
                raise SystemExit(f"bench: {' '.join(cmd)} failed:\n{proc.stderr.decode(errors='replace')[-2000:]}")
    return {name: round(statistics.median(t) * 1000, 1) for name, t in times.items()}


# --- the floors -------------------------------------------------------------------


def floor_index(paths: list[str], db_path: Path) -> float:
    """Seconds to read `paths` and insert them into a plain external-content FTS5 table."""
    start = time.perf_counter()
    db = sqlite3.connect(db_path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    for statement in (
        "CREATE TABLE documents(id INTEGER PRIMARY KEY, title TEXT NOT NULL, text TEXT NOT NULL)",
        "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', "
        f"content_rowid='id', tokenize='{TOKENIZER}')",
        "CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN "
        "INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    ):
        db.execute(statement)
    for first in range(0, len(paths), FLOOR_BATCH):
        rows = []
        for path in paths[first : first + FLOOR_BATCH]:
            with open(path, "rb") as f:
                text = f.read().decode("utf-8", "replace")
            title, _, body = text.lstrip().partition("\n")
            rows.append((title.strip(), body))
        db.execute("BEGIN")
        db.executemany("INSERT INTO documents(title, text) VALUES (?, ?)", rows)
        db.execute("COMMIT")
    db.close()
    return time.perf_counter() - start


# --- timing queries in this process ----------------------------------------------


def percentile(samples: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def time_calls(calls: list, repeat: int) -> list[float]:
    """Milliseconds of each call of `calls`, `repeat` times over, after one warm-up round."""
    for call in calls:
        call()
    samples = []
    for _ in range(repeat):
        for call in calls:
            start = time.perf_counter()
            call()
            samples.append((time.perf_counter() - start) * 1000)
    return samples


def p50_p95(samples: list[float]) -> dict[str, float]:
    return {"p50": round(statistics.median(samples), 3), "p95": round(percentile(samples, 95), 3)}


def search_times(db_path: Path, queries: dict[str, list[str]], repeat: int) -> tuple[dict, dict]:
    """({kind: {p50, p95}} through natocli.query.search, the same for the floor SQL)."""
    db = open_db(db_path)
    floor = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        natocli_ms, floor_ms = {}, {}
        for kind, words in queries.items():
            natocli_ms[kind] = p50_p95(time_calls(
                [lambda q=q: query.search(db, q, limit=10) for q in words], repeat))
            floor_ms[kind] = p50_p95(time_calls(
                [lambda q=q: floor.execute(FLOOR_SEARCH_SQL, (q,)).fetchall() for q in words], repeat))
        return natocli_ms, floor_ms
    finally:
        db.close()
        floor.close()


def _typical_values(db) -> dict[str, str]:
    """A year, a country, a spending entity and a person that the indexed corpus holds."""
    one = lambda sql: (db.execute(sql).fetchone() or [None])[0]  # noqa: E731
    dated = one("SELECT count(*) FROM documents WHERE published IS NOT NULL")
    year = one(f"SELECT substr(published, 1, 4) FROM documents WHERE published IS NOT NULL "
               f"ORDER BY published LIMIT 1 OFFSET {dated // 2}")
    country = one("SELECT country FROM sentence_countries GROUP BY country ORDER BY count(*) DESC, country LIMIT 1")
    entity = one("SELECT entity FROM spending WHERE entity IN (SELECT country FROM sentence_countries) "
                 "GROUP BY entity ORDER BY count(*) DESC, entity LIMIT 1")
    people = query.who(db, limit=1)
    return {
        "year": year or "2025",
        "country": country or "Poland",
        "entity": entity or "Poland",
        "person": people[0].name if people else "",
    }


def filtered_times(db_path: Path, repeat: int) -> dict[str, dict[str, dict]]:
    """{command: {query as typed: {p50 (ms), rows}}} for typical timeline, who and spending queries.

    Each query is what the command line runs for those options: without ``-n`` a page of
    ``PAGE`` rows (the CLI asks for one more, to tell whether rows were left out); the
    ``-n 0`` forms return every matching row and are shown for information, not held to
    the 50 ms target.
    """
    from natocli.cli import PAGE

    page = PAGE + 1
    db = open_db(db_path)
    try:
        v = _typical_values(db)
        y, c, e, person = v["year"], v["country"], v["entity"], v["person"]
        commands = {
            "timeline": {
                f"--since {y} --until {y}": lambda: query.timeline(db, since=y, until=y, limit=page),
                f"--since {y}": lambda: query.timeline(db, since=y, limit=page),
                "summit": lambda: query.timeline(db, "summit", limit=page),
                f"summit --since {y} --until {y}": lambda: query.timeline(db, "summit", since=y, until=y, limit=page),
                f"--since {y} --until {y} -n 0": lambda: query.timeline(db, since=y, until=y),
            },
            "who": {
                f"--country {c!r}": lambda: query.who(db, country=c, limit=page),
                "--role minister": lambda: query.who(db, role="minister", limit=page),
                f"--since {y} --until {y}": lambda: query.who(db, since=y, until=y, limit=page),
            },
            "spending": {
                f"--country {e!r}": lambda: query.spending(db, country=e, limit=page),
                "--unit gdp": lambda: query.spending(db, unit="gdp", limit=page),
                f"--kind pledge --since {y}": lambda: query.spending(db, kind="pledge", since=y, limit=page),
                "--unit gdp -n 0": lambda: query.spending(db, unit="gdp"),
            },
        }
        if person:
            commands["who"][repr(person)] = lambda: query.person_card(db, person)
        out: dict[str, dict[str, dict]] = {}
        for command, calls in commands.items():
            out[command] = {}
            for label, call in calls.items():
                found = call()
                rows = len(found) if isinstance(found, list) else len(found.appearances)
                out[command][label] = {"p50": round(statistics.median(time_calls([call], repeat)), 3), "rows": rows}
        return out
    finally:
        db.close()


# --- the whole run -----------------------------------------------------------------


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _commit() -> str | None:
    """The checked-out commit, with "-dirty" when natocli/ differs from it (the code measured is not the commit's)."""
    git = ["git", "-C", str(BENCH.parent)]
    try:
        head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
        dirty = subprocess.run([*git, "status", "--porcelain", "--", "natocli"], capture_output=True, text=True,
                               check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return head.stdout.strip() + ("-dirty" if dirty.stdout.strip() else "")


def machine() -> dict:
    return {
        "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": _cpu_model(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "load_avg": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
        "commit": _commit(),
    }


def _db_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


def _r(x: float, digits: int = 3) -> float:
    return round(x, digits)


def _ratio(x: float) -> float:
    """Three significant digits: small ratios keep their precision."""
    return float(f"{x:.3g}")


def measure(corpus_dir: Path, n_docs: int, seed: int, repeat: int) -> dict:
    info = corpus_mod.corpus_info(corpus_dir) or {}
    queries = corpus_mod.bench_queries(n_docs, seed)
    rare = queries["rare"][0]
    natocli, sqlite_utils = executable("natocli"), executable("sqlite-utils")
    started = dt.datetime.now().astimezone()
    host = machine()  # the load average before the run, not the one the run makes

    with tempfile.TemporaryDirectory(prefix="natocli-bench-") as tmp:
        db_path = Path(tmp) / "natocli.db"
        index_cmd = [natocli, "--db", str(db_path), "index", str(corpus_dir)]
        index = run_measured(index_cmd)
        reindex = run_measured(index_cmd)
        db_bytes = _db_bytes(db_path)
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as ro:
            paths = [p for (p,) in ro.execute("SELECT path FROM documents ORDER BY id")]
        indexed = len(paths)
        floor_s = floor_index(paths, Path(tmp) / "floor.db")

        search_ms, floor_search_ms = search_times(db_path, queries, repeat)
        filtered = filtered_times(db_path, repeat)
        startup = startup_ms(
            {
                "natocli_help": [natocli, "--help"],
                "natocli_search": [natocli, "--db", str(db_path), "search", rare],
                "sqlite_utils_help": [sqlite_utils, "--help"],
                # sqlite-utils does not recognise content='documents' (single quotes) as the
                # full-text index of `documents`, so it searches the FTS5 table itself.
                "sqlite_utils_search": [sqlite_utils, "search", str(db_path), "documents_fts", rare, "--limit", "10"],
            },
            repeat,
        )

    raw_mb = info.get("bytes", 0) / MB
    index_rate = indexed / index.wall_s
    floor_rate = indexed / floor_s
    result = {
        "docs": n_docs,
        "indexed": indexed,
        "mb": _r(raw_mb, 2),
        "index_s": _r(index.wall_s, 2),
        "index_docs_per_s": _r(index_rate, 1),
        "floor_docs_per_s": _r(floor_rate, 1),
        "reindex_s": _r(reindex.wall_s, 2),
        "db_mb": _r(db_bytes / MB, 2),
        # Sampling can miss a spike shorter than SAMPLE_S; the tree's peak is at least its largest process's.
        "peak_rss_mb": _r(max(index.peak_rss, index.ru_maxrss) / MIB, 1),
        "ru_maxrss_mb": _r(index.ru_maxrss / MIB, 1),
        "peak_pss_mb": _r(index.peak_pss / MIB, 1),
        "index_processes": index.processes,
        "search_ms": search_ms,
        "floor_search_ms": floor_search_ms,
        "timeline_ms": filtered["timeline"],
        "who_ms": filtered["who"],
        "spending_ms": filtered["spending"],
        "start_help_ms": startup["natocli_help"],
        "start_search_ms": startup["natocli_search"],
        "sqlite_utils_help_ms": startup["sqlite_utils_help"],
        "sqlite_utils_search_ms": startup["sqlite_utils_search"],
        "ratios": {
            "index_vs_floor": _ratio(index_rate / floor_rate),
            "reindex_vs_index": _ratio(reindex.wall_s / index.wall_s),
            "search_vs_floor": {
                kind: _ratio(search_ms[kind]["p50"] / max(floor_search_ms[kind]["p50"], 1e-6)) for kind in search_ms
            },
            "start_help_vs_sqlite_utils": _ratio(startup["natocli_help"] / startup["sqlite_utils_help"]),
            "start_search_vs_sqlite_utils": _ratio(startup["natocli_search"] / startup["sqlite_utils_search"]),
            "db_vs_raw": _ratio(db_bytes / MB / raw_mb) if raw_mb else None,
        },
        "machine": host,
        "date": started.isoformat(timespec="seconds"),
        "repeat": repeat,
    }
    result["targets"] = targets(result)
    return result


# --- targets ------------------------------------------------------------------------


def targets(r: dict) -> list[dict]:
    """Each target of the benchmark issue: what is measured, the bound, and whether it is met."""
    ratios = r["ratios"]
    out = []

    def add(name: str, value, bound: str, met: bool) -> None:
        out.append({"name": name, "value": value, "target": bound, "met": bool(met)})

    add("index speed vs floor", ratios["index_vs_floor"], "≥ 0.5× floor", ratios["index_vs_floor"] >= 0.5)
    add("re-index of an unchanged corpus", ratios["reindex_vs_index"], "≤ 0.05× index_s",
        ratios["reindex_vs_index"] <= 0.05)
    add("search rare p50 (ms)", r["search_ms"]["rare"]["p50"], "≤ 2 ms", r["search_ms"]["rare"]["p50"] <= 2)
    for kind, ratio in ratios["search_vs_floor"].items():
        if kind != "rare":
            add(f"search {kind} p50 vs floor", ratio, "≤ 0.5× floor p50", ratio <= 0.5)
    for command in ("timeline", "who", "spending"):
        for label, t in r[f"{command}_ms"].items():
            if not label.endswith("-n 0"):  # every row: shown for information
                add(f"{command} {label} p50 (ms)", t["p50"], "≤ 50 ms", t["p50"] <= 50)
    add("start-up --help vs sqlite-utils", ratios["start_help_vs_sqlite_utils"], "≤ 0.8×",
        ratios["start_help_vs_sqlite_utils"] <= 0.8)
    add("start-up search vs sqlite-utils", ratios["start_search_vs_sqlite_utils"], "≤ 0.8×",
        ratios["start_search_vs_sqlite_utils"] <= 0.8)
    add("peak memory of indexing, PSS (MiB)", r["peak_pss_mb"], "≤ 200 MiB", r["peak_pss_mb"] <= 200)
    add("database size vs raw text", ratios["db_vs_raw"], "≤ 2.5×",
        ratios["db_vs_raw"] is not None and ratios["db_vs_raw"] <= 2.5)
    return out


def render_table(r: dict) -> str:
    m = r["machine"]
    lines = [
        f"natocli benchmark: {r['docs']:,} files ({r['mb']} MB), {r['indexed']:,} indexed; {r['date']}",
        f"machine: nproc {m['nproc']}, {m['cpu']}, Python {m['python']}, SQLite {m['sqlite']}, "
        f"load {m['load_avg']} at start; commit {m['commit']}; repeat {r['repeat']}",
        "",
        f"  index            {r['index_s']:>9} s   {r['index_docs_per_s']:>8} docs/s   "
        f"floor {r['floor_docs_per_s']} docs/s",
        f"  re-index         {r['reindex_s']:>9} s",
        f"  database         {r['db_mb']:>9} MB",
        f"  peak RSS (tree)  {r['peak_rss_mb']:>9} MiB  PSS {r['peak_pss_mb']} MiB, largest process {r['ru_maxrss_mb']} MiB, "
        f"{r['index_processes']} process(es)",
        "",
        f"  {'search':<14} {'p50 ms':>9} {'p95 ms':>9} {'floor p50':>10} {'floor p95':>10}",
    ]
    for kind, t in r["search_ms"].items():
        f = r["floor_search_ms"][kind]
        lines.append(f"  {kind:<14} {t['p50']:>9} {t['p95']:>9} {f['p50']:>10} {f['p95']:>10}")
    filtered = [(f"{command} {label}", t) for command in ("timeline", "who", "spending")
                for label, t in r[f"{command}_ms"].items()]
    width = max(len(name) for name, _ in filtered)
    lines += ["", f"  {'filtered query':<{width}}  {'p50 ms':>9}  {'rows':>7}"]
    for name, t in filtered:
        lines.append(f"  {name:<{width}}  {t['p50']:>9}  {t['rows']:>7}")
    lines += [
        "",
        f"  start-up --help  natocli {r['start_help_ms']} ms, sqlite-utils {r['sqlite_utils_help_ms']} ms",
        f"  start-up search  natocli {r['start_search_ms']} ms, sqlite-utils {r['sqlite_utils_search_ms']} ms",
        "",
        "targets",
    ]
    width = max(len(t["name"]) for t in r["targets"])
    for t in r["targets"]:
        lines.append(f"  {t['name']:<{width}}  {t['value']!s:>9}  {t['target']:<18} {'met' if t['met'] else 'NOT MET'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000, metavar="N", help="number of articles (default 2000)")
    parser.add_argument("--seed", type=int, default=42, metavar="S", help="corpus seed (default 42)")
    parser.add_argument("--corpus", type=Path, default=None, metavar="DIR",
                        help="where to write (or reuse) the corpus; default: a folder in the temporary directory")
    parser.add_argument("--repeat", type=int, default=10, metavar="R",
                        help="runs of each start-up command and of each query (default 10)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    args = parser.parse_args(argv)
    if args.docs < 1:
        parser.error("--docs must be at least 1")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    corpus_dir = args.corpus or Path(tempfile.gettempdir()) / f"natocli-corpus-{args.docs}-{args.seed}"
    corpus_mod.generate(corpus_dir, args.docs, args.seed)
    result = measure(corpus_dir, args.docs, args.seed, args.repeat)
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.json else render_table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
