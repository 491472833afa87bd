import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from natocli.extract.countries import (
    Country,
    all_countries,
    country,
    find_countries,
    is_place,
    lookup_country,
)

NATO_ALLIES = {
    "Albania": 2009, "Belgium": 1949, "Bulgaria": 2004, "Canada": 1949, "Croatia": 2009,
    "Czechia": 1999, "Denmark": 1949, "Estonia": 2004, "Finland": 2023, "France": 1949,
    "Germany": 1955, "Greece": 1952, "Hungary": 1999, "Iceland": 1949, "Italy": 1949,
    "Latvia": 2004, "Lithuania": 2004, "Luxembourg": 1949, "Montenegro": 2017,
    "Netherlands": 1949, "North Macedonia": 2020, "Norway": 1949, "Poland": 1999,
    "Portugal": 1949, "Romania": 2004, "Slovakia": 2004, "Slovenia": 2004, "Spain": 1982,
    "Sweden": 2024, "Türkiye": 1952, "United Kingdom": 1949, "United States": 1949,
}


def test_vocabulary_covers_every_sovereign_country():
    countries = all_countries()
    # 193 UN members plus Kosovo, Taiwan, Palestine and the Holy See.
    assert len(countries) == 197
    assert len({c.name for c in countries}) == 197
    for name in ("Kosovo", "Taiwan", "Palestine", "Vatican City", "Tuvalu", "South Sudan"):
        assert country(name) is not None


def test_nato_allies_and_accession_years():
    allies = {c.name: c.nato_since for c in all_countries() if c.nato_since is not None}
    assert allies == NATO_ALLIES


def test_country_record():
    portugal = country("Portugal")
    assert portugal == Country(
        name="Portugal",
        adjectives=("Portuguese",),
        capitals=("Lisbon",),
        aliases=("Portuguese Republic",),
        nato_since=1949,
    )


