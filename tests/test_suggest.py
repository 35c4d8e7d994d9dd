"""Suggesting the agreements the articles discuss that the editors have not listed: `python -m generator suggest`."""

import shutil

import pytest
import yaml

from generator.cli import main
from generator.deal_sentences import deals_in, principal
from generator.editorial import parse_agreements
from generator.model import InputError
from generator.pipeline import read_corpus
from generator.suggest import Evidence, suggest, to_yaml

RWANDA_DEAL = "Britain signed a deal with Rwanda on Thursday to send some asylum seekers to the east African country."
RWANDA_PAYMENT = "London has already paid Kigali £140 million under the agreement, officials said on Wednesday."
CANADA = "The United States and Canada signed their safe third country agreement in 2002."

# The later article comes first, so that first_seen is seen to be the earliest date, not the first file's.
ARTICLES = {
    "001_rwanda_ruling": ("2023-11-15", f"The Supreme Court will rule on the policy next month.\n\n{RWANDA_PAYMENT}"),
    "002_rwanda_deal": ("2022-04-14", f"{RWANDA_DEAL}\n\nRefugee groups say the plan is cruel and will not deter "
                                      "anyone from crossing the Channel."),
    "003_canada": (None, f"{CANADA}\n\nMigrants from Guatemala, Honduras and El Salvador have crossed the border."),
}


@pytest.fixture
def empty_seeds(tmp_path, seeds_dir):
    """A seeds folder with the real editorial YAML and no article."""
    seeds = tmp_path / "seeds"
    shutil.copytree(seeds_dir / "topics", seeds / "topics")
    return seeds


@pytest.fixture
def deal_seeds(empty_seeds):
    """One unlisted deal in two dated articles and one listed deal in an undated one."""
    for stem, (published, text) in ARTICLES.items():
        (empty_seeds / f"{stem}.txt").write_text(text + "\n", encoding="utf-8")
        if published:
            (empty_seeds / f"{stem}.meta.yml").write_text(f"published: '{published}'\n", encoding="utf-8")
    return empty_seeds


def suggestions_for(seeds):
    corpus = read_corpus(seeds)
    return suggest(corpus.articles, corpus.editorial.agreements)


def filled_in(entries: str) -> str:
    """The printed entries once an editor has written their status and description."""
    return (entries.replace("    status:  ", "    status: proposed  ")
            .replace("    description:  ", "    description: Britain would send asylum seekers to Rwanda.  "))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_only_the_unlisted_deal_is_suggested_with_its_parties_date_and_evidence(deal_seeds):
    (only,) = suggestions_for(deal_seeds)
    assert (only.id, only.name) == ("united-kingdom-rwanda-agreement", "United Kingdom–Rwanda agreement")
    assert only.parties == ("United Kingdom", "Rwanda")
    assert only.first_seen == "2022-04-14"
    assert only.evidence == (Evidence("seeds/001_rwanda_ruling.txt", RWANDA_PAYMENT),
                             Evidence("seeds/002_rwanda_deal.txt", RWANDA_DEAL))


def test_suggest_prints_the_yaml_and_exits_0(deal_seeds, capsys):
    code, out, err = run(capsys, "suggest", "--seeds", str(deal_seeds))
    assert (code, err) == (0, "")
    assert out == to_yaml(suggestions_for(deal_seeds), "seeds/topics/agreements.yml")
    assert out.splitlines()[:9] == [
        "# 1 agreement the articles discuss that seeds/topics/agreements.yml does not list, most discussed first.",
        "# Paste an entry under `agreements:` there and fill in `status` and `description`;",
        "# `make check` refuses the entry until both are filled in. Add `dates` and `match` as you see fit.",
        "",
        "  - id: united-kingdom-rwanda-agreement",
        "    name: United Kingdom–Rwanda agreement",
        "    parties: [United Kingdom, Rwanda]",
        "    status:       # one of: concluded, denied, ended, in effect, in force, never concluded, never signed, "
        "proposed, suspended",
        "    description:  # what it is, in two or three sentences",
    ]
    # First seen and evidence are commented out, as agreements.yml has no such keys; uncommented, they are YAML.
    commented = "\n".join(line.replace("    # ", "", 1) for line in out.splitlines()[9:])
    assert yaml.safe_load(commented) == {
        "first_seen": yaml.safe_load("2022-04-14"),
        "evidence": [{"file": "seeds/001_rwanda_ruling.txt", "sentence": RWANDA_PAYMENT},
                     {"file": "seeds/002_rwanda_deal.txt", "sentence": RWANDA_DEAL}]}


