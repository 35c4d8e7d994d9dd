"""Load the editors' YAML (agreements, outlets, aliases) from ``<seeds>/topics/`` and validate it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .datafile import Fields, load_yaml_file
from .gazetteer import gazetteer
from .model import Agreement, Editorial, GlossaryTerm, InputError, KeyDate, KnownName, MatchRule, Outlet
from .text import fold

STATUSES = {"in force", "in effect", "suspended", "proposed", "never signed", "never concluded",
            "denied", "concluded", "ended"}
AGREEMENT_KEYS = {"id", "name", "short_name", "parties", "other_parties", "status", "status_note",
                  "dates", "description", "related", "match"}


def topics_dir(seeds: Path) -> Path:
    return seeds / "topics"


def load_editorial(seeds: Path) -> Editorial:
    """Read the three files; a missing one is empty, an invalid one raises InputError naming it."""
    folder = topics_dir(seeds)
    agreements = _load(folder / "agreements.yml", parse_agreements)
    outlets = _load(folder / "outlets.yml", parse_outlets)
    people, organizations = _load(folder / "aliases.yml", parse_aliases)
    glossary = _load(folder / "glossary.yml", parse_glossary)
    return Editorial(agreements, outlets, people, organizations, glossary)


def _load(path: Path, parse):
    data = load_yaml_file(path) if path.exists() else None
    try:
        return parse(data or {})
    except InputError as error:
        raise InputError(f"{path}: {error}") from None


def parse_agreements(data) -> tuple[Agreement, ...]:
    fields = Fields(data, "agreements file")
    fields.reject_unknown({"vocabulary", "agreements"})
    groups = Fields(fields.get("vocabulary", dict, default={}), "vocabulary")
    vocabulary = {name: tuple(fold(w) for w in groups.strings(name)) for name in groups.data}
    agreements = tuple(_agreement(entry, vocabulary, index)
                       for index, entry in enumerate(fields.get("agreements", list, default=[])))
    ids = [a.id for a in agreements]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise InputError(f"agreement id '{duplicates[0]}' is used twice")
    for agreement in agreements:
        unknown = [r for r in agreement.related if r not in ids]
        if unknown:
            raise InputError(f"agreement '{agreement.id}': related id '{unknown[0]}' is not defined")
    return agreements


def _agreement(entry, vocabulary: dict[str, tuple[str, ...]], index: int) -> Agreement:
    where = f"agreement #{index + 1}"
    fields = Fields(entry, where)
    fields.reject_unknown(AGREEMENT_KEYS)
    agreement_id = fields.get("id", str, required=True)
    fields.where = f"agreement '{agreement_id}'"
    status = fields.get("status", str, required=True)
    if status not in STATUSES:
        raise InputError(f"{fields.where}: status '{status}' is not one of {', '.join(sorted(STATUSES))}")
    known = gazetteer().by_name
    parties = fields.strings("parties", required=True)
    for party in parties:
        if party not in known:
            raise InputError(f"{fields.where}: party '{party}' is not a country name in the gazetteer")
    match = Fields(fields.get("match", dict, default={}), f"{fields.where} match")
    match.reject_unknown({"aliases", "rules", "parties"})
    other_parties = fields.strings("other_parties")
    return Agreement(
        id=agreement_id,
        name=fields.get("name", str, required=True),
        short_name=fields.get("short_name", str) or fields.get("name", str),
        parties=tuple(parties),
        other_parties=tuple(other_parties),
        status=status,
        status_note=fields.get("status_note", str),
        description=" ".join(fields.get("description", str, required=True).split()),
        dates=tuple(_key_date(d, fields.where) for d in fields.get("dates", list, default=[])),
        related=tuple(fields.strings("related")),
        aliases=tuple(fold(a) for a in match.strings("aliases")),
        rules=tuple(_rule(r, vocabulary, fields.where) for r in match.get("rules", list, default=[])),
        by_parties=_party_rule([*parties, *other_parties], vocabulary) if match.get("parties", bool, default=True)
        else None,
    )


def _party_rule(parties: list[str], vocabulary: dict[str, tuple[str, ...]]) -> MatchRule | None:
    """Every party (a country by any of its names or demonyms) with a word for an agreement."""
    words = vocabulary.get("agreement")
    if not words:
        return None
    terms = [(party,) if party in gazetteer().by_name else _party_names(party) for party in parties]
    return MatchRule(all=(*terms, words))


def _party_names(party: str) -> tuple[str, ...]:
    """A party that is not a country, by its name and its initials ("European Union", "EU")."""
    initials = "".join(word[0] for word in party.split() if word[0].isupper())
    return (fold(party), fold(initials)) if len(initials) > 1 else (fold(party),)


def _key_date(entry, where: str) -> KeyDate:
    fields = Fields(entry, f"{where} date")
    return KeyDate(date=_iso_date(fields.get("date", (str, dt.date), required=True), where),
                   event=fields.get("event", str, required=True),
                   approximate=fields.get("approximate", bool, default=False))


def _iso_date(value, where: str) -> str:
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise InputError(f"{where}: '{value}' is not a date (YYYY-MM-DD)") from None


def _rule(entry, vocabulary: dict[str, tuple[str, ...]], where: str) -> MatchRule:
    fields = Fields(entry, f"{where} rule")
    fields.reject_unknown({"all", "none", "published"})
    published = Fields(fields.get("published", dict, default={}), f"{where} rule published")
    published.reject_unknown({"from", "to"})
    start, end = (published.get(k, (str, dt.date)) for k in ("from", "to"))
    return MatchRule(
        all=tuple(_term(t, vocabulary, where) for t in fields.strings("all", required=True)),
        none=tuple(_term(t, vocabulary, where) for t in fields.strings("none")),
        published_from=_iso_date(start, where) if start else None,
        published_to=_iso_date(end, where) if end else None,
    )


def _term(term: str, vocabulary: dict[str, tuple[str, ...]], where: str) -> tuple[str, ...]:
    """A rule term as folded alternatives; '@group' expands, a country's name stays as that name."""
    alternatives: list[str] = []
    for part in (p.strip() for p in term.split("|")):
        if part.startswith("@"):
            if part[1:] not in vocabulary:
                raise InputError(f"{where}: vocabulary group '{part}' is not defined")
            alternatives += vocabulary[part[1:]]
        elif part in gazetteer().by_name:
            alternatives.append(part)
        else:
            alternatives.append(fold(part))
    return tuple(alternatives)


