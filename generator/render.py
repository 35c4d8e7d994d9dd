"""Stage 5: pages as Markdown with YAML front matter, laid out by one Jinja template per page kind.

Everything a template prints is escaped for Markdown and HTML unless it is ``Markup``: article text
is shown literally, so a clipped ``<script>`` or ``[x](javascript:…)`` is text on the page.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import re
from collections.abc import Callable
from functools import cache, lru_cache
from urllib.parse import quote

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import briefing
from .model import Agreement, Article, Editorial
from .reference_pages import NOT_SEARCHED, reference_pages
from .relations import relations_svg
from .slug import slugify
from .text import is_lowercased
from .topics import Evidence, Topics, by_newest, country_slug, grouped

SITE_TITLE = "Safe third country briefing"
LATEST = 5
"""Articles listed on the home page."""
ROLE_NAMES = {"origin": "country of origin", "transit": "transit country", "destination": "destination"}
EVIDENCE_SHOWN = 3
"""Evidence sentences a topic page quotes from each article."""
LISTING_LATEST = 100
"""Articles the all-articles listing shows; beyond that, it links a page per year."""
OUTLET_LATEST = 20
TOPIC_LATEST = 25
"""Articles a topic page shows with their evidence; beyond that, its articles are listed by year."""

# Characters with a meaning in Markdown or in the extensions MkDocs Material enables, written as
# numeric references so they print as themselves (backslash escapes cover only some of them).
MARKDOWN_SPECIAL = re.compile(r"[\\`*_{}\[\]<>&|~^#!$=+]")
LINE_START_SPECIAL = re.compile(r"^(\s*)([-+=>#]|\d+(?=[.)]))", re.MULTILINE)


def escape_markdown(value: object) -> str:
    if isinstance(value, Markup):
        return str(value)
    if value is None:
        return ""
    text = str(value)
    # The listings print the same titles, names and outlets again and again (a million times over the
    # pages of a 10,000-article corpus): short values are remembered, paragraphs are not.
    return _escaped_short(text) if len(text) <= MAX_REMEMBERED else _escaped(text)


MAX_REMEMBERED = 300


@lru_cache(maxsize=65536)
def _escaped_short(text: str) -> str:
    return _escaped(text)


def _escaped(text: str) -> str:
    text = MARKDOWN_SPECIAL.sub(lambda m: f"&#{ord(m.group())};", text)
    return LINE_START_SPECIAL.sub(lambda m: m.group(1) + "".join(f"&#{ord(c)};" for c in m.group(2)), text)


def url(value: str) -> Markup:
    """An address safe inside a Markdown link: http(s) only (checked on input), specials encoded."""
    return Markup(quote(value, safe=":/?#@!$&'*+,;=%-._~"))


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        finalize=escape_markdown,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.globals["evidence_shown"] = EVIDENCE_SHOWN
    env.globals["topic_latest"] = TOPIC_LATEST
    env.globals["outlet_latest"] = OUTLET_LATEST
    env.globals["role_names"] = ROLE_NAMES
    env.filters["url"] = url
    env.filters["slug"] = slugify
    env.filters["raw"] = Markup  # for Markdown the generator itself composed
    return env


# libyaml's safe dumper where PyYAML was built with it: the same output, ten times faster.
SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def front_matter(data: dict) -> str:
    # The safe dumper quotes any string YAML would read as another type ("no", "2024-01-01", "1e3").
    stream = io.StringIO()
    dumper = SafeDumper(stream, default_flow_style=False, allow_unicode=True, width=1_000_000, sort_keys=False)
    dumper.open()
    dumper.serialize(_node(data, dumper))
    dumper.close()
    return f"---\n{stream.getvalue()}---\n"


YAML_TAG = "tag:yaml.org,2002:"


def _node(value: object, dumper: yaml.BaseDumper) -> yaml.Node:
    """The node PyYAML's safe representer makes of ``value``, made directly for the types front matter holds:
    its general dispatch took a third of writing the front matter. Other types go to the representer. One
    difference: a list or map that appears twice is written out twice, where the representer writes an anchor
    and an alias (``&id001``) that an editor reading the page's front matter would have to follow."""
    kind = type(value)
    if kind is str:
        return yaml.ScalarNode(YAML_TAG + "str", value)
    if kind is list:
        return yaml.SequenceNode(YAML_TAG + "seq", [_node(item, dumper) for item in value], flow_style=False)
    if kind is dict:
        return yaml.MappingNode(YAML_TAG + "map", [(_node(key, dumper), _node(item, dumper))
                                                   for key, item in value.items()], flow_style=False)
    if kind is bool:
        return yaml.ScalarNode(YAML_TAG + "bool", "true" if value else "false")
    if kind is int:
        return yaml.ScalarNode(YAML_TAG + "int", str(value))
    if value is None:
        return yaml.ScalarNode(YAML_TAG + "null", "null")
    return dumper.represent_data(value)


