"""Agreements the articles discuss that the editors have not listed yet: ``python -m generator suggest``.

The rules are general habits of news writing, never patterns for particular articles; the words they rely
on are in ``data/deals.yml``.

- A sentence speaks of a deal when it has a deal noun ("agreement", "memorandum of understanding", "plan")
  or a verb by which governments make one ("signed", "agreed").
- The deal's parties are named in the clause that holds that word: countries (names and demonyms, by the
  gazetteer), the European Union, and capitals that act ("London has paid Kigali") rather than locate ("a
  court in Rome"). A clause ends at , ; : ( ) — or before "since", "after", "while"…, so that in "departures
  from Tunisia to Italy have fallen since the EU signed its memorandum with Tunis" the parties are the EU and
  Tunisia. A clause naming fewer than two is read with the clauses beside it, one step further each time.
  "Deals with El Salvador and Honduras" (a plural) is a deal with each, not one among them all.
- Deals are grouped, across the corpus, by their set of parties.
- A sentence is no evidence of a new agreement when the deal's parties are all parties of one listed
  agreement, or when the listed agreements the editors' match rules find in the sentence have all of them
  between them: either way the editors already follow that deal. A US–Uganda deal is still suggested though a
  listed agreement has the United States and four other countries, since Uganda is party to none.
- A deal of two parties is suggested when two different sentences speak of it, or one that says it was
  signed, agreed, struck, ruled on…; three or more parties need two sentences, since one sentence naming
  three countries is more often a list ("migrants from Guatemala, Honduras and El Salvador") than a deal.
- Most discussed first (evidence sentences, then id); an id is never one the editors already use.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache

import yaml

from .datafile import load_package_yaml
from .editorial import STATUSES
from .extract import sentences_of
from .gazetteer import gazetteer
from .model import Agreement, Article
from .slug import slugify
from .text import fold

EUROPEAN_UNION = "European Union"
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


@dataclass(frozen=True)
class Deal:
    """A deal one sentence speaks of."""

    parties: frozenset[str]
    first: str
    """The party named first."""
    nouns: frozenset[str]
    """What the sentence calls it, by the names in deals.yml ("agreement", "protocol"…)."""
    decided: bool
    """The sentence says it was made or decided on, not only talked about."""


@dataclass(frozen=True)
class _Words:
    nouns: dict[str, str]
    """Folded noun → the name it stands for."""
    plurals: tuple[str, ...]
    making: tuple[str, ...]
    deciding: tuple[str, ...]
    clause_break: re.Pattern[str]
    named: dict[str, str]
    """Folded name of the EU or a capital → party."""
    named_re: re.Pattern[str]
    not_capitals: re.Pattern[str]
    place_before: frozenset[str]
    place_after: frozenset[str]


@cache
def _words() -> _Words:
    data = load_package_yaml("deals.yml")
    known = gazetteer().by_name
    unknown = sorted(set(data["capitals"]) - set(known))
    if unknown:
        raise ValueError(f"deals.yml: capital of '{unknown[0]}', which is not a country name in the gazetteer")
    named = {fold(name): EUROPEAN_UNION for name in data["european_union"]}
    for country, capital in data["capitals"].items():
        for spelling in (capital, *data["capital_spellings"].get(capital, [])):
            named[fold(spelling)] = country
    openers = "|".join(re.escape(word) for word in data["clause_openers"])
    return _Words(
        nouns={fold(word): noun for noun, words in data["nouns"].items() for word in words},
        plurals=tuple(fold(word) for word in data["plurals"]),
        making=tuple(fold(word) for word in data["making"]),
        deciding=tuple(fold(word) for word in data["deciding"]),
        # A comma between digits is a thousands separator; a spaced dash sets off a clause, "EU–Turkey" does not.
        clause_break=re.compile(rf",(?!\d)|[;:()\[\]—]|\s[–-]\s|(?<!\w)(?=(?:{openers})\b)", re.IGNORECASE),
        named=named,
        named_re=_phrases(named),
        not_capitals=_phrases(data["not_capitals"]),
        place_before=frozenset(data["places"]["before"]),
        place_after=frozenset(data["places"]["after"]),
    )


def _phrases(phrases) -> re.Pattern[str]:
    folded = sorted({fold(p) for p in phrases}, key=lambda p: (-len(p), p))
    return re.compile(r"(?<!\S)(" + "|".join(re.escape(p) for p in folded) + r")(?!\S)")


# --- one sentence ---------------------------------------------------------------------------------

def deals_in(sentence: str) -> list[Deal]:
    """The deals a sentence speaks of, each with the parties its own clause (or the nearest ones) names."""
    words = _words()
    clauses = [clause for clause in words.clause_break.split(sentence) if clause.strip()]
    folded = [f" {fold(clause)} " for clause in clauses]
    named = [_parties_in(clause, text) for clause, text in zip(clauses, folded, strict=True)]
    deals: dict[frozenset[str], Deal] = {}
    for index, text in enumerate(folded):
        if not _has(text, (*words.nouns, *words.making)):
            continue
        groups = _one_deal_each(named, folded, index)
        if groups is None:
            low, high = _widen(named, index)
            groups = [[party for names in named[low : high + 1] for _, party in names]]
            text = " ".join(folded[low : high + 1])
        for group in groups:
            ordered = list(dict.fromkeys(group))
            if len(ordered) < 2:
                continue
            deal = Deal(parties=frozenset(ordered), first=ordered[0],
                        nouns=frozenset(noun for word, noun in words.nouns.items() if f" {word} " in text),
                        decided=_has(text, (*words.making, *words.deciding)))
            if earlier := deals.get(deal.parties):
                deal = Deal(deal.parties, earlier.first, earlier.nouns | deal.nouns, earlier.decided or deal.decided)
            deals[deal.parties] = deal
    return list(deals.values())


def _has(folded: str, phrases) -> bool:
    return any(f" {phrase} " in folded for phrase in phrases)


def _widen(named: list[list[tuple[int, str]]], index: int) -> tuple[int, int]:
    """The clauses around ``index``, one more on each side at a time, until they name two parties."""
    low = high = index
    while len({p for names in named[low : high + 1] for _, p in names}) < 2 and (low > 0 or high < len(named) - 1):
        low, high = max(low - 1, 0), min(high + 1, len(named) - 1)
    return low, high


def _one_deal_each(named: list[list[tuple[int, str]]], folded: list[str], index: int) -> list[list[str]] | None:
    """"Washington has since reached deals with El Salvador and Honduras" speaks of a deal with each of them,
    not of one among all three; None when the clause is no such list."""
    text = folded[index]
    plural = min((text.find(f" {word} ") for word in _words().plurals if f" {word} " in text), default=-1)
    start = text.find(" with ", plural) if plural >= 0 else -1
    if start < 0:
        return None
    partners = [party for position, party in named[index] if position > start]
    # "with Guatemala, Honduras and El Salvador": the list goes on over the commas.
    for names, following in zip(named[index + 1 :], folded[index + 1 :], strict=True):
        if not (names and following[: names[0][0]].split() in ([], ["and"], ["or"])):
            break
        partners += [party for _, party in names]
    if len(set(partners)) < 2:
        return None
    principals = [party for position, party in named[index] if position < plural]
    if not principals and (before := [names for names in named[:index] if names]):
        principals = [before[-1][-1][1]]
    return [[*principals, partner] for partner in dict.fromkeys(partners) if partner not in principals]


def _parties_in(clause: str, folded: str) -> list[tuple[int, str]]:
    """The parties a clause names, each where it first names it, in that order."""
    words = _words()
    found = [(_position(country.name, folded), country.name) for country in gazetteer().mentions(clause)]
    masked = words.not_capitals.sub(lambda m: "-" * len(m.group()), folded)
    for match in words.named_re.finditer(masked):
        before = masked[: match.start()].split()
        if before[-1:] == ["the"]:
            before = before[:-1]
        after = masked[match.end() :].split()[:1]
        # "talks in Washington" is where something happened, not who agreed to it.
        if not (before[-1:] and before[-1] in words.place_before) and not (after and after[0] in words.place_after):
            found.append((match.start() - 1, words.named[match.group(1)]))
    first: dict[str, int] = {}
    for position, party in sorted(found):
        first.setdefault(party, position)
    return [(position, party) for party, position in first.items()]


def _position(country: str, folded: str) -> int:
    places = [folded.find(f" {alias} ") for alias in _aliases(country)]
    return min((p for p in places if p >= 0), default=len(folded))


@cache
def _aliases(country: str) -> tuple[str, ...]:
    return tuple(gazetteer().aliases_of(country))


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
        for sentence in dict.fromkeys(sentences_of(article.paragraphs)):
            for deal in deals_in(sentence):
                if not _listed(deal.parties, listed, claimed.get(sentence, set())):
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


def _listed(parties: frozenset[str], listed: tuple[Agreement, ...], claimed: set[str]) -> bool:
    return parties <= claimed or any(parties <= _all_parties(agreement) for agreement in listed)


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
