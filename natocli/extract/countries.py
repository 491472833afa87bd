"""Countries: look a word up, find country mentions in running text.

The vocabulary lives in ``natocli/data/countries.json``: every sovereign
country with its canonical name, adjectives, demonyms, capitals and aliases,
and the accession year of the NATO Allies.

Two ways in:

* ``lookup_country(word)`` is forgiving: case-, accent- and apostrophe-
  insensitive, a possessive or a leading "the" is ignored. Short upper-case
  abbreviations ("US", "UK", "CAR", "DRC") are the exception and must be
  written as such, so the pronoun "us" or the noun "car" are not countries.
* ``find_countries(text)`` is strict: running text is matched case-sensitively
  against the capitalised forms, so "turkey" the bird, "china" plates or the
  pronoun "us" are not reported. Accent-less spellings ("Turkiye", "Bogota")
  and both apostrophes are accepted. Everything is one compiled regex, built
  as a character trie so that it costs about the same as a single word search.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from natocli.extract.patterns import trie_regex

_DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "countries.json"


@dataclass(frozen=True)
class Country:
    name: str  # "Portugal"
    adjectives: tuple[str, ...]  # ("Portuguese",)
    capitals: tuple[str, ...]  # ("Lisbon",)
    aliases: tuple[str, ...]
    nato_since: int | None  # accession year for NATO members, else None


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'"})
_POSSESSIVE = re.compile(r"(?:'s|(?<=s)')$")


def _strip_accents(s: str) -> str:
    decomposed = unicodedata.normalize("NFKD", s)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _key(word: str) -> str:
    """Normalise a word or phrase for the forgiving dictionary lookup."""
    s = _strip_accents(word.translate(_APOSTROPHES)).casefold()
    s = " ".join(s.split())
    s = _POSSESSIVE.sub("", s)
    if s.startswith("the "):
        s = s[4:]
    return s


def _is_abbreviation(form: str) -> bool:
    """"US", "UK", "CAR", "BiH", "U.S.A.": written in capitals, matched only that way."""
    bare = form.replace(".", "").replace(" ", "")
    return len(bare) <= 5 and sum(c.isupper() for c in bare) >= 2


def _load() -> tuple[dict[str, Country], dict[str, Country], dict[str, Country], dict[str, str | None], set[str]]:
    data = json.loads(_DATA_FILE.read_text(encoding="utf-8"))
    by_name: dict[str, Country] = {}
    loose: dict[str, Country] = {}  # _key(form) -> country
    exact: dict[str, Country] = {}  # abbreviations, case-sensitive
    text_forms: dict[str, str | None] = {}  # form as written in text -> canonical name (None: not a country)
    skip_in_text = set(data["not_in_running_text"]["forms"])

    entries = []
    for raw in data["countries"]:
        country = Country(
            name=raw["name"],
            adjectives=tuple(raw["adjectives"]),
            capitals=tuple(raw["capitals"]),
            aliases=tuple(raw["aliases"]),
            nato_since=raw["nato_since"],
        )
        by_name[country.name] = country
        entries.append((country, raw))

    # Priority on conflicts: names, then aliases, adjectives, demonyms, capitals
    # (a name always wins over another country's capital or adjective).
    for field in ("name", "aliases", "adjectives", "demonyms", "capitals"):
        for country, raw in entries:
            forms = [raw["name"]] if field == "name" else raw[field]
            for form in forms:
                if _is_abbreviation(form):
                    exact.setdefault(form, country)
                else:
                    loose.setdefault(_key(form), country)
                for variant in _text_variants(form):
                    if variant not in skip_in_text:
                        text_forms.setdefault(variant, country.name)

    for form in data["not_countries"]["forms"]:
        for variant in _text_variants(form):
            text_forms[variant] = None
    return by_name, loose, exact, text_forms, skip_in_text


def _text_variants(form: str) -> set[str]:
    """The spellings of `form` accepted in running text: accents optional, either apostrophe."""
    out = {form, _strip_accents(form)}
    for v in list(out):
        if "'" in v or "’" in v:
            out.add(v.replace("'", "’"))
            out.add(v.replace("’", "'"))
    return out


_BY_NAME, _LOOSE, _EXACT, _TEXT_FORMS, _SKIP_IN_TEXT = _load()

# A country word, not inside a longer word, optionally possessive ("Portugal's",
# "Portugal’s", "the Netherlands’"). The possessive is part of the reported span.
# The left word boundary is checked in find_countries(), not in the regex: a
# pattern that starts with the trie's first letters lets `re` skip ahead to
# candidate positions, about twice as fast as one starting with a lookbehind.
# Forms starting in lower case ("the Netherlands", "mainland China") get one
# regex per first letter: mixed with the capitalised forms, they would make `re`
# stop at every "t" and "m" of the text instead of jumping to "the ".
_TAIL = r")(?![\w])(?:['’]s(?![\w])|(?<=s)['’](?![\w]))?"


def _search(forms: list[str]):
    return re.compile(r"(?P<form>" + trie_regex(sorted(forms)) + _TAIL).search


_CAPITALISED_SEARCH = _search([f for f in _TEXT_FORMS if not f[0].islower()])
_LOWER_SEARCHES = tuple(
    _search([f for f in _TEXT_FORMS if f[0] == first]) for first in sorted({f[0] for f in _TEXT_FORMS if f[0].islower()})
)


def _next_lower(text: str, pos: int) -> re.Match[str] | None:
    """The earliest match of a form starting in lower case, at or after `pos`."""
    found = None
    for search in _LOWER_SEARCHES:
        m = search(text, pos)
        if m is not None and (found is None or m.start() < found.start()):
            found = m
    return found


def lookup_country(word: str) -> Country | None:
    """The country named by `word` (name, alias, adjective, demonym or capital), or None.

    Case-, accent- and apostrophe-insensitive; a possessive ("Portugal's") or a
    leading "the" is ignored. Abbreviations must be in capitals ("US", not "us").
    """
    if not word:
        return None
    stripped = word.strip()
    hit = _EXACT.get(stripped) or _EXACT.get(_POSSESSIVE.sub("", stripped.translate(_APOSTROPHES)))
    if hit is not None:
        return hit
    return _LOOSE.get(_key(stripped))


def country(name: str) -> Country | None:
    """The country with this canonical name ("Portugal", "United States"), or None."""
    return _BY_NAME.get(name)


def all_countries() -> tuple[Country, ...]:
    """Every country of the vocabulary, in file order (alphabetical)."""
    return tuple(_BY_NAME.values())


def find_countries(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Country mentions in `text`, in order: (canonical name, (start, end)).

    Names, aliases, adjectives, demonyms, capitals (a capital mentions its
    country) and their possessives. Region names that contain a country word
    ("Latin America", "South China Sea", "New Mexico") are not reported.
    """
    out: list[tuple[str, tuple[int, int]]] = []
    # The searches' forms start with different characters: the earlier of their
    # next matches is the match one regex for all forms would find.
    search = _CAPITALISED_SEARCH
    capitalised = search(text)
    lower = _next_lower(text, 0)
    while capitalised is not None or lower is not None:
        if lower is not None and (capitalised is None or lower.start() < capitalised.start()):
            match = lower
        else:
            match = capitalised
        start, end = match.span()
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            pos = start + 1  # inside a longer word ("AUS", "Texas"): look further on
        else:
            name = _TEXT_FORMS.get(match.group("form"))
            if name is not None:
                out.append((name, (start, end)))
            pos = end
        if capitalised is not None and capitalised.start() < pos:
            capitalised = search(text, pos)
        if lower is not None and lower.start() < pos:
            lower = _next_lower(text, pos)
    return out


def is_place(word: str) -> bool:
    """Is `word` a country name, alias, adjective, demonym or capital?"""
    return lookup_country(word) is not None
