"""Run every extractor over one document.

The indexer calls ``extract_all`` once per new or changed document and the
store writes what it returns.
"""

from __future__ import annotations

import datetime as dt
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


def extract_all(
    text: str, *, published: dt.date | None = None, today: dt.date | None = None
) -> Extraction:
    sentences = split_sentences(text)
    people = extract_people(text, sentences=sentences)
    # A country name inside a person's name ("Luís Montenegro") is not a mention of the country.
    taken = [m.span for m in people.mentions]
    countries = [
        (name, span) for name, span in find_countries(text)
        if not any(s < span[1] and span[0] < e for s, e in taken)
    ]
    return Extraction(
        sentences=sentences,
        events=extract_events(text, published=published, today=today, sentences=sentences),
        people=people,
        spending=extract_spending(text, sentences=sentences),
        countries=countries,
    )