def test_pasted_entry_is_refused_until_status_and_description_are_filled_in(deal_seeds, capsys):
    _, out, _ = run(capsys, "suggest", "--seeds", str(deal_seeds))
    listed = (deal_seeds / "topics" / "agreements.yml").read_text(encoding="utf-8")
    with pytest.raises(InputError, match="agreement 'united-kingdom-rwanda-agreement': 'status' is required"):
        parse_agreements(yaml.safe_load(listed + out))
    agreements = parse_agreements(yaml.safe_load(listed + filled_in(out)))
    assert agreements[-1].id == "united-kingdom-rwanda-agreement"
    assert agreements[-1].parties == ("United Kingdom", "Rwanda")
    assert agreements[-1].status == "proposed"


def test_a_listed_agreement_is_not_suggested_again(deal_seeds, capsys):
    _, out, _ = run(capsys, "suggest", "--seeds", str(deal_seeds))
    with (deal_seeds / "topics" / "agreements.yml").open("a", encoding="utf-8") as listed:
        listed.write(filled_in(out))
    assert suggestions_for(deal_seeds) == []
    assert run(capsys, "suggest", "--seeds", str(deal_seeds))[1] == (
        "# Every agreement the articles discuss is listed in seeds/topics/agreements.yml.\n")


def test_an_id_never_clashes_with_a_listed_one(deal_seeds):
    with (deal_seeds / "topics" / "agreements.yml").open("a", encoding="utf-8") as listed:
        listed.write("  - {id: united-kingdom-rwanda-agreement, name: Channel deal, parties: [United Kingdom, France],"
                     " status: proposed, description: x}\n")
    assert [s.id for s in suggestions_for(deal_seeds)] == ["united-kingdom-rwanda-agreement-2"]


def test_check_counts_the_suggestions(deal_seeds, capsys):
    code, out, err = run(capsys, "check", "--seeds", str(deal_seeds))
    assert (code, out, err) == (0, "3 articles read, 0 errors, 0 warnings, 1 unlisted agreement suggested\n", "")


def test_two_runs_print_the_same_bytes(deal_seeds, capsys):
    first = run(capsys, "suggest", "--seeds", str(deal_seeds))
    assert run(capsys, "suggest", "--seeds", str(deal_seeds)) == first


def test_suggest_reports_a_bad_file_and_still_suggests(deal_seeds, capsys):
    (deal_seeds / "bad.txt").write_bytes(b"")
    code, out, err = run(capsys, "suggest", "--seeds", str(deal_seeds))
    assert (code, err) == (1, "Error reading 'seeds/bad.txt': file is empty\n")
    assert "  - id: united-kingdom-rwanda-agreement\n" in out


# --- how a sentence is read ----------------------------------------------------------------------

def parties(sentence: str, *before: str) -> list[list[str]]:
    """The parties of each deal the sentence speaks of, read after the article's ``before`` sentences."""
    earlier = []
    for earlier_sentence in before:
        earlier += deals_in(earlier_sentence, earlier)
    return [sorted(deal.parties) for deal in deals_in(sentence, earlier)]


def test_the_parties_are_named_in_the_deal_s_own_clause():
    assert parties("Migrant departures from Tunisia to Italy have fallen since the European Union signed its "
                   "memorandum of understanding with Tunis.") == [["European Union", "Tunisia"]]


def test_a_clause_naming_one_party_is_read_with_the_clauses_beside_it():
    assert parties("The agreement, signed in Madrid, lets Spain return migrants to Morocco.") == [["Morocco", "Spain"]]


def test_a_capital_is_a_party_when_it_acts_not_where_something_happens():
    assert parties("A court in Rome has ruled that the scheme must end.") == []
    assert parties("Rome has signed a protocol with Tirana.") == [["Albania", "Italy"]]
    assert parties("The Washington Post says Canada agreed to the plan.") == []


def test_countries_without_a_deal_word_are_no_deal():
    assert parties("Migrants from Guatemala, Honduras and El Salvador have crossed the border.") == []
    assert parties("The United States said in a statement that Mexico would do more.") == []


