"""The whole pipeline, read → repair → clean → extract → render → write, over a folder of clippings.

One bad file is reported as a Problem and skipped; the rest of the corpus still builds.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import extract
from .clean import remove_debris, split_paragraphs
from .editorial import load_editorial
from .formats import READERS
from .model import Article, Editorial, InputError, Problem, Source
from .people import find_cast
from .read import decode, read_article_bytes, read_meta
from .render import render_article, render_topic_pages
from .repair import repair
from .slug import article_slug, unique_slugs
from .topics import build_topics
from .write import WriteReport, write_pages

# Files in seeds/ that are not articles: its own README, the clippers' records, and system litter.
NOT_ARTICLES = re.compile(r"(?i)^(?:readme(?:\..*)?|.*\.meta\.ya?ml|\.ds_store|\.gitkeep|thumbs\.db)$")
ALWAYS_INFERRED = ["outlet", "summary", "countries", "agreements", "people", "organizations", "quotes",
                   "figures", "word_count", "reading_minutes", "tags"]


@dataclass
class Corpus:
    editorial: Editorial
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def discover(seeds: Path) -> list[Path]:
    """Every file directly in the seeds folder that may be an article, in name order.

    Editorial data lives in topics/; a file of a format no reader knows is reported, not skipped.
    """
    return sorted(p for p in seeds.iterdir() if p.is_file() and not NOT_ARTICLES.match(p.name))


def meta_path(article: Path) -> Path:
    return article.with_name(article.stem + ".meta.yml")


def display_path(path: Path, seeds: Path) -> str:
    return f"{seeds.name}/{path.relative_to(seeds).as_posix()}"


def read_corpus(seeds: Path, progress: Callable[[int, int], None] | None = None) -> Corpus:
    """Read and understand every article; problems are collected, not raised.

    ``progress(done, total)`` is called after each file, for a command line to show.
    """
    if not seeds.is_dir():
        raise InputError(f"seeds folder '{seeds}' does not exist")
    try:
        corpus = Corpus(load_editorial(seeds))
    except InputError as error:
        raise InputError(f"Error reading editorial data: {error}") from None
    by_hash: dict[str, str] = {}
    paths = discover(seeds)
    for done, path in enumerate(paths, start=1):
        if progress:
            progress(done, len(paths))
        shown = display_path(path, seeds)
        try:
            article = make_article(path, shown, corpus.editorial)
        except InputError as error:
            corpus.problems.append(Problem(shown, str(error)))
            continue
        except OSError as error:
            corpus.problems.append(Problem(shown, error.strerror or str(error)))
            continue
        if first := by_hash.get(article.source.sha256):
            corpus.problems.append(Problem(shown, f"same text as '{first}'; only one page is made", "warning"))
            continue
        by_hash[article.source.sha256] = shown
        corpus.articles.append(article)
    slugs = unique_slugs([a.slug for a in corpus.articles])
    corpus.articles = [dataclasses.replace(a, slug=s) for a, s in zip(corpus.articles, slugs, strict=True)]
    return corpus


def make_article(path: Path, shown: str, editorial: Editorial) -> Article:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        accepted = ", ".join(sorted(READERS))
        raise InputError(f"unsupported file type '{path.suffix or path.name}' (accepted: {accepted})")
    try:
        recorded = read_meta(meta_path(path))
    except InputError as error:
        raise InputError(f"{meta_path(path).name}: {error}") from None
    raw = decode(read_article_bytes(path))
    text, repairs = repair(raw.text)
    text, embedded = reader(text)
    meta = embedded | {key: value for key, value in recorded.items() if value}
    body, removed = remove_debris(text)
    paragraphs = split_paragraphs(body)
    if not paragraphs:
        raise InputError("no article text is left once clipping debris is removed")
    sentences = extract.sentences_of(paragraphs)
    inferred = [key for key in ALWAYS_INFERRED if key not in meta]
    title = meta.get("title")
    if not title:
        title = extract.make_title(paragraphs)
        inferred.append("title")
    url = meta.get("url")
    published = meta.get("published")
    if not published and (published := date_from_url(url)):
        inferred.append("published")
    cast = find_cast(paragraphs, editorial)
    return Article(
        slug=article_slug(published, title),
        title=title,
        title_generated="title" in inferred,
        outlet=meta.get("outlet") or extract.find_outlet(url, text, editorial),
        published=published,
        authors=meta.get("authors") or [],
        url=url,
        note=meta.get("note"),
        summary=extract.make_summary(paragraphs),
        paragraphs=paragraphs,
        countries=extract.find_countries(sentences),
        agreements=extract.find_agreements(sentences, published, editorial.agreements),
        people=cast.people,
        organizations=cast.organizations,
        quotes=cast.quotes,
        figures=extract.find_figures(sentences),
        word_count=extract.count_words(paragraphs),
        source=Source(file=shown, sha256=raw.sha256, encoding=raw.encoding, repairs=repairs, removed=removed),
        inferred=sorted(inferred),
    )


def date_from_url(url: str | None) -> str | None:
    """Many outlets put the publication date in the address: ``/2019/06/06/``."""
    if url and (match := re.search(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])/", url)):
        return "-".join(match.groups())
    return None


def render_pages(corpus: Corpus) -> dict[str, str]:
    """Every generated page, by its path under the output folder."""
    pages = {f"articles/{a.slug}.md": render_article(a, corpus.editorial) for a in corpus.articles}
    topics = build_topics(corpus.articles, corpus.editorial)
    return pages | render_topic_pages(corpus.articles, topics, corpus.editorial)


def build(seeds: Path, out: Path, progress: Callable[[int, int], None] | None = None) -> tuple[Corpus, WriteReport]:
    corpus = read_corpus(seeds, progress)
    return corpus, write_pages(out, render_pages(corpus))
