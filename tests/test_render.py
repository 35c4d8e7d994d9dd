"""Rendering: article text prints literally (no HTML, links or Markdown), front matter keeps every string a string."""

import dataclasses
import datetime
import re

import pytest
import yaml
from markupsafe import Markup

from generator import render
from generator.render import escape_markdown, first_date, front_matter, render_article, url

# Markdown that would act at the start of a line: heading, list item, quote, setext underline, table row.
LINE_START_MARKDOWN = re.compile(r"^\s*(?:[-+*>#=|]|\d+[.)])", re.MULTILINE)
HOSTILE = ["<script>alert(1)</script>", "[x](javascript:alert(1))", "![](data:x)", "{: onclick=x}", "# heading",
           "- item", "1. item", "  * star", "> quote", "+ plus", "=== x", "2) item", "| a | b |", "<http://x>",
           "*[HTML]: abbr", "[^1]: foot", "!!! note", "~~del~~ ==mark== ^^ins^^ $$x$$"]


@pytest.mark.parametrize("value", HOSTILE)
def test_escaped_text_has_no_markup(value):
    escaped = escape_markdown(value)
    assert not re.search(r"[<\[{>*_`|~^$!]", escaped.replace("&#", ""))
    assert not LINE_START_MARKDOWN.search(escaped)


@pytest.mark.parametrize("value, escaped", [
    ("<script>alert(1)</script>", "&#60;script&#62;alert(1)&#60;/script&#62;"),
    ("[x](javascript:alert(1))", "&#91;x&#93;(javascript:alert(1))"),
    ("# heading", "&#35; heading"),
    ("- item", "&#45; item"),
    ("1. item", "&#49;. item"),
    ("1989. A year", "&#49;&#57;&#56;&#57;. A year"),
    ("Tom & Jerry", "Tom &#38; Jerry"),
    ("&#60;", "&#38;&#35;60;"),
    ("It’s “fine” — really.", "It’s “fine” — really."),
])
def test_escape_markdown_values(value, escaped):
    assert escape_markdown(value) == escaped


@pytest.mark.parametrize("value", ["first\n- item", "first\n1. item", "first\n  - nested"])
def test_line_start_markdown_is_escaped_on_every_line(value):
    assert not LINE_START_MARKDOWN.search(escape_markdown(value))


@pytest.mark.parametrize("value, shown", [(Markup("<b>x</b>"), "<b>x</b>"), (None, ""), (5, "5")])
def test_markup_none_and_numbers(value, shown):
    assert escape_markdown(value) == shown


def test_url_encodes_characters_that_would_end_a_link():
    assert url("https://example.com/a b(c)<d>") == "https://example.com/a%20b%28c%29%3Cd%3E"


TITLES = ["no", "Yes", "null", "~", "2024-01-01", "1e3", "A: B", "- x", "#x", "quote \" and ' ", "two\nlines",
          "on", "0x10", ".inf", "", " lead", "trail ", "%x", "@x", "`x", "!x", "&x", "*x", "? x", "| x", "> x",
          "a #b", "12:30:00", "---", "...", "é ü 北京", "tab\tx", "x\x00y", "1,000", "+1", "="]


@pytest.mark.parametrize("title", TITLES)
def test_front_matter_round_trips_strings(title):
    page = front_matter({"title": title, "tags": [title]})
    assert page.startswith("---\n") and page.endswith("\n---\n")
    assert yaml.safe_load(page[4:-4]) == {"title": title, "tags": [title]}


def test_front_matter_keeps_key_order():
    assert front_matter({"b": 1, "a": [2]}) == "---\nb: 1\na:\n- 2\n---\n"


def test_first_date(editorial):
    aca = next(a for a in editorial.agreements if a.id == "us-guatemala-aca-2019")
    mpp = next(a for a in editorial.agreements if a.id == "mpp")
    assert first_date(aca, "Signed") == "2019-07-26"
    assert first_date(mpp, "Announced") == "2018-12-20 (approx.)"
    assert first_date(mpp, "Signed") == "—"


def test_article_page_front_matter_and_body(seed_article, editorial):
    page = render_article(seed_article(4), editorial)
    _, header, body = page.split("---\n", 2)
    data = yaml.safe_load(header)
    assert data["title"] == "The secretary said the agreements would give asylum-seekers other options"
    assert data["title_generated"] is True and "title" in data["inferred"]
    assert data["published"] == "2025-06-26" and data["outlet"] is None
    assert data["source"]["repairs"] == {"gbk_mojibake": 12}
    assert "鈥" not in page
    assert body.startswith("\n# The secretary said the agreements would give asylum-seekers other options\n")
    assert ("> “Politically, this is a difficult agreement for their governments to do.”\n"
            "> — Kristi Noem, U.S. Secretary of Homeland Security\n") in body


def test_hostile_article_text_prints_literally(seed_article, editorial):
    article = dataclasses.replace(seed_article(3), paragraphs=["<script>alert(1)</script>", "[x](javascript:y)"])
    body = render_article(article, editorial).split("## Full text", 1)[1]
    assert "<script>" not in body and "](javascript:" not in body
    assert "&#60;script&#62;alert(1)&#60;/script&#62;" in body


def test_front_matter_is_what_the_safe_dumper_writes_for_the_values_it_holds():
    """Nodes made directly for strings, numbers, booleans, None, lists and maps; other types by the representer."""
    data = {
        "plain": "Safe third country", "read_as_other_types": ["no", "yes", "2024-01-01", "1e3", "null", "~", "0x1F"],
        "marks": ["- x", "a: b", "#x", "a #b", "'q'", '"d"', "[x]", "{y}", "&a", "*b", "!t", "|", ">", "@", "%p"],
        "spaces": [" lead", "trail ", "multi\nline", "a\tb", "\u2028", ""], "unicode": "Bogotá “quoted” — dash",
        "numbers": [0, -3, 1200, 1.5], "flags": [True, False, None], "nested": [{"name": "A", "role": None}, []],
        "empty": {}, "date": datetime.date(2019, 7, 26), "long": "word " * 300,
    }
    dumped = yaml.dump(data, Dumper=render.SafeDumper, sort_keys=False, allow_unicode=True, width=1_000_000)
    assert front_matter(data) == f"---\n{dumped}---\n"


def test_a_list_in_front_matter_twice_is_written_out_twice_not_as_an_alias():
    shared = ["Mexico", "Guatemala"]
    written = front_matter({"countries": shared, "tags": shared})
    assert "&" not in written and "*" not in written
    assert yaml.safe_load(written.strip("-\n")) == {"countries": shared, "tags": shared}
