"""The timeline, Who said what and Who's who: one page each for a small corpus, an index and parts for a large one."""

import dataclasses
import re
import shutil

import pytest
from sitebuild import ROOT, broken_links, copy_project, mkdocs_env

from generator import reference_pages, render
from generator.briefing import timeline, whos_who
from generator.model import Person, Quote
from generator.pipeline import build, read_corpus
from generator.topics import build_topics


@pytest.fixture(scope="module")
def corpus():
    return read_corpus(ROOT / "seeds")


@pytest.fixture
def in_parts(monkeypatch):
    """Thresholds the seed corpus is over, so that each page is split as a large corpus's would be."""
    monkeypatch.setattr(reference_pages, "TIMELINE_ON_ONE_PAGE", 5)
    monkeypatch.setattr(reference_pages, "QUOTES_ON_ONE_PAGE", 3)
    monkeypatch.setattr(reference_pages, "PEOPLE_ON_ONE_PAGE", 3)


def pages_of(articles, editorial, listing=None):
    return render.render_topic_pages(articles, build_topics(articles, editorial), editorial, listing)


def link_targets(page: str, folder: str = "") -> list[tuple[str, str]]:
    """(page path, anchor) of every Markdown link to a generated page, relative to the docs folder."""
    targets = []
    for link in re.findall(r"\]\(([^)]+\.md(?:#[^)]*)?)\)", page):
        path, _, anchor = link.partition("#")
        parts = [*folder.split("/")[:-1], *path.split("/")] if folder else path.split("/")
        while ".." in parts:
            at = parts.index("..")
            del parts[at - 1 : at + 1]
        targets.append(("/".join(parts), anchor))
    return targets


def test_a_small_corpus_has_one_page_of_each(corpus):
    pages = pages_of(corpus.articles, corpus.editorial)
    assert {"timeline.md", "quotes.md", "people.md"} <= set(pages)
    assert not [path for path in pages if path.startswith(("timeline/", "quotes/", "people/"))]


def test_the_timeline_in_parts_has_each_entry_on_its_years_page(corpus, in_parts):
    pages = pages_of(corpus.articles, corpus.editorial)
    entries = timeline(corpus.articles, corpus.editorial.agreements)
    years = sorted({entry.date[:4] for entry in entries})
    assert sorted(path for path in pages if path.startswith("timeline/")) == [f"timeline/{y}.md" for y in years]
    for entry in entries:
        shown = [path for path in pages if path.startswith("timeline/") and f"]({'../' + entry.link})" in pages[path]
                 and f"| {entry.date}" in pages[path]]
        assert f"timeline/{entry.date[:4]}.md" in shown
    index = pages["timeline.md"]
    assert f"{len(entries)}\nentries, on a page for each year" in index
    # The agreements' key dates stay on the index: the story's skeleton, without the articles.
    for entry in entries:
        assert (f"[{entry.text}]({entry.link})" in index) == (entry.kind == "agreement")
    assert "search:\n  exclude: true" in pages["timeline/2019.md"]  # it repeats titles found elsewhere


def test_who_said_what_in_parts_has_each_quote_once_on_its_articles_year_page(corpus, in_parts):
    pages = pages_of(corpus.articles, corpus.editorial)
    parts = {path: page for path, page in pages.items() if path.startswith("quotes/")}
    assert set(parts) == {f"quotes/{a.year}.md" for a in corpus.articles if a.quotes}
    for article in corpus.articles:
        for quote in article.quotes:
            text = render.escape_markdown(quote.text)
            holding = [path for path, page in parts.items() if f"> “{text}”" in page]
            assert holding == [f"quotes/{article.year}.md"], quote.text
    index = pages["quotes.md"]
    total = sum(len(a.quotes) for a in corpus.articles)
    assert f"{total} quotes from" in index
    noem = next(line for line in index.splitlines() if line.startswith("| Kristi Noem |"))
    assert noem.endswith("| 3 | [2025](quotes/2025.md#kristi-noem) (3) |")  # seed 004, of 2025
    assert "## Kristi Noem {#kristi-noem}" in parts["quotes/2025.md"]


def test_who_s_who_in_parts_lists_each_person_once_on_their_initials_page(corpus, in_parts):
    pages = pages_of(corpus.articles, corpus.editorial)
    people = whos_who(corpus.articles)
    for person, _ in people:
        holding = [path for path, page in pages.items() if path.startswith("people/")
                   and f"| **{render.escape_markdown(person.name)}** |" in page]
        assert holding == [f"people/{reference_pages.name_part(person.name)}.md"]
    top = max(people, key=lambda row: len(row[1]))
    assert (f"| [{top[0].name}](people/{reference_pages.name_part(top[0].name)}.md) | {top[0].role} | "
            f"{len(top[1])} |") in pages["people.md"]


