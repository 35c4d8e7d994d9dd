"""Extraction: agreements, outlet, title, summary and key figures, on seed articles and made-up sentences."""

import re

import pytest

from generator import extract
from generator.editorial import parse_agreements
from generator.extract import (
    MAX_TITLE,
    count_words,
    date_from_text,
    find_agreements,
    find_countries,
    find_figures,
    find_outlet,
    make_summary,
    make_title,
)


def agreement_ids(sentences, published, agreements) -> list[str]:
    return [m.id for m in find_agreements(sentences, published, agreements)]


# --- agreements ----------------------------------------------------------------------------------

def test_003_discusses_only_the_guatemala_agreement(seed_sentences, seed_article, editorial):
    assert agreement_ids(seed_sentences(3), seed_article(3).published, editorial.agreements) == [
        "us-guatemala-aca-2019"]


def test_004_discusses_the_2025_deals_and_the_first_term_one(seed_sentences, seed_article, editorial):
    published = seed_article(4).published
    found = {m.id: m.evidence for m in find_agreements(seed_sentences(4), published, editorial.agreements)}
    assert {"us-honduras-guatemala-2025", "third-country-deportations-2025", "us-canada-stca",
            "us-guatemala-aca-2019"} <= set(found)
    assert found["us-guatemala-aca-2019"] == (
        "President Donald Trump signed safe third-country agreements with Honduras, El Salvador, and Guatemala "
        "during his first term.",)


def test_000_predates_the_guatemala_agreement(seed_sentences, seed_article, editorial):
    assert seed_article(0).published == "2019-06-10"
    found = agreement_ids(seed_sentences(0), "2019-06-10", editorial.agreements)
    assert "us-guatemala-aca-2019" not in found
    assert found[:2] == ["mpp", "us-mexico-stca-proposal"]


WINDOWED = parse_agreements({"agreements": [{
    "id": "w", "name": "W", "parties": ["Guatemala"], "status": "proposed", "description": "x",
    "match": {"rules": [{"all": ["deal", "Guatemala"], "published": {"from": "2019-06-15", "to": "2019-12-31"}}]},
}]})


@pytest.mark.parametrize("published, expected", [
    ("2019-06-14", []),
    ("2019-06-15", ["w"]),
    ("2019-12-31", ["w"]),
    ("2020-01-01", []),
    (None, []),  # undated and no date in the text: a period-bound rule is not assumed
])
def test_rule_published_window_is_respected(published, expected):
    assert agreement_ids(["The Guatemalan deal was signed."], published, WINDOWED) == expected


def test_an_undated_article_is_placed_at_the_latest_date_it_gives():
    sentences = ["The deal was struck in March 2019.", "It was signed on 3 May 2021.", "Talks began in 2018."]
    assert date_from_text(sentences) == "2021-05-03"
    assert date_from_text(["No dates here."]) is None


PARTIES = parse_agreements({"vocabulary": {"agreement": ["agreement", "deal", "memorandum"]}, "agreements": [
    {"id": "uk-rw", "name": "UK–Rwanda", "parties": ["United Kingdom", "Rwanda"], "status": "ended",
     "description": "x"},
    {"id": "us-mx-a", "name": "A", "parties": ["United States", "Mexico"], "status": "proposed", "description": "x"},
    {"id": "us-mx-b", "name": "B", "parties": ["United States", "Mexico"], "status": "proposed", "description": "x"},
    {"id": "eu-tn", "name": "EU–Tunisia", "parties": ["Tunisia"], "other_parties": ["European Union"],
     "status": "in force", "description": "x"},
    {"id": "off", "name": "Off", "parties": ["Nauru", "Australia"], "status": "in force", "description": "x",
     "match": {"parties": False}},
]})


