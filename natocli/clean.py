"""Cleaning: site chrome out, one paragraph per line, the title and the dateline.

Scraped article files carry the page around the article: navigation, account
and cookie dialogs, newsletter and share prompts, "Previous Article" links,
bylines, photo credits. ``clean`` keeps only the article, so that search,
people, dates and figures come from the article and not from the page.

How a line is judged:

* ``is_chrome(line)`` looks at one line alone, with the vocabulary in
  ``natocli/data/chrome.json``: whole-line labels ("Share", "Log in",
  "Advertisement"), prefixes ("Read more:", "Photo:", "Tags:", "Reporting by"),
  case-sensitive shapes (bylines, "REUTERS/Name" credits), phrases that only
  page furniture uses ("we use cookies", "verification code", "click here"),
  a call to action addressed to the reader ("Enter the code we sent you") and
  second-person talk about the site ("you can download videos from our
  website"). Short lines need one sign; a long paragraph needs two, and
  reported speech ("…, the minister said") is never judged by phrases, so an
  article paragraph is not dropped for one risky word.
* ``clean`` then adds what only the neighbours show. The article body starts
  at the first prose line (long, punctuated, not chrome). Above it, the
  headline-shaped lines with only bylines, stamps and share buttons between
  are the headline and its standfirst; what sits above the headline (site
  name, tagline, menu) and one- or two-word section labels go. An author's
  name alone on a line next to a byline or stamp goes. The linked headline
  under "Previous Article" and the list under "Related" go; so do short
  unknown lines sandwiched in an account or cookie dialog, a short line
  repeated three times or more (running headers, page numbers), and, after
  the article, unpunctuated lines once chrome has started there.

Text is normalised first (NFC, odd spaces, invisible characters, HTML
entities) and hard-wrapped paragraphs are joined back into one line each.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from natocli.extract.sentences import split_sentences

_DATA = json.loads(
    (Path(__file__).resolve().parent / "data" / "chrome.json").read_text(encoding="utf-8")
)

TITLE_MAX = 200             # characters, "…" included
HEADLINE_MAX_WORDS = 20     # a headline is short
LINK_MAX_WORDS = 25         # a linked headline in a "Related" list
PROSE_MIN_WORDS = 12        # a punctuated line this long is article prose
PROSE_LONG_WORDS = 30       # ... and so is any line this long
LABEL_MAX_WORDS = 16        # whole-line labels are short
PREFIX_MAX_WORDS = 60
CASED_MAX_WORDS = 40
SHORT_MAX_WORDS = 40        # up to here one phrase hit is enough
CTA_MAX_WORDS = 30
SANDWICH_MAX_WORDS = 8
SANDWICH_MAX_RUN = 3
FOLLOW_MAX_LINKS = 12
DATELINE_LINES = 6          # find_dateline looks this far down
REPEATED_MIN = 3            # a short line seen this often is a running header or footer

HEADER_KINDS = frozenset(_DATA["header_kinds"])


@dataclass(frozen=True)
class Cleaned:
    text: str                       # article text: one paragraph or headline per line
    title: str                      # the headline, or else the first sentence
    published: dt.date | None       # from a dateline near the top; never guessed


# --- normalisation -----------------------------------------------------------

# Code point ranges, inclusive: odd spaces become spaces, invisible characters
# go, and the other line separators become newlines.
_ODD_RANGES = {
    " ": ((0x09, 0x09), (0x0B, 0x0C), (0xA0, 0xA0), (0x1680, 0x1680), (0x180E, 0x180E),
          (0x2000, 0x200A), (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000)),
    "": ((0x00, 0x08), (0x0E, 0x1B), (0x1F, 0x1F), (0x7F, 0x7F), (0xAD, 0xAD),
         (0x200B, 0x200B), (0x2060, 0x2060), (0xFEFF, 0xFEFF)),
    "\n": ((0x0D, 0x0D), (0x1C, 0x1E), (0x85, 0x85), (0x2028, 0x2029)),
}
_ODD_MAP = {chr(c): out for out, ranges in _ODD_RANGES.items() for lo, hi in ranges for c in range(lo, hi + 1)}
_ODD = re.compile("[" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for r in _ODD_RANGES.values() for lo, hi in r) + "]")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_SPACES = re.compile(r"  +")


def _normalise(raw: str) -> str:
    text = raw.replace("\r\n", "\n") if "\r" in raw else raw
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text)
    # Every odd character is unprintable, and str.isprintable is much cheaper than
    # a regex search: most texts are printable once their newlines are spaces.
    if not text.replace("\n", " ").isprintable():
        # A regex finds each odd character once; str.replace then removes all of its copies.
        m = _ODD.search(text)
        while m:
            text = text.replace(m.group(), _ODD_MAP[m.group()])
            m = _ODD.search(text, m.start())
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if "  " in text:
        text = _SPACES.sub(" ", text)
    return text


_NUMBERED = re.compile(r"\d{1,3}[.)] ")  # "1. First point": a list item starts its own line
_CLOSING = ".!?…:;\"'”’)]"  # a line ending in one of these may end its paragraph


def _lines(raw: str) -> list[str]:
    """Non-empty, stripped lines; hard-wrapped paragraphs joined back into one line."""
    lines = [line.strip() for line in _normalise(raw).split("\n")]  # "" between paragraphs
    lengths = [len(line) for line in lines]
    width = max(lengths)
    if not width:
        return []
    # Text wrapped at a fixed width: most longer lines stop mid-sentence near the margin.
    # (and, being prose, often go on in lower case), unlike lists of links or headlines.
    wrapped = False
    if 40 <= width <= 100:
        near = lower = 0
        for line, following in zip(lines, lines[1:]):
            if following and len(line) >= width - 15 and line[-1] not in _CLOSING:
                near += 1
                lower += following[0].islower()
        wrapped = near >= 3 and near >= 0.4 * sum(n >= 20 for n in lengths) and lower * 3 >= near
    margin = width if wrapped else 0
    out: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                out.append(current)
                current = ""
        elif current and _continues(current, line, margin):
            current = current + line if current[-1] == "-" and line[0].islower() else current + " " + line
        else:
            if current:
                out.append(current)
            current = line
    if current:
        out.append(current)
    return out


def _continues(previous: str, line: str, width: int) -> bool:
    """Is `line` the rest of the paragraph that `previous` started (a soft line break)?"""
    if line[0] in "-*•·▪►–—#>|" or _NUMBERED.match(line):
        return False
    if previous[-1] in _CLOSING:
        return False
    if width and len(previous) >= width - 15:
        return True
    return line[0].islower() and previous.count(" ") >= 3


# --- the line classifier -----------------------------------------------------
# Patterns in chrome.json are lower-case and run on the lower-cased line: a
# case-sensitive regex is about three times faster than an IGNORECASE one.


def _alternation(groups: dict[str, list[str]]) -> str:
    return "|".join(f"(?P<{kind}>{'|'.join(patterns)})" for kind, patterns in groups.items())


def _trie(words: list[str]) -> str:
    """One regex for a list of literal words, shaped as a character trie (fast to search)."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return (body if len(branches) > 1 else "(?:" + body + ")") + "?"
        return body

    return build(root)


