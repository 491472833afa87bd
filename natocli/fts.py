"""Turn what a user types into a safe SQLite FTS5 query.

Supported: plain words (ANDed), "quoted phrases", OR, NOT and -word, prefix*,
NEAR(a b) and NEAR(a b, N). Anything else — unbalanced quotes, stray
operators, punctuation FTS5 would choke on — is searched as plain words, so
the result is always valid FTS5 syntax. Every term is emitted as a quoted
FTS5 string, which the tokenizer then splits exactly as it split the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from natocli.errors import BadInput

# Put around the matched words of a snippet (by ``query.search``); the renderer shows them bold
# on a terminal and drops them elsewhere.
HL_START, HL_END = "\x02", "\x03"

_TOKEN = re.compile(
    r"""
      (?P<near>NEAR\((?P<near_body>[^()"]*)\))   # NEAR(a b, 5)
    | "(?P<phrase>[^"]*)"(?P<phrase_star>\*?)    # "a phrase"
    | (?P<minus>(?<![^\s(])-)?(?P<word>[^\s"()]+)  # word, -word, word*
    | (?P<other>\S)                              # a lone quote, bracket…
    """,
    re.VERBOSE,
)
_WORD_CHARS = re.compile(r"\w", re.UNICODE)
_NEAR_DISTANCE = re.compile(r",\s*(\d+)\s*$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
OPERATORS = {"OR", "AND", "NOT", "NEAR"}
# Characters with a meaning in FTS5 syntax that end a plain word when met inside one ("title:nato").
_SYNTAX_CHARS = re.compile(r"[:^*+{}]")


@dataclass
class _Term:
    fts: str
    negated: bool = False


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _words(text: str) -> list[str]:
    """The searchable pieces of `text`: runs without spaces that hold a letter or digit."""
    return [w for w in text.split() if _WORD_CHARS.search(w)]


def _word_terms(word: str) -> list[str]:
    """Quoted FTS5 strings for a bare word; "spend*" stays a prefix, "title:nato" is two words."""
    prefix = word.endswith("*") and _WORD_CHARS.search(word)
    terms = [_quote(piece) for piece in _SYNTAX_CHARS.sub(" ", word).split() if _WORD_CHARS.search(piece)]
    if prefix and terms:
        terms[-1] += "*"
    return terms


def to_fts(query: str) -> str:
    """The FTS5 MATCH expression for a user's query. Raises ``BadInput`` if it has nothing to search."""
    # Each group is a list of alternatives joined by OR; groups are ANDed.
    groups: list[list[str]] = []
    negatives: list[str] = []
    pending_or = False
    pending_not = False

    def add(term: str, negated: bool) -> None:
        nonlocal pending_or, pending_not
        if negated or pending_not:
            negatives.append(term)
        elif pending_or and groups:
            groups[-1].append(term)
        else:
            groups.append([term])
        pending_or = pending_not = False

    # Control characters (a NUL ends an SQLite string early) are white space here.
    query = _CONTROL.sub(" ", query)
    for match in _TOKEN.finditer(query):
        if match.group("near"):
            body = match.group("near_body")
            distance = _NEAR_DISTANCE.search(body)
            if distance:
                body = body[: distance.start()]
            terms = [t for w in _words(body) for t in _word_terms(w)]
            if len(terms) >= 2:
                suffix = f", {int(distance.group(1))}" if distance else ""
                add(f"NEAR({' '.join(terms)}{suffix})", False)
            else:
                for term in terms:
                    add(term, False)
        elif match.group("phrase") is not None:
            words = _words(match.group("phrase"))
            if words:
                add(_quote(" ".join(words)) + match.group("phrase_star"), False)
        elif match.group("word"):
            word = match.group("word")
            if word in OPERATORS:
                if word == "OR":
                    pending_or = bool(groups) and not pending_not
                elif word == "NOT":
                    pending_not = bool(groups)
                continue
            negated = bool(match.group("minus")) and bool(groups)
            for term in _word_terms(word):
                add(term, negated)
        # lone quotes, brackets and other stray characters are ignored
    if not groups:
        if negatives:
            # Nothing positive to subtract from: search the "negated" words plainly.
            groups = [[t] for t in negatives]
            negatives = []
        else:
            raise BadInput(f"nothing to search for in {query!r}", hint="give at least one word")
    anded = " AND ".join(g[0] if len(g) == 1 else "(" + " OR ".join(g) + ")" for g in groups)
    if negatives:
        anded = (f"({anded})" if len(groups) > 1 else anded) + "".join(f" NOT {n}" for n in negatives)
    return anded
