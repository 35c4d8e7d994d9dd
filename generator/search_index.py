"""Stage 7 (after MkDocs' build): the Pagefind index the search box and Explore read, in parts for a big site.

Pagefind writes its filter indexes in whatever order its hash maps give; they are rewritten here in one
order (``make_deterministic``), so that the same pages always give a byte-identical site.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

PAGEFIND_PART = 4000
"""Pages Pagefind indexes in one run. It holds about 350 kB per page until it writes the index (3.5 GB
for 10,000 articles), so a bigger site is indexed in parts (``SearchParts``), which the search worker merges."""
PARTS_FILE = "pagefind-parts.json"
"""At the site's root: the folders of the parts after the first, for the search worker to merge."""


def index_for_search(site: Path, part_size: int = PAGEFIND_PART, rebuilt: set[str] | None = None) -> None:
    """Index the built site with Pagefind, which the header's search box reads a fragment at a time.

    A site of more than ``part_size`` pages is indexed in parts (``SearchParts``). With ``rebuilt`` (the pages a
    ``--dirty`` build wrote whose searchable content may have changed), only the parts holding one of them are
    indexed again.

    Material's search plugin still writes search/search_index.json, with every page's text; the
    page only needs its ``config`` now, so the documents are dropped and a reader never downloads them.
    """
    pages = searched_pages(site)
    layout = SearchParts.of(pages, part_size)
    parts: list[list[str]] = [[] for _ in range(layout.count)]
    for page in pages:
        parts[layout.part_of(page)].append(page)
    folders = layout.folders()
    # The folders name the layout: a part count split otherwise between listings and articles gives other
    # folders, so every part is indexed again (pages hash to other parts then). A part no page hashed to has no
    # bundle, and the search worker is not told of one.
    extra = [f"{folder}/" for folder, part in zip(folders[1:], parts[1:], strict=True) if part]
    parts_file = site / PARTS_FILE
    same_parts = parts_file.exists() and json.loads(parts_file.read_text(encoding="utf-8")) == extra
    # By address, not by the pages found: a removed page's part must be indexed again without it.
    changed = {layout.part_of(page) for page in rebuilt} if rebuilt is not None else set(range(layout.count))
    for number, part in enumerate(parts, start=1):
        output = site / folders[number - 1]
        if same_parts and output.exists() and number - 1 not in changed:
            continue
        shutil.rmtree(output, ignore_errors=True)  # Pagefind would leave the last index's files beside its own
        if not part and number > 1:
            continue
        # Each part, a small site's one too, is a tree of hard links to its pages: Pagefind records the same
        # addresses and never sees the pages kept out.
        with tempfile.TemporaryDirectory(dir=site.parent, prefix=".pagefind-part-") as folder:
            for page in part:
                _link(site / page, Path(folder) / page)
            _run_pagefind(Path(folder), output)
        make_deterministic(output)
    for stale in site.glob("pagefind-*/"):
        if f"{stale.name}/" not in extra:
            shutil.rmtree(stale)
    parts_file.write_text(json.dumps(extra) + "\n", encoding="utf-8")
    material_index = site / "search" / "search_index.json"
    if material_index.exists():
        data = json.loads(material_index.read_text(encoding="utf-8"))
        material_index.write_text(json.dumps({"config": data["config"], "docs": []}), encoding="utf-8")


def searched_pages(site: Path) -> list[str]:
    """The built pages the index holds, by their paths in ``site``, in order. A page kept out of search
    (``search: exclude``: the year listings, which repeat the titles of the articles and topics; the 404 page)
    is left out: Pagefind need not read it."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html") if not kept_out_of_search(path))


KEPT_OUT = b'<meta name="briefing-search" content="exclude">'
"""What the theme (overrides/main.html) puts in the head of a page kept out of search: one whose front matter
says ``search: exclude``, and the 404 page."""


def kept_out_of_search(path: Path) -> bool:
    """Whether a built page is marked to be kept out of search: its head is read, not the page (a year listing
    of a large corpus is hundreds of kilobytes)."""
    head = b""
    with path.open("rb") as html:
        while b"</head>" not in head and (chunk := html.read(8192)):
            head += chunk
    return KEPT_OUT in head.partition(b"</head>")[0]


@dataclass(frozen=True)
class SearchParts:
    """How a site too big for one Pagefind run is split: the pages that list others (topics, listings, the
    briefing pages) in parts of their own, the articles in the rest, each page in the part its address
    hashes to, so that a page stays in its part while others come and go.

    An edit to what the listings show (a title, an outlet) changes dozens of listing pages and one article:
    spread over every part, they had every part indexed again (26 s of a 46 s reload at 10,000 articles).
    """

    listing_parts: int
    article_parts: int

    @classmethod
    def of(cls, pages: list[str], part_size: int) -> SearchParts:
        if len(pages) <= part_size:
            return cls(1, 0)
        articles = sum(1 for page in pages if is_article_page(page))
        return cls(max(1, math.ceil((len(pages) - articles) / part_size)), math.ceil(articles / part_size))

    @property
    def count(self) -> int:
        return self.listing_parts + self.article_parts

    def folders(self) -> list[str]:
        """Each part's folder in the site, in order: the first is "pagefind", which the search box loads first."""
        listings = [f"pagefind-listings-{number}" for number in range(2, self.listing_parts + 1)]
        return ["pagefind", *listings, *[f"pagefind-articles-{number}" for number in range(1, self.article_parts + 1)]]

    def part_of(self, page: str) -> int:
        """The part (0 for the first) a page's address, relative to the site, is indexed in."""
        if self.article_parts and is_article_page(page):
            return self.listing_parts + _address_hash(page) % self.article_parts
        return _address_hash(page) % self.listing_parts


