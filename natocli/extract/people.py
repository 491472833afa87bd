"""People: named persons, the roles the text gives them, and unnamed roles.

The vocabularies live in ``natocli/data/``: ``titles.json`` (offices, ranks,
honorifics, role qualifiers and complements), ``people_names.json`` (name
particles, given names, speech verbs) and ``people_not_names.json`` (stop
words, calendar words, organisation words, organisation, media and place
names). Countries come from ``natocli.extract.countries``.

How a document is read:

1. **Roles.** One regex finds office heads ("Prime Minister", "secretary-general",
   "Defence Minister"), ranks ("General", "Lt. Gen.") and honorifics ("Mr.").
   An office takes the qualifiers written before it ("Former Ukrainian",
   "NATO's", "Portuguese") and an "of / for / to" complement after it ("of
   National Defence", "for Defence and Space"); a name glued to the end of the
   complement ("... Defence and Space Andrius Kubilius") is split off again.
2. **Names.** Runs of capitalised words (with particles: de, van, von, bin,
   al-...) minus the roles inside them are name candidates. A candidate of two
   or more words is a person when the text gives evidence: a role or
   honorific just before it, a role in apposition after it ("Jens
   Stoltenberg, NATO's Secretary General,"), a known given name, or a speech
   verb. Organisation words, places, calendar words and sentence starters are
   never names. A single word is a person only after a capitalised title or
   an honorific ("Ambassador Vershbow", "Mr. Rutte") or when it is a known
   surname of the document ("Rutte").
3. **Aliases.** Surnames and trailing parts of full names ("Rebelo de Sousa")
   map to the full name; so does "the Secretary General" when exactly one
   person of the document holds that office. Other roles without a name are
   reported as unnamed roles.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import attrgetter
from pathlib import Path

from natocli.extract.countries import Country, lookup_country
from natocli.extract.patterns import trie_regex
from natocli.extract.sentences import Sentence, split_sentences

_DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class PersonMention:
    name: str  # full name as best known in this document, as written
    key: str  # person_key(name): merges one person across documents
    role: str | None  # role the text gives at or for this mention, qualifier kept
    surface: str  # the text as written at this mention
    span: tuple[int, int]  # offsets of `surface`


@dataclass(frozen=True)
class RoleMention:
    role: str  # "President of the Assembly of the Republic"
    span: tuple[int, int]


@dataclass(frozen=True)
class People:
    mentions: list[PersonMention]
    roles: list[RoleMention]


# --- keys -------------------------------------------------------------------

# Letters that NFKD does not decompose into a base letter + accent.
_FOLD = str.maketrans(
    {
        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ħ": "h", "Ħ": "H",
        "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D",
        "’": "'", "‘": "'", "ʼ": "'", "`": "'", "‐": "-", "‑": "-", "–": "-", "—": "-", ".": " ",
    }
)


@lru_cache(maxsize=16384)
def person_key(name: str) -> str:
    """Folded key of a name: casefold, accents stripped, hyphens, dots and spaces normalised.

    "Luís Montenegro" -> "luis montenegro"; "Jean-Noël Barrot" -> "jean noel barrot".
    """
    decomposed = unicodedata.normalize("NFKD", name.translate(_FOLD))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(bare.replace("-", " ").split())


@lru_cache(maxsize=8192)
def _fold_role(role: str) -> str:
    return " ".join(role.casefold().replace("-", " ").replace("’", "'").split())


# --- vocabularies -----------------------------------------------------------


def _load(name: str) -> dict:
    return json.loads((_DATA / name).read_text(encoding="utf-8"))


_TITLES = _load("titles.json")
_NAMES = _load("people_names.json")
_NOT = _load("people_not_names.json")

_GIVEN = frozenset(_NAMES["given_names"])
_PARTICLES = frozenset(_NAMES["particles"])
_STOP = frozenset(_NOT["stop_words"])
_CALENDAR = frozenset(_NOT["calendar"])
_NOT_NAME_WORDS = _STOP | _CALENDAR
_ORG_WORDS = frozenset(_NOT["organisation_words"])
_NOT_PERSON = frozenset(person_key(x) for x in _NOT["organisations"] + _NOT["places"])
_ORG_TOKENS = frozenset(person_key(x) for x in _NOT["organisations"] if " " not in x)
_COMPLEMENT = frozenset(_TITLES["complement_words"])
_STATUS = frozenset(_TITLES["status_qualifiers"])
_ORG_QUALIFIERS = frozenset(_TITLES["organisation_qualifiers"])
_QUALIFIER_ALIASES: dict[str, str] = _TITLES["qualifier_aliases"]
_RANKS_NEED_FULL_NAME = frozenset(_TITLES["ranks_need_full_name"])
_DEFAULT_ORG = _TITLES["default_organisation"]
_DEFAULT_ORG_ROLES = frozenset(_DEFAULT_ORG["roles"])
_DEFAULT_ORG_MARKER = re.compile(re.escape(_DEFAULT_ORG["organisation"]) + r"(?![\w])")
_DEFAULT_ORG_OTHERS = re.compile(
    "(?:" + "|".join(re.escape(x) for x in _DEFAULT_ORG["other_organisations"]) + r")(?![\w])"
)
_CONNECTORS = frozenset({"and", "&", "of", "for", "the"})
_DETERMINERS = {"the": "the", "The": "the", "a": "a", "A": "a", "an": "a", "An": "a"}
# Endings of common nouns ("Transformation", "Procurement"): such a word
# starts a complement, not a name.
_NOUN_ENDINGS = ("tion", "sion", "ment", "ity", "ism", "ship", "ics", "ness", "ogy", "ies", "ure", "ance", "ence")


def _office_forms() -> list[str]:
    capitalised_only = set(_TITLES["capitalised_only"])
    forms = set()
    for office in _TITLES["offices"]:
        forms.add(office)
        if office not in capitalised_only:
            forms.add(office.lower())
            forms.add(office[0] + office[1:].lower())  # "Prime minister" at a sentence start
    for domain in _TITLES["domains"]:
        for office in _TITLES["domain_offices"]:
            forms.add(f"{domain} {office}")
            forms.add(f"{domain.lower()} {office.lower()}")
            forms.add(f"{domain} {office.lower()}")  # "Defence minister Boris Pistorius"
    return sorted(forms)


def _char_class(pred) -> str:
    """A regex character class of the characters in the Latin, Greek and Cyrillic blocks that satisfy `pred`."""
    chars = [chr(i) for i in list(range(0x41, 0x530)) + list(range(0x1E00, 0x1F00)) if pred(chr(i))]
    ranges: list[list[int]] = []
    for c in chars:
        code = ord(c)
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    parts = [re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges]
    return "[" + "".join(parts) + "]"


_UP = _char_class(str.isupper)
_LETTER = r"[^\W\d_]"
# `_LETTER*`, written so that `re` runs faster: a-z first (a plain class is
# cheaper than the Unicode letter class) and possessive (what follows a word
# never needs one of its letters back).
_LETTERS = r"[a-z]*+[^\W\d_]*+"
_PREFIX = "(?:(?:" + "|".join(_NAMES["hyphen_prefixes"]) + r")-|[dl]['’])?"
_CAPWORD = rf"{_PREFIX}{_UP}{_LETTERS}(?:['’]{_UP}{_LETTERS})?(?:-{_LETTER}{_LETTERS})*"
_INITIAL = rf"{_UP}\.(?:{_UP}\.)*"
_TOKEN = rf"(?:{_INITIAL}|{_CAPWORD})"
_PARTICLE = "(?:" + trie_regex(sorted(_PARTICLES)) + ")"

# A run of capitalised words on one line, with particles between them.
# The first word starts with a capital (no lower-case prefix) so that `re` can
# jump from capital to capital. Group 1 takes part when the run is glued to the
# word before it ("pro-Russian", "al-Assad", "5G"); the lookbehind comes after
# the first capital so that the jumping still works.
_RUN_RE = re.compile(
    rf"{_UP}(?:(?<=[\w'’-].)()|)"
    rf"(?:\.(?:{_UP}\.)*|{_LETTERS}(?:['’]{_UP}{_LETTERS})?(?:-{_LETTER}{_LETTERS})*)"
    rf"(?:[ ]+(?:{_PARTICLE}[ ]+){{0,3}}{_TOKEN})*"
)

_RANK_FORMS = frozenset(_TITLES["ranks"])
_HONORIFIC_FORMS = frozenset(_TITLES["honorifics"])
_HEAD_PREFIXES = frozenset(p for x in _TITLES["head_prefixes"] for p in (x, x.lower()))
_ALL_HEADS = sorted(set(_office_forms()) | _RANK_FORMS | _HONORIFIC_FORMS)
# Capitalised heads are found by one scan: the trie starts with a capital, so
# `re` jumps between capitals. Lower-case heads ("Former Ukrainian president")
# are found from the anchor words every lower-case office contains (a word
# after a space) and matched at the word starts just before each anchor.
_UPPER_HEAD_RE = re.compile(trie_regex([f for f in _ALL_HEADS if f[0].isupper()]))
_LOWER_HEAD_RE = re.compile(trie_regex([f for f in _ALL_HEADS if not f[0].isupper()]))
_LOWER_ANCHORS = tuple(_TITLES["lowercase_anchors"])
# A literal space first lets `re` jump from space to space.
_LOWER_ANCHOR_RE = re.compile(" (?:" + trie_regex(sorted(_LOWER_ANCHORS)) + ")")
_OFFICE_START_RE = re.compile(r"(?:" + trie_regex(_office_forms()) + r")(?![\w])")


_HEAD_KINDS = {**dict.fromkeys(_RANK_FORMS, "rank"), **dict.fromkeys(_HONORIFIC_FORMS, "honorific")}


def _head_kind(form: str) -> str:
    return _HEAD_KINDS.get(form, "office")


def _match_head(text: str, pos: int) -> re.Match | None:
    """A head (office, rank, honorific) starting at `pos`."""
    return (_UPPER_HEAD_RE if text[pos : pos + 1].isupper() else _LOWER_HEAD_RE).match(text, pos)


def _lower_heads(text: str) -> list[tuple[int, int]]:
    """Spans of lower-case office heads: "president", "prime minister", "defence minister"."""
    spans = []
    for anchor in _LOWER_ANCHOR_RE.finditer(text):
        hit = anchor.start() + 1
        # Try the word starts up to three words back, furthest first.
        starts = [hit]
        k = hit
        for _ in range(3):
            if k < 2 or text[k - 1] != " " or not text[k - 2].isalpha():
                break
            k = text.rfind(" ", 0, k - 1) + 1
            starts.append(k)
        for start in reversed(starts):
            match = _LOWER_HEAD_RE.match(text, start)
            if match is not None and match.end() > hit:
                if not spans or spans[-1] != match.span():
                    spans.append(match.span())
                break
    return spans


_COMPLEMENT_RE = re.compile(
    r"[ ]+(?:" + "|".join(_TITLES["complement_connectors"]) + r")[ ]+"
    rf"(?P<body>(?:the[ ]+)?{_TOKEN}(?:[ ]+(?:(?:and|&|of|for|the|{_PARTICLE})[ ]+)*{_TOKEN})*)"
)
_BODY_TOKEN_RE = re.compile(rf"{_TOKEN}|[^ ]+")
_POSSESSIVE_RE = re.compile(r"['’]s?(?![\w])")
_APPOSITION_RE = re.compile(r",[ ]+(?:(?:the|a|an)[ ]+)?|[ ]+\([ ]*")
_APPOSITION_END_RE = re.compile(
    r"[ ]*(?:[,.;:)\n]|$)|[ ]+(?:said|says|and|who|has|have|had|is|was|will|would|met|told|added|stressed|urged|warned)\b"
)
_SPEECH_AFTER_RE = re.compile(
    r"(?:['’]s)?[ ]+(?:" + "|".join(_NAMES["speech_verbs"]) + r")\b|,[ ]+who\b"
)
_SPEECH_BEFORE_RE = re.compile(r"(?<![\w])(?:" + "|".join(_NAMES["words_before"]) + r"),?[ ]+$")
_HAS_UPPER_RE = re.compile(_UP + _LETTER)
_WHOLE_MATCH = re.Match.group  # `_WHOLE_MATCH(m)` is `m.group()`
_START = attrgetter("start")
_ROMAN_RE = re.compile(r"(?:X{0,3})(?:IX|IV|V?I{0,3})")
# A byline or picture credit before the name, in the same clause.
_CREDIT_CUE_RE = re.compile(trie_regex(sorted(_NOT["credit_cues"])))
# The last characters of the cues (" by", "to:"): a clause without any of them has no cue.
_CREDIT_CUE_ENDS = tuple(sorted({cue[-3:] for cue in _NOT["credit_cues"]}))
_HYPHEN_PREFIX_RE = re.compile(r"(?<![\w-])(?:" + "|".join(_NAMES["hyphen_prefixes"]) + r")-$")


@lru_cache(maxsize=4096)
def _country(word: str) -> Country | None:
    """The country a capitalised word names (adjective, name, alias, capital), else None."""
    if not word or not word[0].isupper():
        return None
    return lookup_country(word)


@lru_cache(maxsize=4096)
def _is_acronym(word: str) -> bool:
    return len(word) > 1 and "." not in word and word.isupper()


def _is_place(phrase: str) -> bool:
    return person_key(phrase) in _NOT_PERSON or _country(phrase) is not None


@lru_cache(maxsize=8192)
def _name_like(word: str, first: bool) -> bool:
    """Can `word` be part of a personal name (`first`: its first word)?"""
    if word in _GIVEN:
        return True
    if word in _COMPLEMENT or word in _ORG_WORDS or word in _STOP or word in _CALENDAR or _is_acronym(word):
        return False
    if first:
        if word.endswith(_NOUN_ENDINGS) or _is_place(word):
            return False
    return True


# --- roles ------------------------------------------------------------------


class _Role:
    """An office, rank or honorific found in the text."""

    __slots__ = (
        "start", "head_start", "end", "kind", "qualifiers", "det", "det_start", "possessive",
        "capitalised", "has_complement", "org_or_country", "status", "used", "text", "key", "head_key",
    )

    def __init__(
        self,
        start: int,  # qualifiers included, determiner excluded
        head_start: int,
        end: int,
        kind: str,  # "office", "rank" or "honorific"
        qualifiers: list[tuple[str, str, str]],  # (display, kind, separator after it)
        det: str | None,  # "the" or "a" written before the role
        det_start: int,
        possessive: bool,  # "Prime Minister's Office": not a person's role
        capitalised: bool,
        has_complement: bool,
    ) -> None:
        self.start = start
        self.head_start = head_start
        self.end = end
        self.kind = kind
        self.qualifiers = qualifiers
        self.det = det
        self.det_start = det_start
        self.possessive = possessive
        self.capitalised = capitalised
        self.has_complement = has_complement
        self.org_or_country = self.status = False
        for _, qualifier_kind, _ in qualifiers:
            if qualifier_kind == "status":
                self.status = True
            else:
                self.org_or_country = True
        self.used = False
        self.text = ""
        self.key = ""  # folded text
        self.head_key = ""  # folded office and complement, without qualifiers


@lru_cache(maxsize=4096)
def _classify_qualifier(word: str) -> tuple[str | None, str]:
    if word in _STATUS:
        return word, "status"
    match = _POSSESSIVE_RE.search(word)
    possessive = match is not None and match.end() == len(word)
    base = word[: match.start()] if possessive else word
    if base in _QUALIFIER_ALIASES:
        return _QUALIFIER_ALIASES[base], "org"
    if base in _ORG_QUALIFIERS or (base[:1].isupper() and person_key(base) in _ORG_TOKENS):
        return base, "org"  # "NATO", "Rheinmetall CEO"
    country = _country(base)
    if country is not None:
        if possessive and country.adjectives:
            return country.adjectives[0], "country"
        return base, "country"
    return None, ""


def _qualifiers(text: str, start: int) -> tuple[int, int, list[tuple[str, str, str]], str | None, int]:
    """What is written before the office at `start`.

    Returns (head start, role start, qualifiers, determiner, determiner start):
    head prefixes ("Deputy", "Vice") belong to the office; qualifiers are
    status words, organisations and countries ("Former Ukrainian", "NATO's");
    the determiner ("the", "a") is not part of the role.

    The words are read backwards from the office, one at a time, within the
    100 characters before it and on its line: an office has a few qualifiers
    at most, so only the words just before it are looked at.
    """
    quals: list[tuple[str, str, str]] = []
    lo = max(0, start - 100)
    cut = max(text.rfind("\n", lo, start), text.rfind("\t", lo, start))
    if cut >= 0:
        lo = cut + 1
    pos = start
    if start > lo and text[start - 1] == "-":  # "then-President", "ex-Minister"
        k = start - 1
        while k > lo and text[k - 1].isalpha():
            k -= 1
        if text[k : start - 1] in _STATUS:
            quals.append((text[k:start], "status", ""))
            pos = k
    head_start = start
    # The word before `pos` (text[ws:we]) when a space separates them; the
    # words are split at single spaces, so two spaces make an empty word.
    if pos == lo or text[pos - 1] != " ":
        return head_start, pos, quals, None, pos
    we = pos - 1
    ws = text.rfind(" ", lo, we) + 1 or lo
    word = text[ws:we]
    more = True  # is text[ws:we] a word? (False once the segment start is passed)
    if not quals:
        while word in _HEAD_PREFIXES and start - head_start < 40:
            pos = head_start = ws
            if ws == lo:
                more = False
                break
            we = ws - 1
            ws = text.rfind(" ", lo, we) + 1 or lo
            word = text[ws:we]
    count = 0
    while more and count < 5:
        display = None
        opening = word[:1] in "(“\"‘'["  # also true for an empty word, which stops below
        bare = word[1:] if opening else word
        if not opening and ws > lo and bare[:1].isupper():
            pwe = ws - 1
            pws = text.rfind(" ", lo, pwe) + 1 or lo
            before = text[pws:pwe]
            if before[:1].isupper() and before not in _DETERMINERS:
                display, kind = _classify_qualifier(f"{before} {bare}")  # "United States", "South Korean"
                if display is not None and kind == "country":
                    ws, we = pws, pwe
                else:
                    display = None
        if display is None:
            display, kind = _classify_qualifier(bare) if bare else (None, "")
            if display is None:
                break
        quals.insert(0, (display, kind, " "))
        pos = ws + 1 if opening else ws
        count += 1
        if ws == lo:
            more = False
        else:
            we = ws - 1
            ws = text.rfind(" ", lo, we) + 1 or lo
            word = text[ws:we]
        if opening:
            break
    det, det_start = None, pos
    if more and word in _DETERMINERS:
        det, det_start = _DETERMINERS[word], pos - len(word) - 1
    return head_start, pos, quals, det, det_start


def _complement_end(text: str, end: int) -> int:
    """End of the office's "of / for / to ..." complement starting at `end` (`end` if none).

    A name glued to the complement ("for Defence and Space Andrius Kubilius"),
    a second office after "and" and a rank before a name are left out.
    """
    match = _COMPLEMENT_RE.match(text, end)
    if match is None:
        return end
    toks = []
    pos = match.start("body")
    for word in match.group("body").split(" "):
        if word:
            toks.append((pos, pos + len(word), word))
        pos += len(word) + 1
    first = 1 if toks[0][2] == "the" else 0
    stop = len(toks)
    for i in range(first + 1, len(toks)):
        word = toks[i][2]
        if word in _CONNECTORS or word in _PARTICLES:
            continue
        j = i - 1
        while j > first and toks[j][2] == "the":
            j -= 1
        if toks[j][2] in ("and", "&"):
            k = i  # qualifiers may come first: "... and European Commissioner for ..."
            while k < len(toks) - 1 and _classify_qualifier(toks[k][2])[0] is not None:
                k += 1
            if _OFFICE_START_RE.match(text, toks[k][0]):
                stop = j  # "... of the Republic and the President of ..."
                break
        head = _match_head(text, toks[i][0])
        if head is not None and _head_kind(head.group()) != "office":
            after = _BODY_TOKEN_RE.match(text, head.end() + 1) if text[head.end() : head.end() + 1] == " " else None
            if after is not None and _name_like(after.group(), True):
                stop = i  # "... of Staff Gen. Dan Caine"
                break
    # A personal name glued to the complement: name-like words up to the next
    # connector or the end ("... Defence and Space Andrius Kubilius on ...").
    for i in range(first + 1, stop):
        word = toks[i][2]
        if word in _CONNECTORS or word in _PARTICLES or not _name_like(word, True):
            continue
        rest = []
        for t in toks[i + 1 : stop]:
            if t[2] in _CONNECTORS:
                break
            if t[2] not in _PARTICLES:
                rest.append(t[2])
        if len(rest) > 3 or not all(_name_like(w, False) for w in rest):
            continue
        if not rest and toks[i - 1][2] in _CONNECTORS:
            continue  # "Commissioner for Jobs and Growth": a lone word after "and" is the complement
        stop = i
        break
    while stop > first and (toks[stop - 1][2] in _CONNECTORS or toks[stop - 1][2] in _PARTICLES):
        stop -= 1
    if stop <= first:
        return end
    return toks[stop - 1][1]


def _find_roles(text: str) -> list[_Role]:
    heads = [m.span() for m in _UPPER_HEAD_RE.finditer(text)]
    lower = _lower_heads(text)
    if lower:
        heads.extend(lower)
        heads.sort()
    roles: list[_Role] = []
    last_end = 0
    n = len(text)
    for s, e in heads:
        if s < last_end or (s and (text[s - 1].isalnum() or text[s - 1] == "_")):
            continue
        if text.startswith(("-elect", "-designate"), e):
            e = text.index("-", e) + (6 if text.startswith("-elect", e) else 10)
        if e < n and (text[e].isalnum() or text[e] in "-_"):
            continue  # "Presidents", "Generally", "President-led"
        kind = _HEAD_KINDS.get(text[s:e], "office")
        possessive = text.startswith(("'s", "’s"), e)
        if kind == "office":
            end = e if possessive else _complement_end(text, e)
            s, start, quals, det, det_start = _qualifiers(text, s)
        else:
            end = e
            start, quals, det, det_start = s, [], None, s
        roles.append(_Role(start, s, end, kind, quals, det, det_start, possessive, text[s].isupper(), end > e))
        last_end = end
    return roles


@lru_cache(maxsize=4096)
def _squeeze(raw: str) -> str:
    return " ".join(raw.split())


def _describe(text: str, role: _Role, nato_doc) -> None:
    """Set the role's text as reported, its folded key and its folded head."""
    raw = text[role.head_start : role.end]
    core = _squeeze(raw)
    role.head_key = _fold_role(raw)  # the same as folding `core`
    if (
        role.kind == "office"
        and not role.has_complement
        and not role.org_or_country
        and role.head_key in _DEFAULT_ORG_ROLES
        and nato_doc()
    ):
        core = f"{_DEFAULT_ORG['organisation']} {core}"
    if role.qualifiers:
        core = "".join(display + sep for display, _, sep in role.qualifiers) + core
    role.text = core
    role.key = _fold_role(core)


