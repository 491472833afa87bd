"""One renderer for every command: result rows to a Rich table, JSON, JSON Lines or CSV.

Rows are the frozen dataclasses of ``natocli.query``; their field names are
the JSON keys. Table views (which columns, how a date or a figure reads to a
person) are declared once per result class in ``tables()``. Importing this
module is cheap: the query module, JSON, CSV and Rich are imported when they
are needed, and a table written off a terminal is laid out here, exactly as
Rich would lay it out, unless a cell holds characters only Rich can measure.
"""

from __future__ import annotations

import dataclasses
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Any, TextIO

from natocli.fts import HL_END, HL_START


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


# --- plain data -----------------------------------------------------------


def _plain(value: Any) -> Any:
    """JSON-ready value: dataclasses to dicts (table-only fields left out), highlight marks dropped."""
    if dataclasses.is_dataclass(value):
        return {
            f.name: _plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if not f.metadata.get("table_only")
        }
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return strip_marks(value)
    return value


def strip_marks(text: str) -> str:
    return text.replace(HL_START, "").replace(HL_END, "")


def _csv_cell(value: Any) -> Any:
    import json

    if isinstance(value, list):
        if all(isinstance(v, str) for v in value):
            return "; ".join(value)
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def to_json(rows: Sequence[Any] | Any) -> str:
    import json

    return json.dumps(_plain(rows), ensure_ascii=False, indent=2)


def to_jsonl(rows: Sequence[Any]) -> str:
    import json

    return "".join(json.dumps(_plain(r), ensure_ascii=False) + "\n" for r in rows)


def to_csv(rows: Sequence[Any], row_type: type | None = None) -> str:
    import csv
    import io

    row_type = row_type or (type(rows[0]) if rows else None)
    if row_type is None:
        return ""
    keys = [f.name for f in dataclasses.fields(row_type) if not f.metadata.get("table_only")]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(keys)
    for row in rows:
        plain = _plain(row)
        writer.writerow([_csv_cell(plain[k]) for k in keys])
    return out.getvalue()


# --- people-friendly values -----------------------------------------------

_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_SEASON_BY_MONTH = {3: "Spring", 6: "Summer", 9: "Autumn", 12: "Winter"}


def format_when(start: str | None, end: str | None, precision: str) -> str:
    """A date range as a person reads it at its precision: "2026-01-07 → 08", "Jul 2023", "2026"."""
    if not start or not end:
        return "(year unknown)"
    (y1, m1, d1), (y2, m2, d2) = (tuple(int(p) for p in s.split("-")) for s in (start, end))
    if precision == "day":
        if start == end:
            return start
        if y1 == y2 and m1 == m2:
            return f"{start} → {d2:02d}"
        if y1 == y2:
            return f"{start} → {m2:02d}-{d2:02d}"
        return f"{start} → {end}"
    if precision == "month":
        first = f"{_MONTHS[m1 - 1]} {y1}"
        if (y1, m1) == (y2, m2):
            return first
        if y1 == y2:
            return f"{_MONTHS[m1 - 1]} → {_MONTHS[m2 - 1]} {y1}"
        return f"{first} → {_MONTHS[m2 - 1]} {y2}"
    if precision == "season" and m1 in _SEASON_BY_MONTH:
        return f"{_SEASON_BY_MONTH[m1]} {y1}"
    if precision == "quarter":
        return f"Q{(m1 - 1) // 3 + 1} {y1}"
    if precision == "decade":
        return f"{y1}s"
    return str(y1) if y1 == y2 else f"{y1} → {y2}"


_CURRENCY_SIGNS = {"USD": "US$", "EUR": "€", "GBP": "£", "JPY": "¥", "CAD": "C$", "AUD": "A$"}
_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))


