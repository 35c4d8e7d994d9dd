"""The file formats an editor may drop into seeds/: plain text, Markdown with front matter, saved HTML.

Each reader turns decoded text into the article's body, the metadata the file itself records (used
like a ``.meta.yml``; a ``.meta.yml`` beside the file still wins) and what it dropped from that metadata.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import lxml.html
from lxml import etree

from .model import InputError
from .read import Meta, parse_meta

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
MIN_HTML_WORDS = 10
"""Fewer words than this is page furniture (a menu, a cookie notice), not an article."""
MARKDOWN_TITLE = re.compile(r"\A\s*#[ \t]+(?P<title>[^\n]+?)[ \t#]*(?:\n|\Z)")


Read = tuple[str, Meta, list[str]]
"""The body, the recorded metadata, and one reason for each part of that metadata that was dropped."""


def read_plain(text: str) -> Read:
    return text, {}, []


def read_markdown(text: str) -> Read:
    """Front matter fields as metadata; a leading ``# Heading`` is the title when none is recorded.

    Front matter that is not valid YAML is dropped whole, with its reason; the body is still the article.
    """
    meta: Meta = {}
    dropped: list[str] = []
    if match := FRONT_MATTER.match(text):
        try:
            meta, dropped = parse_meta(match["yaml"] or "", allow_extra=True)
        except InputError as error:
            dropped = [f"ignored whole: {error}"]
        text = text[match.end() :]
    if match := MARKDOWN_TITLE.match(text):
        meta.setdefault("title", match["title"].strip())
        text = text[match.end() :]
    return text, meta, dropped


def read_html(text: str) -> Read:
    """The article in a saved web page, without its scripts, navigation or footer (trafilatura)."""
    import trafilatura  # here, not at the top: its import takes longer than regenerating a corpus of text

    document = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False, include_tables=False)
    if document is None or len((document.text or "").split()) < MIN_HTML_WORDS:
        raise InputError("no article text found in the HTML page")
    body = document.text
    meta: Meta = {}
    if document.title:
        meta["title"] = " ".join(document.title.split())
        first, _, rest = body.partition("\n")
        if first.strip() == meta["title"]:
            body = rest  # the page's headline, already the title
    if document.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", document.date):
        meta["published"] = document.date
    authors = [a.strip() for a in (document.author or "").split(";") if a.strip()]
    # Every credited link in the byline, where the extractor kept only the first ("By A and B").
    authors += [name for name in _linked_authors(text) if name not in authors]
    if authors:
        meta["authors"] = authors
    if document.sitename:
        meta["outlet"] = " ".join(document.sitename.split())
    if document.url and document.url.startswith(("http://", "https://")):
        meta["url"] = document.url
    return body, meta, []


def _linked_authors(page: str) -> list[str]:
    try:
        tree = lxml.html.fromstring(page)
    except (etree.ParserError, ValueError):
        return []
    names = (" ".join("".join(link.itertext()).split()) for link in tree.xpath('//a[@rel="author"]'))
    return list(dict.fromkeys(name for name in names if name))


READERS: dict[str, Callable[[str], Read]] = {
    ".txt": read_plain,
    ".text": read_plain,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
}
"""Readers by file suffix (lower case); any other file in seeds/ is refused."""
