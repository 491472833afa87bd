"""The indexer: worker processes, the batched writer, re-indexing, huge files."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from natocli import indexer, store
from natocli.extract import document
from natocli.extract.document import extract_all, extract_parts

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
import corpus as bench_corpus  # noqa: E402

# Every table the indexer fills, with the columns that identify a row independently of ids.
CONTENT = {
    "documents": "path, title, published, text, sha256, words",
    "events": "(SELECT path FROM documents d WHERE d.id = doc_id), pos, pos_end, sent_start, sent_end, "
    "expression, start, end, precision, year_inferred, named",
    "mentions": "(SELECT path FROM documents d WHERE d.id = doc_id), (SELECT key FROM people p WHERE p.id = person_id), "
    "pos, pos_end, sent_start, sent_end, surface, role",
    "people": "key, name",
    "role_mentions": "(SELECT path FROM documents d WHERE d.id = doc_id), pos, pos_end, role",
    "sentence_countries": "(SELECT path FROM documents d WHERE d.id = doc_id), sent_start, country",
    "spending": "(SELECT path FROM documents d WHERE d.id = doc_id), pos, expression, entity, value, unit, kind, year",
}


def content(db_path: Path) -> dict[str, list[tuple]]:
    db = sqlite3.connect(db_path)
    try:
        return {table: sorted(db.execute(f"SELECT {cols} FROM {table}").fetchall(), key=repr)
                for table, cols in CONTENT.items()}
    finally:
        db.close()


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    """150 generated articles: enough to start worker processes."""
    folder = tmp_path_factory.mktemp("synthetic")
    bench_corpus.generate(folder, 150, seed=3)
    return folder


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("", 0, id="empty"),
        pytest.param("one", 1, id="one word"),
        pytest.param("  NATO allies\n\tagreed  today ", 4, id="any whitespace"),
        pytest.param("5% of GDP by 2035.", 5, id="numbers are words"),
        pytest.param("word " * 10, 10, id="repeated"),
    ],
)
def test_word_count(text, expected):
    assert indexer.word_count(text) == expected == len(text.split())


@pytest.mark.parametrize("piece", [1, 3, 7, 64])
def test_word_count_in_pieces_never_cuts_a_word(piece):
    text = "Allies pledged five percent of GDP\nfor defence and security by 2035 " * 5
    assert indexer.word_count(text, piece=piece) == len(text.split())


def test_parts_cover_a_long_text_at_line_ends_with_true_offsets(monkeypatch):
    monkeypatch.setattr(document, "PART_CHARS", 2_000)  # the rule, at a size that keeps the test quick
    paragraph = (
        "On 24 June 2025 NATO Secretary General Mark Rutte said Allies would spend 5% of GDP on defence "
        "by 2035, and Poland's Defence Minister Władysław Kosiniak-Kamysz welcomed it in Warsaw.\n"
    )
    text = paragraph * (document.PART_CHARS // len(paragraph) * 2 + 3)
    parts = list(extract_parts(text))
    assert len(parts) >= 3
    offsets = [offset for offset, _ in parts]
    assert offsets[0] == 0 and all(text[o - 1] == "\n" for o in offsets[1:])
    rows = store.document_rows(
        store.DocumentRecord(path="/x", title="t", published=None, text=text, raw=text, sha256="0", words=1), parts
    )
    one = extract_all(paragraph)
    repeats = len(text) // len(paragraph)
    assert len(rows.events) == len(one.events) * repeats
    assert len(rows.spending) == len(one.spending) * repeats
    for pos, pos_end, s_start, s_end, expression, *_ in rows.events:
        assert text[pos:pos_end] == expression and s_start <= pos < pos_end <= s_end
    for pos, pos_end, s_start, s_end, expression, *_ in rows.spending:
        assert text[pos:pos_end] == expression and s_start <= pos
    for _, _, pos, pos_end, _, _, surface, _ in rows.mentions:
        assert text[pos:pos_end] == surface


def test_short_text_is_one_part():
    text = "NATO leaders met in Vilnius on 11 July 2023."
    ((offset, extraction),) = extract_parts(text)
    assert offset == 0 and extraction == extract_all(text)


def test_original_text_round_trips_through_the_dictionary_compression():
    raw = "Cookie settings\nAccept all\nNATO allies agreed on Tuesday.\nSánchez spoke of €1.2 billion.\n"
    text = "NATO allies agreed on Tuesday.\nSánchez spoke of €1.2 billion.\n"
    blob = store.compress(raw, text)
    assert store.decompress(blob, text) == raw
    assert store.decompress(store.compress(raw), "") == raw  # blobs written without a dictionary still read
    assert len(blob) < len(store.compress(raw))


@pytest.mark.parametrize(
    "paths",
    [
        pytest.param([], id="none"),
        pytest.param(["/a.txt"], id="one"),
        pytest.param(["/news/2024/summit.txt", "/news/2024/Sánchez €.md", "/x y/page.html"], id="spaces and accents"),
        pytest.param([f"/corpus/{i:05d}.txt" for i in range(1000)], id="a thousand"),
    ],
)
def test_the_compact_file_list_gives_back_every_path_in_order(paths):
    listed = indexer.Paths(paths)
    assert len(listed) == len(paths)
    assert list(listed) == paths
    assert list(listed) == paths  # it can be read again


@pytest.mark.parametrize(
    "paths, expected",
    [
        pytest.param([], False, id="nothing"),
        pytest.param(["/a/summit.txt", "/a/notes.md", "/a/review.pdf"], False, id="no web page"),
        pytest.param(["/a/summit.html"], True, id="html"),
        pytest.param(["/a/SUMMIT.HTM", "/a/b.txt"], True, id="htm in capitals, first"),
        pytest.param(["/a/b.txt", "/a/page.html", "/a/c.txt"], True, id="in the middle"),
        pytest.param(["/a/page.html.txt", "/a/page.htmlx", "/html/a.txt"], False, id="html elsewhere in the name"),
    ],
)
def test_web_pages_among_the_files_to_read(paths, expected):
    assert indexer.has_web_pages(indexer.Paths(paths)) is expected


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
@pytest.mark.parametrize("with_page", [False, True], ids=["text files only", "with a web page"])
def test_the_writer_loads_the_web_page_libraries_only_for_web_pages(synthetic, tmp_path, with_page):
    """Workers are forked with what the writer imported: with web pages to read, trafilatura is loaded once, before."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for f in sorted(synthetic.rglob("*.txt"))[:indexer.PARALLEL_MIN + 6]:
        (folder / f.name).write_bytes(f.read_bytes())
    if with_page:
        (folder / "hague-summit.html").write_bytes((REPO / "tests" / "data" / "hague-summit.html").read_bytes())
    script = (
        "import sys\n"
        "from natocli import indexer, store\n"
        f"summary = indexer.index_paths(store.open_db({str(tmp_path / 'x.db')!r}), [{str(folder)!r}])\n"
        "print(summary.added, 'trafilatura' in sys.modules, 'natocli.extract.document' in sys.modules)"
    )
    env = {**os.environ, "NATOCLI_WORKERS": "2"}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env)
    added = indexer.PARALLEL_MIN + 6 + with_page
    assert out.stdout.split() == [str(added), str(with_page), "True"]


