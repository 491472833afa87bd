"""Ingest: find article files, load them, read them with the reader for their format, decode, hash.

Readers are plain functions registered by file extension; each turns the
file's bytes into a ``Read`` (the text to clean, plus a title and a published
date when the format carries them). Web pages go through trafilatura (main
text, title) and htmldate (publication date), PDFs through pypdf, legacy
encodings through charset-normalizer; those libraries are imported by the
reader that needs them, so commands that read no file never load them.

Files that are not articles raise ``SkipFile`` with a category (unknown type,
binary, empty, …); files that cannot be read at all are ``Problem``s, reported
by ``discover`` while walking or raised inside ``ReadFailed`` by ``load``.
Everything here is pure apart from walking folders and reading files.
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import hashlib
import io
import math
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from natocli.errors import BadInput

# --- why a file is skipped (not an article natocli can read) ------------------

UNKNOWN_TYPE = "unknown type"   # no reader for the extension
BINARY = "binary"               # not text: NUL bytes, control characters
EMPTY = "empty"                 # nothing but whitespace
NO_TEXT = "no text"             # a page or PDF without article text (scanned PDF, page of links)
ENCRYPTED = "encrypted"         # a PDF that needs a password
DAMAGED = "damaged"             # a PDF or web page its library cannot parse

SKIP_CATEGORIES = (UNKNOWN_TYPE, BINARY, EMPTY, NO_TEXT, ENCRYPTED, DAMAGED)

# --- why a file could not be read at all ----------------------------------------

UNREADABLE = "unreadable"           # permissions, I/O error, a folder where a file was expected
BROKEN_LINK = "broken link"         # a symbolic link whose target is gone
LINK_LOOP = "link loop"             # links pointing at each other (ELOOP)
VANISHED = "vanished"               # listed, but gone when read
NOT_A_FILE = "not a regular file"   # FIFO, socket, device: never opened (a FIFO would hang the run)

PROBLEM_CATEGORIES = (UNREADABLE, BROKEN_LINK, LINK_LOOP, VANISHED, NOT_A_FILE)


class SkipFile(Exception):
    """The file is not an article natocli can read; ``str()`` is the reason, ``category`` one of SKIP_CATEGORIES."""

    def __init__(self, reason: str, category: str = NO_TEXT) -> None:
        super().__init__(reason)
        self.reason = reason
        self.category = category

    def __reduce__(self):  # keeps the category when raised in a worker process
        return type(self), (self.reason, self.category)


@dataclass(frozen=True)
class Problem:
    """A file that could not be read at all."""

    path: Path
    category: str   # one of PROBLEM_CATEGORIES
    reason: str


class ReadFailed(Exception):
    """``load`` could not read a file; ``problem`` says which and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.reason)
        self.problem = problem

    def __reduce__(self):
        return type(self), (self.problem,)


@dataclass(frozen=True)
class Read:
    raw: str                       # the decoded file, as it was (a PDF: its text as extracted)
    body: str                      # the text to clean: one paragraph or headline per line where the format shows them
    title: str | None = None       # when the format states one
    published: dt.date | None = None


Reader = Callable[[bytes], Read]


def _quiet(*loggers: str) -> None:
    """The libraries log parse warnings about odd files; natocli reports skipped files itself.

    A NullHandler keeps Python's last-resort handler from printing them on
    stderr, and still lets an application that configures logging see them.
    """
    import logging  # only readers that load those libraries need it

    for name in loggers:
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())


