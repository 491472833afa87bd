"""Defence-spending figures: shares of GDP, amounts of money, changes.

``extract_spending(text)`` finds every percentage and amount of money in the
text (two regex passes, plus one for numbers written as words when the text
has "per cent" or a scale word), then keeps and normalises those that are
about defence spending, budgets or military aid:

* a percentage is a share of GDP (unit ``%GDP``) when it is tied to GDP
  ("2% of GDP", "5% GDP") or is a defence-spending level in a sentence, or
  the one before, about defence spending ("the goal of 2%", "3.5% core
  defence"); a change ("a nearly 20% increase") has unit ``%``; any other
  percentage (polls, inflation, "20% of respondents") is left out;
* an amount of money ("$266 billion", "PLN 187 billion", "40 billion euros")
  counts when its sentence is about defence, budgets, aid or procurement; it
  is normalised to an ISO 4217 code and an absolute value.

Each figure gets a kind (target, pledge, actual, estimate, increase, aid,
other) from cue words, the entity it belongs to (a country, "NATO" for the
Alliance's targets, an organisation) and the year it refers to when the
sentence says so. All vocabularies are data: ``natocli/data/currencies.json``
and ``natocli/data/spending_cues.json``.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path

from natocli.extract import record_builder
from natocli.extract.countries import country as _country
from natocli.extract.countries import find_countries
from natocli.extract.sentences import Sentence, sentence_index, split_sentences

_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_CUES = json.loads((_DATA_DIR / "spending_cues.json").read_text(encoding="utf-8"))
_MONEY = json.loads((_DATA_DIR / "currencies.json").read_text(encoding="utf-8"))

KINDS = ("target", "pledge", "actual", "estimate", "increase", "aid", "other")


@dataclass(frozen=True)
class Figure:
    entity: str | None  # "Portugal", "NATO", "European Union", "Allies"...; None when unclear
    value: float  # the number in `unit`: 5% of GDP -> 5.0; $485 billion -> 485000000000.0
    unit: str  # "%GDP", "%" or an ISO 4217 code ("USD", "EUR", ...)
    kind: str  # one of KINDS
    year: int | None  # the year the figure refers to, when the sentence states it
    expression: str  # the text as written
    span: tuple[int, int]  # offsets of `expression` in the text


# --------------------------------------------------------------------------
# Regex building blocks, all from the data files.


def _alt(words, after_first: str = "") -> str:
    """An alternation of literal words; a space matches any white space.

    Factored as a character trie ("bil(?:lion|lions)"), so the regex engine
    rejects a position after a character or two instead of trying every word;
    greedy optional tails make the longest word win. `after_first` goes right
    after the first character of every word: a lookbehind there instead of in
    front of the alternation lets a case-sensitive regex start with the
    words' first letters, which `re` skips ahead to.
    """
    end = ""
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(r"\s+" if ch == " " else re.escape(ch), {})
        node[end] = True

    def emit(node: dict, first: bool = False) -> str:
        alts = [token + (after_first if first else "") + emit(child) for token, child in sorted(node.items()) if token != end]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if end in node else body

    return emit(trie, True)


# After a word's first character: the character before it is not a word
# character (a one-character lookbehind in front of the word, moved inside).
_WORD_START = r"(?<!\w(?s:.))"


def _reversed_words(words) -> list[str]:
    """The words spelt backwards, for a regex run over reversed text."""
    return [w[::-1] for w in words]


def _is_word_char(ch: str) -> bool:
    """`re`'s \\w for one character."""
    return ch.isalnum() or ch == "_"


def _ascii_copy(text: str) -> bytes:
    """`text` as bytes, one per character ("?" for any other than ASCII), so offsets are the same.

    ASCII words and digits are found much faster in bytes.
    """
    return text.encode("ascii") if text.isascii() else text.encode("ascii", "replace")


def _words_re(words, flags=re.IGNORECASE) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + _alt(words) + r")(?!\w)", flags)


def _norm(s: str) -> str:
    return " ".join(s.split()).lower()


# Currencies: symbols and codes before the number, names and codes after it.
_PREFIX_CODE: dict[str, str] = {}
_NAME_CODE: dict[str, str] = {}
_CODES_OFF = set(_MONEY["codes_not_in_text"]["codes"])
for _cur in _MONEY["currencies"]:
    for _sym in _cur["symbols"]:
        _PREFIX_CODE[_sym] = _cur["code"]
    if _cur["code"] not in _CODES_OFF:
        _PREFIX_CODE[_cur["code"]] = _cur["code"]
    for _name in _cur["names"]:
        _NAME_CODE.setdefault(_norm(_name), _cur["code"])
_CODES = {c["code"] for c in _MONEY["currencies"]} - _CODES_OFF
_NAMES_NEED_SCALE = {_norm(n) for n in _MONEY["names_need_scale"]["names"]}

_SCALES = _MONEY["scales"]
_SCALE_WORD = {k.lower(): Decimal(str(int(v))) for k, v in {**_SCALES["words"], **_SCALES["abbreviations"]}.items()}
_SCALE_LETTER = {k: Decimal(str(int(v))) for k, v in _SCALES["letters"].items()}

_NUMBER_WORDS = dict(_CUES["number_words"]["values"])
_ONLY_BEFORE_SCALE = set(_CUES["number_words"]["only_before_scale"])
_FRACTIONS = _CUES["number_words"]["fractions"]

# Every regex below starts with a single character class (a digit, a currency
# symbol or the first letter of a code), which lets `re` skip straight to
# candidate positions; a repeat or a lookbehind first would make it try every
# position. ASCII digits only: `[0-9]` is also much faster than `\d`.
_NUM_TAIL = r"[0-9]*(?:,[0-9]{3})*(?:[.,][0-9]+)?"
_NUM = r"[0-9]" + _NUM_TAIL
_PREFIX = _alt(_PREFIX_CODE)
_SCALE = (
    r"(?:[ \t-]?(?i:" + _alt(_SCALE_WORD) + r")|(?:" + _alt(_SCALE_LETTER) + r"))(?!\w)"
)
_RANGE = r"(?:[ \t]?(?:-|–|—|to)[ \t]?(?:" + _PREFIX + r")?[ \t]?(?:" + _NUM + r"))"
_NAMES = _alt(_NAME_CODE)
_SYMBOLS = _alt(s for c in _MONEY["currencies"] for s in c["symbols"])  # after the number: "187 mld zł", "100 €"
_CODES_ALT = _alt(_CODES)
_EXTRA = r"(?:(?i:" + _alt(_CUES["money_additions"]["words"]) + r")[ \t]+)"  # "700 billion additional US dollars"