def _first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of `pattern` can start with, or None when any (or unknown)."""
    try:
        from re import _constants as c, _parser as parser  # Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_constants as c  # type: ignore[no-redef]
        import sre_parse as parser  # type: ignore[no-redef]

    def seq(items) -> tuple[set[str] | None, bool]:  # (first characters, can be empty)
        out: set[str] = set()
        for op, av in items:
            first, empty = one(op, av)
            if first is None:
                return None, False
            out |= first
            if not empty:
                return out, False
        return out, True

    def one(op, av) -> tuple[set[str] | None, bool]:
        if op is c.LITERAL:
            return {chr(av)}, False
        if op is c.IN:
            chars: set[str] = set()
            for o, a in av:
                if o is c.LITERAL:
                    chars.add(chr(a))
                elif o is c.RANGE and a[1] - a[0] < 128:
                    chars.update(map(chr, range(a[0], a[1] + 1)))
                elif o is c.CATEGORY and a is c.CATEGORY_DIGIT:
                    chars.update("0123456789")  # other decimal digits are looked up as "0"
                else:
                    return None, False
            return chars, False
        if op is c.BRANCH:
            out: set[str] = set()
            empty = False
            for branch in av[1]:
                first, e = seq(branch)
                if first is None:
                    return None, False
                out |= first
                empty = empty or e
            return out, empty
        if op is c.SUBPATTERN:
            return seq(av[-1])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            first, empty = seq(av[2])
            return first, empty or av[0] == 0
        if op is getattr(c, "ATOMIC_GROUP", None):
            return seq(av)
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return set(), True
        return None, False

    try:
        first, empty = seq(parser.parse(pattern))
    except Exception:  # an unexpected parse tree: no shortcut, still correct
        return None
    return None if first is None or empty else frozenset(first)


def _branches(pattern: str) -> list[str]:
    """The top-level alternatives of `pattern` ("a|b(?:c|d)" -> ["a", "b(?:c|d)"])."""
    bars, first_close = _scan_groups(pattern)
    if not bars and pattern.startswith("(?:") and first_close == len(pattern) - 1:
        return _branches(pattern[3:-1])  # "(?:a|b)" is "a|b"
    return [pattern[start:end] for start, end in zip([0] + [i + 1 for i in bars], bars + [len(pattern)])]


def _scan_groups(pattern: str) -> tuple[list[int], int]:
    """Where the top-level "|" of `pattern` are, and where its first top-level group closes (-1: none)."""
    bars: list[int] = []
    first_close = -1
    depth, in_class, i = 0, False, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]" or pattern[i + 1 : i + 3] == "^]":  # "[]…]", "[^]…]": "]" is a member
                i += 2 if pattern[i + 1] == "]" else 3
                continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0 and first_close < 0:
                first_close = i
        elif ch == "|" and depth == 0:
            bars.append(i)
        i += 1
    return bars, first_close


_SPECIAL = frozenset("\\[(.^$|?*+{)")


def _branch_first_chars(branch: str) -> frozenset[str] | None:
    """``_first_chars`` of one alternative (no top-level "|"), without the parser when it starts plainly.

    Most chrome patterns start with a plain character ("skip to …"): parsing
    all 477 of them would be most of the import time of natocli.clean.
    """
    if branch and branch[0] not in _SPECIAL and branch[1:2] not in ("?", "*", "{"):
        return frozenset(branch[0])
    return _first_chars(branch)


class _FirstCharIndex:
    """A big kind-grouped alternation, split by the first character a match can start with.

    Trying 400 alternatives on every short line is the classifier's main cost;
    a line starting with "s" only needs the few dozen that can. Each part is
    compiled when first needed, so importing natocli stays quick.
    """

    def __init__(self, groups: dict[str, list[str]]) -> None:
        self.groups = {kind: [b for p in patterns for b in _branches(p)] for kind, patterns in groups.items()}
        self.firsts = {p: _branch_first_chars(p) for patterns in self.groups.values() for p in patterns}
        self.parts: dict[str, re.Pattern[str] | None] = {}
        self.any = self._compile(lambda first: first is None)

    def _compile(self, keep) -> re.Pattern[str] | None:
        subset = {kind: [p for p in patterns if keep(self.firsts[p])] for kind, patterns in self.groups.items()}
        subset = {kind: patterns for kind, patterns in subset.items() if patterns}
        return re.compile(_alternation(subset)) if subset else None

    def _part(self, ch: str) -> re.Pattern[str] | None:
        if ch not in self.parts:
            if ch.isdecimal() and not ch.isascii():
                return self._part("0")
            self.parts[ch] = self._compile(lambda first: first is not None and ch in first)
        return self.parts[ch]

    def fullmatch(self, key: str) -> re.Match[str] | None:
        if not key:
            return None
        part = self._part(key[0])
        m = part.fullmatch(key) if part else None
        if m is None and self.any:
            m = self.any.fullmatch(key)
        return m

    def match(self, text: str) -> re.Match[str] | None:
        if not text:
            return None
        part = self._part(text[0])
        m = part.match(text) if part else None
        if m is None and self.any:
            m = self.any.match(text)
        return m


_LINE = _FirstCharIndex(_DATA["line"])
_PREFIX = _FirstCharIndex(_DATA["prefix"])
_CASED = re.compile(_alternation(_DATA["cased"]))
_CREDIT_TAILS = tuple((key, re.compile("|".join(p))) for key, p in _DATA["credit_tails"].items())


_BEFORE_WORD = ("", "(", '"', "“", "‘", "'")
_AFTER_WORD = ("", ".", ",", ";", ":", "!", "?", ")", '"', "”", "’", "'", "…", ").", '."', ".”", ',"', ",”")


def _token_forms(words: list[str]) -> dict[str, str]:
    """Each word as it appears between spaces, with the punctuation that may cling to it."""
    forms = {}
    for word in words:
        for before in _BEFORE_WORD:
            for after in _AFTER_WORD:
                forms[before + word + after] = word
    return forms


class _TokenWords:
    """`words` looked up among the tokens of a line (as in ``_token_forms``), without splitting it.

    Lines are normalised: single spaces are the only whitespace between words.
    A regex that starts with a space lets ``re`` jump from word start to word
    start, and one flat alternation (a clinging quote or bracket, or the first
    letter of a word) is tried fastest at each of them: cheaper than a list of
    tokens for a long paragraph.
    """

    def __init__(self, words: list[str]) -> None:
        self.forms = _token_forms(words)
        before = "".join(re.escape(c) for c in _BEFORE_WORD if c)
        word = _trie(words)
        after = rf"(?:{_trie([a for a in _AFTER_WORD if a])})?(?!\S)"
        self._first = re.compile(rf"[{before}]?{word}{after}").match
        after_space = re.compile(rf" (?:[{before}]{word}|{'|'.join(_branches(word))}){after}")
        self._search = after_space.search
        self._finditer = after_space.finditer

    def found(self, low: str) -> set[str]:
        """The words that are tokens of `low`."""
        first = self._first(low)
        later = self._search(low)
        if first is None and later is None:
            return set()  # most lines: one search, no iterator
        words = {self.forms[first.group()]} if first else set()
        if later:
            for m in self._finditer(low, later.start()):
                words.add(self.forms[m.group()[1:]])
        return words


# Phrases are searched only in lines holding one of their trigger words, and
# only the phrases of the words found: most prose lines hold none.
_TRIGGERS = _TokenWords(_DATA["phrase_triggers"])
_PHRASES: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(pattern)) for kind, patterns in _DATA["phrase"].items() for pattern in patterns
]
_PHRASES_OF: dict[str, tuple[int, ...]] = {
    word: tuple(i for i, (_, p) in enumerate(_PHRASES) if word in p.pattern)
    for word in _DATA["phrase_triggers"]
}
_YOU_FORMS = _token_forms(_DATA["reader_pronouns"])
_ATTRIBUTION_TOKENS = frozenset(_token_forms(_DATA["attribution"]))
_FOLLOW = re.compile("|".join(_DATA["follow_headers"]))
_CTA = re.compile(
    rf"(?:please )?(?:{_trie(_DATA['cta_verbs'])})(?![\w'’-])(?! (?:{_trie(_DATA['cta_not_followed_by'])})\b)"
)


def _reader_words(words: list[str]) -> tuple[dict[str, str], tuple[str, ...]]:
    """Single words, looked up among a line's tokens, and phrases, looked for as substrings."""
    return _token_forms([w for w in words if " " not in w]), tuple(w for w in words if " " in w)


