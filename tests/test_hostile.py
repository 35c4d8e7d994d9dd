"""Untrusted input: markup in an article is text on the page, and nothing from it can run in a browser."""

import re
from html.parser import HTMLParser

import pytest
import yaml
from sitebuild import copy_project, mkdocs_build

from generator.pipeline import read_corpus, render_pages

HOSTILE_TEXT = """The United States and Guatemala signed an agreement, officials said on Thursday.
<script>alert("script")</script> and <img src=x onerror="alert('img')"> and <iframe src="https://evil.example"></iframe>
<svg onload="alert('svg')"></svg> <b>raw html</b> <!-- a comment --> &amp; &lt;escaped&gt;
[click me](javascript:alert('link')) and ![pixel](data:image/png;base64,AAAA) and <javascript:alert(1)>
# not a heading
| not | a | table |
* not a list item with **bold** and `code` and _emphasis_
---
{{ jinja_variable }} {% raw %} {% endraw %} {: onclick="alert('attr')" }
title: yaml-looking line
1. not an ordered list
> not a quote
"""
HOSTILE_META = 'title: "<script>alert(\\"title\\")</script> no"\nnote: "{{ note }} [x](javascript:alert(1))"\n'
LITERALS = ['<script>alert("script")</script>', "<img src=x onerror=\"alert('img')\">",
            "[click me](javascript:alert('link'))", "# not a heading", "{{ jinja_variable }}", "{% raw %}",
            '{: onclick="alert(\'attr\')" }', "<!-- a comment -->", "&amp; &lt;escaped&gt;", "| not | a | table |",
            "**bold**", "`code`", "---", "title: yaml-looking line"]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    (project / "seeds" / "900_hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (project / "seeds" / "900_hostile.meta.yml").write_text(HOSTILE_META, encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


class ArticleScanner(HTMLParser):
    """Collects what is inside the page's <article>: tags, attributes and text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article" or self.depth:
            self.depth += tag not in {"img", "br", "hr", "input", "meta", "link"}
            self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if self.depth and tag not in {"img", "br", "hr", "input", "meta", "link"}:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


def scan(page) -> ArticleScanner:
    scanner = ArticleScanner()
    scanner.feed(page.read_text(encoding="utf-8"))
    return scanner


def test_no_page_carries_active_content_from_an_article(hostile_site):
    pages = list(hostile_site.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        for tag, attrs in scan(page).tags:
            where = f"{page.relative_to(hostile_site)}: <{tag} {attrs}>"
            assert tag not in {"script", "iframe", "svg", "object", "embed", "img"}, where
            assert not [name for name in attrs if name.startswith("on")], where
            for name in ("href", "src", "action"):
                assert not re.match(r"\s*(javascript|data|vbscript):", attrs.get(name) or "", re.I), where


def test_markup_in_the_article_is_shown_literally(hostile_site):
    page = next((hostile_site / "articles").glob("*-script-alert-title-script-no/index.html"))
    text = "".join(scan(page).text)
    for literal in LITERALS:
        assert literal in text, literal
    assert '<script>alert("title")</script> no' in text


def test_hostile_title_round_trips_through_front_matter(tmp_path):
    (tmp_path / "seeds").mkdir()
    for title in ["no", "Yes", "null", "~", "2024-01-01", "1e3", "A: B", "- x", "#x", "it's \"quoted\"",
                  "two\nlines", "!!python/object/apply:os.system ['echo hi']", "{{ x }}", "&anchor", "*alias"]:
        (tmp_path / "seeds" / f"{len(title)}-{abs(hash(title))}.txt").write_text(
            "The United States and Mexico talked about asylum rules on Thursday.", encoding="utf-8")
        (tmp_path / "seeds" / f"{len(title)}-{abs(hash(title))}.meta.yml").write_text(
            yaml.safe_dump({"title": title}), encoding="utf-8")
        corpus = read_corpus(tmp_path / "seeds")
        assert not corpus.problems
        page = render_pages(corpus)[f"articles/{corpus.articles[0].slug}.md"]
        front = yaml.safe_load(page.split("---\n", 2)[1])
        assert front["title"] == " ".join(title.split())
        for path in (tmp_path / "seeds").iterdir():
            path.unlink()
