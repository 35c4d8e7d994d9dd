"""The editors' YAML: the real files load, and every mistake is refused with a message naming it."""

import re

import pytest
import yaml

from generator.editorial import load_editorial, parse_agreements, parse_aliases, parse_outlets
from generator.model import InputError, KeyDate, MatchRule


def agreement(**fields) -> dict:
    """The smallest valid agreement entry, with ``fields`` changed."""
    return {"id": "a", "name": "A", "parties": ["United States"], "status": "in force", "description": "x"} | fields


def test_real_files_load(editorial):
    assert len(editorial.agreements) == 11
    assert editorial.agreements[0].id == "us-canada-stca"
    names = [o.name for o in editorial.outlets]
    assert len(names) >= 150 and len(set(names)) == len(names)
    assert {"TIME", "The New York Times", "CNN", "Agence France-Presse", "EFE", "BBC News"} <= set(names)
    assert editorial.outlet_named("AFP").name == "Agence France-Presse"
    noem = next(p for p in editorial.people if p.name == "Kristi Noem")
    assert (noem.role, noem.aliases) == ("U.S. Secretary of Homeland Security", ("Noem", "Secretary Noem"))
    assert "Migration Policy Institute" in [o.name for o in editorial.organizations]


def test_real_agreement_is_parsed_in_full(editorial):
    aca = next(a for a in editorial.agreements if a.id == "us-guatemala-aca-2019")
    assert aca.parties == ("United States", "Guatemala")
    assert aca.status == "suspended"
    assert aca.dates[2] == KeyDate("2019-07-26", "Signed by acting DHS Secretary McAleenan and Interior Minister "
                                                 "Degenhart")
    assert aca.rules[0].published_from == "2019-06-15" and aca.rules[0].published_to == "2021-12-31"
    assert aca.rules[0].none == (("regional",), ("overhaul",))


def test_terms_are_folded_and_groups_expanded():
    (parsed,) = parse_agreements({
        "vocabulary": {"deal": ["Deal", "Pact"]},
        "agreements": [agreement(match={"aliases": ["The U.S. Accord"],
                                        "rules": [{"all": ["@deal", "Mexico", "U.S. | Canada"]}]})],
    })
    assert parsed.aliases == ("the u s accord",)
    # A country's name stays as the name (it matches all its aliases); other phrases are folded.
    assert parsed.rules == (MatchRule(all=(("deal", "pact"), ("Mexico",), ("u s", "Canada"))),)
    assert parsed.short_name == "A"


@pytest.mark.parametrize("data, message", [
    ({"agreements": [agreement(), agreement()]}, "agreement id 'a' is used twice"),
    ({"agreements": [agreement(parties=["Narnia"])]},
     "agreement 'a': party 'Narnia' is not a country name in the gazetteer"),
    ({"agreements": [agreement(parties=["mexico"])]},
     "agreement 'a': party 'mexico' is not a country name in the gazetteer"),
    ({"agreements": [agreement(status="signed")]}, "agreement 'a': status 'signed' is not one of concluded, "),
    ({"agreements": [agreement(match={"rules": [{"all": ["@nope"]}]})]},
     "agreement 'a': vocabulary group '@nope' is not defined"),
    ({"agreements": [agreement(related=["b"])]}, "agreement 'a': related id 'b' is not defined"),
    ({"agreements": [agreement(colour="red")]}, "agreement #1: unknown key 'colour' (allowed: dates, "),
    ({"agreements": [agreement(match={"alias": ["x"]})]}, "agreement 'a' match: unknown key 'alias'"),
    ({"agreements": [agreement(match={"rules": [{"all": ["x"], "any": ["y"]}]})]},
     "agreement 'a' rule: unknown key 'any'"),
    ({"agreements": [agreement(match={"rules": [{"all": ["x"], "published": {"since": "2019-01-01"}}]})]},
     "agreement 'a' rule published: unknown key 'since'"),
    ({"agreements": [agreement(dates=[{"date": "2019-13-01", "event": "x"}])]},
     "agreement 'a': '2019-13-01' is not a date (YYYY-MM-DD)"),
    ({"agreements": [agreement(description=None)]}, "agreement 'a': 'description' is required"),
    ({"agreements": [agreement(id=None)]}, "agreement #1: 'id' is required"),
    ({"agreements": [agreement(id=5)]}, "agreement #1: 'id' must be str, got 5"),
    ({"agreements": {"a": 1}}, "agreements file: 'agreements' must be list, got {'a': 1}"),
    ({"vocabulary": {"deal": "pact"}}, "vocabulary: 'deal' must be list, got 'pact'"),
    ([1, 2], "agreements file: expected a mapping, got list"),
], ids=["duplicate-id", "unknown-party", "lower-case-party", "unknown-status", "undefined-group", "unknown-related",
        "unknown-key", "unknown-match-key", "unknown-rule-key", "unknown-window-key", "bad-date", "no-description",
        "no-id", "id-not-string", "agreements-not-list", "group-not-list", "not-a-mapping"])
def test_bad_agreements_are_refused(data, message):
    with pytest.raises(InputError, match="^" + re.escape(message)):
        parse_agreements(data)


@pytest.mark.parametrize("parse, data", [
    (parse_agreements, {"agreement": [agreement()]}),
    (parse_outlets, {"outlet": [{"name": "X"}]}),
])
def test_unknown_top_level_key_is_refused(parse, data):
    with pytest.raises(InputError, match="unknown key"):
        parse(data)


@pytest.mark.parametrize("parse, data, message", [
    (parse_outlets, {"outlets": [{"name": "X", "domain": "x.com"}]}, "outlet #1: unknown key 'domain'"),
    (parse_outlets, {"outlets": [{"domains": ["x.com"]}]}, "outlet #1: 'name' is required"),
    (parse_aliases, {"persons": []}, "aliases file: unknown key 'persons'"),
    (parse_aliases, {"people": [{"name": "A", "alias": ["B"]}]}, "people #1: unknown key 'alias'"),
    (parse_aliases, {"organizations": [{"name": "A", "aliases": "B"}]}, "organizations #1: 'aliases' must be list"),
])
def test_bad_outlets_and_aliases_are_refused(parse, data, message):
    with pytest.raises(InputError, match="^" + re.escape(message)):
        parse(data)


def test_outlet_domains_are_lower_cased_and_cues_folded():
    (outlet,) = parse_outlets({"outlets": [{"name": "X", "domains": ["X.COM"], "cues": ["Source: X!"]}]})
    assert (outlet.domains, outlet.cues, outlet.mentions) == (("x.com",), ("source x",), ())


def test_missing_topics_folder_is_empty_editorial(tmp_path):
    editorial = load_editorial(tmp_path)
    assert (editorial.agreements, editorial.outlets, editorial.people, editorial.organizations) == ((), (), (), ())


def test_load_names_the_file_in_errors(tmp_seeds):
    path = tmp_seeds / "topics" / "agreements.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["agreements"][1]["status"] = "signed"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(InputError, match="^" + re.escape(f"{path}: agreement 'us-mexico-stca-proposal': status "
                                                        "'signed' is not one of")):
        load_editorial(tmp_seeds)


def test_invalid_yaml_names_the_line(tmp_seeds):
    path = tmp_seeds / "topics" / "outlets.yml"
    path.write_text("outlets:\n  - name: X\n   domains: [x.com]\n", encoding="utf-8")
    with pytest.raises(InputError, match="^invalid YAML at line 3: "):
        load_editorial(tmp_seeds)
