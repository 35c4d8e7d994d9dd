"""Stage 4b: who is in an article — people with their roles, organisations, and who said what."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import cache

from .model import Editorial, KnownName, Person, Quote
from .names import (
    FUNCTION_WORDS,
    NAME,
    SPEECH_VERBS,
    is_first_part,
    is_name,
    is_ordinary_words,
    is_role_word,
    is_short_form,
    is_title,
    lexicon,
    name_spans,
    without_titles,
    written_out,
)
from .quotes import Attribution, find_quotes, lowercase_quotes, lowercase_said, quoted_terms
from .text import fold, fold_alias, is_lowercased

TITLE_WORDS = (r"President|Vice President|Secretary|Minister|Director|Commissioner|Ambassador|"
               r"Senator|Sen\.|Representative|Rep\.|Governor|Gov\.|Judge|Chief|Attorney General|Mayor")
# "Acting Homeland Security Secretary Kevin McAleenan", "Secretary of State Mike Pompeo".
TITLED_NAME = re.compile(
    rf"\b(?P<role>(?:[A-Z][\w’'-]+\s+(?:of\s+)?)*?(?:{TITLE_WORDS})(?:\s+of\s+State)?)\s+(?P<name>{NAME})"
    rf"(?P<of>\s+of\s+[A-Z][a-z]+)?"
)
# What follows the comma in each pattern below, up to the end of a match (``close``).
ROLE_AFTER = r"\s+(?:the|a|an)\s+(?P<role>[^,.;“”\"]{3,90}?)(?P<close>[,.])"
NAME_AFTER = rf"\s+(?P<name>{NAME})(?P<close>,)"
# "Marcelo Ebrard, the Mexican foreign minister," — a name, then a role in commas.
APPOSITIVE = re.compile(rf"\b(?P<name>{NAME}),{ROLE_AFTER}")
# "Honduras’s immigration director, Wilson Paz," — a role, then a name in commas.
# Possessive (++) and atomic ((?>…)) parts: a word given back could never be followed by a space or the comma,
# so they change no match, but spare trying every shorter word at each of the text's words.
ROLE_FIRST = re.compile(rf"(?P<role>\b[A-Z]?[\w’'-]++(?>(?:\s+[a-z][\w-]++){{1,3}})),{NAME_AFTER}")
# Where the comma of each can be: the patterns are tried only before those commas (``_found_before_commas``),
# with the most words that the part before the comma has.
APPOSITIVE_COMMA = re.compile(rf",(?={ROLE_AFTER})")
APPOSITIVE_WORDS = 7
"""A name of four words, three particles between them."""
ROLE_FIRST_COMMA = re.compile(rf",(?={NAME_AFTER})")
ROLE_FIRST_WORDS = 4


@dataclass
class Cast:
    """What the people stage found, before it is written into an Article."""

    people: list[Person]
    organizations: list[str]
    quotes: list[Quote]


def find_cast(paragraphs: list[str], editorial: Editorial) -> Cast:
    text = "\n".join(paragraphs)
    folded = f" {fold(text)} "
    known = [Person(k.name, k.role) for k in editorial.people if _mentions(folded, k)]
    if is_lowercased(paragraphs):
        titled = _lowercase_titled(folded, editorial.person_by_alias) + _lowercase_appositive(folded)
        attributions = _lowercase_attributions(folded, editorial)
        index = NameIndex(known + titled + [Person(a.name, a.role) for a in attributions], editorial)
        attributions = sorted(attributions + lowercase_said(folded, index, attributions), key=lambda a: a.start)
        quotes = lowercase_quotes(folded, attributions, index)
    else:
        index = NameIndex(_people(text) + known, editorial)
        quotes = find_quotes(paragraphs, index, quoted_terms(editorial))
    # An outlet or organisation named like a person ("Al Jazeera") is not one.
    people = [p for p in index.people()
              if not editorial.outlet_named(p.name) and fold_alias(p.name) not in editorial.organization_aliases]
    roles = {person.name: person.role for person in people}
    quotes = [dataclasses.replace(q, role=roles.get(q.speaker)) for q in quotes]
    return Cast(people=people, organizations=_organizations(text, folded, editorial), quotes=quotes)


# --- people -------------------------------------------------------------------------------------

def _people(text: str) -> list[Person]:
    """Names the text cues as people (a title, a role in apposition, a verb of speech) with their roles,
    then every other capitalised name of two or more words that is not a place or an institution."""
    found: list[Person] = []
    for match in _found_before_commas(APPOSITIVE, APPOSITIVE_COMMA, APPOSITIVE_WORDS, text):
        found.append(Person(match["name"], _clean_role(match["role"])))
    for match in _found_before_commas(ROLE_FIRST, ROLE_FIRST_COMMA, ROLE_FIRST_WORDS, text):
        found.append(Person(match["name"], _clean_role(match["role"])))
    for match in TITLED_NAME.finditer(text):
        role = match["role"] + (match["of"] or "")
        found.append(Person(match["name"].strip(), role.strip()))
    for span in name_spans(text, min_words=2):
        if len(span.name.split()) > 1:
            found.append(Person(span.name, span.role))
    return found


def _found_before_commas(pattern: re.Pattern[str], commas: re.Pattern[str], words: int,
                         text: str) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` gives, for a pattern whose matches are a part of at most ``words`` words
    without a comma, then a comma where ``commas`` matches and on to where its group ``close`` ends. The pattern is
    tried only in the words before each such comma: tried at every word, ROLE_FIRST alone took a fifth of
    finding an article's people.

    The same matches: a match's first part ends at the first comma after its start, and starts no earlier than
    ``words`` words before it.
    """
    done = 0
    for comma in commas.finditer(text):
        if comma.start() < done:
            continue
        start = max(done, _start_of_words_before(text, comma.start(), words))
        # Up to where a match ending at this comma ends: the text after it is not read.
        if match := pattern.search(text, start, comma.end("close")):
            yield match
            done = match.end()


