"""Stage 4: what an article is about. One small function per front-matter field."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache
from typing import NamedTuple
from urllib.parse import urlsplit

import pycountry

from .datafile import load_package_yaml
from .dates import full_dates, month_years, years
from .deal_sentences import deals_in
from .gazetteer import gazetteer
from .model import Agreement, Editorial, Figure, MatchRule, Mention, Quote
from .text import fold, has_punctuation, split_sentences, split_words, truncate_words

MAX_TITLE = 110
MAX_SUMMARY = 320


def sentences_of(paragraphs: list[str]) -> list[str]:
    return [sentence for paragraph in paragraphs for sentence in split_sentences(paragraph)]


# --- title and summary --------------------------------------------------------------------------

# Clauses that a headline drops: "according to a D.H.S. official", "known as a …".
ASIDE = re.compile(r"^(?:according to|known as|who|which|including|as well as)\b", re.IGNORECASE)


MAX_TITLE_WORDS = 14
"""A headline is a clause a reader takes in at a glance: who did what, in at most this many words."""
# A sentence that leans on an earlier one ("He said…", "The secretary said…") is not a headline.
LEANING_START = re.compile(r"^(?:(?:He|She|They|It|We|I|This|These|Those|Its|His|Her|Their)\b|"
                           r"The\s+[\w-]+\s+(?:said|says|told|added|adds|noted)\b)")
# When and where a headline leaves out: "on Wednesday", "last week", "on 16 July".
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
TIME_PHRASE = re.compile(rf"\s+(?:on\s+|late\s+|early\s+)?{WEEKDAY}\b|\s+(?:last|this|next)\s+(?:week|month|year)\b|"
                         r"\s+on\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2})\b(?:,?\s+\d{4})?")
# Where a long clause can end and still say who did what: before a subordinate clause, else before a phrase.
CLAUSE_CUT = re.compile(r"\s+(?=(?:that|which|who|after|because|as|while|amid|despite|since|before|when|where|"
                        r"following|ahead of|dealing|saying|leaving|under)\s)")
PHRASE_CUT = re.compile(r"\s+(?=(?:to|in|for|with|from|by|at|on|of|into|through|over|against|across|and|or|but)\s)")
MIN_TITLE_WORDS = 3


def make_title(paragraphs: list[str]) -> str:
    """A headline from the lede: its main clause in at most MAX_TITLE_WORDS words, from the first of the
    opening sentences that does not lean on another ("The secretary said…")."""
    openings = [sentence for paragraph in paragraphs[:2] for sentence in split_sentences(paragraph)][:3]
    headlines = [headline for sentence in openings if (headline := _headline(sentence))]
    standalone = [h for h in headlines if not LEANING_START.match(h) and not h.startswith(("“", '"', "‘", "'"))
                  and len(split_words(h)) >= MIN_TITLE_WORDS]
    title = (standalone or headlines or [paragraphs[0]])[0]
    title = truncate_words(title, MAX_TITLE).rstrip(",;:")
    return title[:1].upper() + title[1:]


def _headline(sentence: str) -> str:
    first = sentence.rstrip(".")
    clauses = [c.strip() for c in re.split(r",\s+|\s+[—–]\s+|—", first) if c.strip()]
    kept = [c for c in clauses if not ASIDE.match(c)]
    # A short opening phrase with no verb-like word ("Early next week") is scene-setting.
    if len(kept) > 1 and len(split_words(kept[0])) <= 4 and kept[0][:1].isupper() and kept[1][:1].islower():
        kept = kept[1:]
    # Clauses after the first carry on its sentence ("the deal, which was signed, would hold") unless
    # they are participle asides ("…, rejecting arguments …") or a new clause.
    main = kept[:1]
    for clause in kept[1:]:
        if not clause[:1].islower() or re.match(r"\w+ing\b|and\b|but\b|or\b", clause):
            break
        main.append(clause)
    title = TIME_PHRASE.sub("", " ".join(main) if main else first)
    return _shorten(title).rstrip(",;:")


def _shorten(title: str) -> str:
    """Cut a clause longer than MAX_TITLE_WORDS where it can end: before a subordinate clause if that
    leaves enough to say who did what, else before a phrase, else at the word limit."""
    words = title.split()
    if len(words) <= MAX_TITLE_WORDS:
        return title
    limit = len(" ".join(words[:MAX_TITLE_WORDS]))
    for boundary, least in ((CLAUSE_CUT, 6), (PHRASE_CUT, 5)):
        cuts = [m.start() for m in boundary.finditer(title) if m.start() <= limit]
        cuts = [cut for cut in cuts if len(title[:cut].split()) >= least]
        if cuts:
            return _drop_dangling(title[: cuts[-1]])
    return _drop_dangling(" ".join(words[:MAX_TITLE_WORDS]))


def _drop_dangling(title: str) -> str:
    """No headline ends on "the", "a", "and" or "of"."""
    words = title.split()
    while len(words) > MIN_TITLE_WORDS and words[-1].lower() in {"a", "an", "the", "and", "or", "of", "to", "its",
                                                                  "his", "her", "their", "with", "for", "in"}:
        words.pop()
    return " ".join(words)


def make_summary(paragraphs: list[str]) -> str:
    """The lede: the first one or two sentences, as long as they stay short."""
    first = paragraphs[0]
    if not has_punctuation(first):
        return truncate_words(first, MAX_SUMMARY // 2)
    sentences = split_sentences(first)
    summary = sentences[0]
    if len(sentences) > 1 and len(summary) + len(sentences[1]) < MAX_SUMMARY:
        summary += " " + sentences[1]
    return truncate_words(summary, MAX_SUMMARY)


# --- outlet -------------------------------------------------------------------------------------

def find_outlet(recorded: str | None, url: str | None, credited: str | None, text: str,
                editorial: Editorial) -> str | None:
    """The outlet, from the most trusted place that names it: the clipper's record or the page's own
    site name; the address's host (a host no listed outlet owns is shown as it is); the story's dateline
    and credit lines; and last the clipping naming itself ("Source: CNN", "told NPR")."""
    if recorded:
        # A page may give its host as its site name ("dw.com").
        # "Le Monde.fr": a site name may carry its domain's ending.
        bare = re.sub(r"\.(?:com|co\.uk|co|org|net|fr|de|es|it|com\.au|com\.mx|ca|ie|in)$", "", recorded, flags=re.I)
        listed = editorial.outlet_named(recorded) or editorial.outlet_at(recorded.lower()) or \
            editorial.outlet_named(bare)
        return listed.name if listed else recorded
    host = (urlsplit(url).hostname or "").lower() if url else ""
    if listed := editorial.outlet_at(host):
        return listed.name
    if host:
        return host.removeprefix("www.")
    if credited:
        return credited
    folded = f" {fold(text)} "
    for outlet in editorial.outlets:
        if any(f" {cue} " in folded for cue in outlet.cues):
            return outlet.name
    return _named_as_itself(folded, editorial)


# How a story names its own outlet: "told NPR", "NPR's request", "in an interview with the BBC".
SELF_REFERENCE = (" told {} ", " {} s request", " interview with {} ", " {} has learned ", " obtained by {} ",
                  " {} has obtained ", " {} s questions ", " statement to {} ", " {} contacted ")


def _named_as_itself(folded: str, editorial: Editorial) -> str | None:
    # The frames are matched around the mentions the text holds, found first: a pattern of all 700 of
    # them, tried at every character, took 4 ms an article. Mentions absent from the text match nowhere,
    # so leaving them out changes no match.
    mentions, outlets = editorial.outlet_mentions
    present = mentions.found_in(folded.split(" "))
    if not present:
        return None
    pattern = _self_reference(tuple(sorted(present, key=lambda mention: (-len(mention), mention))))
    named = {outlets[next(group for group in match.groups() if group)][0] for match in pattern.finditer(folded)}
    return named.pop() if len(named) == 1 else None


@lru_cache(maxsize=1024)
def _self_reference(mentions: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for every frame of SELF_REFERENCE around any of ``mentions`` (longest first)."""
    alternatives = "|".join(re.escape(mention) for mention in mentions)
    frames = (re.escape(frame).replace(re.escape("{}"), f"(?:the )?({alternatives})") for frame in SELF_REFERENCE)
    return re.compile("|".join(frames))