_READER_STRONG = _reader_words(_DATA["reader_words"]["strong"])
_READER_WEAK = _reader_words(_DATA["reader_words"]["weak"])
_READER_SITE = tuple(_DATA["reader_site"])


def _has_any(words: tuple[dict[str, str], tuple[str, ...]], low: str, tokens: list[str]) -> bool:
    forms, phrases = words
    return not forms.keys().isdisjoint(tokens) or any(p in low for p in phrases)


_EDGE_CHARS = " -–—•·▪►▶→←↑›‹»«|/\\*#>:.,;!?\"'“”‘’[]…_="
_BULLET = re.compile(r"^[\-–—•·▪►▶→*>|]+ ?")

_MONTHS: dict[str, int] = _DATA["months"]
_MONTH = rf"(?:{_trie(list(_MONTHS))})(?![a-z])"
_WEEKDAY = rf"(?:{_trie(_DATA['weekdays'])})(?![a-z])\.?"
_TZ = rf"(?:{_trie(_DATA['timezones'])})(?![a-z])"
_TIME = r"\d{1,2}[:.h]\d{2}(?::\d{2})?(?: ?[ap]\.?m\.?)?|\d{1,2} ?[ap]\.?m\.?"
_RELATIVE = r"(?:\d+|an?|one|few) (?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?) ago|just now|yesterday|today"
_OFFSET = r"[+-]\d{1,2}(?::?\d{2})?"
_STAMP_WORD = (
    r"(?:(?:last\s+|first\s+|originally\s+)?(?:published|posted|updated|modified|edited)"
    r"|dated?|released|issued|created)"
)
# A line made only of dates, times, weekdays, stamp words and separators:
# "Thu 8 Jan 2026 14.05 GMT", "January 8, 2026 3:51 PM GMT+1 Updated 2 hours ago".
# Checked token by token: one regex over the whole line would backtrack
# exponentially on strings such as "11.11.11.11…".
_STAMP_SEPARATORS = re.compile(r"[\s,|•·/()–—]+")
_STAMP_TOKEN = re.compile(
    rf"(?:{_WEEKDAY}|{_MONTH}\.?|{_TZ}|{_TZ}?{_OFFSET}"
    r"|last|first|originally|published|posted|updated|modified|edited|dated?|released|issued|created"
    r"|ago|just|now|yesterday|today|an?|one|few|at|on|of|-|:"
    r"|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?"
    r"|\d{1,4}(?:st|nd|rd|th)?\.?|[ap]\.?m\.?|\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?(?:[ap]\.?m\.?)?"
    r"|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{1,2}-\d{1,2}(?:t\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:z|[+-]\d{2}:?\d{2})?)?)"
)