def _start_of_words_before(text: str, end: int, count: int) -> int:
    """Where ``count`` runs of non-space, counted back from ``end`` (which ends the first of them), start."""
    start = end
    for number in range(count):
        if number:
            while start and text[start - 1].isspace():
                start -= 1
        while start and not text[start - 1].isspace():
            start -= 1
    return start


def _lowercase_attributions(folded: str, editorial: Editorial) -> list[Attribution]:
    """"says sarah pierce a policy analyst at the migration policy institute", "explains pierce",
    in folded text.

    Without capitals a name cannot be told from other words, so a name counts only when a role
    follows it or the alias file knows it.
    """
    organizations = sorted(editorial.organization_aliases, key=lambda name: (-len(name), name))
    org = "|".join(re.escape(o) for o in organizations) or "(?!)"
    pattern = re.compile(
        r"\b(?:says|said|explains|explained|adds|added)\s+(?P<name2>[a-z]+\s+[a-z]+(?:\s+[a-z]+)?)"
        rf"\s+(?:a|an|the)\s+(?P<role2>(?:[a-z]+\s+){{0,2}}(?:{_role_words()})"
        rf"(?:\s+(?:at|of|for|with)\s+the\s+(?:{org}))?)\b|"
        r"\b(?:says|said|explains|explained|adds|added)\s+(?P<name>[a-z]+(?:\s+[a-z]+)?)"
        rf"(?:\s+(?:(?:a|an|the)\s+)?(?P<role>(?:[a-z]+\s+){{1,4}}?(?:at|of|for)\s+the\s+(?:{org})))?(?=\s|$)"
    )
    known = editorial.person_by_alias
    found = []
    for match in pattern.finditer(folded):
        if match["name2"]:
            if not any(_not_a_name_word(w) for w in match["name2"].split()):
                found.append(Attribution(known.get(match["name2"]) or _title_case(match["name2"]),
                                          _title_case(match["role2"]), match.start(), match.end()))
            continue
        words = match["name"].split()
        if words[-1] in FUNCTION_WORDS:
            words = words[:1]
        name = " ".join(words)
        if words[0] in FUNCTION_WORDS or not (match["role"] or name in known):
            continue
        role = _title_case(match["role"]) if match["role"] else None
        found.append(Attribution(known.get(name) or _title_case(name), role, match.start(), match.end()))
    return found


@cache
def _role_words() -> str:
    """The news role words of people.yml, as a regular-expression alternation, longest first."""
    return "|".join(re.escape(word) for word in sorted(lexicon().roles, key=lambda w: (-len(w), w)))
LOWER_NAME_WORD = r"(?:[a-z\u00c0-\u024f][a-z\u00c0-\u024f'-]+)"


LOCATIVES = {"in", "at", "from", "to", "near", "into", "across", "outside", "of"}


def _lowercase_appositive(folded: str) -> list[Person]:
    """Names that a description follows, in text without capitals: "signe højgaard lauritsen a legal adviser",
    "tesfalem ghebremichael a 31 year old eritrean", "glenda ajú tzoc 34 from quetzaltenango", "abdul hamid
    dbeibah the head of", "paula e whitcomb director of", "francisco xavier de la rosa who runs"."""
    tokens = folded.split()
    found = []
    for index in range(2, len(tokens)):
        if (role := _description_at(tokens, index)) is None:
            continue
        for size in (5, 4, 3, 2):
            words = tokens[max(0, index - size) : index]
            before = tokens[index - size - 1] if index - size > 0 else ""
            name = " ".join(words)
            if (len(words) == size and _starts_a_name(before) and _name_words(words) and is_name(name)
                    and not is_ordinary_words(words)):
                found.append(Person(_title_case(name), role or None))
                break
    return found