# --- decoding -------------------------------------------------------------

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),  # before UTF-16 LE, whose BOM it starts with
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# The 8-bit code pages of the languages NATO news is written in, for
# charset-normalizer to choose from when a file is not UTF-8. Latin-1 is read
# as cp1252, its superset for printable characters (as browsers do).
LEGACY_ENCODINGS = (
    "cp1252", "iso8859_15", "cp1250", "iso8859_2", "cp1257", "iso8859_13", "cp1254",
    "cp1251", "koi8_r", "koi8_u", "iso8859_5", "cp1253", "iso8859_7",
)
FALLBACK_ENCODING = "cp1252"
LEGACY_SAMPLE = 256 * 1024  # bytes of a big file charset-normalizer looks at: its start and its end
_AS_CP1252 = {"latin_1", "iso8859_1", "ascii", "cp1252"}
# charset-normalizer's "chaos" (share of odd character sequences) within this of the
# least chaotic candidate is a tie, and a tie goes to cp1252: short texts with a few
# accented letters read equally well in several code pages.
CHAOS_TIE = 0.01

_UTF16_SAMPLE = 4096
_BINARY_SAMPLE = 65536
BINARY_CONTROL_SHARE = 0.01  # more control characters than this and the "text" is binary
# C0 controls other than tab, line feed, vertical tab, form feed, carriage return,
# DOS's end-of-file mark (^Z) and escape (terminal colours in saved logs).
_CONTROL = re.compile("[\x00-\x08\x0e-\x19\x1c-\x1f]")


def decode(data: bytes, declared: str | None = None) -> str:
    """Bytes to text as written; ``SkipFile(BINARY)`` for bytes that are not text.

    A byte-order mark decides (UTF-8, UTF-16, UTF-32); then NUL bytes mean
    UTF-16 without a BOM when they fall on every other byte, else binary;
    then UTF-8; then the `declared` charset (a web page's ``<meta charset>``);
    then the legacy code page charset-normalizer finds most plausible, cp1252
    on a tie or when it finds none. Normalising (NFC, odd spaces, line endings)
    is ``clean``'s job, so the stored raw text stays what the file said.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(encoding, errors="replace")
            break
    else:
        if b"\x00" in data:
            encoding = _utf16_without_bom(data)
            if encoding is None:
                raise SkipFile("binary file", BINARY)
            text = data.decode(encoding, errors="replace")
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode(legacy_encoding(data, declared), errors="replace")
    if _looks_binary(text):
        raise SkipFile("binary file", BINARY)
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"-be" when NUL bytes fill one half of the byte pairs (text in the Latin range), else None."""
    sample = data[: _UTF16_SAMPLE - _UTF16_SAMPLE % 2]
    pairs = len(sample) // 2
    if pairs < 2 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= 0.4 * pairs and even == 0:
        return "utf-16-le"
    if even >= 0.4 * pairs and odd == 0:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:_BINARY_SAMPLE]
    if "\x00" in sample:
        return True
    controls = len(_CONTROL.findall(sample))
    return controls > BINARY_CONTROL_SHARE * len(sample)


def _codec_name(label: str) -> str | None:
    try:
        return codecs.lookup(label.strip()).name.replace("-", "_")
    except (LookupError, ValueError):
        return None


def legacy_encoding(data: bytes, declared: str | None = None) -> str:
    """The code page of bytes that are not UTF-8: the declared one when Python knows it, else the most plausible."""
    if declared:
        name = _codec_name(declared)
        if name in _AS_CP1252:
            return FALLBACK_ENCODING
        if name and not name.startswith(("utf", "mbcs")):
            try:
                "".encode(name)  # a text codec, not "rot13" or "zlib"
                return name
            except (LookupError, TypeError, ValueError):
                pass
    from charset_normalizer import from_bytes

    # Single-byte code pages only: a sample cut anywhere reads as the whole does.
    sample = data if len(data) <= LEGACY_SAMPLE else data[: LEGACY_SAMPLE * 3 // 4] + b"\n" + data[-LEGACY_SAMPLE // 4 :]
    matches = from_bytes(sample, cp_isolation=list(LEGACY_ENCODINGS))
    if not matches:
        return FALLBACK_ENCODING
    least = min(m.chaos for m in matches)
    for match in matches:
        if match.chaos <= least + CHAOS_TIE and FALLBACK_ENCODING in match.could_be_from_charset:
            return FALLBACK_ENCODING
    name = _codec_name(matches.best().encoding) or FALLBACK_ENCODING
    return FALLBACK_ENCODING if name in _AS_CP1252 else name


# --- readers --------------------------------------------------------------


def _text_of(data: bytes, declared: str | None = None) -> str:
    text = decode(data, declared)
    if not text.strip():
        raise SkipFile("empty file", EMPTY)
    return text


def read_text(data: bytes) -> Read:
    text = _text_of(data)
    return Read(raw=text, body=text)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_FIELD = re.compile(r"^(\w+)[ \t]*:[ \t]*(.*?)[ \t]*$", re.M)
_MD_MARKUP = [
    (re.compile(r"^#{1,6}[ \t]+", re.M), ""),                 # heading marks
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),           # images -> alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),            # links -> link text
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),                 # bold
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),  # italics
    (re.compile(r"^[ \t]*>[ \t]?", re.M), ""),                # block quotes
    (re.compile(r"^[ \t]*[-*+][ \t]+", re.M), ""),            # list bullets
]


