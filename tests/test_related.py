"""Related reading stays bounded per article on corpora where every article shares its topics."""

from generator import briefing
from generator.model import Article, Mention, Source


def article(number: int, countries: list[str], published: str) -> Article:
    return Article(slug=f"a{number:04d}", title=f"A{number}", title_generated=False, outlet=None, published=published,
                   authors=[], url=None, note=None, summary="", paragraphs=["x"],
                   countries=[Mention(c, ()) for c in countries], agreements=[], people=[], organizations=[],
                   quotes=[], figures=[], word_count=1, source=Source(file=f"a{number}", sha256=str(number),
                                                                        encoding="utf-8"), inferred=[])


def test_the_most_related_come_first_and_ties_go_to_the_newest():
    corpus = [article(0, ["Guatemala", "Honduras"], "2019-07-01"), article(1, ["Guatemala", "Honduras"], "2019-06-01"),
              article(2, ["Guatemala"], "2019-08-01"), article(3, ["Peru"], "2019-09-01"),
              article(4, ["Guatemala"], "2018-01-01")]
    related = briefing.related_reading(corpus)
    # a0001 shares two topics; a0002 and a0004 one each, the newer first.
    assert [a.slug for a in related["a0000"]] == ["a0001", "a0002", "a0004"]


def test_a_dense_corpus_scores_only_the_nearest_in_time(monkeypatch):
    """Every article shares the same topics: each one is scored against a window of neighbours, not all."""
    monkeypatch.setattr(briefing, "POSTINGS_WINDOW", 10)
    corpus = [article(n, ["Guatemala", "Honduras", "Mexico"], f"20{10 + n // 12:02d}-{n % 12 + 1:02d}-01")
              for n in range(120)]
    # Unrelated articles, so that the shared topics stay under the "most of the corpus" cut-off.
    corpus += [article(1000 + n, [], "2000-01-01") for n in range(200)]
    related = briefing.related_reading(corpus)
    newest, oldest = related["a0119"], related["a0000"]
    assert len(newest) == briefing.RELATED_SHOWN and len(oldest) == briefing.RELATED_SHOWN
    # Neighbours in time, not the newest of the whole corpus for everyone.
    assert {a.slug for a in oldest} <= {f"a{n:04d}" for n in range(0, 12)}
    assert {a.slug for a in newest} <= {f"a{n:04d}" for n in range(108, 120)}
