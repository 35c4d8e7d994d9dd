"""Stage 3: take clipping debris out of the text (keeping it on record) and make readable paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .datafile import load_package_yaml
from .text import SENTENCE_END, split_words

MAX_PARAGRAPH = 1200
"""No rendered paragraph runs past this many characters."""
TARGET_PARAGRAPH = 600
"""Where a long paragraph is broken when it has to be: near this length."""


@dataclass(frozen=True)
class DebrisRule:
    name: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class ClippingRules:
    leading: tuple[DebrisRule, ...]
    trailing: tuple[DebrisRule, ...]
    paragraph_openers: re.Pattern[str]


@cache
def clipping_rules() -> ClippingRules:
    data = load_package_yaml("clipping.yml")

    def rules(section: str) -> tuple[DebrisRule, ...]:
        flags = re.IGNORECASE | re.MULTILINE
        return tuple(DebrisRule(r["name"], re.compile(r["pattern"], flags)) for r in data[section])

    openers = "|".join(re.escape(o) for o in sorted(data["paragraph_openers"], key=len, reverse=True))
    return ClippingRules(
        leading=rules("leading"),
        trailing=rules("trailing"),
        paragraph_openers=re.compile(rf"\s(?=(?:{openers})\b)", re.IGNORECASE),
    )


def remove_debris(text: str) -> tuple[str, list[str]]:
    """Strip debris from both ends of the text; return the text and what was removed, in order."""
    rules = clipping_rules()
    removed: list[str] = []
    text = text.strip()
    for rule in rules.leading:
        if match := rule.pattern.search(text):
            removed.append(match.group().strip())
            text = text[match.end() :].lstrip()
    for rule in rules.trailing:
        if match := rule.pattern.search(text):
            removed.append(match.group().strip())
            text = text[: match.start()].rstrip()
    return text, removed


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs as the clipping had them (blank or single line breaks), long ones broken up."""
    paragraphs = [" ".join(line.split()) for line in text.split("\n")]
    return [piece for paragraph in paragraphs if paragraph for piece in break_long(paragraph)]


def break_long(paragraph: str) -> list[str]:
    """Break a paragraph longer than MAX_PARAGRAPH at the sentence end nearest TARGET_PARAGRAPH.

    Text that lost its punctuation has no sentence ends; there a word that usually opens a
    sentence serves, and a plain space as a last resort.
    """
    if len(paragraph) <= MAX_PARAGRAPH:
        return [paragraph]
    cut = _best_cut(paragraph, SENTENCE_END) or _best_cut(paragraph, clipping_rules().paragraph_openers)
    if cut is None:
        cut = _best_cut(paragraph, re.compile(r"\s")) or MAX_PARAGRAPH
    head, tail = paragraph[:cut].strip(), paragraph[cut:].strip()
    return [head, *break_long(tail)]


def _best_cut(paragraph: str, boundary: re.Pattern[str]) -> int | None:
    """The boundary nearest TARGET_PARAGRAPH that leaves both sides a sensible length."""
    lower, upper = MAX_PARAGRAPH // 4, MAX_PARAGRAPH
    cuts = [m.end() for m in boundary.finditer(paragraph) if lower <= m.end() <= upper]
    cuts = [cut for cut in cuts if len(split_words(paragraph[cut:])) >= 8]
    return min(cuts, key=lambda cut: abs(cut - TARGET_PARAGRAPH)) if cuts else None
