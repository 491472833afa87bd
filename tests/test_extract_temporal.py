"""Temporal extractor: sentences in, dated events out.

Every table row is `(text, published, expected)`; `expected` lists the events
in text order as (expression, start, end, precision, year_inferred), dates in
ISO or None. "Today" is fixed (TODAY below) so nothing drifts with the calendar.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from natocli.errors import BadInput
from natocli.extract.sentences import split_sentences
from natocli.extract.spending import Figure
from natocli.extract.temporal import Event, extract_events, resolve_today

TODAY = dt.date(2026, 11, 23)
PUB = dt.date(2025, 6, 12)  # a Thursday
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
EXPECTED = json.loads((Path(__file__).parent / "seeds-expected.json").read_text(encoding="utf-8"))


def rows(text: str, published: dt.date | None = None) -> list[tuple]:
    events = extract_events(text, published=published, today=TODAY)
    for e in events:
        assert text[e.span[0]:e.span[1]] == e.expression
    return [
        (e.expression, e.start.isoformat() if e.start else None, e.end.isoformat() if e.end else None, e.precision,
         e.year_inferred)
        for e in events
    ]


ABSOLUTE = [
    pytest.param("The summit ended on 8 January 2026.", None,
                 [("8 January 2026", "2026-01-08", "2026-01-08", "day", False)], id="day-month-year"),
    pytest.param("Talks began on January 8, 2026, in Brussels.", None,
                 [("January 8, 2026", "2026-01-08", "2026-01-08", "day", False)], id="month-day-year"),
    pytest.param("The report was published on 8 Jan. 2026 in Mons.", None,
                 # "published on" inside a sentence is article text, not a page stamp
                 [("8 Jan. 2026", "2026-01-08", "2026-01-08", "day", False)], id="abbreviated-month"),
    pytest.param("24 May. 2017 - NATO leaders met at the new headquarters.", None,
                 # NATO datelines put a stop after every month, even May
                 [("24 May. 2017", "2017-05-24", "2017-05-24", "day", False)], id="nato-dateline"),
    pytest.param("The directive took effect on 2026-01-08.", None,
                 [("2026-01-08", "2026-01-08", "2026-01-08", "day", False)], id="iso"),
    pytest.param("Production rose in January 2026.", None,
                 [("January 2026", "2026-01-01", "2026-01-31", "month", False)], id="month-year"),
    pytest.param("2026 will be a decisive year.", None,
                 [("2026", "2026-01-01", "2026-12-31", "year", False)], id="bare-year-at-start"),
    pytest.param("Spending grew in 2024.", None,
                 [("2024", "2024-01-01", "2024-12-31", "year", False)], id="in-year"),
    pytest.param("Allies pledged to spend 5% by 2035.", None,
                 # "by" stays in the expression; the event is the year itself
                 [("by 2035", "2035-01-01", "2035-12-31", "year", False)], id="by-year"),
    pytest.param("Deliveries are due by mid-2025.", None,
                 [("by mid-2025", "2025-05-01", "2025-08-31", "year", False)], id="mid-year"),
    pytest.param("The exercise starts in early July.", dt.date(2025, 3, 10),
                 [("early July", "2025-07-01", "2025-07-10", "month", True)], id="early-month-published"),
    pytest.param("Elections are expected in late 2024.", None,
                 [("late 2024", "2024-09-01", "2024-12-31", "year", False)], id="late-year"),
    pytest.param("Output rose in the first quarter of 2025.", None,
                 [("the first quarter of 2025", "2025-01-01", "2025-03-31", "quarter", False)], id="quarter-words"),
    pytest.param("Revenue fell in Q3 2024.", None,
                 [("Q3 2024", "2024-07-01", "2024-09-30", "quarter", False)], id="quarter-q"),
    pytest.param("The drills took place in summer 2023.", None,
                 [("summer 2023", "2023-06-01", "2023-08-31", "season", False)], id="season"),
    pytest.param("In winter 2022/23 the grid held.", None,
                 # meteorological winter: December to February of the next year
                 [("winter 2022/23", "2022-12-01", "2023-02-28", "season", False)], id="winter-across-years"),
    pytest.param("NATO enlarged eastwards in the 1990s.", None,
                 [("the 1990s", "1990-01-01", "1999-12-31", "decade", False)], id="decade"),
    pytest.param("Growth was strong in the early 2000s.", None,
                 [("the early 2000s", "2000-01-01", "2003-12-31", "decade", False)], id="early-decade"),
    pytest.param("The meeting is on 08/01/2026.", None, [], id="ambiguous-numeric-not-guessed"),
    pytest.param("The form was signed on 25/12/2025.", None,
                 # 25 cannot be a month: nothing is guessed
                 [("25/12/2025", "2025-12-25", "2025-12-25", "day", False)], id="unambiguous-numeric"),
    pytest.param("The plan covers the second half of 2025.", None,
                 [("the second half of 2025", "2025-07-01", "2025-12-31", "year", False)], id="second-half"),
    pytest.param("Spending for FY2025 was approved.", None,
                 [("FY2025", "2025-01-01", "2025-12-31", "year", False)], id="fiscal-year"),
    pytest.param("Since 2014, Allies have increased spending.", None,
                 [("Since 2014", "2014-01-01", "2014-12-31", "year", False)], id="since-year"),
    pytest.param("The goal must be met by the end of 2030.", None,
                 [("by the end of 2030", "2030-09-01", "2030-12-31", "year", False)], id="end-of-year"),
    pytest.param("It was signed on the 8th of January 2026.", None,
                 [("the 8th of January 2026", "2026-01-08", "2026-01-08", "day", False)], id="ordinal-of"),
    pytest.param("As NATO looks toward the remainder of 2026, unity matters.", None,
                 [("the remainder of 2026", "2026-01-01", "2026-12-31", "year", False)], id="remainder-of"),
    pytest.param("The exhibition opened in the summer of 2023.", None,
                 [("the summer of 2023", "2023-06-01", "2023-08-31", "season", False)], id="summer-of-year"),
    pytest.param("The scheme runs until end-2026.", None,
                 [("until end-2026", "2026-09-01", "2026-12-31", "year", False)], id="end-hyphen-year"),
    pytest.param("Talks resume in mid-July.", PUB,
                 [("mid-July", "2025-07-11", "2025-07-20", "month", True)], id="mid-month"),
    pytest.param("In 2024 members agreed a new plan.", None,
                 # a count noun after the year, but "in" makes it a year
                 [("2024", "2024-01-01", "2024-12-31", "year", False)], id="year-before-noun"),
]

RANGES = [
    pytest.param("The visit took place between 7 and 8 January 2026.", None,
                 [("between 7 and 8 January 2026", "2026-01-07", "2026-01-08", "day", False)], id="between-days"),
    pytest.param("Ministers met on 7-8 January 2026.", None,
                 [("7-8 January 2026", "2026-01-07", "2026-01-08", "day", False)], id="hyphen-days"),
    pytest.param("The summit is on July 11-12, 2023.", None,
                 [("July 11-12, 2023", "2023-07-11", "2023-07-12", "day", False)], id="us-days"),
    pytest.param("Leaders met on 11–12 July 2023 in Vilnius.", None,
                 [("11–12 July 2023", "2023-07-11", "2023-07-12", "day", False)], id="en-dash-days"),
    pytest.param("The summit is on July 11-12.", dt.date(2023, 5, 1),
                 [("July 11-12", "2023-07-11", "2023-07-12", "day", True)], id="yearless-days-published"),
    pytest.param("The meeting was held on Monday, 25 April and Tuesday, 26 April 2016.", None,
                 # one range, not three events; the first day borrows the year of the second
                 [("Monday, 25 April and Tuesday, 26 April 2016", "2016-04-25", "2016-04-26", "day", False)],
                 id="two-weekday-dates"),
    pytest.param("Spending rose from 2014 to 2024.", None,
                 [("from 2014 to 2024", "2014-01-01", "2024-12-31", "year", False)], id="from-to-years"),
    pytest.param("Over 2014-2024 spending doubled.", None,
                 [("2014-2024", "2014-01-01", "2024-12-31", "year", False)], id="hyphen-years"),
    pytest.param("Budgets grew between 2014 and 2024.", None,
                 [("between 2014 and 2024", "2014-01-01", "2024-12-31", "year", False)], id="between-years"),
    pytest.param("Budgets grew in 2014 and 2024.", None,
                 # without "between", "and" joins two years, not a range
                 [("2014", "2014-01-01", "2014-12-31", "year", False),
                  ("2024", "2024-01-01", "2024-12-31", "year", False)], id="two-years"),
    pytest.param("The 2024-25 budget was approved.", None,
                 [("2024-25", "2024-01-01", "2025-12-31", "year", False)], id="short-year-range"),
    pytest.param("The exercise runs from 30 June to 2 July 2025.", None,
                 [("from 30 June to 2 July 2025", "2025-06-30", "2025-07-02", "day", False)], id="across-months"),
    pytest.param("The trial runs from January to March 2025.", None,
                 [("from January to March 2025", "2025-01-01", "2025-03-31", "month", False)], id="month-range"),
]

WEEKDAYS = [
    pytest.param("Rutte travelled to Lisbon and Madrid on Monday (27 January).", None,
                 # no year, no published date: the latest year not after TODAY when 27 January is a Monday
                 [("Monday (27 January)", "2025-01-27", "2025-01-27", "day", True)], id="weekday-paren"),
    pytest.param("NATO leaders met on Wednesday (11 July 2018).", None,
                 [("Wednesday (11 July 2018)", "2018-07-11", "2018-07-11", "day", False)], id="weekday-paren-year"),
    pytest.param("Rutte spoke on Monday (27 January).", dt.date(2025, 1, 28),
                 [("Monday (27 January)", "2025-01-27", "2025-01-27", "day", True)], id="weekday-paren-published"),
    pytest.param("In 2024 Allies agreed a plan. On Monday, 27 January, ministers met.", None,
                 # 27 January 2024 was a Saturday: the earlier year is skipped, the weekday decides
                 [("2024", "2024-01-01", "2024-12-31", "year", False),
                  ("Monday, 27 January", "2025-01-27", "2025-01-27", "day", True)], id="weekday-overrules-context"),
    pytest.param("The ministers met on Tuesday.", PUB,
                 [("Tuesday", "2025-06-10", "2025-06-10", "day", False)], id="on-weekday-past"),
    pytest.param("The ministers will meet on Tuesday.", PUB,
                 [("Tuesday", "2025-06-17", "2025-06-17", "day", False)], id="on-weekday-future"),
    pytest.param("The ministers met on Tuesday.", None,
                 [("Tuesday", None, None, "day", False)], id="on-weekday-unresolved"),
    pytest.param("Ministers met last Friday.", PUB,
                 [("last Friday", "2025-06-06", "2025-06-06", "day", False)], id="last-weekday"),
    pytest.param("Voters went to the polls on Super Tuesday.", None, [], id="super-tuesday-is-a-name"),
    pytest.param("Churches were full on Good Friday.", None, [], id="good-friday-is-a-name"),
]

RELATIVE = [
    pytest.param("The talks end today.", PUB, [("today", "2025-06-12", "2025-06-12", "day", False)], id="today"),
    pytest.param("The talks ended yesterday.", PUB,
                 [("yesterday", "2025-06-11", "2025-06-11", "day", False)], id="yesterday"),
    pytest.param("The talks end tomorrow.", PUB,
                 [("tomorrow", "2025-06-13", "2025-06-13", "day", False)], id="tomorrow"),
    pytest.param("The talks ended last week.", PUB,
                 # weeks run Monday to Sunday
                 [("last week", "2025-06-02", "2025-06-08", "day", False)], id="last-week"),
    pytest.param("The talks resume next month.", PUB,
                 [("next month", "2025-07-01", "2025-07-31", "month", False)], id="next-month"),
    pytest.param("This year will be decisive.", PUB,
                 [("This year", "2025-01-01", "2025-12-31", "year", False)], id="this-year"),
    pytest.param("Spending rose last year.", PUB,
                 [("last year", "2024-01-01", "2024-12-31", "year", False)], id="last-year"),
    pytest.param("Spending will rise next year.", PUB,
                 [("next year", "2026-01-01", "2026-12-31", "year", False)], id="next-year"),
    pytest.param("A review is due two weeks from now.", PUB,
                 [("two weeks from now", "2025-06-26", "2025-06-26", "day", False)], id="weeks-from-now"),
    pytest.param("A decision is expected in two weeks' time.", PUB,
                 [("in two weeks' time", "2025-06-26", "2025-06-26", "day", False)], id="weeks-time"),
    pytest.param("The policy began three years ago.", PUB,
                 [("three years ago", "2022-01-01", "2022-12-31", "year", False)], id="years-ago"),
    pytest.param("Earlier this year, Allies agreed.", PUB,
                 [("Earlier this year", "2025-01-01", "2025-06-12", "year", False)], id="earlier-this-year"),
    pytest.param("The plan is due by the end of the year.", PUB,
                 [("by the end of the year", "2025-09-01", "2025-12-31", "year", False)], id="end-of-the-year"),
    pytest.param("The drills took place last summer.", PUB,
                 # published in June: this summer is under way, the last one was 2024's
                 [("last summer", "2024-06-01", "2024-08-31", "season", False)], id="last-summer"),
    pytest.param("Elections are due next March.", PUB,
                 [("next March", "2026-03-01", "2026-03-31", "month", False)], id="next-march"),
    pytest.param("The drills run this summer.", PUB,
                 [("this summer", "2025-06-01", "2025-08-31", "season", False)], id="this-summer"),
    pytest.param("Spending rose last year.", None,
                 [("last year", None, None, "year", False)], id="relative-without-published"),
    pytest.param("Spending rose over the last year.", PUB, [], id="over-the-last-year-is-a-duration"),
    pytest.param("It will not be enough to meet the challenges of tomorrow.", PUB, [], id="figurative-tomorrow"),
    pytest.param("USA Today reported the story.", PUB, [], id="newspaper-name"),
]

INFERENCE = [
    pytest.param("The visit ended on 8 January 2026.\nThe talks, held between 7 and 8 January, were frank.", None,
                 [("8 January 2026", "2026-01-08", "2026-01-08", "day", False),
                  ("between 7 and 8 January", "2026-01-07", "2026-01-08", "day", True)], id="year-from-before"),
    pytest.param("On 5 March, ministers met, as they did in 2024.", None,
                 # a year later in the same sentence counts before anything outside it
                 [("5 March", "2024-03-05", "2024-03-05", "day", True),
                  ("2024", "2024-01-01", "2024-12-31", "year", False)], id="year-later-in-sentence"),
    pytest.param("Ministers meet on 5 March.", dt.date(2025, 2, 20),
                 [("5 March", "2025-03-05", "2025-03-05", "day", True)], id="year-from-published"),
    pytest.param("The deal was signed on 28 December.", dt.date(2026, 1, 5),
                 # a text dated early January speaks of the December just gone
                 [("28 December", "2025-12-28", "2025-12-28", "day", True)], id="december-before-january"),
    pytest.param("The talks will resume on 5 March.", None,
                 [("5 March", None, None, "day", False)], id="no-year-to-be-had"),
    pytest.param("NATO agreed the plan in 2014.\nMinisters will meet on 5 March.", dt.date(2025, 2, 20),
                 # with a published date, a year from an earlier paragraph does not count
                 [("2014", "2014-01-01", "2014-12-31", "year", False),
                  ("5 March", "2025-03-05", "2025-03-05", "day", True)], id="published-beats-other-paragraph"),
    pytest.param("NATO agreed the plan in 2014.\nMinisters will meet on 5 March.", None,
                 [("2014", "2014-01-01", "2014-12-31", "year", False),
                  ("5 March", "2014-03-05", "2014-03-05", "day", True)], id="other-paragraph-without-published"),
    pytest.param("Spending has risen since 2014. Ministers met on 5 March.", None,
                 # "since 2014" opens a period; it does not date what follows
                 [("since 2014", "2014-01-01", "2014-12-31", "year", False),
                  ("5 March", None, None, "day", False)], id="since-is-not-an-anchor"),
    pytest.param("NATO leaders gather at the Vilnius summit in early July.", None,
                 [("the Vilnius summit", "2023-07-11", "2023-07-12", "day", False),
                  ("early July", "2023-07-01", "2023-07-10", "month", True)], id="summit-anchors-month"),
]

NAMED = [
    pytest.param("NATO members will approve a plan at the Vilnius summit.", None,
                 [("the Vilnius summit", "2023-07-11", "2023-07-12", "day", False)], id="vilnius"),
    pytest.param("Allies committed to 5% at the NATO Summit in The Hague.", None,
                 [("the NATO Summit in The Hague", "2025-06-24", "2025-06-25", "day", False)], id="the-hague"),
    pytest.param("Leaders will gather for the Washington Summit.", dt.date(2024, 3, 1),
                 # Washington hosted three summits: the upcoming one is meant, so the year is inferred
                 [("the Washington Summit", "2024-07-09", "2024-07-11", "day", True)], id="washington-upcoming"),
    pytest.param("Leaders met at the Washington Summit.", None,
                 [("the Washington Summit", "2024-07-09", "2024-07-11", "day", True)], id="washington-latest"),
    pytest.param("Allies agreed it at the 2018 Brussels summit.", None,
                 [("the 2018 Brussels summit", "2018-07-11", "2018-07-12", "day", False)], id="year-picks-summit"),
    pytest.param("Allies will meet at the Madrid summit.", dt.date(2022, 5, 1),
                 [("the Madrid summit", "2022-06-28", "2022-06-30", "day", True)], id="madrid-upcoming"),
    pytest.param("Allies recommitted to the Wales Defence Investment Pledge.", None,
                 [("Wales Defence Investment Pledge", "2014-09-05", "2014-09-05", "day", False)], id="wales-pledge"),
    pytest.param("Russia's full-scale invasion of Ukraine changed everything.", None,
                 [("Russia's full-scale invasion of Ukraine", "2022-02-24", "2022-02-24", "day", False)],
                 id="full-scale-invasion"),
    pytest.param("EU leaders met at the Brussels summit.", None, [], id="eu-summit-is-not-nato"),
    pytest.param("Eastern Partnership leaders met at the Vilnius summit.", dt.date(2024, 5, 1), [],
                 # Vilnius also hosted the EU's Eastern Partnership summit of 2013: without NATO, not NATO's
                 id="other-vilnius-summit"),
    pytest.param("NATO leaders met at the Brussels summit.", dt.date(2021, 8, 1),
                 # the extraordinary summit of March 2022 could not be foreseen in August 2021
                 [("the Brussels summit", "2021-06-14", "2021-06-14", "day", True)], id="brussels-latest-before"),
    pytest.param("Allies met at the London Leaders' Meeting.", None,
                 [("the London Leaders' Meeting", "2019-12-03", "2019-12-04", "day", True)], id="leaders-meeting"),
    pytest.param("Finland joined NATO in a historic step.", dt.date(2024, 6, 1),
                 [("Finland joined NATO", "2023-04-04", "2023-04-04", "day", False)], id="finland-joins"),
    pytest.param("Finland joined NATO in a historic step.", dt.date(2022, 6, 1),
                 # a text dated before the accession cannot be speaking of it
                 [], id="accession-not-before-it-happened"),
    pytest.param("Allies spoke of the 2025 Vilnius summit.", None,
                 # no Vilnius summit in 2025: only the year is an event
                 [("2025", "2025-01-01", "2025-12-31", "year", False)], id="summit-year-mismatch"),
]

NOT_EVENTS = [
    pytest.param("The Deputy Secretary General concluded a two-day visit.", None, [], id="two-day-visit"),
    pytest.param("Allies have increased spending for a decade.", None, [], id="for-a-decade"),
    pytest.param("Spending rose for three consecutive years.", None, [], id="consecutive-years"),
    pytest.param("This code will expire in 30 minutes.", None, [], id="minutes"),
    pytest.param("The meeting started at 11:45.", None, [], id="clock-time"),
    pytest.param("The password must be at least 12 characters long.", None, [], id="characters"),
    pytest.param("Spending reached 5% of GDP.", None, [], id="percent"),
    pytest.param("28 Allies signed the declaration.", None, [], id="allies-count"),
    pytest.param("Call +32 2 707 2025 for details.", None, [], id="phone-number"),
    pytest.param("NATO deployed 2026 troops to the region.", None, [], id="quantity-not-year"),
    pytest.param("The fund holds €2026 million.", None, [], id="money"),
    pytest.param("Around 1,500 soldiers and 2,000 personnel took part.", None, [], id="thousands"),
    pytest.param("Resolution 1973 authorised the operation.", None, [], id="resolution-number"),
    pytest.param("File NATO/2024/12 was closed.", None, [], id="reference-number"),
    pytest.param("Last updated: 12 March 2024", None, [], id="last-updated-stamp"),
    pytest.param("Published 8 January 2026", None, [], id="published-stamp"),
    pytest.param("© NATO 2024", None, [], id="copyright-line"),
    pytest.param("The talks ended on 8 January 2026.\nPage last updated: 9 January 2026 11:45", None,
                 [("8 January 2026", "2026-01-08", "2026-01-08", "day", False)], id="stamp-line-after-article"),
    pytest.param("Ministers met in Brussels on 17-18 February 2021, as the programme of the meetings and the"
                 " list of press conferences shows in full | Last updated: 17 Feb. 2021 19:34 English", None,
                 # a stamp inside a long line: the date after "Last updated:" goes, the article's stays
                 [("17-18 February 2021", "2021-02-17", "2021-02-18", "day", False)], id="stamp-inside-line"),
    pytest.param("Allies discussed the NATO 2030 agenda.", None, [], id="initiative-name"),
    pytest.param("May I add that Theresa May spoke in Brussels?", None, [], id="may-is-not-a-month"),
    pytest.param("The protesters will march on.", None, [], id="march-verb"),
    pytest.param("The Q&A session was lively.", None, [], id="q-and-a"),
]


# Where a date may start: after a space, a line break, an opening bracket, a hyphen that glues a
# modifier ("mid-2025"), or at the start of the text; never inside a word or after another hyphen.
BOUNDARIES = [
    pytest.param("(2024) was a record year.", None,
                 [("2024", "2024-01-01", "2024-12-31", "year", False)], id="bracket-at-start"),
    pytest.param("Allies met in Brussels (27 January 2026) to agree the plan.", None,
                 [("27 January 2026", "2026-01-27", "2026-01-27", "day", False)], id="after-bracket"),
    pytest.param("Budget plans\n2026 will be a decisive year.", None,
                 [("2026", "2026-01-01", "2026-12-31", "year", False)], id="after-line-break"),
    pytest.param("Spending rose sharply in mid-2025.", None,
                 [("mid-2025", "2025-05-01", "2025-08-31", "year", False)], id="after-glued-hyphen"),
    pytest.param("The NATO-2030 agenda was adopted.", None, [], id="after-plain-hyphen"),
    pytest.param("Rates rose 5% and 2.4% in 2024.", None,
                 [("2024", "2024-01-01", "2024-12-31", "year", False)], id="percentages-around-a-year"),
    pytest.param("The interoperabilitystandardisationprogramme 2024 review was published.", None,
                 # a word longer than any the reader looks back over stands before the year
                 [("2024", "2024-01-01", "2024-12-31", "year", False)], id="long-word-before"),
    pytest.param("Fiscal\nyear 2025 figures were late.", None,
                 # "Fiscal year" does not run across a line break
                 [("2025", "2025-01-01", "2025-12-31", "year", False)], id="fiscal-across-lines"),
    pytest.param("Talks between 7 and 8 January (in Mons) went well.", None,
                 [("between 7 and 8 January", None, None, "day", False)], id="range-before-bracket"),
]


@pytest.mark.parametrize(("text", "published", "expected"), ABSOLUTE + RANGES + WEEKDAYS + RELATIVE + INFERENCE
                         + NAMED + NOT_EVENTS + BOUNDARIES)
def test_events(text, published, expected):
    assert rows(text, published) == expected


def test_table_size():
    assert len(ABSOLUTE + RANGES + WEEKDAYS + RELATIVE + INFERENCE + NAMED + NOT_EVENTS) >= 80


def test_named_events_carry_their_name():
    events = extract_events("Allies met at the Vilnius summit and recommitted to the Wales pledge.", today=TODAY)
    assert [e.named for e in events] == ["Vilnius Summit", "Wales Defence Investment Pledge"]
    assert extract_events("It ended on 8 January 2026.", today=TODAY)[0].named is None


def test_precomputed_sentences_give_the_same_events():
    text = (SEEDS / "000_3ba43fd281dd3202.txt").read_text(encoding="utf-8")
    assert extract_events(text, today=TODAY, sentences=split_sentences(text)) == extract_events(text, today=TODAY)


def test_events_are_in_text_order_with_spans():
    text = "Spending rose last year. On 5 March, NATO met. It ended on 8 January 2026."
    events = extract_events(text, today=TODAY)
    assert [e.span[0] for e in events] == sorted(e.span[0] for e in events)
    assert all(isinstance(e, Event) for e in events)


# --- "today" -------------------------------------------------------------------------------


def test_today_parameter_wins(monkeypatch):
    monkeypatch.setenv("NATOCLI_TODAY", "2020-01-01")
    assert resolve_today(dt.date(2026, 11, 23)) == dt.date(2026, 11, 23)


def test_today_from_environment(monkeypatch):
    monkeypatch.setenv("NATOCLI_TODAY", "2020-02-03")
    assert resolve_today() == dt.date(2020, 2, 3)
    # the weekday rule looks back from that day: 27 January was a Monday in 2020
    events = extract_events("He spoke on Monday (27 January).")
    assert (events[0].start, events[0].year_inferred) == (dt.date(2020, 1, 27), True)


def test_today_defaults_to_the_calendar(monkeypatch):
    monkeypatch.delenv("NATOCLI_TODAY", raising=False)
    assert resolve_today() == dt.date.today()


def test_bad_today_in_environment(monkeypatch):
    monkeypatch.setenv("NATOCLI_TODAY", "next tuesday")
    with pytest.raises(BadInput):
        resolve_today()


# --- seeds ---------------------------------------------------------------------------------


def _seed(name: str) -> tuple[str, dict]:
    doc = next(d for d in EXPECTED["docs"] if d["file"] == name)
    return (SEEDS / name).read_text(encoding="utf-8"), doc


@pytest.mark.parametrize("name", [d["file"] for d in EXPECTED["docs"]])
def test_seed_events(name):
    text, doc = _seed(name)
    events = extract_events(text, today=TODAY)
    dated = [e for e in events if e.named is None]
    assert [e.expression for e in dated] == [x["expression"] for x in doc["events"]]
    for event, want in zip(dated, doc["events"]):
        assert event.precision == want["precision"]
        got = (event.start.isoformat() if event.start else None, event.end.isoformat() if event.end else None)
        acceptable = [(want["start"], want["end"])] + [
            (r["start"], r["end"]) for r in want.get("acceptable_resolutions", [])
        ]
        assert got in acceptable, (event, acceptable)
        assert event.year_inferred == want.get("year_inferred", False) or want["start"] is None
    for named in doc.get("named_events", []):
        found = [e for e in events if e.named]
        if found:  # reporting named events is optional; when reported, the dates must be right
            assert any((e.start.isoformat(), e.end.isoformat()) == (named["start"], named["end"]) for e in found)


def test_seed_chrome_gives_no_events():
    text, _ = _seed("002_6424fc7f0912e0b0.txt")
    article = text.index("Secretary General Mark Rutte travelled")
    assert all(e.span[0] >= article for e in extract_events(text, today=TODAY))
    text, _ = _seed("001_6300c27781760f9c.txt")
    chrome = text.index("No time to read?\nGet a summary\nPrevious Article")
    assert all(e.span[1] <= chrome for e in extract_events(text, today=TODAY))


# --- properties ----------------------------------------------------------------------------

PIECES = [
    "8", "27", "31", "2026", "1990s", "2014-2024", "2024-25", "Q3", "FY2025", "January", "Jan.", "May", "May.",
    "July", "Monday", "Tuesday", "(", ")", ",", ".", "-", "–", "/", " ", " ", " ", "\n", "between", "and", "from",
    "to", "by", "since", "early", "mid-", "late", "the", "end", "of", "remainder", "first", "quarter", "half",
    "summer", "winter", "fall", "today", "yesterday", "tomorrow", "last", "this", "next", "week", "month", "year",
    "two", "weeks", "ago", "from now", "time", "'", "Vilnius", "Washington", "The Hague", "summit", "Summit",
    "NATO", "Last updated:", "©", "29 February", "troops", "Resolution", "+32", "€", "%", "11:45", "08/01/2026",
]


@settings(max_examples=200, deadline=None)
@given(text=st.text(), published=st.none() | st.dates())
def test_any_text_is_safe_and_deterministic(text, published):
    first = extract_events(text, published=published, today=TODAY)
    assert first == extract_events(text, published=published, today=TODAY)
    for e in first:
        assert text[e.span[0]:e.span[1]] == e.expression
        assert (e.start is None) == (e.end is None)


@settings(max_examples=200, deadline=None)
@given(
    pieces=st.lists(st.sampled_from(PIECES), max_size=30),
    published=st.none() | st.dates(),
    today=st.dates(),
)
def test_date_like_text_is_safe_and_deterministic(pieces, published, today):
    text = " ".join(pieces)
    first = extract_events(text, published=published, today=today)
    assert first == extract_events(text, published=published, today=today)
    spans = [e.span for e in first]
    assert spans == sorted(spans)
    for (s1, e1), (s2, _) in zip(spans, spans[1:]):
        assert e1 <= s2  # no two events overlap
    for e in first:
        assert e.precision in ("day", "month", "season", "quarter", "year", "decade")
        assert e.start is None or e.start <= e.end


@pytest.mark.parametrize(
    "cls, values",
    [
        pytest.param(Event, ("7 January 2026", dt.date(2026, 1, 7), dt.date(2026, 1, 7), "day", False, (3, 17), None), id="event"),
        pytest.param(Event, ("the Vilnius summit", dt.date(2023, 7, 11), dt.date(2023, 7, 12), "day", True, (0, 18), "Vilnius summit"), id="named event"),
        pytest.param(Figure, ("Portugal", 2.0, "%GDP", "target", 2029, "2% of GDP", (40, 49)), id="spending figure"),
        pytest.param(Figure, (None, 1.2e9, "EUR", "aid", None, "€1.2 billion", (5, 17)), id="figure with no entity"),
    ],
)
def test_records_built_fast_equal_the_dataclass_constructor(cls, values):
    from natocli.extract import record_builder

    built = record_builder(cls)(*values)
    assert built == cls(*values) and hash(built) == hash(cls(*values))
    with pytest.raises(ValueError):
        record_builder(cls)(*values[:-1])  # every field is given, in order
