"""Stage 4d: what no single article gives — the order of events, who said what, where to read next.

Pure functions over the extracted articles and the editorial data; render.py lays them out.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import heapq
import math
import operator
import re
from collections import Counter
from dataclasses import dataclass
from xml.sax.saxutils import escape as xml_escape

from .gazetteer import gazetteer
from .model import Agreement, Article, Editorial, GlossaryTerm, Person, Quote
from .text import fold
from .topics import by_newest

RELATED_SHOWN = 5
# How much a shared topic says about two articles being related, before rarity is counted in.
WEIGHTS = {"agreement": 3.0, "person": 2.0, "country": 1.0}


@dataclass(frozen=True)
class TimelineEntry:
    date: str
    kind: str
    """"agreement" (a key date from the editorial data) or "article" (a publication)."""
    text: str
    link: str
    """Path of the page, relative to the docs folder."""
    approximate: bool = False


def timeline(articles: list[Article], agreements: tuple[Agreement, ...]) -> list[TimelineEntry]:
    """Agreements' key dates and articles' publication dates in one chronological list."""
    entries = [TimelineEntry(d.date, "agreement", f"{a.short_name}: {d.event}", f"agreements/{a.id}.md",
                             d.approximate) for a in agreements for d in a.dates]
    entries += [TimelineEntry(a.published, "article", f"{a.outlet or 'Unknown outlet'}: {a.title}",
                              f"articles/{a.slug}.md") for a in articles if a.published]
    return sorted(entries, key=lambda e: (e.date, e.kind != "agreement", e.link, e.text))


@dataclass(frozen=True)
class Said:
    quote: Quote
    article: Article


def quotes_by_speaker(articles: list[Article]) -> list[tuple[str, str | None, list[Said]]]:
    """(speaker, role, their quotes oldest first); named people first by name, then anonymous sources."""
    roles = {p.name: p.role for a in articles for p in a.people if p.role}
    grouped: dict[str, list[Said]] = {}
    for article in sorted(articles, key=lambda a: (a.published or "9999", a.slug)):
        for quote in article.quotes:
            grouped.setdefault(quote.speaker, []).append(Said(quote, article))
    anonymous = [s for s in grouped if s[:1].islower()]
    named = sorted((s for s in grouped if s not in anonymous), key=str.lower)
    return [(s, roles.get(s), grouped[s]) for s in [*named, *sorted(anonymous)]]


def whos_who(articles: list[Article]) -> list[tuple[Person, list[Article]]]:
    """Everyone named, with the fullest role any article gives and the articles they appear in."""
    people: dict[str, Person] = {}
    appears: dict[str, list[Article]] = {}
    for article in sorted(articles, key=lambda a: (a.published or "9999", a.slug)):
        for person in article.people:
            known = people.get(person.name)
            if known is None or len(person.role or "") > len(known.role or ""):
                people[person.name] = person
            appears.setdefault(person.name, []).append(article)
    return [(people[name], appears[name]) for name in sorted(people, key=str.lower)]


POSTINGS_WINDOW = 120
"""Articles scored per shared topic: the ones nearest in time. Bounds the work per article on any corpus."""


def related_reading(articles: list[Article]) -> dict[str, list[Article]]:
    """For each article (by slug), the most related others: shared agreements, people and countries,
    each weighted by how rare it is in the corpus (a country every article names says little).

    Work per article is bounded, so the whole stays near-linear however densely articles share topics:
    for each topic an article has, only the POSTINGS_WINDOW articles nearest to it in time are scored
    (all of them in a corpus that small), and the top few are picked with a heap, not a full sort.
    """
    ordered = by_newest(articles)
    rank = {a.slug: number for number, a in enumerate(ordered)}
    features = {a.slug: _features(a) for a in articles}
    frequency = Counter(f for fs in features.values() for f in fs)
    total = len(articles)
    # Whole-number weights (millionths) add up exactly, so equal scores tie without rounding per pair.
    weight = {f: round(1e6 * WEIGHTS[f[0]] * math.log(1 + total / count)) for f, count in frequency.items()}
    postings: dict[tuple[str, str], list[int]] = {}
    for article in ordered:  # each list newest first, as ranks
        for feature in features[article.slug]:
            postings.setdefault(feature, []).append(rank[article.slug])
    half = POSTINGS_WINDOW // 2
    limit = max(50, total // 2)
    related = {}
    for article in articles:
        mine = rank[article.slug]
        scores: dict[int, int] = {}
        get = scores.get
        for feature in features[article.slug]:
            # A feature shared by most of the corpus ranks nothing.
            if frequency[feature] > limit:
                continue
            listed = postings[feature]
            at = bisect.bisect_left(listed, mine)
            add = weight[feature]
            for other in listed[max(0, at - half) : at + half + 1]:
                scores[other] = get(other, 0) + add
        scores.pop(mine, None)
        # Highest score first, then the newest (lowest rank): a heap of plain tuples, no key function.
        best = heapq.nsmallest(RELATED_SHOWN, zip(map(operator.neg, scores.values()), scores, strict=True))
        related[article.slug] = [ordered[other] for _, other in best]
    return related


def related_token(article: Article) -> str:
    """A digest of what ``related_reading`` reads of one article but its slug (which is made unique only once
    the corpus is read): its date, agreements, countries and people."""
    return hashlib.sha256(repr((article.published, sorted(_features(article)))).encode()).hexdigest()


def related_digest(articles: list[Article], tokens: list[str] | None = None) -> str:
    """A digest of everything ``related_reading`` reads: each article's slug and ``related_token`` (given, as the
    cache keeps them, or made here). An edit to anything else (an outlet, the authors, a quote) leaves related
    reading as it was; a new title gives the article a new slug, which it reads."""
    digest = hashlib.sha256()
    for article, token in zip(articles, tokens or map(related_token, articles), strict=True):
        digest.update(f"{article.slug}|{token}\n".encode())
    return digest.hexdigest()


def _features(article: Article) -> set[tuple[str, str]]:
    return ({("agreement", m.id) for m in article.agreements} | {("country", m.id) for m in article.countries}
            | {("person", p.name) for p in article.people})


FEED_ENTRIES = 50
"""Articles a feed carries: the newest."""


def atom_feed(articles: list[Article], site_title: str, topic: str | None = None, path: str = "feed.xml",
              page: str = "", updated_fallback: str = "1970-01-01") -> str:
    """An Atom feed of the dated articles, newest first: the site's, or one ``topic``'s. It is written at
    ``path`` and stands for the page at ``page`` (both relative to the site's root; the home page by
    default). Links are relative to the feed, so the feed is right wherever the site is served."""
    root = "../" * path.count("/")
    dated = [a for a in articles if a.published]
    if len(dated) > FEED_ENTRIES:
        # The newest are among those no older than the FEED_ENTRIES-th date: only they are sorted, not the
        # thousands of articles a topic has.
        oldest_kept = heapq.nlargest(FEED_ENTRIES, [a.published for a in dated])[-1]
        dated = [a for a in dated if a.published >= oldest_kept]
    dated = by_newest(dated)[:FEED_ENTRIES]
    updated = dated[0].published if dated else updated_fallback
    entries = "".join(
        f"""  <entry>
    <title>{xml_escape(a.title)}</title>
    <link href="{root}articles/{a.slug}/"/>
    <id>tag:briefing,{a.published}:{a.slug}</id>
    <updated>{a.published}T00:00:00Z</updated>
{''.join(f'    <author><name>{xml_escape(name)}</name></author>' + chr(10) for name in a.authors)}\
    <summary>{xml_escape(a.summary)}</summary>
  </entry>
