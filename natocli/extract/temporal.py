"""Temporal expressions: find dates in cleaned article text and normalise them.

``extract_events(text, published=..., today=...)`` returns every temporal
expression of the text as an :class:`Event` with an inclusive ``start`` and
``end`` date and a ``precision`` (day, month, season, quarter, year, decade),
in text order. Words live in ``natocli/data/temporal_vocab.json`` and the named
NATO events (summits since 1949 and other fixed dates) in
``natocli/data/nato_events.json``; the patterns are in this module.

What is read
------------
* Absolute dates: "8 January 2026", "January 8, 2026", "8 Jan. 2026", NATO
  datelines "24 May. 2017", ISO "2026-01-08", "January 2026", years ("2026",
  "in 2024"), "mid-2025", "early July", "late 2024", "the remainder of 2026",
  quarters ("the first quarter of 2025", "Q3 2024"), halves ("H1 2025", "the
  first half of 2025"), fiscal years ("FY2025": the calendar year, since
  fiscal years differ by country), seasons ("summer 2023", "winter 2022/23")
  and decades ("the 1990s", "the early 2000s").
* Ranges: "between 7 and 8 January", "7-8 January 2026", "July 11-12",
  "30 June to 2 July 2025", "Monday, 25 April and Tuesday, 26 April 2016",
  "from 2014 to 2024", "2014-2024", "2024-25", "from January to March 2025".
  Two dates joined by "and" are one range only after "between", when both
  carry a weekday, or when they are consecutive days; "in 2014 and 2024" stays
  two events.
* Weekday forms: "Monday (27 January)", "on Wednesday (11 July 2018)",
  "Monday, 27 January", "on Tuesday".
* Relative expressions: "today", "yesterday", "tomorrow", "last night",
  "last/this/next week|weekend|month|quarter|year|<season>|<month>|<weekday>",
  "earlier/later this year", "the end of the year", "two weeks ago",
  "a year ago", "two weeks from now", "in three months' time". They are
  resolved against the document's published date, never against today; with
  no published date they are listed with start and end None and the precision
  the expression implies. A bare weekday ("on Tuesday") is the latest such day
  on or before the published date, or the next one on or after it when the
  sentence speaks of the future ("will", "is scheduled", ...). Weeks run
  Monday to Sunday; a week or a weekend is a range of days (precision "day").
* Named NATO events: "the Vilnius summit", "the NATO Summit in The Hague",
  "the 2018 Brussels summit", "the Wales Defence Investment Pledge". A year
  written with the summit picks that summit. Without one, among the summits
  of that place the choice is the upcoming one when it is less than 15 months
  after the reference date (the published date, else today) and nearer than
  the last one before it; otherwise the latest one on or before the reference
  date. Extraordinary summits are never "upcoming" (they were called at short
  notice). Places that also host other summits (Brussels, Paris, London,
  Washington, ...) count only when NATO, the Alliance or the Allies are named
  in the same paragraph, the year is given, or "Summit" is written as a name.
  When the place hosted more than one summit and no year is written,
  ``year_inferred`` is true. Other fixed events ("the Wales Defence Investment
  Pledge", "Russia's full-scale invasion of Ukraine") are found by their
  phrases; those that exist only once they happened are not matched in a text
  written before them.

Conventions
-----------
* Seasons are northern-hemisphere meteorological: spring March-May, summer
  June-August, autumn/fall September-November, winter December of the year
  named to February of the next ("winter 2022/23" is December 2022 to
  February 2023).
* "early / mid / late X" keep the precision of X: for a month, days 1-10,
  11-20 and 21-end ("early July" is month precision, 1-10 July); for a year,
  January-April, May-August and September-December ("late 2024" is year
  precision); for a season its first, second and third month; for a decade
  years 0-3, 4-6 and 7-9. "The beginning/start of" reads as early, "the
  middle of" as mid, "the end of" as late; "the first/second half of" is
  January-June/July-December (days 1-15/16-end of a month); "the remainder /
  rest / whole of X" is all of X.
* "by 2035", "since 2014", "until 2030", "before/after X": the event is X
  itself (start and end are those of 2035), and the preposition stays in the
  expression so the reader sees the relation. "in", "on", "at", "during" are
  left out of the expression.
* A bare four-digit number is a year only from 1900 to 2100 and not when it
  is a quantity ("2026 troops", unless a preposition such as "in" or "by"
  comes first), a money amount ("€2026"), a part of a number ("1,500",
  "2026.5"), an identifier ("Resolution 1973", "NATO/2024/12") or a piece of a
  phone number ("+32 2 707 2025"). Clock times ("11:45") and ambiguous numeric
  dates ("08/01/2026") are not dates; a numeric date is read only when it
  cannot be misread ("25/12/2025").
* Year inference, for a day or month written without a year, in this order:
  (1) a year stated in the same sentence (the nearest before it, else the
  nearest after it; a named event counts with its year); (2) the nearest year
  stated before it in the document -- in the same paragraph when the document
  has a published date, since background years of earlier paragraphs ("since
  2014", "in 2022 only seven Allies ...") say less about a news item than its
  date; (3) the document's published date; (4) when a weekday is written, the
  latest year, not after the published date (else today), in which that day
  falls on that weekday. A year from (1)-(3) that contradicts a written
  weekday is skipped. Targets and open periods ("by 2035", "until 2030",
  "since 2014"), decades and multi-year ranges are not used as anchors.
  When the anchor is a dated day or month, or the published date, a date in
  the next or previous year is taken instead when it lies within three months
  of the anchor and the same-year date more than six months away ("28
  December" in a text dated 5 January is the December before). Such events
  have ``year_inferred`` true. With no year to be had, start and end stay None
  and the event is still listed.
* Lines that are page stamps ("Last updated ...", "Published ...", "©": short,
  not ending like a sentence) are skipped. Overlapping matches: the longest
  wins ("Monday, 25 April and Tuesday, 26 April 2016" is one event).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import json
import operator
import os
import re
from dataclasses import dataclass
from pathlib import Path

from natocli.errors import BadInput
from natocli.extract import record_builder
from natocli.extract.sentences import Sentence, split_sentences

_DATA_DIR = Path(__file__).resolve().parent.parent / "data"

PRECISIONS = ("day", "month", "season", "quarter", "year", "decade")


@dataclass(frozen=True)
class Event:
    expression: str  # the text as written: "between 7 and 8 January", "the Vilnius summit"
    start: dt.date | None  # inclusive; None when no year can be known
    end: dt.date | None  # inclusive
    precision: str  # one of PRECISIONS
    year_inferred: bool
    span: tuple[int, int]  # character offsets of the expression in the text
    named: str | None = None  # a named NATO event's name from the data file


_event = record_builder(Event)


def resolve_today(today: dt.date | None = None) -> dt.date:
    """`today` if given, else the ISO date in NATOCLI_TODAY if set, else the calendar's today."""
    if today is not None:
        return today
    value = os.environ.get("NATOCLI_TODAY", "").strip()
    if value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise BadInput(f"NATOCLI_TODAY={value!r} is not an ISO date", hint="use e.g. 2026-01-31") from None
    return dt.date.today()


# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

_VOCAB = json.loads((_DATA_DIR / "temporal_vocab.json").read_text(encoding="utf-8"))
_EVENTS = json.loads((_DATA_DIR / "nato_events.json").read_text(encoding="utf-8"))


def _cased(forms: dict[str, int]) -> dict[str, int]:
    out: dict[str, int] = {}
    for form, value in forms.items():
        out[form] = value
        out[form.upper()] = value
    return out


_MONTH_FULL = _cased(_VOCAB["months"])
_MONTH_ABBR = _cased(_VOCAB["month_abbreviations"])
_MONTHS = {**_MONTH_FULL, **_MONTH_ABBR}
_WEEKDAY_FULL = _cased(_VOCAB["weekdays"])
_WEEKDAY_ABBR = _cased(_VOCAB["weekday_abbreviations"])
_WEEKDAYS = {**_WEEKDAY_FULL, **_WEEKDAY_ABBR}
_SEASONS = _VOCAB["seasons"]
_NUMBER_WORDS = _VOCAB["number_words"]
_QUANTITY_NOUNS = frozenset(w.lower() for w in _VOCAB["quantity_nouns"])
_ID_WORDS = frozenset(w.lower() for w in _VOCAB["id_words"])
_YEAR_PREPOSITIONS = frozenset(w.lower() for w in _VOCAB["year_prepositions"])
_KEPT = frozenset(w.lower() for w in _VOCAB["kept_prepositions"])
_WEEKDAY_NOT_DAY = frozenset(_VOCAB["weekday_names_not_days"])
_TODAY_NOT_DAY = frozenset(_VOCAB["relative_names_not_days"])


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# --------------------------------------------------------------------------
# Pattern pieces
# --------------------------------------------------------------------------
#
# Speed: the text is scanned once for tokens (runs of digits and the trigger
# words of _TRIGGERS, see _TOKEN_SCAN). Every other pattern is matched anchored
# at a token, and the words before it ("between", "by the end of", "Monday,")
# are read backwards word by word, so the cost grows with the number of dates
# rather than with the length of the text.

