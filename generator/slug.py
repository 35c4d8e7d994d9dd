"""Readable, stable, unique file names for pages: ``2019-07-11-us-getting-closer-to-safe-third``."""

from __future__ import annotations

import re
import unicodedata

MAX_SLUG = 60


def slugify(text: str, limit: int = MAX_SLUG) -> str:
    """ASCII words joined by dashes, cut at a word boundary; never empty, never a path."""
    bare = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", bare.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[: limit + 1].rsplit("-", 1)[0] or slug[:limit]
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