@pytest.mark.parametrize("sentence, expected", [
    ("Britain's deal with Rwanda was ruled unlawful.", ["uk-rw"]),
    ("The Rwandan government said Britain paid for nothing.", []),  # no word for an agreement
    ("Mexico and the United States reached a deal.", []),  # two listed deals have these parties: not pinned down
    ("The EU signed its memorandum with Tunisia.", ["eu-tn"]),
    ("Australia signed a deal with Nauru.", []),  # its editors turned the party rule off
])
def test_an_agreement_is_found_by_its_parties(sentence, expected):
    assert agreement_ids([sentence], "2024-01-01", PARTIES) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Since March 2023, when Ottawa and Washington expanded the agreement, crossings fell.", ["ca-us"]),
    ("Washington has since reached similar deals with El Salvador and Honduras.", ["sv-us", "hn-us"]),
    ("A Honduran man was sent from the United States to Guatemala under a new agreement.", ["gt-us"]),
])
def test_an_agreement_is_found_by_the_deal_a_sentence_makes(sentence, expected):
    agreements = parse_agreements({"vocabulary": {"agreement": ["agreement", "deal", "deals"]}, "agreements": [
        {"id": i, "name": i, "parties": p, "status": "in force", "description": "x"} for i, p in (
            ("ca-us", ["Canada", "United States"]), ("sv-us", ["El Salvador", "United States"]),
            ("hn-us", ["Honduras", "United States"]), ("gt-us", ["Guatemala", "United States"]),
            ("hn-gt-us", ["Honduras", "Guatemala", "United States"]))]})
    assert agreement_ids([sentence], "2024-01-01", agreements) == expected


def test_rule_needs_every_term_in_one_sentence():
    assert agreement_ids(["The deal was signed.", "Guatemala agreed."], "2019-07-01", WINDOWED) == []


def test_agreements_with_more_evidence_come_first(editorial):
    sentences = ["Mexico agreed to expand Remain in Mexico.", "Migrants wait in Mexico.",
                 "It is like the safe third country agreement with Canada."]
    assert agreement_ids(sentences, "2019-06-10", editorial.agreements) == ["mpp", "us-canada-stca"]


def test_a_country_in_a_name_or_a_language_is_not_one():
    sentences = ["Chad F. Wolf signed it.", "The notice was printed in Spanish, not English.", "Spain agreed."]
    assert [m.id for m in find_countries(sentences, ("Chad F. Wolf",))] == ["Spain"]


def test_countries_most_mentioned_first_with_evidence():
    countries = find_countries(["Mexico and Guatemala met.", "Mexican troops went.", "New Mexico is a state."])
    assert [(m.id, m.evidence) for m in countries] == [
        ("Mexico", ("Mexico and Guatemala met.", "Mexican troops went.")),
        ("Guatemala", ("Mexico and Guatemala met.",)),
    ]


# --- outlet --------------------------------------------------------------------------------------

@pytest.mark.parametrize("url, text, outlet", [
    ("https://time.com/5604189/x/", "", "TIME"),
    ("https://www.nytimes.com/2019/06/06/us/x.html", "", "The New York Times"),
    ("https://edition.cnn.com/2019/07/11/x", "", "CNN"),
    ("https://CNN.com/x", "", "CNN"),
    ("https://notcnn.com/x", "", "notcnn.com"),
    ("https://www.example.org/a", "Source: CNN", "example.org"),
    (None, "The deal is close.\nSource: CNN", "CNN"),
    (None, "and that s an open question contact us at editors time com", "TIME"),
    (None, "Source: The Newyork Times", "The New York Times"),
    (None, "Reuters first reported the deal.", None),
    (None, "The New York Times reported the deal.", None),
    (None, "", None),
    (None, "The department did not respond to NPR's request for comment.", "NPR"),
    (None, "He told Reuters and later told the BBC the same.", None),
])
def test_find_outlet(editorial, url, text, outlet):
    assert find_outlet(None, url, None, text, editorial) == outlet


@pytest.mark.parametrize("recorded, url, credited, outlet", [
    ("AFP", None, None, "Agence France-Presse"),
    ("the guardian", None, None, "The Guardian"),
    ("dw.com", None, None, "DW"),
    ("Le Monde.fr", None, None, "Le Monde"),
    ("Some Local Blog", "https://www.nytimes.com/x", None, "Some Local Blog"),
    (None, "https://www.houstonchronicle.com/news/x.php", "Associated Press", "Houston Chronicle"),
    (None, "https://example.org/x", "Associated Press", "example.org"),
    (None, None, "EFE", "EFE"),
])
def test_outlet_order_of_trust(editorial, recorded, url, credited, outlet):
    """The clipper's record or the page's site name, then the address, then the story's own credits."""
    assert find_outlet(recorded, url, credited, "Source: CNN", editorial) == outlet


@pytest.mark.parametrize("number, outlet", [(0, "TIME"), (1, "The New Yorker"), (2, "The New York Times"),
                                            (3, "CNN"), (4, None)])
def test_seed_outlets(seed_article, number, outlet):
    assert seed_article(number).outlet == outlet