# --- countries and agreements -------------------------------------------------------------------

# "printed in Spanish", "said in French, …": a language, not a country.
LANGUAGE = re.compile(r"\b(?:in|into)\s+(?P<language>[A-Z][a-z]+)(?=\s*[,.;:)]|\s+(?:and|or|only|as|with|by|for|"
                      r"from|to|the|on)\b|\s*$)")


@cache
def languages() -> frozenset[str]:
    """Language names (ISO 639, from pycountry) that are also demonyms: "Spanish", "French", "Arabic"."""
    return frozenset(language.name for language in pycountry.languages if " " not in language.name)


def find_countries(sentences: list[str], people: tuple[str, ...] = ()) -> list[Mention]:
    """Every country named or referred to, most mentioned first, with the sentences that name it; never
    inside a person's name ("Chad F. Wolf") or a language ("printed in Spanish")."""
    places = gazetteer()
    counts: Counter[str] = Counter()
    evidence: dict[str, list[str]] = {}
    names = sorted(people, key=len, reverse=True)
    for sentence in sentences:
        masked = _masked(sentence, names)
        masked = LANGUAGE.sub(lambda m: m.group().replace(m["language"], "·" * len(m["language"]))
                              if m["language"] in languages() else m.group(), masked)
        for country in places.mentions(masked):
            counts[country.name] += 1
            evidence.setdefault(country.name, [])
            if sentence not in evidence[country.name]:
                evidence[country.name].append(sentence)
    ranked = sorted(counts, key=lambda name: (-counts[name], name))
    # Most sentences name several countries: each is read for its cues once, not once per country.
    named_in = dict.fromkeys(sentence for name in ranked for sentence in evidence[name])
    cue_texts = {sentence: cue_text(sentence) for sentence in named_in}
    return [Mention(name, tuple(evidence[name]), _roles(name, [cue_texts[s] for s in evidence[name]]))
            for name in ranked]


