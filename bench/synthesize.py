"""Make a corpus of N articles that look like the seeds: recombined sentences, varied dates, outlets,
countries and agreements, and a realistic mix of lengths. Deterministic for a given N and seed."""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

import yaml

from generator.clean import remove_debris, split_paragraphs
from generator.gazetteer import gazetteer
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


SHAPES = ("mixed", "dense", "sparse")
"""mixed: the seeds recombined, 2–30 paragraphs. dense: long articles (12–45 sentences) that nearly all name
the story's main countries and agreements, seven outlets, 2015–2026 — every article shares topics with most
others. sparse: short articles, each about its own pair of countries and its own invented officials, so
topics and people are many and rarely shared."""
DENSE_OUTLETS = OUTLETS[:4] + [("https://www.reuters.com/world/{slug}-{y}-{m:02d}-{d:02d}/", "reuters"),
                               ("https://apnews.com/article/{slug}-{n}", "ap"),
                               ("https://www.washingtonpost.com/world/{y}/{m:02d}/{d:02d}/{slug}/", "wapo")]
GIVEN = ["Ana", "Luis", "Marta", "Jorge", "Sofia", "Pedro", "Elena", "Omar", "Fatima", "Ivan", "Lena", "Kofi",
         "Amina", "Tomas", "Irene", "Hugo", "Nadia", "Felix", "Rosa", "Yusuf"]
FAMILY = ["Alvarez", "Brenner", "Castillo", "Dimitrov", "Eriksen", "Fonseca", "Garrido", "Hakimi", "Ibarra",
          "Jansen", "Kowalski", "Lindqvist", "Mendoza", "Novak", "Okafor", "Petrov", "Quintero", "Rahman",
          "Silva", "Takahashi", "Umarov", "Valdez", "Weber", "Yilmaz", "Zamora"]


def synthesize(count: int, out: Path, seed: int = 2019, shape: str = "mixed") -> None:
    rng = random.Random(seed)
    sentences = seed_sentences(ROOT / "seeds")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    shutil.copytree(ROOT / "seeds" / "topics", out / "topics")
    # For the dense shape: the sentences that name the most countries, which carry the story's deals.
    topical = sorted(sentences, key=lambda s: -len(gazetteer().mentions(s)))[: max(20, len(sentences) // 5)]
    if shape not in SHAPES:
        raise ValueError(f"unknown corpus shape '{shape}'")
    countries = sorted(gazetteer().by_name)
    for number in range(count):
        if shape == "dense":
            body = [rng.choice(topical) if rng.random() < 0.4 else rng.choice(sentences)
                    for _ in range(rng.randint(12, 45))]
            paragraphs = [" ".join(body[i : i + 3]) for i in range(0, len(body), 3)]
            year = rng.randint(2015, 2026)
            outlets = DENSE_OUTLETS
        elif shape == "sparse":
            pair = rng.sample(countries, 2)
            # A person of their own for each article (up to 12,500 distinct names).
            person = f"{GIVEN[number % 20]} {FAMILY[number // 20 % 25]} {FAMILY[number // 500 % 25]}"
            paragraphs = [f"{pair[0]} and {pair[1]} signed an agreement on migration, Foreign Minister {person} "
                          f"said on Monday.", " ".join(rng.sample(sentences, 2)),
                          f"“This deal protects people on both sides,” {person.split()[-1]} said."]
            year = rng.randint(2015, 2026)
            outlets = OUTLETS
        elif shape == "mixed":
            paragraphs = [" ".join(rng.sample(sentences, rng.randint(1, 4))) for _ in range(rng.choice(LENGTHS))]
            year = rng.choice([2019, 2019, 2019, 2020, 2021, 2024, 2025, 2025])
            outlets = OUTLETS
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        title = " ".join(rng.choice(sentences).split()[: rng.randint(6, 12)]).rstrip(",.;:")
        slug = "-".join(title.lower().split()[:6])
        pattern, _ = rng.choice(outlets)
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
    parser.add_argument("--shape", choices=SHAPES, default="mixed")
    args = parser.parse_args()
    synthesize(args.count, args.out, shape=args.shape)


if __name__ == "__main__":
    main()
