"""Split cleaned article text into sentences with character spans.

Every extractor works sentence by sentence, and the store keeps the spans so a
match can be shown in its sentence without storing the text twice.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from operator import attrgetter, methodcaller

# Words that end with a full stop without ending the sentence. Kept lower-case,
# without the stop. Month abbreviations matter for NATO datelines ("24 May. 2017").
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt cmdr adm sgt cpl brig rep sen gov pres
    st jr sr no nos vol fig approx est dept univ inc ltd co corp vs etc al
    jan feb mar apr may jun jul aug sep sept oct nov dec
    u.s u.k u.n e.u
    """.split()
)
# Abbreviations (and initials) that may also close a sentence: "... talks with the U.S. The
# Allies ...", "after World War I. It ...". Their stop ends the sentence when the next word can
# only open a sentence, never continue a name ("the U.S. Army", "John F. Kennedy").
SENTENCE_FINAL_ABBREVIATIONS = frozenset("u.s u.k u.n e.u jr sr inc ltd co corp etc al".split())
SENTENCE_OPENERS = frozenset(
    """
    The A An This That These Those There It Its He She They Their We Our
    In On At But And Yet So However Meanwhile According After Before While When If As
    For With Since Although Some Many Most Both Such What Why How Who Where
    """.split()
)

_STOPS = ".!?…"


def _maybe_abbreviation() -> str:
    """An empty group `maybe` that matches, after a full stop, when the word before it may be an
    abbreviation or an initial. Most stops follow other words; the regex rules them out at once
    and only the few others are checked in full (`_is_abbreviation`)."""
    by_length: dict[int, list[str]] = {}
    for word in sorted(ABBREVIATIONS):
        by_length.setdefault(len(word), []).append(re.escape(word))
    behind = [rf"(?<=(?<![\w.])(?i:{'|'.join(words)})\.)" for _, words in sorted(by_length.items())]
    behind.append(r"(?<=(?<![\w.])[^\W\d_a-z]\.)")  # one capital letter, or a letter of another script
    return r"(?:(?:" + "|".join(behind) + r")(?P<maybe>))?"


# A sentence ends at a run of stops, with the closing quotes or brackets that belong to it, followed
# by white space and an upper-case letter or digit (maybe after an opening quote or bracket). The
# run is looked for from each kind of stop on its own: a pattern that starts with one literal
# character is searched for far faster than one that starts with a class of characters.
_AFTER_STOP = r"""[.!?…]*["'”’)\]]*(?=[^\S\n]+["'“‘(\[]?[A-Z0-9À-Ý])"""
_BOUNDARY_FROM = {stop: re.compile(re.escape(stop) + _AFTER_STOP) for stop in _STOPS}
_BOUNDARY_FROM["."] = re.compile(r"\." + _maybe_abbreviation() + _AFTER_STOP)
# The word before a stop: letters, digits and inner stops ("U.S"). One more character than the
# longest abbreviation is enough to tell that a longer word is none.
_LONGEST = max(map(len, ABBREVIATIONS)) + 1
_WORD_BEFORE = re.compile(r"[\w.]{1,%d}\Z" % _LONGEST)
_NEXT_WORD = re.compile(r"[^\S\n]+(\w+)(?![\w\-.])")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


_new = object.__new__


def _sentence(start: int, end: int, text: str) -> Sentence:
    # A frozen dataclass sets each field through object.__setattr__; filling the instance
    # dictionary makes the same object at a fraction of the cost, and articles have many sentences.
    s = _new(Sentence)
    d = s.__dict__
    d["start"] = start
    d["end"] = end
    d["text"] = text
    return s


def _is_abbreviation(text: str, stop_at: int) -> bool:
    """Is the full stop at `stop_at` part of an abbreviation or an initial?"""
    match = _WORD_BEFORE.search(text, max(0, stop_at - _LONGEST), stop_at)
    if not match:
        return False
    word = match.group().lower()
    if word in ABBREVIATIONS:
        if word not in SENTENCE_FINAL_ABBREVIATIONS:
            return True
    # A single capital letter is an initial: "John F. Kennedy".
    elif len(word) != 1 or not text[stop_at - 1].isupper():
        return False
    following = _NEXT_WORD.match(text, stop_at + 1)
    return following is None or following.group(1) not in SENTENCE_OPENERS


def split_sentences(text: str) -> list[Sentence]:
    """Return the sentences of `text` in order, each with its span.

    Line breaks always end a sentence (cleaned text keeps one paragraph or
    headline per line); inside a line, a stop followed by white space and an
    upper-case letter or digit ends one unless it closes an abbreviation.
    """
    boundaries = list(_BOUNDARY_FROM["."].finditer(text))
    others = [stop for stop in "!?…" if stop in text]
    if others:
        for stop in others:
            boundaries += _BOUNDARY_FROM[stop].finditer(text)
        # A run of mixed stops ("?!", "!.") is found from each of its stops: keep it from its first.
        boundaries = [m for m in boundaries if m.start() == 0 or text[m.start() - 1] not in _STOPS]
        boundaries.sort(key=_match_start)
    sentences: list[Sentence] = []
    add = sentences.append
    start = 0
    line_end = text.find("\n")
    for match in boundaries:
        at = match.start()
        if 0 <= line_end < at:
            start, line_end = _line_ends(add, text, start, line_end, at)
        if match.lastindex and text[at + 1] not in _STOPS and _is_abbreviation(text, at):
            continue
        end = match.end()
        # The piece ends with its stop; only its start holds white space.
        stripped = text[start:end].lstrip()
        add(_sentence(end - len(stripped), end, stripped))
        start = end
    _line_ends(add, text, start, line_end, len(text) + 1)
    return sentences


_start_of = attrgetter("start")  # of a Sentence
_match_start = methodcaller("start")


def _line_ends(add, text: str, start: int, line_end: int, before: int) -> tuple[int, int]:
    """Close the sentences at every line break before `before`: line breaks always end a sentence."""
    while line_end >= 0 and line_end < before:
        _add_stripped(add, text, start, line_end)
        start = line_end + 1
        line_end = text.find("\n", start)
    if line_end < 0 and before > len(text):
        _add_stripped(add, text, start, len(text))
    return start, line_end


def _add_stripped(add, text: str, start: int, end: int) -> None:
    if start < end:
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            s = start + len(piece) - len(piece.lstrip())
            add(_sentence(s, s + len(stripped), stripped))


def sentence_index(sentences: list[Sentence], position: int) -> int:
    """Index of the sentence holding character `position` (the last one starting before it)."""
    return max(0, bisect_right(sentences, position, key=_start_of) - 1)
