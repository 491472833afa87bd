"""The command line: parse options, call the library, render the rows.

This is the only module that imports typer. Each command is short: options
in, ``_open()``, one ``query``/``indexer`` call, ``render``. Errors raised by
the library become one line on stderr and an exit code scripts can trust:
0 rows printed, 1 nothing found, 2 bad usage or bad input.
"""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from typer.core import TyperGroup

from natocli import __version__
from natocli.errors import Ambiguous, ExitStatus, NatocliError
from natocli.render import Format

if TYPE_CHECKING:
    import sqlite3


class _Commands(TyperGroup):
    """The command list in help shows each command's whole first sentence, not a cut one."""

    def format_commands(self, ctx: typer.Context, formatter) -> None:
        rows = [
            (name, command.get_short_help_str(limit=10_000))
            for name, command in ((name, self.get_command(ctx, name)) for name in self.list_commands(ctx))
            if command is not None and not command.hidden
        ]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


# Help and usage errors are plain Click text: Typer's Rich formatting would import Rich and
# Markdown parsing on every `--help` and typo, a large share of natocli's start-up time.
app = typer.Typer(
    cls=_Commands,
    rich_markup_mode=None,
    name="natocli",
    help=(
        "Turn a folder of NATO news articles into a local, queryable knowledge base.\n\n"
        "A fresh install searches the three bundled seed articles; `natocli index FOLDER` adds yours."
    ),
    epilog=(
        "Examples:\n\n"
        "  natocli search \"defence spending\"\n\n"
        "  natocli index ~/articles\n\n"
        "  natocli timeline --since 2025\n\n"
        "  natocli who rutte\n\n"
        "  natocli spending --unit gdp --json | jq .\n\n"
        "Exit status: 0 results printed, 1 nothing found, 2 bad usage or input."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@dataclass
class State:
    db_path: Path
    debug: bool = False


def _state(ctx: typer.Context) -> State:
    return ctx.find_root().obj


def _say(message: str) -> None:
    """A line for the person at the terminal: stderr, never mixed into the results."""
    typer.echo(message, err=True)


def _fail(exc: NatocliError) -> None:
    _say(f"natocli: {exc.message}")
    if isinstance(exc, Ambiguous):
        for name in exc.candidates:
            _say(f"  {name}")
    if exc.hint:
        _say(f"hint: {exc.hint}")


def handle_errors(command):
    """Turn natocli's errors, bad databases and Ctrl-C into a message and an exit code."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        import sqlite3

        ctx = kwargs.get("ctx")
        debug = bool(ctx and _state(ctx) and _state(ctx).debug)
        try:
            return command(*args, **kwargs)
        except NatocliError as exc:
            if debug:
                raise
            _fail(exc)
            raise typer.Exit(exc.exit_status) from None
        except sqlite3.DatabaseError as exc:
            if debug:
                raise
            _say(f"natocli: database error: {exc}")
            raise typer.Exit(ExitStatus.BAD_INPUT) from None
        except KeyboardInterrupt:
            _say("natocli: interrupted; everything committed before this point is kept")
            raise typer.Exit(ExitStatus.INTERRUPTED) from None
        except BrokenPipeError:
            # The reader went away (`natocli search x | head -1`): not an error.
            sys.stderr.close()
            raise typer.Exit(ExitStatus.OK) from None

    return wrapper


def _open(ctx: typer.Context, *, seed: bool = True) -> sqlite3.Connection:
    from natocli import store

    db = store.open_db(_state(ctx).db_path)
    # The indexer (and what it imports) is loaded only for an empty database.
    if seed and not db.execute("SELECT EXISTS (SELECT 1 FROM documents)").fetchone()[0]:
        from natocli.indexer import ensure_seeded

        ensure_seeded(db, _say)
    return db


def _emit(rows: list, fmt: Format, as_json: bool, row_type: type) -> None:
    from natocli.render import render

    render(rows, Format.json if as_json else fmt, row_type=row_type)
    if not rows:
        raise typer.Exit(ExitStatus.NOTHING_FOUND)


def _emit_one(obj, fmt: Format, as_json: bool) -> None:
    from natocli.render import render_one

    render_one(obj, Format.json if as_json else fmt)


# Options shared by the commands that list rows.
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Short for --format json.")]
SinceOpt = Annotated[
    Optional[str], typer.Option(help='Only from this date on: 2025, 2025-01, 2025-01-27, "27 Jan 2025".')
]
UntilOpt = Annotated[Optional[str], typer.Option(help="Only up to this date (inclusive); same forms as --since.")]
DocOpt = Annotated[Optional[int], typer.Option("--doc", help="Only this document id (see `natocli docs`).")]


LimitOpt = Annotated[int, typer.Option("--limit", "-n", help="At most N rows; 0 means no limit.", min=0)]
PAGE = 50  # rows timeline, who and spending show unless told: a screenful, even at 100,000 articles
PageOpt = Annotated[
    Optional[int],
    typer.Option("--limit", "-n", help=f"At most N rows (default {PAGE}; charts use all); 0 means no limit.", min=0),
]


def _page(limit: int | None, chart: bool = False) -> int:
    """The limit to ask the query for: one row more than shown tells whether rows were left out."""
    if limit is None:
        limit = 0 if chart else PAGE
    return limit + 1 if limit else 0


def _trim(rows: list, limit: int | None, chart: bool = False) -> list:
    shown = _page(limit, chart) - 1
    if shown > 0 and len(rows) > shown:
        _say(f"natocli: the first {shown} rows are shown; --limit N shows more, --limit 0 all")
        return rows[:shown]
    return rows


def _version(value: bool) -> None:
    if value:
        typer.echo(f"natocli {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[
        Optional[Path],
        typer.Option(
            "--db",
            help="Database file. Default: $NATOCLI_DB, else natocli.db in the per-user data directory.",
            dir_okay=False,
        ),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an error.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    from natocli.store import resolve_db_path

    ctx.obj = State(db_path=resolve_db_path(db, typer.get_app_dir("natocli")), debug=debug)


@app.command()
@handle_errors
def index(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="Files and folders to index (folders recursively).")],
    prune: Annotated[
        bool, typer.Option("--prune", help="Remove documents whose files are gone from the folders given.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Index article files (.txt, .md, .html, .pdf) into the database; unchanged files are skipped.

    Examples:

        natocli index ~/articles

        natocli index ~/articles --prune --json
    """
    from natocli.indexer import decline_seeds, index_paths

    db = _open(ctx, seed=False)
    decline_seeds(db)
    with _progress() as (on_total, on_file):
        summary = index_paths(db, paths, prune=prune, on_total=on_total, on_file=on_file)
    for path, reason in summary.problems:
        _say(f"natocli: {reason}: {path}")
    if as_json:
        import json

        typer.echo(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2))
    else:
        _say(summary.line())


class _progress:
    """A Rich progress bar on stderr, only when stderr is a terminal.

    The bar (and its refresh thread) starts at the first ``on_total`` call:
    the indexer starts its worker processes before that, with no thread running.
    """

    def __enter__(self):
        if not sys.stderr.isatty():
            return None, None

        def on_total(total: int) -> None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(
                TextColumn("indexing"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                TextColumn("{task.fields[name]}", style="dim"),
                console=Console(file=sys.stderr),
                transient=True,
            )
            self.bar.__enter__()
            self.task = self.bar.add_task("index", total=total, name="")

        def on_file(path: Path) -> None:
            if hasattr(self, "bar"):
                self.bar.update(self.task, advance=1, name=path.name[:40])

        return on_total, on_file

    def __exit__(self, *exc) -> None:
        if hasattr(self, "bar"):
            self.bar.__exit__(*exc)


@app.command()
@handle_errors
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="Words to find (syntax above).")],
    limit: LimitOpt = 10,
    since: SinceOpt = None,
    until: UntilOpt = None,
    doc: DocOpt = None,
    raw: Annotated[bool, typer.Option("--raw", help="Pass the query to SQLite FTS5 untouched.")] = False,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
) -> None:
    """Find the articles that say something, best match first.

    Plain words must all appear; "quoted phrases", OR, NOT or -word, prefix* and
    NEAR(a b) work; anything else is searched as plain words. Matching ignores
    case and accents and stems English words (spend finds spending).

    Examples:

        natocli search "defence spending"

        natocli search 'sanchez OR rutte' --since 2025 --json

        natocli search 'NEAR(summit hague)' -n 3
    """
    from natocli import query as q

    rows = q.search(_open(ctx), query, limit=limit, since=since, until=until, doc=doc, raw=raw)
    _emit(rows, fmt, as_json, q.SearchHit)