def _masked(sentence: str, names: list[str]) -> str:
    """The sentence with each of ``names`` in it blotted out, as one pattern of the names in their order would
    find them: leftmost first, then the first name that starts there. Found with ``str.find``: a pattern of
    each article's people, compiled for it, took a tenth of finding its countries."""
    found = []
    for order, name in enumerate(names):
        start = sentence.find(name)
        while start >= 0:
            found.append((start, order, start + len(name)))
            start = sentence.find(name, start + 1)
    if not found:
        return sentence
    pieces, done = [], 0
    for start, _, end in sorted(found):
        if start >= done:
            pieces += [sentence[done:start], "·" * (end - start)]
            done = end
    return "".join(pieces) + sentence[done:]


ROLES = ("origin", "transit", "destination")


def country_roles(country: str, sentences: list[str]) -> tuple[str, ...]:
    """The roles for migrants that the sentences naming a country show it in (cues in roles.yml)."""
    return _roles(country, [cue_text(sentence) for sentence in sentences])


class CueText(NamedTuple):
    """A sentence as the role cues are matched in: folded, padded with spaces, non-countries masked."""

    text: str
    words: frozenset[str]


def cue_text(sentence: str) -> CueText:
    text = gazetteer().mask_non_countries(f" {fold(sentence)} ")
    return CueText(text, frozenset(text.split()))


def _roles(country: str, cue_texts: list[CueText]) -> tuple[str, ...]:
    patterns, anchors = role_patterns(country), role_anchors()
    # A sentence without one of a role's anchor words holds none of its cues: it is not searched.
    return tuple(role for role in ROLES if any(patterns[role].search(cue.text) for cue in cue_texts
                                               if anchors[role] is None or not anchors[role].isdisjoint(cue.words)))


@cache
def role_anchors() -> dict[str, frozenset[str] | None]:
    """For each role, one word of each of its cues besides the country's name (the longest, as the rarest):
    a cue's words are whole words of the text it is found in, so a text holding none of a role's anchors
    holds none of its cues. None where a cue is the country's name alone."""
    cues = load_package_yaml("roles.yml")
    anchors: dict[str, frozenset[str] | None] = {}
    for role in ROLES:
        words = [[word for word in fold(cue).split() if word != "country"] for cue in cues[role]]
        anchors[role] = frozenset(max(cue, key=len) for cue in words) if all(words) else None
    return anchors


