"""Shared fixtures: the seed corpus and editorial data of the repository, and throwaway copies of them.

Paths are computed from this file, never from the current directory, so the suite runs from anywhere.
"""

import shutil
from pathlib import Path

import pytest

from generator.editorial import load_editorial
from generator.extract import sentences_of
from generator.pipeline import display_path, make_article
from generator.read import decode
from generator.repair import repair

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def seed_path(number: int) -> Path:
    """The seed clipping whose name starts with the three-digit ``number``."""
    (path,) = SEEDS.glob(f"{number:03d}_*.txt")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def editorial():
    """The editors' real agreements, outlets and aliases from seeds/topics/."""
    return load_editorial(SEEDS)


@pytest.fixture(scope="session")
def seed_bytes():
    """A seed clipping's bytes, as clipped: ``seed_bytes(4)``."""

    def data(number: int) -> bytes:
        return seed_path(number).read_bytes()

    return data


@pytest.fixture(scope="session")
def seed_text():
    """A seed clipping as text after reading and repair, before cleaning: ``seed_text(3)``."""

    def text(number: int) -> str:
        return repair(decode(seed_path(number).read_bytes()).text)[0]

    return text


@pytest.fixture(scope="session")
def seed_article(editorial):
    """A seed clipping run through the whole pipeline up to the Article: ``seed_article(4)``."""
    made = {}

    def article(number: int):
        if number not in made:
            path = seed_path(number)
            made[number] = make_article(path, display_path(path, SEEDS), editorial)
        return made[number]

    return article


@pytest.fixture(scope="session")
def seed_sentences(seed_article):
    """The sentences extraction sees in a seed clipping: ``seed_sentences(0)``."""

    def sentences(number: int) -> list[str]:
        return sentences_of(seed_article(number).paragraphs)

    return sentences


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright, for the tests that open the built site as a reader would."""
    from playwright.sync_api import sync_playwright
    from sitebuild import CHROMIUM_ARGS, require_chromium

    executable = require_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def tmp_seeds(tmp_path) -> Path:
    """A seeds folder in tmp_path: a topics/ copy of the real editorial YAML and the five seed clippings."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS / "topics", seeds / "topics")
    for path in sorted(SEEDS.glob("*.txt")) + sorted(SEEDS.glob("*.meta.yml")):
        shutil.copy(path, seeds / path.name)
    return seeds