def test_worker_processes_store_exactly_what_one_process_stores(run, synthetic, tmp_path, monkeypatch):
    monkeypatch.setenv("NATOCLI_WORKERS", "2")
    assert run("--db", tmp_path / "parallel.db", "index", synthetic).exit_code == 0
    monkeypatch.setenv("NATOCLI_WORKERS", "0")
    assert run("--db", tmp_path / "serial.db", "index", synthetic).exit_code == 0
    parallel, serial = content(tmp_path / "parallel.db"), content(tmp_path / "serial.db")
    assert len(parallel["documents"]) == 150 and parallel["events"] and parallel["mentions"]
    assert parallel == serial


@pytest.mark.parametrize("workers", ["2", "0"], ids=["worker processes", "one process"])
@pytest.mark.parametrize("at", [1, 70, 149], ids=["first file", "middle", "last file"])
def test_ctrl_c_stops_between_documents_and_the_workers_with_it(synthetic, tmp_path, monkeypatch, workers, at):
    """Ctrl-C is acted on between documents: KeyboardInterrupt, no worker left, a sound database."""
    import multiprocessing
    import signal

    monkeypatch.setenv("NATOCLI_WORKERS", workers)
    db = store.open_db(tmp_path / "interrupted.db")
    seen: list[Path] = []

    def on_file(path: Path) -> None:
        seen.append(path)
        if len(seen) == at:
            os.kill(os.getpid(), signal.SIGINT)

    try:
        with pytest.raises(KeyboardInterrupt):
            indexer.index_paths(db, [synthetic], on_file=on_file)
        assert len(seen) == at  # stopped at the next document, not at the end of the run
        assert multiprocessing.active_children() == []
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
        db.rollback()
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        kept = db.execute("SELECT count(*) FROM documents").fetchone()[0]
        assert kept < at or kept == 0
        summary = indexer.index_paths(db, [synthetic])
        assert summary.added + kept == 150
    finally:
        db.close()


