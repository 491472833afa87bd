"""Split cleaned article text into sentences with character spans.

Every extractor works sentence by sentence, and the store keeps the spans so a
match can be shown in its sentence without storing the text twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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

_BOUNDARY = re.compile(
    r"""
    (?P<stop>[.!?…]+)          # the sentence-ending punctuation
    (?P<close>["'”’)\]]*)      # closing quotes or brackets that belong to it
    (?=\s+["'“‘(\[]?[A-Z0-9À-Ý])  # followed by space and an upper-case start
    """,
    re.VERBOSE,
)
_WORD_BEFORE = re.compile(r"([\w.]+)$")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def _is_abbreviation(text: str, stop_at: int) -> bool:
    """Is the full stop at `stop_at` part of an abbreviation or an initial?"""
    match = _WORD_BEFORE.search(text, max(0, stop_at - 12), stop_at)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    # A single capital letter is an initial: "John F. Kennedy".
    return len(word) == 1 and text[stop_at - 1].isupper()


def split_sentences(text: str) -> list[Sentence]:
    """Return the sentences of `text` in order, each with its span.

    Line breaks always end a sentence (cleaned text keeps one paragraph or
    headline per line); inside a line, a stop followed by white space and an
    upper-case letter or digit ends one unless it closes an abbreviation.
    """
    sentences: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        start = 0
        for match in _BOUNDARY.finditer(line):
            if match.group("stop") == "." and _is_abbreviation(line, match.start("stop")):
                continue
            _append(sentences, line, line_start, start, match.end())
            start = match.end()
        _append(sentences, line, line_start, start, len(line))
    return sentences


def _append(out: list[Sentence], line: str, offset: int, start: int, end: int) -> None:
    piece = line[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    s = offset + start + lead
    out.append(Sentence(s, s + len(stripped), stripped))


def sentence_index(sentences: list[Sentence], position: int) -> int:
    """Index of the sentence holding character `position` (the last one starting before it)."""
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if sentences[mid].start <= position:
            lo = mid + 1
        else:
            hi = mid
    return max(0, lo - 1)
