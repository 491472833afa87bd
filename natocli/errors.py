"""natocli's own exceptions and exit codes.

The library raises these; ``cli.py`` turns them into one line on stderr and
the exit code, so scripts can trust it like grep's: 0 found, 1 nothing found,
2 bad usage or bad input.
"""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    NOTHING_FOUND = 1
    BAD_INPUT = 2
    INTERRUPTED = 130


class NatocliError(Exception):
    """Base class: a problem the user can fix, reported without a traceback."""

    exit_status = ExitStatus.BAD_INPUT

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint


class BadInput(NatocliError):
    """A bad option value, query, date or path."""


class QuerySyntaxError(BadInput):
    """A raw FTS5 query that SQLite refuses."""


class DatabaseError(NatocliError):
    """A database file natocli cannot use: not a natocli database, newer schema, unreadable."""


class NotFound(NatocliError):
    """A named thing (document, person) does not exist."""

    exit_status = ExitStatus.NOTHING_FOUND


class Ambiguous(BadInput):
    """A name that matches more than one thing."""

    def __init__(self, message: str, candidates: list[str], hint: str | None = None):
        super().__init__(message, hint)
        self.candidates = candidates
