"""The built site: `mkdocs build --strict` passes and no internal link or anchor is broken."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from sitebuild import broken_links, copy_project, index_in_parts, mkdocs_build, mkdocs_env

from generator.search_index import SIGNATURE, SearchParts, is_article_page, searched_pages
from generator.search_index import _read as read_index_file


@pytest.fixture(scope="module")
def built_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("project"))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    return project / "site"


def test_no_internal_link_or_anchor_is_broken(built_site):
    broken, checked = broken_links(built_site)
    assert broken == []
    assert checked > 500


def test_article_links_to_its_topics_and_topics_link_back(built_site):
    article = next((built_site / "articles").glob("2019-07-11-*/index.html"))
    html = article.read_text(encoding="utf-8")
    assert re.search(r'href="\.\./\.\./agreements/us-guatemala-aca-2019/"', html)
    assert re.search(r'href="\.\./\.\./countries/guatemala/"', html)
    topic = (built_site / "agreements" / "us-guatemala-aca-2019" / "index.html").read_text(encoding="utf-8")
    assert f'href="../../articles/{article.parent.name}/"' in topic


def test_search_is_a_chunked_pagefind_index_and_material_index_is_empty(built_site):
    import json

    material = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert material["docs"] == [] and "lang" in material["config"]  # readers no longer download every page
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] >= 30
    assert (built_site / "assets" / "javascripts" / "pagefind-worker.js").exists()
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert '"search": "assets/javascripts/pagefind-worker.js"' in home


def indexed_addresses(bundle: Path) -> set[str]:
    """The address of every page in a Pagefind bundle: one fragment per page."""
    return {json.loads(read_index_file(fragment)[len(SIGNATURE):])["url"]
            for fragment in (bundle / "fragment").glob("*.pf_fragment")}


def test_a_page_whose_front_matter_keeps_it_out_of_search_is_not_indexed(built_site):
    """Material's ``search: exclude`` front matter (Explore here, the year listings of a large corpus) holds for
    Pagefind's index as it did for Material's. Nor is the page a broken link leads to."""
    indexed = indexed_addresses(built_site / "pagefind")
    assert "/explore/" not in indexed and "/404.html" not in indexed
    assert "/agreements/us-guatemala-aca-2019/" in indexed and "/glossary/" in indexed
    assert sum(is_article_page(address.strip("/") + "/index.html") for address in indexed) == 5


def test_a_bad_article_is_a_warning_that_fails_strict_builds(tmp_path):
    project = copy_project(tmp_path)
    (project / "seeds" / "999_empty.txt").write_bytes(b"")
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert "WARNING -  Error reading 'seeds/999_empty.txt': file is empty" in result.stderr
    assert "Aborted with 1 warnings in strict mode!" in result.stdout + result.stderr


def test_pages_left_in_docs_by_the_cli_give_way_to_fresh_ones(tmp_path):
    project = copy_project(tmp_path)
    from generator.cli import main

    assert main(["build", "--seeds", str(project / "seeds"), "--out", str(project / "docs")]) == 0
    removed = next((project / "seeds").glob("003_*.txt"))
    removed.unlink()
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    built = {p.parent.name for p in (project / "site" / "articles").glob("*/index.html")}
    assert len(built) == 4 and not any(name.startswith("2019-07-11") for name in built)


def test_a_dirty_build_after_a_text_edit_rebuilds_only_that_article(tmp_path):
    """`mkdocs build --dirty` (and `mkdocs serve --dirty`) rebuild the pages whose files changed: the plugin
    rewrites a generated page only when it changes, so an edit to one article's text rebuilds that one."""
    project = copy_project(tmp_path)
    assert mkdocs_build(project).returncode == 0
    built = {path: path.stat().st_mtime_ns for path in (project / "site").rglob("index.html")}
    add_a_sentence(project)
    result = mkdocs_build(project, dirty=True)
    assert result.returncode == 0, result.stderr
    rebuilt = {path.relative_to(project / "site").parent.as_posix() for path, mtime in built.items()
               if path.stat().st_mtime_ns != mtime}
    assert rebuilt == {EDITED}
    assert "added sentence." in (project / "site" / EDITED / "index.html").read_text(encoding="utf-8")


