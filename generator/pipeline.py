"""The whole pipeline, read → repair → clean → extract → render → write, over a folder of clippings.

One bad file is reported as a Problem and skipped; the rest of the corpus still builds.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import re
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import extract
from .briefing import related_digest, related_reading, related_token
from .cache import ArticleCache, collection_paused, input_key
from .clean import remove_debris, split_paragraphs
from .credits import journalists, read_credits
from .editorial import load_editorial
from .formats import READERS
from .model import Article, Editorial, InputError, Problem, Source, Tokens
from .people import find_cast
from .read import decode, read_article_bytes, read_meta
from .render import listing_token, render_article, render_topic_pages
from .repair import repair
from .slug import article_slug, unique_slugs
from .topics import build_topics
from .write import Pages, WriteReport, write_pages

# Files in seeds/ that are not articles: its own README, the clippers' records, and system litter.
NOT_ARTICLES = re.compile(r"(?i)^(?:readme(?:\..*)?|.*\.meta\.ya?ml|\.ds_store|\.gitkeep|thumbs\.db)$")
ALWAYS_INFERRED = ["outlet", "summary", "countries", "agreements", "people", "organizations", "quotes",
                   "figures", "word_count", "reading_minutes", "tags"]


PARALLEL_FROM = 64
"""Articles to extract, or pages to render, before it pays to start worker processes."""
CHUNK = 32
"""Articles a worker process is given at a time."""


def worker_count() -> int:
    return min(os.cpu_count() or 1, 4)


@contextlib.contextmanager
def worker_pool(initializer: Callable[..., None], *initargs) -> Iterator[ProcessPoolExecutor]:
    """Worker processes that drop the work not yet started when the run fails or is interrupted: on
    leaving, a plain pool waits for every queued article first."""
    pool = ProcessPoolExecutor(max_workers=worker_count(), initializer=initializer, initargs=initargs)
    try:
        yield pool
    except BaseException:
        pool.shutdown(cancel_futures=True)
        raise
    pool.shutdown()


@dataclass
class Corpus:
    editorial: Editorial
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    """Article files found in the seeds folder, whether or not they could be read."""
    keys: list[str] = field(default_factory=list)
    """Each article's input key (hash of its bytes and .meta.yml), in the order of ``articles``."""
    cache: ArticleCache | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def save_cache(self) -> None:
        if self.cache is not None:
            self.cache.save(set(self.keys))


def discover(seeds: Path) -> list[Path]:
    """Every file directly in the seeds folder that may be an article, in name order.

    Editorial data lives in topics/; a file of a format no reader knows is reported, not skipped.
    """
    # scandir knows each entry's type without a stat call: 20,000 fewer at 10,000 articles.
    with os.scandir(seeds) as entries:
        names = sorted(entry.name for entry in entries if entry.is_file() and not NOT_ARTICLES.match(entry.name))
    return [seeds / name for name in names]


def meta_path(article: Path) -> Path:
    return article.with_name(meta_name(article.name))


def meta_name(name: str) -> str:
    """The name of an article's ``.meta.yml``: its own without its last suffix (as ``Path.stem``)."""
    dot = name.rfind(".")
    return (name[:dot] if 0 < dot < len(name) - 1 else name) + ".meta.yml"


def display_path(path: Path, seeds: Path) -> str:
    return f"{seeds.name}/{path.relative_to(seeds).as_posix()}"