# --- names ------------------------------------------------------------------


class _Piece:
    """A name candidate: its words with their spans, particles included."""

    __slots__ = ("toks", "start", "end", "caps", "words", "phrase")

    def __init__(self, toks: list[tuple[int, int, str]]) -> None:
        self.toks = toks
        self.start = toks[0][0]
        self.end = toks[-1][1]
        if len(toks) == 1:
            self.phrase = toks[0][2]
            self.words = self.caps = [self.phrase]
        else:
            self.words = [w for _, _, w in toks]
            self.caps = [w for w in self.words if w not in _PARTICLES]
            self.phrase = " ".join(self.words)  # the words, one space apart


def _pieces(
    text: str, roles: list[_Role]
) -> tuple[list[_Piece], list[tuple[int, int, str]], list[re.Match], list[tuple[int, int, str]]]:
    """Name candidates: capitalised runs, split at roles, stop words and calendar words.

    Returns the candidates of several words and, apart, the lone words (the
    common case): those right after a role and a space ("Ambassador
    Vershbow", "Mr. Rutte"), then the other one-word runs (as matches, which
    may still be inside a role: see `_covered`) and the other lone words
    (not inside a role), each in text order.
    """
    out: list[_Piece] = []
    after_role: list[tuple[int, int, str]] = []
    lone_runs: list[re.Match] = []
    lone: list[tuple[int, int, str]] = []
    role_follows = {r.end + 1 for r in roles if text[r.end : r.end + 1] == " "}
    starts = [r.start for r in roles]
    ends = [r.end for r in roles]
    j = 0  # the first role that ends after the current word (see `_covered`)
    nroles = len(roles)

    def flush(current: list[tuple[int, int, str]]) -> None:
        while current and current[0][2] in _PARTICLES:
            current.pop(0)
        while current and current[-1][2] in _PARTICLES:
            current.pop()
        while current and "." in current[-1][2]:  # a name does not end with an initial
            current.pop()
        if len(current) == 1:
            (after_role if current[0][0] in role_follows else lone).append(current[0])
        elif current:
            out.append(_Piece(current))

    for run in _RUN_RE.finditer(text):
        word = run.group()
        if not run.lastindex and " " not in word:
            # One word on its own, most capitalised words: as little work as possible.
            if word in _NOT_NAME_WORDS or "." in word:
                continue
            rs = run.start()
            if rs in role_follows:
                re_ = rs + len(word)
                if not _covered(roles, rs, re_):
                    after_role.append((rs, re_, word))
            else:
                lone_runs.append(run)
            continue
        rs = run.start()
        if run.lastindex:  # glued to the word before it
            prefix = _HYPHEN_PREFIX_RE.search(text, max(0, rs - 5), rs)
            if prefix is not None:
                rs = prefix.start()  # "al-Assad"
            else:
                # The first word is the end of another word ("pro-Russian",
                # "then-President"): drop it, keep the rest of the run.
                space = word.find(" ")
                if space < 0:
                    continue
                rs += space + 1
            word = text[rs : run.end()]
            if " " not in word:
                if word in _NOT_NAME_WORDS or "." in word:
                    continue
                re_ = rs + len(word)
                while j < nroles and ends[j] <= rs:
                    j += 1
                if not (j < nroles and starts[j] < re_):
                    (after_role if rs in role_follows else lone).append((rs, re_, word))
                continue
        current: list[tuple[int, int, str]] = []
        te = rs - 1
        for word in word.split(" "):
            ts = te + 1
            te = ts + len(word)
            if not word:
                continue
            while j < nroles and ends[j] <= ts:
                j += 1
            covered = j < nroles and starts[j] < te
            if covered or word in _NOT_NAME_WORDS:
                if covered or word not in _CALENDAR or not ((current and current[-1][2] in _GIVEN) or word in _GIVEN):
                    if current:
                        flush(current)
                        current = []
                    continue
                # else a month or weekday in a name: "Theresa May", "Jan van Dijk"
            current.append((ts, te, word))
        if current:
            flush(current)
    return out, after_role, lone_runs, lone


