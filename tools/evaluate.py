"""Score the generator's extraction on the unseen set (tests/unseen/): precision and recall per field.

    python tools/evaluate.py [--unseen tests/unseen] [--details]

The articles in ``tests/unseen/articles/`` are read with the real editorial data (``seeds/topics/``), as if
an editor had dropped them into ``seeds/``; each is compared with its gold labels in ``tests/unseen/gold/``,
written before the generator was run on it. Scores are micro-averaged over the set: every gold item and
every extracted item counts once. Names are compared case-, accent- and punctuation-blind.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from generator.editorial import load_editorial  # noqa: E402
from generator.model import Article, Editorial  # noqa: E402
from generator.pipeline import read_corpus  # noqa: E402
from generator.suggest import suggest  # noqa: E402


def normal(name: str) -> str:
    """A name as compared: accents, case, dots and extra spaces do not count."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(bare.casefold().replace(".", " ").replace("’", "'").split())


@dataclass
class Score:
    """Counts for one field over the whole set."""

    found: int = 0
    """Items the generator extracted."""
    right: int = 0
    """Extracted items that are in the gold labels."""
    gold: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, where: str, extracted: set[str], gold: set[str]) -> None:
        self.found += len(extracted)
        self.gold += len(gold)
        self.right += len(extracted & gold)
        self.misses += [f"{where}: missed {item!r}" for item in sorted(gold - extracted)]
        self.misses += [f"{where}: wrong {item!r}" for item in sorted(extracted - gold)]

    def line(self, name: str) -> str:
        precision = self.right / self.found if self.found else 1.0
        recall = self.right / self.gold if self.gold else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return f"{name:<12} precision {precision:.2f}  recall {recall:.2f}  F1 {f1:.2f}  ({self.right}/{self.found} " \
               f"extracted right, {self.right}/{self.gold} gold found)"


FIELDS: dict[str, tuple[Callable[[Article], set[str]], Callable[[dict], set[str]]]] = {
    "people": (lambda a: {normal(p.name) for p in a.people}, lambda g: {normal(n) for n in g.get("people") or []}),
    "speakers": (lambda a: {normal(q.speaker) for q in a.quotes},
                 lambda g: {normal(n) for n in g.get("speakers") or []}),
    # An outlet's names are one outlet ("dpa" is "Deutsche Presse-Agentur"): both sides go through outlets.yml.
    "outlet": (lambda a: {normal(_canonical_outlet(a.outlet))} if a.outlet else set(),
               lambda g: {normal(_canonical_outlet(g["outlet"]))} if g.get("outlet") else set()),
    "authors": (lambda a: {normal(n) for n in a.authors}, lambda g: {normal(n) for n in g.get("authors") or []}),
    "countries": (lambda a: {m.id for m in a.countries}, lambda g: set(g.get("countries") or [])),
    "agreements": (lambda a: {m.id for m in a.agreements}, lambda g: set(g.get("agreements") or [])),
    "published": (lambda a: {a.published} if a.published else set(),
                  lambda g: {str(g["published"])} if g.get("published") else set()),
}


@cache
def _outlets() -> Editorial:
    return load_editorial(ROOT / "seeds")


def _canonical_outlet(name: str) -> str:
    outlet = _outlets().outlet_named(name)
    return outlet.name if outlet else name


def _party_set(parties: list[str] | tuple[str, ...]) -> str:
    return " + ".join(sorted(parties))


def evaluate(unseen: Path) -> tuple[dict[str, Score], int, list[str]]:
    """Scores per field, the number of articles scored, and the problems reading them."""
    gold = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in (unseen / "gold").glob("*.yml")}
    with tempfile.TemporaryDirectory() as folder:
        seeds = Path(folder) / "seeds"
        shutil.copytree(ROOT / "seeds" / "topics", seeds / "topics")
        for path in (unseen / "articles").iterdir():
            shutil.copy(path, seeds / path.name)
        corpus = read_corpus(seeds)
    suggested = suggest(corpus.articles, corpus.editorial.agreements)
    scores = {name: Score() for name in FIELDS}
    scores["unlisted"] = Score()
    scored = 0
    for article in corpus.articles:
        stem = Path(article.source.file).stem
        if stem not in gold:
            continue
        scored += 1
        for name, (extracted, expected) in FIELDS.items():
            scores[name].add(stem, extracted(article), expected(gold[stem]))
        # An unlisted agreement counts as suggested for an article when a suggestion with the same parties
        # cites a sentence of that article.
        cited = {_party_set(s.parties) for s in suggested if any(e.file == article.source.file for e in s.evidence)}
        listed_in_gold = gold[stem].get("unlisted_agreements") or []
        scores["unlisted"].add(stem, cited, {_party_set(u["parties"]) for u in listed_in_gold})
    return scores, scored, [str(problem) for problem in corpus.problems]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--unseen", type=Path, default=ROOT / "tests" / "unseen")
    parser.add_argument("--details", action="store_true", help="list every missed and wrong item")
    args = parser.parse_args()
    scores, scored, problems = evaluate(args.unseen)
    for problem in problems:
        print(problem)
    if args.details:
        for name, score in scores.items():
            for miss in score.misses:
                print(f"{name}: {miss}")
    print(f"Unseen set: {scored} articles scored")
    for name, score in scores.items():
        print(score.line(name))


if __name__ == "__main__":
    main()