_DIGIT = re.compile(r"\d")
_WORD_CHAR = re.compile(r"[^\W_]")


def _stamp_only(key: str) -> bool:
    if not _DIGIT.search(key):
        return False
    return all(_STAMP_TOKEN.fullmatch(t.rstrip(":")) for t in _STAMP_SEPARATORS.split(key) if t.rstrip(":"))


def _key(low: str) -> str:
    return low.strip(_EDGE_CHARS)


# Short lines repeat across the pages of a site (menus, dialogs, footers): their
# verdicts are remembered. Bounded, and a pure function of the line.
_SHORT_VERDICTS: dict[str, str | None] = {}
SHORT_VERDICTS_MAX = 50_000


def _classify(line: str, n: int = 0) -> str | None:
    """The kind of chrome `line` is ("account", "cookies", …), or None for article text.

    `n` is the line's number of words (spaces + 1) when the caller knows it.
    """
    if not n:
        n = line.count(" ") + 1
    if n > LABEL_MAX_WORDS:
        return _judge(line, n)
    try:
        return _SHORT_VERDICTS[line]
    except KeyError:
        pass
    if len(_SHORT_VERDICTS) >= SHORT_VERDICTS_MAX:
        _SHORT_VERDICTS.clear()
    kind = _SHORT_VERDICTS[line] = _judge(line, n)
    return kind