WS = r"[^\S\n]+"  # white space that does not cross a line (cleaned text has one paragraph a line)
WS0 = r"[^\S\n]*"
YEAR = r"(?:1[89]\d\d|20\d\d|2100)(?!\d)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
# Months: full names, or an abbreviation with an optional stop; "May." appears in NATO datelines.
MON = (
    r"(?<!\w)(?:"
    + "|".join(
        [re.escape(m) + r"(?!\w)" + (r"\.?" if m.lower() == "may" else "") for m in sorted(_MONTH_FULL, key=len, reverse=True)]
        + [re.escape(m) + r"(?!\w)\.?" for m in sorted(_MONTH_ABBR, key=len, reverse=True)]
    )
    + ")"
)
MONTH_WORD = r"(?<!\w)(?:" + _alt(_MONTHS) + r")(?!\w)"
MONTH_FULL = r"(?<!\w)(?:" + _alt(_MONTH_FULL) + r")(?!\w)"
WD_FULL = r"(?<!\w)(?:" + _alt(_WEEKDAY_FULL) + r")(?!\w)"
KEPT = r"(?<!\w)(?i:" + _alt(_KEPT) + r")"
NUMW = r"(?i:" + _alt(_NUMBER_WORDS) + r")"
SEASON = r"(?i:" + _alt(_SEASONS) + r")"
RANGE_WORD = r"(?:-|–|—|to|and|until|till|through|thru)"


def _c(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, re.VERBOSE | flags)


def _phrase_regex(phrases) -> str:
    """One alternation of literal phrases, longest first; either apostrophe and any spacing match."""
    parts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        parts.append(re.sub("['’]", "['’]", re.escape(p)).replace("\\ ", WS))
    return "|".join(dict.fromkeys(parts))