def test_reindex_knows_unchanged_files_by_size_and_mtime(run, synthetic, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    files = sorted(synthetic.rglob("*.txt"))[:5]
    for f in files:
        (folder / f.name).write_bytes(f.read_bytes())
    assert run("index", folder).exit_code == 0

    touched, edited = sorted(folder.iterdir())[:2]
    os.utime(touched, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))  # same bytes, new mtime
    edited.write_text(edited.read_text() + "\nNATO foreign ministers met in Brussels on 3 April 2024.\n")
    summary = json.loads(run("index", folder, "--json").stdout)
    assert (summary["added"], summary["updated"], summary["unchanged"]) == (0, 1, 4)

    # The touched file's new mtime was recorded: the next run does not read it again either.
    stored = sqlite3.connect(os.environ["NATOCLI_DB"]).execute(
        "SELECT mtime_ns FROM documents WHERE path = ?", (str(touched),)
    ).fetchone()
    assert stored == (1_600_000_000_000_000_000,)
    summary = json.loads(run("index", folder, "--json").stdout)
    assert (summary["added"], summary["updated"], summary["unchanged"]) == (0, 0, 5)


def test_summary_counts_each_reason(run, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "article.txt").write_text("NATO allies met in Brussels on 3 April 2024 to agree a plan.\n")
    (folder / "empty.txt").write_text("")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)))
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    result = run("index", folder, "--json")
    summary = json.loads(result.stdout)
    assert (summary["added"], summary["skipped"], summary["failed"]) == (1, 2, 1)
    assert summary["reasons"] == {"broken link": 1, "empty": 1, "unknown type": 1}
    assert result.exit_code == 0
    line = run("index", folder).stderr.splitlines()[-1]
    assert line.startswith("0 added, 0 updated, 1 unchanged, 2 skipped, 1 failed")
    assert "1 broken link" in line and "1 empty" in line and "1 unknown type" in line


def test_a_50_mb_file_is_indexed_in_bounded_memory(tmp_path):
    """One huge file: read once, extracted in parts, stored; memory a few times its size, not more."""
    folder = tmp_path / "huge"
    folder.mkdir()
    line = (
        "Ministers of the Alliance met again and the talks went on through the night while forces "
        "stayed ready and members agreed that deterrence would hold across the eastern flank.\n"
    )
    big = folder / "transcript.txt"
    with big.open("w") as f:
        f.write("Transcript of the ministerial session\n")
        f.write(line * (50_000_000 // len(line)))
        f.write("The session closed with the word zebracorn.\n")
    (folder / "note.txt").write_text("NATO allies met in Brussels on 3 April 2024.\n")
    size = big.stat().st_size
    assert size >= 50_000_000

    db = tmp_path / "huge.db"
    process = subprocess.Popen(
        [sys.executable, "-m", "natocli", "--db", db, "index", folder],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "NATOCLI_WORKERS": "0"},
    )
    _, status, usage = os.wait4(process.pid, 0)
    stderr = process.stderr.read().decode()
    assert os.waitstatus_to_exitcode(status) == 0, stderr
    assert stderr.strip().endswith("2 added, 0 updated, 0 unchanged, 0 skipped, 0 failed")
    peak_mb = usage.ru_maxrss / 1024
    assert peak_mb < 10 * size / 1e6, f"peak RSS {peak_mb:.0f} MB for a {size / 1e6:.0f} MB file"

    found = subprocess.run(
        [sys.executable, "-m", "natocli", "--db", db, "search", "zebracorn", "--json"],
        capture_output=True, text=True,
    )
    assert found.returncode == 0
    assert [hit["path"] for hit in json.loads(found.stdout)] == [str(big)]
