"""Dates a user types for ``--since`` and ``--until``.

"2025" and "2025-01" mean the whole year or month: ``--since`` takes its first
day and ``--until`` its last, so both bounds are inclusive. Anything else is
read by dateutil (imported only when needed).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from natocli.errors import BadInput

_YEAR = re.compile(r"^\s*(\d{4})\s*$")
_YEAR_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


def parse_bound(text: str, *, end: bool = False) -> dt.date:
    """The first (or, with `end`, the last) day that `text` names."""
    match = _YEAR.match(text)
    if match:
        year = int(match.group(1))
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    match = _YEAR_MONTH.match(text)
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12:
            day = calendar.monthrange(year, month)[1] if end else 1
            return dt.date(year, month, day)
    from dateutil import parser

    try:
        return parser.parse(text, default=dt.datetime(1900, 1, 1)).date()
    except (ValueError, OverflowError, parser.ParserError):
        raise BadInput(
            f"cannot read {text!r} as a date",
            hint='use e.g. 2025, 2025-01, 2025-01-27 or "27 January 2025"',
        ) from None


def bounds(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """ISO strings for an inclusive [since, until] range; either may be None."""
    lo = parse_bound(since).isoformat() if since else None
    hi = parse_bound(until, end=True).isoformat() if until else None
    if lo and hi and lo > hi:
        raise BadInput(f"--since {since} is after --until {until}")
    return lo, hi
