"""Incremental builds: unchanged inputs are not read again, and one edit rewrites only what it affects."""

import dataclasses
import hashlib
import shutil
import sqlite3

import pytest
from sitebuild import ROOT

from generator import briefing, pipeline, render
from generator.model import Article, Figure
from generator.pipeline import build, read_corpus
from generator.topics import build_topics


@pytest.fixture
def project(tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path


def run(project):
    return build(project / "seeds", project / "docs", cache_dir=project / ".cache")


def test_unchanged_corpus_is_not_extracted_again(project, monkeypatch):
    first_corpus, first = run(project)
    before = {p: p.read_bytes() for p in (project / "docs").rglob("*.md")}

    def must_not_run(*args):
        raise AssertionError("an unchanged article was extracted again")

    monkeypatch.setattr(pipeline, "make_article", must_not_run)
    corpus, report = run(project)
    assert (report.written, report.removed) == ([], [])
    assert len(report.unchanged) == len(first.written) == 60  # 38 pages and 22 topic feeds
    assert corpus.articles == first_corpus.articles
    assert {p: p.read_bytes() for p in (project / "docs").rglob("*.md")} == before


def test_editing_one_article_rewrites_only_the_pages_it_affects(project):
    run(project)
    meta = next((project / "seeds").glob("003_*.meta.yml"))
    meta.write_text(meta.read_text(encoding="utf-8").replace("US getting closer", "US edges closer"),
                    encoding="utf-8")
    corpus, report = run(project)
    assert "articles/2019-07-11-us-edges-closer-to-safe-third-country-agreement-with.md" in report.written
    assert report.removed == ["articles/2019-07-11-us-getting-closer-to-safe-third-country-agreement-with.md"]
    # The other article pages change only where their related reading lists the new headline.
    for path in report.written:
        if path.startswith("articles/2") and "edges" not in path:
            assert "US edges closer" in (project / "docs" / path).read_text(encoding="utf-8")
    assert "agreements/us-canada-stca.md" in report.unchanged  # 003 does not discuss it
    assert "glossary.md" in report.unchanged
    assert "agreements/us-guatemala-aca-2019.md" in report.written  # it lists 003's new headline


def test_a_change_to_the_editorial_data_drops_the_cache(project, monkeypatch):
    run(project)
    agreements = project / "seeds" / "topics" / "agreements.yml"
    agreements.write_text(agreements.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    calls = []
    original = pipeline.make_article
    monkeypatch.setattr(pipeline, "make_article", lambda *args: calls.append(args) or original(*args))
    run(project)
    assert len(calls) == 5


def test_year_pages_of_other_years_are_not_rendered_again(tmp_path, monkeypatch):
    """A topic big enough for year pages: retitling a 2019 article renders the 2019 pages, not the 2024 ones."""
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds" / "topics", seeds / "topics")
    for number in range(30):
        year = 2019 if number % 2 else 2024
        (seeds / f"{number:02d}.md").write_text(
            f"---\ntitle: Deal news {number}\npublished: {year}-05-{number % 28 + 1:02d}\n---\n"
            f"Guatemala and the United States discussed the deal again, officials said on day {number}.\n",
            encoding="utf-8")
    build(seeds, tmp_path / "docs", cache_dir=tmp_path / "cache")
    rendered = []
    real = render.render_page
    monkeypatch.setattr(render, "render_page", lambda template, *a, **k: rendered.append(template) or real(
        template, *a, **k))
    edited = seeds / "01.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Deal news 1\n", "Deal news, revised\n"),
                      encoding="utf-8")
    build(seeds, tmp_path / "docs", cache_dir=tmp_path / "cache")
    year_pages = [t for t in rendered if t == "topic_year.md.j2"]
    topics_with_year_pages = len(list((tmp_path / "docs").glob("*/*/2019.md")))
    assert topics_with_year_pages >= 2  # Guatemala, the United States
    assert len(year_pages) == topics_with_year_pages  # the 2019 page of each; the 2024 pages came from the cache


