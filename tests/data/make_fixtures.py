"""Write the ingest test fixtures in this folder, byte for byte the same on every run.

    python tests/data/make_fixtures.py

Every fixture is made here from text written for natocli's tests: a news
page with its site around it, a two-page text PDF written by hand (no PDF
library needed), text files in legacy and Unicode encodings, and files that
are not articles at all.
"""

from __future__ import annotations

import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent

# --- an HTML news page --------------------------------------------------------
# The article sits inside the page as a news site serves it: header menu,
# cookie banner, breadcrumbs, share buttons, a related-articles list, a
# newsletter box and a footer. The words only the page furniture uses
# ("Cookiebot", "Congress", "Newsletter") let the tests check that they stay out.

HTML_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Allies agree five per cent defence spending goal at The Hague summit | Atlantic Monitor</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="Allies agree five per cent defence spending goal at The Hague summit">
<meta property="og:type" content="article">
<meta property="og:site_name" content="Atlantic Monitor">
<meta property="article:published_time" content="2025-06-25T16:40:00+02:00">
<meta property="article:modified_time" content="2025-06-27T09:05:00+02:00">
<link rel="canonical" href="https://atlantic-monitor.example/defence/allies-agree-five-per-cent-goal">
</head>
<body>
<div id="cookie-banner" class="cookie-consent">
  <p>We use cookies and similar technologies from Cookiebot to personalise advertising and measure
  audiences. You can accept all cookies or manage your preferences at any time.</p>
  <button>Accept all cookies</button> <button>Manage preferences</button>
</div>
<header class="site-header">
  <a class="logo" href="/">Atlantic Monitor</a>
  <nav class="main-menu">
    <ul>
      <li><a href="/">Home</a></li>
      <li><a href="/world">World</a></li>
      <li><a href="/europe">Europe</a></li>
      <li><a href="/defence">Defence</a></li>
      <li><a href="/opinion">Opinion</a></li>
      <li><a href="/podcasts">Podcasts</a></li>
      <li><a href="/subscribe">Subscribe</a></li>
    </ul>
  </nav>
</header>
<main>
<nav class="breadcrumbs"><a href="/">Home</a> &rsaquo; <a href="/defence">Defence</a></nav>
<article class="post">
  <h1 class="entry-title">Allies agree five per cent defence spending goal at The Hague summit</h1>
  <div class="byline">By Marieke de Vries &middot;
    <time datetime="2025-06-25T16:40:00+02:00" class="published">25 June 2025</time>
  </div>
  <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
  <div class="entry-content">
    <p>NATO leaders meeting in The Hague agreed on Wednesday to raise their defence spending target
    to five per cent of gross domestic product by 2035, the largest increase in the alliance&#8217;s
    commitments since the end of the Cold War.</p>
    <p>Under the deal, allies will spend at least 3.5 per cent of GDP on core defence requirements
    such as troops, weapons and ammunition, and up to 1.5 per cent on resilience, including the
    protection of critical infrastructure, cyber defence and the readiness of civilian ports.</p>
    <p>&#8220;This is a quantum leap that is ambitious, historic and fundamental to securing our future,&#8221;
    NATO Secretary General Mark Rutte told reporters after the leaders&#8217; meeting at the World Forum.</p>
    <h2>A flexible path for Spain</h2>
    <p>Spain&#8217;s prime minister, Pedro S&aacute;nchez, said Madrid would meet its capability
    targets with spending of about 2.1 per cent of GDP, a position other allies criticised as a
    free ride on their increased contributions to collective deterrence.</p>
    <p>Allies will review the trajectory and balance of spending in 2029, in light of the strategic
    environment and updated capability targets agreed by defence ministers earlier in June.</p>
  </div>
  <div class="tags">Tags: <a href="/tag/nato">NATO</a> <a href="/tag/spending">Spending</a></div>
</article>
<aside class="related">
  <h3>Related articles</h3>
  <ul>
    <li><a href="/a/1">Congress stalls on Ukraine aid package as winter nears</a></li>
    <li><a href="/a/2">Baltic states lay sea mines in drills off Gotland</a></li>
    <li><a href="/a/3">Opinion: the alliance needs more than money to deter Moscow</a></li>
  </ul>
</aside>
<div class="newsletter">
  <h3>Newsletter</h3>
  <p>Sign up for the Atlantic Monitor Morning Brief, delivered to your inbox every weekday.</p>
  <form><input type="email" placeholder="Your email"><button>Sign up</button></form>
</div>
</main>
<footer class="site-footer">
  <ul>
    <li><a href="/about">About us</a></li>
    <li><a href="/contact">Contact</a></li>
    <li><a href="/privacy">Privacy policy</a></li>
    <li><a href="/terms">Terms of use</a></li>
  </ul>
  <p>&copy; 2025 Atlantic Monitor Media Group. All rights reserved.</p>
