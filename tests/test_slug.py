"""Slugs: readable ASCII file names, cut at a word, never empty, never a path, unique across the site."""

import pytest

from generator.slug import MAX_SLUG, article_slug, slugify, unique_slugs


@pytest.mark.parametrize("text, slug", [
    ("US getting closer to 'safe third country' agreement", "us-getting-closer-to-safe-third-country-agreement"),
    ("México y Asunción", "mexico-y-asuncion"),
    ("Ça va? Über alles!", "ca-va-uber-alles"),
    ("ﬁnance", "finance"),
    ("2019-07-11", "2019-07-11"),
    ("", "untitled"),
    ("   ", "untitled"),
    ("!!!", "untitled"),
    ("北京", "untitled"),
    ("..", "untitled"),
    ("../../etc/passwd", "etc-passwd"),
    ("a/b\\c", "a-b-c"),
])
def test_slugify(text, slug):
    assert slugify(text) == slug


def test_long_title_is_cut_at_a_word_boundary():
    title = "The Trump Administration is expected to announce a major immigration deal with Guatemala"
    slug = slugify(title)
    assert slug == "the-trump-administration-is-expected-to-announce-a-major"
    assert len(slug) <= MAX_SLUG and title.lower().replace(" ", "-").startswith(slug + "-")


@pytest.mark.parametrize("words", [1, 2, 3, 7, 11, 12, 13, 30])
def test_slug_never_exceeds_the_limit_and_ends_on_a_whole_word(words):
    slug = slugify("word " * words)
    assert len(slug) <= MAX_SLUG and slug.split("-") == ["word"] * min(words, 12)


@pytest.mark.parametrize("text", ["x" * 100, "a" * (MAX_SLUG + 1)])
def test_one_long_word_is_cut_to_the_limit(text):
    assert len(slugify(text)) <= MAX_SLUG


@pytest.mark.parametrize("text, slug", [
    ("US–Mexico border", "us-mexico-border"),
    ("the deal—signed today", "the-deal-signed-today"),
])
def test_unicode_dashes_separate_words(text, slug):
    assert slugify(text) == slug


@pytest.mark.parametrize("text", ["../x", "..\\..\\x", "/etc/passwd", "a/../../b", "./.hidden", "~/x"])
def test_slug_is_never_a_path(text):
    slug = slugify(text)
    assert "/" not in slug and "\\" not in slug and ".." not in slug and not slug.startswith(".")


@pytest.mark.parametrize("published, title, slug", [
    ("2019-07-11", "US getting closer", "2019-07-11-us-getting-closer"),
    (None, "US getting closer", "undated-us-getting-closer"),
    ("2019-07-11", "", "2019-07-11-untitled"),
])
def test_article_slug(published, title, slug):
    assert article_slug(published, title) == slug


@pytest.mark.parametrize("wanted, unique", [
    (["a", "b", "a", "a"], ["a", "b", "a-2", "a-3"]),
    (["a", "a", "a-2"], ["a", "a-2", "a-2-2"]),
    (["a-2", "a", "a"], ["a-2", "a", "a-3"]),
    ([], []),
])
def test_unique_slugs_numbers_repeats_in_order(wanted, unique):
    assert unique_slugs(wanted) == unique
    assert len(set(unique)) == len(unique)
