"""Helpers shared by the tests that build or serve the whole site."""

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

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
        "articles", "agreements", "countries", "index.md", "outlets.md", ".generator-manifest.json"))
    shutil.copytree(ROOT / "seeds", destination / "seeds")
    shutil.copytree(ROOT / "overrides", destination / "overrides")
    return destination


def mkdocs_env() -> dict[str, str]:
    return {"NO_MKDOCS_2_WARNING": "1", "PATH": os.environ.get("PATH", ""), "SOURCE_DATE_EPOCH": "0"}


def mkdocs_build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                          capture_output=True, text=True, env=mkdocs_env())


@contextlib.contextmanager
def static_server(folder: Path):
    """Serve ``folder`` on 127.0.0.1 at a free port; yields the base URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


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