def read_corpus(seeds: Path, progress: Callable[[int, int], None] | None = None,
                cache_dir: Path | None = None) -> Corpus:
    """Read and understand every article; problems are collected, not raised.

    ``progress(done, total)`` is called as articles are extracted, for a command line to show.
    With ``cache_dir``, articles whose bytes and ``.meta.yml`` did not change are not read again.
    """
    if not seeds.is_dir():
        raise InputError(f"seeds folder '{seeds}' does not exist")
    try:
        corpus = Corpus(load_editorial(seeds))
    except InputError as error:
        raise InputError(f"Error reading editorial data: {error}") from None
    corpus.cache = cache = ArticleCache.load(cache_dir, seeds)
    inputs: list[tuple[Path, str, str]] = []
    found = discover(seeds)
    corpus.files = len(found)
    folder = str(seeds)
    for path in found:
        name = path.name
        shown = f"{seeds.name}/{name}"  # display_path of a file directly in the seeds folder
        # The article and its meta_path as strings: key_of stats both without making a Path.
        where, record = os.path.join(folder, name), os.path.join(folder, meta_name(name))
        try:
            inputs.append((path, shown, cache.key_of(where, record, lambda path=path: _input_key(path))))
        except InputError as error:
            corpus.problems.append(Problem(shown, str(error)))
        except OSError as error:
            corpus.problems.append(Problem(shown, error.strerror or str(error)))
    misses = [(path, shown) for path, shown, key in inputs if key not in cache.articles]
    extracted = dict(zip((shown for _, shown in misses), _extract_all(misses, corpus.editorial, progress),
                         strict=True))
    by_hash: dict[str, str] = {}
    for _path, shown, key in inputs:
        if key in cache.articles:
            article = cache.articles[key]
            if article.source.file != shown:
                article = dataclasses.replace(article, source=dataclasses.replace(article.source, file=shown))
        elif isinstance(result := extracted[shown], Problem):
            corpus.problems.append(result)
            continue
        else:
            article, cache.tokens[key] = result
            cache.articles[key] = article
        corpus.problems += [Problem(shown, reason, "warning") for reason in article.source.dropped]
        if first := by_hash.get(article.source.sha256):
            corpus.problems.append(Problem(shown, f"same text as '{first}'; only one page is made", "warning"))
            continue
        by_hash[article.source.sha256] = shown
        corpus.articles.append(article)
        corpus.keys.append(key)
    corpus.problems.sort(key=lambda problem: problem.path)
    slugs = unique_slugs([a.slug for a in corpus.articles])
    corpus.articles = [a if a.slug == s else dataclasses.replace(a, slug=s)
                       for a, s in zip(corpus.articles, slugs, strict=True)]
    return corpus


def _input_key(path: Path) -> str:
    meta = meta_path(path)
    return input_key(read_article_bytes(path), meta.read_bytes() if meta.exists() else None)


def _extract_all(jobs: list[tuple[Path, str]], editorial: Editorial,
                 progress: Callable[[int, int], None] | None) -> list[tuple[Article, Tokens] | Problem]:
    """Extract the articles, in worker processes when there are enough to pay for starting them."""
    workers = worker_count()
    with contextlib.ExitStack() as stack:
        if len(jobs) < PARALLEL_FROM or workers < 2:
            extracted = (_extract(job, editorial) for job in jobs)
        else:
            pool = stack.enter_context(worker_pool(_remember_editorial, editorial))
            extracted = pool.map(_extract_in_worker, jobs, chunksize=CHUNK)
        results = []
        for done, result in enumerate(extracted, start=1):
            results.append(result)
            if progress:
                progress(done, len(jobs))
        return results


_WORKER_EDITORIAL: Editorial | None = None
_WORKER_PAGES: list[tuple[Article, list[Article]]] = []


def _remember_editorial(editorial: Editorial) -> None:
    global _WORKER_EDITORIAL
    _WORKER_EDITORIAL = editorial


def _extract_in_worker(job: tuple[Path, str]) -> tuple[Article, Tokens] | Problem:
    assert _WORKER_EDITORIAL is not None
    return _extract(job, _WORKER_EDITORIAL)


@contextlib.contextmanager
def _rendering_in_workers(jobs: list[tuple[Article, list[Article]]],
                          editorial: Editorial) -> Iterator[Callable[[], list[str]]]:
    """Article pages, each with its related reading, rendered in worker processes from the start; what
    it gives waits for them and returns them in the order given.

    The workers are given the articles when they start, and then only which of them to render. Where
    worker processes are forked (Linux before Python 3.14), nothing is copied to give them the articles;
    elsewhere they are pickled once for each worker.
    """
    chunks = [range(start, min(start + CHUNK, len(jobs))) for start in range(0, len(jobs), CHUNK)]
    with worker_pool(_remember_pages, jobs, editorial) as pool:
        results = pool.map(_render_in_worker, chunks)
        yield lambda: [page for pages in results for page in pages]


def _remember_pages(jobs: list[tuple[Article, list[Article]]], editorial: Editorial) -> None:
    global _WORKER_PAGES, _WORKER_EDITORIAL
    _WORKER_PAGES, _WORKER_EDITORIAL = jobs, editorial


def _render_in_worker(chunk: range) -> list[str]:
    assert _WORKER_EDITORIAL is not None
    pages = []
    for index in chunk:
        article, related = _WORKER_PAGES[index]
        pages.append(render_article(article, _WORKER_EDITORIAL, related))
    return pages