# --- title and summary ---------------------------------------------------------------------------

def test_title_from_001_lede_drops_asides(seed_article):
    title = make_title(seed_article(1).paragraphs)
    assert title == "The Trump Administration is expected to announce a major immigration deal with Guatemala"
    assert "according to" not in title and len(title) <= MAX_TITLE


def test_long_title_is_cut_at_a_word(seed_article):
    title = make_title(seed_article(0).paragraphs)
    assert title == "Central americans seeking asylum in the united states could soon spend months"
    assert len(title) <= MAX_TITLE


@pytest.mark.parametrize("lede, title", [
    ("On Monday, officials said the talks continued. More.", "Officials said the talks continued"),
    ("Mexico and the U.S. agreed on Friday. More.", "Mexico and the U.S. agreed"),
    ("Canada's supreme court has upheld a longstanding asylum agreement with the United States, rejecting "
     "arguments from refugee advocates.", "Canada's supreme court has upheld a longstanding asylum agreement with the "
     "United States"),
    ("The secretary said the agreements would help. Honduras signed a deal with the United States on Monday.",
     "Honduras signed a deal with the United States"),
    ("“We will sign,” she said. “It is done,” he said.", "“We will sign,” she said"),
    ("The United States signed an agreement with El Salvador on Friday that could require asylum seekers who "
     "pass through the Central American country to seek protection there.",
     "The United States signed an agreement with El Salvador that could require asylum seekers"),
    ("The secretary said the deal, which was signed today, would hold.", "The secretary said the deal would hold"),
])
def test_title_is_the_main_clause(lede, title):
    assert make_title([lede]) == title
    assert len(title.split()) <= 14


def test_summary_is_the_first_two_sentences_when_short():
    assert make_summary(["One thing happened. Then another. And a third."]) == "One thing happened. Then another."


def test_summary_of_unpunctuated_text_is_cut_at_a_word():
    summary = make_summary(["word " * 100])
    assert len(summary) <= 160 and summary.endswith("word…")


def test_word_count():
    assert count_words(["It’s a well-known deal.", "Two more"]) == 6


# --- figures -------------------------------------------------------------------------------------

def figures(sentence: str) -> list[tuple[str, str]]:
    return [(f.value, f.counts) for f in find_figures([sentence])]


@pytest.mark.parametrize("sentence, expected", [
    ("Mexico will send 6,000 troops to the border.", [("6,000", "troops to the border")]),
    ("mexico will also send 6 000 national guard troops to its border",
     [("6,000", "national guard troops to its border")]),
    ("In May, more than 144,000 people were taken into custody.",
     [("more than 144,000", "people were taken into custody")]),
    ("About 8,000 migrants are waiting in Mexico.", [("About 8,000", "migrants are waiting in Mexico")]),
    ("There is a backlog of roughly a million cases.", [("roughly a million", "cases")]),
    ("They found 250 people.", [("250", "people")]),
    ("Over 1000000 people came.", [("Over 1,000,000", "people came")]),
], ids=["comma", "space-separated", "more-than", "about", "a-million", "hundreds", "unseparated"])
def test_figures(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The agreement took effect in 2004 after talks.",
    "The 1990s were different.",
    "There were 13 years of talks.",
    "It lasted 2000 years in all.",
    "They met at 10:30 in the morning.",
])
def test_years_and_small_numbers_are_not_figures(sentence):
    assert figures(sentence) == []


def test_repeated_figure_is_kept_once():
    assert find_figures(["Mexico sent 6,000 troops.", "It sent 6,000 troops."]) == find_figures(
        ["Mexico sent 6,000 troops."])


def test_decimal_figure_is_kept():
    assert figures("The backlog reached 1.5 million cases.") == [("1.5 million", "cases")]


@pytest.mark.parametrize("sentence, names", [
    ("Ana Cruz met Ana Cruz Lopez and Cruz Lopez.", ["Ana Cruz Lopez", "Cruz Lopez", "Ana Cruz"]),
    ("John Smith Jones spoke", ["Smith Jones", "John Smith"]),
    ("aaaa", ["aa", "a"]),
    ("no one named here", ["Ana Cruz"]),
])
def test_names_are_blotted_out_as_one_pattern_of_them_would(sentence, names):
    pattern = re.compile("|".join(re.escape(name) for name in names))
    assert extract._masked(sentence, names) == pattern.sub(lambda m: "·" * len(m.group()), sentence)