# A currency symbol or code, then the amount: "$266 billion", "US$1.2 trillion",
# "PLN 187 billion", "€100bn", "$50-60 billion".
_PREFIXED_MONEY = re.compile(
    r"(?P<cur>" + _PREFIX + r")[ \t]?(?P<n>" + _NUM + r")" + _RANGE + r"?(?P<s>" + _SCALE + r")?"
)
# A number, then a percent sign or word, or a currency name or code:
# "5%", "2.5 per cent", "485 billion US dollars", "40 billion euros".
_NUMBER_FIGURE = re.compile(
    # (the lookbehind right after the first digit refuses to start inside a number)
    r"(?P<n>[0-9](?<![0-9.,][0-9])" + _NUM_TAIL + r")(?:[ \t]?(?P<pct>%|(?i:per[ \t-]?cent|percent|pct)(?!\w))"
    r"|" + _RANGE + r"?(?P<s>" + _SCALE + r")?[ \t]*" + _EXTRA
    + r"?(?:(?<=\s)(?P<cur>(?i:" + _NAMES + r")|" + _CODES_ALT + r")(?!\w)|(?P<sym>" + _SYMBOLS + r")(?![ \t]?[0-9])))"
)

# Figures written with words: "two per cent", "three and a half percent",
# "two billion euros". Searched for only just before the words "per cent",
# "percent" or a scale word, which most articles do not contain.
_WORD_CANDIDATE = re.compile(
    r"(?<![\w-])(?P<w>" + _alt(_NUMBER_WORDS) + r")(?:[ \t-](?P<frac>" + _alt(_FRACTIONS).replace(r"\s+", r"[\s-]+") + r"))?"
    r"[ \t-](?:(?P<pct>per[ \t-]?cent|percent)|(?P<s>" + _alt(_SCALES["words"]) + r")[ \t]+" + _EXTRA
    + r"?(?P<cur>" + _NAMES + r"))(?!\w)",
    re.IGNORECASE,
)
_NUMBER_WORD_TOKENS = {part for word in _NUMBER_WORDS for part in word.replace("-", " ").split()} | {
    word for word in _NUMBER_WORDS
}
_DIGITS_MARKED = bytes.maketrans(b"0123456789.,\0\1", b"\0" * 10 + b"\1\1  ")
# The first (up to three) lower-cased characters of whatever may follow the
# number of a `_NUMBER_FIGURE`, after spaces: a percent sign or word, a range
# dash or "to", a scale, an addition word, a currency name, code or symbol.
# (Only the first word of a phrase: a space in it matches any white space.)
# A scale letter ("5bn", "$500k") must follow the number itself.
_AFTER_NUMBER = frozenset(
    w.lower().split(" ")[0][:3]
    for w in [
        "%", "per", "pct", "-", "–", "—", "to",
        *_SCALES["words"], *_SCALES["abbreviations"],
        *_CUES["money_additions"]["words"], *_NAME_CODE, *_CODES, *(s for c in _MONEY["currencies"] for s in c["symbols"]),
    ]
)
# At most this many characters between a number and the second number of a
# range ("5 - US$ 6"): only a range puts a digit inside a `_NUMBER_FIGURE`.
_RANGE_GAP = 5 + max(map(len, _PREFIX_CODE))
_PREFIX_BY_LAST: dict[str, list[str]] = {}
for _p in _PREFIX_CODE:
    _PREFIX_BY_LAST.setdefault(_p[-1], []).append(_p)


def _byte_class(chars) -> bytes:
    """A byte regex class of these characters; any other than ASCII is "?" in `_ascii_copy`."""
    return b"[" + b"".join(sorted({re.escape(c.encode().translate(_DIGITS_MARKED)) if c.isascii() else b"?" for c in chars})) + b"]"


# In the marked copy (see `_candidates`; the words are marked the same way,
# "U.S.$"): where a `_NUMBER_FIGURE` can start.
# The start of a number (no digit, dot or comma before it) that ends with a
# digit (one followed by a dot or comma cannot be read, "in 2025."), then a
# scale letter against it ("5bn") or, after spaces, the start of something in
# `_AFTER_NUMBER` ("2025 and", "8 January" are not), or a character other than
# ASCII, which could be anything. Group 1 ends with the number.
_NUMBER_THEN_UNIT = re.compile(  # (what follows is looked ahead at: it may hold the next number)
    rb"\0(?<![\0\1]\0)([\0\1]*+)(?<=\0)(?="
    + b"|".join(re.escape(x.encode()) for x in sorted(_SCALE_LETTER, key=len, reverse=True))
    + rb"|[ \t]*+(?:(?i:"
    + _alt(x.encode().translate(_DIGITS_MARKED).decode() for x in _AFTER_NUMBER if x.isascii()).encode()
    + rb")|(?s:.{0,2})\?))"
)
# Where a `_PREFIXED_MONEY` can end: the start of a number right after the
# last character of a currency symbol or code, or after it and a space or tab.
_NUMBER_AFTER_PREFIX = re.compile(
    rb"\0(?<![\0\1]\0)(?:(?<=" + _byte_class(_PREFIX_BY_LAST) + rb"\0)|(?<=" + _byte_class(_PREFIX_BY_LAST) + rb"[ \t]\0))"
)
_DIGITS_AND = re.compile(r"[0-9]\s+and\s+$")
_WORD_TRIGGERS = (b"cent", b"CENT", b"illion", b"ILLION", b"housand", b"HOUSAND")  # looked for in `_ascii_copy`