def _extract(job: tuple[Path, str], editorial: Editorial) -> tuple[Article, Tokens] | Problem:
    """The article and its tokens, made where it is extracted: a worker, when there are any (in the main
    process, the listing tokens took 0.5 s at 10,000 articles, after the workers had finished)."""
    path, shown = job
    try:
        article = make_article(path, shown, editorial)
        return article, Tokens(listing_token(article), related_token(article))
    except InputError as error:
        return Problem(shown, str(error))
    except OSError as error:
        return Problem(shown, error.strerror or str(error))


def make_article(path: Path, shown: str, editorial: Editorial) -> Article:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        accepted = ", ".join(sorted(READERS))
        raise InputError(f"unsupported file type '{path.suffix or path.name}' (accepted: {accepted})")
    raw = decode(read_article_bytes(path))
    text, repairs = repair(raw.text)
    text, embedded, dropped = reader(text)
    # An unusable field in the clipper's record costs that field (or, unreadable, the record), never the article.
    record = meta_path(path)
    try:
        recorded, unusable = read_meta(record)
    except InputError as error:
        recorded, unusable = {}, [f"ignored whole: {error}"]
    dropped = [f"front matter: {reason}" for reason in dropped] + [f"{record.name}: {reason}" for reason in unusable]
    if embedded.get("authors"):
        embedded["authors"] = journalists(embedded["authors"], editorial)
    meta = embedded | {key: value for key, value in recorded.items() if value}
    body, removed = remove_debris(text)
    body, credits = read_credits(body, editorial)
    removed += credits.removed
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
    if not published and (published := date_from_url(url) or credits.published):
        inferred.append("published")
    cast = find_cast(paragraphs, editorial)
    # An undated article is placed at the latest date its text gives, to tell which period's agreements it means.
    placed = published or extract.date_from_text(sentences)
    quotes = [dataclasses.replace(q, about=extract.quote_agreements(q, placed, editorial.agreements))
              for q in cast.quotes]
    return Article(
        slug=article_slug(published, title),
        title=title,
        title_generated="title" in inferred,
        outlet=extract.find_outlet(meta.get("outlet"), url, credits.outlet, body, editorial),
        published=published,
        authors=meta.get("authors") or credits.authors,
        url=url,
        note=meta.get("note"),
        summary=extract.make_summary(paragraphs),
        paragraphs=paragraphs,
        countries=extract.find_countries(sentences, tuple(p.name for p in cast.people if " " in p.name)),
        agreements=extract.find_agreements(sentences, placed, editorial.agreements),
        people=cast.people,
        organizations=cast.organizations,
        quotes=quotes,
        figures=extract.find_figures(sentences),
        word_count=extract.count_words(paragraphs),
        source=Source(file=shown, sha256=raw.sha256, encoding=raw.encoding, repairs=repairs, removed=removed,
                      dropped=dropped),
        inferred=sorted(inferred),
    )


def date_from_url(url: str | None) -> str | None:
    """Many outlets put the publication date in the address: ``/2019/06/06/``."""
    if url and (match := re.search(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])/", url)):
        return "-".join(match.groups())
    return None