def article_front_matter(article: Article, editorial: Editorial) -> dict:
    names = {a.id: a.short_name for a in editorial.agreements}
    source = article.source
    return {
        "title": article.title,
        "title_generated": article.title_generated,
        "outlet": article.outlet,
        "published": article.published,
        "authors": article.authors,
        "url": article.url,
        "note": article.note,
        "summary": article.summary,
        "countries": [m.id for m in article.countries],
        "agreements": [m.id for m in article.agreements],
        "people": [{"name": p.name, "role": p.role} for p in article.people],
        "organizations": article.organizations,
        "quotes": [{"text": q.text, "speaker": q.speaker} | ({"role": q.role} if q.role else {})
                   for q in article.quotes],
        "figures": [{"value": f.value, "counts": f.counts} for f in article.figures],
        "word_count": article.word_count,
        "reading_minutes": article.reading_minutes,
        "source": {
            "file": source.file,
            "sha256": source.sha256,
            "encoding": source.encoding,
            "repairs": dict(sorted(source.repairs.items())),
            "removed": source.removed,
            **({"dropped": source.dropped} if source.dropped else {}),
        },
        "tags": [names.get(m.id, m.id) for m in article.agreements] + [m.id for m in article.countries],
        # Each tag's own page, so that the chips at the top of the page link to it (overrides/partials/tags.html).
        "tag_pages": {names.get(m.id, m.id): f"agreements/{m.id}.md" for m in article.agreements}
        | {m.id: f"countries/{country_slug(m.id)}.md" for m in article.countries},
        "inferred": article.inferred,
    }


def render_article(article: Article, editorial: Editorial, related: list[Article] = ()) -> str:
    agreements = {a.id: a for a in editorial.agreements}
    shown, readable = article, []
    if is_lowercased(article.paragraphs):  # the lede and quotes read like the text below them
        names = briefing.names_for_capitals(article, editorial)
        readable = [briefing.readable(p, names) for p in article.paragraphs]
        shown = dataclasses.replace(article, summary=briefing.readable(article.summary, names), quotes=[
            dataclasses.replace(q, text=readable_quote(q.text, names)) for q in article.quotes])
    body = environment().get_template("article.md.j2").render(
        article=shown,
        agreements=[agreements[m.id] for m in article.agreements],
        related=related,
        readable=readable or None,
    )
    # Markdown abbreviations: each glossary term the page uses is explained on hover.
    text = "\n".join([article.title, *article.paragraphs, *readable])
    terms = briefing.glossary_abbreviations(text, editorial.glossary)
    glossary = "".join(f"\n*[{spelling}]: {definition}" for spelling, definition in terms)
    return front_matter(article_front_matter(article, editorial)) + "\n" + body + (glossary + "\n" if terms else "")


def readable_quote(text: str, names: list[str]) -> str:
    """A quote cut from the middle of a sentence keeps its ellipsis and does not start a sentence."""
    if text.startswith("…"):
        return "…" + briefing.readable(text[1:], names, sentence_start=False)
    return briefing.readable(text, names)


def render_page(template: str, front: dict, **context) -> str:
    body = environment().get_template(template).render(**context)
    return front_matter(front) + "\n" + body


def first_date(agreement: Agreement, event: str) -> str:
    """The date of the agreement's first key date whose event mentions ``event``, or a dash."""
    match = next((d for d in agreement.dates if re.search(rf"\b{event}\b", d.event, re.IGNORECASE)), None)
    if match is None:
        return "—"
    return match.date + (" (approx.)" if match.approximate else "")


LISTED_FIELDS = ("title", "outlet", "published", "authors", "summary", "countries", "agreements", "people", "quotes")
"""What every page but an article's own reads from an article, besides its slug: the topic pages and
listings, the feed, Explore's index and related reading. An edit to anything else (the text, the
figures, the record of the clipping) leaves those pages as they were."""


def listing_token(article: Article) -> str:
    listed = repr(tuple(getattr(article, name) for name in LISTED_FIELDS))
    return hashlib.sha256(listed.encode()).hexdigest()


