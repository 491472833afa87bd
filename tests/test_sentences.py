"""Sentence splitter: cleaned text in, sentences with character spans out.

Every table row is `(text, expected)`; `expected` lists the sentence texts in
order. Spans are checked against the text for every row.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from natocli.extract.sentences import Sentence, sentence_index, split_sentences


def texts(text: str) -> list[str]:
    sentences = split_sentences(text)
    for s in sentences:
        assert text[s.start:s.end] == s.text
    return [s.text for s in sentences]


CASES = [
    pytest.param("NATO met. Allies agreed.", ["NATO met.", "Allies agreed."], id="two-sentences"),
    pytest.param("Did they agree? Yes! They did.", ["Did they agree?", "Yes!", "They did."], id="question-exclamation"),
    pytest.param("It was late... Then the vote came.", ["It was late...", "Then the vote came."], id="ellipsis-dots"),
    pytest.param("It was late… Then the vote came.", ["It was late…", "Then the vote came."], id="ellipsis-character"),
    pytest.param("Really?! The Allies said so.", ["Really?!", "The Allies said so."], id="mixed-stops"),
    pytest.param("Spending rose in 2024. 2025 will be higher.", ["Spending rose in 2024.", "2025 will be higher."],
                 id="next-starts-with-digit"),
    pytest.param("Allies met. the vote was close.", ["Allies met. the vote was close."],
                 id="lower-case-next-word-no-split"),
    pytest.param("Headline\nFirst paragraph. Second sentence.\nLast line",
                 ["Headline", "First paragraph.", "Second sentence.", "Last line"], id="line-breaks"),
    pytest.param("No stop at the end\n\n  Indented line. Next one.  \n",
                 ["No stop at the end", "Indented line.", "Next one."], id="blank-lines-and-indent"),
    # closing quotes and brackets belong to the sentence they close
    pytest.param("“We must act.” The minister left.", ["“We must act.”", "The minister left."], id="closing-quote"),
    pytest.param("He spoke (briefly.) Then he left.", ["He spoke (briefly.)", "Then he left."], id="closing-bracket"),
    pytest.param("He left. “We will return,” he said.", ["He left.", "“We will return,” he said."],
                 id="opening-quote-starts-sentence"),
    # abbreviations and initials
    pytest.param("Mr. Rutte met Gen. Cavoli in Mons.", ["Mr. Rutte met Gen. Cavoli in Mons."], id="titles"),
    pytest.param("John F. Kennedy spoke in Berlin.", ["John F. Kennedy spoke in Berlin."], id="initial"),
    pytest.param("The deal costs approx. 5 billion euros.", ["The deal costs approx. 5 billion euros."],
                 id="approx-before-digit"),
    pytest.param("24 May. 2017 - NATO leaders met.", ["24 May. 2017 - NATO leaders met."], id="nato-dateline"),
    pytest.param("The U.S. Army sent troops.", ["The U.S. Army sent troops."], id="us-army"),
    pytest.param("The U.S. Secretary of Defense arrived.", ["The U.S. Secretary of Defense arrived."],
                 id="us-secretary"),
    pytest.param("Troops arrived from the U.S. The Allies welcomed them.",
                 ["Troops arrived from the U.S.", "The Allies welcomed them."], id="us-ends-sentence"),
    pytest.param("He flew to the U.K. It was his first visit.",
                 ["He flew to the U.K.", "It was his first visit."], id="uk-ends-sentence"),
    pytest.param("Rheinmetall, Thales, Saab etc. They all grew.", ["Rheinmetall, Thales, Saab etc.", "They all grew."],
                 id="etc-ends-sentence"),
    pytest.param("Troops arrived from the U.S. “The Allies welcomed them,” he said.",
                 ["Troops arrived from the U.S. “The Allies welcomed them,” he said."],
                 id="us-before-quote-stays"),  # a quote may open a name as well as a sentence
    pytest.param("The U.S. A-10 flew over the Baltic.", ["The U.S. A-10 flew over the Baltic."], id="us-a10"),
    pytest.param("It ended with World War I. The Alliance came later.",
                 ["It ended with World War I.", "The Alliance came later."], id="initial-ends-sentence"),
    # numbers
    pytest.param("Spending reached 2.4% of GDP. It rose.", ["Spending reached 2.4% of GDP.", "It rose."],
                 id="decimal"),
    pytest.param("The figure was 3.5 per cent.", ["The figure was 3.5 per cent."], id="decimal-no-split"),
    pytest.param("", [], id="empty"),
    pytest.param("   \n\t\n", [], id="white-space-only"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_split_sentences(text, expected):
    assert texts(text) == expected


def test_spans_and_type():
    text = "Title\n  NATO met. Allies agreed."
    assert split_sentences(text) == [
        Sentence(0, 5, "Title"),
        Sentence(8, 17, "NATO met."),
        Sentence(18, 32, "Allies agreed."),
    ]


@pytest.mark.parametrize(
    "position, index",
    [
        pytest.param(0, 0, id="start"),
        pytest.param(5, 0, id="line-break-after-first"),
        pytest.param(6, 1, id="second-sentence-start"),
        pytest.param(12, 1, id="inside-second"),
        pytest.param(16, 2, id="third-sentence-start"),
        pytest.param(100, 2, id="past-the-end"),
    ],
)
def test_sentence_index(position, index):
    sentences = split_sentences("Title\nNATO met. Allies agreed.")
    assert sentence_index(sentences, position) == index


ALPHABET = st.sampled_from(list("aZ9 .!?…\n\t\"'”’)]“‘([") + ["U.S.", "Mr.", "The ", "J. "])


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join))
def test_sentences_are_stripped_in_order_and_within_lines(text):
    sentences = split_sentences(text)
    last_end = 0
    for s in sentences:
        assert text[s.start:s.end] == s.text == s.text.strip() != ""
        assert "\n" not in s.text
        assert s.start >= last_end
        last_end = s.end
    # nothing but white space is left out
    covered = set()
    for s in sentences:
        covered.update(range(s.start, s.end))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)