def _judge(line: str, n: int) -> str | None:
    if not (line[:1].isalnum() or _WORD_CHAR.search(line)):
        return "navigation"  # only punctuation, bullets, arrows or rules
    low = line.lower()
    if n <= LABEL_MAX_WORDS:
        key = _key(low)
        m = _LINE.fullmatch(key)
        if m:
            return m.lastgroup
        if n <= 12 and _stamp_only(key):
            return "stamp"
    if n <= PREFIX_MAX_WORDS:
        m = _PREFIX.match(_BULLET.sub("", low) if low[0] in "-–—•·▪►▶→*>|" else low)
        if m:
            return m.lastgroup
    if n <= CASED_MAX_WORDS:
        m = _CASED.match(line)
        if m:
            return m.lastgroup
        start = max(0, len(line) - 120)
        tail = low[start:]
        for key, pattern in _CREDIT_TAILS:
            if key in tail and pattern.search(line, start):
                return "credit"
    return _soft_kind(low, n)


def _at_word_start(pattern: re.Pattern[str], text: str) -> bool:
    """Does `pattern` match `text` at the start of a word? (A leading \\b would make the search slow.)"""
    m = pattern.search(text)
    while m:
        start = m.start()
        if not start or not (text[start - 1].isalnum() or text[start - 1] == "_"):
            return True
        m = pattern.search(text, start + 1)
    return False


def _soft_kind(low: str, n: int) -> str | None:
    """Phrases, calls to action and talk about the site; reported speech is exempt."""
    kind = _soft_sign(low, n)
    # "…, the minister said": article text, whatever words it uses.
    if kind and _ATTRIBUTION_TOKENS.isdisjoint(low.split()):
        return kind
    return None


def _soft_sign(low: str, n: int) -> str | None:
    found = _TRIGGERS.found(low)
    if found:
        candidates = sorted({i for word in found for i in _PHRASES_OF[word]})
        hits = 0
        for i in candidates:
            kind, pattern = _PHRASES[i]
            if _at_word_start(pattern, low):
                hits += 1
                if n <= SHORT_MAX_WORDS or hits >= 2:
                    return kind
    # CTA and reader signs are for shorter lines: a long paragraph is judged by phrases only.
    if n > SHORT_MAX_WORDS:
        return None
    tokens = low.split()
    if n <= CTA_MAX_WORDS and _CTA.match(low):
        if _has_any(_READER_STRONG, low, tokens) or (not _ends_sentence(low) and _has_any(_READER_WEAK, low, tokens)):
            return "cta"
    if not _YOU_FORMS.keys().isdisjoint(tokens) and any(p in low for p in _READER_SITE):
        return "reader"
    return None


def _ends_sentence(line: str) -> bool:
    return line.rstrip("\"'”’)]")[-1:] in (".", "!", "?", "…")