def _trie_regex(words, end: str | None = None) -> str:
    """An alternation of `words` factored as a character trie, longest forms first.

    With `end`, that pattern follows the end of every word ("(?!\\w)": whole words only) and the
    outermost alternatives are left bare, to be joined with others: every one then starts with
    a literal character, which the regex engine tests before it enters the alternative.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict, top: bool = False) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if end is not None:
            if "" in node:
                alts.append(end)
            return "|".join(alts) if top or len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(trie, top=True)


# Anchored at a run of one or two digits: "8 January 2026", "7-8 January", "between 7 and 8 January".
C_DAY = _c(
    rf"""(?P<d1>{DAY})(?:{WS0}(?P<conn>{RANGE_WORD}){WS0}(?P<d2>{DAY}))?{WS}(?:of{WS})?(?P<m>{MON})
    (?:,?{WS}(?P<y>{YEAR}))?"""
)
C_NUMERIC = _c(rf"""(?P<a>\d{{1,2}})(?P<sep>[/.])(?P<b>\d{{1,2}})(?P=sep)(?P<y>{YEAR})(?![/\-]\d|\.\d)""")
# Anchored at a run of four digits.
C_ISO = _c(
    rf"""(?P<y>{YEAR})(?P<sep>[-/])(?P<mo>0[1-9]|1[0-2])(?P=sep)(?P<d>0[1-9]|[12]\d|3[01])(?![\d/\-]|\.\d)"""
)
C_YEAR_RANGE = _c(
    rf"""(?P<y1>{YEAR})
    (?:{WS0}(?P<c1>[-–—/]){WS0}(?P<y2a>{YEAR}|\d\d(?!\d))|{WS}(?P<c2>(?i:to|and|until|till|through|thru)){WS}(?P<y2b>{YEAR}))
    (?![\w%]|[.,/\-–]\d)"""
)
C_DECADE = _c(r"(?P<y>(?:1[89]|20)\d0)['’]?s(?!\w)")
C_YEAR = _c(rf"""(?P<y>{YEAR})(?![\w%°]|[.,/]\d|{WS0}[-–—]{WS0}\d)""")
C_Q = _c(rf"""Q(?P<q>[1-4])(?:(?:{WS}(?:of{WS})?|[-/]|)(?P<y>{YEAR})|['’](?P<yy>\d\d)(?!\d))?(?!\w)""")
C_H = _c(rf"""H(?P<h>[12])(?:{WS}|-)?(?P<y>{YEAR})(?!\w)""")
# Anchored at a month name: "January 8, 2026", "July 11-12", "January 2026", "January-March 2025", "July".
C_MONTH = _c(
    rf"""(?P<m>{MON})
    (?:{WS}(?:the{WS})?(?P<d1>{DAY})(?:{WS0}(?P<conn>{RANGE_WORD}){WS0}(?P<d2>{DAY})(?!{WS}(?:of{WS})?{MONTH_WORD}))?
       (?![:%]|[.,]\d)(?:,?{WS}(?P<y>{YEAR}))?
     |,?{WS}(?:of{WS})?(?P<y2>{YEAR})
     |{WS0}(?P<conn2>-|–|—|to|and|until|till|through){WS0}(?P<m2>{MONTH_FULL})(?:,?{WS}(?P<y3>{YEAR}))?(?!['’]s)
    )?(?!['’]s)"""
)
# Anchored at a weekday: "Monday (27 January)", "Wednesday (11 July 2018)".
C_WD_PAREN = _c(
    rf"""(?P<wd>{WD_FULL}){WS0}\({WS0}
    (?:(?P<d>{DAY}){WS}(?:of{WS})?(?P<m>{MON})|(?P<m2>{MON}){WS}(?P<d2>{DAY}))
    (?:,?{WS}(?P<y>{YEAR}))?{WS0}\)"""
)
# Anchored at a season: "summer 2023", "winter 2022/23", "the summer of 2023".
C_SEASON = _c(rf"""(?P<s>{SEASON})(?:{WS}of)?{WS}(?P<y>{YEAR})(?:{WS0}[/–-]{WS0}(?P<y2>{YEAR}|\d\d(?!\d)))?""")
# Anchored at last/this/next/earlier/later: "last week", "this summer", "next March", "last night".
C_DEICTIC = _c(
    rf"""(?P<det>(?i:last|this|next|earlier{WS}this|later{WS}this)){WS}
    (?P<unit>(?i:week|weekend|month|year|quarter|night|morning|afternoon|evening)|{SEASON}|{MONTH_FULL}|{WD_FULL})(?!\w)"""
)
# Searched backwards from a trigger, in a short window ending at it.
B_QUARTER = _c(
    rf"""(?<!\w)(?:(?P<the>(?i:the)){WS})?(?P<ord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th)){WS}\Z"""
)
F_QUARTER_YEAR = _c(rf"""(?:{WS}of)?{WS}(?P<y>{YEAR})""")
B_COUNT = _c(
    rf"""(?<!\w)(?P<n>{NUMW}|\d{{1,3}})(?:-|{WS})(?P<u>(?i:day|week|month|year))s?(?P<apos>['’])?{WS}
    (?P<from>(?i:from){WS})?\Z"""
)
B_IN = _c(rf"""(?<!\w)(?i:in){WS}\Z""")
B_END_OF = _c(
    rf"""(?:(?P<prep>{KEPT}){WS})?(?:(?P<the>(?i:the)){WS})?(?<!\w)
    (?P<mod2>(?i:beginning|start|end|middle|first{WS}half|second{WS}half|remainder|rest)){WS}of{WS}(?i:the){WS}\Z"""
)
B_DAY_BEFORE = _c(rf"""(?<!\w)(?P<x>(?i:the{WS}day{WS}(?:before|after))){WS}\Z""")
B_RANGE_PRE = _c(rf"""(?<!\w)(?P<pre>(?i:between|from)){WS}\Z""")
_CONNECTOR = re.compile(rf"{WS0}(?P<c>-|–|—|(?i:to|until|till|through|thru|and)){WS0}\Z")

# Named summits: "the Vilnius summit", "the 2023 NATO summit in Vilnius", "the NATO Summit in The Hague".
_SUMMITS = [
    {
        "name": s["name"],
        "places": tuple(s["places"]),
        "start": dt.date.fromisoformat(s["start"]),
        "end": dt.date.fromisoformat(s["end"]),
        "extraordinary": bool(s.get("extraordinary")),
    }
    for s in _EVENTS["summits"]
]
_SUMMITS.sort(key=lambda s: s["start"])
_SHARED_PLACES = frozenset(_EVENTS["shared_name"])
_PLACE_KEY: dict[str, str] = {}
for _s in _SUMMITS:
    for _p in _s["places"]:
        _PLACE_KEY[_p] = _s["places"][0]
_SUMMITS_BY_PLACE: dict[str, list[dict]] = {}
for _s in _SUMMITS:
    _SUMMITS_BY_PLACE.setdefault(_s["places"][0], []).append(_s)
PLACES = r"(?:" + _trie_regex(_PLACE_KEY) + r")(?!\w)"
SUMMIT = r"(?:[Ss]ummit|SUMMIT|[Ll]eaders['’]?" + WS + r"[Mm]eeting)(?!\w)"
F_SUMMIT_YEAR = _c(rf"""{SUMMIT}(?:{WS}(?:in|of){WS}(?P<y>{YEAR}))?""")
F_SUMMIT_IN = _c(
    rf"""{SUMMIT}{WS}(?:(?:held|hosted|taking{WS}place|to{WS}be{WS}held){WS})?(?:in|at|of){WS}(?P<place>{PLACES})
    (?:{WS}in{WS}(?P<y3>{YEAR})|,?{WS}(?:{MONTH_WORD}{WS})?(?P<y4>{YEAR}))?"""
)
# Places by their last word, to read "the Vilnius summit" backwards from "summit".
_PLACES_BY_LAST_WORD: dict[str, list[str]] = {}
for _p in sorted(_PLACE_KEY, key=len, reverse=True):
    _PLACES_BY_LAST_WORD.setdefault(re.search(r"[\w'’.,\-]+$", _p).group(0), []).append(_p)
_NATO_WORDS = frozenset({"NATO", "Allied", "Alliance", "alliance", "Allies'", "Allies’"})
_NATO_POSSESSIVE = frozenset({"NATO's", "NATO’s", "NATO'S"})
_YEAR_WORD = re.compile(YEAR + r"\Z")
_FIXED = []
for _f in _EVENTS["fixed"]:
    _FIXED.append(
        {
            "name": _f["name"],
            "start": dt.date.fromisoformat(_f["start"]),
            "end": dt.date.fromisoformat(_f["end"]),
            "only_after": bool(_f.get("only_after")),
            "keys": {" ".join(p.lower().replace("’", "'").split()) for p in _f["phrases"]},
        }
    )
# For each trigger word, one pattern of the phrases that hold it.
_FIXED_BY_TRIGGER: dict[str, re.Pattern[str]] = {}
for _t in {t.lower() for f in _EVENTS["fixed"] for t in f["triggers"]}:
    _phrases = [p for f in _EVENTS["fixed"] for p in f["phrases"] if _t in re.findall(r"\w+", p.lower())]
    _FIXED_BY_TRIGGER[_t] = re.compile(r"(?<!\w)(?:" + _phrase_regex(_phrases) + r")(?!\w)", re.IGNORECASE)


def _fixed_triggers() -> set[str]:
    """The words whose presence makes the fixed phrases worth a look."""
    words = set()
    for f in _EVENTS["fixed"]:
        for w in f["triggers"]:
            words.update({w, w.lower(), w[:1].upper() + w[1:]})
    return words


_NATO_CONTEXT_WORDS = ("NATO", "Alliance", "Allies", "Allied", "North Atlantic")
_FUTURE = re.compile(r"(?<!\w)(?:" + _phrase_regex(_VOCAB["future_markers"]) + r")(?!\w)", re.IGNORECASE)
_CHROME_STARTS = tuple(p.lower() for p in _VOCAB["chrome_line_starts"])
_CHROME_ANYWHERE = tuple(p.lower() for p in _VOCAB["chrome_anywhere"])
_CHROME_MAX_LINE = 160
# A stamp written inside a longer line: "... | Last updated: 17 Feb. 2021 19:34". Only capitalised, as
# a label is: "the report was published on 8 January" is article text.
_STAMP_BEFORE = re.compile(
    r"(?<!\w)(?:" + _phrase_regex({f for w in _VOCAB["stamp_words"] for f in (w[:1].upper() + w[1:], w.upper())})
    + r")(?:" + WS + r"(?i:on))?" + WS0 + r":?" + WS0 + r"\Z"
)


def _cases(words) -> set[str]:
    out = set()
    for w in words:
        out.update({w, w.lower(), w[:1].upper() + w[1:], w.upper()})
    return out


# Trigger words, each with the kinds of expression it may start.
_TRIGGERS: dict[str, tuple[str, ...]] = {}


def _trigger(words, kind: str) -> None:
    for w in words:
        if kind not in _TRIGGERS.get(w, ()):
            _TRIGGERS[w] = _TRIGGERS.get(w, ()) + (kind,)


_trigger(_MONTHS, "month")
_trigger(_WEEKDAY_FULL, "weekday")
_trigger(_cases(["today", "tonight", "yesterday", "tomorrow"]), "simple")
_trigger(["last", "Last", "this", "This", "next", "Next", "earlier", "Earlier", "later", "Later"], "deictic")
_trigger(["ago", "hence", "now", "time"], "count")
_trigger(["year", "month", "week"], "end_of")
_trigger(["summit", "Summit", "SUMMIT", "Meeting"], "summit")
_trigger(_fixed_triggers(), "fixed")
# Seasons and quarters are found from their year ("summer 2023", "the first quarter of 2025"),
# page stamps from the line of each match: neither needs a trigger of its own.
_RANGE_WORDS_AFTER = (" to ", " and ", " until ", " till ", " through ", " thru ", " To ", " And ")
_GLUED = ("mid", "end", "early", "late")  # modifiers written with a hyphen: "mid-2025", "end-2026"
# Scanning: a token is a run of digits or a trigger word that follows a space, a line break, an
# opening bracket or a hyphen, or starts the text; Q1-Q4, H1/H2 and FY are the only letters glued
# to a number that count. The regex engine finds a pattern that starts with one literal character
# much faster than one that starts with a class, so the scan runs over a copy of the text in which
# the other leads are spaces (same length, same offsets), and the token alternatives all start with
# a literal or a class that is tested before the alternative is entered (see _trie_regex).
_TOKEN_BODY = (
    r"(?:\d\d*|" + _trie_regex(_TRIGGERS, end=r"(?!\w)")
    + r"|[QH](?=\d)|FY|Fiscal(?=[^\S\n]+[Yy]ear)|fiscal(?=[^\S\n]+[Yy]ear))"
)
_TOKEN_SCAN = re.compile(" " + _TOKEN_BODY)
_LEADS_AS_SPACES = ("\n", "(", "-")
_TOKEN_AT_START = re.compile(_TOKEN_BODY)
C_FY_FULL = _c(rf"""(?:FY|(?i:fiscal){WS}(?i:year))(?:{WS0}|-)(?P<y>{YEAR}|\d\d(?!\d))(?!\w)""")


# --------------------------------------------------------------------------
# Candidates
# --------------------------------------------------------------------------


class _Cand:
    """A match before resolution. lo/hi are (year offset, month, day), day -1 = last day of the month.

    kind is "cal", "rel" or "named"; prio breaks ties between matches of one length (lower wins);
    bounds maps a year to _bounds(self, year), filled as years are tried."""

    __slots__ = (
        "start", "end", "kind", "prio", "precision", "year", "lo", "hi", "mod", "wd", "prep",
        "rel", "named", "nstart", "nend", "inferred", "cls", "bounds",
    )


# Candidates are built by the three functions below, which set every field positionally: a call with
# many keyword parameters costs more than the rest of a short match, and a text has many matches.
_new_cand = _Cand.__new__


def _cal(start, end, precision, year, lo, hi, mod=None, prep=None, cls=None, wd=None) -> _Cand:
    """A calendar date or period; `cls` is its range-merge class ("day", "month", "year" or None)."""
    c = _new_cand(_Cand)
    c.start = start
    c.end = end
    c.kind = "cal"
    c.precision = precision
    c.prio = 1
    c.year = year
    c.lo = lo
    c.hi = hi
    c.mod = mod
    c.wd = wd
    c.prep = prep
    c.rel = c.named = c.nstart = c.nend = c.bounds = None
    c.inferred = False
    c.cls = cls
    return c


def _rel(start, end, precision, prio, rel, mod=None, prep=None) -> _Cand:
    """An expression relative to the published date; `rel` says how to resolve it (_resolve_relative)."""
    c = _new_cand(_Cand)
    c.start = start
    c.end = end
    c.kind = "rel"
    c.precision = precision
    c.prio = prio
    c.rel = rel
    c.mod = mod
    c.prep = prep
    c.year = c.lo = c.hi = c.wd = c.named = c.nstart = c.nend = c.cls = c.bounds = None
    c.inferred = False
    return c


def _named(start, end, name, nstart, nend, inferred=False) -> _Cand:
    """A named NATO event with its dates."""
    c = _new_cand(_Cand)
    c.start = start
    c.end = end
    c.kind = "named"
    c.precision = "day"
    c.prio = 0
    c.named = name
    c.nstart = nstart
    c.nend = nend
    c.inferred = inferred
    c.year = c.lo = c.hi = c.mod = c.wd = c.prep = c.rel = c.cls = c.bounds = None
    return c


def _num(s: str) -> int:
    return int(s.rstrip("stndrh"))


def _month(s: str) -> int:
    return _MONTHS[s.rstrip(".")]



def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


_OPENERS = "([{\"'“‘"


def _word_before(text: str, pos: int) -> tuple[str, int]:
    """The word ending in the white space just before `pos` (on the same line) and where it starts.

    The word keeps its trailing punctuation ("Monday,", "Jan.") but not an opening bracket or quote;
    ("", pos) when there is none.
    """
    end = pos - 1
    if end < 1 or (text[end] != " " and text[end] != "\t"):
        return "", pos
    while end > 0 and (text[end - 1] == " " or text[end - 1] == "\t"):
        end -= 1
    start = text.rfind(" ", end - 40 if end > 40 else 0, end) + 1
    word = text[start:end]
    if not word.isprintable() or (not start and end > 40):
        # A tab or a line break in the word, or a word longer than 40 characters: look char by char.
        start = end
        while start > 0 and text[start - 1] not in " \t\n":
            start -= 1
        word = text[start:end]
    if word[:1] in _OPENERS:
        stripped = word.lstrip(_OPENERS)
        start += len(word) - len(stripped)
        word = stripped
    return word, start


def _prev_word(text: str, pos: int) -> str:
    return _word_before(text, pos)[0].rstrip(".,")


class _Prefix:
    """The words that may stand before a date ("by the end of", "between", "Monday,", "the").

    Each part is None (the class default) until _prefix finds it."""

    prep = prep_at = ip_at = pre = pre_at = mod = mod_at = wd = wd_at = the_at = None


_MOD_WORDS = {"early": "early", "mid": "mid", "late": "late"}


def _glued_modifier(text: str, pos: int) -> str | None:
    """"mid", "end", "early" or "late" joined by a hyphen to the word at `pos`, if any."""
    if pos < 4 or text[pos - 1] not in "-–":
        return None
    for word in _GLUED:
        start = pos - 1 - len(word)
        if start >= 0 and text[start:pos - 1].lower() == word and (start == 0 or not _is_word_char(text[start - 1])):
            return word
    return None
_MOD_OF_WORDS = {"beginning": "early", "start": "early", "end": "late", "middle": "mid", "remainder": "remainder",
                 "rest": "rest", "whole": "whole", "entirety": "entirety"}
_IP_WORDS = frozenset({"in", "during", "through", "throughout"})
# The words _prefix may read first (a weekday aside); with any other word before it a date has no prefix.
_PREFIX_WORDS = frozenset({"the", "of", "between", "from", *_MOD_WORDS, *_KEPT, *_IP_WORDS})


def _prefix(text: str, pos: int, word_before: tuple[str, int] | None = None) -> _Prefix | None:
    """Read backwards from `pos`, in this order: "the", a weekday, a modifier ("early", "mid-", "the end
    of"), "between"/"from", then a kept preposition ("by", "since") or "in"/"during".

    `word_before` is ``_word_before(text, pos)`` when the caller has read it already."""
    p = pos
    glued = _glued_modifier(text, p) if p >= 4 and text[p - 1] in "-–" else None
    if not glued:
        w, s = word_before or _word_before(text, p)
        wl = w.lower().rstrip(",")
        if wl not in _PREFIX_WORDS and w.rstrip(",").rstrip(".") not in _WEEKDAYS:
            return None  # most dates have none of these words before them
    r = _Prefix()
    found = False
    if glued:
        r.mod, r.mod_at, found = _MOD_OF_WORDS.get(glued, glued), p - len(glued) - 1, True
        p = r.mod_at
        w, s = _word_before(text, p)
        wl = w.lower()
    else:
        if wl == "the":
            r.the_at, p, found = s, s, True
            w, s = _word_before(text, p)
            wl = w.lower().rstrip(",")
        wd = _WEEKDAYS.get(w.rstrip(",").rstrip("."))
        if wd is not None:
            r.wd, r.wd_at, p, found = wd, s, s, True
            w, s = _word_before(text, p)
            wl = w.lower().rstrip(",")
        if wl in _MOD_WORDS:
            r.mod, r.mod_at, p, found = _MOD_WORDS[wl], s, s, True
            w, s = _word_before(text, p)
            wl = w.lower()
        elif wl == "of":
            w2, s2 = _word_before(text, s)
            w2l = w2.lower()
            mod = _MOD_OF_WORDS.get(w2l)
            if w2l == "half":
                w3, s3 = _word_before(text, s2)
                if w3.lower() in ("first", "second"):
                    mod, s2 = w3.lower() + " half", s3
            if mod:
                r.mod, r.mod_at, p, found = mod, s2, s2, True
                w, s = _word_before(text, p)
                wl = w.lower()
            elif not found:
                r.ip_at, p, found = s, s, True
                w, s = _word_before(text, p)
                wl = w.lower()
    if r.mod_at is not None:
        if wl == "very":
            r.mod_at, p = s, s
            w, s = _word_before(text, p)
            wl = w.lower()
        if wl == "the":
            r.mod_at, p = s, s
            w, s = _word_before(text, p)
            wl = w.lower()
    if wl in ("between", "from"):
        r.pre, r.pre_at, p, found = wl, s, s, True
        w, s = _word_before(text, p)
        wl = w.lower()
    if wl in _KEPT:
        r.prep, r.prep_at, found = wl, s, True
    elif wl in _IP_WORDS and r.ip_at is None:
        r.ip_at, found = s, True
    return r if found else None


def _first(b: _Prefix | None, names, default: int) -> int:
    """The earliest start among the prefix parts `names` present in `b`, else `default`."""
    if b is None:
        return default
    starts = [getattr(b, n) for n in names if getattr(b, n) is not None]
    return min(starts) if starts else default


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _valid(year: int, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    if month == 2 and day == 29:
        return calendar.isleap(year)
    return day <= _MONTH_DAYS[month]


def _day(start, end, d, mo, y, wd=None, prep=None) -> _Cand | None:
    if not _valid(y if y else 2000, mo, d):  # 29 February stays possible until a year is known
        return None
    return _cal(start, end, "day", y, (0, mo, d), (0, mo, d), None, prep, "day", wd)


def _day_range(start, end, d1, d2, mo, y) -> _Cand | None:
    if d1 >= d2 or not _valid(y or 2000, mo, d2):
        return None
    return _cal(start, end, "day", y, (0, mo, d1), (0, mo, d2))


def _candidates(text: str, reference: dt.date) -> list[_Cand]:
    """Every possible match, overlapping ones included."""
    out: list[_Cand] = []
    add = out.append
    scanned = text
    for lead in _LEADS_AS_SPACES:
        scanned = scanned.replace(lead, " ")
    tokens = [(t.start() + 1, t.end()) for t in _TOKEN_SCAN.finditer(scanned)]
    first = _TOKEN_AT_START.match(text)
    if first is not None:
        tokens.append((0, first.end()))
    for p, end in tokens:
        if p and text[p - 1] == "-" and _glued_modifier(text, p) is None:
            continue  # after a hyphen only "mid-2025", "end-2026", "mid-July" matter
        tok = text[p:end]
        c0 = tok[0]
        if c0.isdigit():
            _digits(add, text, p, end)
        elif tok in _TRIGGER_HANDLERS:
            for handler in _TRIGGER_HANDLERS[tok]:
                handler(add, text, tok, p, end, reference)
        elif c0 in "QH" and len(tok) == 1:
            m = (C_Q if c0 == "Q" else C_H).match(text, p)
            if m:
                _quarter_or_half(add, m, c0)
        else:
            m = C_FY_FULL.match(text, p)
            if m:
                raw = m.group("y")
                y = int(raw) if len(raw) == 4 else 2000 + int(raw)
                add(_cal(m.start(), m.end(), "year", y, (0, 1, 1), (0, 12, -1)))
    return out


_AFTER_DAY = "stnrau-–—"  # the first letters of "st", "nd", "rd", "th", "to", "and", "until", ...; dashes


def _digits(add, text: str, p: int, q: int) -> None:
    size = q - p
    n = len(text)
    before = text[p - 1] if p else " "
    if size <= 2:
        if before in ".,:/-–$€£" or q == n:
            return
        nxt = text[q]
        # C_DAY goes on with an ordinal suffix, a range word or white space: not with "%", ",", ...
        if nxt in _AFTER_DAY or (nxt.isspace() and nxt != "\n"):
            m = C_DAY.match(text, p)
            if m:
                _day_match(add, text, m, p)
        if nxt in "/.":
            m = C_NUMERIC.match(text, p)
            if m:
                _numeric(add, m)
        return
    if size != 4:
        return
    mid = before in "-–" and _glued_modifier(text, p) is not None
    if before in ".,/€$£¥#+:" or (before in "-–" and not mid):
        return
    nxt = text[q] if q < n else " "
    if nxt in "-/":
        m = C_ISO.match(text, p)
        if m:
            c = _day(p, m.end(), int(m.group("d")), int(m.group("mo")), int(m.group("y")))
            if c:
                add(c)
            return
    if not mid and (nxt in "-–—/" or (nxt == " " and text.startswith(_RANGE_WORDS_AFTER, q))):
        m = C_YEAR_RANGE.match(text, p)
        if m:
            _year_range(add, text, m, p)
    if nxt in "s'’":
        m = C_DECADE.match(text, p)
        if m:
            b = _prefix(text, p)
            add(_cal(_first(b, ("the_at", "mod_at"), p), m.end(), "decade", int(m.group("y")), (0, 1, 1), (9, 12, -1),
                     b.mod if b else None))
            return
    word_before = w, s = _word_before(text, p)
    wl = w.lower()
    if wl == "of":
        w2, s2 = _word_before(text, s)
        if w2.lower() in _SEASONS or w2.lower() == "quarter":
            w, s, wl = w2, s2, w2.lower()
    if wl in _SEASONS and _season_match(add, text, w, s):
        return
    if wl == "quarter":
        b = B_QUARTER.search(text, max(0, s - 16), s)
        if b and _ordinal_quarter(add, text, b, s + len(w)):
            return
    m = C_YEAR.match(text, p)
    if m:
        y = int(text[p:q])  # the group "y", all of the token
        if not 1900 <= y <= 2100:
            return
        b = _prefix(text, p, word_before)
        mod = b.mod if b else None
        prep = b.prep if b else None
        if not prep and not mod and not _bare_year_ok(text, p, m.end(), word_before[0]):
            return
        start = _first(b, ("prep_at", "mod_at"), p) if (prep or mod) else p
        add(_cal(start, m.end(), "year", y, (0, 1, 1), (0, 12, -1), mod, prep, "year"))


def _on_weekday(add, text, word, p, end, reference) -> None:
    m = C_WD_PAREN.match(text, p)
    if m:
        d = m.group("d") or m.group("d2")
        mo = m.group("m") or m.group("m2")
        y = int(m.group("y")) if m.group("y") else None
        c = _day(p, m.end(), _num(d), _month(mo), y, _WEEKDAY_FULL[m.group("wd")])
        if c:
            add(c)
    if _prev_word(text, p) in _WEEKDAY_NOT_DAY or (p and text[p - 1] == "-"):
        return  # "Super Tuesday", "Good Friday"
    add(_rel(p, end, "day", 3, ("weekday", None, _WEEKDAY_FULL[word])))


def _on_simple(add, text, word, p, end, reference) -> None:
    _simple(add, text, word, p, end)


def _on_count(add, text, word, p, end, reference) -> None:
    _count(add, text, word, p, end)


def _on_end_of(add, text, word, p, end, reference) -> None:
    if text[max(0, p - 7):p].lower() != "of the ":
        return
    b = B_END_OF.search(text, max(0, p - 40), p)
    if b and not re.match(rf"{WS}\d", text[end:end + 3]):
        prep = b.group("prep").lower() if b.group("prep") else None
        start = min(b.start(g) for g in ("prep", "the", "mod2") if b.group(g))
        add(_rel(start, end, "day" if word == "week" else word, 2, ("unit", "this", word), _mod_of_end(b), prep))


def _on_summit(add, text, word, p, end, reference) -> None:
    if word[0] in "mM" and "eaders" not in text[max(0, p - 12):p]:
        return
    if word == "Meeting":  # "the London Leaders' Meeting": read from "Leaders'"
        w, s = _word_before(text, p)
        if not w.lower().startswith("leaders"):
            return
        p = s
    # "the 2023 Vilnius NATO summit (in 2023)": the place comes before.
    q = p
    w, s = _word_before(text, q)
    if w in _NATO_WORDS:
        q = s
        w, s = _word_before(text, q)
    years = []
    if _YEAR_WORD.match(w):
        years.append(w)
        q = s
        w, s = _word_before(text, q)
    for place in _PLACES_BY_LAST_WORD.get(w, ()):
        ps = s + len(w) - len(place)
        if ps >= 0 and text.startswith(place, ps) and (ps == 0 or not _is_word_char(text[ps - 1])):
            f = F_SUMMIT_YEAR.match(text, p)
            if f.group("y"):
                years.append(f.group("y"))
            start = _summit_left(text, ps, years)
            c = _summit_cand(start, f.end(), place, years, text, reference, word[0].isupper())
            if c:
                add(c)
            break
    # "the NATO Summit in The Hague (in 2025)": the place comes after.
    f = F_SUMMIT_IN.match(text, p)
    if f:
        years = [y for y in (f.group("y3"), f.group("y4")) if y]
        start = _summit_left(text, p, years)
        c = _summit_cand(start, f.end(), f.group("place"), years, text, reference, word[0].isupper())
        if c:
            add(c)


def _summit_left(text: str, pos: int, years: list) -> int:
    """Extend a summit back over "the", a year and NATO ("the 2023 NATO ..."); years found are added."""
    start = pos
    for _ in range(4):
        w, s = _word_before(text, start)
        if w in _NATO_WORDS or w in _NATO_POSSESSIVE:
            start = s
        elif _YEAR_WORD.match(w):
            years.append(w)
            start = s
        elif w in ("the", "The"):
            return s
        else:
            break
    return start


def _on_fixed(add, text, word, p, end, reference) -> None:
    lo, hi = _line_window(text, p, 60, 60)
    for m in _FIXED_BY_TRIGGER[word.lower()].finditer(text, lo, hi):
        if m.start() <= p < m.end():
            _fixed(add, m, reference)


def _after_stamp(text: str, pos: int) -> bool:
    """Does a page stamp ("Last updated:", "Published on") come right before `pos`?"""
    window = text[max(0, pos - 24):pos]
    if "pdated" not in window and "ublished" not in window and "osted" not in window and "odified" not in window:
        return False
    return _STAMP_BEFORE.search(text, max(0, pos - 24), pos) is not None


def _chrome_lines(text: str, cands: list[_Cand]) -> set[int]:
    """Starts of the lines holding a match that are page stamps ("Last updated ...", "Published ...", "©").

    A stamp line is short, does not end like a sentence, and starts with a stamp phrase or holds one.
    """
    out: set[int] = set()
    seen: set[int] = set()
    line_start = line_end = 0  # the line of the last match: most matches follow one on their line
    for c in cands:
        if line_start <= c.start < line_end:
            continue
        line_start = text.rfind("\n", 0, c.start) + 1
        line_end = text.find("\n", c.start)
        if line_end < 0:
            line_end = len(text)
        if line_start in seen:
            continue
        seen.add(line_start)
        if line_end - line_start > _CHROME_MAX_LINE:
            continue
        line = text[line_start:line_end].strip().lower()
        if line.endswith((".", "!", "?")) and line[:1] != "©":
            continue  # a sentence of the article ("The report was published on 8 January.")
        if line.startswith(_CHROME_STARTS) or any(a in line for a in _CHROME_ANYWHERE):
            out.add(line_start)
    return out



def _line_window(text: str, pos: int, back: int, ahead: int) -> tuple[int, int]:
    lo = max(0, pos - back, text.rfind("\n", max(0, pos - back), pos) + 1)
    nl = text.find("\n", pos, pos + ahead)
    hi = nl if nl >= 0 else min(len(text), pos + ahead)
    return lo, hi


def _mod_of_end(b: re.Match) -> str:
    word = " ".join(b.group("mod2").lower().split())
    return {"beginning": "early", "start": "early", "end": "late", "middle": "mid"}.get(word, word)


def _day_match(add, text: str, m: re.Match, p: int) -> None:
    b = _prefix(text, p)
    d1, d2, month, y = m.group("d1", "d2", "m", "y")
    y = int(y) if y else None
    mo = _month(month)
    prep = b.prep if b else None
    if d2:
        c = _day_range(_first(b, ("pre_at", "prep_at"), p), m.end(), _num(d1), _num(d2), mo, y)
        if c:
            c.prep = prep
            add(c)
            return
        # Not a range after all ("30 to 2 July"): the day next to the month stands alone.
        c = _day(m.start("d2"), m.end(), _num(d2), mo, y)
        if c:
            add(c)
        return
    wd = b.wd if b else None
    groups = ("prep_at", "wd_at", "the_at") if d1[-1:].isalpha() else ("prep_at", "wd_at")
    c = _day(_first(b, groups, p), m.end(), _num(d1), mo, y, wd, prep)
    if c:
        add(c)


def _numeric(add, m: re.Match) -> None:
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    if a == b:
        d, mo = a, a
    elif a > 12 >= b:
        d, mo = a, b
    elif b > 12 >= a:
        d, mo = b, a
    else:
        return  # "08/01/2026": day-first or month-first, not guessed
    c = _day(m.start(), m.end(), d, mo, y)
    if c:
        add(c)


def _year_range(add, text: str, m: re.Match, p: int) -> None:
    y1 = int(m.group("y1"))
    if m.group("y2a"):
        raw = m.group("y2a")
        y2 = int(raw) if len(raw) == 4 else (y1 // 100) * 100 + int(raw)
        if m.group("c1") == "/" and len(raw) == 4 and y2 != y1 + 1:
            return  # "2016/2020" is more likely a reference number than a range
    else:
        y2 = int(m.group("y2b"))
    pre = B_RANGE_PRE.search(text, max(0, p - 9), p)
    if m.group("c2") and m.group("c2").lower() == "and" and not (pre and pre.group("pre").lower() == "between"):
        return  # "in 2014 and 2024" are two years
    if not (1900 <= y1 < y2 <= 2100 and y2 - y1 <= 100):
        return
    start = pre.start() if pre else p
    add(_cal(start, m.end(), "year", y1, (0, 1, 1), (y2 - y1, 12, -1)))


def _quarter_or_half(add, m: re.Match, letter: str) -> None:
    if letter == "Q":
        q = int(m.group("q"))
        y = int(m.group("y")) if m.group("y") else (2000 + int(m.group("yy")) if m.group("yy") else None)
        add(_cal(m.start(), m.end(), "quarter", y, (0, 3 * q - 2, 1), (0, 3 * q, -1)))
    else:
        mod = "first half" if m.group("h") == "1" else "second half"
        add(_cal(m.start(), m.end(), "year", int(m.group("y")), (0, 1, 1), (0, 12, -1), mod))


def _ordinal_quarter(add, text: str, b: re.Match, end: int) -> bool:
    """"the first quarter of 2025"; `b` holds the ordinal before the word quarter, which ends at `end`."""
    f = F_QUARTER_YEAR.match(text, end)
    if f is None:
        return False
    q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}.get(b.group("ord").lower(), 4)
    add(_cal(b.start(), f.end(), "quarter", int(f.group("y")), (0, 3 * q - 2, 1), (0, 3 * q, -1)))
    return True


def _on_month(add, text: str, word: str, p: int, end: int, reference: dt.date) -> None:
    m = C_MONTH.match(text, p)
    if m is None:
        return
    b = _prefix(text, p)
    month, d1, d2, y, y2, m2, conn2, y3 = m.group("m", "d1", "d2", "y", "y2", "m2", "conn2", "y3")
    mo = _month(month)
    prep = b.prep if b else None
    if d1:
        y = int(y) if y else None
        if d2:
            c = _day_range(_first(b, ("pre_at", "prep_at", "wd_at"), p), m.end(), _num(d1), _num(d2), mo, y)
            if c:
                add(c)
                return
            # "June 30 - July 2" is two dates joined; keep the first one.
            end = m.end("d1")
        else:
            end = m.end()
        wd = b.wd if b else None
        if y is not None and end != m.end():
            y = None
        c = _day(_first(b, ("prep_at", "wd_at"), p), end, _num(d1), mo, y, wd, prep)
        if c:
            add(c)
        return
    mod = b.mod if b else None
    if y2:
        start = _first(b, ("prep_at", "mod_at"), p) if (prep or mod) else p
        add(_cal(start, m.end(), "month", int(y2), (0, mo, 1), (0, mo, -1), mod, prep, "month"))
        return
    if m2:
        conn = conn2.lower()
        if conn == "and" and not (b is not None and b.pre == "between"):
            pass  # "March and April" may be two months
        else:
            m2 = _MONTHS[m2]
            y = int(y3) if y3 else None
            if y is not None and m2 < mo:
                y -= 1  # "December-February 2025": the range ends in the year written
            start = _first(b, ("pre_at", "prep_at"), p)
            add(_cal(start, m.end(), "month", y, (0, mo, 1), (1 if m2 < mo else 0, m2, -1)))
            return
    name = month.rstrip(".")
    if name not in _MONTH_FULL:
        return  # a bare abbreviation is not a date
    if b is None or not (prep or mod or b.ip_at is not None or b.pre):
        return  # a month name alone may be a name or a verb ("May", "March")
    end = p + len(name)
    if text[end:end + 2] in ("'s", "’s"):
        return
    start = _first(b, ("prep_at", "mod_at"), p) if (prep or mod) else p
    add(_cal(start, end, "month", None, (0, mo, 1), (0, mo, -1), mod, prep, "month"))


def _season_match(add, text: str, word: str, p: int) -> bool:
    """"summer 2023", "the summer of 2023", "winter 2022/23"; `word` is the season at `p`."""
    m = C_SEASON.match(text, p)
    if m is None:
        return False
    b = _prefix(text, p)
    if word == "fall" and b is None and _prev_word(text, p).lower() not in _YEAR_PREPOSITIONS:
        return False  # "prices fall 2023" is a verb
    y = int(m.group("y"))
    if m.group("y2"):
        raw = m.group("y2")
        y2 = int(raw) if len(raw) == 4 else (y // 100) * 100 + int(raw)
        if y2 != y + 1:
            return False
    prep = b.prep if b else None
    start = _first(b, ("prep_at", "mod_at", "the_at"), p)
    add(_season_cand(start, m.end(), _SEASONS[word.lower()], y, b.mod if b else None, prep))
    return True


def _simple(add, text: str, word: str, p: int, end: int) -> None:
    w = word.lower()
    before = _prev_word(text, p)
    if before.lower() == "of" or (w == "today" and word[0] == "T" and before in _TODAY_NOT_DAY):
        return  # "the challenges of tomorrow", "USA Today"
    offset = {"yesterday": -1, "tomorrow": 1}.get(w, 0)
    start = p
    if w in ("yesterday", "tomorrow"):
        b = B_DAY_BEFORE.search(text, max(0, p - 20), p)
        if b:
            start, offset = b.start(), offset * 2
    add(_rel(start, end, "day", 2, ("day", offset)))


def _on_deictic(add, text: str, word: str, p: int, end: int, reference: dt.date) -> None:
    m = C_DEICTIC.match(text, p)
    if m is None:
        return
    det = " ".join(m.group("det").lower().split())
    unit_raw = m.group("unit")
    unit = unit_raw.lower()
    if unit in ("night", "morning", "afternoon", "evening"):
        if (det, unit) == ("last", "night"):
            add(_rel(p, m.end(), "day", 2, ("day", -1)))
        elif det == "this" and unit != "night":
            add(_rel(p, m.end(), "day", 2, ("day", 0)))
        return
    if det in ("last", "next") and _prev_word(text, p).lower() in ("the", "this", "that", "a"):
        return  # "over the last year", "in the next month" are durations
    b = _prefix(text, p)
    mod = b.mod if b else None
    if det == "earlier this":
        det, mod = "this", "earlier"
    elif det == "later this":
        det, mod = "this", "later"
    prep = b.prep if b else None
    start = _first(b, ("prep_at", "mod_at"), p) if (prep or (b and b.mod)) else p
    if unit_raw in _MONTH_FULL:
        rel, precision = ("monthname", det, _MONTH_FULL[unit_raw]), "month"
    elif unit_raw in _WEEKDAY_FULL:
        rel, precision = ("weekday", det, _WEEKDAY_FULL[unit_raw]), "day"
    elif unit in _SEASONS:
        rel, precision = ("season", det, _SEASONS[unit]), "season"
    else:
        rel = ("unit", det, unit)
        precision = {"week": "day", "weekend": "day"}.get(unit, unit)
    add(_rel(start, m.end(), precision, 2, rel, mod, prep))


def _count(add, text: str, word: str, p: int, end: int) -> None:
    if word == "now" and text[max(0, p - 5):p].lower() != "from ":
        return
    if word == "time" and text[max(0, p - 2):p] not in ("' ", "’ ", "s "):
        return
    b = B_COUNT.search(text, max(0, p - 30), p)
    if b is None or bool(b.group("from")) != (word == "now"):
        return
    start = b.start()
    if word == "time":
        inn = B_IN.search(text, max(0, start - 6), start)
        if inn is None:
            return  # only "in two weeks' time"
        start = inn.start()
    sign = -1 if word == "ago" else 1
    n_raw = b.group("n")
    count = int(n_raw) if n_raw.isdigit() else _NUMBER_WORDS[n_raw.lower()]
    unit = b.group("u").lower()
    precision = {"day": "day", "week": "day", "month": "month", "year": "year"}[unit]
    add(_rel(start, end, precision, 2, ("count", sign * count, unit)))


def _fixed(add, m: re.Match, reference: dt.date) -> None:
    key = " ".join(m.group(0).lower().replace("’", "'").split())
    for f in _FIXED:
        if key in f["keys"]:
            if f["only_after"] and reference < f["start"]:
                return
            add(_named(m.start(), m.end(), f["name"], f["start"], f["end"]))
            return


def _season_cand(start, end, first, year, mod, prep) -> _Cand:
    if first == 12:
        return _cal(start, end, "season", year, (0, 12, 1), (1, 2, -1), mod, prep)
    return _cal(start, end, "season", year, (0, first, 1), (0, first + 2, -1), mod, prep)


def _bare_year_ok(text: str, start: int, end: int, word_before: str) -> bool:
    """Is the four-digit number at text[start:end] a year rather than a count, an ID or part of a phone number?

    `word_before` is ``_word_before(text, start)[0]``."""
    if start >= 2 and text[start - 1] in " \t" and text[start - 2].isdigit():
        return False  # a group of digits in a phone or reference number
    if end + 1 < len(text) and text[end] in " \t" and text[end + 1].isdigit():
        return False
    prev = word_before.rstrip(".,").lower()
    if prev in _ID_WORDS:
        return False
    if prev in _YEAR_PREPOSITIONS:
        return True
    j = end
    while j < len(text) and text[j] in " \t":
        j += 1
    k = j
    while k < len(text) and text[k].isalpha():
        k += 1
    return text[j:k].lower() not in _QUANTITY_NOUNS


@functools.lru_cache(maxsize=1024)
def _summit_near(key: str, reference: dt.date) -> dict | None:
    """The summit of a place written without a year: the upcoming one or the last one (see the module doc)."""
    candidates = _SUMMITS_BY_PLACE[key]
    before = [s for s in candidates if s["start"] <= reference]
    horizon = reference + dt.timedelta(days=457) if reference.year < 9999 else dt.date.max  # about 15 months
    upcoming = [s for s in candidates if reference < s["start"] <= horizon and not s["extraordinary"]]
    if upcoming and (not before or (reference - before[-1]["end"]) > (upcoming[0]["start"] - reference)):
        return upcoming[0]
    return before[-1] if before else None


def _summit_cand(start: int, end: int, place: str, years: list, text: str, reference: dt.date,
                 proper: bool = False) -> _Cand | None:
    """The NATO summit that "<place> summit" names, if any; `proper`: written as a name ("Summit")."""
    key = _PLACE_KEY.get(place) or _PLACE_KEY.get(" ".join(place.split()))
    if key is None:
        return None
    years = [y for y in years if y]
    candidates = _SUMMITS_BY_PLACE[key]
    inferred = False
    if years:
        year = int(years[0])
        chosen = [s for s in candidates if s["start"].year == year]
        chosen.sort(key=lambda s: s["extraordinary"])
        if not chosen:
            return None
        summit = chosen[0]
    else:
        if (place in _SHARED_PLACES or key in _SHARED_PLACES) and not proper:
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            line = text[line_start:line_end if line_end >= 0 else len(text)]
            if not any(word in line for word in _NATO_CONTEXT_WORDS):
                return None
        summit = _summit_near(key, reference)
        if summit is None:
            return None
        inferred = len(candidates) > 1
    return _named(start, end, summit["name"], summit["start"], summit["end"], inferred)


# The handler of each kind of trigger word (see _TRIGGERS).
_HANDLERS = {
    "month": _on_month, "weekday": _on_weekday, "simple": _on_simple, "deictic": _on_deictic, "count": _on_count,
    "end_of": _on_end_of, "summit": _on_summit, "fixed": _on_fixed,
}
_TRIGGER_HANDLERS = {word: tuple(_HANDLERS[kind] for kind in kinds) for word, kinds in _TRIGGERS.items()}


# --------------------------------------------------------------------------
# Selection, ranges
# --------------------------------------------------------------------------


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Keep non-overlapping candidates, the longest first; ties go to the lower priority number.

    Candidates that overlap nothing are kept at once; the others are chosen group by group, a group
    being a run of candidates that overlap one another (a choice in one cannot change another)."""
    cands.sort(key=_start_of)  # stable: ties keep the order in which they were found
    out: list[_Cand] = []
    group: list[_Cand] = []
    group_end = -1
    for c in cands:
        if c.start >= group_end:
            if len(group) == 1:
                out.append(group[0])
            elif group:
                out += _select_overlapping(group)
            group = [c]
            group_end = c.end
        else:
            group.append(c)
            if c.end > group_end:
                group_end = c.end
    if len(group) == 1:
        out.append(group[0])
    elif group:
        out += _select_overlapping(group)
    return out


_start_of = operator.attrgetter("start")


def _select_overlapping(cands: list[_Cand]) -> list[_Cand]:
    cands.sort(key=lambda c: (c.start - c.end, c.prio, c.start))
    starts: list[int] = []  # the taken spans, sorted and disjoint
    ends: list[int] = []
    taken: dict[int, _Cand] = {}
    for c in cands:
        i = bisect.bisect_right(starts, c.start)
        if (i and ends[i - 1] > c.start) or (i < len(starts) and starts[i] < c.end):
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        taken[c.start] = c
    return [taken[s] for s in starts]


def _merge_ranges(text: str, sel: list[_Cand]) -> list[_Cand]:
    out: list[_Cand] = []
    i = 0
    while i < len(sel):
        a = sel[i]
        if i + 1 < len(sel):
            b = sel[i + 1]
            merged = _try_merge(text, a, b)
            if merged is not None:
                out.append(merged)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _try_merge(text: str, a: _Cand, b: _Cand) -> _Cand | None:
    if a.kind != "cal" or b.kind != "cal" or a.cls is None or a.cls != b.cls or a.mod or b.mod:
        return None
    if a.prep or b.prep or b.start - a.end > 12:
        return None
    conn = _CONNECTOR.match(text, a.end, b.start)
    if not conn or conn.end() != b.start:
        return None
    pre = B_RANGE_PRE.search(text, max(0, a.start - 10), a.start)
    c = conn.group("c").lower()
    # Years of each end: b lends its year to a yearless a, and the other way round.
    ya, yb = a.year, b.year
    a_md, b_md = a.lo[1:], b.lo[1:]
    if ya is None and yb is not None:
        ya = yb - 1 if a_md > b_md else yb
    elif yb is None and ya is not None:
        yb = ya + 1 if b_md < a_md else ya
    if c == "and":
        consecutive = False
        if a.cls == "day":
            y0 = ya if ya is not None else 2001
            y1 = yb if yb is not None else (y0 + 1 if b_md < a_md else y0)
            try:
                consecutive = dt.date(y1, *b_md) - dt.date(y0, *a_md) == dt.timedelta(days=1)
            except ValueError:
                consecutive = False
        if not (pre and pre.group("pre").lower() == "between") and not (a.wd is not None and b.wd is not None) \
                and not consecutive:
            return None
    if ya is None:
        dy = 1 if b_md < a_md else 0
        year = None
    else:
        dy = yb - ya
        year = ya
    start = pre.start("pre") if pre else a.start
    hi = (dy + b.hi[0], b.hi[1], b.hi[2])
    merged = _cal(start, b.end, a.precision, year, a.lo, hi, wd=a.wd)
    check = _bounds(merged, year if year is not None else 2000)
    if check is None or check[0] >= check[1] or dy > 100:
        return None
    return merged


# --------------------------------------------------------------------------
# Resolution
# --------------------------------------------------------------------------


def _last_day(year: int, month: int) -> int:
    if month == 2 and calendar.isleap(year):
        return 29
    if not 1 <= month <= 12:
        raise ValueError(f"bad month {month}")
    return _MONTH_DAYS[month]


def _date(year: int, month: int, day: int) -> dt.date:
    if day == -1:
        day = _last_day(year, month)
    return dt.date(year, month, day)


def _bounds(c: _Cand, year: int) -> tuple[dt.date, dt.date] | None:
    # A candidate's bounds are asked for more than once (as an anchor, when merged, when resolved).
    memo = c.bounds
    if memo is None:
        memo = c.bounds = {}
    elif year in memo:
        return memo[year]
    result = memo[year] = _bounds_of(c.precision, c.mod, c.lo, c.hi, year)
    return result


@functools.lru_cache(maxsize=8192)
def _bounds_of(precision: str, mod: str | None, lo: tuple, hi: tuple, year: int) -> tuple[dt.date, dt.date] | None:
    # The same few dates come back in every document ("2025", "8 January"): kept for the next one.
    try:
        start = _date(year + lo[0], lo[1], lo[2])
        end = _date(year + hi[0], hi[1], hi[2])
    except ValueError:
        return None  # 29 February in a common year
    return _modify(precision, mod, start, end) if mod else (start, end)


def _modify(precision: str, mod: str | None, start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    if not mod:
        return start, end
    if precision == "month":
        last = _last_day(start.year, start.month)
        days = {"early": (1, 10), "mid": (11, 20), "late": (21, last), "first half": (1, 15),
                "second half": (16, last)}.get(mod)
        if days:
            return start.replace(day=days[0]), start.replace(day=days[1])
    elif precision == "year":
        y = start.year
        months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "first half": (1, 6), "second half": (7, 12)}.get(mod)
        if months:
            return dt.date(y, months[0], 1), _date(y, months[1], -1)
    elif precision == "season":
        index = {"early": 0, "mid": 1, "late": 2}.get(mod)
        if index is not None:
            month = start.month + index
            y = start.year + (month - 1) // 12
            month = (month - 1) % 12 + 1
            return dt.date(y, month, 1), _date(y, month, -1)
    elif precision == "decade":
        years = {"early": (0, 3), "mid": (4, 6), "late": (7, 9), "first half": (0, 4), "second half": (5, 9)}.get(mod)
        if years:
            return dt.date(start.year + years[0], 1, 1), dt.date(start.year + years[1], 12, 31)
    return start, end


def _near_year(c: _Cand, base: int, anchor: dt.date | None) -> list[int]:
    """Years to try around `base`: the same year first, unless a neighbour year lies much nearer `anchor`."""
    if anchor is None:
        return [base]
    order = [base]
    same = _bounds(c, base)
    for other in (base - 1, base + 1):
        b = _bounds(c, other)
        if b is None:
            continue
        far_same = same is None or abs((same[0] - anchor).days) > 183
        if far_same and abs((b[0] - anchor).days) <= 92:
            order.insert(0, other)
    return order


def _fits(c: _Cand, year: int) -> bool:
    b = _bounds(c, year)
    if b is None:
        return False
    return c.wd is None or c.precision != "day" or b[0].weekday() == c.wd


def _infer_year(c, sent_idx, anchors, anchor_starts, text, published, today) -> int | None:
    """The year of a yearless match (see the module doc); None when none can be had."""
    i = bisect.bisect_left(anchor_starts, c.start)
    before = anchors[i - 1] if i else None
    after = anchors[i] if i < len(anchors) else None
    candidates = []
    # (1) the same sentence: the nearest anchor before, else the nearest after.
    if before is not None and before[3] == sent_idx:
        candidates.append(before)
    elif after is not None and after[3] == sent_idx:
        candidates.append(after)
    # (2) the nearest before it in the document; in the same paragraph only when a published
    # date can speak for the rest of the text.
    elif before is not None and (published is None or text.find("\n", before[0], c.start) < 0):
        candidates.append(before)
    for _, year, anchor_date, _ in candidates:
        for y in _near_year(c, year, anchor_date):
            if _fits(c, y):
                return y
    # (3) the published date.
    if published is not None:
        for y in _near_year(c, published.year, published):
            if _fits(c, y):
                return y
    # (4) the weekday: the latest year, not after the reference date, where the day has that weekday.
    if c.wd is not None and c.precision == "day":
        limit = published or today
        for y in range(limit.year, limit.year - 60, -1):
            b = _bounds(c, y)
            if b is not None and b[0] <= limit and b[0].weekday() == c.wd:
                return y
    return None


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _add_months(d: dt.date, n: int) -> dt.date:
    index = d.year * 12 + d.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def _season_range(first: int, year: int) -> tuple[dt.date, dt.date]:
    if first == 12:
        return dt.date(year, 12, 1), _date(year + 1, 2, -1)
    return dt.date(year, first, 1), _date(year, first + 2, -1)


def _resolve_relative(c: _Cand, p: dt.date, future: bool) -> tuple[dt.date, dt.date] | None:
    """Dates of a relative expression against the published date `p`; `future`: its sentence looks ahead."""
    rel = c.rel
    kind = rel[0]
    if kind == "day":
        d = p + dt.timedelta(days=rel[1])
        return d, d
    if kind == "count":
        n, unit = rel[1], rel[2]
        if unit == "day":
            d = p + dt.timedelta(days=n)
            return d, d
        if unit == "week":
            d = p + dt.timedelta(weeks=n)
            return d, d
        if unit == "month":
            first = _add_months(p.replace(day=1), n)
            return first, _date(first.year, first.month, -1)
        y = p.year + n
        if not 1 <= y <= 9999:
            return None
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    det = rel[1]
    step = {"last": -1, "this": 0, "next": 1}.get(det)
    if kind == "unit":
        unit = rel[2]
        if unit == "week":
            monday = _monday(p) + dt.timedelta(weeks=step)
            start, end = monday, monday + dt.timedelta(days=6)
        elif unit == "weekend":
            saturday = _monday(p) + dt.timedelta(days=5, weeks=step)
            start, end = saturday, saturday + dt.timedelta(days=1)
        elif unit == "month":
            start = _add_months(p.replace(day=1), step)
            end = _date(start.year, start.month, -1)
        elif unit == "quarter":
            q_first = _add_months(dt.date(p.year, 3 * ((p.month - 1) // 3) + 1, 1), 3 * step)
            start, end = q_first, _date(_add_months(q_first, 2).year, _add_months(q_first, 2).month, -1)
        else:
            start, end = dt.date(p.year + step, 1, 1), dt.date(p.year + step, 12, 31)
        if c.mod == "earlier":
            return start, min(end, p)
        if c.mod == "later":
            return max(start, p), end
        return _modify(c.precision if unit not in ("week", "weekend") else "day", c.mod, start, end)
    if kind == "season":
        first = rel[2]
        instances = [_season_range(first, y) for y in range(p.year - 2, p.year + 2)]
        if det == "this":
            current = [r for r in instances if r[0] <= p <= r[1]]
            if current:
                chosen = current[0]
            elif first == 12 and p.month <= 2:
                chosen = _season_range(12, p.year - 1)
            else:
                chosen = _season_range(first, p.year)
        elif det == "last":
            chosen = [r for r in instances if r[1] < p][-1]
        else:
            chosen = [r for r in instances if r[0] > p][0]
        return _modify("season", c.mod, *chosen)
    if kind == "monthname":
        month = rel[2]
        instances = [(dt.date(y, month, 1), _date(y, month, -1)) for y in (p.year - 1, p.year, p.year + 1)]
        if det == "this":
            chosen = instances[1]
        elif det == "last":
            chosen = [r for r in instances if r[1] < p][-1]
        else:
            chosen = [r for r in instances if r[0] > p][0]
        return _modify("month", c.mod, *chosen)
    if kind == "weekday":
        wd = rel[2]
        back = (p.weekday() - wd) % 7
        ahead = (wd - p.weekday()) % 7
        if det == "last":
            d = p - dt.timedelta(days=back or 7)
        elif det == "next":
            d = p + dt.timedelta(days=ahead or 7)
        elif det == "this":
            d = p + dt.timedelta(days=ahead)
        elif future:
            d = p + dt.timedelta(days=ahead)
        else:
            d = p - dt.timedelta(days=back)
        return d, d
    return None


# --------------------------------------------------------------------------
# Public entry point
# --------------------------------------------------------------------------


def extract_events(
    text: str,
    *,
    published: dt.date | None = None,
    today: dt.date | None = None,
    sentences: list[Sentence] | None = None,
) -> list[Event]:
    """The temporal expressions of `text`, in text order, each normalised to dates (see the module doc)."""
    today = resolve_today(today)
    if isinstance(today, dt.datetime):
        today = today.date()
    if isinstance(published, dt.datetime):
        published = published.date()
    reference = published or today
    cands = _candidates(text, reference)
    if not cands:
        return []
    chrome = _chrome_lines(text, cands)
    if chrome:
        cands = [c for c in cands if text.rfind("\n", 0, c.start) + 1 not in chrome]
    sel = _merge_ranges(text, [c for c in _select(cands) if not _after_stamp(text, c.start)])

    need_sentences = any((c.kind == "cal" and c.year is None) or (c.kind == "rel" and c.rel[0] == "weekday")
                         for c in sel)
    if need_sentences and sentences is None:
        sentences = split_sentences(text)

    starts = [s.start for s in sentences] if need_sentences and sentences else None

    def sent_of(pos: int) -> int:  # sentence_index(sentences, pos), on the starts read once
        return max(0, bisect.bisect_right(starts, pos) - 1) if starts else 0

    anchors = []  # (position, year, anchor date or None, sentence index)
    if need_sentences:
        for c in sel:
            if c.kind == "cal" and c.year is not None and c.precision != "decade" and c.hi[0] <= 1 \
                    and c.prep not in ("by", "until", "till", "before", "since", "after"):
                b = _bounds(c, c.year)
                if b is None:
                    continue
                dated = b[0] if c.precision in ("day", "month") else None
                anchors.append((c.start, b[1].year if c.hi[0] else b[0].year, dated, sent_of(c.start)))
            elif c.kind == "named":
                anchors.append((c.start, c.nstart.year, c.nstart, sent_of(c.start)))

    anchor_starts = [a[0] for a in anchors]
    future_of: dict[int, bool] = {}  # sentence index -> does it speak of the future?
    events: list[Event] = []
    for c in sel:
        expression = text[c.start:c.end]
        span = (c.start, c.end)
        if c.kind == "named":
            events.append(_event(expression, c.nstart, c.nend, c.precision, c.inferred, span, c.named))
            continue
        if c.kind == "rel":
            bounds = None
            if published is not None:
                future = False
                if c.rel[0] == "weekday" and c.rel[1] is None and sentences:
                    index = sent_of(c.start)
                    if index not in future_of:
                        future_of[index] = _FUTURE.search(sentences[index].text) is not None
                    future = future_of[index]
                try:
                    bounds = _resolve_relative(c, published, future)
                except (ValueError, OverflowError):
                    bounds = None  # before year 1 or after 9999
            if bounds is None:
                events.append(_event(expression, None, None, c.precision, False, span, None))
            else:
                events.append(_event(expression, bounds[0], bounds[1], c.precision, False, span, None))
            continue
        inferred = False
        year = c.year
        if year is None:
            year = _infer_year(c, sent_of(c.start), anchors, anchor_starts, text, published, today)
            inferred = year is not None
        bounds = _bounds(c, year) if year is not None else None
        if bounds is None:
            events.append(_event(expression, None, None, c.precision, False, span, None))
        else:
            events.append(_event(expression, bounds[0], bounds[1], c.precision, inferred, span, None))
    return events
