"""How a large site is split for Pagefind: listing pages and articles in parts of their own, by address."""

from generator.search_index import KEPT_OUT, SearchParts, is_article_page, kept_out_of_search

ARTICLES = [f"articles/2019-07-{day:02d}-a-deal-story-{day}/index.html" for day in range(1, 29)]
LISTINGS = ["index.html", "articles/index.html", "articles/2019/index.html", "articles/undated/index.html",
            "agreements/us-guatemala-aca-2019/index.html", "countries/guatemala/2019/index.html",
            "quotes/2019/index.html", "people/k/index.html", "timeline/index.html"]


def test_an_article_page_is_told_from_a_listing_by_its_address():
    assert all(is_article_page(page) for page in [*ARTICLES, "articles/undated-a-story/index.html"])
    assert not any(is_article_page(page) for page in LISTINGS)


def test_a_site_that_fits_one_run_is_one_part():
    layout = SearchParts.of(ARTICLES + LISTINGS, 100)
    assert layout.count == 1 and {layout.part_of(page) for page in ARTICLES + LISTINGS} == {0}


def test_listings_and_articles_never_share_a_part_and_each_part_stays_near_its_size():
    pages = ARTICLES + LISTINGS
    layout = SearchParts.of(pages, 8)
    assert (layout.listing_parts, layout.article_parts) == (2, 4)
    listing_parts = {layout.part_of(page) for page in LISTINGS}
    article_parts = {layout.part_of(page) for page in ARTICLES}
    assert listing_parts == {0, 1} and article_parts == {2, 3, 4, 5}


def test_a_page_keeps_its_part_while_others_come_and_go():
    layout = SearchParts.of(ARTICLES + LISTINGS, 8)
    fewer = SearchParts.of(ARTICLES[:-3] + LISTINGS, 8)  # the same number of parts
    assert fewer == layout
    assert [fewer.part_of(page) for page in ARTICLES[:-3]] == [layout.part_of(page) for page in ARTICLES[:-3]]


def test_the_part_folders_name_the_layout_so_that_another_split_indexes_every_part_again():
    """Three parts as one listing part and two of articles, or two and one: the pages hash to other parts, so the
    folders differ, and the site's list of them with them."""
    assert SearchParts(1, 2).folders() == ["pagefind", "pagefind-articles-1", "pagefind-articles-2"]
    assert SearchParts(2, 1).folders() == ["pagefind", "pagefind-listings-2", "pagefind-articles-1"]
    assert SearchParts(1, 0).folders() == ["pagefind"]


def test_a_page_is_kept_out_of_search_by_the_mark_in_its_head_only(tmp_path):
    """The theme puts the mark in the head of a page with ``search: exclude``; the head is read in chunks, so a mark
    past the first one counts, and the same words in the body (an article quoting the markup) do not."""
    mark = KEPT_OUT.decode()
    pages = {
        "kept.html": f"<html><head><title>2019</title>{mark}</head><body>rows</body></html>",
        "long-head.html": f"<html><head>{'<link rel=stylesheet href=a.css>' * 1000}{mark}</head><body></body></html>",
        "searched.html": "<html><head><title>A deal</title></head><body><p>rows</p></body></html>",
        "quoting.html": f"<html><head><title>Markup</title></head><body><code>{mark}</code></body></html>",
    }
    for name, html in pages.items():
        (tmp_path / name).write_text(html, encoding="utf-8")
    assert {name for name in pages if kept_out_of_search(tmp_path / name)} == {"kept.html", "long-head.html"}