def _starts_a_name(before: str) -> bool:
    """Whether a name can begin after ``before``: a boundary ("said", "and", "met", "the rev", the end of an
    organisation's name), but not a preposition of place ("from quetzaltenango enrique valenzuela")."""
    if before in LOCATIVES:
        return False
    return (not before or before in lexicon().function_words or is_role_word(before)
            or before in lexicon().not_names or re.fullmatch(rf"(?:{SPEECH_VERBS})", before) is not None
            or before.endswith("ed") or before in {"met", "meets"} or before.isdigit())


def _name_words(words: list[str]) -> bool:
    """Name words, with an initial ("paula e whitcomb") or a particle ("de la rosa") only inside."""
    inner = words[1:-1]
    return (not any(_not_a_name_word(w) for w in (words[0], words[-1])) and len(words[0]) > 1 and len(words[-1]) > 1
            and not any(_not_a_name_word(w) and w not in lexicon().particles for w in inner if len(w) > 1))


def _description_at(tokens: list[str], index: int) -> str | None:
    """The description that starts at ``tokens[index]`` when it can only follow a person's name."""
    head, rest = tokens[index], tokens[index + 1 : index + 5]
    if head in {"a", "an", "the"} and rest:
        if rest[0].isdigit() and rest[1:3] == ["year", "old"]:
            return None if int(rest[0]) > 120 else f"{rest[0]}-year-old"
        for number, word in enumerate(rest):
            if is_title(word) and word not in FUNCTION_WORDS:
                return " ".join(rest[: number + 1])
        return None
    if head.isdigit() and int(head) < 120 and rest[:1] and rest[0] in {"from", "of", "a", "an", "who", "and"}:
        return None if index < 3 else ""
    if head in {"who", "whose"}:
        return ""
    if is_title(head) and head not in FUNCTION_WORDS and rest[:1] and rest[0] in {"of", "at", "for", "with"}:
        return " ".join([head, *rest[:1]])
    return None


def _lowercase_titled(folded: str, known: Collection[str]) -> list[Person]:
    """"foreign minister lisandro rosales", "secretary of state marco rubio": a role word, then two name
    words (three when a function word or verb of speech follows the third), in text without capitals."""
    found = []
    pattern = re.compile(rf"\b(?P<role>(?:[a-z]+ ){{0,2}}(?:{_role_words()})(?: of state)?) "
                         rf"(?P<name>{LOWER_NAME_WORD}(?: {LOWER_NAME_WORD}){{1,2}})(?= (?P<next>\S+))")
    for match in pattern.finditer(folded):
        words = match["name"].split()
        if len(words) == 3 and (_not_a_name_word(words[2]) or not _ends_name(match["next"])):
            words = words[:2]
        # "donald trumps remain in mexico policy": a possessive that lost its apostrophe ends the name.
        for last in range(1, len(words)):
            stem = " ".join(words[: last + 1])[:-1]
            if words[last].endswith("s") and (f" {stem} " in folded or stem in known):
                words = stem.split()
                break
        if any(_not_a_name_word(w) for w in words) or not is_name(" ".join(words)):
            continue
        found.append(Person(_title_case(" ".join(words)), _clean_role(match["role"])))
    return found


def _not_a_name_word(word: str) -> bool:
    return (word in lexicon().function_words or is_title(word)
            or re.fullmatch(rf"(?:{SPEECH_VERBS})", word) is not None
            or word.endswith(("ed", "ing")) or word in {"has", "had", "is", "was", "will", "would", "says"})


def _ends_name(word: str) -> bool:
    """Whether a name can end before ``word``: a function word, a verb of speech or a role's article."""
    return word in FUNCTION_WORDS or re.fullmatch(rf"(?:{SPEECH_VERBS})", word) is not None or word in {"has", "had"}


def _mentions(folded: str, known: KnownName) -> bool:
    """Whether ``folded`` (text folded and padded with spaces) names ``known`` by any of its names."""
    return any(f" {fold_alias(alias)} " in folded for alias in (known.name, *known.aliases))


