"""Every country in the world, and the ways an article may name it (names, short forms, demonyms)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import pycountry

from .datafile import Fields, load_package_yaml
from .text import fold, longest_from, longest_phrases

WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Country:
    code: str
    """ISO 3166-1 alpha-2."""
    name: str
    """Common English short name, as shown to readers."""


class Gazetteer:
    """Finds country mentions in a sentence, longest alias first, so that "New Mexico" is not Mexico."""

    def __init__(self, folded: dict[str, Country | None], exact: dict[str, Country]):
        self.folded = folded
        self.exact = exact
        self.by_name = {c.name: c for c in folded.values() if c} | {c.name: c for c in exact.values()}
        # Most words start no alias: n-grams are looked up only from those that do.
        self.longest_from = longest_from(folded)
        # "US" but not inside "U.S.A." or "USAID"; a full stop after it may end the sentence.
        self._exact_re = _alternation(exact, r"(?<![\w.])(?:{})(?![\w]|\.\w)")
        self._blocked = frozenset(alias for alias, country in folded.items() if country is None)
        self._blocked_longest_from = longest_from(self._blocked)

    @lru_cache(maxsize=65536)  # noqa: B019 - one gazetteer per process; sentences repeat across stages
    def mentions(self, sentence: str) -> tuple[Country, ...]:
        """Each country mention in the sentence, in order; blocked phrases ("New Mexico") yield none."""
        # Order by word position: folding changes offsets but keeps words ("U.S." is "u s" either way).
        found = list(self._folded_matches(fold(sentence).split()))
        found += [(len(WORD.findall(sentence[: m.start()])), self.exact[m.group()])
                  for m in self._exact_re.finditer(sentence)]
        return tuple(country for _, country in sorted(found, key=lambda item: item[0]) if country)

    def _folded_matches(self, words: list[str]):
        """(word index, country or None) for each alias, longest first, by looking word n-grams up."""
        for start, end in longest_phrases(words, self.folded, self.longest_from):
            yield start, self.folded[" ".join(words[start:end])]

    def mask_non_countries(self, folded: str) -> str:
        """Blank out phrases that are not countries ("central americans") in folded text, longest first.

        Found by looking the words up, as aliases are: a pattern of all the phrases, tried at every
        character of every sentence naming a country, took a tenth of extracting an article.
        """
        words = folded.split(" ")
        if self._blocked_longest_from.keys().isdisjoint(words):  # most sentences
            return folded
        found = list(longest_phrases(words, self._blocked, self._blocked_longest_from))
        for start, end in reversed(found):  # from the right, so that the earlier positions still hold
            words[start:end] = ["-" * len(" ".join(words[start:end]))]
        return " ".join(words)

    def aliases_of(self, name: str) -> list[str]:
        """Every folded way of naming the country, longest first."""
        country = self.by_name[name]
        folded = [alias for alias, c in self.folded.items() if c == country]
        return sorted(folded + [fold(a) for a, c in self.exact.items() if c == country], key=lambda a: (-len(a), a))


def _alternation(aliases: dict[str, object], template: str) -> re.Pattern[str]:
    ordered = sorted(aliases, key=lambda alias: (-len(alias), alias))
    return re.compile(template.format("|".join(re.escape(alias) for alias in ordered)))


@cache
def gazetteer() -> Gazetteer:
    """Load the alias table and check it covers pycountry exactly, with no alias on two countries."""
    data = load_package_yaml("countries.yml")
    entries = data["countries"]
    missing = {c.alpha_2 for c in pycountry.countries} - set(entries)
    if missing:
        raise ValueError(f"countries.yml: no entry for {', '.join(sorted(missing))}")
    folded: dict[str, Country | None] = {}
    exact: dict[str, Country] = {}
    for code, entry in sorted(entries.items()):
        fields = Fields(entry, f"countries.yml: {code}")
        country = Country(code=code, name=fields.get("name", str, required=True))
        record = pycountry.countries.get(alpha_2=code)
        official = [getattr(record, key, None) for key in ("name", "official_name", "common_name")]
        names = [country.name, *fields.strings("aliases"), *(n for n in official if n and "," not in n)]
        for alias in names:
            key = fold(alias)
            if folded.get(key, country) != country:
                raise ValueError(f"countries.yml: '{alias}' names both {folded[key].name} and {country.name}")
            folded[key] = country
        exact.update({alias: country for alias in fields.strings("exact")})
    for phrase in data.get("not_countries", []):
        folded[fold(phrase)] = None
    return Gazetteer(folded, exact)
