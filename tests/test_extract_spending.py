import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from natocli.extract.sentences import split_sentences
from natocli.extract.spending import KINDS, Figure, extract_spending

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
EXPECTED = Path(__file__).resolve().parent / "seeds-expected.json"

B = 1_000_000_000
M = 1_000_000
T = 1_000_000_000_000

# Each row: text, then the figures as (entity, value, unit, kind, year, expression).
CASES = [
    # --- shares of GDP -------------------------------------------------------
    pytest.param(
        "A primary focus of the visit was the commitment to the 5% GDP defence spending target "
        "established at the recent NATO Summit in The Hague.",
        [("NATO", 5, "%GDP", "target", None, "5% GDP defence spending target")],
        id="seed-000-5pct-gdp-target",  # "target" in the phrase beats "commitment" before it
    ),
    pytest.param(
        "He welcomed recent increases in Portugal’s and Spain’s defence spending, stressing that "
        "the goal of 2% set a decade ago “will not be enough”.",
        [("NATO", 2, "%GDP", "target", None, "the goal of 2%")],
        id="seed-002-goal-of-2pct",  # a bare "2%" is a GDP share when the goal is about defence spending
    ),
    pytest.param(
        "Allies agreed at the summit to spend 5% of GDP on defence by 2035.",
        [("NATO", 5, "%GDP", "target", 2035, "5% of GDP")],
        id="allies-agreed-5pct-by-2035",  # Allies' agreed target is NATO's
    ),
    pytest.param(
        "At the Hague summit, Allies agreed to 5%.",
        [("NATO", 5, "%GDP", "target", None, "5%")],
        id="allies-agreed-to-5pct",  # no spending word: the agreement cue right before the number
    ),
    pytest.param(
        "Poland will spend 4.7% of its GDP on defence in 2025.",
        [("Poland", 4.7, "%GDP", "pledge", 2025, "4.7% of its GDP")],
        id="pct-of-its-gdp",
    ),
    pytest.param(
        "Germany spent two per cent of their GDP on the military last year.",
        [("Germany", 2, "%GDP", "actual", None, "two per cent of their GDP")],
        id="words-two-per-cent",
    ),
    pytest.param(
        "The country devotes two percent of gross domestic product to defence.",
        [(None, 2, "%GDP", "actual", None, "two percent of gross domestic product")],
        id="words-gross-domestic-product",
    ),
    pytest.param(
        "Spending on defence reached three and a half per cent of GDP.",
        [(None, 3.5, "%GDP", "actual", None, "three and a half per cent of GDP")],
        id="words-and-a-half",
    ),
    pytest.param(
        "Allies committed to 3.5% core defence and an additional 1.5 percent for defence-related investment.",
        [
            ("Allies", 3.5, "%GDP", "pledge", None, "3.5% core defence"),
            ("Allies", 1.5, "%GDP", "pledge", None, "an additional 1.5 percent for defence-related investment"),
        ],
        id="core-defence-and-1.5-percent",  # "additional" before a percentage is not an increase
    ),
    pytest.param(
        "Defence spending must rise. The goal of 2% is a floor, not a ceiling.",
        [("NATO", 2, "%GDP", "target", None, "The goal of 2%")],
        id="goal-after-spending-sentence",  # the sentence before is about defence spending
    ),
    pytest.param(
        "He said the goal of 2% set in 2014 is no longer enough for defence spending.",
        [("NATO", 2, "%GDP", "target", None, "the goal of 2%")],
        id="year-the-goal-was-set-is-not-its-year",
    ),
    pytest.param(
        "Germany will meet NATO's 2% target in 2024.",
        [("NATO", 2, "%GDP", "target", 2024, "2% target")],
        id="natos-target",
    ),
    pytest.param(
        "The Alliance's target of 5% will be reached by 2035, Allies agreed.",
        [("NATO", 5, "%GDP", "target", 2035, "The Alliance's target of 5%")],
        id="alliance-target-of",
    ),
    pytest.param(
        "Only eight Allies met the 2 per cent benchmark in 2021.",
        [("NATO", 2, "%GDP", "target", 2021, "2 per cent benchmark")],
        id="benchmark",
    ),
    pytest.param(
        "Lithuania spends 3.2% of GDP on defence, more than most Allies.",
        [("Lithuania", 3.2, "%GDP", "actual", None, "3.2% of GDP")],
        id="spends-actual",
    ),
    pytest.param(
        "Poland spends more on defence than any other Ally. It devotes 4.1% of GDP to the armed forces.",
        [("Poland", 4.1, "%GDP", "actual", None, "4.1% of GDP")],
        id="pronoun-subject-takes-previous-country",
    ),
    pytest.param(
        "Romania plans to spend 2.5 percent of GDP on defence from next year.",
        [("Romania", 2.5, "%GDP", "pledge", None, "2.5 percent of GDP")],
        id="plans-pledge",
    ),
    pytest.param(
        "NATO estimates that Germany will spend 2.1% of GDP in 2024.",
        [("Germany", 2.1, "%GDP", "estimate", 2024, "2.1% of GDP")],
        id="estimate-nearest-country",  # NATO estimates; Germany spends
    ),
    pytest.param(
        "Poland’s defence spending is set to reach 4.7 per cent of GDP in 2025.",
        [("Poland", 4.7, "%GDP", "estimate", 2025, "4.7 per cent of GDP")],
        id="set-to-reach-estimate",
    ),
    pytest.param(
        "Sweden will raise military spending to 2.6% of GDP in 2028.",
        [("Sweden", 2.6, "%GDP", "pledge", 2028, "2.6% of GDP")],
        id="raise-to-is-a-level",  # "raise ... to 2.6%" is the level, not an increase of 2.6%
    ),
    pytest.param(
        "Half of NATO members spend at least 2% of GDP on defence.",
        [("Allies", 2, "%GDP", "other", None, "at least 2% of GDP")],
        id="quantifier-in-expression",
    ),
    pytest.param(
        "Defence spending is 2,5% of GDP in Poland.",
        [("Poland", 2.5, "%GDP", "other", None, "2,5% of GDP")],
        id="decimal-comma",
    ),
    pytest.param(
        "Allies should give 0.25% of GDP in military aid to Ukraine every year.",
        [("Allies", 0.25, "%GDP", "aid", None, "0.25% of GDP")],
        id="gdp-share-as-aid",  # Ukraine receives ("to Ukraine"); only targets of the Allies are NATO's
    ),
    # --- money ---------------------------------------------------------------
    pytest.param(
        "The United States spent $916 billion on its military in 2023.",
        [("United States", 916 * B, "USD", "actual", 2023, "$916 billion")],
        id="dollar-sign-billion",
    ),
    pytest.param(
        "China's official defence budget rose to $266 billion.",
        [("China", 266 * B, "USD", "other", None, "$266 billion")],
        id="rose-to-is-a-level",
    ),
    pytest.param(
        "Allies' combined defence spending reached 485 billion US dollars.",
        [("Allies", 485 * B, "USD", "actual", None, "485 billion US dollars")],
        id="us-dollars-name",
    ),
    pytest.param(
        "Germany created a €100 billion special fund for the Bundeswehr.",
        [("Germany", 100 * B, "EUR", "other", None, "€100 billion")],
        id="euro-sign",
    ),
    pytest.param(
        "The Netherlands will invest 40 billion euros in defence.",
        [("Netherlands", 40 * B, "EUR", "pledge", None, "40 billion euros")],
        id="euros-name",
    ),
    pytest.param(
        "The UK will increase defence spending by £2.5bn next year.",
        [("United Kingdom", 2.5 * B, "GBP", "increase", None, "£2.5bn")],
        id="pound-sign-bn",
    ),
    pytest.param(
        "Poland's defence budget will rise to PLN 187 billion in 2025.",
        [("Poland", 187 * B, "PLN", "other", 2025, "PLN 187 billion")],
        id="pln-code-prefix",
    ),
    pytest.param(
        "Poland will spend 187 mld zł on defence.",
        [("Poland", 187 * B, "PLN", "pledge", None, "187 mld zł")],
        id="zloty-symbol-after",
    ),
    pytest.param(
        "Warsaw approved 30 billion zlotys for new tanks and artillery.",
        [("Poland", 30 * B, "PLN", "pledge", None, "30 billion zlotys")],
        id="zlotys-and-capital-as-government",
    ),
    pytest.param(
        "Global military expenditure reached US$2.4 trillion in 2023.",
        [(None, 2.4 * T, "USD", "actual", 2023, "US$2.4 trillion")],
        id="us-dollar-sign-trillion",
    ),
    pytest.param(
        "Allies have pledged 700 billion additional US dollars for defence.",
        [("Allies", 700 * B, "USD", "pledge", None, "700 billion additional US dollars")],
        id="additional-us-dollars",
    ),
    pytest.param(
        "Canada will spend C$8.1 billion more on defence over five years.",
        [("Canada", 8.1 * B, "CAD", "increase", None, "C$8.1 billion more")],
        id="canadian-dollar-sign",
    ),
    pytest.param(
        "Ottawa set aside 9 billion Canadian dollars for the military.",
        [("Canada", 9 * B, "CAD", "other", None, "9 billion Canadian dollars")],
        id="canadian-dollars-name",
    ),
    pytest.param(
        "Australia's defence budget is A$55.7 billion this year.",
        [("Australia", 55.7 * B, "AUD", "other", None, "A$55.7 billion")],
        id="australian-dollar-sign",
    ),
    pytest.param(
        "Russia's military budget will reach 13.5 trillion rubles in 2025.",
        [("Russia", 13.5 * T, "RUB", "estimate", 2025, "13.5 trillion rubles")],
        id="rubles",
    ),
    pytest.param(
        "Norway's defence budget totals 100 billion Norwegian kroner.",
        [("Norway", 100 * B, "NOK", "actual", None, "100 billion Norwegian kroner")],
        id="norwegian-kroner",
    ),
    pytest.param(
        "Sweden's armed forces will get 170 billion kronor in 2028.",
        [("Sweden", 170 * B, "SEK", "other", 2028, "170 billion kronor")],
        id="swedish-kronor",
    ),
    pytest.param(
        "Denmark allocated 25 billion Danish kroner to military aid for Ukraine.",
        [("Denmark", 25 * B, "DKK", "aid", None, "25 billion Danish kroner")],
        id="danish-kroner-aid",
    ),
    pytest.param(
        "Japan approved a record 7.95 trillion yen defence budget for 2024.",
        [("Japan", 7.95 * T, "JPY", "pledge", 2024, "7.95 trillion yen")],
        id="yen",
    ),
    pytest.param(
        "South Korea's defence budget is 59.4 trillion won.",
        [("South Korea", 59.4 * T, "KRW", "other", None, "59.4 trillion won")],
        id="won",
    ),
    pytest.param(
        "Ukraine spent 1.7 trillion hryvnia on defence in 2024.",
        [("Ukraine", 1.7 * T, "UAH", "actual", 2024, "1.7 trillion hryvnia")],
        id="hryvnia",
    ),
    pytest.param(
        "The Czech Republic will spend CZK 160 billion on defence.",
        [("Czechia", 160 * B, "CZK", "pledge", None, "CZK 160 billion")],
        id="czk-code",
    ),
    pytest.param(
        "Hungary's defence budget is 1.3 trillion forints.",
        [("Hungary", 1.3 * T, "HUF", "other", None, "1.3 trillion forints")],
        id="forints",
    ),
    pytest.param(
        "Turkey's defence spending was $15.8 billion.",
        [("Türkiye", 15.8 * B, "USD", "other", None, "$15.8 billion")],
        id="turkey-alias",
    ),
    pytest.param(
        "The army wants $5m for drones and $500k for radios, plus £1.2tn overall for military modernisation.",
        [
            (None, 5 * M, "USD", "other", None, "$5m"),
            (None, 500_000, "USD", "other", None, "$500k"),
            (None, 1.2 * T, "GBP", "other", None, "£1.2tn"),
        ],
        id="letter-scales-m-k-tn",
    ),
    pytest.param(
        "The ministry signed a €2.5 mn contract for ammunition and a EUR 300 million deal for tanks.",
        [
            (None, 2.5 * M, "EUR", "other", None, "€2.5 mn"),
            (None, 300 * M, "EUR", "other", None, "EUR 300 million"),
        ],
        id="mn-and-eur-code",
    ),
    pytest.param(
        "The military budget is 1,000,000 dollars.",
        [(None, 1 * M, "USD", "other", None, "1,000,000 dollars")],
        id="thousands-separators-no-scale",
    ),
    pytest.param(
        "The army received 750 thousand euros for training.",
        [(None, 750_000, "EUR", "other", None, "750 thousand euros")],
        id="thousand-scale",
    ),
    pytest.param(
        "Two billion euros will go to air defence.",
        [(None, 2 * B, "EUR", "other", None, "Two billion euros")],
        id="words-two-billion",
    ),
    pytest.param(
        "The US Congress approved $61 billion in military aid to Ukraine.",
        [("United States", 61 * B, "USD", "aid", None, "$61 billion")],
        id="aid-congress-is-us",
    ),
    pytest.param(
        "The EU agreed a €50 billion Ukraine Facility to support Ukraine.",
        [("European Union", 50 * B, "EUR", "aid", None, "€50 billion")],
        id="eu-aid-facility",
    ),
    pytest.param(
        "The European Commission proposed €150 billion in loans for defence procurement.",
        [("European Commission", 150 * B, "EUR", "aid", None, "€150 billion")],
        id="commission-loans",
    ),
    pytest.param(
        "Britain pledged £3bn a year in military support to Ukraine.",
        [("United Kingdom", 3 * B, "GBP", "aid", None, "£3bn")],
        id="pledged-military-support-is-aid",
    ),
    pytest.param(
        "The Pentagon requested $850 billion for fiscal year 2025.",
        [("United States", 850 * B, "USD", "other", 2025, "$850 billion")],
        id="fiscal-year",
    ),
    pytest.param(
        "Germany’s 2025 defence budget of €53 billion is its largest.",
        [("Germany", 53 * B, "EUR", "other", 2025, "€53 billion")],
        id="year-before-budget",
    ),
    pytest.param(
        "Pentagon officials said an additional $10 billion would go to munitions.",
        [("United States", 10 * B, "USD", "increase", None, "an additional $10 billion")],
        id="additional-money-is-increase",
    ),
    pytest.param(
        "Secretary General Jens Stoltenberg said the Alliance now spends more than $1.4 trillion on defence.",
        [("NATO", 1.4 * T, "USD", "actual", None, "more than $1.4 trillion")],
        id="more-than-is-a-quantifier",  # not an increase
    ),
    pytest.param(
        "Germany will reach the target for the first time since the early 1990s, spending €90.6 billion "
        "on defence, or 2.12% of GDP.",
        [
            ("Germany", 90.6 * B, "EUR", "other", None, "€90.6 billion"),
            ("Germany", 2.12, "%GDP", "other", None, "2.12% of GDP"),
        ],
        id="far-cue-does-not-count",  # "target" is too far from the figures to qualify them
    ),
    pytest.param(
        "Poland is expected to spend 4.12% of GDP on defence, followed by Estonia (3.43%) and the United States (3.38%).",
        [
            ("Poland", 4.12, "%GDP", "estimate", None, "4.12% of GDP"),
            ("Estonia", 3.43, "%GDP", "estimate", None, "3.43%"),
            ("United States", 3.38, "%GDP", "estimate", None, "3.38%"),
        ],
        id="list-shares-the-first-cue",
    ),
    pytest.param(
        "The Defence Investment Pledge, agreed in Wales in 2014, called on Allies to move towards spending 2% of GDP within a decade.",
        [("NATO", 2, "%GDP", "target", None, "2% of GDP")],
        id="pledge-name-is-a-target-of-the-alliance",  # Wales is far; "on Allies" receives the call
    ),
    pytest.param(
        "Poland aims to spend 5% of GDP on defence in 2026.",
        [("Poland", 5, "%GDP", "target", 2026, "5% of GDP")],
        id="national-target-close-subject",
    ),
    # --- changes -------------------------------------------------------------
    pytest.param(
        "Europe's defence spending saw a nearly 20% increase in 2024.",
        [(None, 20, "%", "increase", 2024, "a nearly 20% increase")],
        id="nearly-20pct-increase",
    ),
    pytest.param(
        "European Allies and Canada recorded an annual real increase of 4.3% in defence expenditure.",
        [("Allies", 4.3, "%", "increase", None, "an annual real increase of 4.3%")],
        id="annual-real-increase-of",  # the first of a coordinated subject
    ),
    pytest.param(
        "Defence spending rose by 11% in 2024 across the Alliance.",
        [("NATO", 11, "%", "increase", 2024, "rose by 11%")],
        id="rose-by",
    ),
    pytest.param(
        "The budget for defence was cut by 5% in 2013.",
        [(None, -5, "%", "increase", 2013, "cut by 5%")],
        id="cut-is-negative-change",
    ),
    pytest.param(
        "Finland will increase its defence budget by 10 percent next year.",
        [("Finland", 10, "%", "increase", None, "10 percent")],
        id="increase-budget-by",  # the verb is not next to the number
    ),
    # --- not spending ----------------------------------------------------------
    pytest.param("This code will expire in 30 minutes.", [], id="minutes"),
    pytest.param("The password must be at least 12 characters long.", [], id="characters"),
    pytest.param("28 Allied countries took part in the exercise.", [], id="allied-countries"),
    pytest.param("The base hosts 700 personnel and 40 aircraft.", [], id="personnel"),
    pytest.param("He bought a $5 million house in Florida.", [], id="house-is-not-defence"),
    pytest.param("Call +32 2 707 50 41 for details.", [], id="phone-number"),
    pytest.param("The summit was held on 11 July 2023 in Vilnius.", [], id="date"),
    pytest.param("Only 20% of respondents supported higher defence spending.", [], id="poll-respondents"),
    pytest.param("About 55% of Ukrainians support joining NATO.", [], id="poll-share-of-people"),
    pytest.param("Inflation reached 5% while defence budgets grew.", [], id="inflation"),
    pytest.param("Turnout was 65% in the election.", [], id="turnout"),
    pytest.param("Public debt stands at 110% of GDP.", [], id="debt-share-of-gdp"),
    pytest.param("Italy's deficit reached 3% of GDP last year, despite higher defence spending.", [], id="deficit-share-of-gdp"),
    pytest.param("The economy grew 2% in 2024.", [], id="economic-growth"),
    pytest.param("Defence stocks rose 10% on Monday.", [], id="stocks-are-not-spending"),
    pytest.param("The army lost 40% of its tanks.", [], id="losses"),
    pytest.param("The bombs weigh 2,000 pounds each and the military uses them.", [], id="pounds-weight"),
    pytest.param("Spain's exports are worth 35% of GDP.", [], id="exports-not-defence"),
    pytest.param("Spending rose to 2.4% on average.", [], id="no-defence-word"),
    pytest.param("Defence ministers met in 2024 and in 2025.", [], id="years-only"),
    pytest.param("Subscribe for $5 a month to read more about defence.", [], id="small-amount-is-chrome"),
    pytest.param("The 2024 Vilnius summit drew 40 leaders.", [], id="numbers-without-units"),
    pytest.param("Rheinmetall revenue rose 36% to €9.75 billion, driven by defence orders.", [], id="company-revenue"),
    pytest.param("Russia's $2 trillion economy cannot sustain the war.", [], id="size-of-an-economy"),
    pytest.param("Support for NATO membership reached 60 per cent.", [], id="support-share"),
    pytest.param("The password must be 12 characters long; 100% of users agree, says NATO.", [], id="hundred-percent"),
    pytest.param("", [], id="empty"),
]