EDITED = "articles/2019-07-12-the-trump-administration-is-expected-to-announce-a-major"
"""The page of seed 001, the article ``add_a_sentence`` edits."""


def add_a_sentence(project: Path) -> None:
    edited = next((project / "seeds").glob("001_*.txt"))
    edited.write_text(edited.read_text(encoding="utf-8") + "\nAn editor's added sentence.\n", encoding="utf-8")


def built_in_parts(tmp_path: Path, pages_per_part: int) -> tuple[Path, dict[str, int]]:
    """A copy of the project built with its search index in parts, and when each part was written."""
    project = copy_project(tmp_path)
    index_in_parts(project, pages_per_part)
    assert mkdocs_build(project).returncode == 0
    return project, index_times(project / "site")


def test_a_dirty_build_indexes_again_only_the_search_part_of_the_edited_article(tmp_path):
    project, indexed = built_in_parts(tmp_path, 10)
    add_a_sentence(project)
    result = mkdocs_build(project, dirty=True)
    assert result.returncode == 0, result.stderr
    again = [folder for folder, time in index_times(project / "site").items() if time != indexed[folder]]
    assert again == [part_folder(project / "site", f"{EDITED}/index.html", 10)]


def test_a_listed_field_edit_indexes_again_the_listings_and_that_article_not_those_it_is_related_to(tmp_path):
    """An outlet edit rewrites the listings, the article and the pages whose related reading lists it; the index
    leaves related reading out, so only the listing parts and the article's own part are indexed again."""
    project, indexed = built_in_parts(tmp_path, 3)  # five articles: two parts of them, the listings in the rest
    site = project / "site"
    built = {path: path.stat().st_mtime_ns for path in (site / "articles").glob("*-*/index.html")}
    record = next((project / "seeds").glob("003_*.meta.yml"))
    record.write_text(record.read_text(encoding="utf-8") + "outlet: An Edited Outlet\n", encoding="utf-8")
    result = mkdocs_build(project, dirty=True)
    assert result.returncode == 0, result.stderr
    edited = f"{EDITED_003}/index.html"
    rewritten = {path.relative_to(site).as_posix() for path, mtime in built.items() if path.stat().st_mtime_ns != mtime}
    assert edited in rewritten and len(rewritten) == len(built)  # every other article lists it as related
    layout = search_layout(site, 3)
    assert layout.article_parts == 2
    again = {layout.folders().index(folder.rstrip("/")) for folder, time in index_times(site).items()
             if time != indexed[folder]}
    article_parts = set(range(layout.listing_parts, layout.count))
    assert again & article_parts == {layout.part_of(edited)}
    assert again - article_parts  # the listings that show the outlet


EDITED_003 = "articles/2019-07-11-us-getting-closer-to-safe-third-country-agreement-with"