def test_deals_with_a_list_of_countries_are_a_deal_with_each():
    assert parties("The US has since struck deals with Uganda and Eswatini.") == [
        ["Uganda", "United States"], ["Eswatini", "United States"]]
    assert parties("Mexico and Guatemala signed a pact to patrol their border.") == [["Guatemala", "Mexico"]]


def test_a_verb_of_agreeing_is_enough():
    assert parties("Uganda has agreed to accept deportees from the United States.") == [["Uganda", "United States"]]


def test_a_deal_with_a_new_country_is_suggested_though_a_listed_one_shares_a_party(empty_seeds):
    # Third-country deportations (2025) lists the United States, El Salvador and Guatemala, but not Uganda.
    (empty_seeds / "001.txt").write_text("Uganda has agreed to accept deportees from the United States.\n\n"
                                         "El Salvador and Guatemala agreed to take deportees of other nationalities.\n",
                                         encoding="utf-8")
    assert [s.parties for s in suggestions_for(empty_seeds)] == [("Uganda", "United States")]


def test_a_single_sentence_naming_three_countries_is_not_enough(empty_seeds):
    (empty_seeds / "001.txt").write_text("Germany signed a plan to take refugees from Syria and Afghanistan.\n",
                                         encoding="utf-8")
    assert suggestions_for(empty_seeds) == []


def test_a_sentence_reprinted_in_two_articles_is_one_piece_of_evidence(empty_seeds):
    sentence = "Italy's plan for Libya was criticised by refugee groups."
    for stem in ("001_wire", "002_reprint"):
        (empty_seeds / f"{stem}.txt").write_text(f"{sentence}\n\nA paragraph of its own in {stem}.\n",
                                                 encoding="utf-8")
    assert suggestions_for(empty_seeds) == []
    (empty_seeds / "003_another.txt").write_text("Italy and Libya discussed the plan again on Monday.\n",
                                                 encoding="utf-8")
    assert [s.parties for s in suggestions_for(empty_seeds)] == [("Italy", "Libya")]


def test_a_capital_where_a_deal_was_signed_names_a_party_when_the_clause_names_fewer_than_two():
    assert parties("The memorandum was signed in Kigali by the Danish minister.") == [["Denmark", "Rwanda"]]
    assert parties("Mexico and Guatemala signed the pact in Washington.") == [["Guatemala", "Mexico"]]


def test_the_union_standing_for_its_members_is_no_party():
    assert parties("Norway has shelved its plan to send asylum seekers to Albania and will seek a solution "
                   "with other EU countries.") == [["Albania", "Norway"]]


def test_a_clipping_that_lost_its_capitals_lost_its_apostrophes_too():
    assert parties("spains readmission agreement with morocco was renewed on friday") == [["Morocco", "Spain"]]
    # A name of two words, which is read by another path than a name of one.
    assert parties("el salvadors agreement with the united states was signed on friday") == [
        ["El Salvador", "United States"]]


def test_renewing_or_approving_a_deal_decides_it():
    (renewed,) = deals_in("Spain's readmission agreement with Morocco was renewed on Friday.")
    (approved,) = deals_in("Norway approved a plan to send asylum seekers to Albania.")
    assert renewed.decided and approved.decided


def test_a_relative_clause_speaks_of_the_party_named_before_it():
    italy_albania = "Italy signed a protocol with Albania."
    assert parties("Spanish Prime Minister Ana Ruiz, who scrapped her predecessor's plan to send asylum seekers "
                   "to Morocco, praised it.", italy_albania) == [["Morocco", "Spain"]]


def test_a_clause_naming_one_side_of_a_deal_is_read_with_the_article_s_principal():
    eu_egypt = "The European Union sealed a partnership with Egypt on Sunday."
    tunisian_deal = "Rights groups point to Egyptian jails, and say the Tunisian deal was followed by abuse."
    assert parties(tunisian_deal) == [["Egypt", "Tunisia"]]
    assert parties(tunisian_deal, eu_egypt) == [["European Union", "Tunisia"]]
    assert parties("New Zealand has agreed to take up to 150 refugees a year.",
                   "Australia's processing arrangement with Nauru ended in 2021.") == [["Australia", "New Zealand"]]


