"""Formats an editor may drop in: Markdown with front matter, saved HTML pages; anything else is refused."""

import pytest

from generator.formats import read_html, read_markdown
from generator.model import InputError
from generator.pipeline import read_corpus

MARKDOWN = """---
title: "no"
published: 2019-07-11
authors: Jane Doe
layout: post
---
# A heading the front matter overrides

The United States is getting closer to a safe third country agreement with Guatemala, officials said.
"""

SAVED_PAGE = """<!doctype html><html><head><title>Guatemala deal | The Daily</title>
<meta property="og:site_name" content="The Daily"><meta name="date" content="2019-07-11">
<meta name="author" content="Jane Doe"><script>alert("page script")</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World news</a></nav>
<article><h1>US nears deal with Guatemala</h1>
<p>The United States is getting closer to reaching a safe third country agreement with Guatemala, according
to officials familiar with the talks on Thursday.</p>
<p>Such an agreement would require migrants who pass through Guatemala to apply for asylum there.</p>
<p>&lt;script&gt;alert(2)&lt;/script&gt; is quoted in the article as text.</p></article>
<footer>Copyright The Daily. Subscribe to our newsletter.</footer></body></html>"""


def test_markdown_front_matter_is_read_like_a_meta_file():
    body, meta, dropped = read_markdown(MARKDOWN)
    assert meta == {"title": "no", "published": "2019-07-11", "authors": ["Jane Doe"]}
    assert dropped == []  # keys other tools add (layout) are theirs, not a problem
    assert body.strip().startswith("The United States is getting closer")


def test_markdown_heading_is_the_title_when_none_is_recorded():
    body, meta, _ = read_markdown("# Deal near\n\nThe United States and Guatemala are close to a deal.\n")
    assert meta["title"] == "Deal near" and body.strip() == "The United States and Guatemala are close to a deal."


def test_markdown_with_broken_front_matter_keeps_its_text():
    body, meta, dropped = read_markdown("---\ntitle: [unclosed\n---\nText.\n")
    assert (body, meta) == ("Text.\n", {})
    assert len(dropped) == 1 and dropped[0].startswith("ignored whole: invalid YAML: ")


def test_markdown_front_matter_with_a_bad_field_keeps_the_others():
    _, meta, dropped = read_markdown("---\ntitle: Deal\npublished: soon\n---\nText.\n")
    assert meta == {"title": "Deal"}
    assert dropped == ["field 'published' dropped: 'soon' is not a date (YYYY-MM-DD)"]


def test_saved_html_page_gives_article_text_and_metadata_without_page_furniture():
    body, meta, _ = read_html(SAVED_PAGE)
    assert meta == {"title": "US nears deal with Guatemala", "published": "2019-07-11", "authors": ["Jane Doe"],
                    "outlet": "The Daily"}
    assert body.startswith("The United States is getting closer")
    assert "<script>alert(2)</script> is quoted in the article as text." in body
    for furniture in ("page script", "World news", "Subscribe", "US nears deal with Guatemala"):
        assert furniture not in body


def test_html_page_without_an_article_is_refused():
    with pytest.raises(InputError, match="no article text found"):
        read_html("<html><body><nav>Home</nav></body></html>")


def test_corpus_reads_every_format_and_refuses_others(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.md").write_text(MARKDOWN, encoding="utf-8")
    (seeds / "b.html").write_text(SAVED_PAGE, encoding="utf-8")
    (seeds / "c.pdf").write_bytes(b"%PDF-1.4 binary")
    (seeds / "README.md").write_text("# About this folder\n", encoding="utf-8")
    corpus = read_corpus(seeds)
    assert sorted(a.title for a in corpus.articles) == ["US nears deal with Guatemala", "no"]
    html_article = next(a for a in corpus.articles if a.source.file == "seeds/b.html")
    assert html_article.outlet == "The Daily" and "outlet" not in html_article.inferred
    assert [str(p) for p in corpus.problems] == [
        "Error reading 'seeds/c.pdf': unsupported file type '.pdf' "
        "(accepted: .htm, .html, .markdown, .md, .text, .txt)"]


def test_every_linked_author_in_a_byline_is_credited():
    page = SAVED_PAGE.replace("</body>", '<div class="byline">By <a rel="author" href="/a">Natalie K. Brandvold</a> '
                              'and <a rel="author" href="/b">Tomás Ibarra</a></div></body>')
    _, meta, _ = read_html(page)
    assert meta["authors"][-2:] == ["Natalie K. Brandvold", "Tomás Ibarra"]