def test_every_link_of_the_parts_leads_to_a_generated_page_and_anchor(corpus, in_parts):
    pages = pages_of(corpus.articles, corpus.editorial)
    articles = {f"articles/{a.slug}.md" for a in corpus.articles}
    for path in ("timeline.md", "quotes.md", "people.md"):
        parts = [p for p in pages if p.startswith(path.removesuffix(".md") + "/")]
        targets = link_targets(pages[path]) + [t for part in parts for t in link_targets(pages[part], part)]
        assert targets
        for target, anchor in targets:
            assert target in pages or target in articles, target
            if anchor:
                assert f"{{#{anchor}}}" in pages[target], (target, anchor)


def test_names_are_filed_under_their_initial_without_accents():
    assert [reference_pages.name_part(n) for n in ("Ébrard", "zelaya", "Øystein", "Ólafur", "1st Lt. Ray", "Ĳsbrand",
                                                   "ǅenan")] == ["e", "z", "other", "o", "other", "i", "d"]


def test_two_speakers_whose_names_make_one_anchor_get_two(corpus, in_parts):
    article = corpus.articles[0]
    said = [Quote("One thing.", "José Ruiz"), Quote("Another thing.", "Jose Ruiz"), Quote("A third.", "Jose Ruiz"),
            Quote("A fourth.", "José Ruiz")]  # over the three quotes of one page
    edited = dataclasses.replace(article, quotes=said, people=[Person("José Ruiz", None)])
    page = pages_of([edited], corpus.editorial)[f"quotes/{article.year}.md"]
    assert "## Jose Ruiz {#jose-ruiz}" in page and "## José Ruiz {#jose-ruiz-2}" in page


def test_a_page_kept_by_what_it_shows_is_the_page_rendered_afresh(corpus, in_parts):
    """Each page is kept by everything it shows: after any edit to what an article lists, the pages a cache
    returns must be the pages rendered afresh. Were a page's parts to miss a field, this would catch it."""
    kept: dict[str, str] = {}

    def listing(parts, render_page):
        key = repr(parts)
        if key not in kept:
            kept[key] = render_page()
        return kept[key]

    pages_of(corpus.articles, corpus.editorial, listing)
    first = corpus.articles[0]
    at = next(number for number, a in enumerate(corpus.articles) if a.quotes and a.people)
    quoted = corpus.articles[at]
    edits = [(0, dataclasses.replace(first, title="A new headline")),
             (0, dataclasses.replace(first, outlet="Another Outlet")),
             (0, dataclasses.replace(first, published="2021-03-04")),
             (0, dataclasses.replace(first, published=None)),
             (0, dataclasses.replace(first, slug="another-slug")),
             (0, dataclasses.replace(first, countries=first.countries[1:])),
             (0, dataclasses.replace(first, agreements=first.agreements[1:])),
             (at, dataclasses.replace(quoted, people=[dataclasses.replace(quoted.people[0], role="A new role")])),
             (at, dataclasses.replace(quoted, people=quoted.people[1:])),
             (at, dataclasses.replace(quoted, quotes=[dataclasses.replace(quoted.quotes[0], text="Never said.")])),
             (at, dataclasses.replace(quoted, quotes=[dataclasses.replace(quoted.quotes[0], speaker="Someone Else")])),
             (at, dataclasses.replace(quoted, quotes=quoted.quotes[1:]))]
    for number, edited in edits:
        articles = [edited if index == number else article for index, article in enumerate(corpus.articles)]
        assert pages_of(articles, corpus.editorial, listing) == pages_of(articles, corpus.editorial), edited.slug


def test_an_outlet_edit_renders_only_the_parts_that_show_the_article(tmp_path, in_parts, monkeypatch):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    build(tmp_path / "seeds", tmp_path / "docs", cache_dir=tmp_path / ".cache")
    rendered = []
    real = render.render_page
    monkeypatch.setattr(render, "render_page", lambda template, front, **k: rendered.append(front["title"]) or real(
        template, front, **k))
    record = next((tmp_path / "seeds").glob("003_*.meta.yml"))  # CNN, 2019-07-11, quoted
    kept = [line for line in record.read_text(encoding="utf-8").splitlines() if not line.startswith("outlet:")]
    record.write_text("\n".join([*kept, "outlet: Another Outlet"]) + "\n", encoding="utf-8")
    build(tmp_path / "seeds", tmp_path / "docs", cache_dir=tmp_path / ".cache")
    assert "Who said what: 2019" in rendered and "Timeline: 2019" in rendered
    assert not [title for title in rendered if title.startswith(("Who's who", "Timeline: 20", "Who said what: 20"))
                and not title.endswith("2019")]
    assert "Who said what" not in rendered and "Timeline" not in rendered  # the indexes show no outlet
    assert "Another Outlet" in (tmp_path / "docs" / "quotes" / "2019.md").read_text(encoding="utf-8")


def test_the_parts_build_strictly_with_every_link_and_anchor_resolved(tmp_path, in_parts, monkeypatch):
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    project = copy_project(tmp_path)
    for name, value in mkdocs_env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(project)
    mkdocs_build(load_config(str(project / "mkdocs.yml"), strict=True))  # raises on any warning
    site = project / "site"
    assert (site / "quotes" / "2019" / "index.html").exists() and (site / "people" / "k" / "index.html").exists()
    broken, checked = broken_links(site)
    assert broken == [] and checked > 500
