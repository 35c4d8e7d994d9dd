"""What the generator already understood and rendered, kept between runs so unchanged inputs are not
read, extracted or rendered again.

An article is remembered by the hash of its bytes and of its ``.meta.yml``; the whole cache is dropped
when the editorial files or the generator's own code change, since either can change what is extracted.

The cache is one SQLite file per seeds folder (``.cache/briefing/``, a local file of the editor's
machine, never input), with a row per article, per rendered page and per listing, so that an edit
writes the rows it changed: rewriting the whole cache as one pickle took 1.4 s at 10,000 articles.
Pages are fetched only when asked for. Within one process the cache stays open between builds, so
``mkdocs serve`` reads it from disk once, not on every reload.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import Article, Tokens

CACHE_VERSION = 6
PACKAGE = Path(__file__).resolve().parent
TABLES = ("articles", "pages", "listings", "state")

_OPEN: dict[Path, ArticleCache] = {}
"""Caches this process has open, by file: a reload under ``mkdocs serve`` reuses the one in memory."""


class Rows:
    """One table of the cache file: values fetched when first asked for, new ones written on save."""

    def __init__(self, db: sqlite3.Connection | None, table: str):
        self._db, self._table = db, table
        self.values: dict[str, Any] = {}
        self.added: dict[str, Any] = {}
        self.used: set[str] = set()
        self.stored: set[str] = set()
        if db is not None:
            self.stored = {key for (key,) in db.execute(f"SELECT key FROM {table}")}  # noqa: S608

    def __contains__(self, key: str) -> bool:
        return key in self.values or key in self.stored

    def get(self, key: str) -> Any:
        """The value, or None when there is none (also when another process deleted its row meanwhile)."""
        self.used.add(key)
        if key not in self.values and key in self.stored and self._db is not None:
            row = self._db.execute(f"SELECT value FROM {self._table} WHERE key = ?", (key,)).fetchone()  # noqa: S608
            if row is None:
                self.stored.discard(key)
                return None
            self.values[key] = row[0]
        return self.values.get(key)

    def put(self, key: str, value: Any) -> None:
        self.used.add(key)
        self.values[key] = self.added[key] = value

    def save(self, db: sqlite3.Connection, keep: Iterable[str]) -> None:
        keep = set(keep)
        stale = [(key,) for key in self.stored - keep]
        new = [(key, value) for key, value in self.added.items() if key in keep and key not in self.stored]
        db.executemany(f"DELETE FROM {self._table} WHERE key = ?", stale)  # noqa: S608
        db.executemany(f"INSERT OR REPLACE INTO {self._table} (key, value) VALUES (?, ?)", new)  # noqa: S608
        self.stored = (self.stored & keep) | {key for key, _ in new}
        self.values = {key: value for key, value in self.values.items() if key in keep}
        self.added.clear()


@dataclass
class ArticleCache:
    path: Path | None
    fingerprint: str
    db: sqlite3.Connection | None = None
    articles: dict[str, Article] = field(default_factory=dict)
    """Article (before its slug is made unique) by input key."""
    tokens: dict[str, Tokens] = field(default_factory=dict)
    """Digests of what the site's other pages read from each article, by input key."""
    pages: Rows = field(default_factory=lambda: Rows(None, "pages"))
    """Rendered article page, by input key and what its related reading lists."""
    listings: Rows = field(default_factory=lambda: Rows(None, "listings"))
    """Rendered pages: every topic page by a digest of its content (see ``pipeline.render_pages``), and the year
    pages also by a digest of everything they show (see ``listing``), so that one whose rows did not change is
    not rendered again. A year page is therefore stored twice."""
    state: dict[str, Any] = field(default_factory=dict)
    """Whole-corpus values, each a row: input stamps, related reading, the pages written."""
    _stored_articles: set[str] = field(default_factory=set)
    _stored_state: dict[str, bytes] = field(default_factory=dict)
    _stamp: tuple[int, ...] = ()

    @classmethod
    def load(cls, folder: Path | None, seeds: Path) -> ArticleCache:
        fingerprint = code_and_editorial_fingerprint(seeds)
        if folder is None:
            return cls(None, fingerprint)
        path = folder / f"{hashlib.sha256(str(seeds.resolve()).encode()).hexdigest()[:16]}.sqlite"
        live = _OPEN.get(path)
        if live is not None and live.fingerprint == fingerprint and live._stamp == _stat(path):
            live.pages.used.clear()
            live.listings.used.clear()
            return live
        with contextlib.suppress(OSError, sqlite3.Error):
            cache = cls._open(path, fingerprint)
            _OPEN[path] = cache
            return cache
        # An unreadable cache is thrown away and built again: it only ever saves time.
        path.unlink(missing_ok=True)
        cache = cls._open(path, fingerprint)
        _OPEN[path] = cache
        return cache

    @staticmethod
    def forget_open() -> None:
        """Drop the caches this process holds open, so that the next load reads its file from disk."""
        _OPEN.clear()

    @classmethod
    def _open(cls, path: Path, fingerprint: str) -> ArticleCache:
        path.parent.mkdir(parents=True, exist_ok=True)
        # One process at a time writes; serve's builds run in another thread than the one that opened it.
        db = sqlite3.connect(path, timeout=60, check_same_thread=False)
        for table in TABLES:
            db.execute(f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, value)")
        stored = dict(db.execute("SELECT key, value FROM state WHERE key IN ('version', 'fingerprint')"))
        if stored != {"version": str(CACHE_VERSION), "fingerprint": fingerprint}:
            with db:
                for table in TABLES:
                    db.execute(f"DELETE FROM {table}")  # noqa: S608
                db.executemany("INSERT INTO state (key, value) VALUES (?, ?)",
                               [("version", str(CACHE_VERSION)), ("fingerprint", fingerprint)])
        cache = cls(path, fingerprint, db, pages=Rows(db, "pages"), listings=Rows(db, "listings"))
        # What is loaded is frozen below; garbage waiting for collection now (a served site's last build,
        # when the editorial data changed) would be frozen with it and never freed.
        gc.collect()
        with collection_paused():
            for key, value in db.execute("SELECT key, value FROM articles"):
                cache.articles[key], cache.tokens[key] = pickle.loads(value)  # noqa: S301
            for key, value in db.execute("SELECT key, value FROM state WHERE key NOT IN ('version', 'fingerprint')"):
                cache.state[key] = pickle.loads(value)  # noqa: S301
                cache._stored_state[key] = value
        cache._stored_articles = set(cache.articles)
        cache._stamp = _stat(path)
        return cache

    def remembered(self, name: str, digest: str, compute: Callable[[], Any]) -> Any:
        """What ``compute`` returned last time when ``digest`` (of everything it reads) is unchanged."""
        known = self.state.get(name)
        if known is None or known[0] != digest:
            known = self.state[name] = (digest, compute())
        return known[1]

    def key_of(self, article: str, record: str, read_key: Callable[[], str]) -> str:
        """The input key of an article, hashed again only when it or its record changed size or time
        (as make decides what to rebuild): hashing 20,000 files is most of an unchanged run's reading.

        Paths as strings: 20,000 ``Path.stat`` calls cost as much again as the system calls themselves.
        """
        stamp = _stat(article) + _stat(record)
        stamps = self.state.setdefault("stamps", {})
        known = stamps.get(article)
        if known and known[0] == stamp:
            return known[1]
        key = read_key()
        stamps[article] = (stamp, key)
        return key

    def page(self, key: str, render: Callable[[], str]) -> Callable[[], str]:
        """An article page as rendered last time from the same ``key``, else rendered now; fetched or
        rendered only when called, but kept for the next run either way."""
        self.pages.used.add(key)

        def content() -> str:
            page = self.pages.get(key)
            if page is None:
                page = render()
                self.pages.put(key, page)
            return page

        return content

    def listing(self, parts: tuple, render: Callable[[], str]) -> str:
        """A page rendered only when what it shows changed: ``parts`` holds everything the page shows, so
        a topic's year page is not rendered again for an edit to an article of another year."""
        digest = hashlib.sha256(repr(parts).encode()).hexdigest()
        page = self.listings.get(digest)
        if page is None:
            page = render()
            self.listings.put(digest, page)
        return page

    def save(self, keep: set[str]) -> None:
        """Store the entries of the current inputs and the pages of this run only, so the cache never
        outgrows the corpus. Only rows that changed are written: an unchanged corpus costs no write."""
        if self.db is None:
            return
        self.articles = {key: article for key, article in self.articles.items() if key in keep}
        self.tokens = {key: token for key, token in self.tokens.items() if key in keep}
        stamps = self.state.get("stamps", {})
        self.state["stamps"] = {path: stamp for path, stamp in stamps.items() if stamp[1] in keep}
        state = {name: pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL) for name, value in self.state.items()}
        changed_state = [(name, value) for name, value in state.items() if self._stored_state.get(name) != value]
        with self.db:
            self.db.executemany("DELETE FROM articles WHERE key = ?", [(k,) for k in self._stored_articles - keep])
            self.db.executemany("INSERT OR REPLACE INTO articles (key, value) VALUES (?, ?)", [
                (key, pickle.dumps((self.articles[key], self.tokens[key]), protocol=pickle.HIGHEST_PROTOCOL))
                for key in sorted(set(self.articles) - self._stored_articles)])
            self.pages.save(self.db, self.pages.used)
            self.listings.save(self.db, self.listings.used)
            self.db.executemany("INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)", changed_state)
        self._stored_articles = set(self.articles)
        self._stored_state = state
        self._stamp = _stat(self.path)