@app.command()
@handle_errors
def docs(
    ctx: typer.Context,
    limit: LimitOpt = 0,
    since: SinceOpt = None,
    until: UntilOpt = None,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
) -> None:
    """List the indexed documents.

    Example:  natocli docs --since 2025 --format csv
    """
    from natocli import query as q

    _emit(q.docs(_open(ctx), limit=limit, since=since, until=until), fmt, as_json, q.DocRow)


@app.command()
@handle_errors
def show(
    ctx: typer.Context,
    ref: Annotated[str, typer.Argument(metavar="ID|PATH", help="Document id (see `natocli docs`) or file path.")],
    raw: Annotated[bool, typer.Option("--raw", help="The original text, chrome included.")] = False,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
) -> None:
    """Print one indexed article (the cleaned text; --raw for the original).

    Example:  natocli show 2
    """
    from natocli import query as q

    _emit_one(q.show(_open(ctx), ref, raw=raw), fmt, as_json)


@app.command()
@handle_errors
def stats(ctx: typer.Context, fmt: FormatOpt = Format.table, as_json: JsonOpt = False) -> None:
    """Counts of documents, words, people, events and spending figures; database size and path."""
    from natocli import query as q

    _emit_one(q.stats(_open(ctx), str(_state(ctx).db_path)), fmt, as_json)