def test_a_page_whose_last_writing_was_never_indexed_is_indexed_with_its_next_one(tmp_path, monkeypatch):
    """A build that stops after the pages are generated leaves them out of the index: the next build indexes
    the part of each page written since, even of one rewritten only where the index does not read."""
    from mkdocs.commands.build import build as build_in_process
    from mkdocs.config import load_config

    from generator import plugin

    project, indexed = built_in_parts(tmp_path, 3)
    site = project / "site"
    for name, value in mkdocs_env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(project)

    def dirty_build() -> None:  # as `mkdocs build --dirty` does
        config = load_config(str(project / "mkdocs.yml"))
        config.plugins.on_startup(command="build", dirty=True)
        build_in_process(config, dirty=True)

    edited = f"{EDITED}/index.html"
    layout = search_layout(site, 3)
    other = next(record for record in sorted((project / "seeds").glob("*.meta.yml"))
                 if layout.part_of(f"{page_of(site, record)}/index.html") != layout.part_of(edited))
    add_a_sentence(project)  # seed 001's text: its page is written, to be indexed

    def stopped(*args, **kwargs):
        raise RuntimeError("the build stopped before indexing")

    real = plugin.index_for_search
    monkeypatch.setattr(plugin, "index_for_search", stopped)
    with pytest.raises(RuntimeError):
        dirty_build()
    monkeypatch.setattr(plugin, "index_for_search", real)
    # Another article's outlet: seed 001's page changes only in its related reading this time.
    record = other.read_text(encoding="utf-8")
    other.write_text("\n".join(line for line in record.splitlines() if not line.startswith("outlet:"))
                     + "\noutlet: An Edited Outlet\n", encoding="utf-8")
    dirty_build()
    folder = part_folder(site, edited, 3)
    assert index_times(site)[folder] != indexed[folder]


def page_of(site: Path, record: Path) -> str:
    """The built page of the article whose clipper's record is ``record``."""
    from generator.pipeline import read_corpus

    shown = f"seeds/{record.name.removesuffix('.meta.yml')}.txt"
    (slug,) = [a.slug for a in read_corpus(record.parent).articles if a.source.file == shown]
    return f"articles/{slug}"


def search_layout(site: Path, part_size: int) -> SearchParts:
    """How the built site's pages are split for search, as the plugin splits them: without those kept out."""
    return SearchParts.of(searched_pages(site), part_size)


def part_folder(site: Path, page: str, part_size: int) -> str:
    """The folder of the search part a page of the built site is indexed in, as ``index_times`` names it."""
    layout = search_layout(site, part_size)
    return f"{layout.folders()[layout.part_of(page)]}/"


def index_times(site: Path) -> dict[str, int]:
    """When each part of the search index was last written, by its folder (the first part first)."""
    folders = ["pagefind/", *json.loads((site / "pagefind-parts.json").read_text(encoding="utf-8"))]
    return {folder: (site / folder / "pagefind-entry.json").stat().st_mtime_ns for folder in folders}


class FeedLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.feeds: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        # As a feed reader finds a feed: a link whose rel has the word "alternate", of the Atom type.
        if tag == "link" and "alternate" in (values.get("rel") or "").split() \
                and values.get("type") == "application/atom+xml":
            self.feeds.append(values["href"])


@pytest.mark.parametrize("page", ["agreements/us-guatemala-aca-2019", "countries/guatemala"])
def test_topic_pages_advertise_their_own_feed_whose_entries_are_pages_of_the_site(built_site, page):
    head = FeedLinks()
    head.feed((built_site / page / "index.html").read_text(encoding="utf-8"))
    assert head.feeds == ["../../feed.xml", f"../../feeds/{page}.xml"]
    feed_file = built_site / "feeds" / f"{page}.xml"
    feed = feedparser.parse(feed_file.read_bytes(), response_headers={
        "content-location": f"http://127.0.0.1/feeds/{page}.xml", "content-type": "application/atom+xml"})
    assert not feed.bozo and len(feed.entries) >= 3
    for entry in feed.entries:
        path = urlsplit(entry.link).path.lstrip("/")
        assert (built_site / path / "index.html").exists(), entry.link


def test_a_dirty_build_indexes_again_the_search_part_a_removed_article_was_in(tmp_path):
    project, indexed = built_in_parts(tmp_path, 8)
    site = project / "site"
    next((project / "seeds").glob("001_*.txt")).unlink()
    result = mkdocs_build(project, dirty=True)
    assert result.returncode == 0, result.stderr
    gone = f"{EDITED}/index.html"
    assert not (site / gone).exists()
    part = part_folder(site, gone, 8)
    assert index_times(site)[part] != indexed[part]
