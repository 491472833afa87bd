"""Run every extractor over one document.

The indexer calls ``extract_all`` once per new or changed document and the
store writes what it returns.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from natocli.extract.countries import find_countries
from natocli.extract.people import People, extract_people
from natocli.extract.sentences import Sentence, split_sentences
from natocli.extract.spending import Figure, extract_spending
from natocli.extract.temporal import Event, extract_events


@dataclass(frozen=True)
class Extraction:
    sentences: list[Sentence]
    events: list[Event]
    people: People
    spending: list[Figure]
    countries: list[tuple[str, tuple[int, int]]]


# Texts longer than this are extracted in parts cut at line ends: a huge file
# (a 50 MB transcript) costs bounded memory, and no extractor sees more at once.
PART_CHARS = 400_000


def extract_parts(
    text: str, *, published: dt.date | None = None, today: dt.date | None = None
) -> Iterator[tuple[int, Extraction]]:
    """``extract_all`` over `text` in parts: (offset of the part in `text`, its extraction)."""
    start = 0
    while start < len(text) or start == 0:
        end = min(start + PART_CHARS, len(text))
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else end
        yield start, extract_all(text[start:end], published=published, today=today)
        start = end
        if not text:
            return


def _inside(span: tuple[int, int], mentions: list) -> bool:
    """Whether `span` overlaps a person mention (`mentions` in text order, not overlapping)."""
    i = bisect_right(mentions, span[0], key=lambda m: m.span[0])
    # Only the mention starting at or before span[0], and the next one, can overlap.
    return any(
        m.span[0] < span[1] and span[0] < m.span[1] for m in mentions[max(i - 1, 0):i + 1]
    )


def extract_all(
    text: str, *, published: dt.date | None = None, today: dt.date | None = None
) -> Extraction:
    sentences = split_sentences(text)
    people = extract_people(text, sentences=sentences)
    # A country name inside a person's name ("Luís Montenegro") is not a mention of the country.
    countries = [(name, span) for name, span in find_countries(text) if not _inside(span, people.mentions)]
    return Extraction(
        sentences=sentences,
        events=extract_events(text, published=published, today=today, sentences=sentences),
        people=people,
        spending=extract_spending(text, sentences=sentences),
        countries=countries,
    )
