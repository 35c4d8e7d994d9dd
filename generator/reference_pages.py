"""The story's reference pages: the timeline, who said what and who's who.

A small corpus gets each on one page. A large one gets an index page and parts (a year of the timeline, a
letter of the names): at 10,000 articles the single pages were 2–5 MB of Markdown, which a reader downloads
to find one name, and which every edit to an article's outlet or title made MkDocs convert again whole (a
third of a 46 s `mkdocs serve` reload). In parts, an edit changes the one part that shows the article.

Every page is rendered through ``listing(parts, render)``, with everything it shows as ``parts``, so that a
page an edit did not change is not rendered again.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from .briefing import Said, TimelineEntry, quotes_by_speaker, timeline, whos_who
from .model import Article, Editorial, Person
from .slug import slugify
from .topics import grouped

TIMELINE_ON_ONE_PAGE = 500
"""Timeline entries (key dates and articles) shown on one page; beyond that, a page per year."""
QUOTES_ON_ONE_PAGE = 300
"""Quotes shown on one page; beyond that, a page per initial of the speakers' names."""
PEOPLE_ON_ONE_PAGE = 1000
"""Appearances (links to an article) Who's who shows on one page; beyond that, a page per initial."""
MOST_SHOWN = 25
"""Speakers, or people, an index page names: those in the most articles."""
NOT_SEARCHED = {"search": {"exclude": True}}
"""Front matter that keeps a page out of the search index: year listings only repeat titles found elsewhere."""

Render = Callable[[str, dict], str]
"""``render(template, front_matter, **context)``: a page's Markdown."""
Listing = Callable[[tuple, Callable[[], str]], str]


@dataclass(frozen=True)
class Part:
    """One page of a reference page split in parts."""

    slug: str
    """Its file name without ".md": a year, a letter or "other"."""
    title: str
    count: int


@dataclass(frozen=True)
class Named:
    """A person Who's who's index names, with the part that lists them."""

    name: str
    role: str | None
    count: int
    """Articles that name them."""
    part: str


@dataclass(frozen=True)
class Quoted:
    """A speaker Who said what's index names, with the year pages that quote them."""

    name: str
    role: str | None
    count: int
    """Their quotes."""
    years: tuple[tuple[str, str, int], ...]
    """(year, their heading's id on that year's page, their quotes that year), in the order of the year pages."""


def reference_pages(articles: list[Article], editorial: Editorial, render: Render,
                    listing: Listing) -> dict[str, str]:
    return (timeline_pages(timeline(articles, editorial.agreements), render, listing)
            | quotes_pages(quotes_by_speaker(articles), render, listing)
            | people_pages(whos_who(articles), render, listing))


# --- the timeline, by year ----------------------------------------------------------------------------

def timeline_pages(entries: list[TimelineEntry], render: Render, listing: Listing) -> dict[str, str]:
    years = grouped(entries, lambda entry: entry.date[:4])
    if len(entries) <= TIMELINE_ON_ONE_PAGE:
        return {"timeline.md": listing(("timeline", tuple(entries)), lambda: render(
            "timeline.md.j2", {"title": "Timeline"}, years=years, up=""))}
    parts = [Part(year, year, len(group)) for year, group in years]
    key_dates = [entry for entry in entries if entry.kind == "agreement"]
    pages = {"timeline.md": listing(("timeline index", tuple(parts), tuple(key_dates)), lambda: render(
        "timeline_index.md.j2", {"title": "Timeline"}, parts=parts, key_dates=key_dates, total=len(entries)))}
    for (year, group), part in zip(years, parts, strict=True):
        pages[f"timeline/{year}.md"] = listing(("timeline year", year, tuple(group)), lambda year=year, group=group,
                                               part=part: render(
            "timeline.md.j2", {"title": f"Timeline: {year}", **NOT_SEARCHED}, years=[(year, group)], part=part,
            up="../"))
    return pages


# --- who said what, by year -------------------------------------------------------------------------