def test_the_principal_is_the_party_the_article_s_deals_have_most_in_common():
    # Completing "the U.S." with Guatemala does not make Guatemala the one the article's deals are made by.
    article = ("The United States signed an agreement with Guatemala.",
               "Under this arrangement, migrants will no longer claim asylum in the U.S. at all.")
    earlier = []
    for sentence in article:
        earlier += deals_in(sentence, earlier)
    assert principal(earlier) == "United States"
    assert parties("A similar accord already exists with Canada.", *article) == [["Canada", "United States"]]


def test_an_offer_to_take_another_country_s_refugees_is_a_deal():
    assert parties("New Zealand's offer to take refugees from Australia still stands.") == [
        ["Australia", "New Zealand"]]


def test_a_clause_that_names_a_deal_s_parties_is_not_read_into_its_neighbours():
    # Two countries each agreeing to something are not thereby a deal with one another.
    both = "This month Ghana agreed to take 250 deportees, and Togo signed an arrangement to receive others."
    assert parties(both) == []
    assert parties(both, "Five men were flown from the United States to Eswatini under an agreement.") == [
        ["Ghana", "United States"], ["Togo", "United States"]]


def test_partners_listed_after_to_and_a_plural_are_a_deal_each_with_the_party_named_before():
    (ghana, togo) = deals_in("Norway approved a plan on Wednesday, with migrants to be sent to Ghana and Togo "
                             "under arrangements.")
    assert [sorted(ghana.parties), sorted(togo.parties)] == [["Ghana", "Norway"], ["Norway", "Togo"]]
    assert ghana.decided and togo.decided


def test_deals_each_with_a_partner_of_their_own_are_never_a_deal_between_the_partners():
    follows = "The agreement follows a memorandum signed with Tunisia in July and a deal concluded with Mauritania."
    assert parties(follows) == []
    assert parties(follows, "The European Union sealed a partnership with Egypt on Sunday.") == [
        ["European Union", "Tunisia"], ["European Union", "Mauritania"]]


def test_some_parties_of_a_listed_agreement_make_a_new_one_by_signing_an_instrument_of_their_own(empty_seeds):
    # The EU–Turkey statement (2016) lists Turkey, Greece and the European Union.
    signed = "Greek and Turkish leaders signed the Athens Declaration in December."
    (empty_seeds / "001.txt").write_text(f"Greece and Turkey agreed to cooperate on migration.\n\n{signed}\n",
                                         encoding="utf-8")
    (only,) = suggestions_for(empty_seeds)
    assert only.parties == ("Greece", "Turkey")
    assert [e.sentence for e in only.evidence] == [signed]


def test_an_article_is_read_in_order_so_that_a_deal_named_by_one_side_is_found(empty_seeds):
    (empty_seeds / "001.txt").write_text("Britain's deal with France lets it return some migrants.\n\n"
                                         "The Rwanda scheme failed, critics say.\n\n"
                                         "The plan to send asylum seekers to Rwanda was scrapped last July.\n",
                                         encoding="utf-8")
    assert [s.parties for s in suggestions_for(empty_seeds)] == [("United Kingdom", "Rwanda")]


def test_the_seed_corpus_discusses_only_listed_agreements(seeds_dir):
    assert suggestions_for(seeds_dir) == []


def test_a_listed_partner_may_follow_a_determiner_and_the_party_may_be_named_after_the_list():
    assert parties("The minister signed agreements with Ghana and The Gambia as Norway seeks workers.") == [
        ["Ghana", "Norway"], ["Gambia", "Norway"]]


def test_countries_listed_after_from_are_origins_not_a_deal_between_them():
    assert parties("Under the deal, 5,000 migrants, most of them from Eritrea and Sudan, would leave.") == []


def test_a_demonym_that_is_a_language_after_in_is_no_party():
    assert parties("The envoy said in Portuguese that Angola had agreed.") == []
    assert parties("Angola agreed to patrol in Portuguese waters.") == [["Angola", "Portugal"]]


def test_a_deal_dated_by_its_year_was_made():
    (dated,) = deals_in("The talks are modelled on the 2019 memorandum under which Malta trains the Libyan navy.")
    assert dated.parties == {"Libya", "Malta"} and dated.decided
    (undated,) = deals_in("The talks are modelled on a memorandum under which Malta trains the Libyan navy.")
    assert not undated.decided
