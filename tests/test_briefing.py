"""The briefing features: timeline, glossary, who said what, who's who, related reading, readable 000, feed."""

import dataclasses
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from generator.briefing import atom_feed, readable, related_reading, timeline
from generator.pipeline import read_corpus, render_pages
from generator.topics import build_topics, country_slug

ROOT = Path(__file__).resolve().parent.parent
ATOM = "{http://www.w3.org/2005/Atom}"
SVG = "{http://www.w3.org/2000/svg}"
SITE = "https://example.org/briefing/"


@pytest.fixture(scope="module")
def corpus():
    return read_corpus(ROOT / "seeds")


@pytest.fixture(scope="module")
def pages(corpus):
    return render_pages(corpus)


def test_timeline_interleaves_agreement_dates_and_articles(corpus):
    entries = timeline(corpus.articles, corpus.editorial.agreements)
    assert [e.date for e in entries] == sorted(e.date for e in entries)
    june_2019 = [(e.date, e.kind) for e in entries if e.date.startswith("2019-06")]
    assert ("2019-06-06", "article") in june_2019 and ("2019-06-07", "agreement") in june_2019
    first = entries[0]
    assert (first.date, first.link) == ("2002-12-05", "agreements/us-canada-stca.md")


def test_timeline_page_marks_approximate_dates_and_links(pages):
    page = pages["timeline.md"]
    assert ("| 2018-12-20 (*approximate*) | **Agreement** · "
            "[Remain in Mexico (MPP): Announced](agreements/mpp.md) |") in page
    assert "| 2019-07-11 | **Article** · [CNN: US getting closer" in page
    assert page.index("## 2002") < page.index("## 2019") < page.index("## 2025")


def test_glossary_page_and_hover_definitions(pages):
    glossary = pages["glossary.md"]
    for term in ("safe third country", "metering", "non-refoulement", "Northern Triangle", "CBP", "UNHCR"):
        assert f"## {term}" in glossary
    cnn = next(p for path, p in pages.items() if path.startswith("articles/2019-07-11"))
    assert "*[Northern Triangle]: Guatemala, El Salvador and Honduras" in cnn
    assert "*[DHS]: The US Department of Homeland Security" in cnn
    new_yorker = next(p for path, p in pages.items() if path.startswith("articles/2019-07-12"))
    assert "*[metering]: Limiting how many asylum seekers" in new_yorker


def test_who_said_what_groups_quotes_by_speaker(pages):
    page = pages["quotes.md"]
    noem = page.split("## Kristi Noem", 1)[1].split("\n## ", 1)[0]
    assert "*U.S. Secretary of Homeland Security*" in noem and noem.count("> “") == 3
    assert ("> — [CNN](articles/2019-07-11-us-getting-closer-to-safe-third-country-agreement-with.md), "
            "2019-07-11") in page
    assert page.index("## Sarah Pierce") < page.index("## an administration official")


def test_whos_who_lists_roles_and_articles(pages):
    page = pages["people.md"]
    assert "| **Sarah Pierce** | Policy Analyst at the Migration Policy Institute | [2019-06-10](articles/" in page
    assert "| **Donald Trump** | President of the United States |" in page


def test_related_reading_is_weighted_stable_and_never_the_article_itself(corpus, pages):
    related = related_reading(corpus.articles)
    for slug, others in related.items():
        assert slug not in [o.slug for o in others]
    assert related == related_reading(list(reversed(corpus.articles)))
    cnn = "2019-07-11-us-getting-closer-to-safe-third-country-agreement-with"
    # The closest reading shares the agreement the CNN piece is about.
    assert "us-guatemala-aca-2019" in [m.id for m in related[cnn][0].agreements]
    assert len(related[cnn]) == 4
    assert "## Related reading" in pages[f"articles/{cnn}.md"]


def test_lowercased_article_is_readable_with_the_clipped_text_one_click_away(pages):
    page = next(p for path, p in pages.items() if path.startswith("articles/2019-06-10"))
    assert "Mexico’s foreign minister said on Monday" in page
    assert "says Sarah Pierce a policy analyst at the Migration Policy Institute" in page
    assert "at the U.S. border" in page and "similar to us just having" in page
    assert '??? quote "The text exactly as clipped"' in page
    assert "    central americans seeking asylum in the united states" in page


def test_readable_capitalises_only_known_names():
    assert readable("the u s and mexico s minister said there s no deal", ["U.S.", "Mexico"]) == \
        "The U.S. and Mexico’s minister said there’s no deal"


def test_feed_is_valid_atom_newest_first(pages):
    feed = ET.fromstring(pages["feed.xml"].encode("utf-8"))
    entries = feed.findall(f"{ATOM}entry")
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert len(entries) == 5 and updated == sorted(updated, reverse=True)
    assert entries[0].find(f"{ATOM}link").get("href").startswith("articles/2025-06-26-")
    assert feed.find(f"{ATOM}title").text == "Safe third country briefing"