def _clean_role(role: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", " ".join(role.split()))


def _title_case(words: str) -> str:
    # "women s refugee commission" lost its apostrophe with the rest of the punctuation.
    words = re.sub(r"\b(\w+) s\b", r"\1's", words)
    small = {"of", "the", "at", "for", "and", "in", "a", "an"}
    titled = [w if i and w in small else w[:1].upper() + w[1:] for i, w in enumerate(words.split())]
    return " ".join(titled)


class NameIndex:
    """Joins short forms ("Pence", "Mr. Pence", "pierce") to the fullest name known for a person."""

    def __init__(self, found: list[Person], editorial: Editorial):
        self.known = editorial.people
        self._known_names = editorial.person_by_alias
        self._people: dict[str, Person] = {}
        self._resolved: dict[str, str | None] = {}
        for person in found:
            if self._is_name(person.name):
                self._add(person)

    def _is_name(self, name: str) -> bool:
        return fold_alias(name) in self._known_names or is_name(without_titles(name))

    def _add(self, person: Person) -> None:
        name = without_titles(person.name)
        full = self.resolve(name) or name
        if full != name and len(name) > len(full) and is_short_form(full, name):
            # A fuller form of someone already listed ("Rania el-Hajj Moussa" after "Hajj Moussa") names them.
            self._people[name] = self._people.pop(full)
            full = name
        current = self._people.get(full)
        role = person.role or (current.role if current else None) or self._known_role(full)
        if current and current.role and person.role and len(current.role) >= len(person.role):
            role = current.role
        self._people[full] = Person(full, written_out(role))
        self._resolved.clear()  # who a short form names may have changed

    def _known_role(self, name: str) -> str | None:
        return next((k.role for k in self.known if k.name == name), None)

    def resolve(self, name: str) -> str | None:
        if name not in self._resolved:
            self._resolved[name] = self._resolve(name)
        return self._resolved[name]

    def _resolve(self, name: str) -> str | None:
        """The full name behind ``name``, or None when it names nobody known."""
        bare = without_titles(name)
        key = fold_alias(bare)
        if key in self._known_names:
            return self._known_names[key]
        # "Pence", "Mr. Dunmore" and "de la Cruz" name someone already in the list; so does a longer form.
        for full in self._people:
            if is_short_form(bare, full) or is_short_form(full, bare):
                return full
        return None

    def people(self) -> list[Person]:
        # Keep a name only when no longer name in the list ends with it ("Trump" inside "Donald Trump").
        names = list(self._people)
        # "Juan Ramón" cut short of "Juan Ramón de la Fuente" is the same person too.
        kept = [p for p in self._people.values()
                if not any(o != p.name and (is_short_form(p.name, o) or is_first_part(p.name, o)) for o in names)]
        return sorted(kept, key=lambda p: p.name)


# --- organisations ------------------------------------------------------------------------------

ORG_HEADS = (r"Institute|Commission|Department|Service|Agency|Court|Patrol|Protection|Council|"
             r"Committee|Office|University|Foundation|Bureau|Ministry|Organization|Organisation")
# Capitalised words, joined by "of", "for" or "and" ("Customs and Border Protection"), ending in a head
# word; "the" only after "of"/"for", so "Mexico and the Federal … Agency" starts at "Federal".
CAPITALISED = r"[A-Z][\w’'-]+"
ORG = re.compile(
    rf"\b{CAPITALISED}(?:\s+(?:(?:of|for)\s+(?:the\s+)?|and\s+)?{CAPITALISED}){{0,5}}?\s+(?:{ORG_HEADS})\b"
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?{CAPITALISED}(?:\s+{CAPITALISED})*)?"
)
# Capitalised words that open a sentence rather than a name: "On Monday the …", "The …".
LEADING_NON_NAME = re.compile(r"^(?:(?:The|A|An|On|In|At|By|For|After|Before|And|But|Monday|Tuesday|Wednesday|"
                              r"Thursday|Friday|Saturday|Sunday)\s+)+")


def _organizations(text: str, folded: str, editorial: Editorial) -> list[str]:
    found = {k.name for k in editorial.organizations if _mentions_org(text, folded, k)}
    for match in ORG.finditer(text):
        name = LEADING_NON_NAME.sub("", match.group())
        key = fold_alias(name)
        # A known organisation by one of its names, or a longer name holding one ("the U.N. Refugee Agency").
        if key not in editorial.organization_aliases and not any(
                known in key for known in editorial.folded_organization_names):
            found.add(name)
    mentions, outlets = editorial.outlet_mentions
    found.update(name for mention in mentions.found_in(folded.split(" ")) for name in outlets[mention])
    return sorted(found)


def _mentions_org(text: str, folded: str, known: KnownName) -> bool:
    for alias in (known.name, *known.aliases):
        if re.fullmatch(r"[A-Z]{2,4}", alias):  # "UN", "EU": as lower-case words they are other words
            if alias in text and re.search(rf"(?<![\w.]){alias}(?![\w]|\.\w)", text):
                return True
        elif f" {fold_alias(alias)} " in folded:
            return True
    return False
