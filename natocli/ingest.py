"""Ingest: find article files, read them with the reader for their format, decode, clean, hash.

Readers are plain functions registered by file extension; each turns the
file's bytes into a ``Read`` (the text to clean, plus a title and a published
date when the format carries them). Everything here is pure apart from
reading files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from natocli.errors import BadInput


class SkipFile(Exception):
    """The file is not an article natocli can read (binary, empty, unknown format)."""


@dataclass(frozen=True)
class Read:
    raw: str                       # the decoded file, as it was
    body: str                      # the text to clean (front matter removed, …)
    title: str | None = None       # when the format states one
    published: dt.date | None = None


Reader = Callable[[bytes], Read]

# --- decoding -------------------------------------------------------------

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode(data: bytes) -> str:
    """Bytes to text as written: BOMs honoured, UTF-8 first, then cp1252 (a superset of latin-1's printable range).

    Normalising (NFC, odd spaces, line endings) is ``clean``'s job, so the
    stored raw text stays what the file said.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            break
    else:
        if b"\x00" in data[:8192]:
            raise SkipFile("binary file")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    return text


# --- readers --------------------------------------------------------------


def read_text(data: bytes) -> Read:
    text = decode(data)
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
    text = decode(data)
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


READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
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


def discover(paths: Iterable[Path]) -> Iterator[Path]:
    """Every file under `paths`: folders walked recursively in sorted order, hidden entries ignored.

    Links to folders are not followed (no loops); links to files are.
    """
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not _hidden(d))
                for name in sorted(files):
                    if not _hidden(name):
                        found = Path(root, name)
                        if found not in seen:
                            seen.add(found)
                            yield found
        elif path not in seen:
            seen.add(path)
            yield path


# --- one file -------------------------------------------------------------


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_file(path: Path, data: bytes) -> Read:
    """Read one file's bytes with the reader for its format; ``SkipFile`` if there is none."""
    reader = reader_for(path)
    if reader is None:
        raise SkipFile(f"unknown file type {path.suffix or '(no extension)'}")
    if not data.strip():
        raise SkipFile("empty file")
    return reader(data)