# Sentence topics and cue words. Every cue word of every list is found in one pass over a sentence. The regex
# prefers the longest phrase at a position, so a phrase also carries the
# classes of the listed words inside it ("security assistance" is a defence
# word and, through "assistance", an aid word).
_CUE_CLASSES = {
    "defence": _CUES["defence_topic"]["words"],
    "spending": _CUES["spending_topic"]["words"],
    "money": _CUES["money_topic"]["words"],
    "not_pct": _CUES["not_spending_percent"]["words"],
    "not_money": _CUES["not_spending_money"]["words"],
    "weak_pledge": _CUES["kinds"]["weak_pledge"],
    **{kind: _CUES["kinds"][kind] for kind in ("target", "pledge", "actual", "estimate", "aid")},
}
_KIND_NAMES = ("target", "pledge", "aid", "actual", "estimate")  # priority on a tie
_OWN_CLASSES: dict[str, set[str]] = {}
for _cls, _words in _CUE_CLASSES.items():
    for _w in _words:
        _OWN_CLASSES.setdefault(_norm(_w), set()).add(_cls)
_WORD_CLASSES: dict[str, frozenset[str]] = {}
_WORD_KIND: dict[str, str | None] = {}
for _w, _own in _OWN_CLASSES.items():
    _parts = re.findall(r"[\w'’]+", _w)
    _inner = {" ".join(_parts[i:j]) for i in range(len(_parts)) for j in range(i + 1, len(_parts) + 1)}
    _all = set(_own).union(*(_OWN_CLASSES.get(x, ()) for x in _inner))
    _WORD_CLASSES[_w] = frozenset(_all)
    _WORD_KIND[_w] = next((k for k in _KIND_NAMES if k in _own), None) or next(
        (k for k in _KIND_NAMES if k in _all), None
    )
_CUE_WORDS = re.compile(r"(?<!\w)(?:" + _alt(_WORD_CLASSES) + r")(?!\w)")  # on lower-cased text
_CUE_WORDS_ANYCASE = re.compile(_CUE_WORDS.pattern, re.IGNORECASE)  # when lower() changes lengths
_CUE_WORD_INFO = {w: (classes, _WORD_KIND[w]) for w, classes in _WORD_CLASSES.items()}  # (classes, kind)


def _cue_word_info(word: str) -> tuple[frozenset[str], str | None]:
    """(classes, kind) of a cue word as written ("Defence", "called\non")."""
    key = " ".join(word.lower().split())
    return _WORD_CLASSES.get(key, frozenset()), _WORD_KIND.get(key)

# The figure's own phrase.
_MODS = _alt(_CUES["figure_modifiers"]["words"])
_NOUN_KIND: dict[str, str] = {}
for _kind, _words in _CUES["figure_nouns"].items():
    if _kind != "about":
        for _w in _words:
            _NOUN_KIND.setdefault(_norm(_w), _kind)

_QUANT_SET = {_norm(w) for w in _CUES["quantifiers"]["words"]}
_MOD_SET = {_norm(w) for w in _CUES["figure_modifiers"]["words"]}
_ALLIANCE_DETS = {_norm(w) for w in _CUES["determiners"]["alliance"]}
_DET_SET = _ALLIANCE_DETS | {_norm(w) for w in _CUES["determiners"]["owned"]}
_ADDITION_SET = {_norm(w) for w in _CUES["money_additions"]["words"]}
# IGNORECASE makes a regex slow (every literal is compared through case
# folding, and none can be skipped over quickly). The same regex built from
# lower-cased words and run without IGNORECASE on the lower-cased sentence
# finds the same matches at the same places when the words have no cased
# letter other than ASCII and the sentence has none of the four characters
# that IGNORECASE matches to an ASCII letter though lower() does not turn
# them into one (or changes their length): lower() keeps every other
# character's length and class (\w, \s, digit).
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")  # İ ı ſ K (Kelvin sign)


def _lower_is_ignorecase(s: str) -> bool:
    """Do the lower-cased twins of the IGNORECASE regexes work on `s` lower-cased? (See above.)"""
    return s.isascii() or not any(ch in s for ch in _FOLDS_TO_ASCII)


def _lowerable(*word_lists) -> bool:
    """Are all these words free of cased letters other than ASCII?"""
    return all(ch.isascii() or ch.lower() == ch.upper() for words in word_lists for w in words for ch in w)


def _case(words, case: str):
    """`words` for a regex as written (`case` "any") or for lower-cased text ("lower")."""
    return [w.lower() for w in words] if case == "lower" else list(words)


_SHARE = _CUES["defence_share"]


