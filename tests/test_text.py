"""Folding text for matching, and finding many folded phrases in it at once."""

import pytest

from generator.text import Phrases, fold, longest_from


@pytest.mark.parametrize(("text", "folded"), [
    ("U.S.", "u s"),
    ("México’s “plan”", "méxico s plan".replace("é", "e")),
    ("  snake_case, and—dashes…  ", "snake case and dashes"),
    ("Ａｌ-Jazeera", "al jazeera"),  # full-width letters are their compatibility forms
    ("", ""),
])
def test_fold(text, folded):
    assert fold(text) == folded


def test_longest_from_counts_words_from_each_first_word():
    assert longest_from(["new york times", "new yorker", "npr"]) == {"new": 3, "npr": 1}


def test_phrases_are_found_as_whole_words_and_may_overlap():
    phrases = Phrases(["new york times", "york times", "times", "npr", "bbc news"])
    words = fold("The New York Times told NPR, not the BBC; Yorkshire times").split(" ")
    assert phrases.found_in(words) == {"new york times", "york times", "times", "npr"}


def test_phrases_find_what_a_search_for_each_phrase_finds(editorial, seed_text):
    """The outlets' mentions, looked for in every seed: the same as a substring search per mention."""
    mentions = [mention for outlet in editorial.outlets for mention in outlet.mentions]
    index = Phrases(mentions)
    found = set()
    for number in range(5):
        folded = f" {fold(seed_text(number))} "
        expected = {mention for mention in mentions if f" {mention} " in folded}
        assert index.found_in(folded.split(" ")) == expected
        found |= expected
    assert found, "no seed mentions an outlet: the comparison shows nothing"


def test_phrases_that_share_a_first_word_are_each_found_and_the_word_alone_too():
    phrases = Phrases(["the", "the guardian", "the new york times", "the new yorker", "new"])
    words = fold("The Guardian and the New Yorker, not the New Republic").split(" ")
    assert phrases.found_in(words) == {"the", "the guardian", "the new yorker", "new"}
