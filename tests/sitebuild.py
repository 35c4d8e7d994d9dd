"""Helpers shared by the tests that build or serve the whole site."""

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Flags this machine's headless Chromium needs: no sandbox as root, and no background traffic to a closed network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "test-artifacts"


def copy_project(destination: Path) -> Path:
    """mkdocs.yml, the theme overrides, the hand-written docs and the seeds: what `mkdocs build` needs."""
    shutil.copy(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", destination / "docs", ignore=shutil.ignore_patterns(
        "articles", "agreements", "countries", "feeds", "timeline", "quotes", "people", "index.md", "outlets.md",
        ".generator-manifest.json"))
    shutil.copytree(ROOT / "seeds", destination / "seeds")
    shutil.copytree(ROOT / "overrides", destination / "overrides")
    return destination


def mkdocs_env() -> dict[str, str]:
    return {"NO_MKDOCS_2_WARNING": "1", "PATH": os.environ.get("PATH", ""), "SOURCE_DATE_EPOCH": "0"}


def mkdocs_build(project: Path, dirty: bool = False) -> subprocess.CompletedProcess:
    """`mkdocs build --strict`, or with ``dirty`` `mkdocs build --dirty` (which warns on every run)."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--dirty" if dirty else "--strict"], cwd=project,
                          capture_output=True, text=True, env=mkdocs_env())


def index_in_parts(project: Path, pages: int) -> None:
    """Set the briefing plugin to index the site for search in parts of ``pages`` pages."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "      cache: .cache/briefing\n", f"      cache: .cache/briefing\n      search_part: {pages}\n"),
        encoding="utf-8")


@contextlib.contextmanager
def static_server(folder: Path):
    """Serve ``folder`` on 127.0.0.1 at a free port; yields the base URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser closed with requests in flight (the bench closes it once it has measured): no one to answer.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def require_chromium() -> str:
    """Chromium's path; in CI a missing browser fails the run instead of skipping the browser tests."""
    if Path(CHROMIUM).exists():
        return CHROMIUM
    message = f"Chromium not found at {CHROMIUM} (install Debian's chromium, or set CHROMIUM)"
    if os.environ.get("CI"):
        pytest.fail(message + "; CI must run the browser tests")
    pytest.skip(message)


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if "id" in values:
            self.ids.add(values["id"])
        for name in ("href", "src", "xlink:href"):  # xlink:href: the links of the map of relations (SVG)
            if values.get(name):
                self.links.append(values[name])


def parse(page: Path) -> LinkCollector:
    collector = LinkCollector()
    collector.feed(page.read_text(encoding="utf-8"))
    return collector


def broken_links(site: Path) -> tuple[list[str], int]:
    """Every link and anchor of the built site's pages that leads nowhere in it, and how many were checked."""
    pages = {page: parse(page) for page in site.rglob("*.html")}
    broken, checked = [], 0
    for page, collector in pages.items():
        for link in collector.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:", "data:")):
                continue
            if parts.path.startswith("/"):  # 404.html links from the site's root path, wherever it is served
                target = site / unquote(parts.path).split("/", 2)[2]
            else:
                target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.exists():
                broken.append(f"{page.relative_to(site)} links to missing {link}")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if parts.fragment not in ids:
                    broken.append(f"{page.relative_to(site)} links to missing anchor {link}")
    return broken, checked
