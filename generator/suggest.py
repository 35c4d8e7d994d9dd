"""Agreements the articles discuss that the editors have not listed yet: ``python -m generator suggest``.

The rules are general habits of news writing, never patterns for particular articles; the words they rely
on are in ``data/deals.yml``. How a sentence speaks of a deal, and who its parties are, is in
``deal_sentences.py``; an article's sentences are read in order, so that a sentence naming one side of a deal
is read with the deals the article has spoken of before.

- Deals are grouped, across the corpus, by their set of parties.
- A sentence is no evidence of a new agreement when the deal's parties are those of a listed agreement, or
  when the listed agreements the editors' match rules find in the sentence have all of them between them:
  either way the editors already follow that deal. A US–Uganda deal is still suggested though a listed
  agreement has the United States and four other countries, since Uganda is party to none.
- Some of the parties of a listed agreement with more are that agreement's, unless the sentence names an
  instrument of their own and says it was made: "Mitsotakis and Erdoğan signed the Athens Declaration" is a
  Greek–Turkish deal though the EU–Turkey statement lists both, but "El Salvador and Guatemala agreed to take
  deportees" speaks of the listed arrangements both are party to.
- A deal of two parties is suggested when two different sentences speak of it, or one that says it was
  signed, agreed, struck, ruled on…; three or more parties need two sentences, since one sentence naming
  three countries is more often a list ("migrants from Guatemala, Honduras and El Salvador") than a deal.
- Most discussed first (evidence sentences, then id); an id is never one the editors already use.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from dataclasses import dataclass

import yaml

from .deal_sentences import EUROPEAN_UNION, Deal, deals_in
from .editorial import STATUSES
from .extract import sentences_of
from .model import Agreement, Article
from .slug import slugify

GENERIC_NOUN = "agreement"


@dataclass(frozen=True)
class Evidence:
    file: str
    """The article's ``source.file``."""
    sentence: str


@dataclass(frozen=True)
class Suggestion:
    id: str
    name: str
    parties: tuple[str, ...]
    """Gazetteer country names and "European Union", the one most often named first leading."""
    first_seen: str | None
    """Earliest publication date among the articles giving evidence; None when none of them is dated."""
    evidence: tuple[Evidence, ...]

    @property
    def countries(self) -> tuple[str, ...]:
        return tuple(p for p in self.parties if p != EUROPEAN_UNION)

    @property
    def other_parties(self) -> tuple[str, ...]:
        """Parties that are no country: agreements.yml keeps them apart, as the gazetteer does not know them."""
        return tuple(p for p in self.parties if p == EUROPEAN_UNION)


# --- the corpus -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Seen:
    article: Article
    sentence: str
    deal: Deal


def suggest(articles: list[Article], listed: tuple[Agreement, ...]) -> list[Suggestion]:
    """Every agreement the articles discuss that no listed agreement covers, most discussed first."""
    groups: dict[frozenset[str], list[_Seen]] = defaultdict(list)
    for article in articles:
        claimed = _claimed_parties(article, listed)
        earlier: list[Deal] = []
        for sentence in dict.fromkeys(sentences_of(article.paragraphs)):
            read = deals_in(sentence, earlier)
            earlier += read
            for deal in read:
                if not _listed(deal, listed, claimed.get(sentence, set())):
                    groups[deal.parties].append(_Seen(article, sentence, deal))
    made = [_suggestion(seen) for parties, seen in groups.items() if _enough(parties, seen)]
    made.sort(key=lambda s: (-len(s.evidence), s.id, s.parties))
    taken = {agreement.id for agreement in listed}
    unique = []
    for suggestion in made:
        candidate, number = suggestion.id, 2
        while candidate in taken:
            candidate, number = f"{suggestion.id}-{number}", number + 1
        taken.add(candidate)
        unique.append(dataclasses.replace(suggestion, id=candidate))
    return sorted(unique, key=sort_key)


def sort_key(suggestion: Suggestion) -> tuple[int, str]:
    return -len(suggestion.evidence), suggestion.id


def _all_parties(agreement: Agreement) -> set[str]:
    return {*agreement.parties, *agreement.other_parties}