def read_markdown(data: bytes) -> Read:
    """Markdown: YAML front matter ``title`` and ``date`` respected, markup stripped."""
    text = _text_of(data)
    body = text.replace("\r\n", "\n").replace("\r", "\n")  # the patterns below work on \n lines
    title, published = None, None
    match = _FRONT_MATTER.match(body)
    if match:
        fields = {k.lower(): v.strip("'\"") for k, v in _FRONT_FIELD.findall(match.group(1))}
        title = fields.get("title") or None
        published = parse_iso_date(fields.get("date", ""))
        body = body[match.end():]
    for pattern, replacement in _MD_MARKUP:
        body = pattern.sub(replacement, body)
    return Read(raw=text, body=body, title=title, published=published)


def parse_iso_date(value: str) -> dt.date | None:
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        return None


def _why(exc: Exception) -> str:
    """A library's error as a short reason: its message, or its class when it has none."""
    message = " ".join(str(exc).split())
    return (message[:REASON_MAX - 1] + "…" if len(message) > REASON_MAX else message) or type(exc).__name__


REASON_MAX = 100


# --- web pages ------------------------------------------------------------

_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""",
    re.I,
)
# htmldate's search for the date a page was first published: from the page's
# markup (meta tags, JSON-LD, <time>, the canonical URL) and short date lines,
# not a free-text scan, which would take the date of an event the article
# reports for its publication date. No upper bound from the clock: reading
# stays a pure function of the bytes.
HTML_DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": "2099-12-31"}


def declared_charset(data: bytes) -> str | None:
    """The charset a web page declares in its first bytes (``<meta charset>``, XML declaration), if any."""
    match = _DECLARED_CHARSET.search(data, 0, 4096)
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii")


def read_html(data: bytes) -> Read:
    """A web page: its main text and title through trafilatura, its publication date through htmldate.

    Navigation, headers and footers, cookie and newsletter boxes, share
    buttons and related-article lists stay out; paragraphs and headings
    come out one per line.
    """
    text = _text_of(data, declared_charset(data))
    import trafilatura
    from htmldate import find_date

    _quiet("trafilatura", "htmldate", "courlan", "readability", "justext")
    try:
        # Parsed here, once: given a string that looks like a URL, htmldate would download it.
        tree = trafilatura.load_html(text)
        if tree is None:
            raise SkipFile("not a web page", DAMAGED)
        published = find_date(tree, **HTML_DATE_PARAMS)
        document = trafilatura.bare_extraction(
            tree, with_metadata=True, include_comments=False, include_tables=True,
            favor_precision=True,  # a menu or a teaser list is worse than a paragraph missed
            date_extraction_params=HTML_DATE_PARAMS,
        )
    except SkipFile:
        raise
    except Exception as exc:  # a library failing on one odd page must not stop the run
        raise SkipFile(f"damaged web page ({_why(exc)})", DAMAGED) from exc
    body = (document.text or "").strip() if document is not None else ""
    if not body:
        raise SkipFile("no article text", NO_TEXT)
    title = " ".join((document.title or "").split()) or None
    return Read(raw=text, body=body, title=title, published=parse_iso_date(published or ""))


# --- PDF ------------------------------------------------------------------

PDF_EDGE_LINES = 3          # running headers and footers sit in the first / last lines of a page
PDF_REPEAT_SHARE = 0.5      # ... and come back on at least this share of the pages (and two)
PDF_SHORT_LINE = 0.6        # a line shorter than this share of the text width ends its paragraph
PDF_CLOSED_LINE = 0.85      # ... and so does one this short ending a sentence
PDF_TITLE_MAX = 200
_PAGE_NUMBER = re.compile(r"(?i)(?:page|p\.|seite|pag\.?)?\s*[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/|de|sur|von)\s*\d{1,4})?")
_DIGITS = re.compile(r"\d+")
_LIST_ITEM = re.compile(r"[-–—•·▪►*]\s|\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s")
_SENTENCE_END = tuple(".!?:;\"'”’)]…")
_HYPHEN_BREAK = re.compile(r"[^\W\d_][-\u2010\u00ad]$")  # a word broken by a hyphen-minus, hyphen or soft hyphen
_WORDS = re.compile(r"[^\W\d_]+(?:[-\u2010][^\W\d_]+)*")
_LAST_WORD = re.compile(r"([^\W\d_]+(?:[-\u2010][^\W\d_]+)*)[-\u2010\u00ad]$")
_FIRST_WORD = re.compile(r"[^\W_]+")
# First parts of compounds broken at their own hyphen at a line end: "long-range",
# "so-called", "two-day", "non-member". Soft hyphenation does not break after these.
COMPOUND_HEADS = frozenset(
    """all anti cross ex far full half high large long low medium mid near non self short small so
    well wide one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
    hundred first second third fourth fifth last""".split()
)
_TITLE_JUNK = re.compile(
    r"(?i)^(?:untitled|document\d*|microsoft (?:word|powerpoint) - .*|.*\.(?:pdf|docx?|rtf|odt|indd|pptx?|xlsx?|tex|txt|html?))$"
)


def read_pdf(data: bytes) -> Read:
    """A text PDF through pypdf: running headers, footers and page numbers dropped, paragraphs joined, hyphenation undone.

    The title comes from the document information when it is a real title
    (not a file name, "Untitled" or a single word). The creation date there is
    when the file was made, like a file's modification time, so it is not
    taken for the publication date: ``clean`` looks for a dateline in the text.
    """
    if b"%PDF-" not in data[:1024]:
        raise SkipFile("not a PDF", DAMAGED)
    import pypdf
    from pypdf.errors import DependencyError

    _quiet("pypdf")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                unlocked = reader.decrypt("")  # many PDFs are locked for editing only
            except DependencyError:
                unlocked = False
            if not unlocked:
                raise SkipFile("encrypted PDF (needs a password)", ENCRYPTED)
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
        title = pdf_title(str(info.title)) if info is not None and info.title else None
    except SkipFile:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged files; none may stop the run
        raise SkipFile(f"damaged PDF ({_why(exc)})", DAMAGED) from exc
    body = pdf_text(pages)
    if not body.strip():
        raise SkipFile("PDF without a text layer (scanned?)", NO_TEXT)
    return Read(raw="\n\n".join(pages), body=body, title=title)


def pdf_title(value: str) -> str | None:
    """A PDF's /Title when it reads as a title: two words or more, not a file name or a placeholder."""
    title = " ".join(value.replace("\x00", "").split())
    if not title or len(title) > PDF_TITLE_MAX or len(title.split()) < 2 or _TITLE_JUNK.match(title):
        return None
    return title