def is_chrome(line: str) -> bool:
    """Is this one line site chrome (navigation, account, share, cookie, credit, byline …)?"""
    line = _normalise(line).replace("\n", " ").strip()
    return bool(line) and _classify(line) is not None


def _is_prose(line: str, words: int) -> bool:
    return words >= PROSE_LONG_WORDS or (words >= PROSE_MIN_WORDS and _ends_sentence(line))


def _headline_shaped(line: str, words: int, max_words: int, min_words: int = 2) -> bool:
    """A short line, not a finished sentence, starting like a title."""
    if not min_words <= words <= max_words or line[-1] in ".,;:":
        return False
    first = line[0]
    return first.isupper() or first.isdigit() or first in "\"'“‘«"


# --- cleaning ----------------------------------------------------------------


def clean(raw: str) -> Cleaned:
    """The article in `raw`: chrome removed, one paragraph per line, with its title and dateline."""
    lines = _lines(raw)
    n = len(lines)
    if not n:
        return Cleaned("", "", None)
    words = [line.count(" ") + 1 for line in lines]
    kinds: list[str | None] = [_classify(line, w) for line, w in zip(lines, words)]
    prose = [kind is None and _is_prose(line, w) for line, w, kind in zip(lines, words, kinds)]

    # The headline linked under "Previous Article", and the list under "Related".
    for i in range(n) if "navigation" in kinds else ():
        if kinds[i] != "navigation" or words[i] > 8 or not _FOLLOW.fullmatch(_key(lines[i].lower())):
            continue
        j, taken = i + 1, 0
        while j < n and taken < FOLLOW_MAX_LINKS:
            if kinds[j] is None:
                if prose[j] or not _headline_shaped(lines[j], words[j], LINK_MAX_WORDS, min_words=1):
                    break
                kinds[j] = "link"
                taken += 1
            j += 1

    # Running headers and footers: the same short line three times or more.
    if n >= 6:
        short = [
            line
            for line, w, kind in zip(lines, words, kinds)
            if w <= 12 and kind is None and not _ends_sentence(line)  # (so not prose either)
        ]
        if len(short) >= REPEATED_MIN:
            counts: dict[str, int] = {}
            for line in short:
                counts[line] = counts.get(line, 0) + 1
            repeated = {line for line, count in counts.items() if count >= REPEATED_MIN}
            for i in range(n) if repeated else ():
                if kinds[i] is None and lines[i] in repeated:
                    kinds[i] = "repeated"

    body = [i for i in range(n) if prose[i]]
    start, end = (body[0], body[-1]) if body else (n, n)

    # An author's name on its own line next to a byline, agency or time stamp.
    headline = next((i for i in range(start) if kinds[i] is None and words[i] >= 3), -1)
    for i in range(start):
        if kinds[i] is None and i != headline and words[i] <= 6 and _NAME_LINE.fullmatch(lines[i]):
            if (i > 0 and kinds[i - 1] in _BYLINE_KINDS) or (i + 1 < n and kinds[i + 1] in _BYLINE_KINDS):
                kinds[i] = "byline"

    # Section labels and short names above the article ("World", "Europe", "Defense News").
    for i in range(start):
        if kinds[i] is None and words[i] <= 2:
            kinds[i] = "label"

    # Headline-shaped lines just above the body, with only bylines, stamps and
    # share buttons between, stay: the headline and its standfirst.
    protected: set[int] = set()
    i = start - 1
    while i >= 0 and (kinds[i] is None or kinds[i] in HEADER_KINDS):
        if kinds[i] is None and _headline_shaped(lines[i], words[i], HEADLINE_MAX_WORDS):
            protected.add(i)
        i -= 1
    # Above the headline only the masthead remains: site name, tagline, menu.
    if protected:
        ordered = sorted(protected)
        headline = ordered[0]
        # A short line right above a longer headline is the site's name.
        if words[headline] < 5 and len(ordered) > 1 and words[ordered[1]] >= 5:
            between = range(headline + 1, ordered[1])
            if all(kinds[i] is not None for i in between):
                headline = ordered[1]
        for i in range(headline):
            if kinds[i] is None and not _ends_sentence(lines[i]):
                kinds[i] = "masthead"
        protected = {i for i in protected if i >= headline}

    _mark_sandwiched(lines, words, kinds, prose, protected)

    # After the article: once chrome starts, unpunctuated lines are link lists.
    seen = False
    for i in range(end + 1, n):
        if kinds[i] is not None:
            seen = True
        elif seen and not _ends_sentence(lines[i]):
            kinds[i] = "tail"

    kept: list[str] = []
    for i in range(n):
        if kinds[i] is None and (not kept or kept[-1] != lines[i]):
            kept.append(lines[i])

    if body:
        head = range(max(0, start - 8), min(n, start + 3))
        candidates = [lines[i] for i in head if kinds[i] is None or kinds[i] in HEADER_KINDS]
    else:
        candidates = lines[:DATELINE_LINES]
    return Cleaned("\n".join(kept), _title(kept), _dateline(candidates))


