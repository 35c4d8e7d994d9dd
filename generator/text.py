"""Sentence and word helpers shared by cleaning and extraction."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterable, Iterator, Sequence
from functools import lru_cache

# A sentence ends at . ! ? (and a closing quote or bracket after it) followed by a space and a
# capital or an opening quote; initialisms (U.S., D.H.S.) and titles (Mr., Dr.) do not end one.
# The look-behinds follow the full stop, so they are tried only where there is one.
ABBREVIATIONS = "".join(rf"(?<!\b{word}\.)" for word in ("[A-Z]", "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen",
                                                         "Gov", "Sen", "Rep", "No", "Sgt", "Lt", "Col", "Capt",
                                                         "Maj", "Rev", "Prof", "Fr", "Hon", "Cmdr", "Adm", "Supt"))
SENTENCE_END = re.compile(r"[.!?]" + ABBREVIATIONS + r"[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
FOLDED_WORD = re.compile(r"[^\W_]+")
"""What folding keeps of a text: runs of letters and digits; the rest (punctuation, "_", spaces) parts them."""
WORD = re.compile(r"[\w’'-]+")

# Text with fewer sentence ends than this per word has lost its punctuation.
MIN_SENTENCE_ENDS_PER_WORD = 1 / 80
# Windows that stand in for sentences in such text, in words.
WINDOW_WORDS = 30


def split_words(text: str) -> list[str]:
    return WORD.findall(text)


def is_lowercased(paragraphs: list[str]) -> bool:
    """A clipping that lost its capitals (seed 000): names must be found, and shown, another way."""
    return not any(char.isupper() for paragraph in paragraphs for char in paragraph)


def has_punctuation(text: str) -> bool:
    words = len(split_words(text))
    return words < 40 or len(re.findall(r"[.!?]", text)) >= words * MIN_SENTENCE_ENDS_PER_WORD


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph; windows of about WINDOW_WORDS words where punctuation was lost."""
    if has_punctuation(paragraph):
        cuts = [0, *(m.end() for m in SENTENCE_END.finditer(paragraph)), len(paragraph)]
        pieces = (paragraph[start:end].strip() for start, end in zip(cuts, cuts[1:], strict=False))
        return [piece for piece in pieces if piece]
    words = paragraph.split()
    return [" ".join(words[i : i + WINDOW_WORDS]) for i in range(0, len(words), WINDOW_WORDS)]


@lru_cache(maxsize=4096)
def fold_alias(alias: str) -> str:
    """``fold`` for the short names of the data files, which are folded over and over."""
    return fold(alias)


def fold(text: str) -> str:
    """Lower-case, accent-free, punctuation-free text with single spaces, for matching names.

    "U.S." and "u s" fold alike, as do "México" and "mexico", so that a name matches however the
    clipping spelled or stripped it.
    """
    if not text.isascii():
        text = COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return " ".join(FOLDED_WORD.findall(text.lower()))


def truncate_words(text: str, limit: int) -> str:
    """Shorten to at most ``limit`` characters at a word boundary, with an ellipsis if cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:—– ")
    return cut + "…"


def longest_from(phrases: Iterable[str]) -> dict[str, int]:
    """For each word that starts one of the phrases (folded, one space between words), the most words a
    phrase starting with it has: looking n-grams up is then tried only where a phrase can start."""
    longest: dict[str, int] = {}
    for phrase in phrases:
        words = phrase.split(" ")
        longest[words[0]] = max(len(words), longest.get(words[0], 0))
    return longest


def longest_phrases(words: Sequence[str], phrases: Container[str], starts: dict[str, int]) -> Iterator[tuple[int, int]]:
    """(start, end) of each phrase of ``phrases`` in ``words``, from left to right, the longest where several
    start at one word; ``starts`` is ``longest_from(phrases)``, so that n-grams are tried only where a phrase
    can start."""
    index = 0
    while index < len(words):
        for size in range(min(starts.get(words[index], 0), len(words) - index), 0, -1):
            if " ".join(words[index : index + size]) in phrases:
                yield index, index + size
                index += size
                break
        else:
            index += 1


class Phrases:
    """A set of folded phrases found in folded text by looking its word n-grams up, where a substring search
    per phrase would read the whole text once for each of hundreds of phrases (the outlets' mentions)."""

    def __init__(self, phrases: Iterable[str]):
        self.phrases = frozenset(phrase for phrase in phrases if phrase)
        self._longest_from = longest_from(self.phrases)
        # Many phrases start with a common word ("the", "new"): n-grams of two words or more are made only
        # where the next word can go on with one.
        second_words: dict[str, set[str]] = {}
        for phrase in self.phrases:
            first, *rest = phrase.split(" ", 2)
            if rest:
                second_words.setdefault(first, set()).add(rest[0])
        self._second_words = {first: frozenset(words) for first, words in second_words.items()}

    def found_in(self, words: list[str]) -> set[str]:
        """Every phrase that ``words`` (folded text, split on spaces) holds as consecutive words."""
        found = set()
        phrases, longest_from, second_words = self.phrases, self._longest_from, self._second_words
        last = len(words) - 1
        for index, word in enumerate(words):
            if longest := longest_from.get(word):
                if word in phrases:
                    found.add(word)
                if longest > 1 and index < last and words[index + 1] in second_words[word]:
                    for size in range(2, min(longest, len(words) - index) + 1):
                        if (key := " ".join(words[index : index + size])) in phrases:
                            found.add(key)
        return found