def test_unchanged_files_are_not_read_again_and_a_same_size_edit_is_seen(project, monkeypatch):
    run(project)
    edited = sorted((project / "seeds").glob("*.txt"))[0]
    text = edited.read_bytes()
    hashed = []
    real = pipeline._input_key
    monkeypatch.setattr(pipeline, "_input_key", lambda path: hashed.append(path.name) or real(path))
    run(project)
    assert hashed == []  # size and times unchanged: the key is the one stored
    edited.write_bytes(text.replace(b"a", b"e", 1))  # same size, new content
    corpus, _ = run(project)
    assert hashed == [edited.name]
    changed = next(a for a in corpus.articles if a.source.file.endswith(edited.name))
    assert changed.source.sha256 == hashlib.sha256(text.replace(b"a", b"e", 1)).hexdigest()


def test_an_unchanged_corpus_reuses_its_related_reading(project, monkeypatch):
    first, _ = run(project)

    def must_not_run(articles):
        raise AssertionError("related reading computed again for an unchanged corpus")

    monkeypatch.setattr(pipeline, "related_reading", must_not_run)
    second, report = run(project)
    assert report.written == []
    assert [a.slug for a in second.articles] == [a.slug for a in first.articles]


def test_an_unchanged_corpus_keeps_its_topic_pages_without_rendering_them(project, monkeypatch):
    first, _ = run(project)
    stored = set(first.cache.listings.stored)

    def must_not_run(*args):
        raise AssertionError("topic pages rendered again for an unchanged corpus")

    monkeypatch.setattr(pipeline, "render_topic_pages", must_not_run)
    for _ in range(2):
        corpus, report = run(project)
        assert report.written == [] and corpus.cache.listings.stored >= stored


def test_related_reading_reads_only_what_its_digest_covers(project):
    """Related reading is reused while its digest is unchanged: changing every field the digest leaves out
    must change neither; changing a topic an article names must change the digest."""
    corpus = read_corpus(project / "seeds")
    changed = [dataclasses.replace(
        article, title=f"Changed {article.title}", outlet="Changed", authors=["Changed Author"], summary="Changed.",
        quotes=[], paragraphs=["A changed paragraph."], url="https://example.org/changed")
        for article in corpus.articles]

    def related(articles):
        return {slug: [a.slug for a in group] for slug, group in briefing.related_reading(articles).items()}

    assert briefing.related_digest(changed) == briefing.related_digest(corpus.articles)
    assert related(changed) == related(corpus.articles)
    first = corpus.articles[0]
    for edited in (dataclasses.replace(first, countries=first.countries[1:]),
                   dataclasses.replace(first, agreements=first.agreements[1:]),
                   dataclasses.replace(first, people=first.people[1:]),
                   dataclasses.replace(first, published="2001-01-01"),
                   dataclasses.replace(first, slug="another-slug")):
        assert briefing.related_digest([edited, *corpus.articles[1:]]) != briefing.related_digest(corpus.articles)


def test_pages_besides_the_articles_read_only_the_listed_fields(project):
    """The topic pages are reused while no article's listed fields change: were a template to read another
    field, an edit to it would leave them stale. Changing every other field must not change any of them."""
    corpus = read_corpus(project / "seeds")
    changed = [dataclasses.replace(
        article, title_generated=not article.title_generated, url="https://example.org/changed", note="changed",
        paragraphs=["A changed paragraph."], organizations=["Changed Organisation"], word_count=12345,
        figures=[Figure("99", "changed things", "changed")], inferred=["changed"],
        source=dataclasses.replace(article.source, sha256="0" * 64, encoding="changed", removed=["changed"]))
        for article in corpus.articles]
    assert {f.name for f in dataclasses.fields(Article)} - set(render.LISTED_FIELDS) == {
        "slug", "title_generated", "url", "note", "paragraphs", "organizations", "figures", "word_count", "source",
        "inferred"}  # a new field must be listed, or changed above

    def topic_pages(articles):
        return render.render_topic_pages(articles, build_topics(articles, corpus.editorial), corpus.editorial)

    assert topic_pages(changed) == topic_pages(corpus.articles)
    assert [render.listing_token(a) for a in changed] == [render.listing_token(a) for a in corpus.articles]


