"""How one sentence speaks of a deal between governments, and who its parties are: the reading behind ``suggest``.

The rules are general habits of news writing, never patterns for particular articles; the words they rely
on are in ``data/deals.yml``.

- A clause speaks of a deal when it has a deal noun ("agreement", "memorandum of understanding", "plan") or a
  verb by which governments make one ("signed", "agreed"). A clause ends at , ; : ( ) — or before "since",
  "after", "while"…, so that in "departures from Tunisia to Italy have fallen since the EU signed its
  memorandum with Tunis" the parties are the EU and Tunisia.
- Parties are countries (names and demonyms, by the gazetteer), the European Union, and capitals that act
  ("London has paid Kigali") rather than locate ("a court in Rome"). A deal is signed in one of its parties'
  capitals, so "signed in Kigali" names Rwanda when the clause names fewer than two parties besides. "Other EU
  countries" are the Union's members, not the Union. Clippings that lost their capitals lost their
  apostrophes too: "italys memorandum" is Italy's.
- "…, who agreed" and "…, which signed" speak of the party the clause before them named last.
- A clause naming two parties or more names the deal's. A clause naming one names one side of a deal whose
  other side the article has already made plain: the party its earlier deals have most in common
  (`principal`). "The Tunisian deal", in an article about the EU's deals, is the EU's deal with Tunisia.
  Where the article has named no deal yet, or the clause names no party, the clauses beside it are read too,
  one step further each time, but never past one that names the parties of a deal of its own: "Rwanda
  agreed to take deportees, and Uganda signed an arrangement" is no deal between Rwanda and Uganda.
- Partners listed after a plural ("deals with El Salvador and Honduras", "sent to Rwanda and Uganda under
  arrangements"), or deals each with a partner of its own ("a memorandum with Tunisia and a partnership with
  Egypt"), are a deal with each. Their other party is the one named before them, in the sentence or else
  in the article, or else after them in their clause ("signed agreements with Mauritania and The Gambia as
  Spain seeks…"); partners are never a deal with one another.
- Countries listed together after "from" are where people come from ("migrants from Eritrea and Sudan"), and a
  demonym that is a language after "in" is a language ("said in Spanish that…"): neither names a party.
- A deal dated by its year ("the 2017 memorandum") was made.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from .datafile import load_package_yaml
from .gazetteer import WORD, gazetteer
from .text import fold, longest_from

EUROPEAN_UNION = "European Union"


@dataclass(frozen=True)
class Deal:
    """A deal one sentence speaks of."""

    parties: frozenset[str]
    first: str
    """The party named first, or the article's principal where the sentence named only the other side."""
    nouns: frozenset[str]
    """What the sentence calls it, by the names in deals.yml ("agreement", "protocol"…)."""
    decided: bool
    """The sentence says it was made or decided on, not only talked about."""


@dataclass(frozen=True)
class _Mention:
    start: int
    """Index of the mention's first word in the clause's folded words; -1 for a party the clause speaks of
    without naming it."""
    end: int
    """Index of the word after it."""
    party: str


@dataclass(frozen=True)
class _Clause:
    words: tuple[str, ...]
    """The clause folded, word by word."""
    mentions: tuple[_Mention, ...]
    """Its parties in order, each every time it is named."""
    speaks_of_deal: bool

    @property
    def text(self) -> str:
        return f" {' '.join(self.words)} "

    @property
    def parties(self) -> list[str]:
        return list(dict.fromkeys(mention.party for mention in self.mentions))


@dataclass(frozen=True)
class _Words:
    nouns: dict[str, str]
    """Folded noun → the name it stands for."""
    plurals: tuple[str, ...]
    making: tuple[str, ...]
    deciding: tuple[str, ...]
    clause_break: re.Pattern[str]
    named: dict[str, str | None]
    """Folded name of the EU or a capital → party; phrases that only contain one ("Washington Post") → None."""
    named_lengths: dict[str, int]
    """``longest_from(named)``."""
    place_before: frozenset[str]
    place_after: frozenset[str]
    members: frozenset[str]
    relative: frozenset[str]
    partner_prepositions: frozenset[str]
    list_joiners: frozenset[str]
    determiners: frozenset[str]
    languages: frozenset[str]
    language_before: frozenset[str]
    language_followed_by: frozenset[str]
    origin_prepositions: frozenset[str]
    deal_words: tuple[str, ...]
    """Every folded noun for a deal and verb of making one: a clause without any speaks of no deal."""