def parse_outlets(data) -> tuple[Outlet, ...]:
    file_fields = Fields(data, "outlets file")
    file_fields.reject_unknown({"outlets"})
    entries = file_fields.get("outlets", list, default=[])
    outlets = []
    for index, entry in enumerate(entries):
        fields = Fields(entry, f"outlet #{index + 1}")
        fields.reject_unknown({"name", "names", "domains", "cues", "mentions", "house_style"})
        name = fields.get("name", str, required=True)
        outlets.append(Outlet(
            name=name,
            names=tuple(dict.fromkeys(fold(n) for n in (name, *fields.strings("names")))),
            domains=tuple(d.lower() for d in fields.strings("domains")),
            cues=tuple(fold(c) for c in fields.strings("cues")),
            mentions=tuple(fold(m) for m in fields.strings("mentions")),
            house_style=tuple(_pattern(p, fields.where) for p in fields.strings("house_style")),
        ))
    names = [n for outlet in outlets for n in outlet.names]
    if repeated := sorted({n for n in names if names.count(n) > 1}):
        raise InputError(f"outlet name '{repeated[0]}' names two outlets")
    return tuple(outlets)


def _pattern(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as error:
        raise InputError(f"{where}: house_style '{pattern}' is not a regular expression: {error}") from None


def parse_aliases(data) -> tuple[tuple[KnownName, ...], tuple[KnownName, ...]]:
    fields = Fields(data, "aliases file")
    fields.reject_unknown({"people", "organizations"})
    return _known_names(fields, "people"), _known_names(fields, "organizations")


def _known_names(fields: Fields, section: str) -> tuple[KnownName, ...]:
    names = []
    for index, entry in enumerate(fields.get(section, list, default=[])):
        entry_fields = Fields(entry, f"{section} #{index + 1}")
        entry_fields.reject_unknown({"name", "role", "aliases"})
        names.append(KnownName(
            name=entry_fields.get("name", str, required=True),
            role=entry_fields.get("role", str),
            aliases=tuple(entry_fields.strings("aliases")),
        ))
    return tuple(names)


def parse_glossary(data) -> tuple[GlossaryTerm, ...]:
    fields = Fields(data, "glossary file")
    fields.reject_unknown({"terms"})
    terms = []
    for index, entry in enumerate(fields.get("terms", list, default=[])):
        term = Fields(entry, f"glossary term #{index + 1}")
        term.reject_unknown({"term", "also", "definition"})
        terms.append(GlossaryTerm(term=term.get("term", str, required=True),
                                  definition=" ".join(term.get("definition", str, required=True).split()),
                                  also=tuple(term.strings("also"))))
    names = [name for t in terms for name in (t.term, *t.also)]
    if repeated := sorted({name for name in names if names.count(name) > 1}):
        raise InputError(f"glossary: '{repeated[0]}' is listed twice")
    return tuple(sorted(terms, key=lambda t: t.term.lower()))