def test_an_edit_to_the_text_alone_renders_only_its_article(project, monkeypatch):
    run(project)
    edited = sorted((project / "seeds").glob("*.txt"))[-1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nAn editor's added sentence.\n", encoding="utf-8")
    rendered, articles = [], []
    real_page, real_article = render.render_page, pipeline.render_article
    monkeypatch.setattr(render, "render_page", lambda template, *a, **k: rendered.append(template) or real_page(
        template, *a, **k))
    monkeypatch.setattr(pipeline, "render_article", lambda article, *a: articles.append(article.slug) or real_article(
        article, *a))
    corpus, report = run(project)
    changed = next(a for a in corpus.articles if a.source.file.endswith(edited.name))
    assert "An editor's added sentence." in changed.paragraphs[-1]
    assert (rendered, articles) == ([], [changed.slug])
    assert report.written == [f"articles/{changed.slug}.md"]


def test_an_edit_to_a_listed_field_stores_only_the_topic_pages_it_changed(project):
    first, _ = run(project)
    stored_before = set(first.cache.listings.stored)
    meta = next((project / "seeds").glob("003_*.meta.yml"))
    meta.write_text(meta.read_text(encoding="utf-8") + "outlet: Reuters\n", encoding="utf-8")
    corpus, report = run(project)
    written = {(project / "docs" / path).read_text(encoding="utf-8") for path in report.written}
    new_rows = corpus.cache.listings.stored - stored_before
    assert new_rows  # the outlets page, the home page, the listings of 003's topics…
    assert all(corpus.cache.listings.get(key) in written for key in new_rows)
    topic_pages = [path for path in report.written + report.unchanged if not path.startswith("articles/2")]
    assert len(new_rows) < len(topic_pages) / 2


def test_a_topic_page_whose_stored_copy_is_gone_is_rendered_again(project, monkeypatch):
    run(project)
    expected = (project / "docs" / "index.md").read_text(encoding="utf-8")
    (cache_file,) = (project / ".cache").glob("*.sqlite")
    with sqlite3.connect(cache_file) as db:  # as another process on the same cache could have done
        db.execute("DELETE FROM listings")
    db.close()
    pipeline.ArticleCache.forget_open()
    (project / "docs" / "index.md").unlink()
    corpus, report = run(project)
    assert report.written == ["index.md"]
    assert (project / "docs" / "index.md").read_text(encoding="utf-8") == expected

    def must_not_run(*args):
        raise AssertionError("topic pages rendered again although their copies were stored again")

    monkeypatch.setattr(pipeline, "render_topic_pages", must_not_run)
    (project / "docs" / "index.md").unlink()
    corpus, report = run(project)
    assert report.written == ["index.md"]


def test_an_unreadable_cache_is_built_again(project):
    first, _ = run(project)
    (cache_file,) = (project / ".cache").glob("*.sqlite")
    pipeline.ArticleCache.forget_open()  # as a new process would start
    cache_file.write_bytes(b"not a database" * 100)
    corpus, report = run(project)
    assert corpus.articles == first.articles and report.written == []
    run(project)  # and the rebuilt cache is read again


def test_related_reading_shows_the_outlet_an_edit_gave_another_article(project, monkeypatch):
    run(project)
    meta = next((project / "seeds").glob("003_*.meta.yml"))
    meta.write_text(meta.read_text(encoding="utf-8") + "outlet: Reuters\n", encoding="utf-8")

    def must_not_run(articles):
        raise AssertionError("related reading computed again for an edit to an outlet, which it does not read")

    monkeypatch.setattr(pipeline, "related_reading", must_not_run)
    corpus, report = run(project)
    listing_it = [path for path in report.written if path.startswith("articles/2") and "getting-closer" not in path]
    assert listing_it  # the pages whose related reading lists 003
    for path in listing_it:
        assert "agreement-with.md) — Reuters, 2019-07-11" in (project / "docs" / path).read_text(encoding="utf-8")