@cache
def role_patterns(country: str) -> dict[str, re.Pattern[str]]:
    aliases = "|".join(re.escape(a) for a in gazetteer().aliases_of(country))
    cues = load_package_yaml("roles.yml")
    patterns = {}
    for role in ROLES:
        cues_for_role = "|".join(re.escape(fold(cue)).replace("country", f"(?:{aliases})") for cue in cues[role])
        patterns[role] = re.compile(rf" (?:{cues_for_role}) ")
    return patterns


def find_agreements(sentences: list[str], published: str | None, agreements: tuple[Agreement, ...]) -> list[Mention]:
    """Agreements the article discusses, most evidence first: by the editorial file's aliases and rules,
    and by a sentence naming all of one agreement's parties with a word for an agreement — when those
    parties point to that agreement alone."""
    found: dict[str, list[str]] = {}
    # Reading a sentence for the deal it makes is slow: only where a word for an agreement appears.
    deal_words = next((a.by_parties.all[-1] for a in agreements if a.by_parties), ())
    for sentence in sentences:
        terms = terms_in(sentence)
        matched = [a for a in agreements if discusses(a, terms, published)]
        if not matched:
            by_parties = [a for a in agreements if a.by_parties and _rule_holds(a.by_parties, terms, None)]
            matched = [a for a in by_parties if not any(_overlapping(a, other) for other in by_parties if other != a)]
        if not matched and deal_words and terms.has(deal_words):
            matched = _by_deal(sentence, agreements)
        for agreement in matched:
            found.setdefault(agreement.id, []).append(sentence)
    order = {a.id: i for i, a in enumerate(agreements)}
    ranked = sorted(found, key=lambda i: (-len(found[i]), order[i]))
    return [Mention(i, tuple(found[i])) for i in ranked]


def _by_deal(sentence: str, agreements: tuple[Agreement, ...]) -> list[Agreement]:
    """A deal the sentence makes between exactly one listed agreement's parties, named as news names them
    ("Ottawa and Washington expanded the Safe Third Country Agreement", "similar deals with El Salvador
    and Honduras"): capitals that act, demonyms, and one deal with each partner in a list."""
    found = []
    # A country named only as where people come from ("a Honduran man") is no party to the deal.
    named = Counter(country.name for country in gazetteer().mentions(sentence))
    origins = {country for country, times in named.items()
               if times == 1 and "origin" in country_roles(country, [sentence])}
    for deal in deals_in(sentence):
        parties = deal.parties - origins
        same = [a for a in agreements if a.by_parties and {*a.parties, *a.other_parties} == parties]
        if len(same) == 1 and same[0] not in found:
            found.append(same[0])
    return found


def _overlapping(one: Agreement, other: Agreement) -> bool:
    """Agreements a sentence naming their parties cannot tell apart: the same parties, or one set in the other."""
    mine, theirs = {*one.parties, *one.other_parties}, {*other.parties, *other.other_parties}
    return mine <= theirs or theirs <= mine


def date_from_text(sentences: list[str]) -> str | None:
    """Where an undated article stands in time: the latest date it gives ("on 3 May 2021", "in March 2019").

    An article is written after what it reports, so its latest date is the nearest the text pins down.
    """
    found = [iso for sentence in sentences for _, iso in full_dates(sentence)]
    found += [f"{month}-01" for sentence in sentences for month in month_years(sentence)]
    found += [f"{year}-01-01" for sentence in sentences for year in years(sentence)]
    return max(found, default=None)


class _Terms:
    """A sentence as its folded text plus the countries it mentions, for rule checks."""

    def __init__(self, folded: str, countries: set[str]):
        self.folded = folded
        self.countries = countries
        # The agreements' rules share their terms (a word for a deal, a party): each is looked for once.
        self._has: dict[tuple[str, ...], bool] = {}

    def has(self, alternatives: tuple[str, ...]) -> bool:
        found = self._has.get(alternatives)
        if found is None:
            found = self._has[alternatives] = any(a in self.countries or f" {a} " in self.folded for a in alternatives)
        return found


def quote_agreements(quote: Quote, published: str | None, agreements: tuple[Agreement, ...]) -> tuple[str, ...]:
    terms = terms_in(quote.text)
    return tuple(a.id for a in agreements if discusses(a, terms, published))


def terms_in(sentence: str) -> _Terms:
    return _Terms(f" {fold(sentence)} ", {c.name for c in gazetteer().mentions(sentence)})