_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
_NAME_LINE = re.compile(
    rf"{_NAME}(?: (?:{_NAME}|de|da|di|van|von|der|den|la|le|al|bin|dos|du)){{1,3}}(?: in {_NAME}(?: {_NAME})?)?"
)
_BYLINE_KINDS = frozenset({"byline", "author", "stamp"})


def _mark_sandwiched(
    lines: list[str], words: list[int], kinds: list[str | None], prose: list[bool], protected: set[int]
) -> None:
    """Short unknown lines between two lines of a dialog ("Register", "Show") belong to it."""
    n = len(lines)
    if n - kinds.count(None) < 2:
        return  # a sandwich needs two lines of chrome

    def hard(i: int) -> bool:
        k = kinds[i]
        return k is not None and k not in HEADER_KINDS and k not in ("label", "link", "tail")

    i = 0
    while i < n:
        if kinds[i] is not None:
            i += 1
            continue
        j = i
        while (
            j < n
            and kinds[j] is None
            and not prose[j]
            and j not in protected
            and words[j] <= SANDWICH_MAX_WORDS
        ):
            j += 1
        if i < j and j - i <= SANDWICH_MAX_RUN and i > 0 and j < n and hard(i - 1) and hard(j):
            for k in range(i, j):
                kinds[k] = "dialog"
        i = max(j, i + 1)


def _title(kept: list[str]) -> str:
    """The headline (a short first line before more text), or else the first sentence that is not chrome."""
    if not kept:
        return ""
    first = kept[0]
    if len(kept) > 1 and _headline_shaped(first, first.count(" ") + 1, HEADLINE_MAX_WORDS):
        return _shorten(first)
    # A line can open with a stray prompt glued to it ("Loading... NATO allies …").
    for line in kept[:3]:
        # The title is cut to TITLE_MAX anyway: the line's opening is enough to split.
        for sentence in split_sentences(line[: 3 * TITLE_MAX])[:5]:
            if _classify(sentence.text) is None:
                return _shorten(sentence.text)
    return ""


def _shorten(text: str) -> str:
    if len(text) <= TITLE_MAX:
        return text
    cut = text[: TITLE_MAX - 1]
    space = cut.rfind(" ")
    if space > TITLE_MAX // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:–—-([{\"'“‘") + "…"


# --- datelines ---------------------------------------------------------------

_DATE = (
    rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<m1>{_MONTH})\.?,?\s+(?P<y1>(?:19|20)\d\d)(?!\d)"
    rf"|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d)(?!\d)"
    r"|(?P<y3>(?:19|20)\d\d)-(?P<m3>\d{1,2})-(?P<d3>\d{1,2})(?!\d)"
    r"|(?P<d4>\d{1,2})\.(?P<m4>\d{1,2})\.(?P<y4>(?:19|20)\d\d)(?!\d)"
    r"|(?P<a5>\d{1,2})/(?P<b5>\d{1,2})/(?P<y5>(?:19|20)\d\d)(?!\d)"
    # Without a year: recognised as a dateline, but it gives no date.
    rf"|(?P<d6>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m6>{_MONTH})\.?"
    rf"|(?P<m7>{_MONTH})\.?\s+(?P<d7>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
)
_LEAD = rf"(?:{_WEEKDAY},?\s+)?"
# Every dateline that gives a date holds a year: lines without one are skipped at once.
_YEAR_HINT = re.compile(r"(?:19|20)\d\d")
_STAMP_HINT = re.compile(r"publish|posted|updated|modified|edited|date|released|issued|created")
# The patterns below run on the lower-cased line, except the city dateline.
# "Published: 8 January 2026", "By X | Updated Jan 8, 2026".
_DL_STAMP = re.compile(rf"\b(?P<kw>{_STAMP_WORD})(?:\s+(?:on|at))?\s*[:\-–—|]?\s*{_LEAD}(?:{_DATE})")
# "24 May. 2017 - …", "8 January 2026 |", "Monday 8 January 2026 10:15".
_DL_START = re.compile(
    rf"[\W_]{{0,3}}{_LEAD}(?:{_DATE})[)\]]?(?=\s*(?:$|[-–—|·•:/(]|,?\s*(?:at\s+)?(?:{_TIME})))"
)
# "BRUSSELS, 8 January 2026 -", "Brussels, Belgium, Jan. 8, 2026 —".
_DL_CITY = re.compile(
    r"(?-i:[A-ZÀ-Þ][\w.'’-]*(?:[ ,/]+[A-ZÀ-Þ][\w.'’-]*){0,4})\s*(?:\([^)]{1,40}\))?,?\s+"
    rf"{_LEAD}(?:{_DATE})(?:\s*\([^)]{{1,40}}\))?\s*[-–—:]",
    re.I,
)
_ANY_DATE = re.compile(_DATE)
# What may surround a date on a stamp line besides the date itself.
_STAMP_REST = re.compile(
    rf"{_WEEKDAY}|{_TIME}|{_TZ}(?![a-z])|{_RELATIVE}|{_OFFSET}|\b{_STAMP_WORD}\b|\b(?:on|at)\b|[,|•·/\-–—:()]"
)
_BYLINE_REST = re.compile(r"(?:by\s+)?[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,5}")