</footer>
</body>
</html>
"""

# --- a two-page text PDF ------------------------------------------------------
# Lines as the typesetter broke them: a soft hyphen at "defen-/ce" and
# "capa-/bilities", real hyphens at "long-/range" and "NATO-/led", a running
# header and a page footer on both pages.

PDF_TITLE = "Allied Defence Review 2025"
PDF_HEADER = "Allied Defence Review 2025 | Briefing note"
PDF_PAGES = [
    [
        "Air and missile defence after The Hague",
        "",
        "Allies agreed at The Hague summit in June 2025 to invest more in integrated air and",
        "missile defence, which commanders describe as the most urgent gap in the defen-",
        "ce of the eastern flank. Germany, Poland and the Netherlands have ordered new",
        "long-",
        "range interceptors, and Spain will take part in the NATO-",
        "led procurement of ground-based systems.",
        "",
        "The review expects the first batteries to reach full operational capability by 2028.",
    ],
    [
        "Ammunition and industrial capacity",
        "",
        "Production of 155mm artillery shells in Europe has tripled since 2022, but stocks",
        "remain below the levels that the alliance's planners set for high-intensity capa-",
        "bilities. Defence ministers will review the industrial plans again in October.",
    ],
]


def _pdf_string(text: str) -> bytes:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("latin-1") + b")"


def _page_stream(number: int, lines: list[str]) -> bytes:
    """A page's content: header at the top, the lines from y=720 down, the footer at the bottom."""
    ops = [b"BT", b"/F1 9 Tf", b"72 770 Td", _pdf_string(PDF_HEADER) + b" Tj", b"ET"]
    y = 720
    for line in lines:
        if line:
            ops += [b"BT", b"/F1 11 Tf", f"72 {y} Td".encode(), _pdf_string(line) + b" Tj", b"ET"]
        y -= 15 if line else 9  # a blank line in the list is a paragraph gap
    ops += [b"BT", b"/F1 9 Tf", b"290 40 Td", _pdf_string(f"Page {number} of {len(PDF_PAGES)}") + b" Tj", b"ET"]
    return b"\n".join(ops) + b"\n"


def make_pdf(pages: list[list[str]], title: str, *, compress: bool = True) -> bytes:
    """A minimal valid PDF 1.4: Helvetica text pages, an /Info title and creation date, a correct xref."""
    n_pages = len(pages)
    # Objects: 1 catalog, 2 page tree, 3 font, 4 info, then (page, content) pairs.
    page_ids = [5 + 2 * i for i in range(n_pages)]
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [" + b" ".join(f"{p} 0 R".encode() for p in page_ids)
        + f"] /Count {n_pages} >>".encode(),
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        4: b"<< /Title " + _pdf_string(title) + b" /Producer (natocli test fixtures)"
        b" /CreationDate (D:20250701093000Z) >>",
    }
    for i, lines in enumerate(pages):
        stream = _page_stream(i + 1, lines)
        filters = b""
        if compress:
            stream = zlib.compress(stream, 9)
            filters = b" /Filter /FlateDecode"
        objects[page_ids[i]] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >>"
            + f" /Contents {page_ids[i] + 1} 0 R >>".encode()
        )
        objects[page_ids[i] + 1] = (
            f"<< /Length {len(stream)}".encode() + filters + b" >>\nstream\n" + stream + b"\nendstream"
        )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += f"{number} 0 obj\n".encode() + objects[number] + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n".encode() + b"0000000000 65535 f \n"
    for number in sorted(objects):
        out += f"{offsets[number]:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


# --- text files in several encodings ------------------------------------------

CP1252_TEXT = (
    "Madrid to meet NATO targets with 2.1% of GDP, says S\u00e1nchez\r\n"
    "\r\n"
    "MADRID, 26 June 2025 - Spain's prime minister Pedro S\u00e1nchez said on Thursday that his\r\n"
    "government would spend \u20ac1.2 billion more on defence this year, and that Spain would\r\n"
    "meet the capability targets agreed at The Hague without reaching five per cent of GDP.\r\n"
    "\r\n"
    "\u201cSpain is a reliable ally,\u201d S\u00e1nchez told reporters in Madrid \u2013 a message aimed at\r\n"
    "critics in Washington and in the alliance\u2019s eastern capitals.\r\n"
)

UTF16_TEXT = (
    "Ukraine Defence Contact Group pledges air defence\n"
    "\n"
    "BRUSSELS, 12 February 2025 - Ministers of the Ukraine Defence Contact Group pledged new air\n"
    "defence systems for Kyiv at NATO headquarters; Ukraine's defence minister Rustem Umerov\n"
    "thanked the allies in Ukrainian: \u00ab\u0414\u044f\u043a\u0443\u044e\u00bb.\n"
)

UTF8_BOM_TEXT = (
    "Finland hosts Nordic Response exercise\n"
    "\n"
    "HELSINKI, 3 March 2025 - More than 20,000 troops from thirteen allies took part in the\n"
    "Nordic Response exercise across northern Finland, Norway and Sweden, the alliance's\n"
    "largest winter drill since Finland joined NATO in April 2023.\n"
)

# A real PNG header and an IHDR chunk: a picture saved under a .txt name, and one under its own name.
PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"
    b"\x00\x00\x00\x0cIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)

FIXTURES: dict[str, bytes] = {
    "hague-summit.html": HTML_PAGE.encode("utf-8"),
    "defence-review.pdf": make_pdf(PDF_PAGES, PDF_TITLE),
    "sanchez-cp1252.txt": CP1252_TEXT.encode("cp1252"),
    "contact-group-utf16.txt": b"\xff\xfe" + UTF16_TEXT.encode("utf-16-le"),  # little-endian, with its BOM
    "nordic-response-bom.txt": b"\xef\xbb\xbf" + UTF8_BOM_TEXT.encode("utf-8"),
    "logo.txt": PNG_BYTES,
    "chart.png": PNG_BYTES,
    "empty.txt": b"",
}


def main() -> None:
    for name, data in FIXTURES.items():
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