def _number(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_figure(value: float, unit: str) -> str:
    """ "5 % of GDP", "US$ 485 bn", "€ 40 bn", "PLN 187 bn"."""
    if unit == "%GDP":
        return f"{_number(value)} % of GDP"
    if unit == "%":
        return f"{_number(value)} %"
    sign = _CURRENCY_SIGNS.get(unit, unit)
    for size, word in _SCALES:
        if abs(value) >= size:
            return f"{sign} {_number(value / size)} {word}"
    return f"{sign} {_number(value)}"


def _source(path: str) -> str:
    return Path(path).name


# --- tables ---------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Any], str]  # the cell's text; HL_START/HL_END mark parts drawn in `marks`
    style: str | None = None
    justify: str = "left"
    ratio: int | None = None  # share of the spare width when the table is wider than the screen
    no_wrap: bool = False
    marks: str = "bold"


def _highlighted(text: str, style: str = "bold") -> Any:
    """Rich Text with the HL-marked parts in `style`."""
    from rich.text import Text

    out = Text()
    bold = False
    for piece in text.replace(HL_END, HL_START).split(HL_START):
        if piece:
            out.append(piece, style=style if bold else None)
        bold = not bold
    return out


def _shorten_around(sentence: str, needle: str, width: int = 140) -> str:
    """The sentence cut to about `width` characters around `needle`, which is HL-marked."""
    at = sentence.find(needle)
    if at < 0:
        return sentence if len(sentence) <= width else sentence[: width - 1] + "…"
    before, after = sentence[:at], sentence[at + len(needle):]
    room = max(0, width - len(needle))
    keep_before = min(len(before), room // 2 + max(0, room // 2 - len(after)))
    keep_after = max(0, room - keep_before)
    head = before[len(before) - keep_before:]
    tail = after[:keep_after]
    if keep_before < len(before):
        head = "…" + head.split(" ", 1)[-1] if " " in head else "…" + head
    if keep_after < len(after):
        tail = (tail.rsplit(" ", 1)[0] if " " in tail else tail) + "…"
    return f"{head}{HL_START}{needle}{HL_END}{tail}"


@lru_cache(maxsize=1)
def tables() -> dict[type, list[Column]]:
    """The columns of each result class's table."""
    from natocli import query as q

    return {
        q.SearchHit: [
            Column("#", lambda r: str(r._rank), justify="right", no_wrap=True),
            Column("date", lambda r: r.published or "", no_wrap=True),
            Column("title", lambda r: r.title, style="bold", ratio=2),
            Column("snippet", lambda r: r.snippet, ratio=4),
            Column("source", lambda r: _source(r.path), style="dim", ratio=1),
        ],
        q.DocRow: [
            Column("id", lambda r: str(r.doc_id), justify="right", no_wrap=True),
            Column("date", lambda r: r.published or "", no_wrap=True),
            Column("title", lambda r: r.title, style="bold", ratio=3),
            Column("words", lambda r: str(r.words), justify="right", no_wrap=True),
            Column("path", lambda r: r.path, style="dim", ratio=2),
        ],
        q.TimelineEvent: [
            Column("date", lambda r: format_when(r.start, r.end, r.precision), no_wrap=True),
            Column("event", lambda r: _shorten_around(r.sentence, r.expression), ratio=4, marks="bold cyan"),
            Column("source", lambda r: _source(r.path), style="dim", ratio=1),
        ],
        q.Person: [
            Column("name", lambda r: r.name, style="bold", no_wrap=True),
            Column("roles", lambda r: "; ".join(r.roles), ratio=3),
            Column("mentions", lambda r: str(r.mentions), justify="right", no_wrap=True),
            Column("docs", lambda r: str(r.documents), justify="right", no_wrap=True),
            Column("first seen", lambda r: r.first_seen or "", no_wrap=True),
            Column("last seen", lambda r: r.last_seen or "", no_wrap=True),
        ],
        q.SpendingFigure: [
            Column("entity", lambda r: r.entity or "?", style="bold", no_wrap=True),
            Column("figure", lambda r: format_figure(r.value, r.unit), justify="right", no_wrap=True),
            Column("kind", lambda r: r.kind, no_wrap=True),
            Column("year", lambda r: str(r.year) if r.year else "", no_wrap=True),
            Column("date", lambda r: r.published or "", no_wrap=True),
            Column("sentence", lambda r: _shorten_around(r.sentence, r.expression), ratio=4, marks="bold green"),
            Column("source", lambda r: _source(r.path), style="dim", ratio=1),
        ],
    }


# Off a terminal the console is as wide as the content (see `console`), up to this.
UNBOUNDED_WIDTH = 100_000


def console(file: TextIO | None = None):
    """A Rich console for `file` (stdout): colour only on a terminal and never with NO_COLOR;
    off a terminal, as wide as the content unless COLUMNS says otherwise."""
    from rich.console import Console

    file = file or sys.stdout
    is_tty = file.isatty()
    width = None if is_tty or os.environ.get("COLUMNS") else UNBOUNDED_WIDTH
    return Console(file=file, width=width, highlight=False, soft_wrap=False, emoji=False, markup=False)


def _table(rows: Sequence[Any], columns: list[Column]):
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    for col in columns:
        table.add_column(col.header, style=col.style, justify=col.justify, ratio=col.ratio, no_wrap=col.no_wrap,
                         overflow="fold")
    for row in rows:
        table.add_row(*(_highlighted(col.value(row), col.marks) for col in columns))
    return table


# --- tables without Rich ----------------------------------------------------

# Characters Rich draws one cell wide (tests check each against the installed Rich):
# Latin, Greek and Cyrillic letters, general punctuation (dashes, quotes, …), currency signs, arrows.
_ONE_CELL = re.compile(r"[ -~\xa0-\xac\xae-\u02ff\u0370-\u0482\u2010-\u2027\u2030-\u203a\u20a0-\u20c0\u2190-\u2193]*")


def plain_output(file: TextIO) -> bool:
    """Whether `console(file)` would draw without colour at unbounded width: off a terminal,
    with no COLUMNS, FORCE_COLOR or TTY_COMPATIBLE telling Rich otherwise, in UTF-8."""
    environ = os.environ
    return (
        not file.isatty()
        and not environ.get("COLUMNS")
        and environ.get("FORCE_COLOR") is None
        and environ.get("TTY_COMPATIBLE", "") != "1"
        and (getattr(file, "encoding", None) or "utf-8").lower().replace("_", "-").startswith("utf")
    )


def plain_table(rows: Sequence[Any], columns: list[Column]) -> str | None:
    """The text Rich prints for `_table(rows, columns)` on a plain console (see ``plain_output``),
    or None when a cell holds a character whose width only Rich knows.

    Rich's layout at unbounded width: each column as wide as its widest line, padded by one space
    on each side except at the table's outer edges, columns separated by a space, a rule of "─"
    under the header; right-justified lines lose their trailing spaces; a cell's lines are its
    text split at line breaks, and a row is as tall as its tallest cell.
    """
    grid = [[col.header for col in columns]]
    grid.extend([strip_marks(col.value(row)) for col in columns] for row in rows)
    cells = [[text.split("\n") for text in line] for line in grid]
    one_cell = _ONE_CELL.fullmatch
    if not all(one_cell(text) for line in cells for cell in line for text in cell):
        return None
    if any(col.justify not in ("left", "right") for col in columns):
        return None
    last = len(columns) - 1
    pads = [(0 if i == 0 else 1, 0 if i == last else 1) for i in range(len(columns))]
    widths = []
    for i in range(len(columns)):
        widest = max(len(text) for line in cells for text in line[i])
        widths.append(max(widest + sum(pads[i]), 1) - sum(pads[i]))
    if sum(widths) + sum(map(sum, pads)) + last >= UNBOUNDED_WIDTH:
        return None
    out = []
    for number, line in enumerate(cells):
        for k in range(max(len(cell) for cell in line)):
            parts = []
            for i, cell in enumerate(line):
                text = cell[k] if k < len(cell) else ""
                text = text.rstrip().rjust(widths[i]) if columns[i].justify == "right" else text.ljust(widths[i])
                parts.append(" " * pads[i][0] + text + " " * pads[i][1])
            out.append(" ".join(parts))
        if number == 0:
            out.append("─" * (sum(widths) + sum(map(sum, pads)) + last))
    return "\n".join(out) + "\n"


@dataclass(frozen=True)
class _Ranked:
    """A search hit with its rank, for the "#" column."""

    hit: Any  # natocli.query.SearchHit
    _rank: int

    def __getattr__(self, name: str) -> Any:
        return getattr(self.hit, name)


def render(rows: Sequence[Any], fmt: Format | str, *, row_type: type | None = None, file: TextIO | None = None) -> None:
    """Write `rows` to stdout (or `file`) in `fmt`."""
    fmt = Format(fmt)
    out = file or sys.stdout
    if fmt is Format.json:
        out.write(to_json(list(rows)) + "\n")
    elif fmt is Format.jsonl:
        out.write(to_jsonl(rows))
    elif fmt is Format.csv:
        out.write(to_csv(rows, row_type))
    else:
        if not rows:
            return
        from natocli import query as q

        kind = row_type or type(rows[0])
        columns = tables()[kind]
        if kind is q.SearchHit:
            rows = [_Ranked(r, i) for i, r in enumerate(rows, 1)]
        text = plain_table(rows, columns) if plain_output(out) else None
        if text is None:
            console(out).print(_table(rows, columns))
        else:
            out.write(text)


def render_one(obj: Any, fmt: Format | str, *, file: TextIO | None = None) -> None:
    """Write one object (a document, the stats, a person's card)."""
    from natocli import query as q

    fmt = Format(fmt)
    out = file or sys.stdout
    if fmt is Format.json:
        out.write(to_json(obj) + "\n")
    elif fmt is Format.jsonl:
        out.write(to_jsonl([obj]))
    elif fmt is Format.csv:
        out.write(to_csv([obj]))
    elif isinstance(obj, q.Document):
        _print_document(obj, out)
    elif isinstance(obj, q.PersonCard):
        _print_card(obj, out)
    else:
        _print_fields(obj, out)


def _print_document(doc: Any, out: TextIO) -> None:
    con = console(out)
    from rich.text import Text

    con.print(Text(doc.title, style="bold"))
    meta = f"#{doc.doc_id} · {doc.published or 'no date'} · {doc.words} words · {doc.path}"
    con.print(Text(meta, style="dim"))
    con.print()
    con.print(Text(doc.text))


def _print_fields(obj: Any, out: TextIO) -> None:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE, show_header=False, show_edge=False, pad_edge=False)
    table.add_column(style="bold")
    table.add_column()
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        table.add_row(f.name.replace("_", " "), "" if value is None else str(value))
    console(out).print(table)


def _print_card(card: Any, out: TextIO) -> None:
    from rich.text import Text

    con = console(out)
    con.print(Text(card.name, style="bold"))
    seen = f"{card.first_seen} → {card.last_seen}" if card.first_seen else "no dated documents"
    con.print(Text(f"{card.mentions} mentions in {card.documents} documents · {seen}", style="dim"))
    con.print()
    con.print(Text("Roles", style="bold underline"))
    for role in card.roles:
        con.print(f"  {role.role}  (documents {', '.join(map(str, role.doc_ids))})")
    if not card.roles:
        con.print("  (none stated)")
    if card.aliases:
        con.print(Text("Also called", style="bold underline"))
        con.print("  " + "; ".join(card.aliases))
    con.print(Text("Mentions", style="bold underline"))
    con.print(
        _table(
            card.appearances,
            [
                Column("date", lambda a: a.published or "", no_wrap=True),
                Column("sentence", lambda a: a.sentence, ratio=4),
                Column("source", lambda a: f"#{a.doc_id} {_source(a.path)}", style="dim", ratio=1),
            ],
        )
    )
    if card.co_mentioned:
        con.print(Text("Mentioned with", style="bold underline"))
        for co in card.co_mentioned:
            con.print(f"  {co.name} ({co.count})")


# --- charts ---------------------------------------------------------------

BAR = "█"


def _bar_chart(title: str, bars: list[tuple[str, float, str]], out: TextIO | None = None) -> None:
    """Horizontal bars: (label, value, value shown) each, scaled to the widest."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    con = console(out)
    width = max(10, min(60, (con.width or 80) - 40))
    top = max((v for _, v, _ in bars), default=0) or 1
    table = Table(title=title, box=box.SIMPLE, show_header=False, show_edge=False, pad_edge=False)
    table.add_column(justify="right", no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    for label, value, shown in bars:
        table.add_row(label, Text(BAR * max(1, round(value / top * width)) if value else "", style="cyan"), shown)
    con.print(table)


def timeline_chart(rows: Sequence[Any], out: TextIO | None = None) -> None:
    """Events per month, or per year when the dated events span more than three years."""
    from collections import Counter

    starts = [r.start for r in rows if r.start]
    if not starts:
        return _bar_chart("No dated events", [], out)
    years = int(max(starts)[:4]) - int(min(starts)[:4])
    per_year = years > 3
    counts = Counter(s[:4] if per_year else s[:7] for s in starts)
    keys = _periods(min(counts), max(counts), per_year)
    label = (lambda k: k) if per_year else (lambda k: f"{_MONTHS[int(k[5:]) - 1]} {k[:4]}")
    unknown = len(rows) - len(starts)
    title = f"Events per {'year' if per_year else 'month'}" + (f" ({unknown} without a known year)" if unknown else "")
    _bar_chart(title, [(label(k), counts.get(k, 0), str(counts.get(k, 0))) for k in keys], out)


def _periods(first: str, last: str, per_year: bool) -> list[str]:
    if per_year:
        return [str(y) for y in range(int(first), int(last) + 1)]
    y, m = int(first[:4]), int(first[5:])
    keys = []
    while f"{y:04d}-{m:02d}" <= last:
        keys.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return keys


def spending_chart(rows: Sequence[Any], out: TextIO | None = None) -> None:
    """The %-of-GDP figures, one bar each, grouped by entity."""
    shares = sorted((r for r in rows if r.unit == "%GDP"), key=lambda r: ((r.entity or "~"), r.year or 0, r.value))
    bars = [
        (f"{r.entity or '?'} · {r.kind}" + (f" {r.year}" if r.year else ""), r.value, format_figure(r.value, r.unit))
        for r in shares
    ]
    _bar_chart("Defence spending, % of GDP" if bars else "No %-of-GDP figures", bars, out)