def pdf_text(pages: list[str]) -> str:
    """The text of a PDF's pages (as pypdf extracts them, one string a page) as one paragraph or heading per line."""
    page_lines = [[line.strip() for line in page.splitlines()] for page in pages]
    page_lines = _without_running_lines(page_lines)
    lines = [line for page in page_lines for line in page]
    vocabulary = {w.lower() for line in lines for w in _WORDS.findall(line)}
    widths = sorted(len(line) for line in lines if len(line) >= 20)
    width = widths[int(0.9 * (len(widths) - 1))] if widths else 0
    out: list[str] = []
    current = previous = ""
    for line in lines:
        if not line:
            if current:
                out.append(current)
            current = previous = ""
            continue
        if not current:
            current = line
        elif _HYPHEN_BREAK.search(current) and _FIRST_WORD.match(line):
            current = _join_hyphenated(current, line, vocabulary)
        elif _ends_paragraph(previous, line, width):
            out.append(current)
            current = line
        else:
            current = current + " " + line
        previous = line
    if current:
        out.append(current)
    return "\n".join(out)


def _edge_key(line: str) -> str:
    return " ".join(_DIGITS.sub("#", line.lower()).split())


def _without_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Pages without the lines repeated at the top or bottom of most pages (page numbers ignored), nor lone page numbers there."""
    def edges(lines: list[str]) -> set[int]:
        filled = [i for i, line in enumerate(lines) if line]
        return set(filled[:PDF_EDGE_LINES] + filled[-PDF_EDGE_LINES:])

    counts: dict[str, int] = {}
    for lines in pages:
        for key in {_edge_key(lines[i]) for i in edges(lines)}:
            counts[key] = counts.get(key, 0) + 1
    needed = max(2, math.ceil(PDF_REPEAT_SHARE * len(pages)))
    running = {key for key, n in counts.items() if n >= needed}
    out = []
    for lines in pages:
        drop = {i for i in edges(lines) if _edge_key(lines[i]) in running or _PAGE_NUMBER.fullmatch(lines[i])}
        out.append([line for i, line in enumerate(lines) if i not in drop])
    return out


def _ends_paragraph(previous: str, line: str, width: int) -> bool:
    """Does a paragraph end between `previous` and `line`?

    A short line ends one, and so does a sentence ending before the margin; a
    list item starts one, and so does a short line after a sentence (a heading,
    as at the top of a page).
    """
    if _LIST_ITEM.match(line) or len(previous) < PDF_SHORT_LINE * width:
        return True
    if previous.endswith(_SENTENCE_END):
        return len(previous) < PDF_CLOSED_LINE * width or len(line) < PDF_SHORT_LINE * width
    return False


def _join_hyphenated(current: str, line: str, vocabulary: set[str]) -> str:
    """Join a line ending in a hyphen with the next: "defen-" + "ce" is "defence", "long-" + "range" stays "long-range".

    The hyphen is kept when the next part starts with a capital or a digit
    ("NATO-" "Russia", "F-" "35"), when the first part is an acronym ("NATO-led")
    or already hyphenated ("state-of-the-art"), when the document writes the
    hyphenated word elsewhere but never the joined one, or when the first part is
    a usual compound head ("long", "so", "two"). Otherwise the hyphen was the
    typesetter's (a soft hyphen always is), and the parts are joined.
    """
    if current.endswith("\u00ad"):
        return current[:-1] + line
    tail = _FIRST_WORD.match(line).group()
    head = _LAST_WORD.search(current).group(1)
    last_part = re.split("[-\u2010]", head)[-1]
    joined, hyphenated = (last_part + tail).lower(), (last_part + "-" + tail).lower()
    keep = (
        not tail[0].islower()
        or (len(last_part) >= 2 and last_part.isupper())
        or last_part != head
        or (hyphenated in vocabulary and joined not in vocabulary)
        or (joined not in vocabulary and last_part.lower() in COMPOUND_HEADS)
    )
    return current + line if keep else current[:-1] + line


READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
}


def reader_for(path: Path) -> Reader | None:
    return READERS.get(path.suffix.lower())


# --- discovery ------------------------------------------------------------


def _hidden(name: str) -> bool:
    return name.startswith(".")


def check_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Absolute paths, each of which must exist (a broken link counts as missing)."""
    checked = []
    for p in paths:
        path = Path(p).expanduser()
        if not path.exists():
            raise BadInput(f"no such file or folder: {p}")
        checked.append(path.absolute())
    return checked


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def problem_of(path: Path, exc: OSError) -> Problem:
    """The category and reason of an OSError met while looking at or reading `path`."""
    if exc.errno == errno.ELOOP:
        return Problem(path, LINK_LOOP, "symbolic link loop")
    if isinstance(exc, FileNotFoundError):
        try:
            target = os.readlink(path)
        except OSError:
            return Problem(path, VANISHED, "gone before it could be read")
        return Problem(path, BROKEN_LINK, f"broken link to {target}")
    if exc.errno == errno.ENXIO:  # opening a socket
        return Problem(path, NOT_A_FILE, "not a regular file (a socket)")
    return Problem(path, UNREADABLE, exc.strerror or str(exc))