@cache
def _words() -> _Words:
    data = load_package_yaml("deals.yml")
    known = gazetteer().by_name
    unknown = sorted(set(data["capitals"]) - set(known))
    if unknown:
        raise ValueError(f"deals.yml: capital of '{unknown[0]}', which is not a country name in the gazetteer")
    named: dict[str, str | None] = {fold(name): EUROPEAN_UNION for name in data["european_union"]}
    for country, capital in data["capitals"].items():
        for spelling in (capital, *data["capital_spellings"].get(capital, [])):
            named[fold(spelling)] = country
    named |= {fold(phrase): None for phrase in data["not_capitals"]}
    openers = "|".join(re.escape(word) for word in data["clause_openers"])
    return _Words(
        nouns={fold(word): noun for noun, words in data["nouns"].items() for word in words},
        plurals=tuple(fold(word) for word in data["plurals"]),
        making=tuple(fold(word) for word in data["making"]),
        deciding=tuple(fold(word) for word in data["deciding"]),
        # A comma between digits is a thousands separator; a spaced dash sets off a clause, "EU–Turkey" does not.
        clause_break=re.compile(rf",(?!\d)|[;:()\[\]—]|\s[–-]\s|(?<!\w)(?=(?:{openers})\b)", re.IGNORECASE),
        named=named,
        named_lengths=longest_from(named),
        place_before=frozenset(data["places"]["before"]),
        place_after=frozenset(data["places"]["after"]),
        members=frozenset(data["union_members"]),
        relative=frozenset(data["relative_pronouns"]),
        partner_prepositions=frozenset(data["partners"]["prepositions"]),
        list_joiners=frozenset(data["partners"]["joiners"]),
        determiners=frozenset(data["partners"]["determiners"]),
        languages=frozenset(fold(word) for word in data["languages"]["names"]),
        language_before=frozenset(data["languages"]["before"]),
        language_followed_by=frozenset(data["languages"]["followed_by"]),
        origin_prepositions=frozenset(data["origin_prepositions"]),
        deal_words=(*(fold(word) for noun_words in data["nouns"].values() for word in noun_words),
                    *(fold(word) for word in data["making"])),
    )


def _has(folded: str, phrases: Iterable[str]) -> bool:
    return any(phrase in folded for phrase in _padded(tuple(phrases)))


