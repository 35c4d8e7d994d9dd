"""Readable, stable, unique file names for pages: ``2019-07-11-us-getting-closer-to-safe-third``."""

from __future__ import annotations

import re
import unicodedata

MAX_SLUG = 60


def slugify(text: str, limit: int = MAX_SLUG) -> str:
    """ASCII words joined by dashes, cut at a word boundary; never empty, never a path."""
    decomposed = unicodedata.normalize("NFKD", text)
    # Anything not a letter or digit separates words ("US–Mexico" is two), before accents are dropped.
    spaced = "".join(c if c.isalnum() or unicodedata.combining(c) else " " for c in decomposed)
    bare = spaced.encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", bare.lower()).strip("-")
    if len(slug) > limit:
        cut = slug[: limit + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else slug[:limit]
    return slug or "untitled"


def article_slug(published: str | None, title: str) -> str:
    return f"{published or 'undated'}-{slugify(title)}"


def unique_slugs(wanted: list[str]) -> list[str]:
    """Number repeats in order (``x``, ``x-2``, ``x-3``) so that no two pages share a file."""
    taken: set[str] = set()
    result = []
    for slug in wanted:
        candidate, number = slug, 2
        while candidate in taken:
            candidate, number = f"{slug}-{number}", number + 1
        taken.add(candidate)
        result.append(candidate)
    return result