def render_topic_pages(articles: list[Article], topics: Topics, editorial: Editorial,
                       listing: Listing | None = None) -> dict[str, str]:
    """Every page but the articles' own: agreements, countries, home and listings.

    ``listing(parts, render)`` may return a year page rendered before from the same parts (the cache's).
    """
    listing = listing or (lambda parts, render: render())
    by_id = {a.id: a for a in editorial.agreements}
    names = {a.id: a.short_name for a in editorial.agreements}
    ordered = by_newest(articles)
    article_years = grouped(ordered, lambda article: article.year)
    year_digests = year_page_digests(ordered)
    pages = {
        "index.md": render_page("home.md.j2", {"title": "Home", "hide": ["navigation"]}, articles=ordered,
                                latest=ordered[:LATEST], topics=topics, outlets=topics.outlets, first_date=first_date),
        "agreements/index.md": render_page("agreements.md.j2", {"title": "Agreements"}, topics=topics,
                                           diagram=Markup(relations_svg(editorial.agreements))),
        "countries/index.md": render_page("countries.md.j2", {"title": "Countries"}, topics=topics),
        "articles/index.md": render_page("articles.md.j2", {"title": "Articles"}, articles=ordered[:LISTING_LATEST],
                                         total=len(ordered), years=article_years, names=names),
        "outlets.md": render_page("outlets.md.j2", {"title": "Outlets"}, topics=topics),
    }
    if len(articles) > LISTING_LATEST:
        for year, group in article_years:
            # Everything the page shows, so that a year whose articles did not change is not rendered again.
            pages[f"articles/{year}.md"] = listing(("articles", year, tuple(names.items()), year_digests[year]),
                                                   lambda year=year, group=group: render_page(
                "articles.md.j2", {"title": f"Articles from {year}", **NOT_SEARCHED},
                articles=group, total=len(group), years=article_years, names=names, year=year))
    pages |= reference_pages(articles, editorial, render_page, listing)
    pages |= {
        "glossary.md": render_page("glossary.md.j2", {"title": "Glossary"}, terms=editorial.glossary),
        "explore.md": render_page("explore.md.j2", {"title": "Explore", **NOT_SEARCHED}),
        # ``ordered`` is newest first, undated last, as a feed is: its first FEED_ENTRIES are the feed's.
        "feed.xml": briefing.atom_feed(ordered[: briefing.FEED_ENTRIES], SITE_TITLE),
    }
    for topic in topics.agreements:
        agreement = topic.agreement
        base = f"agreements/{agreement.id}"
        years = list(topic.years.items())
        feed = f"feeds/{base}.xml"
        pages[f"{base}.md"] = render_page(
            "agreement.md.j2", {"title": agreement.name, "tags": [agreement.short_name],
                                "tag_pages": {agreement.short_name: f"{base}.md"}, "feed": feed},
            agreement=agreement, topic=topic, related=[by_id[r] for r in agreement.related],
            items=topic.evidence, years=years, up="../", base=agreement.id, feed=feed)
        pages[feed] = briefing.atom_feed(newest_articles(topic.evidence), SITE_TITLE, agreement.name, feed,
                                         f"{base}/")
        pages |= year_pages(base, agreement.name, topic.evidence, years, listing, year_digests)
    for topic in topics.countries:
        base = f"countries/{topic.slug}"
        years = list(topic.years.items())
        feed = f"feeds/{base}.xml"
        pages[f"{base}.md"] = render_page(
            "country.md.j2", {"title": topic.name, "tags": [topic.name], "tag_pages": {topic.name: f"{base}.md"},
                              "feed": feed},
            topic=topic, items=topic.evidence, years=years, up="../", base=topic.slug, feed=feed)
        pages[feed] = briefing.atom_feed(newest_articles(topic.evidence), SITE_TITLE, topic.name, feed,
                                         f"{base}/")
        pages |= year_pages(base, topic.name, topic.evidence, years, listing, year_digests)
    return pages


Listing = Callable[[tuple, Callable[[], str]], str]


def newest_articles(evidence: list[Evidence]) -> list[Article]:
    """The articles a topic's feed carries: its evidence is newest first, undated last, as a feed is, so they
    are among the first FEED_ENTRIES (a topic of a dense corpus has thousands)."""
    return [item.article for item in evidence[: briefing.FEED_ENTRIES]]


def year_page_digests(ordered: list[Article]) -> dict[str, str]:
    """For each year, a digest of what the year pages (the articles' listing and every topic's) show of the
    articles of that year: each one's date, title, slug and outlet, and the topics that list it, in order.

    One pass over the articles, not over the rows of every year page (128,000 in a dense corpus of 10,000): an
    edit renders again the year pages of the years whose digest changed.
    """
    rows: dict[str, list[str]] = {}
    for article in ordered:
        rows.setdefault(article.year, []).append(repr((
            article.published, article.title, article.slug, article.outlet, [m.id for m in article.agreements],
            [m.id for m in article.countries])))
    return {year: hashlib.sha256("\n".join(group).encode()).hexdigest() for year, group in rows.items()}


def year_pages(base: str, name: str, items: list[Evidence], years, listing: Listing,
               year_digests: dict[str, str]) -> dict[str, str]:
    """A page per year for a topic too big for one page: it lists every article, without evidence.

    ``year_digests``: what the pages of each year show of their articles (``year_page_digests``).
    """
    if len(items) <= TOPIC_LATEST:
        return {}
    counts = tuple((year, len(group)) for year, group in years)
    pages = {}
    for year, group in years:
        # Everything the page shows: its topic and year, the other years and their counts, and its articles.
        parts = ("topic_year", base, name, year, counts, year_digests[year])
        pages[f"{base}/{year}.md"] = listing(parts, lambda year=year, group=group: render_page(
            "topic_year.md.j2", {"title": f"{name}: {year}", **NOT_SEARCHED}, name=name, year=year, items=group,
            years=years, base_name=base.split("/")[-1]))
    return pages