def _covered(roles: list[_Role], start: int, end: int) -> bool:
    """Is the word at start:end inside a role? (Roles are in text order; the
    qualifiers of one may reach back into the one before.)"""
    for role in roles:
        if role.end > start:
            return role.start < end
    return False


@dataclass(slots=True)
class _Candidate:
    piece: _Piece
    start: int  # surface span
    end: int
    role: _Role | None = None
    accepted: bool = False
    lone: bool = False
    rejected: bool = False


def _is_headline(sentence: Sentence) -> bool:
    """A title-case line without final punctuation ("NATO Pushes for Expanded Weapons Production")."""
    line = sentence.text
    if line[-1:] in ".!?:;\"”'’)":
        return False
    words = [w for w in line.split() if len(w) >= 4]
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _rejected(piece: _Piece) -> bool:
    return _rejected_phrase(piece.phrase)


@lru_cache(maxsize=8192)
def _rejected_phrase(phrase: str) -> bool:
    """Are these words not a personal name (organisation, place, stop word, too long)?"""
    caps = phrase.split(" ")
    if len(caps) > 1:
        caps = [w for w in caps if w not in _PARTICLES]
    if len(caps) > 5:
        return True
    for i, word in enumerate(caps):
        if word in _ORG_WORDS or person_key(word) in _ORG_TOKENS:
            return True
        if _is_acronym(word):
            if i == 0 and len(word) == 2 and len(caps) > 1 and not _is_place(word):
                continue  # "JD Vance": initials
            if i == len(caps) - 1 and i > 0 and _ROMAN_RE.fullmatch(word):
                continue  # "Charles III", "Leo XIV"
            return True  # acronyms are organisations
    if len(caps) == 1:
        return caps[0] in _STOP or caps[0] in _CALENDAR or _is_place(caps[0])
    if _is_place(phrase):
        return True
    return any(_is_place(w) and w not in _GIVEN for w in caps[:-1])