""" for a in dated)
    feed_id = "tag:briefing,2019:feed" + ("" if path == "feed.xml" else ":" + path.removesuffix(".xml"))
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>{xml_escape(f"{site_title}: {topic}" if topic else site_title)}</title>
  <id>{xml_escape(feed_id)}</id>
  <link rel="self" href="{xml_escape(path.rsplit("/", 1)[-1])}"/>
  <link href="{xml_escape(root + page or "./")}"/>
  <updated>{updated}T00:00:00Z</updated>
  <author><name>{xml_escape(site_title)}</name></author>
{entries}</feed>
"""


def glossary_abbreviations(text: str, glossary: tuple[GlossaryTerm, ...]) -> list[tuple[str, str]]:
    """(spelling, definition) for each glossary term the text uses, for Markdown's abbreviations."""
    found = []
    for term in glossary:
        for spelling in (term.term, *term.also):
            # The substring test first: most terms are absent, and it costs far less than the search.
            if spelling in text and re.search(rf"(?<![\w-]){re.escape(spelling)}(?![\w-])", text):
                found.append((spelling, term.definition))
    return found


CALENDAR = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
            "March", "April", "June", "July", "August", "September", "October", "November", "December")
CONTRACTIONS = re.compile(r"\b(there|here|it|that|what|let|who|he|she)\s(s)\b|\b(they|we|you)\s(re|ve)\b|"
                          r"\b(don|doesn|isn|aren|wasn|can|won|didn)\s(t)\b")


