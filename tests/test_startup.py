"""Start-up stays light: what `natocli --help` and a search import, and the Rich-free table path.

No timings here (bench/run.py measures them): these tests pin the design that
keeps start-up short. `--help` loads neither the database layers nor Rich;
a search loads no indexing, cleaning or extraction code and, off a terminal,
writes its table without Rich, byte for byte as Rich would.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from natocli import render
from natocli.fts import HL_END, HL_START

INDEXING = ["natocli.indexer", "natocli.ingest", "natocli.clean", "natocli.extract", "dateutil", "trafilatura",
            "charset_normalizer", "pypdf", "htmldate", "lxml"]
RICH = ["rich", "markdown_it", "typer.rich_utils"]


def imported_modules(*args: str) -> set[str]:
    """The modules a `natocli` process imports, read from Python's -X importtime report."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "natocli", *args],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return {
        line.rsplit("|", 1)[1].strip()
        for line in proc.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    } - {"package"}


def loaded(modules: set[str], prefixes: list[str]) -> list[str]:
    return sorted(m for m in modules if any(m == p or m.startswith(p + ".") for p in prefixes))


def test_help_imports_neither_the_database_layers_nor_rich():
    modules = imported_modules("--help")
    assert "natocli.cli" in modules
    assert loaded(modules, [*INDEXING, *RICH, "natocli.query", "natocli.store", "natocli.dates", "sqlite3"]) == []


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> str:
    """A database holding the seed articles, so that no search has to index them first."""
    from natocli.indexer import index_paths, seed_dir
    from natocli.store import open_db

    path = tmp_path_factory.mktemp("seeded") / "natocli.db"
    db = open_db(path)
    index_paths(db, [seed_dir()])
    db.close()
    return str(path)


@pytest.mark.parametrize("fmt", ["--json", "--format=table"])
def test_search_imports_no_indexing_code_and_off_a_terminal_no_rich(seeded, fmt, monkeypatch):
    monkeypatch.delenv("COLUMNS")
    modules = imported_modules("--db", seeded, "search", "rutte", fmt)
    assert {"natocli.query", "natocli.store", "natocli.render"} <= modules
    assert loaded(modules, [*INDEXING, *RICH]) == []


def test_empty_database_still_gets_the_seeds(run):
    """The indexer is imported only for an empty database, and then it seeds it as before."""
    result = run("search", "rutte", "--json")
    assert result.exit_code == 0
    assert "indexing the bundled seed articles" in result.stderr
    assert json.loads(result.stdout)


# --- tables without Rich ------------------------------------------------------


def rich_text(rows, columns) -> str:
    out = io.StringIO()
    render.console(out).print(render._table(rows, columns))
    return out.getvalue()


@dataclass(frozen=True)
class Row:
    a: str
    b: str
    c: str


COLUMNS = [
    render.Column("#", lambda r: r.a, justify="right", no_wrap=True),
    render.Column("title", lambda r: r.b, style="bold", ratio=2),
    render.Column("snippet words", lambda r: r.c, ratio=4, marks="bold cyan"),
]

# One-cell characters and the characters that make cells tricky (spaces, line breaks,
# highlight marks); then characters only Rich can measure (wide, zero-width, combining, control).
ONE_CELL = list("ab Z9.,;'\"[]/\\—–…’€¥£→éßçΩж \n") + ["\xa0"] + [HL_START, HL_END]
RICH_ONLY = ["界", "\u200b", "\u0301", "\t"]


def table_cells(alphabet: list[str]):
    text = st.text(alphabet=st.sampled_from(alphabet), max_size=30)
    return st.lists(st.tuples(text, text, text), min_size=1, max_size=5)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table_cells(ONE_CELL))
def test_plain_table_is_what_rich_prints(monkeypatch_cells, cells):
    rows = [Row(*c) for c in cells]
    assert render.plain_table(rows, COLUMNS) == rich_text(rows, COLUMNS)


@settings(max_examples=30, deadline=None)
@given(table_cells(ONE_CELL + RICH_ONLY), st.sampled_from(RICH_ONLY))
def test_cells_only_rich_can_measure_leave_the_table_to_rich(cells, odd):
    rows = [Row(*c) for c in cells] + [Row("1", f"x{odd}y", "z")]
    assert render.plain_table(rows, COLUMNS) is None


@pytest.fixture
def monkeypatch_cells(monkeypatch):
    """Off a terminal, no COLUMNS: Rich draws at unbounded width without colour."""
    for name in ("COLUMNS", "FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)


def test_every_one_cell_character_is_one_cell_for_rich():
    from rich.cells import cell_len

    checked = [chr(c) for c in range(0x3000) if render._ONE_CELL.fullmatch(chr(c))]
    assert len(checked) > 1000
    assert [ch for ch in checked if cell_len(ch) != 1] == []


@pytest.mark.parametrize(
    "args",
    [["search", "nato"], ["search", "defence spending", "-n", "2"], ["docs"], ["timeline"], ["who"], ["spending"]],
)
def test_command_tables_off_a_terminal_match_rich(run, monkeypatch, args):
    monkeypatch.setenv("COLUMNS", str(render.UNBOUNDED_WIDTH))
    with_rich = run(*args)
    monkeypatch.delenv("COLUMNS")
    plain = run(*args)
    assert plain.exit_code == with_rich.exit_code == 0
    assert plain.stdout == with_rich.stdout
    assert plain.stdout.splitlines()[1].startswith("───")


@pytest.mark.parametrize(
    "env, plain",
    [
        pytest.param({}, True, id="pipe"),
        pytest.param({"COLUMNS": "80"}, False, id="columns-set"),
        pytest.param({"FORCE_COLOR": "1"}, False, id="force-color"),
        pytest.param({"TTY_COMPATIBLE": "1"}, False, id="tty-compatible"),
    ],
)
def test_plain_output_only_where_rich_would_draw_plainly(monkeypatch, env, plain):
    for name in ("COLUMNS", "FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert render.plain_output(io.StringIO()) is plain