@app.command()
@handle_errors
def timeline(
    ctx: typer.Context,
    terms: Annotated[
        Optional[list[str]], typer.Argument(help="Keep events whose sentence matches these words.")
    ] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    doc: DocOpt = None,
    precision: Annotated[
        Optional[str], typer.Option(help="Keep events at least this precise: day, month or year.")
    ] = None,
    limit: PageOpt = None,
    chart: Annotated[bool, typer.Option("--chart", help="Draw event counts per month (or year).")] = False,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
) -> None:
    """What happened when: dated events from the articles, in order.

    Examples:

        natocli timeline --since 2025

        natocli timeline summit --precision day --json
    """
    from natocli import query as q

    rows = q.timeline(
        _open(ctx), " ".join(terms) if terms else None, since=since, until=until, doc=doc,
        precision=precision, limit=_page(limit, chart),
    )
    rows = _trim(rows, limit, chart)
    if chart and rows:
        from natocli.render import timeline_chart

        timeline_chart(rows)
        return
    _emit(rows, fmt, as_json, q.TimelineEvent)


@app.command()
@handle_errors
def who(
    ctx: typer.Context,
    name: Annotated[
        Optional[list[str]], typer.Argument(help="Show one person's card (surname alone works).")
    ] = None,
    role: Annotated[Optional[str], typer.Option(help="Only people with a role containing this text.")] = None,
    country: Annotated[
        Optional[str], typer.Option(help="Only mentions in sentences about this country (name or adjective).")
    ] = None,
    doc: DocOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: PageOpt = None,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
) -> None:
    """Who is involved: people with their titles and roles, most mentioned first.

    Examples:

        natocli who

        natocli who --role minister --country Portugal

        natocli who rutte --json
    """
    from natocli import query as q

    db = _open(ctx)
    if name:
        _emit_one(q.person_card(db, " ".join(name)), fmt, as_json)
        return
    rows = q.who(db, role=role, country=country, doc=doc, since=since, until=until, limit=_page(limit))
    rows = _trim(rows, limit)
    _emit(rows, fmt, as_json, q.Person)


@app.command()
@handle_errors
def spending(
    ctx: typer.Context,
    country: Annotated[
        Optional[str], typer.Option(help="Only figures for this country or body (Portugal, Portuguese, NATO).")
    ] = None,
    unit: Annotated[Optional[str], typer.Option(help="gdp (% of GDP), money or percent.")] = None,
    kind: Annotated[
        Optional[str], typer.Option(help="target, pledge, actual, estimate, increase, aid or other.")
    ] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    minimum: Annotated[Optional[float], typer.Option("--min", help="Only figures at least this value.")] = None,
    doc: DocOpt = None,
    limit: PageOpt = None,
    chart: Annotated[bool, typer.Option("--chart", help="Draw the %-of-GDP figures by entity.")] = False,
    fmt: FormatOpt = Format.table,
    as_json: JsonOpt = False,
) -> None:
    """Defence-spending figures: % of GDP targets, budgets and aid, by country, kind and year.

    Examples:

        natocli spending

        natocli spending --country Portugal --unit gdp

        natocli spending --kind aid --min 1e9 --json
    """
    from natocli import query as q

    rows = q.spending(
        _open(ctx), country=country, unit=unit, kind=kind, since=since, until=until, minimum=minimum,
        doc=doc, limit=_page(limit, chart),
    )
    rows = _trim(rows, limit, chart)
    if chart and rows:
        from natocli.render import spending_chart

        spending_chart(rows)
        return
    _emit(rows, fmt, as_json, q.SpendingFigure)


def main() -> None:
    app()
