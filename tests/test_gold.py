"""The seeds against tests/seeds-expected.json: what a careful reader extracts, through the public CLI."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\s\-]+", " ", text.casefold()).strip()


def by_file(rows: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for row in rows:
        out.setdefault(row["path"].rsplit("/", 1)[-1], []).append(row)
    return out


def role_matches(found: str, expected: str) -> bool:
    """ "President (of Portugal)": the words outside brackets are what the text says; the bracket is context."""
    outside = fold(re.sub(r"\(.*?\)", "", expected))
    whole = fold(expected.replace("(", "").replace(")", ""))
    return fold(found) in (outside, whole)


def test_titles(run, expected):
    docs = {d["path"].rsplit("/", 1)[-1]: d for d in json.loads(run("docs", "--json").stdout)}
    for doc in expected["docs"]:
        described = doc["title"].split(" (")[0]
        title = docs[doc["file"]]["title"].rstrip("…")
        assert described.startswith(title) or title.startswith(described), (doc["file"], title)


def test_people_exactly(run, expected):
    people = {fold(p["name"]): p for p in json.loads(run("who", "--json").stdout)}
    wanted = {fold(p["name"]): p for doc in expected["docs"] for p in doc["people"]}
    assert set(people) == set(wanted)
    for key, person in wanted.items():
        found = people[key]
        for role in person["roles"]:
            assert any(role_matches(r, role) for r in found["roles"]), (person["name"], found["roles"])
        assert len(found["roles"]) == len(person["roles"]), (person["name"], found["roles"])
        aliases = {fold(a) for a in found["aliases"]}
        for alias in person.get("aliases", []):
            # "Rutte" is covered by "Mr. Rutte": the surname form the text actually uses
            assert any(a == fold(alias) or a.endswith(" " + fold(alias)) for a in aliases), (
                person["name"], found["aliases"])


def test_no_chrome_people(run, expected):
    names = {fold(p["name"]) for p in json.loads(run("who", "--json").stdout)}
    for doc in expected["docs"]:
        for name in doc.get("boilerplate_people", []):
            assert fold(name) not in names
            assert run("who", name).exit_code == 1


def test_events(run, expected):
    events = by_file(json.loads(run("timeline", "--json").stdout))
    for doc in expected["docs"]:
        found = events.get(doc["file"], [])
        for event in doc["events"]:
            matching = [e for e in found if fold(event["expression"]) in fold(e["expression"])
                        or fold(e["expression"]) in fold(event["expression"])]
            assert matching, (doc["file"], event["expression"], [e["expression"] for e in found])
            e = matching[0]
            resolutions = [(event["start"], event["end"])] + [
                (r["start"], r["end"]) for r in event.get("acceptable_resolutions", [])
            ]
            assert (e["start"], e["end"]) in resolutions, (event["expression"], e)
            assert e["precision"] == event["precision"], (event["expression"], e)
            if event.get("year_inferred"):
                assert e["year_inferred"] is True
        for named in doc.get("named_events", []):
            # optional, but when reported the dates must be right
            for e in found:
                if fold(named["name"]).split()[-1] in fold(e["expression"]) and "summit" in fold(e["expression"]):
                    assert (e["start"], e["end"]) == (named["start"], named["end"]), e


def test_no_events_from_chrome(run):
    for row in json.loads(run("timeline", "--json").stdout):
        for trap in ("30 minutes", "12 characters", "join our community", "Previous Article"):
            assert trap not in row["sentence"]


def test_spending_exactly(run, expected):
    figures = by_file(json.loads(run("spending", "--json").stdout))
    total = sum(len(v) for v in figures.values())
    assert total == sum(len(doc["spending"]) for doc in expected["docs"])
    for doc in expected["docs"]:
        found = figures.get(doc["file"], [])
        assert len(found) == len(doc["spending"])
        for figure, row in zip(doc["spending"], found):
            assert (row["value"], row["unit"], row["kind"]) == (figure["value"], figure["unit"], figure["kind"])
            assert row["entity"] in (figure["entity"], "Portugal" if "Portugal" in figure.get("note", "") else None)
            assert fold(row["expression"]) in fold(figure["expression"]) or fold(figure["expression"]) in fold(
                row["expression"]
            )


@pytest.mark.parametrize(
    "name, full",
    [("rutte", "Mark Rutte"), ("RUTTE", "Mark Rutte"), ("luis montenegro", "Luís Montenegro"),
     ("sanchez", "Pedro Sánchez"), ("Shekerinska", "Radmila Shekerinska")],
)
def test_person_card_lookup(run, name, full):
    card = json.loads(run("who", name, "--json").stdout)
    assert card["name"] == full
    assert {"appearances", "co_mentioned"} <= set(card)
    assert all(set(a) == {"doc_id", "path", "title", "sentence"} for a in card["appearances"])


def test_card_co_mentions_and_roles(run):
    card = json.loads(run("who", "rutte", "--json").stdout)
    assert card["roles"] == [{"role": "NATO Secretary General", "doc_ids": [3]}]
    assert {c["name"] for c in card["co_mentioned"]} >= {"Pedro Sánchez", "Luís Montenegro"}
    assert card["mentions"] >= 5


def test_ambiguous_name_lists_matches_and_exits_2(run, tmp_path):
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "a.txt").write_text("Dutch Prime Minister Mark Smith met Canadian Foreign Minister Anna Smith in Ottawa.\n")
    run("index", folder)
    result = run("who", "smith")
    assert result.exit_code == 2
    assert "Mark Smith" in result.stderr and "Anna Smith" in result.stderr


def test_who_filters(run):
    names = lambda *a: {p["name"] for p in json.loads(run("who", *a, "--json").stdout or "[]")}  # noqa: E731
    assert names("--role", "minister") == {"Nuno Melo", "Luís Montenegro", "Pedro Sánchez"}
    assert "Jens Stoltenberg" not in names("--country", "Portuguese")
    assert "Nuno Melo" in names("--country", "Portugal")
    assert names("--doc", "2") == {"Jens Stoltenberg", "Volodymyr Zelensky"}


def test_timeline_filters(run):
    rows = lambda *a: json.loads(run("timeline", *a, "--json").stdout or "[]")  # noqa: E731
    assert [r["start"] for r in rows("--since", "2026")] == ["2026-01-01", "2026-01-07", "2026-01-08"]
    assert all(r["precision"] == "day" for r in rows("--precision", "day"))
    assert [r["expression"] for r in rows("Rutte")] == ["Monday (27 January)"]
    assert rows("--doc", "2") and all(r["doc_id"] == 2 for r in rows("--doc", "2"))
    starts = [r["start"] for r in rows() if r["start"]]
    assert starts == sorted(starts)


def test_spending_filters(run):
    rows = lambda *a: json.loads(run("spending", *a, "--json").stdout or "[]")  # noqa: E731
    assert [r["value"] for r in rows("--unit", "gdp")] == [5.0, 2.0]
    assert [r["value"] for r in rows("--min", "3")] == [5.0]
    assert rows("--unit", "money") == []
    assert len(rows("--country", "NATO")) == 2
    assert len(rows("--kind", "target")) == 2


def test_country_inside_a_name_is_not_a_country_mention(run):
    # "Luís Montenegro" is Portugal's prime minister, not a mention of Montenegro
    assert run("who", "--country", "Montenegro").exit_code == 1