def parse_feed(pages, path):
    """The feed as a reader's feed reader sees it, served at a site's address."""
    return feedparser.parse(pages[path], response_headers={"content-location": f"{SITE}{path}",
                                                           "content-type": "application/atom+xml"})


def test_every_agreement_and_country_has_a_valid_feed_of_its_newest_articles(pages, corpus):
    topics = build_topics(corpus.articles, corpus.editorial)
    feeds = {f"feeds/agreements/{t.agreement.id}.xml": (t.agreement.name, t.evidence) for t in topics.agreements}
    feeds |= {f"feeds/countries/{t.slug}.xml": (t.name, t.evidence) for t in topics.countries}
    assert len(feeds) == len(topics.agreements) + len(topics.countries) > 20
    for path, (name, evidence) in feeds.items():
        feed = parse_feed(pages, path)
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert feed.version == "atom10"
        assert feed.feed.title == f"Safe third country briefing: {name}"
        page = path.removeprefix("feeds/").removesuffix(".xml")
        assert feed.feed.link == f"{SITE}{page}/"  # the topic's page
        assert next(link.href for link in feed.feed.links if link.rel == "self") == f"{SITE}{path}"
        dated = [e.article for e in evidence if e.article.published]
        assert [entry.link for entry in feed.entries] == [f"{SITE}articles/{a.slug}/" for a in dated][:50]
        assert [entry.updated for entry in feed.entries] == sorted((entry.updated for entry in feed.entries),
                                                                   reverse=True)


def test_a_topic_feed_keeps_the_newest_fifty(corpus):
    article = corpus.articles[0]
    many = [dataclasses.replace(article, slug=f"a{n:03d}", published=f"20{10 + n // 12:02d}-{n % 12 + 1:02d}-01")
            for n in range(120)]
    feed = feedparser.parse(atom_feed(many, "Briefing", "Guatemala", "feeds/countries/guatemala.xml",
                                      "countries/guatemala/"))
    assert len(feed.entries) == 50
    assert feed.entries[0].updated == "2019-12-01T00:00:00Z"  # the newest of the 120


def test_topic_pages_link_and_advertise_their_feeds(pages):
    assert "[Follow this agreement](../feeds/agreements/us-guatemala-aca-2019.xml)" in pages[
        "agreements/us-guatemala-aca-2019.md"]
    assert "feed: feeds/agreements/us-guatemala-aca-2019.xml" in pages["agreements/us-guatemala-aca-2019.md"]
    assert "[Follow this country](../feeds/countries/guatemala.xml)" in pages["countries/guatemala.md"]
    assert "feed: feeds/countries/guatemala.xml" in pages["countries/guatemala.md"]


def test_article_pages_carry_the_facets_explore_filters_by(pages):
    page = pages["articles/2019-07-11-us-getting-closer-to-safe-third-country-agreement-with.md"]
    facets = page.split('<div class="briefing-facets" hidden data-pagefind-ignore>\n')[1].split("</div>")[0]
    assert facets.splitlines() == [
        '<span data-pagefind-filter="kind">article</span>', '<span data-pagefind-filter="year">2019</span>',
        '<span data-pagefind-filter="outlet">CNN</span>',
        '<span data-pagefind-filter="agreement">US–Guatemala ACA (2019)</span>',
        *[f'<span data-pagefind-filter="country">{c}</span>' for c in ("United States", "Guatemala", "Mexico",
                                                                        "El Salvador", "Honduras")],
        '<span data-pagefind-meta="outlet">CNN</span>', '<span data-pagefind-meta="date">2019-07-11</span>',
        '<span data-pagefind-sort="date">2019-07-11</span>']


def test_map_of_relations_joins_agreements_to_their_parties(pages, editorial):
    page = pages["agreements/index.md"]
    svg = ET.fromstring(page.split('<figure class="briefing-map-figure">\n', 1)[1].split("\n</figure>")[0])
    links = {a.get("{http://www.w3.org/1999/xlink}href"): a for a in svg.iter(f"{SVG}a")}
    assert set(links) == ({f"../agreements/{a.id}/" for a in editorial.agreements}
                          | {f"../countries/{country_slug(p)}/" for a in editorial.agreements for p in a.parties})
    assert "".join(links["../agreements/us-guatemala-aca-2019/"].itertext()) == "US–Guatemala ACA (2019)suspended"
    # One line per party, from the agreement's box to the country's.
    lines = list(svg.iter(f"{SVG}path"))
    assert len(lines) == sum(len(a.parties) for a in editorial.agreements)
    aca = links["../agreements/us-guatemala-aca-2019/"].find(f"{SVG}rect")
    guatemala = links["../countries/guatemala/"].find(f"{SVG}rect")
    start = float(aca.get("y")) + float(aca.get("height")) / 2
    end = float(guatemala.get("y")) + float(guatemala.get("height")) / 2
    assert any(re.fullmatch(rf"M\S+ {start:g} C.* \S+ {end:g}", line.get("d")) for line in lines)
    assert not [node for node in svg.iter() if "style" in node.attrib or node.tag.endswith("script")]