def _right_regexes(case: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The regexes read after a figure's number (see `_case`)."""
    gdp = _alt(_case(_CUES["gdp"]["words"], case))
    dets = _alt(_case(_CUES["gdp_determiners"]["words"], case))
    flags = 0 if case == "lower" else re.IGNORECASE
    # "of GDP", "GDP", then "defence spending target" / "increase".
    right = re.compile(
        r"(?P<gdp>\s+(?:of\s+(?:(?:" + dets + r")\s+){0,2}(?:" + gdp + r")|" + ("gdp|gnp" if case == "lower" else "GDP|GNP")
        + r")(?!\w))?"
        r"(?P<tail>(?:\s+(?:" + _alt(_case(_CUES["figure_modifiers"]["words"], case)) + r")){0,4}\s+(?P<noun>"
        + _alt(_case(_NOUN_KIND, case)) + r")(?!\w))?",
        flags,
    )
    # A defence share: "core defence", "on defence", "for defence-related investment".
    defence = re.compile(
        r"\s+(?:(?:" + _alt(_case(_SHARE["prepositions"], case)) + r")\s+)?(?:(?:" + _alt(_case(_SHARE["modifiers"], case))
        + r")\s+)?(?:" + _alt(_case(_SHARE["heads"], case)) + r")(?:\s+(?:" + _alt(_case(_SHARE["tails"], case)) + r"))?(?!\w)",
        flags,
    )
    # A share of something else: "20% of respondents".
    of_other = re.compile(r"\s+of\s+(?!" + dets + r"\s+(?:" + gdp + r")|" + gdp + r")", flags)
    return right, defence, of_other


_RIGHT, _RIGHT_DEFENCE, _RIGHT_OF_OTHER = _right_regexes("any")
_RIGHT_WORDS = [_CUES[k]["words"] for k in ("gdp", "gdp_determiners", "figure_modifiers")] + [_NOUN_KIND, *_SHARE.values()]
_RIGHT_LOWER = _right_regexes("lower") if _lowerable(*_RIGHT_WORDS) else None
_CHANGE_VERB: dict[str, str] = {}
for _kind in ("increase", "decrease"):
    for _w in _CUES["change_verbs"][_kind]:
        _CHANGE_VERB[_norm(_w)] = _kind
_CHANGE_ANY = _words_re(_CHANGE_VERB)


# Who a figure belongs to.
_ORG_NAME: dict[str, str] = {}
for _name, _forms in _CUES["organisations"]["names"].items():
    for _f in _forms:
        _ORG_NAME[" ".join(_f.split())] = _name
_ORG = re.compile(_alt(_ORG_NAME, _WORD_START) + r"(?:['’]s?)?(?!\w)")
# A recipient or location word, then white space up to the mention: matched
# against the 30 characters before a mention spelt backwards, so the regex is
# tried at one position instead of thirty ("to Ukraine" -> "ot ").
_RECIPIENT_BACKWARDS = re.compile(r"\s+(?:" + _alt(_reversed_words(_CUES["recipient_words"]["words"])) + r")(?!\w)", re.IGNORECASE)
_LOCATION_BACKWARDS = re.compile(r"\s+(?:" + _alt(_reversed_words(_CUES["location_words"]["words"])) + r")(?!\w)", re.IGNORECASE)
_OWNER_GAP = re.compile(r"(?:\s+(?:" + _MODS + r"))*\s*", re.IGNORECASE)
_CAPITALS: dict[str, tuple[str, ...]] = {}


def _capitals(name: str) -> tuple[str, ...]:
    """The capitals of the country `name` (none for an unknown name)."""
    capitals = _CAPITALS.get(name)
    if capitals is None:
        c = _country(name)
        capitals = _CAPITALS[name] = c.capitals if c is not None else ()
    return capitals


def _strip_possessive(form: str) -> str:
    """"NATO's" -> "NATO", "Allies’" -> "Allies"."""
    if form.endswith(("'s", "’s")):
        return form[:-2]
    if form.endswith(("'", "’")):
        return form[:-1]
    return form
_COORDINATION = re.compile(r"\s*(?:,|and|&|as well as|,\s*and)\s*")
_PRONOUN_START = re.compile(r"(?:" + _alt(_CUES["subject_pronouns"]["words"]) + r")(?!\w)")

# Years a figure refers to: "in 2024", "by 2035", "for fiscal year 2025", "the 2024 budget".


_YEAR_WORDS = ("year_prepositions", "months", "figure_modifiers", "year_nouns")


def _year_body(case: str) -> str:
    """The regex for years (see `_case`), but its leading `(?<!\\w)`."""
    words = {name: _case(_CUES[name]["words"], case) for name in _YEAR_WORDS}
    return (
        r"(?:(?:" + _alt(words["year_prepositions"]) + r")\s+"
        r"(?:(?:" + _alt(words["months"]) + r")\s*){0,2}(?:" + ("fy" if case == "lower" else "FY") + r"\s?)?"
        r"(?P<y>(?:19[5-9]|20[0-9])[0-9])"
        r"|(?P<y2>(?:19[5-9]|20[0-9])[0-9])(?:/[0-9]{2})?\s+(?:(?:" + _alt(words["figure_modifiers"]) + r")\s+){0,3}(?:"
        + _alt(words["year_nouns"]) + r"))"
        r"(?![\w%])"
    )


_YEAR = re.compile(r"(?<!\w)" + _year_body("any"), re.IGNORECASE)
_YEAR_LOWER = (
    re.compile(r"(?<!\w)" + _year_body("lower")) if _lowerable(*(_CUES[name]["words"] for name in _YEAR_WORDS)) else None
)
_YEAR_DIGITS = re.compile(r"(?:19[5-9]|20[0-9])[0-9]")  # in every match of _YEAR

# "set in 2014", "agreed in Wales in 2014", spelt backwards: matched at the
# year's own position in the reversed text before it, instead of searched for.
_YEAR_NOT_AFTER_BACKWARDS = re.compile(
    r"\s+(?:(?:ni|ta|eht|[\w’'-]*(?-i:[A-Z]))\s+){0,3}(?:" + _alt(_reversed_words(_CUES["year_not_after"]["words"])) + r")(?!\w)",
    re.IGNORECASE,
)

_CUE_REACH = 45  # characters between a kind cue and the figure it qualifies
_YEAR_REACH = 60  # characters between a year and the figure it dates (a sentence-initial "In 2024," always counts)
_TARGET_SUBJECT_REACH = 40  # characters between a country and a target it sets itself ("Poland aims to spend 5%")


# --------------------------------------------------------------------------
# Candidates


@dataclass(slots=True)
class _Candidate:
    start: int  # of the number (or the currency symbol before it)
    end: int
    value: Decimal
    percent: bool
    currency: str | None


_THOUSANDS = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")


def _parse_number(raw: str) -> Decimal | None:
    if "," in raw:
        if _THOUSANDS.fullmatch(raw):
            raw = raw.replace(",", "")
        else:
            raw = raw.replace(",", ".")  # European decimal comma: "3,5%"
    try:
        return Decimal(raw)
    except InvalidOperation:
        return None


def _scale(token: str | None) -> Decimal:
    if not token:
        return Decimal(1)
    token = token.strip(" \t-")
    return _SCALE_LETTER.get(token) or _SCALE_WORD.get(token.lower()) or Decimal(1)


def _prefixed_starts(text: str, marked: bytes) -> list[int]:
    """Every position where `_PREFIXED_MONEY` could match: a currency symbol or
    code ending right before a number, or before a space or tab before it."""
    starts = set()
    for m in _NUMBER_AFTER_PREFIX.finditer(marked):
        p = m.start()
        end = p - 1 if text[p - 1] in " \t" else p
        if end:
            for prefix in _PREFIX_BY_LAST.get(text[end - 1], ()):
                q = end - len(prefix)
                if q >= 0 and text.startswith(prefix, q):
                    starts.add(q)
    return sorted(starts)


def _candidates(text: str) -> list[_Candidate]:
    out: list[_Candidate] = []
    ascii_text = _ascii_copy(text)
    # Digits are rare in running text, so numbers are looked for in a copy
    # where every digit is a NUL, every dot and comma \1: the byte regexes
    # jump from one NUL to the next with a fast literal search. Both figure
    # regexes are then tried only where they can match, in text order, and a
    # match hides the positions inside it, exactly as `finditer` would.
    marked = ascii_text.translate(_DIGITS_MARKED)
    matched_to = 0
    for q in _prefixed_starts(text, marked):
        if q < matched_to:
            continue
        m = _PREFIXED_MONEY.match(text, q)
        if m is None:
            continue
        matched_to = m.end()
        start = q
        if start and text[start - 1].isalnum():
            continue  # inside a longer token: "ABC$5"
        value = _parse_number(m.group("n"))
        if value is not None:
            scale = m.group("s")
            out.append(_Candidate(start, m.end(), value * _scale(scale), False, _PREFIX_CODE[m.group("cur")]))
    matched_to = 0
    numbers = [(m.start(), m.end(1)) for m in _NUMBER_THEN_UNIT.finditer(marked)]
    for i, (start, run_end) in enumerate(numbers):
        if start < matched_to:
            continue
        dropped = start and (text[start - 1].isalnum() or text[start - 1] in "$€£¥")
        if dropped and (i + 1 == len(numbers) or numbers[i + 1][0] > run_end + _RANGE_GAP):
            continue  # a match would be dropped, and would hide no number ("$943 billion")
        m = _NUMBER_FIGURE.match(text, start)
        if m is None:
            continue
        matched_to = m.end()
        if dropped:
            continue  # inside a longer token ("v2.5%") or already read with its symbol
        value = _parse_number(m.group("n"))
        if value is None:
            continue
        if m.group("pct") is not None:
            if value <= 100:
                out.append(_Candidate(start, m.end(), value, True, None))
            continue
        scale, cur = m.group("s"), m.group("cur")
        if cur is None:
            currency = _PREFIX_CODE[m.group("sym")]
        else:
            currency = cur if cur in _CODES else _NAME_CODE.get(_norm(cur))
            if currency is None or (not scale and _norm(cur) in _NAMES_NEED_SCALE):
                continue
        out.append(_Candidate(start, m.end(), value * _scale(scale), False, currency))

    triggers = []
    for word in _WORD_TRIGGERS:
        i = ascii_text.find(word)
        while i >= 0:
            triggers.append(i)
            i = ascii_text.find(word, i + 1)
    if triggers:
        triggers.sort()
        searched_to = 0
        for trigger in triggers:
            if not _NUMBER_WORD_TOKENS.intersection(text[max(0, trigger - 40):trigger].lower().split()[-6:]):
                continue  # no number word just before "per cent" / "billion"
            m = _WORD_CANDIDATE.search(text, max(searched_to, trigger - 45), min(len(text), trigger + 60))
            if m is None or m.start() > trigger:
                continue
            searched_to = m.end()
            word = _norm(m.group("w"))
            base = _NUMBER_WORDS.get(word)
            if base is None or _DIGITS_AND.search(text, max(0, m.start() - 10), m.start()):
                continue  # "3 and a half percent" is not "a half percent"
            value = Decimal(str(base))
            if m.group("frac"):
                value += Decimal(str(_FRACTIONS[_norm(m.group("frac").replace("-", " "))]))
            if m.group("pct") is not None:
                if word not in _ONLY_BEFORE_SCALE:
                    out.append(_Candidate(m.start(), m.end(), value, True, None))
            else:
                currency = _NAME_CODE.get(_norm(m.group("cur")))
                if currency is not None:
                    value *= _SCALE_WORD[m.group("s").lower()]
                    out.append(_Candidate(m.start(), m.end(), value, False, currency))
    out.sort(key=lambda c: (c.start, -c.end))
    kept: list[_Candidate] = []
    for c in out:
        if not kept or c.start >= kept[-1].end:
            kept.append(c)
    return kept


# --------------------------------------------------------------------------
# Per-sentence context, computed once per sentence that holds a candidate.


@dataclass(slots=True)
class _Cues:
    """The cue words of one sentence."""

    words: list[tuple[int, int, frozenset[str]]]  # (start, end, classes), relative to the sentence
    kinds: list[tuple[int, int, str]]  # the kind cues among them: (start, end, kind)
    classes: frozenset[str]  # every class present
    weak_pledge: bool

    def near(self, cls: str, lo: int, hi: int) -> bool:
        """Is there a word of class `cls` inside s[lo:hi]?"""
        if cls not in self.classes:
            return False
        for a, b, c in self.words:
            if a >= lo and b <= hi and cls in c:
                return True
        return False


@dataclass(slots=True)
class _Mention:
    start: int  # relative to the sentence
    end: int
    name: str
    capital: bool
    recipient: bool  # "aid to Ukraine", "war against Russia"
    located: bool  # a capital as a place: "In Lisbon, ..."


class _Context:
    """The sentences around the candidates, and what each of them says.

    Without the caller's sentence list only the lines holding candidates (and
    the lines before them) are split: `split_sentences` treats every line on
    its own, so this gives the same sentences for a fraction of the cost.
    Sentences are keyed by their start offset.
    """

    def __init__(self, text: str, sentences: list[Sentence] | None):
        self.text = text
        self.sentences = sentences
        self._starts: list[int] | None = None
        self._lines: dict[int, list[Sentence]] = {}
        self._mentions: dict[int, list[_Mention]] = {}
        self._years: dict[int, list[tuple[int, int, int]]] = {}
        self._cues: dict[int, _Cues] = {}
        self._lower: dict[int, str] = {}
        self._lower_ok: dict[int, bool] = {}

    def _line(self, line_start: int) -> list[Sentence]:
        if line_start not in self._lines:
            line_end = self.text.find("\n", line_start)
            if line_end < 0:
                line_end = len(self.text)
            self._lines[line_start] = [
                Sentence(x.start + line_start, x.end + line_start, x.text)
                for x in split_sentences(self.text[line_start:line_end])
            ]
        return self._lines[line_start]

    def sentence(self, pos: int) -> tuple[Sentence | None, Sentence | None]:
        """The sentence holding `pos` and the one before it (None when there is none)."""
        if self.sentences is not None:
            if not self.sentences:
                return None, None
            if self._starts is None:
                self._starts = [x.start for x in self.sentences]
            i = bisect_right(self._starts, pos) - 1  # (as `sentence_index`)
            if i <= 0:
                return self.sentences[0], None
            return self.sentences[i], self.sentences[i - 1]
        line_start = self.text.rfind("\n", 0, pos) + 1
        line = self._line(line_start)
        if not line:
            return None, None
        i = sentence_index(line, pos)
        if i > 0:
            return line[i], line[i - 1]
        while line_start > 0:  # the last sentence of the nearest non-blank line before
            line_start = self.text.rfind("\n", 0, line_start - 1) + 1
            before = self._line(line_start)
            if before:
                return line[i], before[-1]
        return line[i], None

    def topics(self, sent: Sentence | None) -> tuple[bool, bool, bool]:
        """(defence, spending, money) cue words present in the sentence."""
        if sent is None:
            return (False, False, False)
        classes = self.cues(sent).classes
        return ("defence" in classes, "spending" in classes, "money" in classes)

    def lower_is_ignorecase(self, sent: Sentence) -> bool:
        ok = self._lower_ok.get(sent.start)
        if ok is None:
            ok = self._lower_ok[sent.start] = _lower_is_ignorecase(sent.text)
        return ok

    def lowered(self, sent: Sentence) -> str:
        lower = self._lower.get(sent.start)
        if lower is None:
            lower = self._lower[sent.start] = sent.text.lower()
        return lower

    def cues(self, sent: Sentence) -> _Cues:
        cues = self._cues.get(sent.start)
        if cues is None:
            s = sent.text
            lower = self.lowered(sent)
            matches = _CUE_WORDS.finditer(lower) if len(lower) == len(s) else _CUE_WORDS_ANYCASE.finditer(s)
            words, kinds = [], []
            every: set[str] = set()
            for m in matches:
                word = m.group()
                classes, kind = _CUE_WORD_INFO.get(word) or _cue_word_info(word)
                a, b = m.span()
                words.append((a, b, classes))
                every |= classes
                if kind is not None:
                    kinds.append((a, b, kind))
            cues = self._cues[sent.start] = _Cues(words, kinds, frozenset(every), "weak_pledge" in every)
        return cues

    def mentions(self, sent: Sentence) -> list[_Mention]:
        out = self._mentions.get(sent.start)
        if out is not None:
            return out
        s = sent.text
        spans: list[tuple[int, int, str, bool]] = []
        for name, (a, b) in find_countries(s):
            capitals = _capitals(name)
            spans.append((a, b, name, bool(capitals) and _strip_possessive(s[a:b]) in capitals))
        for m in _ORG.finditer(s):
            form = _strip_possessive(m.group())
            name = _ORG_NAME.get(form) or _ORG_NAME.get(" ".join(form.split()))
            if name is None:
                continue
            a, b = m.span()
            if spans:
                # An organisation overlapping a country ("US Congress"): keep the longer.
                clash = [x for x in spans if x[0] < b and a < x[1]]
                if clash:
                    if all(x[1] - x[0] >= b - a for x in clash):
                        continue
                    spans = [x for x in spans if x not in clash]
            spans.append((a, b, name, False))
        if len(spans) > 1:
            spans.sort()
        out = []
        for a, b, name, capital in spans:
            recipient = located = False
            if a and s[a - 1].isspace():  # (both words are followed by white space)
                before = s[max(0, a - 30):a][::-1]  # the 30 characters before, backwards
                recipient = _RECIPIENT_BACKWARDS.match(before) is not None
                located = capital and _LOCATION_BACKWARDS.match(before) is not None
            out.append(_Mention(a, b, name, capital, recipient, located))
        self._mentions[sent.start] = out
        return out

    def years(self, sent: Sentence) -> list[tuple[int, int, int]]:
        if sent.start not in self._years:
            s = sent.text
            found = []
            if _YEAR_DIGITS.search(s) is None:
                matches = ()
            elif _YEAR_LOWER is not None and self.lower_is_ignorecase(sent):
                matches = _YEAR_LOWER.finditer(self.lowered(sent))
            else:
                matches = _YEAR.finditer(s)
            for m in matches:
                start = m.start()
                group = "y" if m.group("y") else "y2"
                lo = start - 40 if start > 40 else 0
                before = s[lo:start][::-1]
                if lo and _is_word_char(s[lo - 1]):
                    before += "_"  # (a word going on before the 40 characters does not start there)
                if _YEAR_NOT_AFTER_BACKWARDS.match(before):
                    continue  # "the goal of 2% set in 2014": the year of something else
                found.append((m.start(group), m.end(group), int(m.group(group))))
            self._years[sent.start] = found
        return self._years[sent.start]


# --------------------------------------------------------------------------
# Classification


@dataclass(slots=True)
class _Phrase:
    start: int  # expression span, relative to the sentence
    end: int
    noun: str | None  # the cue noun heading the phrase, normalised
    det: str  # its determiner ("the", "its", ""), normalised
    gdp: bool
    defence_share: bool
    of_other: bool  # "20% of respondents": a share of something else
    change: str | None  # "increase" / "decrease" from a verb or noun next to the figure


def _left_words(s: str, a: int) -> tuple[int, list[str]]:
    """The lower-cased words just before position `a` of `s`, and where the window they come from starts.

    Lower-casing the window once gives the same words as lower-casing each one
    (no character lower-cases to white space); their offsets are found only
    when a phrase needs them (`_word_starts`).
    """
    lo = a - 90 if a > 90 else 0
    words = s[lo:a].lower().split()
    if words and lo and not s[lo - 1].isspace():
        del words[0]  # cut in the middle of a word
    return lo, words


def _word_start(s: str, lo: int, a: int, r: int) -> int:
    """Where the r-th last of the words `_left_words(s, a)` gives starts (r = 1 for the last one)."""
    parts = s[lo:a].rsplit(None, r)  # (the text before them, without its trailing space, and the r words)
    rest = len(parts[0]) if len(parts) > r else 0
    return s.find(parts[-r], lo + rest, a)


def _last_words(vocabulary) -> frozenset[str]:
    """The last word of every phrase of `vocabulary`."""
    return frozenset(phrase.rsplit(" ", 1)[-1] for phrase in vocabulary)


_QUANT_LAST, _NOUN_LAST, _DET_LAST = map(_last_words, (_QUANT_SET, _NOUN_KIND, _DET_SET))


def _take(words: list[str], k: int, vocabulary, last_words: frozenset[str], longest: int) -> int:
    """How many words ending before index k form a phrase of `vocabulary` (longest first), or 0.

    `last_words` are the last words of its phrases, and `longest` is at least
    the number of words of the longest one.
    """
    if not k or words[k - 1] not in last_words:
        return 0
    for n in range(min(longest, k), 1, -1):
        if " ".join(words[k - n:k]) in vocabulary:
            return n
    return 1 if words[k - 1] in vocabulary else 0


def _phrase(s: str, a: int, b: int, percent: bool, lower: str | None = None) -> _Phrase:
    """The figure's own phrase around s[a:b] (its number, unit and currency).

    The words before the number are read right to left in Python (a regex
    anchored at the number would be tried at every earlier position). `lower`
    is `s` lower-cased when the lower-cased twins of the regexes work on it.
    """
    start, end = a, b
    noun = None
    det = ""
    change = None
    lo, words = _left_words(s, a)
    k = len(words)
    nq = _take(words, k, _QUANT_SET, _QUANT_LAST, 3)  # "nearly", "at least", "more than"
    kq = k - nq
    left_noun = False
    if kq >= 2 and words[kq - 1] in ("of", "to", "at"):
        nn = _take(words, kq - 1, _NOUN_KIND, _NOUN_LAST, 2)  # "the goal of", "an annual real increase of"
        if nn:
            left = " ".join(words[kq - 1 - nn:kq - 1])
            if not (words[kq - 1] == "to" and _NOUN_KIND[left] in ("increase", "decrease")):
                # ("a rise to 2%" names the level reached, not the change)
                left_noun = True
                noun = left
                j, mods = kq - 1 - nn, 0
                while j > 0 and mods < 4 and words[j - 1] in _MOD_SET:
                    j, mods = j - 1, mods + 1
                nd = _take(words, j, _DET_SET, _DET_LAST, 2)
                det = " ".join(words[j - nd:j])
                start = _word_start(s, lo, a, k - (j - nd))
    if not left_noun and kq >= 1:
        kv = kq - 1 if kq >= 2 and words[kq - 1] in ("by", "of") else kq
        verb = words[kv - 1] if kv >= 1 else ""
        if verb in _CHANGE_VERB:  # "rose 10%", "increased by 4.3%", "cut by 5%"
            change = _CHANGE_VERB[verb]
            start = _word_start(s, lo, a, k - (kv - 1))
        elif not percent and (words[kq - 1] in _ADDITION_SET or not _ADDITION_SET.isdisjoint(words[kq:])):
            # ("more than $1.4 trillion" is a quantifier: "more" is not an addition word)
            change = "increase"  # "an additional €10 billion"
        elif words[kq - 1] == "by":
            # "increase defence spending by 10%": a change verb earlier in the clause.
            verbs = list(_CHANGE_ANY.finditer(s, max(0, a - 70), a))
            if verbs:
                change = _CHANGE_VERB[_norm(verbs[-1].group())]
    if lower is not None and _RIGHT_LOWER is not None:
        right_re, defence_re, of_other_re = _RIGHT_LOWER
        t = lower  # (as long as `s`: its offsets are those of `s`)
    else:
        right_re, defence_re, of_other_re = _RIGHT, _RIGHT_DEFENCE, _RIGHT_OF_OTHER
        t = s
    # (The regexes after the figure all start with white space.)
    spaced = b < len(t) and t[b].isspace()
    gdp = False
    if spaced:
        right = right_re.match(t, b)
        gdp = right.group("gdp") is not None
        if right.group("noun"):
            end = right.end()
            noun = noun or _norm(right.group("noun"))
        elif gdp:
            end = right.end("gdp")
    if noun and _NOUN_KIND.get(noun) in ("increase", "decrease"):
        change = _NOUN_KIND[noun]
    defence_share = False
    if percent and not gdp and not change and end < len(t) and t[end].isspace():
        d = defence_re.match(t, end)
        if d:
            defence_share = True
            end = d.end()
    of_other = not gdp and not defence_share and spaced and of_other_re.match(t, b) is not None
    if start == a and k:
        # The determiner belongs to the figure's noun ("NATO's 2% target": NATO's own),
        # but the expression starts with the number unless a quantifier comes
        # first ("a nearly 20% increase", "at least 2% of GDP").
        nd = _take(words, kq, _DET_SET, _DET_LAST, 2)
        det = " ".join(words[kq - nd:kq])
        if nq:
            start = _word_start(s, lo, a, k - (kq - nd))
    return _Phrase(start, end, noun, det, gdp, defence_share, of_other, change)


_KIND_ORDER = {k: n for n, k in enumerate(_KIND_NAMES)}


def _near_kind(cues: _Cues, phrase: _Phrase, *, skip_aid: bool = False, within: int = _CUE_REACH) -> str | None:
    """The kind of the cue word nearest to the phrase in its sentence, within `within` characters."""
    best: tuple[int, int, str] | None = None
    for start, end, kind in cues.kinds:
        if skip_aid and kind == "aid":
            continue
        if end <= phrase.start:
            distance = phrase.start - end
        elif start >= phrase.end:
            distance = start - phrase.end
        else:
            distance = 0
        key = (distance, _KIND_ORDER[kind], kind)
        if distance <= within and (best is None or key < best):
            best = key
    if best is None and within == _CUE_REACH and cues.weak_pledge:
        # "will spend", "to raise": a plan, when nothing says more and it is close by
        if any("weak_pledge" in c and max(phrase.start - e, st - phrase.end) <= within for st, e, c in cues.words):
            return "pledge"
    return best[2] if best else None


def _entity(
    ctx: _Context, sent: Sentence, prev: Sentence | None, phrase: _Phrase, kind: str, unit: str, figure_start: int
) -> str | None:
    s = sent.text
    mentions = ctx.mentions(sent)
    owner = None
    for m in mentions:
        if m.end > figure_start:
            break
        inside = m.start >= phrase.start
        if not m.recipient and (inside or _OWNER_GAP.fullmatch(s, m.end, phrase.start)):
            owner = m.name
    entity = owner
    # NATO's targets are shares of GDP; a target in money belongs to whoever sets it.
    alliance_target = kind == "target" and unit == "%GDP"
    if entity is None and alliance_target and _NOUN_KIND.get(phrase.noun or "") == "target" and (phrase.det == "" or phrase.det in _ALLIANCE_DETS):
        return "NATO"  # "the goal of 2%", "the 5% GDP defence spending target": the Alliance's
    if entity is None:
        before = [m for m in mentions if m.end <= phrase.start and not m.recipient and not m.located]
        if before and alliance_target and phrase.start - before[-1].end > _TARGET_SUBJECT_REACH:
            # A target whose sentence names no owner close by is the Alliance's
            # ("The Defence Investment Pledge, agreed in Wales in 2014, called on
            # Allies to move towards spending 2%"), not a far-off country's.
            return "NATO"
        if before:
            k = len(before) - 1
            # "European Allies and Canada recorded...": the first of a coordinated subject.
            while k > 0 and _COORDINATION.fullmatch(s, before[k - 1].end, before[k].start):
                k -= 1
            entity = before[k].name
    if entity is None:
        after = [m for m in mentions if m.start >= phrase.end and not m.recipient and not m.located]
        if after:
            entity = after[0].name
    if entity is None and prev is not None and _PRONOUN_START.match(s):
        previous = [m for m in ctx.mentions(prev) if not m.recipient and not m.located]
        if previous:
            entity = previous[-1].name
    if alliance_target and entity in (None, "Allies"):
        return "NATO"  # Allies' agreed targets are NATO's
    return entity


def _year(ctx: _Context, sent: Sentence, phrase: _Phrase) -> int | None:
    best = None
    for a, b, year in ctx.years(sent):
        if phrase.start <= a < phrase.end:
            continue
        distance = phrase.start - b if b <= phrase.start else a - phrase.end
        if distance > _YEAR_REACH and a > 8:
            continue  # far away, and not a sentence-initial "In 2024,"
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


_CLAUSE_BREAK = re.compile(r"[,;:()]")


def _clause_window(s: str, a: int, b: int, left: int, right: int) -> tuple[int, int]:
    """Bounds of the words around s[a:b], up to `left`/`right` characters, not across , ; : ( )."""
    lo = max(0, a - left)
    for m in _CLAUSE_BREAK.finditer(s, lo, a):
        lo = m.end()  # (after the last one)
    hi = min(len(s), b + right)
    m = _CLAUSE_BREAK.search(s, b, hi)
    return lo, (m.start() if m else hi)


_THOUSAND, _FIFTY, _TEN = Decimal(1000), Decimal(50), Decimal(10)


def _classify(ctx: _Context, c: _Candidate) -> Figure | None:
    sent, prev = ctx.sentence(c.start)
    if sent is None:
        return None
    s = sent.text
    a, b = c.start - sent.start, c.end - sent.start
    if a < 0 or b > len(s):
        return None
    defence, spending, money = ctx.topics(sent)
    value = c.value
    # Cheap refusals first: most percentages and amounts in an article are not spending.
    if c.percent:
        if not (defence or ctx.topics(prev)[0]):
            return None
    else:
        if value < _THOUSAND:
            return None
        cues = ctx.cues(sent)
        if not (defence or money or "aid" in cues.classes):
            return None
        if "not_money" in cues.classes and cues.near("not_money", *_clause_window(s, a, b, 30, 25)):
            return None  # "revenue rose to €9.75 billion", "Russia's $2 trillion economy"
    phrase = _phrase(s, a, b, c.percent, ctx.lowered(sent) if ctx.lower_is_ignorecase(sent) else None)
    cues = ctx.cues(sent)

    if c.percent:
        if phrase.gdp:
            # A share of GDP counts when the sentence, or the one before, is about defence,
            # and the words just before are not about debt, deficits, trade...
            if cues.near("not_pct", a - 35, a) or value > _FIFTY:
                return None
            unit = "%GDP"
        elif phrase.change:
            if not spending or cues.near("not_pct", a - 45, b + 35):
                return None
            unit = "%"
        else:
            if phrase.of_other or value > _TEN or cues.near("not_pct", a - 45, b + 35):
                return None
            # A bare percentage is a share of GDP in a sentence (or after one) about
            # defence spending; a named target ("NATO's 2% target") needs defence only.
            named_target = _NOUN_KIND.get(phrase.noun or "") in ("target", "pledge") or (
                _near_kind(cues, phrase, within=25) in ("target", "pledge")  # "Allies agreed to 5%"
            )
            if not (spending or ctx.topics(prev)[1] or (named_target and defence)):
                return None
            unit = "%GDP"
        if phrase.change and (unit == "%" or _NOUN_KIND.get(phrase.noun or "") in ("increase", "decrease")):
            kind = "increase"
        elif phrase.noun and _NOUN_KIND.get(phrase.noun) in ("target", "pledge", "estimate", "aid"):
            kind = _NOUN_KIND[phrase.noun]
        else:
            kind = _near_kind(cues, phrase) or "other"
    else:
        unit = c.currency
        noun_kind = _NOUN_KIND.get(phrase.noun or "")
        if noun_kind == "aid" or "aid" in cues.classes:
            kind = "aid"
        elif noun_kind in ("target", "pledge", "estimate"):
            kind = noun_kind
        elif phrase.change:
            kind = "increase"
        else:
            kind = _near_kind(cues, phrase, skip_aid=True) or "other"

    if kind == "increase" and phrase.change == "decrease":
        value = -value
    start, end = sent.start + phrase.start, sent.start + phrase.end
    return _figure(
        _entity(ctx, sent, prev, phrase, kind, unit, a),
        float(value),
        unit,
        kind,
        _year(ctx, sent, phrase),
        ctx.text[start:end],
        (start, end),
    )


_figure = record_builder(Figure)


def extract_spending(text: str, *, sentences: list[Sentence] | None = None) -> list[Figure]:
    """Defence-spending, budget and military-aid figures in `text`, in text order.

    `sentences` is `split_sentences(text)` when the caller already has it.
    """
    candidates = _candidates(text)
    if not candidates:
        return []
    ctx = _Context(text, sentences)
    figures: list[Figure] = []
    last_end = -1
    last_sentence = -1  # where the sentence of the last figure starts
    for c in candidates:
        figure = _classify(ctx, c)
        if figure is None or figure.span[0] < last_end:
            continue  # overlapping phrases ("3-4%"): the first one wins
        sentence = ctx.sentence(c.start)[0].start  # (the figure's phrase is inside its candidate's sentence)
        if figure.kind == "other" and figures:
            # A list shares its first item's cue: "Poland is expected to spend 4.1%,
            # followed by Estonia (3.4%) and the United States (3.4%)".
            before = figures[-1]
            if sentence == last_sentence and before.unit == figure.unit and before.kind != "increase":
                figure = replace(figure, kind=before.kind)
        figures.append(figure)
        last_end = figure.span[1]
        last_sentence = sentence
    return figures