@pytest.mark.parametrize(
    "word, expected",
    [
        pytest.param("Portugal", "Portugal", id="name"),
        pytest.param("portuguese", "Portugal", id="adjective-lower-case"),
        pytest.param("PORTUGUESE", "Portugal", id="adjective-upper-case"),
        pytest.param("Portugal's", "Portugal", id="possessive-straight"),
        pytest.param("Portugal’s", "Portugal", id="possessive-curly"),
        pytest.param("Lisbon", "Portugal", id="capital"),
        pytest.param("Dutch", "Netherlands", id="adjective-dutch"),
        pytest.param("the Netherlands", "Netherlands", id="alias-with-the"),
        pytest.param("Netherlands’", "Netherlands", id="possessive-after-s"),
        pytest.param("Holland", "Netherlands", id="alias-holland"),
        pytest.param("The Hague", "Netherlands", id="capital-the-hague"),
        pytest.param("British", "United Kingdom", id="adjective-british"),
        pytest.param("Britain", "United Kingdom", id="alias-britain"),
        pytest.param("UK", "United Kingdom", id="abbreviation-uk"),
        pytest.param("U.K.", "United Kingdom", id="abbreviation-dotted-uk"),
        pytest.param("American", "United States", id="adjective-american"),
        pytest.param("Americans", "United States", id="demonym-plural"),
        pytest.param("US", "United States", id="abbreviation-us"),
        pytest.param("U.S.", "United States", id="abbreviation-dotted-us"),
        pytest.param("USA", "United States", id="abbreviation-usa"),
        pytest.param("America", "United States", id="alias-america"),
        pytest.param("united states", "United States", id="name-lower-case"),
        pytest.param("Washington", "United States", id="capital-washington"),
        pytest.param("Turkey", "Türkiye", id="alias-turkey"),
        pytest.param("turkiye", "Türkiye", id="accent-insensitive"),
        pytest.param("Turkish", "Türkiye", id="adjective-turkish"),
        pytest.param("Czech Republic", "Czechia", id="alias-czech-republic"),
        pytest.param("Czech", "Czechia", id="adjective-czech"),
        pytest.param("Finns", "Finland", id="demonym-noun"),
        pytest.param("Poles", "Poland", id="demonym-plural-poles"),
        pytest.param("Kiev", "Ukraine", id="capital-old-spelling"),
        pytest.param("Kyiv", "Ukraine", id="capital-new-spelling"),
        pytest.param("Macedonia", "North Macedonia", id="alias-old-name"),
        pytest.param("Ivory Coast", "Côte d'Ivoire", id="alias-english-name"),
        pytest.param("Cote d’Ivoire", "Côte d'Ivoire", id="accent-and-curly-apostrophe"),
        pytest.param("Chisinau", "Moldova", id="capital-without-diacritics"),
        pytest.param("Bogota", "Colombia", id="capital-bogota-unaccented"),
        pytest.param("Kosovar", "Kosovo", id="kosovo"),
        pytest.param("Taipei", "Taiwan", id="taiwan-capital"),
        pytest.param("Holy See", "Vatican City", id="vatican-alias"),
        pytest.param("Palestinian", "Palestine", id="palestine"),
        pytest.param("DRC", "Democratic Republic of the Congo", id="drc"),
        pytest.param("South Sudanese", "South Sudan", id="two-word-adjective"),
        pytest.param("  Germany  ", "Germany", id="surrounding-space"),
        # The pronoun and common nouns are not abbreviations in another case.
        pytest.param("us", None, id="pronoun-us"),
        pytest.param("Us", None, id="pronoun-us-capitalised"),
        pytest.param("car", None, id="noun-car-is-not-CAR"),
        pytest.param("Europe", None, id="continent"),
        pytest.param("NATO", None, id="organisation"),
        pytest.param("Brussels Airlines", None, id="longer-phrase"),
        pytest.param("", None, id="empty"),
    ],
)
def test_lookup_country(word, expected):
    found = lookup_country(word)
    assert (found.name if found else None) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Portugal’s intent to reach this benchmark", [("Portugal", "Portugal’s")], id="possessive-in-span"),
        pytest.param(
            "Portuguese Minister of National Defence Nuno Melo",
            [("Portugal", "Portuguese")],
            id="adjective",
        ),
        pytest.param(
            "recent increases in Portugal’s and Spain’s defence spending",
            [("Portugal", "Portugal’s"), ("Spain", "Spain’s")],
            id="two-possessives",
        ),
        pytest.param("the recent NATO Summit in The Hague.", [("Netherlands", "The Hague")], id="capital-with-article"),
        pytest.param("the Netherlands’ budget", [("Netherlands", "the Netherlands’")], id="possessive-after-s"),
        pytest.param("The US and its allies", [("United States", "US")], id="us-upper-case"),
        pytest.param("Let us know what you think", [], id="pronoun-us-ignored"),
        pytest.param("U.S. forces arrived.", [("United States", "U.S.")], id="dotted-us"),
        pytest.param("AUS and USD are codes", [], id="us-inside-longer-word"),
        pytest.param("We ate turkey on china plates", [], id="lower-case-common-nouns"),
        pytest.param("Turkey and Türkiye and Turkiye", [("Türkiye", "Turkey"), ("Türkiye", "Türkiye"), ("Türkiye", "Turkiye")], id="turkey-spellings"),
        pytest.param("Guinea-Bissau, Papua New Guinea and Guinea", [("Guinea-Bissau", "Guinea-Bissau"), ("Papua New Guinea", "Papua New Guinea"), ("Guinea", "Guinea")], id="longest-form-wins"),
        pytest.param("South Sudan and Sudan", [("South Sudan", "South Sudan"), ("Sudan", "Sudan")], id="prefix-country"),
        pytest.param("the Democratic Republic of the Congo", [("Democratic Republic of the Congo", "Democratic Republic of the Congo")], id="long-name"),
        pytest.param("trade with Latin America and South America", [], id="region-is-not-us"),
        pytest.param("the South China Sea dispute", [], id="sea-is-not-china"),
        pytest.param("New Mexico and New South Wales", [], id="states-are-not-countries"),
        pytest.param("pro-Russian forces near Kyiv", [("Russia", "Russian"), ("Ukraine", "Kyiv")], id="hyphen-prefix-and-capital"),
        pytest.param("Russia-Ukraine war", [("Russia", "Russia"), ("Ukraine", "Ukraine")], id="hyphenated-pair"),
        pytest.param("Queen Victoria", [], id="ambiguous-capital-not-in-text"),
        pytest.param("Germans and Finns", [("Germany", "Germans"), ("Finland", "Finns")], id="demonyms"),
        pytest.param("Germanic languages", [], id="adjective-inside-longer-word"),
        pytest.param("talks in Washington, D.C. ended", [("United States", "Washington, D.C.")], id="capital-with-comma"),
        pytest.param("Côte d’Ivoire and Cote d'Ivoire", [("Côte d'Ivoire", "Côte d’Ivoire"), ("Côte d'Ivoire", "Cote d'Ivoire")], id="apostrophes-and-accents"),
        pytest.param("", [], id="empty"),
        # forms starting in lower case, in order among the capitalised ones
        pytest.param(
            "France, the Netherlands, Spain and mainland China",
            [("France", "France"), ("Netherlands", "the Netherlands"), ("Spain", "Spain"), ("China", "mainland China")],
            id="lower-case-forms-in-order",
        ),
        pytest.param("Tourists soothe Bahamas nerves", [("Bahamas", "Bahamas")], id="the-inside-longer-word"),
        pytest.param("the Hague’s courts and The Hague", [("Netherlands", "the Hague’s"), ("Netherlands", "The Hague")], id="the-hague-both-cases"),
    ],
)
def test_find_countries(text, expected):
    got = [(name, text[a:b]) for name, (a, b) in find_countries(text)]
    assert got == expected


def test_find_countries_on_seed_sentence():
    text = (
        "He highlighted the need to spend more on defence and welcomed recent increases in "
        "Portugal’s and Spain’s defence spending. Speaking in Lisbon, Mr. Rutte said that Russia "
        "is challenging the resilience of our countries. Russian ships menace the Portuguese coast."
    )
    assert [name for name, _ in find_countries(text)] == [
        "Portugal", "Spain", "Portugal", "Russia", "Russia", "Portugal",
    ]


@pytest.mark.parametrize(
    "word, expected",
    [
        pytest.param("Lisbon", True, id="capital"),
        pytest.param("Dutch", True, id="adjective"),
        pytest.param("Holland", True, id="alias"),
        pytest.param("Shekerinska", False, id="surname"),
        pytest.param("Rutte", False, id="surname-2"),
        pytest.param("Secretary", False, id="title-word"),
    ],
)
def test_is_place(word, expected):
    assert is_place(word) is expected


_PIECES = ["Portugal", "’s", "'s", "US", "us", "U.S.", " ", "-", "the ", "The Hague", "Guinea", "Bissau",
           "New ", "Latin America", "Türkiye", "Turkish", "Kyiv", "é", "\n", ".", ","]


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)))
def test_find_countries_never_raises_and_is_deterministic(text):
    first = find_countries(text)
    assert first == find_countries(text)
    for name, (a, b) in first:
        assert country(name) is not None
        assert 0 <= a < b <= len(text)
        assert lookup_country(text[a:b]) is not None
    assert all(x[1][1] <= y[1][0] for x, y in zip(first, first[1:]))


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_lookup_never_raises(word):
    assert lookup_country(word) == lookup_country(word)
    assert is_place(word) == (lookup_country(word) is not None)
