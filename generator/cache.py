"""What the generator already understood, kept between runs so unchanged inputs are not read again.

An article is remembered by the hash of its bytes and of its ``.meta.yml``; the whole cache is
dropped when the editorial files or the generator's own code change, since either can change what
is extracted. The cache is a local file of the editor's machine (``.cache/briefing/``), never input.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .model import Article
from .write import write_atomic_bytes

CACHE_VERSION = 4
PACKAGE = Path(__file__).resolve().parent


@dataclass
class ArticleCache:
    path: Path | None
    fingerprint: str
    articles: dict[str, Article] = field(default_factory=dict)
    """Article (before its slug is made unique) by input key."""
    pages: dict[tuple[str, str], str] = field(default_factory=dict)
    """Rendered article page by (input key, slug)."""
    listings: dict[str, str] = field(default_factory=dict)
    """Rendered year pages of topics, by a digest of what they list (see ``listing``)."""
    listings_used: set[str] = field(default_factory=set)
    related: tuple[str, dict[str, list[str]]] = ("", {})
    """Related reading (slugs by slug) and a digest of everything it was computed from."""
    stamps: dict[str, tuple[tuple[int, ...], str]] = field(default_factory=dict)
    """Input key by file path, with the size and times of the file and its record when it was hashed."""
    loaded_keys: tuple[set, set, set, frozenset, str] | None = None
    """The keys of the articles, pages and listings the cache file held when loaded."""

    @classmethod
    def load(cls, folder: Path | None, seeds: Path) -> ArticleCache:
        fingerprint = code_and_editorial_fingerprint(seeds)
        if folder is None:
            return cls(None, fingerprint)
        path = folder / f"{hashlib.sha256(str(seeds.resolve()).encode()).hexdigest()[:16]}.pickle"
        try:
            version, stored_fingerprint, articles, pages, listings, stamps, related = pickle.loads(  # noqa: S301
                path.read_bytes())
        except (OSError, ValueError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
            return cls(path, fingerprint)
        if (version, stored_fingerprint) != (CACHE_VERSION, fingerprint):
            return cls(path, fingerprint)
        return cls(path, fingerprint, articles, pages, listings, set(), related, stamps,
                   (set(articles), set(pages), set(listings), frozenset(stamps.items()), related[0]))

    def remembered(self, digest: str, compute: Callable[[], dict[str, list[str]]]) -> dict[str, list[str]]:
        """Related reading as computed last time when ``digest`` (of everything it reads) is unchanged."""
        if self.related[0] != digest:
            self.related = (digest, compute())
        return self.related[1]

    def key_of(self, article: Path, record: Path, read_key: Callable[[], str]) -> str:
        """The input key of an article, hashed again only when it or its record changed size or time
        (as make decides what to rebuild): hashing 20,000 files is most of an unchanged run's reading."""
        stamp = tuple(n for file in (article, record) for n in _stat(file))
        known = self.stamps.get(str(article))
        if known and known[0] == stamp:
            return known[1]
        key = read_key()
        self.stamps[str(article)] = (stamp, key)
        return key

    def listing(self, parts: tuple, render: Callable[[], str]) -> str:
        """A page rendered only when what it shows changed: ``parts`` holds everything the page shows, so
        a topic's year page is not rendered again for an edit to an article of another year."""
        digest = hashlib.sha256(repr(parts).encode()).hexdigest()
        self.listings_used.add(digest)
        if digest not in self.listings:
            self.listings[digest] = render()
        return self.listings[digest]

    def save(self, keep: set[str]) -> None:
        """Store the entries of the current inputs only, so the cache never outgrows the corpus.

        Nothing is written when nothing was added or dropped: an unchanged corpus costs no write.
        """
        if self.path is None:
            return
        articles = {key: article for key, article in self.articles.items() if key in keep}
        pages = {key: page for key, page in self.pages.items() if key[0] in keep}
        listings = {key: page for key, page in self.listings.items() if key in self.listings_used}
        stamps = {path: stamp for path, stamp in self.stamps.items() if stamp[1] in keep}
        if (set(articles), set(pages), set(listings), frozenset(stamps.items()), self.related[0]) == self.loaded_keys:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = pickle.dumps((CACHE_VERSION, self.fingerprint, articles, pages, listings, stamps, self.related),
                            protocol=pickle.HIGHEST_PROTOCOL)
        write_atomic_bytes(self.path, data)


def _stat(path: Path) -> tuple[int, int, int]:
    try:
        status = path.stat()
    except FileNotFoundError:
        return (-1, 0, 0)
    return (status.st_size, status.st_mtime_ns, status.st_ctime_ns)


def input_key(article: bytes, meta: bytes | None) -> str:
    digest = hashlib.sha256(article)
    digest.update(b"\0meta\0" + (meta or b""))
    return digest.hexdigest()


def code_and_editorial_fingerprint(seeds: Path) -> str:
    digest = hashlib.sha256()
    sources = sorted(p for p in PACKAGE.rglob("*") if p.suffix in {".py", ".yml", ".j2"})
    editorial = sorted((seeds / "topics").glob("*.y*ml")) if (seeds / "topics").is_dir() else []
    for path in [*sources, *editorial]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
