"""Make a corpus of N articles that look like the seeds: recombined sentences, varied dates, outlets,
countries and agreements, and a realistic mix of lengths. Deterministic for a given N and seed."""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

import yaml

from generator.clean import remove_debris, split_paragraphs
from generator.pipeline import discover
from generator.read import decode
from generator.repair import repair
from generator.text import split_sentences

ROOT = Path(__file__).resolve().parent.parent
OUTLETS = [("https://www.nytimes.com/{y}/{m:02d}/{d:02d}/us/politics/{slug}.html", "nytimes"),
           ("https://edition.cnn.com/{y}/{m:02d}/{d:02d}/politics/{slug}/index.html", "cnn"),
           ("https://time.com/{n}/{slug}/", "time"),
           ("https://www.newyorker.com/news/{slug}", "newyorker"),
           (None, "unrecorded")]
# Paragraph counts drawn from this mix: mostly news-length, some briefs, a few long reads.
LENGTHS = [2] * 2 + [6] * 5 + [12] * 2 + [30]


def seed_sentences(seeds: Path) -> list[str]:
    sentences = []
    for path in discover(seeds):
        text, _ = repair(decode(path.read_bytes()).text)
        body, _ = remove_debris(text)
        for paragraph in split_paragraphs(body):
            sentences += [s for s in split_sentences(paragraph) if len(s.split()) >= 6]
    return sentences


def synthesize(count: int, out: Path, seed: int = 2019) -> None:
    rng = random.Random(seed)
    sentences = seed_sentences(ROOT / "seeds")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    shutil.copytree(ROOT / "seeds" / "topics", out / "topics")
    for number in range(count):
        paragraphs = [" ".join(rng.sample(sentences, rng.randint(1, 4))) for _ in range(rng.choice(LENGTHS))]
        year = rng.choice([2019, 2019, 2019, 2020, 2021, 2024, 2025, 2025])
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        title = " ".join(rng.choice(sentences).split()[: rng.randint(6, 12)]).rstrip(",.;:")
        slug = "-".join(title.lower().split()[:6])
        pattern, _ = rng.choice(OUTLETS)
        meta = {"title": title, "published": f"{year}-{month:02d}-{day:02d}"}
        if pattern:
            meta["url"] = pattern.format(y=year, m=month, d=day, n=5000000 + number, slug=slug)
        name = f"{number:05d}_synthetic"
        (out / f"{name}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        (out / f"{name}.meta.yml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    synthesize(args.count, args.out)


if __name__ == "__main__":
    main()