@lru_cache(maxsize=4096)
def _surname_tails(phrase: str) -> tuple[str, ...]:
    """The keys a full name may be shortened to: "Rebelo de Sousa", "de Sousa", "Sousa"."""
    words = phrase.split(" ")
    tails = []
    for i in range(1, len(words)):
        if words[i - 1] in _PARTICLES and words[i] not in _PARTICLES:
            tails.append(person_key(" ".join(words[i - 1 :])))
        tails.append(person_key(" ".join(words[i:])))
    return tuple(tails)


def extract_people(text: str, *, sentences: list[Sentence] | None = None) -> People:
    """Named people with their roles and unnamed roles in `text`, in text order."""
    if not text or _HAS_UPPER_RE.search(text) is None:
        return People([], [])
    roles = _find_roles(text)
    nato_cache: list[bool] = []

    def nato_doc() -> bool:
        if not nato_cache:
            nato = len(_DEFAULT_ORG_MARKER.findall(text))
            nato_cache.append(nato > 0 and nato > len(_DEFAULT_ORG_OTHERS.findall(text)))
        return nato_cache[0]

    for role in roles:
        _describe(text, role, nato_doc)
    by_end = {r.end: r for r in roles}
    by_start = {r.start: r for r in roles}

    sentence_list: list[Sentence] = []
    headlines: dict[int, bool] = {}

    def headline(pos: int) -> bool:
        """Is `pos` in a title-case headline?"""
        if not sentence_list:
            sentence_list.extend(sentences if sentences is not None else split_sentences(text))
            if not sentence_list:
                return False
        i = max(0, bisect_right(sentence_list, pos, key=_START) - 1)
        if i not in headlines:
            sentence = sentence_list[i]
            headlines[i] = sentence.start <= pos < sentence.end and _is_headline(sentence)
        return headlines[i]

    # Pass 1: candidates, the role before them, evidence.
    candidates: list[_Candidate] = []
    # Most capitalised words stand alone ("Lisbon", "Russia"): whether they
    # are a known surname is decided in pass 2. A word right after a role is
    # a candidate now ("Ambassador Vershbow", "Mr. Rutte").
    pieces, after_role, lone_runs, lone_words = _pieces(text, roles)
    pieces.extend(_Piece([word]) for word in after_role)
    for piece in pieces:
        caps = piece.caps
        pre = by_end.get(piece.start - 1) if text[piece.start - 1 : piece.start] == " " else None
        cand = _Candidate(piece, piece.start, piece.end, lone=len(caps) == 1)
        candidates.append(cand)
        cand.rejected = _rejected(piece)
        if cand.rejected:
            continue
        if pre is None and not cand.lone and text[piece.start - 2 : piece.start] == ", ":
            pre = by_end.get(piece.start - 2)  # "Prime Minister, Luís Montenegro"
            if pre is not None and pre.kind != "office":
                pre = None
        if pre is not None and pre.possessive:
            pre = None
        if pre is not None and cand.lone:
            if pre.kind == "honorific":
                pass
            elif not pre.capitalised or text[pre.head_start : pre.end] in _RANKS_NEED_FULL_NAME:
                pre = None
        if pre is not None:
            pre.used = True
            cand.role = pre
            cand.accepted = True
            if pre.kind == "honorific":
                cand.start = pre.start
                cand.role = None
            elif cand.lone:
                cand.start = pre.head_start  # "Ambassador Vershbow"
            if pre.kind == "rank":
                before = by_end.get(pre.start - 1) if text[pre.start - 1 : pre.start] == " " else None
                if before is None and text[pre.start - 2 : pre.start] == ", ":
                    before = by_end.get(pre.start - 2)
                if before is not None and before.kind == "office" and not before.possessive:
                    before.used = True
                    cand.role = before  # "Chair of the Military Committee Admiral Rob Bauer"
            continue
        if cand.lone:
            continue
        if headline(piece.start):
            continue  # title-case headline: only names known from the body (pass 2)
        cand.accepted = (
            caps[0] in _GIVEN
            or _SPEECH_AFTER_RE.match(text, piece.end) is not None
            or (
                text[piece.start - 1 : piece.start] == " "
                and _SPEECH_BEFORE_RE.search(text, max(0, piece.start - 20), piece.start) is not None
            )
        )

    # Roles in apposition: "Jens Stoltenberg, NATO's Secretary General, said".
    for cand in candidates:
        if cand.lone or cand.rejected or not (cand.accepted or cand.role is None):
            continue
        gap = _APPOSITION_RE.match(text, cand.piece.end)
        if gap is None:
            continue
        role = by_start.get(gap.end())
        if role is None or role.used or role.kind != "office" or role.possessive:
            continue
        if _APPOSITION_END_RE.match(text, role.end) is None:
            continue
        role.used = True
        # After a title ("Ambassador Julianne Smith, the US Permanent Representative
        # to NATO,") the apposition is the more precise role unless the title
        # before the name is already qualified.
        if cand.role is None or cand.role.kind == "rank" or not (cand.role.qualifiers or cand.role.has_complement):
            cand.role = role
        cand.accepted = True

    # Only the clause before each accepted name is searched: a scan of the
    # whole text for the cues would cost more than all these short ones.
    for cand in candidates:
        if not cand.accepted:
            continue
        clause = max(text.rfind(".", 0, cand.start), text.rfind(";", 0, cand.start), text.rfind("\n", 0, cand.start))
        before = text[clause + 1 : cand.start]
        if any(map(before.__contains__, _CREDIT_CUE_ENDS)) and _CREDIT_CUE_RE.search(before) is not None:
            cand.accepted = False  # "Editing by Andrew Heavens"
            cand.rejected = True

    # Pass 2: full names, then aliases.
    full_names: dict[str, tuple[str, int]] = {}  # key -> (name as written, first position)
    tails: dict[str, list[str]] = {}
    for cand in candidates:
        if cand.accepted and not cand.lone:
            key = person_key(cand.piece.phrase)
            if key not in full_names:
                full_names[key] = (text[cand.piece.start : cand.piece.end], cand.piece.start)
                for tail in _surname_tails(cand.piece.phrase):
                    tails.setdefault(tail, []).append(key)
    singles: dict[str, str] = {}
    for cand in candidates:
        if cand.accepted and cand.lone:
            key = person_key(cand.piece.caps[0])
            if key not in tails:
                singles.setdefault(key, cand.piece.caps[0])

    def longer_name(key: str, pos: int) -> str | None:
        """The full name that `key` shortens: the nearest one before `pos`, else the first after."""
        owners = tails.get(key)
        if not owners:
            return None
        if len(owners) == 1:
            return owners[0]
        before = [k for k in owners if full_names[k][1] <= pos]
        if before:
            return max(before, key=lambda k: full_names[k][1])
        return min(owners, key=lambda k: full_names[k][1])

    mentions: list[PersonMention] = []
    person_roles: dict[str, list[_Role]] = {}
    wanted = tails.keys() | singles.keys()
    if wanted:
        # Lone words that are a known surname or name: most are not, so the
        # test comes first and the spans are read for the few that are.
        # (The test runs in C: `map` and `compress` call no Python code.)
        found = compress(lone_runs, map(wanted.__contains__, map(person_key, map(_WHOLE_MATCH, lone_runs))))
        known = [(m.start(), m.end(), m.group()) for m in found if not _covered(roles, m.start(), m.end())]
        known.extend(word for word in lone_words if person_key(word[2]) in wanted)
        known.sort()
        for word in known:
            piece = _Piece([word])
            candidates.append(_Candidate(piece, piece.start, piece.end, lone=True, rejected=_rejected(piece)))
    for cand in candidates:
        piece = cand.piece
        words = piece.words
        key = person_key(piece.phrase)
        end = cand.end
        if not cand.accepted and cand.rejected:
            continue  # places ("Montenegro" the country), organisations, stop words
        resolved = longer_name(key, piece.start) or (key if key in full_names else None)
        if resolved is None and not cand.accepted and headline(piece.start):
            resolved = _headline_name(words, full_names)
            if resolved is not None:
                end = piece.toks[len(full_names[resolved][0].split()) - 1][1]
        if resolved is not None:
            name = full_names[resolved][0]
        elif key in singles and (cand.accepted or cand.lone):
            name = singles[key]
        else:
            continue
        name_key = person_key(name)
        role = cand.role
        role_text = role.text if role is not None else None
        mentions.append(PersonMention(name, name_key, role_text, text[cand.start : end], (cand.start, end)))
        if role is not None:
            person_roles.setdefault(name_key, []).append(role)

    # Pass 3: unnamed roles, or aliases when one person of the document holds them.
    unnamed: list[RoleMention] = []
    by_role_key: dict[str, dict[str, _Role]] = {}  # folded role -> person -> the role they hold
    by_head_key: dict[str, dict[str, _Role]] = {}  # folded office without qualifiers, current holders only
    for person, held in person_roles.items():
        for r in held:
            by_role_key.setdefault(r.key, {}).setdefault(person, r)
            if not r.status:
                by_head_key.setdefault(r.head_key, {}).setdefault(person, r)
    names = {m.key: m.name for m in mentions}
    for role in roles:
        if role.used or role.kind != "office" or role.possessive or role.det == "a":
            continue
        holders: dict[str, _Role] = {}
        if role.det == "the" or role.capitalised:
            holders = dict(by_role_key.get(role.key, {}))
            if not role.org_or_country and not role.status:
                for person, r in by_head_key.get(role.head_key, {}).items():
                    holders.setdefault(person, r)
        if len(holders) == 1:
            person, held_role = next(iter(holders.items()))
            name = names[person]
            start = role.det_start if role.det == "the" else role.start
            mentions.append(PersonMention(name, person, held_role.text, text[start : role.end], (start, role.end)))
        elif role.org_or_country or (role.capitalised and role.det == "the"):
            # "the President of the Assembly of the Republic", "the Dutch prime minister";
            # a bare capitalised office may just start a sentence.
            unnamed.append(RoleMention(role.text, (role.start, role.end)))
    mentions.sort(key=lambda m: m.span)
    return People(mentions, unnamed)


def _headline_name(words: list[str], full_names: dict[str, tuple[str, int]]) -> str | None:
    """In a title-case headline, the longest start of the run that is a full name of the body."""
    for n in range(len(words), 1, -1):
        key = person_key(" ".join(words[:n]))
        if key in full_names:
            return key
    return None
