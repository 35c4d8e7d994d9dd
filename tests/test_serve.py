"""`mkdocs serve` as an editor runs it: seeds are watched, edits reach the open page, idle means idle."""

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect
from sitebuild import copy_project, mkdocs_env

BUILT = "Documentation built in"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, timeout: float = 60, message: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {message}")


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


@pytest.fixture
def server(tmp_path):
    """A live `mkdocs serve` of a copy of the project; yields (project, base URL, log reader)."""
    project = copy_project(tmp_path)
    port = free_port()
    log_path = tmp_path / "serve.log"
    with log_path.open("w") as log:
        # As `make serve` runs it: --dirty, so that a reload rebuilds only the pages an edit changed.
        process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr",
                                    f"127.0.0.1:{port}"], cwd=project, stdout=log, stderr=subprocess.STDOUT,
                                   env=mkdocs_env())
        url = f"http://127.0.0.1:{port}/safe-third-country-briefing/"

        def read_log() -> str:
            return log_path.read_text(encoding="utf-8")

        try:
            wait_for(lambda: status(url) == 200, message=f"mkdocs serve to answer:\n{read_log()}")
            yield project, url, read_log
        finally:
            process.terminate()
            process.wait(timeout=30)


def test_editing_a_seed_reloads_the_page_in_the_browser(server, browser):
    project, url, read_log = server
    page = browser.new_page()
    page.goto(url + "articles/2019-07-11-us-getting-closer-to-safe-third-country-agreement-with/")
    expect(page.locator("article")).to_contain_text("“Every week it’s closer,” said an administration official.")
    # The preview's policy lets MkDocs' inline live-reload script run (its text changes every build).
    expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).to_have_attribute(
        "content", re.compile(r"script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'"))
    article = next((project / "seeds").glob("003_*.txt"))
    article.write_text(article.read_text(encoding="utf-8").replace("Every week", "Every single week"),
                       encoding="utf-8")
    # No navigation by the test: the served page reloads itself once the rebuild is done.
    expect(page.locator("article")).to_contain_text("“Every single week it’s closer,”", timeout=60_000)
    page.close()


def test_idle_server_does_not_rebuild_and_deleted_article_disappears(server):
    project, url, read_log = server
    time.sleep(3)
    assert read_log().count(BUILT) == 1, read_log()
    page = url + "articles/2019-07-12-the-trump-administration-is-expected-to-announce-a-major/"
    assert status(page) == 200
    next((project / "seeds").glob("001_*.txt")).unlink()
    wait_for(lambda: read_log().count(BUILT) >= 2, message="a rebuild after the deletion")
    assert status(page) == 404
    time.sleep(3)
    assert read_log().count(BUILT) == 2, "the server kept rebuilding with nothing changed"


def test_input_error_is_a_warning_while_serving(server):
    project, url, read_log = server
    (project / "seeds" / "999_broken.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    wait_for(lambda: read_log().count(BUILT) >= 2, message="a rebuild after the bad file")
    assert "WARNING -  Error reading 'seeds/999_broken.txt': file is binary, not text" in read_log()
    assert status(url) == 200