def _check(path: Path) -> Problem | None:
    """Why `path` cannot be read as a file (following links), without opening it; None if it can be tried."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return problem_of(path, exc)
    if not stat.S_ISREG(mode):
        return Problem(path, NOT_A_FILE, f"not a regular file ({_kind(mode)})")
    return None


def discover(
    roots: Iterable[Path], on_problem: Callable[[Problem], None] | None = None
) -> Iterator[Path]:
    """Every regular file under `roots`: folders walked recursively in sorted order, hidden entries ignored.

    Links to folders are not followed (no loops); links to files are. Broken
    links, link loops, folders that cannot be listed and things that are not
    regular files (FIFOs, sockets, devices) go to `on_problem` instead of
    being yielded. Without `on_problem`, the files with a problem are yielded
    so that reading them reports it, except those that are not regular files.
    """
    seen: set[Path] = set()

    def check(path: Path) -> bool:
        problem = _check(path)
        if problem is None:
            return True
        if on_problem is not None:
            on_problem(problem)
            return False
        return problem.category != NOT_A_FILE

    for root in roots:
        if root.is_dir():

            def unlistable(exc: OSError, root: Path = root) -> None:
                if on_problem is not None:
                    on_problem(Problem(Path(exc.filename or root), UNREADABLE, exc.strerror or str(exc)))

            for folder, dirs, files in os.walk(root, onerror=unlistable):
                dirs[:] = sorted(d for d in dirs if not _hidden(d))
                for name in sorted(files):
                    if not _hidden(name):
                        found = Path(folder, name)
                        if found not in seen:
                            seen.add(found)
                            if check(found):
                                yield found
        elif root not in seen:
            seen.add(root)
            if check(root):
                yield root


# --- one file -------------------------------------------------------------

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def load(path: Path) -> bytes:
    """The bytes of one file; ``ReadFailed`` when it cannot be read.

    Only regular files are opened: a FIFO, socket or device is refused from
    its metadata, and the file is opened non-blocking so that one swapped for
    a FIFO in between cannot hang the run either.
    """
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(mode):
            raise ReadFailed(Problem(path, NOT_A_FILE, f"not a regular file ({_kind(mode)})"))
        fd = os.open(path, _OPEN_FLAGS)
        with open(fd, "rb") as file:
            mode = os.fstat(file.fileno()).st_mode
            if not stat.S_ISREG(mode):
                raise ReadFailed(Problem(path, NOT_A_FILE, f"not a regular file ({_kind(mode)})"))
            return file.read()
    except OSError as exc:
        raise ReadFailed(problem_of(path, exc)) from exc


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_file(path: Path, data: bytes) -> Read:
    """Read one file's bytes with the reader for its format; ``SkipFile`` if it is not an article natocli can read."""
    reader = reader_for(path)
    if reader is None:
        raise SkipFile(f"unknown file type {path.suffix or '(no extension)'}", UNKNOWN_TYPE)
    if not data or data.isspace():
        raise SkipFile("empty file", EMPTY)
    return reader(data)