def readable(paragraph: str, articles_names: list[str], sentence_start: bool = True) -> str:
    """A lower-cased, unpunctuated paragraph with the names the generator knows capitalised, "u s" as
    "U.S.", contractions and possessives joined, and its first word capitalised."""
    text = CONTRACTIONS.sub(lambda m: "’".join(g for g in m.groups() if g), paragraph)
    if capitals := _capitals(tuple(articles_names)):
        pattern, written = capitals
        text = pattern.sub(lambda match: written[match[0]], text)
    text = re.sub(r"\b([A-Z][\w.]*) s\b", r"\1’s", text)
    text = re.sub(r"\bi\b", "I", text)
    return text[:1].upper() + text[1:] if sentence_start else text


@functools.lru_cache(maxsize=8)
def _capitals(names: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """One pattern for all of an article's names, each by its lower-cased form: where several start at one
    place, the longest; where they overlap, the first (the old loop, name after name, longest first, chose
    by the order of a set, which changed from run to run: "e u s deal" was "E.U.’s" or "e U.S.").

    The article's paragraphs are all recased with the same names: one pattern for them all, not one per
    name and paragraph (hundreds of outlets' names, each compiled again once Python's cache of 512 is full).
    """
    written: dict[str, str] = {}
    for name in sorted(set(names), key=lambda name: (-len(name), name)):
        if folded := fold(name):
            written.setdefault(folded, name)
    if not written:
        return None
    choices = "|".join(re.escape(folded) for folded in sorted(written, key=lambda folded: (-len(folded), folded)))
    return re.compile(rf"(?<![\w’])(?:{choices})(?![\w’])"), written


def names_for_capitals(article: Article, editorial: Editorial) -> list[str]:
    """Proper nouns to restore in a lower-cased article: its countries (every alias as written in the
    gazetteer), people, organisations and outlets."""
    places = gazetteer()
    names = [alias for m in article.countries for alias in _written_aliases(places, m.id)]
    names += [p.name for p in article.people] + article.organizations
    names += [alias for k in (*editorial.people, *editorial.organizations) for alias in (k.name, *k.aliases)
              if k.name in {p.name for p in article.people} | set(article.organizations)]
    # Outlets by the names articles mention them by ("new york times"), not by words like "time".
    names += [o.name for o in editorial.outlets if o.mentions]
    return names + list(CALENDAR)


def _written_aliases(places, country: str) -> list[str]:
    spelled = {"u s": "U.S.", "u s a": "U.S.A."}
    # Aliases matched only in capitals ("US") are ordinary words in lower case ("us").
    exact = {fold(alias) for alias in places.exact}
    return [country] + [spelled.get(alias) or " ".join(w.capitalize() for w in alias.split())
                        for alias in places.aliases_of(country) if alias not in exact]
