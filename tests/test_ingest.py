"""Ingest: decoding, the readers per format, discovery and loading problems, and indexing real-world files.

The fixtures in tests/data/ are written by tests/data/make_fixtures.py; links,
loops, FIFOs and unreadable files are made here in tmp_path.
"""

from __future__ import annotations

import importlib.util
import io
import json
import os
import pickle
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from natocli import ingest
from natocli.clean import clean
from natocli.ingest import Problem, ReadFailed, SkipFile

DATA = Path(__file__).resolve().parent / "data"
FIXTURES = sorted(p.name for p in DATA.iterdir() if p.name != "make_fixtures.py" and not p.name.startswith("."))


def fixture(name: str) -> bytes:
    return (DATA / name).read_bytes()


def _fixture_script():
    spec = importlib.util.spec_from_file_location("make_fixtures", DATA / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_fixtures = _fixture_script()


def pdf_bytes(*, blank: bool = False, user_password: str | None = None, owner_password: str | None = None) -> bytes:
    """A blank page, or the fixture PDF encrypted (RC4, which pypdf reads without extra libraries)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    if blank:
        writer.add_blank_page(612, 792)
    else:
        writer.append(PdfReader(io.BytesIO(fixture("defence-review.pdf"))))
        writer.encrypt(user_password or "", owner_password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# --- fixtures are what the script writes ---------------------------------------


def test_fixtures_are_regenerated_byte_for_byte():
    assert sorted(make_fixtures.FIXTURES) == FIXTURES
    for name, data in make_fixtures.FIXTURES.items():
        assert fixture(name) == data, name


# --- the libraries load only when a reader needs them ---------------------------

HEAVY = ("trafilatura", "htmldate", "pypdf", "charset_normalizer", "lxml")


@pytest.mark.parametrize(
    "code",
    [
        pytest.param("import natocli.cli, natocli.indexer, natocli.ingest", id="imports"),
        pytest.param(
            "from typer.testing import CliRunner; from natocli.cli import app\n"
            "for args in (['--help'], ['search', 'defence spending']):\n"
            "    assert CliRunner().invoke(app, args).exit_code == 0, args",
            id="help-and-search",
        ),
    ],
)
def test_readers_libraries_are_not_loaded_by_commands_that_read_no_such_file(code, run, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Allies agreed to raise defence spending at the summit in The Hague.\n")
    assert run("index", article).exit_code == 0  # a database with a document: search does not index the seeds
    script = code + f"\nimport sys\nprint(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


# --- decode ------------------------------------------------------------------

CP1252_NEWS = "Spain's prime minister Pedro Sánchez pledged €1.2 billion more for defence – “a reliable ally”."
FRENCH = "Le ministre des Armées a annoncé à Bruxelles une hausse du budget de la défense."
RUSSIAN = "Генеральный секретарь НАТО Марк Рютте заявил, что альянс усилит оборону восточного фланга."
GREEK = "Ο υπουργός Άμυνας δήλωσε ότι η Ελλάδα θα αυξήσει τις αμυντικές δαπάνες του ΝΑΤΟ."
POLISH = "Minister obrony Władysław Kosiniak-Kamysz powiedział, że Polska wyda na obronność 4,7% PKB, a żołnierze ćwiczą."


@pytest.mark.parametrize(
    "data, expected",
    [
        pytest.param("NATO allies meet in Vilnius.\n".encode(), "NATO allies meet in Vilnius.\n", id="ascii"),
        pytest.param(CP1252_NEWS.encode("utf-8"), CP1252_NEWS, id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + CP1252_NEWS.encode("utf-8"), CP1252_NEWS, id="utf-8-bom"),
        pytest.param(b"\xff\xfe" + CP1252_NEWS.encode("utf-16-le"), CP1252_NEWS, id="utf-16-le-bom"),
        pytest.param(b"\xfe\xff" + CP1252_NEWS.encode("utf-16-be"), CP1252_NEWS, id="utf-16-be-bom"),
        pytest.param(CP1252_NEWS.encode("utf-16-le"), CP1252_NEWS, id="utf-16-le-no-bom"),
        pytest.param(CP1252_NEWS.encode("utf-16-be"), CP1252_NEWS, id="utf-16-be-no-bom"),
        pytest.param(b"\xff\xfe\x00\x00" + RUSSIAN.encode("utf-32-le"), RUSSIAN, id="utf-32-le-bom"),
        pytest.param(CP1252_NEWS.encode("cp1252"), CP1252_NEWS, id="cp1252"),
        pytest.param("Sánchez: €1.2bn".encode("cp1252"), "Sánchez: €1.2bn", id="cp1252-short"),
        pytest.param(FRENCH.encode("latin-1"), FRENCH, id="latin-1"),
        # a big file: charset-normalizer sees its start and its end, and the euro sign is at the end
        pytest.param(("NATO " * 100_000 + CP1252_NEWS).encode("cp1252"), "NATO " * 100_000 + CP1252_NEWS, id="cp1252-big"),
        pytest.param(RUSSIAN.encode("cp1251"), RUSSIAN, id="cp1251"),
        pytest.param(RUSSIAN.encode("koi8-r"), RUSSIAN, id="koi8-r"),
        pytest.param(GREEK.encode("cp1253"), GREEK, id="cp1253"),
        pytest.param(POLISH.encode("cp1250"), POLISH, id="cp1250"),
        # decode keeps what the file said: line endings and odd spaces are clean()'s job
        pytest.param(b"Rutte said:\xc2\xa0\"Yes.\"\r\n", 'Rutte said:\u00a0"Yes."\r\n', id="crlf-nbsp-kept"),
        pytest.param("e\u0301".encode(), "e\u0301", id="not-nfc-normalised"),
        pytest.param(b"Old DOS file\r\n\x1a", "Old DOS file\r\n\x1a", id="dos-eof-mark"),
    ],
)
def test_decode(data, expected):
    assert ingest.decode(data) == expected


@pytest.mark.parametrize(
    "data, declared, expected",
    [
        pytest.param("Рютте".encode("cp1251"), "windows-1251", "Рютте", id="declared-cp1251"),
        pytest.param("€5bn".encode("cp1252"), "ISO-8859-1", "€5bn", id="latin-1-read-as-cp1252"),
        pytest.param("Sánchez".encode("cp1252"), "utf-8", "Sánchez", id="wrong-utf-8-declaration"),
        pytest.param("Sánchez".encode("cp1252"), "no-such-charset", "Sánchez", id="unknown-declaration"),
        pytest.param("Sánchez".encode("cp1252"), "rot13", "Sánchez", id="not-a-text-codec"),
        pytest.param("Sánchez".encode("utf-8"), "windows-1251", "Sánchez", id="valid-utf-8-wins"),
    ],
)
def test_decode_with_a_declared_charset(data, declared, expected):
    assert ingest.decode(data, declared) == expected


@pytest.mark.parametrize(
    "html, expected",
    [
        pytest.param(b'<html><head><meta charset="windows-1251">', "windows-1251", id="meta-charset"),
        pytest.param(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "ISO-8859-1", id="http-equiv"),
        pytest.param(b'<?xml version="1.0" encoding="koi8-r"?><html>', "koi8-r", id="xml-declaration"),
        pytest.param(b"<html><head><title>NATO</title>", None, id="none"),
    ],
)
def test_declared_charset(html, expected):
    assert ingest.declared_charset(html) == expected


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(fixture("logo.txt"), id="png"),
        pytest.param(b"NATO\x00summit\x00\x00\x01", id="nul-bytes"),
        pytest.param(b"\x01\x02\x03\x04\x05 NATO \x06\x07\x08\x0e\x0f\x10\x11", id="control-characters"),
        pytest.param(b"\xff\xfe" + "NATO\x00\x00summit".encode("utf-16-le"), id="utf-16-with-nul-characters"),
        pytest.param(b"N\x00A\x00T\x00O", id="odd-length-utf-16"),
    ],
)
def test_binary_is_skipped(data):
    with pytest.raises(SkipFile) as caught:
        ingest.decode(data)
    assert (caught.value.category, str(caught.value)) == (ingest.BINARY, "binary file")


# --- readers, over the fixtures -------------------------------------------------------


@pytest.mark.parametrize(
    "name, title, published, present, absent",
    [
        pytest.param(
            "hague-summit.html",
            "Allies agree five per cent defence spending goal at The Hague summit",
            "2025-06-25",  # article:published_time, not the later article:modified_time
            ["quantum leap", "Pedro Sánchez", "A flexible path for Spain", "alliance’s commitments"],
            ["Cookiebot", "Accept all cookies", "Podcasts", "Subscribe", "Congress stalls", "Gotland",
             "Morning Brief", "Privacy policy", "All rights reserved", "Share on", "Tags:", "<p>"],
            id="html",
        ),
        pytest.param(
            "defence-review.pdf",
            "Allied Defence Review 2025",  # from the document information
            None,  # /CreationDate is when the file was made, not a publication date
            ["in the defence of the eastern flank", "new long-range interceptors", "the NATO-led procurement",
             "high-intensity capabilities.", "Ammunition and industrial capacity"],
            ["Briefing note", "Page 1", "Page 2", "defen-", "capa-", "defen ce"],
            id="pdf",
        ),
        pytest.param(
            "sanchez-cp1252.txt", None, None,
            ["Pedro S\u00e1nchez said", "\u20ac1.2 billion", "\u201cSpain is a reliable ally,\u201d", "Madrid \u2013 a message"],
            ["\ufffd", "S\u00c3", "\u00e2\u201a\u00ac"],
            id="cp1252",
        ),
        pytest.param(
            "contact-group-utf16.txt", None, None,
            ["Rustem Umerov", "«Дякую»", "BRUSSELS, 12 February 2025"], ["\ufeff", "\x00"], id="utf-16",
        ),
        pytest.param(
            "nordic-response-bom.txt", None, None,
            ["Finland hosts Nordic Response exercise", "20,000 troops"], ["\ufeff", "ï»¿"], id="utf-8-bom",
        ),
    ],
)
def test_readers_on_fixtures(name, title, published, present, absent):
    read = ingest.read_file(DATA / name, fixture(name))
    assert read.title == title
    assert (read.published.isoformat() if read.published else None) == published
    for text in present:
        assert text in read.body, text
    for text in absent:
        assert text not in read.body, text


def test_html_body_is_one_paragraph_per_line():
    read = ingest.read_file(DATA / "hague-summit.html", fixture("hague-summit.html"))
    lines = read.body.splitlines()
    assert lines[0] == "Allies agree five per cent defence spending goal at The Hague summit"
    assert lines[1].startswith("NATO leaders meeting in The Hague agreed on Wednesday")
    assert lines[1].endswith("since the end of the Cold War.")
    assert len(lines) == 7
    assert read.raw == fixture("hague-summit.html").decode("utf-8")  # raw is the page as it was


def test_pdf_body_is_one_paragraph_per_line():
    read = ingest.read_file(DATA / "defence-review.pdf", fixture("defence-review.pdf"))
    assert read.body.splitlines() == [
        "Air and missile defence after The Hague",
        "Allies agreed at The Hague summit in June 2025 to invest more in integrated air and missile defence, "
        "which commanders describe as the most urgent gap in the defence of the eastern flank. Germany, Poland "
        "and the Netherlands have ordered new long-range interceptors, and Spain will take part in the NATO-led "
        "procurement of ground-based systems.",
        "The review expects the first batteries to reach full operational capability by 2028.",
        "Ammunition and industrial capacity",
        "Production of 155mm artillery shells in Europe has tripled since 2022, but stocks remain below the levels "
        "that the alliance's planners set for high-intensity capabilities. Defence ministers will review the "
        "industrial plans again in October.",
    ]
    assert "Briefing note" in read.raw  # raw keeps what pypdf extracted


@pytest.mark.parametrize(
    "name, published, title",
    [
        pytest.param("sanchez-cp1252.txt", "2025-06-26", "Madrid to meet NATO targets with 2.1% of GDP, says Sánchez", id="cp1252"),
        pytest.param("contact-group-utf16.txt", "2025-02-12", "Ukraine Defence Contact Group pledges air defence", id="utf-16"),
        pytest.param("nordic-response-bom.txt", "2025-03-03", "Finland hosts Nordic Response exercise", id="utf-8-bom"),
    ],
)
def test_decoded_text_files_clean_to_their_headline_and_dateline(name, published, title):
    cleaned = clean(ingest.read_file(DATA / name, fixture(name)).body)
    assert (cleaned.title, cleaned.published.isoformat()) == (title, published)


@pytest.mark.parametrize(
    "name, data, category, reason",
    [
        pytest.param("logo.txt", fixture("logo.txt"), ingest.BINARY, "binary file", id="png-named-txt"),
        pytest.param("chart.png", fixture("chart.png"), ingest.UNKNOWN_TYPE, "unknown file type .png", id="unknown-type"),
        pytest.param("README", b"NATO", ingest.UNKNOWN_TYPE, "unknown file type (no extension)", id="no-extension"),
        pytest.param("empty.txt", fixture("empty.txt"), ingest.EMPTY, "empty file", id="empty"),
        pytest.param("blank.md", b" \r\n\t\n", ingest.EMPTY, "empty file", id="whitespace"),
        pytest.param("bom-only.txt", b"\xff\xfe", ingest.EMPTY, "empty file", id="bom-only"),
        pytest.param("menu.html", b"<html><body><header><a href='/'>Home</a> <a href='/world'>World</a></header>"
                     b"<div class='cookie'>We use cookies.</div><footer>Contact us</footer></body></html>",
                     ingest.NO_TEXT, "no article text", id="html-without-article"),
        pytest.param("error.pdf", b"<html>404 Not Found</html>", ingest.DAMAGED, "not a PDF", id="html-saved-as-pdf"),
        pytest.param("cut.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", ingest.DAMAGED, "damaged PDF (Stream has ended unexpectedly)",
                     id="truncated-pdf"),
        pytest.param("scan.pdf", None, ingest.NO_TEXT, "PDF without a text layer (scanned?)", id="pdf-without-text"),
        pytest.param("locked.pdf", "secret", ingest.ENCRYPTED, "encrypted PDF (needs a password)", id="encrypted-pdf"),
    ],
)
def test_read_file_skips(name, data, category, reason):
    if data is None:  # a page with no text on it, as a scanner without OCR makes
        data = pdf_bytes(blank=True)
    elif isinstance(data, str):  # the fixture PDF locked with this password
        data = pdf_bytes(user_password=data)
    with pytest.raises(SkipFile) as caught:
        ingest.read_file(Path(name), data)
    assert (caught.value.category, str(caught.value)) == (category, reason)


def test_pdf_locked_for_editing_only_is_read():
    read = ingest.read_file(Path("locked.pdf"), pdf_bytes(owner_password="owner-only"))
    assert "new long-range interceptors" in read.body


# --- PDF text: running lines, paragraphs, hyphenation -----------------------------------

BODY = "Allies agreed in The Hague to invest more in integrated air and missile defence and more"  # a full line


@pytest.mark.parametrize(
    "pages, expected",
    [
        pytest.param(
            [f"NATO Review | Issue 12\n{what.title()} {BODY[7:]}\nin {what}.\n{n}" for n, what in ((3, "shells"), (4, "drones"), (5, "radars"))],
            "\n".join(f"{what.title()} {BODY[7:]} in {what}." for what in ("shells", "drones", "radars")),
            id="running-header-with-issue-number-and-page-numbers",
        ),
        pytest.param(
            ["Page 1 of 1\nShort statement on the summit.\n- 1 -"], "Short statement on the summit.",
            id="lone-page-numbers-on-one-page",
        ),
        pytest.param(
            [f"{BODY}\nthat continues on the next", "page, as paragraphs do.\n7"],
            f"{BODY} that continues on the next page, as paragraphs do.",
            id="paragraph-across-a-page-break",
        ),
        pytest.param(
            [f"Summit communique\n{BODY}\nends here.\nNext heading\n{BODY}.\nA second paragraph starts."],
            f"Summit communique\n{BODY} ends here.\nNext heading\n{BODY}.\nA second paragraph starts.",
            id="headings-and-paragraph-ends",
        ),
        pytest.param(
            [f"{BODY}:\n- first point of the plan\n- second point\n2) a numbered item"],
            f"{BODY}:\n- first point of the plan\n- second point\n2) a numbered item",
            id="list-items",
        ),
        pytest.param(
            ["Only one page\nwith two lines 2026 kept as they are"], "Only one page\nwith two lines 2026 kept as they are",
            id="single-page-nothing-repeated",
        ),
    ],
)
def test_pdf_text(pages, expected):
    assert ingest.pdf_text(pages) == expected


@pytest.mark.parametrize(
    "lines, expected",
    [
        pytest.param(["the defen-", "ce of the flank"], "the defence of the flank", id="soft-hyphen-joined"),
        pytest.param(["capa-", "bilities grow"], "capabilities grow", id="unknown-word-joined"),
        pytest.param(["new long-", "range missiles"], "new long-range missiles", id="compound-head-kept"),
        pytest.param(["a so-", "called deal"], "a so-called deal", id="so-called-kept"),
        pytest.param(["a two-", "day summit"], "a two-day summit", id="number-compound-kept"),
        pytest.param(["the NATO-", "led mission"], "the NATO-led mission", id="acronym-kept"),
        pytest.param(["talks with NATO-", "Russia council"], "talks with NATO-Russia council", id="capital-after-kept"),
        pytest.param(["the F-", "35 jets"], "the F-35 jets", id="digit-after-kept"),
        pytest.param(["state-of-the-", "art radars"], "state-of-the-art radars", id="already-hyphenated-kept"),
        pytest.param(["a cease-", "fire, then a cease-fire deal"], "a cease-fire, then a cease-fire deal",
                     id="hyphenated-elsewhere-kept"),
        pytest.param(["long-", "standing and longstanding ties"], "longstanding and longstanding ties",
                     id="joined-elsewhere-wins-over-compound-head"),
        pytest.param(["defen\u00ad", "ce"], "defence", id="soft-hyphen-character"),
        pytest.param(["the alliance -", "and its partners"], "the alliance - and its partners", id="dash-not-hyphen"),
    ],
)
def test_pdf_hyphenation(lines, expected):
    assert ingest.pdf_text(["\n".join(lines)]) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        pytest.param("Allied Defence Review 2025", "Allied Defence Review 2025", id="title"),
        pytest.param("  Vilnius   Summit\nCommuniqué ", "Vilnius Summit Communiqué", id="spaces-folded"),
        pytest.param("Microsoft Word - briefing_final_v3.docx", None, id="word-file-name"),
        pytest.param("report-2025.pdf", None, id="file-name"),
        pytest.param("Untitled", None, id="untitled"),
        pytest.param("Communique", None, id="one-word"),
        pytest.param("", None, id="empty"),
        pytest.param("x " * 150, None, id="too-long"),
    ],
)
def test_pdf_title(value, expected):
    assert ingest.pdf_title(value) == expected


# --- discover: problems while walking --------------------------------------------------------


def walk(*roots: Path) -> tuple[list[str], list[tuple[str, str]]]:
    problems: list[Problem] = []
    found = list(ingest.discover(list(roots), problems.append))
    base = roots[0] if roots[0].is_dir() else roots[0].parent
    return (
        [str(p.relative_to(base)) for p in found],
        [(str(p.path.relative_to(base)) if p.path.is_relative_to(base) else str(p.path), p.category) for p in problems],
    )


@pytest.fixture
def tree(tmp_path) -> Path:
    root = tmp_path / "tree"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text("Allies meet in Vilnius.\n")
    (root / "sub" / "b.md").write_text("# Summit\n")
    (root / ".hidden.txt").write_text("Hidden.\n")
    return root


def make_problem(root: Path, kind: str) -> None:
    if kind == "broken link":
        (root / "broken.txt").symlink_to(root / "deleted.txt")
    elif kind == "self loop":
        (root / "self.txt").symlink_to(root / "self.txt")
    elif kind == "mutual loop":
        (root / "ping.txt").symlink_to(root / "pong.txt")
        (root / "pong.txt").symlink_to(root / "ping.txt")
    elif kind == "fifo":
        os.mkfifo(root / "pipe.txt")
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(root / "server.txt"))
        server.close()  # the socket file stays
    elif kind == "device link":
        (root / "null.txt").symlink_to("/dev/null")
    elif kind == "folder link":
        (root / "loop").symlink_to(root)  # not followed: no endless walk, nothing reported


@pytest.mark.parametrize(
    "kind, problems",
    [
        pytest.param("broken link", [("broken.txt", ingest.BROKEN_LINK)], id="broken-link"),
        pytest.param("self loop", [("self.txt", ingest.LINK_LOOP)], id="link-to-itself"),
        pytest.param("mutual loop", [("ping.txt", ingest.LINK_LOOP), ("pong.txt", ingest.LINK_LOOP)], id="links-to-each-other"),
        pytest.param("fifo", [("pipe.txt", ingest.NOT_A_FILE)], id="fifo"),
        pytest.param("socket", [("server.txt", ingest.NOT_A_FILE)], id="socket"),
        pytest.param("device link", [("null.txt", ingest.NOT_A_FILE)], id="link-to-a-device"),
        pytest.param("folder link", [], id="folder-link-not-followed"),
    ],
)
def test_discover_reports_problems_instead_of_yielding_them(tree, kind, problems):
    make_problem(tree, kind)
    assert walk(tree) == (["a.txt", "sub/b.md"], problems)


def test_discover_reports_a_folder_it_cannot_list(tree, monkeypatch):
    # Root reads any folder whatever its mode (tests run as root in CI): refuse the listing instead.
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path) == tree / "sub":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert walk(tree) == (["a.txt"], [("sub", ingest.UNREADABLE)])


@pytest.mark.parametrize(
    "kind, name, category",
    [
        pytest.param("fifo", "pipe.txt", ingest.NOT_A_FILE, id="fifo"),
        pytest.param("broken link", "broken.txt", ingest.BROKEN_LINK, id="broken-link"),
        pytest.param("self loop", "self.txt", ingest.LINK_LOOP, id="link-loop"),
    ],
)
def test_discover_reports_a_root_given_by_name(tree, kind, name, category):
    make_problem(tree, kind)
    assert walk(tree / name) == ([], [(name, category)])


def test_discover_without_a_problem_hook_yields_what_reading_will_report(tree):
    # Callers that pass no hook: a broken link is yielded and fails when read; a FIFO is never yielded.
    make_problem(tree, "broken link")
    make_problem(tree, "fifo")
    found = [p.name for p in ingest.discover([tree])]
    assert found == ["a.txt", "broken.txt", "b.md"]


# --- load ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind, name, category, reason",
    [
        pytest.param("broken link", "broken.txt", ingest.BROKEN_LINK, "broken link to {root}/deleted.txt", id="broken-link"),
        pytest.param("self loop", "self.txt", ingest.LINK_LOOP, "symbolic link loop", id="link-loop"),
        pytest.param("fifo", "pipe.txt", ingest.NOT_A_FILE, "not a regular file (a FIFO)", id="fifo-not-opened"),
        pytest.param("device link", "null.txt", ingest.NOT_A_FILE, "not a regular file (a device)", id="device"),
        pytest.param("socket", "server.txt", ingest.NOT_A_FILE, "not a regular file (a socket)", id="socket"),
        pytest.param(None, "gone.txt", ingest.VANISHED, "gone before it could be read", id="vanished"),
        pytest.param(None, "sub", ingest.UNREADABLE, "Is a directory", id="folder"),
    ],
)
def test_load_failures(tree, kind, name, category, reason):
    if kind:
        make_problem(tree, kind)
    with pytest.raises(ReadFailed) as caught:
        ingest.load(tree / name)
    assert caught.value.problem == Problem(tree / name, category, reason.format(root=tree))
    assert str(caught.value) == caught.value.problem.reason


def test_load_permission_denied(tree, monkeypatch):
    # chmod 000 does not stop root: the open itself is refused here, as the kernel refuses it to other users.
    real_open = os.open

    def refuse(path, flags, *args, **kwargs):
        if Path(path) == tree / "a.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(ReadFailed) as caught:
        ingest.load(tree / "a.txt")
    assert caught.value.problem == Problem(tree / "a.txt", ingest.UNREADABLE, "Permission denied")


def test_load_input_output_error():
    # A real read failure that root meets too: /proc/self/mem cannot be read at offset 0.
    with pytest.raises(ReadFailed) as caught:
        ingest.load(Path("/proc/self/mem"))
    assert caught.value.problem == Problem(Path("/proc/self/mem"), ingest.UNREADABLE, "Input/output error")


def test_load_a_50_mb_text_file(tmp_path):
    line = "Allies agreed on Wednesday to raise the defence spending target to five per cent of GDP.\n".encode()
    big = tmp_path / "archive.txt"
    with big.open("wb") as out:
        for _ in range(50 * 2**20 // len(line) + 1):
            out.write(line)
    data = ingest.load(big)
    assert len(data) == big.stat().st_size > 50 * 2**20
    read = ingest.read_file(big, data)
    assert read.body.startswith("Allies agreed") and len(read.body) == len(data)


@pytest.mark.parametrize(
    "error",
    [
        pytest.param(SkipFile("binary file", ingest.BINARY), id="skip"),
        pytest.param(ReadFailed(Problem(Path("/x/a.txt"), ingest.LINK_LOOP, "symbolic link loop")), id="read-failed"),
    ],
)
def test_errors_cross_process_boundaries(error):
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), str(copy), vars(copy)) == (type(error), str(error), vars(error))


def test_skip_without_category_is_no_text():
    # What the indexer raises for a file whose cleaned text is empty.
    assert SkipFile("no article text").category == ingest.NO_TEXT


# --- through the CLI ------------------------------------------------------------------


@pytest.fixture
def real_world(tmp_path) -> Path:
    folder = tmp_path / "downloads"
    folder.mkdir()
    for name in FIXTURES:
        shutil.copy(DATA / name, folder / name)
    return folder


def test_index_real_world_files(run, real_world):
    result = run("index", real_world, "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["added"], summary["skipped"], summary["failed"]) == (5, 3, 0)
    assert {p["path"].rsplit("/", 1)[-1]: p["reason"] for p in summary["problems"]} == {
        "chart.png": "unknown file type .png",
        "empty.txt": "empty file",
        "logo.txt": "binary file",
    }

    def found(query: str) -> set[str]:
        return {Path(r["path"]).name for r in run.json("search", query)}

    assert "sanchez-cp1252.txt" in found("Sánchez")
    assert found('"€1.2 billion"') == {"sanchez-cp1252.txt"}
    assert found("quantum leap") == {"hague-summit.html"}
    assert found('"long-range interceptors"') == {"defence-review.pdf"}
    assert found("Дякую") == {"contact-group-utf16.txt"}
    for chrome in ("Cookiebot", "personalise advertising", "Gotland", "Morning Brief", "Briefing note"):
        assert run("search", chrome).exit_code == 1, chrome

    docs = {Path(d["path"]).name: d for d in run.json("docs")}
    assert docs["hague-summit.html"]["published"] == "2025-06-25"
    assert docs["hague-summit.html"]["title"] == "Allies agree five per cent defence spending goal at The Hague summit"
    assert docs["defence-review.pdf"]["title"] == "Allied Defence Review 2025"
    assert docs["sanchez-cp1252.txt"]["published"] == "2025-06-26"


# --- any bytes: SkipFile or a Read, and the same each time -------------------------------------


def outcome(path: Path, data: bytes):
    try:
        return ingest.read_file(path, data)
    except SkipFile as exc:
        return ("skip", exc.category, str(exc))


def assert_reads_safely(path: Path, data: bytes) -> None:
    first = outcome(path, data)
    assert outcome(path, data) == first
    assert isinstance(first, (ingest.Read, tuple))


TEXTISH = st.one_of(
    st.binary(max_size=300),
    st.builds(lambda t, e: t.encode(e, errors="replace"), st.text(max_size=200),
              st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252", "cp1251", "latin-1", "utf-8-sig"])),
)


@settings(max_examples=150, deadline=None)
@given(data=TEXTISH)
def test_decode_any_bytes(data):
    try:
        first = ingest.decode(data)
    except SkipFile as exc:
        assert exc.category == ingest.BINARY
        with pytest.raises(SkipFile):
            ingest.decode(data)
    else:
        assert ingest.decode(data) == first


@settings(max_examples=150, deadline=None)
@given(data=TEXTISH, suffix=st.sampled_from([".txt", ".md", ".xyz", ""]))
def test_read_text_files_any_bytes(data, suffix):
    assert_reads_safely(Path("article" + suffix), data)


HTMLISH = st.one_of(
    TEXTISH,
    st.builds(lambda a, b: f"<html><body><{a}>{b}</{a}></body></html>".encode(),
              st.sampled_from(["p", "article", "nav", "div", "time", "script"]), st.text(max_size=200)),
    st.builds(lambda cut, junk: fixture("hague-summit.html")[:cut] + junk, st.integers(0, 4300), st.binary(max_size=40)),
)


@settings(max_examples=40, deadline=None)
@given(data=HTMLISH)
def test_read_html_any_bytes(data):
    assert_reads_safely(Path("page.html"), data)


PDF = fixture("defence-review.pdf")
PDFISH = st.one_of(
    st.binary(max_size=200).map(lambda b: b"%PDF-1.4\n" + b),
    st.builds(lambda at, junk: PDF[:at] + junk + PDF[at + len(junk):], st.integers(0, len(PDF)), st.binary(min_size=1, max_size=30)),
    st.integers(0, len(PDF)).map(lambda cut: PDF[:cut]),
)


@settings(max_examples=40, deadline=None)
@given(data=PDFISH)
def test_read_pdf_any_bytes(data):
    assert_reads_safely(Path("report.pdf"), data)
