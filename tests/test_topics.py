"""Topic pages gather the right articles, evidence and quotes for each agreement and country."""

import dataclasses
from pathlib import Path

import pytest

from generator.pipeline import read_corpus, render_pages
from generator.topics import build_topics, by_newest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus():
    return read_corpus(ROOT / "seeds")


@pytest.fixture(scope="module")
def topics(corpus):
    return build_topics(corpus.articles, corpus.editorial)


@pytest.fixture(scope="module")
def pages(corpus):
    return render_pages(corpus)


def agreement(topics, agreement_id):
    return next(t for t in topics.agreements if t.agreement.id == agreement_id)


def test_guatemala_2019_agreement_gathers_its_articles_newest_first_with_evidence(topics):
    topic = agreement(topics, "us-guatemala-aca-2019")
    assert [e.article.outlet for e in topic.evidence] == [None, "The New Yorker", "CNN"]
    assert [e.article.published for e in topic.evidence] == ["2025-06-26", "2019-07-12", "2019-07-11"]
    assert topic.evidence[0].sentences == (
        "President Donald Trump signed safe third-country agreements with Honduras, El Salvador, and Guatemala "
        "during his first term.",)
    assert all("Guatemala" in sentence for e in topic.evidence for sentence in e.sentences)


def test_guatemala_2019_page_shows_dates_evidence_and_related(pages):
    page = pages["agreements/us-guatemala-aca-2019.md"]
    assert "| 2019-07-26 | Signed by acting DHS Secretary McAleenan and Interior Minister Degenhart |" in page
    assert "[Guatemala](../countries/guatemala.md)" in page
    assert "> Such an agreement would require migrants who pass through Guatemala to apply for asylum there" in page
    assert "- [US–El Salvador Asylum Cooperative Agreement (2019)](us-el-salvador-aca-2019.md) — suspended" in page
    assert "getting closer to" in page and "000_" not in page


def test_approximate_dates_are_marked(pages):
    assert "| 2018-12-20 (approximate) | Announced |" in pages["agreements/mpp.md"]
    assert "| 2019-05-30 (approximate) |" in pages["agreements/us-mexico-joint-declaration-2019.md"]


def test_an_agreement_no_article_discusses_still_has_its_page(pages):
    page = pages["agreements/eu-turkey-statement-2016.md"]
    assert "No article in this briefing discusses this agreement yet." in page


def test_every_named_country_has_a_page(pages):
    for slug in ("united-states", "mexico", "guatemala", "honduras", "el-salvador", "canada", "panama", "brazil",
                 "costa-rica"):
        assert f"countries/{slug}.md" in pages


def test_country_page_lists_agreements_articles_and_people(pages):
    page = pages["countries/guatemala.md"]
    assert "[US–Guatemala Asylum Cooperative Agreement (2019)](../agreements/us-guatemala-aca-2019.md)" in page
    assert "- **Jimmy Morales** — President of Guatemala" in page
    assert page.count("### [") == 5
    brazil = pages["countries/brazil.md"]
    assert "**Named in** 1 article;" in brazil and "Regional asylum overhaul" in brazil


def test_home_page_tables(pages):
    home = pages["index.md"]
    assert ("| [US–Canada STCA](agreements/us-canada-stca.md) | [United States](countries/united-states.md), "
            "[Canada](countries/canada.md) | 2002-12-05 | 2004-12-29 "
            "| in force | 3 |") in home
    assert ("| [US–Guatemala ACA (2019)](agreements/us-guatemala-aca-2019.md) | [United States]"
            "(countries/united-states.md), [Guatemala](countries/guatemala.md) "
            "| 2019-07-26 | — | suspended | 3 |") in home
    assert "| [Mexico](countries/mexico.md) | 5 | 4 |" in home
    latest = home.split("## Latest articles", 1)[1].split("## Agreements", 1)[0]
    assert latest.index("2025-06-26") < latest.index("2019-07-12") < latest.index("2019-06-06")


def test_listings_link_every_article(corpus, pages):
    listing = pages["articles/index.md"]
    outlets = pages["outlets.md"]
    for article in corpus.articles:
        assert f"]({article.slug}.md)" in listing
        assert f"](articles/{article.slug}.md)" in outlets
    assert "## Outlet unknown" in outlets


def country(topics, name):
    return next(t for t in topics.countries if t.name == name)


def test_country_roles_come_from_the_sentences_that_name_it(topics):
    assert country(topics, "Mexico").roles["transit"] == 4  # "wait in Mexico", "through Mexico"
    assert country(topics, "Guatemala").roles["destination"] == 3  # "seek asylum in Guatemala"
    assert "origin" not in country(topics, "United States").roles  # "Central Americans" is not the US
    assert country(topics, "Brazil").roles == {}


def test_country_page_states_its_roles(pages):
    assert "transit country (4 articles)" in pages["countries/mexico.md"]


def test_big_topics_and_listings_are_grouped_by_year(corpus, monkeypatch):
    import dataclasses

    from generator import render

    monkeypatch.setattr(render, "TOPIC_LATEST", 2)
    monkeypatch.setattr(render, "LISTING_LATEST", 3)
    monkeypatch.setattr(render, "environment", render.environment.__wrapped__)  # fresh globals
    undated = dataclasses.replace(corpus.articles[0], published=None, slug="undated-x")
    pages = render_pages(dataclasses.replace(corpus, articles=[*corpus.articles, undated], keys=[*corpus.keys, "x"]))
    guatemala = pages["countries/guatemala.md"]
    assert guatemala.count("### [") == 2  # the two newest, with their evidence
    assert "### All 6 articles by year" in guatemala
    assert ("[2025](guatemala/2025.md) (1) · [2019](guatemala/2019.md) (4) · "
            "[undated](guatemala/undated.md) (1)") in guatemala
    assert "| 2019-07-11 | [US getting closer" in pages["countries/guatemala/2019.md"]
    assert "The 3 newest of 6 articles." in pages["articles/index.md"]
    assert pages["articles/undated.md"].count("](undated-x.md)") == 1


def test_articles_are_ordered_newest_first_undated_last_ties_by_slug(corpus):
    articles = [dataclasses.replace(corpus.articles[0], slug=slug, published=published) for slug, published in [
        ("b", "2019-07-01"), ("u2", None), ("a", "2019-07-01"), ("c", "2024-01-31"), ("u1", None), ("d", "2019-06-30")]]
    assert [a.slug for a in by_newest(articles)] == ["c", "a", "b", "d", "u1", "u2"]


def test_lists_of_countries_on_listing_and_topic_pages_are_links(pages):
    assert "[Guatemala](../countries/guatemala.md)" in pages["articles/index.md"]
    assert "[Guatemala](countries/guatemala.md)" in pages["index.md"]  # the agreements' parties
    assert "[Guatemala](../countries/guatemala.md)" in pages["agreements/index.md"]
    assert "[United States](../countries/united-states.md)" in pages["countries/guatemala.md"]