def _claimed_parties(article: Article, listed: tuple[Agreement, ...]) -> dict[str, set[str]]:
    """For each sentence the editors' match rules gave to listed agreements, those agreements' parties."""
    by_id = {agreement.id: agreement for agreement in listed}
    claimed: dict[str, set[str]] = defaultdict(set)
    for mention in article.agreements:
        if mention.id in by_id:
            for sentence in mention.evidence:
                claimed[sentence] |= _all_parties(by_id[mention.id])
    return claimed


def _listed(deal: Deal, listed: tuple[Agreement, ...], claimed: set[str]) -> bool:
    if deal.parties <= claimed or any(deal.parties == _all_parties(agreement) for agreement in listed):
        return True
    instrument_of_their_own = bool(deal.nouns) and deal.decided
    return not instrument_of_their_own and any(deal.parties < _all_parties(agreement) for agreement in listed)


def _enough(parties: frozenset[str], seen: list[_Seen]) -> bool:
    # A sentence reprinted word for word (wire copy in several outlets) is one piece of evidence, not several.
    return len({s.sentence for s in seen}) >= 2 or (len(parties) == 2 and any(s.deal.decided for s in seen))


def _suggestion(seen: list[_Seen]) -> Suggestion:
    firsts = Counter(s.deal.first for s in seen)
    parties = tuple(sorted(seen[0].deal.parties, key=lambda party: (-firsts[party], party)))
    name = f"{'–'.join(parties)} {_noun(seen)}"
    dates = [s.article.published for s in seen if s.article.published]
    return Suggestion(id=slugify(name), name=name, parties=parties, first_seen=min(dates, default=None),
                      evidence=tuple(Evidence(s.article.source.file, " ".join(s.sentence.split())) for s in seen))


def _noun(seen: list[_Seen]) -> str:
    """A specific name ("protocol") when at least half the evidence uses it; else the generic one."""
    counts = Counter(noun for s in seen for noun in s.deal.nouns if noun != GENERIC_NOUN)
    ranked = sorted(counts, key=lambda noun: (-counts[noun], noun))
    return ranked[0] if ranked and 2 * counts[ranked[0]] >= len(seen) else GENERIC_NOUN


# --- output ---------------------------------------------------------------------------------------

def to_yaml(suggestions: list[Suggestion], listed_file: str) -> str:
    """Entries to paste under ``agreements:`` in the editors' file.

    ``status`` and ``description`` are left empty, so that the editors' file is refused until someone who
    has read the evidence writes them: a placeholder would go to the site unnoticed. ``first_seen`` and
    ``evidence`` are commented out, as the editors' file has no such keys.
    """
    if not suggestions:
        return f"# Every agreement the articles discuss is listed in {listed_file}.\n"
    count = f"{len(suggestions)} agreement{'' if len(suggestions) == 1 else 's'}"
    lines = [f"# {count} the articles discuss that {listed_file} does not list, most discussed first.",
             "# Paste an entry under `agreements:` there and fill in `status` and `description`;",
             "# `make check` refuses the entry until both are filled in. Add `dates` and `match` as you see fit."]
    for suggestion in suggestions:
        lines += ["", f"  - id: {_flow(suggestion.id)}", f"    name: {_flow(suggestion.name)}",
                  f"    parties: {_flow(list(suggestion.countries))}"]
        if suggestion.other_parties:
            lines.append(f"    other_parties: {_flow(list(suggestion.other_parties))}")
        lines += [f"    status:       # one of: {', '.join(sorted(STATUSES))}",
                  "    description:  # what it is, in two or three sentences",
                  f"    # first_seen: {suggestion.first_seen or 'null'}",
                  "    # evidence:"]
        lines += [f"    #   - {_flow({'file': e.file, 'sentence': e.sentence})}" for e in suggestion.evidence]
    return "\n".join(lines) + "\n"


def _flow(value) -> str:
    """``value`` as YAML on one line, quoted only where YAML needs it."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, sort_keys=False, width=1_000_000)
    return text.removesuffix("...\n").strip()
