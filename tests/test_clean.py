"""Cleaning: clipping debris comes off both ends (kept on record), long paragraphs are broken up."""

import pytest

from generator.clean import MAX_PARAGRAPH, break_long, remove_debris, split_paragraphs
from generator.text import split_words

SENTENCE = "Officials from both countries met on Thursday to discuss the agreement. "


def test_video_caption_and_dateline_are_removed_from_003(seed_text):
    body, removed = remove_debris(seed_text(3))
    assert removed == [
        "ed lavandera pkg\nMigrants take matters into their own hands on border\n02:59 - Source: CNN",
        "CNN \u00a0—",
    ]
    assert body.startswith("The United States is getting closer to reaching a “safe third country” agreement")


def test_source_trailer_is_removed_from_002(seed_text):
    body, removed = remove_debris(seed_text(2))
    assert removed == ["Source: The Newyork Times"]
    assert body.endswith("The president is scheduled to return to Washington from Europe on Friday.")


def test_contact_line_is_removed_from_000(seed_text):
    body, removed = remove_debris(seed_text(0))
    assert removed == ["contact us at editors time com"]
    assert body.endswith("and i think that s very much an open question")


@pytest.mark.parametrize("number", [1, 4])
def test_clean_seeds_lose_nothing(seed_text, number):
    text = seed_text(number)
    assert remove_debris(text) == (text.strip(), [])


@pytest.mark.parametrize("text", [
    "Source: officials said the deal was close.\nThe talks go on.",
    "The talks go on.\nSource: CNN reported it first, and then the talks went on for many more days.\nMore.",
    "Washington is close to a deal.\nThe talks go on.",
])
def test_debris_words_inside_an_article_stay(text):
    assert remove_debris(text) == (text, [])


def test_seed_000_is_split_into_readable_paragraphs(seed_text):
    body, _ = remove_debris(seed_text(0))
    assert "\n" not in body and len(body) > 5000  # one long line: the clipper lost all paragraphs
    paragraphs = split_paragraphs(body)
    assert len(paragraphs) == 8
    assert max(len(p) for p in paragraphs) <= MAX_PARAGRAPH
    assert " ".join(paragraphs).split() == body.split()


def test_seed_000_breaks_before_sentence_openers(seed_text):
    paragraphs = split_paragraphs(remove_debris(seed_text(0))[0])
    assert [p.split()[0] for p in paragraphs[1:]] == ["after", "after", "here", "in", "the", "supporters", "but"]


def test_clipping_line_breaks_make_paragraphs():
    text = "First paragraph.\n\nSecond   paragraph\twith  spaces.\nThird.\n\n\n"
    assert split_paragraphs(text) == ["First paragraph.", "Second paragraph with spaces.", "Third."]


def test_paragraph_at_the_limit_is_not_split():
    paragraph = (SENTENCE * 20)[:MAX_PARAGRAPH]
    assert len(paragraph) == MAX_PARAGRAPH
    assert break_long(paragraph) == [paragraph]


def test_long_paragraph_is_broken_at_sentence_ends():
    paragraph = (SENTENCE * 40).strip()
    pieces = break_long(paragraph)
    # Cut at the sentence end nearest 600 characters until what is left fits.
    size = len(SENTENCE)
    assert [len(p) for p in pieces] == [8 * size - 1, 8 * size - 1, 8 * size - 1, 16 * size - 1]
    assert all(p.endswith("the agreement.") for p in pieces)
    assert " ".join(pieces) == paragraph


def test_paragraph_without_spaces_is_cut_at_the_limit():
    pieces = break_long("x" * 3000)
    assert [len(p) for p in pieces] == [MAX_PARAGRAPH, MAX_PARAGRAPH, 600]


def test_split_keeps_every_word():
    text = "word " * 900
    assert split_words(" ".join(split_paragraphs(text))) == split_words(text)