@lru_cache(maxsize=64)
def _padded(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """The phrases with a space either side, as they are looked for in padded folded text: made once, not for
    every clause."""
    return tuple(f" {phrase} " for phrase in phrases)


# --- one sentence ---------------------------------------------------------------------------------

def deals_in(sentence: str, earlier: Sequence[Deal] = ()) -> list[Deal]:
    """The deals a sentence speaks of; ``earlier`` are those the article's earlier sentences spoke of."""
    words = _words()
    # Most sentences have no word for a deal at all: reading their clauses would find nothing.
    if not _has(f" {fold(sentence)} ", words.deal_words):
        return []
    clauses = _clauses(sentence)
    deals: dict[frozenset[str], Deal] = {}
    for index, clause in enumerate(clauses):
        if not clause.speaks_of_deal:
            continue
        for group, text in _groups(clauses, index, earlier):
            ordered = list(dict.fromkeys(group))
            if len(ordered) < 2:
                continue
            deal = Deal(parties=frozenset(ordered), first=ordered[0],
                        nouns=frozenset(noun for word, noun in words.nouns.items() if f" {word} " in text),
                        decided=_has(text, (*words.making, *words.deciding)) or _dated(text))
            if before := deals.get(deal.parties):
                deal = Deal(deal.parties, before.first, before.nouns | deal.nouns, before.decided or deal.decided)
            deals[deal.parties] = deal
    return list(deals.values())


_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _dated(text: str) -> bool:
    """"The 2017 memorandum", "a 2016 deal": a deal dated by its year was made that year."""
    folded = text.split()
    nouns = {word for word in _words().nouns if " " not in word}
    return any(_YEAR.match(word) and following in nouns
               for word, following in zip(folded, folded[1:], strict=False))


def _groups(clauses: list[_Clause], index: int, earlier: Sequence[Deal]) -> list[tuple[list[str], str]]:
    """The parties of each deal the clause at ``index`` speaks of, with the text that speaks of it."""
    clause = clauses[index]
    each = _one_deal_each(clauses, index, earlier)
    if each is not None:
        return each
    named = clause.parties
    if len(named) > 1:
        return [(named, clause.text)]
    if len(named) == 1 and (completed := _completed(earlier, named[0])):
        return [(completed, clause.text)]
    low, high = _widen(clauses, index)
    group = [party for c in clauses[low : high + 1] for party in c.parties]
    if len(set(group)) == 1 and (completed := _completed(earlier, group[0])):
        group = completed
    return [(group, " ".join(c.text for c in clauses[low : high + 1]))]


def _owns_parties(clause: _Clause) -> bool:
    """A clause that speaks of a deal and names parties names that deal's, not a neighbour's: "hailing the
    accord" after "since the EU signed its memorandum with Tunis" is that memorandum again."""
    return clause.speaks_of_deal and bool(clause.mentions)


def _widen(clauses: list[_Clause], index: int) -> tuple[int, int]:
    """The clauses around ``index``, one more on each side at a time, until they name two parties; never
    past a clause that names the parties of a deal of its own."""
    low = high = index
    while len({p for c in clauses[low : high + 1] for p in c.parties}) < 2:
        wider_low = low - 1 if low > 0 and not _owns_parties(clauses[low - 1]) else low
        wider_high = high + 1 if high < len(clauses) - 1 and not _owns_parties(clauses[high + 1]) else high
        if (wider_low, wider_high) == (low, high):
            break
        low, high = wider_low, wider_high
    return low, high


def _completed(earlier: Sequence[Deal], named: str) -> list[str] | None:
    """The one party a clause named and the principal it dealt with, the article's principal first."""
    other = principal(earlier, besides=named)
    if other is None:
        return None
    return [named, other] if principal(earlier) == named else [other, named]


def principal(earlier: Sequence[Deal], besides: str | None = None) -> str | None:
    """The party the article's two-party deals so far have most in common, other than ``besides``: the side a
    writer leaves unsaid once the article has made it plain. Ties go to the party more often named first, then
    to the one in the latest deal."""
    score: dict[str, tuple[int, int, int]] = {}
    for number, deal in enumerate(d for d in earlier if len(d.parties) == 2):
        for party in deal.parties:
            deals, firsts, _ = score.get(party, (0, 0, 0))
            score[party] = (deals + 1, firsts + (party == deal.first), number)
    score.pop(besides, None)
    return max(sorted(score), key=score.__getitem__, default=None)


def _one_deal_each(clauses: list[_Clause], index: int,
                   earlier: Sequence[Deal]) -> list[tuple[list[str], str]] | None:
    """A deal between the principal and each partner, when the clause lists several; None when it does not.
    The text that speaks of them runs from the clause that names the principal."""
    partners = _listed_partners(clauses, index) or _partners_each_with(clauses[index])
    if len(set(partners)) < 2:
        return None
    clause, start = clauses[index], index
    first_partner = min(m.start for m in clause.mentions if m.party in partners)
    principals = [m.party for m in clause.mentions if m.start < first_partner and m.party not in partners]
    if not principals:  # "Sánchez signed agreements with Mauritania and The Gambia as Spain seeks…"
        principals = [m.party for m in clause.mentions if m.start > first_partner and m.party not in partners][:1]
    if not principals and (before := [i for i, c in enumerate(clauses[:index]) if c.parties]):
        start = before[-1]
        principals = clauses[start].parties[-1:]
    if not principals and (other := principal(earlier)):
        principals = [other]
    principals = [p for p in principals if p not in partners]
    text = " ".join(c.text for c in clauses[start : index + 1])
    return [([*principals, partner], text) for partner in dict.fromkeys(partners)] if principals else []


def _listed_partners(clauses: list[_Clause], index: int) -> list[str]:
    """"Deals with Uganda and Eswatini", "sent to Rwanda and Uganda under arrangements": a list after "with" or
    "to" in a clause with a plural deal noun, carried on over the commas ("with Guatemala, Honduras and…")."""
    words, clause = _words(), clauses[index]
    if not _has(clause.text, words.plurals):
        return []
    for mention in clause.mentions:
        if _opener(clause, mention) not in words.partner_prepositions:
            continue
        listed = _list_from(clause, mention)
        for following in clauses[index + 1 :]:
            named = [m for m in following.mentions if m.start >= 0]
            if not (named and set(following.words[: named[0].start]) <= words.list_joiners):
                break
            listed += _list_from(following, named[0])
        if len(set(listed)) >= 2:
            return listed
    return []


def _opener(clause: _Clause, mention: _Mention) -> str | None:
    """The word that introduces a mention, past any determiner: "with" in "with her Albanian counterpart"."""
    before = [word for word in clause.words[: max(mention.start, 0)] if word not in _words().determiners]
    return before[-1] if before and mention.start >= 0 else None


def _list_from(clause: _Clause, head: _Mention) -> list[str]:
    """The parties listed in the clause from ``head`` on: "Honduras and El Salvador", "guatemala honduras"."""
    listed, at = [head.party], head.end
    for mention in (m for m in clause.mentions if m.start >= head.end):
        gap = [word for word in clause.words[at : mention.start] if word not in _words().determiners]
        if len(gap) > 1 or not set(gap) <= _words().list_joiners:
            break
        listed.append(mention.party)
        at = mention.end
    return listed


def _partners_each_with(clause: _Clause) -> list[str]:
    """"A memorandum with Tunisia in 2023 and a partnership with Egypt in March": each deal word has a partner
    "with" it of its own."""
    words, partners, since = _words(), [], 0
    for mention in clause.mentions:
        said = f" {' '.join(clause.words[since : max(mention.start, 0)])} "
        if _opener(clause, mention) == "with" and _has(said, (*words.nouns, *words.making, *words.deciding)):
            partners.append(mention.party)
            since = mention.end
    return partners


# --- clauses and their parties --------------------------------------------------------------------

def _clauses(sentence: str) -> list[_Clause]:
    words = _words()
    pieces = [piece for piece in words.clause_break.split(sentence) if piece.strip()]
    lost_capitals = not any(char.isupper() for char in sentence)
    clauses = []
    for piece in pieces:
        folded = tuple(fold(piece).split())
        clause = _Clause(folded, _mentions(piece, folded, lost_capitals),
                         _has(f" {' '.join(folded)} ", words.deal_words))
        if _origins_only(clause):
            clause = _Clause(folded, (), clause.speaks_of_deal)
        clauses.append(clause)
    return _relatives_named(clauses)


def _origins_only(clause: _Clause) -> bool:
    """"Migrants, most of them from Eritrea and Sudan": the only parties a clause names, listed together after
    "from", are where people come from, never a deal between themselves nor anyone's partner in one."""
    named = clause.mentions
    if len(clause.parties) < 2 or _opener(clause, named[0]) not in _words().origin_prepositions:
        return False
    return len(set(_list_from(clause, named[0]))) == len(clause.parties)


def _relatives_named(clauses: list[_Clause]) -> list[_Clause]:
    """"Flown to South Sudan, which had agreed to accept them": the relative clause speaks of the party the
    clause before it named last, as its subject."""
    read = clauses[:1]
    for clause in clauses[1:]:
        before = read[-1].mentions
        if clause.words[:1] and clause.words[0] in _words().relative and before:
            clause = _Clause(clause.words, (_Mention(-1, -1, before[-1].party), *clause.mentions),
                             clause.speaks_of_deal)
        read.append(clause)
    return read


def _mentions(clause: str, words: tuple[str, ...], lost_capitals: bool) -> tuple[_Mention, ...]:
    """Each party the clause names, where it names it; a capital where a deal was signed counts only where
    the clause names fewer than two parties besides."""
    countries = _country_mentions(clause, words, lost_capitals)
    taken = {m.start for m in countries}
    named = [(m, _role(words, m)) for m in _named_mentions(words, lost_capitals) if m.start not in taken]
    found = countries + [m for m, role in named if role == "acting"]
    if len({m.party for m in found}) < 2:
        found += [m for m, role in named if role == "signing"]
    return tuple(sorted(found, key=lambda m: m.start))


def _spans(words: tuple[str, ...], table: dict, lengths: dict[str, int], lost_capitals: bool):
    """(start, end, value) for each phrase of ``table`` in ``words``, longest first, from left to right.
    ``lengths`` is ``longest_from(table)``: a phrase of two words or more starts with a word some phrase of
    the table starts with (only a last word loses a possessive's "s"); one word is always tried."""
    index = 0
    while index < len(words):
        if words[index] not in lengths:  # most words: only the word itself, without a lost possessive's "s"
            if lost_capitals and (bare := _without_lost_s(words, index, words[index])) in table:
                yield index, index + 1, table[bare]
            index += 1
            continue
        for size in range(min(lengths[words[index]], len(words) - index), 0, -1):
            phrase = words[index] if size == 1 else " ".join(words[index : index + size])
            if phrase not in table and lost_capitals and (bare := _without_lost_s(words, index, phrase)) is not None:
                phrase = bare
            if phrase in table:
                yield index, index + size, table[phrase]
                index += size
                break
        else:
            index += 1


def _without_lost_s(words: tuple[str, ...], index: int, phrase: str) -> str | None:
    """``phrase``, starting at ``words[index]``, without the "s" of a possessive that lost its apostrophe
    ("italys memorandum"); None where it cannot be one."""
    return phrase[:-1] if phrase.endswith("s") and words[index - 1 : index] != ("the",) else None


@cache
def _exact_aliases() -> re.Pattern[str]:
    """Aliases matched only as capitalised ("US", which as "us" is a pronoun)."""
    exact = sorted(gazetteer().exact, key=lambda alias: (-len(alias), alias))
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(alias) for alias in exact) + r")(?![\w]|\.\w)")