def _figures_as_rows(text):
    figures = extract_spending(text)
    for f in figures:
        assert text[f.span[0]:f.span[1]] == f.expression
        assert f.kind in KINDS
    return [(f.entity, f.value, f.unit, f.kind, f.year, f.expression) for f in figures]


@pytest.mark.parametrize("text, expected", CASES)
def test_extract_spending(text, expected):
    got = _figures_as_rows(text)
    assert [(e, pytest.approx(v), u, k, y, x) for e, v, u, k, y, x in expected] == got


def test_value_is_absolute_float():
    [figure] = extract_spending("The US spent $1.2 trillion on defence.")
    assert figure == Figure(
        entity="United States", value=1.2e12, unit="USD", kind="actual", year=None,
        expression="$1.2 trillion", span=(13, 26),
    )
    assert isinstance(figure.value, float)


def test_spans_are_offsets_in_the_whole_text():
    text = "Intro line.\n\nPoland spends 4% of GDP on defence. Latvia spends 3.5% of GDP on defence."
    figures = extract_spending(text)
    assert [(f.entity, text[f.span[0]:f.span[1]]) for f in figures] == [
        ("Poland", "4% of GDP"),
        ("Latvia", "3.5% of GDP"),
    ]


def test_previous_sentence_on_an_earlier_line():
    # The sentence before the goal is on the line above (a new paragraph).
    text = "Allies must raise defence spending.\n\nThe goal of 2% is a floor."
    [figure] = extract_spending(text)
    assert (figure.entity, figure.value, figure.unit, figure.kind) == ("NATO", 2.0, "%GDP", "target")


