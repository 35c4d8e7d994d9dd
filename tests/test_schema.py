"""Every generated article page's front matter matches the checked-in JSON Schema."""

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.pipeline import read_corpus, render_pages

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "schema" / "article.schema.json").read_text(encoding="utf-8"))


def front_matter(page: str) -> dict:
    _, header, _ = page.split("---\n", 2)
    return yaml.safe_load(header)


@pytest.fixture(scope="module")
def seed_pages() -> dict[str, str]:
    return render_pages(read_corpus(ROOT / "seeds"))


def test_schema_is_itself_valid():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_every_seed_page_matches_the_schema(seed_pages):
    articles = {path: page for path, page in seed_pages.items()
                if path.startswith("articles/") and path != "articles/index.md"}
    assert len(articles) == 5
    for path, page in articles.items():
        errors = list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(front_matter(page)))
        assert not errors, f"{path}: {errors[0].message}"


def test_schema_rejects_a_page_missing_a_key(seed_pages):
    data = front_matter(next(iter(seed_pages.values())))
    del data["countries"]
    assert not jsonschema.Draft202012Validator(SCHEMA).is_valid(data)