@contextlib.contextmanager
def collection_paused(freeze: bool = True) -> Iterator[None]:
    """Loading 10,000 articles makes millions of objects, none of them garbage, and Python's cycle
    collector would scan them again and again as they are made (two thirds of the load time).

    ``freeze``: what was made lives as long as the process (a loaded cache: a command's run, a server's
    session), so later collections need not scan it again either.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        if freeze:
            gc.freeze()


def _stat(path: str | Path | None) -> tuple[int, int, int]:
    try:
        status = os.stat(path) if path else None
    except FileNotFoundError:
        status = None
    if status is None:
        return (-1, 0, 0)
    return (status.st_size, status.st_mtime_ns, status.st_ctime_ns)


def input_key(article: bytes, meta: bytes | None) -> str:
    digest = hashlib.sha256(article)
    digest.update(b"\0meta\0" + (meta or b""))
    return digest.hexdigest()


def code_and_editorial_fingerprint(seeds: Path) -> str:
    digest = hashlib.sha256()
    sources = sorted(p for p in PACKAGE.rglob("*") if p.suffix in {".py", ".yml", ".j2", ".txt"})
    editorial = sorted((seeds / "topics").glob("*.y*ml")) if (seeds / "topics").is_dir() else []
    for path in [*sources, *editorial]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
