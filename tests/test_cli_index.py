"""`natocli index`: discovery, incremental re-index, --prune, summaries, bad input."""

from __future__ import annotations

import json


def summary(run, *args) -> dict:
    result = run("index", *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def counts(data: dict) -> tuple[int, ...]:
    return tuple(data[k] for k in ("added", "updated", "unchanged", "skipped", "failed", "pruned"))


def test_incremental_reindex(run, corpus):
    assert counts(summary(run, corpus)) == (3, 0, 0, 0, 0, 0)
    assert counts(summary(run, corpus)) == (0, 0, 3, 0, 0, 0)

    changed = corpus / "001_6300c27781760f9c.txt"
    changed.write_text(changed.read_text() + "\nAllies also discussed air defence in Vilnius.\n")
    assert counts(summary(run, corpus)) == (0, 1, 2, 0, 0, 0)
    found = json.loads(run("search", "air defence", "--json").stdout)
    assert [r["path"] for r in found] == [str(changed)]

    (corpus / "000_3ba43fd281dd3202.txt").unlink()
    assert counts(summary(run, corpus)) == (0, 0, 2, 0, 0, 0)  # without --prune nothing is removed
    assert len(json.loads(run("docs", "--json").stdout)) == 3
    assert counts(summary(run, corpus, "--prune")) == (0, 0, 2, 0, 0, 1)
    docs = json.loads(run("docs", "--json").stdout)
    assert sorted(d["path"].rsplit("/", 1)[-1] for d in docs) == [
        "001_6300c27781760f9c.txt",
        "002_6424fc7f0912e0b0.txt",
    ]
    assert run("search", "Shekerinska").exit_code == 1


def test_changed_document_keeps_its_id_and_replaces_extractions(run, corpus):
    summary(run, corpus)
    before = {d["path"]: d["doc_id"] for d in json.loads(run("docs", "--json").stdout)}
    target = corpus / "000_3ba43fd281dd3202.txt"
    target.write_text(target.read_text().replace("Nuno Melo", "Helena Carreiras"))
    summary(run, corpus)
    after = {d["path"]: d["doc_id"] for d in json.loads(run("docs", "--json").stdout)}
    assert before == after
    assert run("search", "Carreiras").exit_code == 0
    assert run("search", "Melo").exit_code == 1


def test_prune_only_touches_the_folders_given(run, tmp_path, corpus):
    other = tmp_path / "other"
    other.mkdir()
    (other / "note.txt").write_text("Allies agreed on a new air policing rotation over the Baltic states.\n")
    summary(run, corpus)
    summary(run, other)
    (corpus / "000_3ba43fd281dd3202.txt").unlink()
    (other / "note.txt").unlink()
    assert summary(run, corpus, "--prune")["pruned"] == 1
    assert run("search", "policing").exit_code == 0  # other/ was not given: kept


def test_discovery_is_recursive_sorted_and_skips_hidden(run, tmp_path):
    root = tmp_path / "tree"
    (root / "b" / "deep").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "a.txt").write_text("Alpha article about Allied air defence.\n")
    (root / "b" / "deep" / "c.md").write_text("# Gamma\n\nGamma article about NATO enlargement.\n")
    (root / ".hidden.txt").write_text("Hidden article about NATO.\n")
    (root / ".git" / "x.txt").write_text("Repository file about NATO.\n")
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    (root / "empty.txt").write_text("")
    data = summary(run, root)
    assert counts(data) == (2, 0, 0, 2, 0, 0)
    reasons = {p["path"].rsplit("/", 1)[-1]: p["reason"] for p in data["problems"]}
    assert reasons == {"empty.txt": "empty file", "image.png": "unknown file type .png"}
    paths = [d["path"] for d in json.loads(run("docs", "--json").stdout)]
    assert paths == [str(root / "a.txt"), str(root / "b" / "deep" / "c.md")]
    assert run("show", str(root / "b" / "deep" / "c.md"), "--json").exit_code == 0


def test_summary_line_on_stderr(run, corpus):
    result = run("index", corpus)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr.strip() == "3 added, 0 updated, 0 unchanged, 0 skipped, 0 failed"


def test_missing_path_is_bad_input_and_writes_nothing(run, corpus, tmp_path):
    summary(run, corpus)
    result = run("index", corpus, tmp_path / "nope")
    assert result.exit_code == 2
    assert "no such file or folder" in result.stderr
    assert len(json.loads(run("docs", "--json").stdout)) == 3


def test_unreadable_file_is_reported_and_does_not_stop_the_run(run, corpus):
    (corpus / "broken.txt").symlink_to(corpus / "vanished.txt")  # a link whose target is gone
    data = summary(run, corpus)
    assert (data["added"], data["failed"]) == (3, 1)
    assert data["problems"][0]["path"].endswith("broken.txt")


def test_markdown_front_matter_gives_title_and_date(run, tmp_path):
    folder = tmp_path / "md"
    folder.mkdir()
    (folder / "x.md").write_text(
        "---\ntitle: Allies agree new plans\ndate: 2024-07-10\n---\n# Allies agree new plans\n\n"
        "Leaders at the **Washington** summit agreed [new plans](https://example.org).\n"
    )
    summary(run, folder)
    doc = json.loads(run("show", "1", "--json").stdout)
    assert doc["title"] == "Allies agree new plans"
    assert doc["published"] == "2024-07-10"
    assert "**" not in doc["text"] and "https://" not in doc["text"]
    assert "Leaders at the Washington summit agreed new plans." in doc["text"]