def quotes_pages(speakers: list[tuple[str, str | None, list[Said]]], render: Render,
                 listing: Listing) -> dict[str, str]:
    total = sum(len(said) for _, _, said in speakers)
    if total <= QUOTES_ON_ONE_PAGE:
        return {"quotes.md": listing(("quotes", _said_rows(speakers)), lambda: render(
            "quotes.md.j2", {"title": "Who said what"}, speakers=speakers, up=""))}
    # By the year of the article quoted, as the listings and topics are: the newest article's quotes are all on
    # one page, however often its speakers are quoted elsewhere.
    years: dict[str, list[tuple[str, str | None, list[Said]]]] = {}
    quoted_in: dict[str, dict[str, int]] = {}  # each speaker's quotes by year, for the index
    for speaker, role, said in speakers:
        for year, group in grouped(said, lambda s: s.article.year):
            years.setdefault(year, []).append((speaker, role, group))
            quoted_in.setdefault(speaker, {})[year] = len(group)
    ordered = sorted((year for year in years if year != "undated"), reverse=True)
    ordered += ["undated"] if "undated" in years else []
    parts = [Part(year, year, sum(len(said) for _, _, said in years[year])) for year in ordered]
    anchors = {year: _anchors([speaker for speaker, _, _ in years[year]]) for year in ordered}
    most = sorted(speakers, key=lambda s: (-len(s[2]), s[0].lower(), s[0]))[:MOST_SHOWN]
    highlights = [Quoted(speaker, role, len(said), tuple((year, anchors[year][speaker], quoted_in[speaker][year])
                                                          for year in ordered if year in quoted_in[speaker]))
                  for speaker, role, said in most]
    pages = {"quotes.md": listing(("quotes index", tuple(parts), tuple(highlights), len(speakers)), lambda: render(
        "quotes_index.md.j2", {"title": "Who said what"}, parts=parts, most=highlights, total=total,
        speakers=len(speakers)))}
    for part in parts:
        group = years[part.slug]
        pages[f"quotes/{part.slug}.md"] = listing(("quotes year", part, _said_rows(group)),
                                                  lambda group=group, part=part: render(
            "quotes.md.j2", {"title": f"Who said what: {part.title}"}, speakers=group, part=part,
            anchors=anchors[part.slug], up="../"))
    return pages


def _said_rows(speakers: list[tuple[str, str | None, list[Said]]]) -> tuple:
    """Everything a page of quotes shows of its speakers."""
    return tuple((speaker, role, tuple((s.quote.text, s.article.outlet, s.article.title, s.article.slug,
                                         s.article.published) for s in said)) for speaker, role, said in speakers)


# --- who's who, by the person's initial ---------------------------------------------------------------

def people_pages(people: list[tuple[Person, list[Article]]], render: Render, listing: Listing) -> dict[str, str]:
    appearances = sum(len(articles) for _, articles in people)
    if appearances <= PEOPLE_ON_ONE_PAGE:
        return {"people.md": listing(("people", _people_rows(people)), lambda: render(
            "people.md.j2", {"title": "Who's who"}, people=people, up=""))}
    # A–Z, then other names; within a letter, in Who's who's order ("Ébrard" among the E's, after "Ezeta").
    groups = sorted(grouped(people, lambda row: name_part(row[0].name)), key=lambda group: (group[0] == "other",
                                                                                          group[0]))
    parts = [Part(slug, part_title(slug), len(group)) for slug, group in groups]
    most = sorted(people, key=lambda row: (-len(row[1]), row[0].name.lower(), row[0].name))[:MOST_SHOWN]
    # Who's who is a table, whose rows Markdown gives no anchors: a highlight links its letter's page.
    highlights = [Named(person.name, person.role, len(articles), name_part(person.name))
                  for person, articles in most]
    pages = {"people.md": listing(("people index", tuple(parts), tuple(highlights), appearances), lambda: render(
        "people_index.md.j2", {"title": "Who's who"}, parts=parts, most=highlights, total=len(people)))}
    for (slug, group), part in zip(groups, parts, strict=True):
        pages[f"people/{slug}.md"] = listing(("people part", part, _people_rows(group)), lambda group=group, part=part:
                                             render("people.md.j2", {"title": f"Who's who: {part.title}"},
                                                    people=group, part=part, up="../"))
    return pages


def _people_rows(people: list[tuple[Person, list[Article]]]) -> tuple:
    """Everything a page of Who's who shows of its people."""
    return tuple((person.name, person.role, tuple((a.published, a.slug) for a in articles))
                 for person, articles in people)


# --- parts and anchors --------------------------------------------------------------------------------

def name_part(name: str) -> str:
    """The part a name is listed in: its initial without accents ("Ébrard" → "e"), else "other"."""
    # [:1]: a ligature decomposes to two letters ("Ĳsbrand" → "IJsbrand"), filed under the first.
    initial = unicodedata.normalize("NFKD", name[:1]).encode("ascii", "ignore").decode()[:1].lower()
    return initial if "a" <= initial <= "z" else "other"


def part_title(slug: str) -> str:
    return "Other names" if slug == "other" else slug.upper()


def _anchors(names: list[str]) -> dict[str, str]:
    """Each name's anchor on its part's page: its slug, numbered when two names give the same one."""
    taken: set[str] = set()
    anchors = {}
    for name in names:
        anchor = base = slugify(name)
        number = 2
        while anchor in taken:
            anchor, number = f"{base}-{number}", number + 1
        taken.add(anchor)
        anchors[name] = anchor
    return anchors
