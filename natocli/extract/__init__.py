"""Extractors: pure functions from cleaned article text to matches with character spans.

One module per extractor; ``natocli.extract.document.extract_all`` runs them all
over one document at index time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import TypeVar

T = TypeVar("T")


def record_builder(cls: type[T]) -> Callable[..., T]:
    """A constructor of the frozen dataclass `cls` taking every field positionally, for records
    an extractor makes many of.

    It makes the same object as ``cls(*values)``: a frozen dataclass sets each field through
    ``object.__setattr__``, filling the instance dictionary costs a fraction of that.
    """
    names = tuple(f.name for f in fields(cls))
    new = object.__new__

    def build(*values: object) -> T:
        record = new(cls)
        record.__dict__.update(zip(names, values, strict=True))
        return record

    return build