# The two functions below run for every sentence, agreement and rule: plain loops, not any() over generators.
def discusses(agreement: Agreement, terms: _Terms, published: str | None) -> bool:
    for alias in agreement.aliases:
        if f" {alias} " in terms.folded:
            return True
    for rule in agreement.rules:  # noqa: SIM110 - a loop, as above
        if _rule_holds(rule, terms, published):
            return True
    return False


def _rule_holds(rule: MatchRule, terms: _Terms, published: str | None) -> bool:
    # A rule bound to a period holds only for an article placed in time: undated, nothing is assumed.
    if rule.published_from or rule.published_to:
        if not published:
            return False
        if rule.published_from and published < rule.published_from:
            return False
        if rule.published_to and published > rule.published_to:
            return False
    has = terms.has
    for term in rule.all:
        if not has(term):
            return False
    for term in rule.none:  # noqa: SIM110 - a loop, as above
        if has(term):
            return False
    return True


# --- figures ------------------------------------------------------------------------------------

QUALIFIER = r"(?:(?:more than|less than|fewer than|about|around|roughly|nearly|almost|over|some|up to)\s+)?"
NUMBER = r"(?:\d{1,3}(?:[, ]\d{3})+|\d+(?:\.\d+)?)(?:\s+(?:million|billion|thousand|percent))?"
WORD_NUMBER = r"(?:a|one|two|three|half a)\s+(?:million|billion)"
FIGURE = re.compile(rf"\b(?P<value>{QUALIFIER}(?:{NUMBER}|{WORD_NUMBER}))(?P<rest>(?:\s+[\w’'-]+){{1,6}})",
                    re.IGNORECASE)
MAY_HOLD_FIGURE = re.compile(r"\d|illion", re.IGNORECASE)
"""What every FIGURE holds: a digit, or a million or billion written out ("half a million")."""
COUNT_STOP = re.compile(
    r"\s+(?:a|an|the|and|or|of|to|in|at|on|by|for|that|who|were|was|are|is|had|has|have|after|before)$")
MIN_FIGURE = 100
"""Smaller bare numbers ("13 years", "four to five countries") are detail, not key figures."""


def find_figures(sentences: list[str]) -> list[Figure]:
    figures: list[Figure] = []
    seen: set[tuple[str, str]] = set()
    # Nine sentences in ten hold no figure: FIGURE, tried at each of their words, is only run on the others.
    for sentence in filter(MAY_HOLD_FIGURE.search, sentences):
        for match in FIGURE.finditer(sentence):
            value = _normalise_number(match["value"])
            if value is None:
                continue
            counts = _what_it_counts(match["rest"])
            if not counts or (value, counts) in seen:
                continue
            seen.add((value, counts))
            figures.append(Figure(value=value, counts=counts, sentence=sentence))
    return figures


def _normalise_number(value: str) -> str | None:
    """"6 000" (punctuation stripped) reads "6,000"; years, times and small numbers are not figures."""
    value = " ".join(value.split())
    digits = re.search(r"\d[\d, ]*\d(?:\.\d+)?|\d(?:\.\d+)?", value)
    if digits is None:
        return value  # "a million"
    number = float(re.sub(r"[, ]", "", digits.group()))
    scaled = re.search(r"million|billion|thousand|percent", value, re.IGNORECASE)
    year_like = number.is_integer() and 1900 <= number <= 2100 and "," not in digits.group()
    if not scaled and (number < MIN_FIGURE or year_like):
        return None
    written = f"{int(number):,}" if number.is_integer() else digits.group()
    return value.replace(digits.group(), written)


def _what_it_counts(rest: str) -> str:
    # Stop at punctuation, then drop the trailing words that lead nowhere on their own.
    words = re.split(r"[,.;:!?”)]", rest, maxsplit=1)[0].strip()
    if re.match(r"(?:years?|days?|months?|weeks?|s)\b", words):
        return ""  # "2000 years", "1990s": dates, not counts
    words = re.sub(r"^of\s+", "", words)
    while (trimmed := COUNT_STOP.sub("", words)) != words:
        words = trimmed
    return words


# --- bookkeeping --------------------------------------------------------------------------------

def count_words(paragraphs: list[str]) -> int:
    return sum(len(split_words(p)) for p in paragraphs)