def test_given_sentences_give_the_same_result():
    text = (SEEDS / "002_6424fc7f0912e0b0.txt").read_text(encoding="utf-8")
    assert extract_spending(text, sentences=split_sentences(text)) == extract_spending(text)


@pytest.mark.parametrize("doc", json.loads(EXPECTED.read_text(encoding="utf-8"))["docs"], ids=lambda d: d["file"][:3])
def test_seeds(doc):
    text = (SEEDS / doc["file"]).read_text(encoding="utf-8")
    figures = extract_spending(text)
    assert len(figures) == len(doc["spending"])
    for figure, expected in zip(figures, doc["spending"]):
        assert figure.entity in ("NATO", "Portugal")
        assert (figure.value, figure.unit, figure.kind) == (expected["value"], expected["unit"], expected["kind"])
        assert figure.expression in expected["expression"]


_PIECES = [
    "5%", "2 per cent", "two percent", "of GDP", " GDP", "$", "€", "£", "US$", "PLN ", "266", "1,000",
    "2.5", " billion", "bn", "m", " euros", " US dollars", "zł", "defence", " spending", " target",
    "the goal of ", " increase", "a nearly ", "Allies", "Portugal’s", " in 2024", " by 2035", "aid to Ukraine",
    ". ", "\n", " ", "-", "and a half", "three", "rose by ", "it ",
]


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)))
def test_never_raises_and_is_deterministic(text):
    first = extract_spending(text)
    assert first == extract_spending(text)
    assert first == extract_spending(text, sentences=split_sentences(text))
    for f in first:
        assert text[f.span[0]:f.span[1]] == f.expression
        assert f.kind in KINDS
        assert f.unit in ("%GDP", "%") or (len(f.unit) == 3 and f.unit.isupper())
    assert [f.span for f in first] == sorted(f.span for f in first)