def render_pages(corpus: Corpus) -> Pages:
    """Every generated page, by its path under the output folder, each rendered when first read.

    A page's identity is a digest of everything it is made from, the generator's code and editorial
    data included, so that a page written before with the same identity need not be rendered again.
    """
    cache = corpus.cache or ArticleCache(None, "")
    by_slug = {a.slug: a for a in corpus.articles}
    keys = corpus.keys or [""] * len(corpus.articles)
    # What the listings, topic pages and related reading read from every article; unchanged, they are reused.
    listed = corpus_digest(corpus, cache)
    # Related reading reads fewer fields than the listings: an edit to an outlet or a quote does not compute it again.
    related_inputs = cache.remembered("related inputs", listed, lambda: related_digest(corpus.articles, [
        cache.tokens[key].related if key in cache.tokens else related_token(article)
        for article, key in zip(corpus.articles, keys, strict=True)]))
    slugs = cache.remembered("related", related_inputs, lambda: {
        slug: [a.slug for a in group] for slug, group in related_reading(corpus.articles).items()})
    related = {slug: [by_slug[other] for other in group] for slug, group in slugs.items()}
    pages = Pages()
    unrendered = []
    # What an article's page shows of each article it lists as related: made once per article, not per listing.
    shown_as_related = {a.slug: f"|{a.slug}|{a.title}|{a.outlet}|{a.published}" for a in corpus.articles}
    for article, key in zip(corpus.articles, keys, strict=True):
        # The page lists related articles, so it is cached together with what it lists.
        listed_here = "".join(map(shown_as_related.__getitem__, slugs[article.slug]))
        page_key = hashlib.sha256(f"{key}|{article.slug}|{article.source.file}{listed_here}".encode()).hexdigest()
        if page_key not in cache.pages:
            unrendered.append((page_key, article))
        render = cache.page(page_key, lambda article=article: render_article(
            article, corpus.editorial, related[article.slug]))
        if key:
            # What the search index reads of the page is all of it but the related reading.
            searched = hashlib.sha256(f"{key}|{article.slug}|{article.source.file}".encode()).hexdigest()
            pages.add(f"articles/{article.slug}.md", render, identity=f"{cache.fingerprint}|{page_key}",
                      search_identity=f"{cache.fingerprint}|{searched}")
        else:
            pages.add(f"articles/{article.slug}.md", render)

    def render_topics() -> dict[str, str]:
        return render_topic_pages(corpus.articles, build_topics(corpus.articles, corpus.editorial), corpus.editorial,
                                  cache.listing)

    def topic_pages() -> tuple[dict[str, str], list[str]]:
        # Each page is kept by a digest of its content, so that an edit stores, and writes, only the pages
        # it changed: kept as one value, all of them (41 MB at 10,000 articles) were stored again.
        digests = {}
        for path, content in render_topics().items():
            digests[path] = digest = hashlib.sha256(content.encode()).hexdigest()
            cache.listings.put(digest, content)
        return digests, sorted(cache.listings.used)

    rendered_again: dict[str, str] = {}

    def stored(path: str, digest: str) -> str:
        page = cache.listings.get(digest)
        if page is None:  # another process on the same cache deleted its row meanwhile
            if not rendered_again:
                rendered_again.update(render_topics())
            page = rendered_again[path]
            cache.listings.put(digest, page)  # stored again, for the runs after this one
        return page

    with contextlib.ExitStack() as stack:
        # A cold build renders every article page: in worker processes, while this one renders the topic
        # pages. An edit renders a few, here, when they are written.
        if len(unrendered) >= PARALLEL_FROM and worker_count() > 1:
            jobs = [(article, related[article.slug]) for _, article in unrendered]
            rendered = stack.enter_context(_rendering_in_workers(jobs, corpus.editorial))
        else:
            rendered = None
        topic_digests, listings = cache.remembered("topic pages", listed, topic_pages)
        if rendered:
            for (page_key, _), page in zip(unrendered, rendered(), strict=True):
                cache.pages.put(page_key, page)
    cache.listings.used.update(listings)  # topic and year pages kept for the next edit that changes what is listed
    for path, digest in topic_digests.items():
        pages.add(path, lambda path=path, digest=digest: stored(path, digest),
                  identity=f"{cache.fingerprint}|{digest}|{path}" if corpus.keys else None)
    return pages


def corpus_digest(corpus: Corpus, cache: ArticleCache) -> str:
    """A digest of every article's listed fields (``render.listing_token``) and final slug, in corpus order."""
    digest = hashlib.sha256()
    for article, key in zip(corpus.articles, corpus.keys or [""] * len(corpus.articles), strict=True):
        token = cache.tokens[key].listed if key in cache.tokens else listing_token(article)
        digest.update(f"{article.slug}|{token}\n".encode())
    return digest.hexdigest()


def build(seeds: Path, out: Path, progress: Callable[[int, int], None] | None = None,
          cache_dir: Path | None = None) -> tuple[Corpus, WriteReport]:
    # The run makes millions of objects, almost none of them garbage, and a served site's heap holds every page
    # MkDocs built: the collector would scan them again and again (a sixth of a listed-field edit's
    # regeneration at 10,000 articles).
    with collection_paused(freeze=False):
        corpus = read_corpus(seeds, progress, cache_dir)
        report = write_corpus_pages(corpus, out)
        corpus.save_cache()
    return corpus, report


def write_corpus_pages(corpus: Corpus, out: Path) -> WriteReport:
    """Render and write the corpus's pages under ``out``, remembering in the cache what was written there."""
    written = corpus.cache.state.setdefault("written", {}).setdefault(str(out.resolve()), {}) if corpus.cache else None
    return write_pages(out, render_pages(corpus), written)