def _country_mentions(clause: str, words: tuple[str, ...], lost_capitals: bool) -> list[_Mention]:
    """Countries by their names and demonyms, longest first, so that "New Mexico" is not Mexico."""
    spans = _spans(words, gazetteer().folded, gazetteer().longest_from, lost_capitals)
    found = [_Mention(start, end, country.name) for start, end, country in spans
             if country and not _language(words, start, end)]
    for match in _exact_aliases().finditer(clause):
        start = len(WORD.findall(clause[: match.start()]))
        found.append(_Mention(start, start + len(WORD.findall(match.group())), gazetteer().exact[match.group()].name))
    return found


def _language(words: tuple[str, ...], start: int, end: int) -> bool:
    """"Said in Spanish that…": a demonym that is a language, after "in" and ending its phrase."""
    vocabulary = _words()
    return (end == start + 1 and words[start] in vocabulary.languages and start > 0
            and words[start - 1] in vocabulary.language_before
            and (end == len(words) or words[end] in vocabulary.language_followed_by))


def _named_mentions(words: tuple[str, ...], lost_capitals: bool) -> list[_Mention]:
    """The EU and the capitals, but not phrases that only contain one ("Washington Post")."""
    spans = _spans(words, _words().named, _words().named_lengths, lost_capitals)
    return [_Mention(start, end, party) for start, end, party in spans if party]


def _role(words: tuple[str, ...], mention: _Mention) -> str | None:
    """"acting" for the EU or a capital that stands for its government, "signing" for the capital where a deal
    was signed ("signed in Kigali"), None where it is only a place ("a court in Rome") or the Union's members."""
    vocabulary = _words()
    before = [word for word in words[: mention.start] if word != "the"][-1:]
    after = words[mention.end : mention.end + 1]
    if mention.party == EUROPEAN_UNION and set(after) & vocabulary.members:
        return None
    if before == ["in"] and _has(f" {' '.join(words[: mention.start])} ", (*vocabulary.making, *vocabulary.deciding)):
        return "signing"
    if set(before) & vocabulary.place_before or set(after) & vocabulary.place_after:
        return None
    return "acting"
