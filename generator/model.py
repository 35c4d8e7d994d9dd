"""The typed model the pipeline's stages pass along: read → repair → clean → extract → render → write."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from .text import Phrases, fold


class InputError(Exception):
    """An input the generator refuses; the message names the reason, the caller names the file."""


@dataclass(frozen=True)
class Problem:
    """One line a user can act on: which file, and why."""

    path: str
    reason: str
    severity: str = "error"

    def __str__(self) -> str:
        label = "Error" if self.severity == "error" else "Warning"
        return f"{label} reading '{self.path}': {self.reason}"


@dataclass
class Source:
    """Where an article came from and what was done to its bytes."""

    file: str
    """Path of the clipped file, relative to the seeds folder's parent."""
    sha256: str
    encoding: str
    """Codec the bytes were decoded with (``utf-8``, ``utf-8-sig``, ``cp1252``, …)."""
    repairs: dict[str, int] = field(default_factory=dict)
    """What repair changed, by kind (``latin_mojibake``, ``gbk_mojibake``, ``control_chars``…)."""
    removed: list[str] = field(default_factory=list)
    """Clipping debris taken out of the text, kept verbatim on record."""
    dropped: list[str] = field(default_factory=list)
    """Recorded metadata left out because it was unusable, one reason each, naming the record and field."""


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None = None
    """What the text says the person is, e.g. "policy analyst, Migration Policy Institute"."""


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str
    """A name, or a description for anonymous sources ("an administration official")."""
    about: tuple[str, ...] = ()
    """Ids of the agreements the quote itself discusses."""
    role: str | None = None
    """The speaker's role where the article gives one ("acting secretary of homeland security")."""


@dataclass(frozen=True)
class Figure:
    value: str
    """The number as written, normalised ("6,000", "144,000", "a million")."""
    counts: str
    """What it counts, in a few words ("troops", "people taken into custody in May")."""
    sentence: str


@dataclass(frozen=True)
class Mention:
    """A topic an article discusses, with the sentences that show it."""

    id: str
    evidence: tuple[str, ...]
    roles: tuple[str, ...] = ()
    """For a country: its roles for migrants the sentences show (origin, transit, destination)."""


@dataclass
class Article:
    """One clipped article after reading, repair, cleaning and extraction."""

    slug: str
    title: str
    title_generated: bool
    outlet: str | None
    published: str | None
    authors: list[str]
    url: str | None
    note: str | None
    summary: str
    paragraphs: list[str]
    countries: list[Mention]
    """Most mentioned first; ``id`` is the country's common English short name."""
    agreements: list[Mention]
    people: list[Person]
    organizations: list[str]
    quotes: list[Quote]
    figures: list[Figure]
    word_count: int
    source: Source
    inferred: list[str]
    """Front-matter keys the generator inferred from the text rather than took from ``.meta.yml``."""

    @property
    def year(self) -> str:
        """Year of publication, or "undated"."""
        return self.published[:4] if self.published else "undated"

    @property
    def reading_minutes(self) -> int:
        # 230 words a minute is the usual figure for adult reading of news prose.
        return max(1, round(self.word_count / 230))


class Tokens(NamedTuple):
    """Digests of what the pages besides an article's own read from it, made where it is extracted."""

    listed: str
    """Its listed fields (``render.listing_token``): the listings, topic pages and feeds."""
    related: str
    """What related reading reads (``briefing.related_token``)."""


@dataclass(frozen=True)
class KeyDate:
    date: str
    """ISO date."""
    event: str
    approximate: bool = False


@dataclass(frozen=True)
class MatchRule:
    """A sentence discusses an agreement when every ``all`` term is present and no ``none`` term is."""

    all: tuple[tuple[str, ...], ...]
    """Each term is a set of alternatives, already folded; a country's name stands for its aliases."""
    none: tuple[tuple[str, ...], ...] = ()
    published_from: str | None = None
    published_to: str | None = None


@dataclass(frozen=True)
class Agreement:
    id: str
    name: str
    short_name: str
    parties: tuple[str, ...]
    """Countries, by the gazetteer's common English short name."""
    status: str
    description: str
    dates: tuple[KeyDate, ...]
    status_note: str | None = None
    other_parties: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    """Folded phrases that on their own show a sentence discusses the agreement."""
    rules: tuple[MatchRule, ...] = ()
    by_parties: MatchRule | None = None
    """Every party named with agreement vocabulary; taken only where it points to this agreement alone."""


@dataclass(frozen=True)
class Outlet:
    name: str
    domains: tuple[str, ...]
    cues: tuple[str, ...]
    """Folded phrases by which a clipping names itself as this outlet's."""
    mentions: tuple[str, ...]
    """Folded phrases by which any article mentions this outlet."""
    names: tuple[str, ...] = ()
    """Folded other names and credit forms ("afp", "agence france presse"): site names, datelines, credit lines."""
    house_style: tuple[re.Pattern[str], ...] = ()
    """Byline or date lines only this outlet writes."""


@dataclass(frozen=True)
class KnownName:
    """A person or organisation from the editors' alias file."""

    name: str
    aliases: tuple[str, ...]
    role: str | None = None


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    definition: str
    also: tuple[str, ...] = ()
    """Other spellings and abbreviations that get the same explanation."""


@dataclass(frozen=True)
class Editorial:
    """Everything the editors wrote down, validated."""

    agreements: tuple[Agreement, ...]
    outlets: tuple[Outlet, ...]
    people: tuple[KnownName, ...]
    organizations: tuple[KnownName, ...]
    glossary: tuple[GlossaryTerm, ...] = ()

    def outlet_named(self, name: str) -> Outlet | None:
        """The outlet a site name, byline or credit calls by ``name`` ("AFP", "The Guardian"), if listed."""
        key = fold(name)
        return self._outlets_by_name.get(key) or self._outlets_by_name.get(key.removeprefix("the "))

    def outlet_at(self, host: str) -> Outlet | None:
        """The outlet publishing on ``host`` or a subdomain of one of its domains, if listed."""
        return next((o for o in self.outlets if host and any(host == d or host.endswith("." + d) for d in o.domains)),
                    None)

    @cached_property
    def person_by_alias(self) -> dict[str, str]:
        """Each folded name and alias of a known person → the person's name (the first entry wins)."""
        return {fold(alias): k.name for k in reversed(self.people) for alias in (k.name, *k.aliases)}

    @cached_property
    def organization_aliases(self) -> frozenset[str]:
        """Every folded name and alias of the known organisations."""
        return frozenset(fold(alias) for k in self.organizations for alias in (k.name, *k.aliases))

    @cached_property
    def folded_organization_names(self) -> tuple[str, ...]:
        """The folded name of each known organisation, in the file's order."""
        return tuple(fold(k.name) for k in self.organizations)

    @cached_property
    def outlet_mentions(self) -> tuple[Phrases, dict[str, tuple[str, ...]]]:
        """The phrases by which articles mention outlets, and the outlets each phrase names."""
        by_mention: dict[str, list[str]] = {}
        for outlet in self.outlets:
            for mention in outlet.mentions:
                by_mention.setdefault(mention, []).append(outlet.name)
        return Phrases(by_mention), {mention: tuple(names) for mention, names in by_mention.items()}

    @cached_property
    def _outlets_by_name(self) -> dict[str, Outlet]:
        """Every folded name of every outlet, with and without a leading "the"."""
        table: dict[str, Outlet] = {}
        for outlet in reversed(self.outlets):
            for name in outlet.names:
                table[name] = table[name.removeprefix("the ")] = outlet
        return table
