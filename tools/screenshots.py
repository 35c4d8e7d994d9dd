"""Retake the README's screenshots: builds the site, serves it on 127.0.0.1 and photographs pages in
headless Chromium (CHROMIUM, default /usr/bin/chromium).

    python tools/screenshots.py

Every request to another host is refused, as a reader offline would see the site.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from sitebuild import CHROMIUM, CHROMIUM_ARGS, mkdocs_env, static_server  # noqa: E402

OUT = ROOT / "docs" / "assets" / "screenshots"
SHOTS = [
    ("home", "", None),
    ("agreement", "agreements/us-guatemala-aca-2019/", None),
    ("timeline", "timeline/", None),
    ("explore", "explore/?q=tariffs&country=Guatemala&year=2019",
     lambda page: page.locator(".briefing-explore__results li").first.wait_for()),
    ("chips", "articles/2019-07-11-us-getting-closer-to-safe-third-country-agreement-with/",
     lambda page: page.locator("nav.md-tags a", has_text="US–Guatemala ACA (2019)").focus()),
    ("article", "articles/2019-06-10-president-trump-wants-asylum-seekers-to-stay-in-mexico-here/#full-text", None),
    ("map", "agreements/#map-of-relations", None),
    ("quotes", "quotes/#kristi-noem", None),
    ("glossary-hover", "articles/2019-07-11-us-getting-closer-to-safe-third-country-agreement-with/#full-text",
     lambda page: page.locator("article abbr", has_text="Northern Triangle").first.hover()),
]


def main() -> None:
    argparse.ArgumentParser(description=__doc__).parse_args()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=ROOT, env=mkdocs_env(),
                   check=True)
    OUT.mkdir(parents=True, exist_ok=True)
    with static_server(ROOT / "site") as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.route(lambda address: not address.startswith(url), lambda route: route.abort())
        for name, path, action in SHOTS:
            page.goto(url + path)
            if action:
                action(page)
            page.wait_for_timeout(1500)
            page.screenshot(path=OUT / f"{name}.png")
        browser.close()


if __name__ == "__main__":
    main()
