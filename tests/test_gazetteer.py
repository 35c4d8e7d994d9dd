"""The gazetteer: every country, named however an article names it, and phrases that only look like one."""

import pycountry
import pytest

from generator.gazetteer import gazetteer


def names(sentence: str) -> list[str]:
    return [country.name for country in gazetteer().mentions(sentence)]


@pytest.mark.parametrize("sentence, expected", [
    ("New Mexico", []),
    ("He flew from New Mexico to Mexico.", ["Mexico"]),
    ("Gulf of Mexico", []),
    ("Salvadoran", ["El Salvador"]),
    ("Mexican", ["Mexico"]),
    ("Guatemalans", ["Guatemala"]),
    ("Britain", ["United Kingdom"]),
    ("U.S.", ["United States"]),
    ("the u s border", ["United States"]),
    ("US", ["United States"]),
    ("the US’s plan", ["United States"]),
    ("Honduras’s immigration director", ["Honduras"]),
    ("México", ["Mexico"]),
    ("Let us go", []),
    ("us", []),
    ("Central America", []),
    ("Central Americans", []),
    ("Northern Triangle", []),
    ("European Union", []),
    ("Latin America", []),
    ("New Jersey", []),
])
def test_mentions_in_the_corpus_region(sentence, expected):
    assert names(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Brazil", ["Brazil"]),
    ("Vietnamese", ["Vietnam"]),
    ("Côte d'Ivoire", ["Ivory Coast"]),
    ("Cote d’Ivoire", ["Ivory Coast"]),
    ("Papua New Guinea", ["Papua New Guinea"]),
    ("Equatorial Guinea", ["Equatorial Guinea"]),
    ("Guinea-Bissau", ["Guinea-Bissau"]),
    ("Guinea", ["Guinea"]),
    ("South Sudan", ["South Sudan"]),
    ("Nigerien", ["Niger"]),
    ("North Korea", ["North Korea"]),
    ("Dominican Republic", ["Dominican Republic"]),
    ("American Samoa", ["American Samoa"]),
])
def test_mentions_outside_the_corpus(sentence, expected):
    assert names(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("They went to the US.", ["United States"]),
    ("rather than continuing to the US.", ["United States"]),
    ("He lives in the UAE.", ["United Arab Emirates"]),
])
def test_exact_alias_before_a_full_stop(sentence, expected):
    assert names(sentence) == expected


def test_mentions_are_in_sentence_order():
    assert names("The US and Mexico") == ["United States", "Mexico"]


def test_every_pycountry_country_is_covered():
    covered = {country.code for country in gazetteer().folded.values() if country}
    assert covered == {country.alpha_2 for country in pycountry.countries}
    assert len(covered) == len(pycountry.countries)


def test_every_pycountry_country_is_found_by_its_names():
    # Each country's shown name, and its pycountry names except the inverted ones ("Korea, Republic of").
    shown = {country.code: country.name for country in gazetteer().folded.values() if country}
    wrong = {}
    for record in pycountry.countries:
        candidates = [shown[record.alpha_2], record.name, getattr(record, "common_name", None),
                      getattr(record, "official_name", None)]
        for name in {n for n in candidates if n and "," not in n}:
            if (codes := [m.code for m in gazetteer().mentions(name)]) != [record.alpha_2]:
                wrong[name] = codes
    assert wrong == {}
    assert len(shown) == len(pycountry.countries) == 249


def test_aliases_of_lists_folded_names_longest_first():
    aliases = gazetteer().aliases_of("United States")
    assert aliases[0] == "united states of america"
    assert {"u s", "us", "american", "americans"} <= set(aliases)
    assert [len(a) for a in aliases] == sorted((len(a) for a in aliases), reverse=True)


def test_mask_non_countries_blanks_the_phrase():
    assert gazetteer().mask_non_countries("central americans in mexico") == "----------------- in mexico"
