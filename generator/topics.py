"""Stage 4c: gather what every article says about one agreement or one country, with the evidence."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from .datafile import load_package_yaml
from .extract import discusses, terms_in
from .gazetteer import gazetteer
from .model import Agreement, Article, Editorial, Person, Quote
from .slug import slugify
from .text import fold


@dataclass(frozen=True)
class Evidence:
    """An article that discusses a topic, and the sentences that show it."""

    article: Article
    sentences: tuple[str, ...]


@dataclass
class AgreementTopic:
    agreement: Agreement
    evidence: list[Evidence] = field(default_factory=list)
    """Newest article first."""
    quotes: list[tuple[Quote, Article]] = field(default_factory=list)


@dataclass
class CountryTopic:
    name: str
    slug: str
    evidence: list[Evidence] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    people: list[tuple[Person, bool]] = field(default_factory=list)
    """People whose role ties them to the country, and whether any article quotes them."""
    roles: dict[str, int] = field(default_factory=dict)
    """Its roles for migrants (origin, transit, destination), by the number of articles that show each."""
    mentions: int = 0


@dataclass
class Topics:
    agreements: list[AgreementTopic]
    countries: list[CountryTopic]
    """Most mentioned first."""
    outlets: dict[str, list[Article]]


def newest_first(article: Article) -> tuple:
    # Undated articles go last; ties break on the slug so the order never depends on input order.
    return (article.published is None, "" if article.published is None else _negate(article.published), article.slug)


def _negate(date: str) -> str:
    return "".join(chr(ord("9") - int(c) + ord("0")) if c.isdigit() else c for c in date)


def build_topics(articles: list[Article], editorial: Editorial) -> Topics:
    ordered = sorted(articles, key=newest_first)
    return Topics(
        agreements=[_agreement_topic(a, ordered) for a in editorial.agreements],
        countries=_country_topics(ordered, editorial),
        outlets=_outlets(ordered),
    )


def _agreement_topic(agreement: Agreement, articles: list[Article]) -> AgreementTopic:
    topic = AgreementTopic(agreement)
    for article in articles:
        mention = next((m for m in article.agreements if m.id == agreement.id), None)
        if mention is None:
            continue
        topic.evidence.append(Evidence(article, mention.evidence))
        for quote in article.quotes:
            if discusses(agreement, terms_in(quote.text), article.published):
                topic.quotes.append((quote, article))
    return topic


def _country_topics(articles: list[Article], editorial: Editorial) -> list[CountryTopic]:
    counts: Counter[str] = Counter()
    topics: dict[str, CountryTopic] = {}
    for article in articles:
        for mention in article.countries:
            topic = topics.setdefault(mention.id, CountryTopic(mention.id, country_slug(mention.id)))
            topic.evidence.append(Evidence(article, mention.evidence))
            counts[mention.id] += 1
    # A party to an agreement has its page even when no article names it, so agreement pages link to it.
    for agreement in editorial.agreements:
        for party in agreement.parties:
            topics.setdefault(party, CountryTopic(party, country_slug(party)))
    for topic in topics.values():
        topic.mentions = counts[topic.name]
        topic.agreements = [a for a in editorial.agreements if topic.name in a.parties]
        topic.people = _people_of(topic.name, articles)
        topic.roles = _roles_of(topic)
    return sorted(topics.values(), key=lambda t: (-t.mentions, t.name))


def _people_of(country: str, articles: list[Article]) -> list[tuple[Person, bool]]:
    """People whose role names the country ("Mexican foreign minister", "President of Guatemala")."""
    quoted = {quote.speaker for article in articles for quote in article.quotes}
    people: dict[str, Person] = {}
    for article in articles:
        for person in article.people:
            if person.role and any(c.name == country for c in gazetteer().mentions(person.role)):
                people.setdefault(person.name, person)
    return [(people[name], name in quoted) for name in sorted(people)]


def _roles_of(topic: CountryTopic) -> dict[str, int]:
    """Count the articles whose sentences show the country as origin, transit or destination."""
    patterns = role_patterns(topic.name)
    counts = {role: 0 for role in patterns}
    for item in topic.evidence:
        folded = [gazetteer().mask_non_countries(f" {fold(sentence)} ") for sentence in item.sentences]
        for role, pattern in patterns.items():
            counts[role] += any(pattern.search(sentence) for sentence in folded)
    return {role: count for role, count in counts.items() if count}


@cache
def role_patterns(country: str) -> dict[str, re.Pattern[str]]:
    aliases = "|".join(re.escape(a) for a in gazetteer().aliases_of(country))
    cues = load_package_yaml("roles.yml")
    patterns = {}
    for role, phrases in cues.items():
        alternatives = [re.escape(fold(p)).replace("country", f"(?:{aliases})") for p in phrases]
        patterns[role] = re.compile(rf" (?:{'|'.join(alternatives)}) ")
    return patterns


def _outlets(articles: list[Article]) -> dict[str, list[Article]]:
    outlets: dict[str, list[Article]] = {}
    for article in articles:
        outlets.setdefault(article.outlet or "Outlet unknown", []).append(article)
    return dict(sorted(outlets.items(), key=lambda item: (item[0] == "Outlet unknown", item[0].lower())))


def country_slug(name: str) -> str:
    return slugify(name)