def _date_of(m: re.Match[str]) -> dt.date | None:
    g = m.groupdict()
    try:
        if g["y1"]:
            return dt.date(int(g["y1"]), _MONTHS[g["m1"].lower()], int(g["d1"]))
        if g["y2"]:
            return dt.date(int(g["y2"]), _MONTHS[g["m2"].lower()], int(g["d2"]))
        if g["y3"]:
            return dt.date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        if g["y4"]:
            return dt.date(int(g["y4"]), int(g["m4"]), int(g["d4"]))
        if g["y5"]:
            a, b = int(g["a5"]), int(g["b5"])
            if a > 12:
                return dt.date(int(g["y5"]), b, a)
            if b > 12:
                return dt.date(int(g["y5"]), a, b)
            return None  # 03/04/2026: day and month cannot be told apart
    except (ValueError, KeyError):
        return None
    return None  # no year stated


def _line_dateline(line: str) -> tuple[int, dt.date] | None:
    """(priority, date) when `line` carries a dateline; 0 = published, 1 = updated."""
    spaces = line.count(" ")
    short = spaces < 25
    end = len(line) if short else 160
    # str.find is cheaper than the regex, and most lines hold no "19" or "20".
    if (line.find("20", 0, end) < 0 and line.find("19", 0, end) < 0) or not _YEAR_HINT.search(line, 0, end):
        return None
    low = line.lower()
    if _STAMP_HINT.search(low, 0, len(low) if short else 40):
        m = _DL_STAMP.search(low) if short else _DL_STAMP.match(low)
        if m:
            date = _date_of(m)
            if date:
                kw = m.group("kw")
                return (1 if ("updated" in kw or "modified" in kw or "edited" in kw) else 0), date
    for m in (_DL_START.match(low), _DL_CITY.match(line)):
        if m:
            date = _date_of(m)
            if date:
                return 0, date
    if spaces < 14:
        m = _ANY_DATE.search(low)
        if m:
            date = _date_of(m)
            if date:
                before = low[: m.start()]
                rest = _STAMP_REST.sub(" ", before + " " + low[m.end():]).strip()
                if not rest or (rest.startswith("by ") and _BYLINE_REST.fullmatch(rest)):
                    updated = re.search(r"updated|modified|edited", before) and "publish" not in before
                    return (1 if updated else 0), date
    return None


def _dateline(lines: list[str]) -> dt.date | None:
    updated = None
    for line in lines:
        found = _line_dateline(line)
        if found:
            if found[0] == 0:
                return found[1]
            updated = updated or found[1]
    return updated


def find_dateline(text: str) -> dt.date | None:
    """The publication date stated in a dateline in the first few lines of `text`, or None.

    A dateline is a date at the start of a line followed by a separator
    ("24 May. 2017 - …", "8 January 2026 |"), a date after a city
    ("BRUSSELS, 8 January 2026 -"), after a stamp word ("Published: …",
    "Updated 2026-01-08"), or a short line that is only a date and time,
    perhaps with a byline. Dates inside sentences are not datelines, a
    dateline without a year gives None, and "Published" wins over "Updated".
    """
    lines = []
    for line in _normalise(text).split("\n"):
        line = line.strip()
        if line:
            lines.append(line)
            if len(lines) == DATELINE_LINES:
                break
    return _dateline(lines)