def is_article_page(page: str) -> bool:
    """Whether a built page is an article's: its folder is the article's slug, a date (or "undated") and the
    title's words, where a year listing's is the year alone."""
    folders = page.split("/")
    return len(folders) == 3 and folders[0] == "articles" and "-" in folders[1]


def _address_hash(page: str) -> int:
    return int(hashlib.sha256(page.encode()).hexdigest()[:8], 16)


def _link(page: Path, link: Path) -> None:
    link.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(page, link)
    except OSError:  # another file system, or one without hard links
        shutil.copyfile(page, link)


def _run_pagefind(site: Path, output: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(output),
                             "--silent", "--root-selector", "article.md-content__inner",
                             "--exclude-selectors", ".headerlink"], capture_output=True, text=True)
    if result.returncode != 0:
        raise PluginError(f"briefing: Pagefind could not index the site: {result.stderr.strip()}")


SIGNATURE = b"pagefind_dcd"
"""What every compressed Pagefind index file starts with, before its CBOR."""


FILTERS_IN_META = 3
"""Where the metadata index lists the filter indexes, [[name, file], …]: [version, pages, words, filters, …]."""


def make_deterministic(bundle: Path) -> None:
    """Rewrite a Pagefind bundle's filter indexes with their values in order, named after their content,
    and its metadata index with its list of filters in order and their new names."""
    renamed: dict[str, str] = {}
    for path in sorted((bundle / "filter").glob("*.pf_filter")):
        ordered = _sorted_array(_read(path), 1)  # [name, [[value, [page, …]], …]]
        name = _content_name(path.stem, ordered)
        path.unlink()
        _write(path.with_name(name + path.suffix), ordered)
        renamed[path.stem] = name
    (meta_path,) = bundle.glob("*.pf_meta")
    meta = _read(meta_path)
    for old, new in renamed.items():
        meta = meta.replace(old.encode(), new.encode())  # the same length: the CBOR around it is unchanged
    meta = _sorted_array(meta, FILTERS_IN_META)
    old_name = meta_path.stem.removeprefix("pagefind.")
    new_name = _content_name(old_name, meta)
    meta_path.unlink()
    _write(bundle / f"pagefind.{new_name}.pf_meta", meta)
    entry = bundle / "pagefind-entry.json"
    entry.write_text(entry.read_text(encoding="utf-8").replace(f'"{old_name}"', f'"{new_name}"'), encoding="utf-8")


def _read(path: Path) -> bytes:
    content = gzip.decompress(path.read_bytes())
    if not content.startswith(SIGNATURE):
        raise PluginError(f"briefing: '{path}' is not a Pagefind index file")
    return content


def _write(path: Path, content: bytes) -> None:
    path.write_bytes(gzip.compress(content, mtime=0))


def _content_name(name: str, content: bytes) -> str:
    """A name like Pagefind's (language, underscore, hex digits of the same count), from the content."""
    language, digits = re.fullmatch(r"(.+)_([0-9a-f]+)", name).groups()
    return f"{language}_{hashlib.sha256(content).hexdigest()[: len(digits)]}"


def _sorted_array(content: bytes, index: int) -> bytes:
    """The index file with the entries of the array at ``index`` in its top-level array sorted. The CBOR of
    each entry is moved whole, so nothing is decoded into values and encoded again."""
    (major, count), at = _header(content, len(SIGNATURE))
    if major != 4 or count <= index:
        raise PluginError("briefing: a Pagefind index file of an unexpected shape")
    for _ in range(index):
        at = _skip(content, at)
    (major, count), body = _header(content, at)
    if major != 4:
        raise PluginError("briefing: a Pagefind index file of an unexpected shape")
    entries, at = [], body
    for _ in range(count):
        end = _skip(content, at)
        entries.append(content[at:end])
        at = end
    return content[:body] + b"".join(sorted(entries)) + content[at:]


def _header(data: bytes, at: int) -> tuple[tuple[int, int], int]:
    """A CBOR item's major type and argument (length, count or value), and where its content starts."""
    initial = data[at]
    major, info = initial >> 5, initial & 31
    if info < 24:
        return (major, info), at + 1
    size = {24: 1, 25: 2, 26: 4, 27: 8}.get(info)
    if size is None:
        raise PluginError("briefing: unexpected CBOR in a Pagefind index")
    return (major, int.from_bytes(data[at + 1 : at + 1 + size], "big")), at + 1 + size


def _skip(data: bytes, at: int) -> int:
    """Where the CBOR item at ``at`` ends."""
    (major, argument), at = _header(data, at)
    if major in (0, 1, 7):
        return at
    if major in (2, 3):
        return at + argument
    if major == 4:
        for _ in range(argument):
            at = _skip(data, at)
        return at
    if major == 5:
        for _ in range(2 * argument):
            at = _skip(data, at)
        return at
    return _skip(data, at)  # a tag: its content follows
