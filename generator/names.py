"""What a person's name looks like in news text: its words, the titles before it, and its later short forms.

nameparser's tables give the broad knowledge (titles, particles such as "de la" and "von der", suffixes such
as "Jr."); ``data/people.yml`` adds the news words it lacks. A capitalised phrase is taken for a person only
when the text cues it as one: a title, a role in apposition, or a verb of speech.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import pycountry
from nameparser.config import CONSTANTS

from .datafile import load_package_yaml
from .gazetteer import gazetteer
from .text import fold, fold_alias

SPEECH_VERBS = ("told me|said|says|told|tells|added|adds|explained|explains|tweeted|wrote|writes|warned|warns|asked|"
                "stated|noted|argued|insisted|stressed|acknowledged|admitted|announced|declared|posted|urged|"
                "replied|responded|recalled|agreed|vowed|promised|called|calls|described|countered|conceded|"
                "cautioned|complained|claimed|predicted|suggested|testified|defines|saying|telling|adding|calling|"
                "describing|warning|insisting|arguing|noting|writing|spoke|call")
WORD = re.compile(r"[^\W\d_][\w’'-]*")
# A capitalised name of two to four words, for the role patterns ("Marcelo Ebrard, the foreign minister,").
# Atomic ((?>…)): every pattern goes on after a name word with a space, a comma or nothing, none of which a
# shorter match of the word could be followed by; so giving characters back changes no match, and only makes
# a failing pattern (a name not followed by ", the …") try each shorter word at each capital: 7 × slower.
NAME_WORD = r"(?>[A-Z][\w’'.-]*[a-z][\w’'-]*|[A-Z]\.)"
NAME = rf"{NAME_WORD}(?:\s+(?:de\s+|del\s+|van\s+|von\s+)?{NAME_WORD}){{1,3}}"
FUNCTION_WORDS = {"a", "an", "and", "the", "but", "if", "or", "that", "this", "it", "in", "on", "of",
                  "to", "for", "with", "as", "at", "by", "there", "they", "we", "i", "so"}
# "al-Assad", "bin Salman": an Arabic particle joined by a hyphen starts a name word in lower case.
JOINED_PARTICLE = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu|ul)-[A-Z]")
SUFFIXES = {"jr", "sr", "jnr", "snr", "ii", "iii", "iv", "vi", "vii", "viii"}
POSSESSIVE = re.compile(r"[’']s?$")
MAX_NAME_WORDS = 5
CONTEXT = 160
"""Characters either side of a name in which its cues (a title, a role, a verb of speech) are looked for."""


@dataclass(frozen=True)
class NameSpan:
    """A capitalised run of name words in a text, split into its title words and the name itself."""

    name: str
    """The name without titles: "Rishi Sunak", "Charles W. Dunmore Jr."; a surname alone after a title."""
    role: str | None
    """Title words written before the name ("Prime Minister", "government spokeswoman")."""
    start: int
    end: int
    cued: bool
    """Whether the text marks it as a person: a title, an appositive role, or a verb of speech."""


@dataclass(frozen=True)
class _Lexicon:
    titles: frozenset[str]
    roles: frozenset[str]
    honorifics: frozenset[str]
    not_names: frozenset[str]
    function_words: frozenset[str]
    particles: frozenset[str]
    places: frozenset[str]
    common_words: frozenset[str]
    """The most frequent English words: in text without capitals, a run of them is not a name."""
    abbreviations: dict[str, str]
    """Abbreviated titles and what they stand for ("rep" → "Representative")."""
    bodies: frozenset[str]
    """Institutions and sources that speak for themselves: "the ministry said", "sources said"."""
    thing_heads: frozenset[str]
    """Words that make what follows a thing's name: "Operation Lone Star", "Hurricane Stan"."""


@cache
def lexicon() -> _Lexicon:
    data = load_package_yaml("people.yml")
    for key, words in data.items():
        if key == "abbreviations":
            continue
        if not all(isinstance(word, str) and word == word.lower() for word in words):
            raise ValueError(f"people.yml: every entry of '{key}' must be a lower-case word (quote on, no, yes)")
    particles = {p for p in CONSTANTS.prefixes if p.isalpha() and p.islower() and len(p) <= 5}
    places = {fold(s.name) for s in pycountry.subdivisions}
    return _Lexicon(titles=frozenset(CONSTANTS.titles) | frozenset(data["titles"]), roles=frozenset(data["titles"]),
                    honorifics=frozenset(data["honorifics"]), not_names=frozenset(data["not_names"]),
                    function_words=frozenset(data["function_words"]),
                    particles=frozenset(particles - {"san", "santa", "st", "ste"}), places=frozenset(places),
                    common_words=frozenset(_common_words()), thing_heads=frozenset(data["thing_heads"]),
                    bodies=frozenset(data["bodies"]), abbreviations=dict(data["abbreviations"]))


def _common_words() -> list[str]:
    text = resources.files("generator.data").joinpath("common_words.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def _bare(word: str) -> str:
    return word.lower().rstrip(".")


def is_role_word(word: str) -> bool:
    """A news role word or courtesy title from people.yml ("spokeswoman", "rev"), not nameparser's wider list."""
    words = lexicon()
    return _bare(word) in words.roles or _bare(word) in words.honorifics


def is_title(word: str) -> bool:
    words = lexicon()
    return _bare(word) in words.titles or _bare(word) in words.honorifics


def _is_name_word(word: str) -> bool:
    if word[0].isupper():
        return not (word.isupper() and len(word) > 1 and _bare(word) not in SUFFIXES)
    return "-" in word and JOINED_PARTICLE.match(word) is not None  # its particle is in lower case


def name_spans(text: str, min_words: int = 1) -> list[NameSpan]:
    """Every run of capitalised words that may be a person's name, with the cues the text gives.

    ``min_words``: only names of at least that many words are wanted. A name is part of one run of words,
    so a shorter run is not read for its cues (two thirds of the runs in news text are one word).
    """
    words = [(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]
    spans = []
    index = 0
    while index < len(words):
        if not _is_name_word(words[index][0]):  # most words: no run starts here
            index += 1
            continue
        end = _run_end(text, words, index)
        if end > index:
            if end - index >= min_words and (span := _span(text, words[index:end])):
                spans.append(span)
            index = end
        else:
            index += 1
    return spans


def _run_end(text: str, words: list[tuple[str, int, int]], start: int) -> int:
    """Index after the last word of the capitalised run starting at ``start`` (``start`` if none)."""
    if not _is_name_word(words[start][0]):
        return start
    end = start + 1
    while end < len(words):
        word, begin, _ = words[end]
        gap = text[words[end - 1][2] : begin]
        initial_dot = gap.startswith(".") and (len(words[end - 1][0]) == 1 or is_title(words[end - 1][0]))
        if gap not in (" ", ". ") or (gap == ". " and not initial_dot):
            if re.fullmatch(r",? ", gap) and _bare(word) in SUFFIXES:
                return end + 1  # "Charles W. Dunmore Jr.", "Martin Luther King Jr."
            break
        if _is_name_word(word):
            end += 1
        elif (word in lexicon().particles and end + 1 < len(words) and text[words[end][2] : words[end + 1][1]] == " "
              and (_is_name_word(words[end + 1][0]) or words[end + 1][0] in lexicon().particles)):
            end += 1  # "de la Cruz", "von der Leyen"
        else:
            break
    return end


def _span(text: str, run: list[tuple[str, int, int]]) -> NameSpan | None:
    words = lexicon()
    while run and _bare(run[0][0]) in words.function_words:
        run = run[1:]  # "But Sean Fraser", "In June"
    if not run:
        return None
    tokens = [w for w, _, _ in run]
    # The last title with a name after it: "King" in "Martin Luther King Jr." is the name, not a title.
    titled = max((i for i, w in enumerate(tokens[:-1])
                  if is_title(w) and any(_bare(t) not in SUFFIXES for t in tokens[i + 1 :])), default=-1)
    # Words of an office or an owner before the name: "Interior" in "Vice Minister of the Interior Omer
    # Badilla", "Belgium's" in "Belgium's Alexander De Croo" (two name words must remain).
    while titled + 1 < len(tokens) - 2 and _describes(tokens[titled + 1]):
        titled += 1
    if any(_bare(word) in lexicon().thing_heads for word in tokens[: titled + 1]):
        return None  # "Operation Lone Star", "Hurricane Stan": a thing's name
    first = run[titled + 1][1]
    end = run[-1][2]
    if _bare(tokens[-1]) in SUFFIXES and text[end : end + 1] == ".":
        end += 1
    name = POSSESSIVE.sub("", text[first:end])
    role = _role_words(text, run[: titled + 1])
    # Cues sit next to the name: a bounded window keeps the scan linear in the text's length.
    before, after = text[max(0, run[0][1] - CONTEXT) : run[0][1]], text[end : end + CONTEXT]
    lead_role = _role_before(before)
    if lead_role and not role:
        role = lead_role
    cued = titled >= 0 or bool(role) or _cued_by_context(before, after)
    if not is_name(name) or (not cued and (_looks_like_place(before, after) or _attributive(before, after))):
        return None
    return NameSpan(name=name, role=role, start=run[0][1], end=end, cued=cued)


def _describes(word: str) -> bool:
    return _bare(word) in lexicon().not_names or word.endswith(("’s", "'s"))


def _role_words(text: str, run: list[tuple[str, int, int]]) -> str | None:
    """The title words of a span as written ("U.S. President", "Tamaulipas Gov."), without a courtesy
    title after a real one ("Prime Minister Sir")."""
    while run and _bare(run[-1][0]) in lexicon().honorifics and any(not _honorific(w) for w, _, _ in run[:-1]):
        run = run[:-1]
    if not run or all(_honorific(w) for w, _, _ in run):
        return None
    start = run[0][1]
    # "U.S. President", "UK Prime Minister": initials and acronyms are not name words, but are the role's;
    # so is the office an "of" names ("Vice Minister of the Interior").
    window = max(0, start - CONTEXT)
    if initials := re.search(r"(?:(?:\b[A-Z]\.)+|\b[A-Z]{2,4}\s|(?:\b[A-Z][\w’'-]*\s+)+of\s+(?:the\s+)?)$",
                             text[window:start]):
        start = window + initials.start()
    return " ".join(text[start : run[-1][2]].split())


def _honorific(word: str) -> bool:
    return _bare(word) in lexicon().honorifics


def _role_before(before: str) -> str | None:
    """Lower-case role words right before a name: "government spokeswoman", "Greens senator"."""
    words = before[-60:].split(" ")
    if len(words) < 2 or words[-1] != "" or not re.fullmatch(r"[a-z][\w-]*", words[-2]) or not is_title(words[-2]):
        return None
    lead = [w for w in words[-5:-2] if w and re.fullmatch(r"[\w’'-]+", w) and _bare(w) not in lexicon().function_words]
    return " ".join([*lead, words[-2]])


APPOSITION_AFTER = re.compile(r",\s+(?:the|a|an|who|whose|\d{1,3},)\s")
SPEECH_AFTER = re.compile(rf"\s+(?:\w+ly\s+)?(?:{SPEECH_VERBS})\b")
SPEECH_BEFORE = re.compile(rf"\b(?:{SPEECH_VERBS})\s+$")
TITLE_IN_COMMAS_BEFORE = re.compile(r"([\w-]+),\s+$")
LONGEST_SPEECH_VERB = max(len(verb) for verb in SPEECH_VERBS.split("|"))


def _cued_by_context(before: str, after: str) -> bool:
    if APPOSITION_AFTER.match(after):  # "Marco Mendicino, the public safety minister,"
        return True
    if SPEECH_AFTER.match(after):  # "Noem said", "Bukele wrote"
        return True
    # Both patterns below end at the window's end, after some space. The verb is searched for only where
    # it can start (a search of the whole window tries every verb at each of its 160 characters); a search
    # from a position still sees the characters before it for its word boundary.
    stripped = before.rstrip()
    if len(stripped) == len(before):
        return False
    if SPEECH_BEFORE.search(before, max(0, len(stripped) - LONGEST_SPEECH_VERB)):  # "said Kevin Appleby"
        return True
    # "The immigration minister, Sean Fraser, said"
    if not stripped.endswith(","):
        return False
    match = TITLE_IN_COMMAS_BEFORE.search(before)
    return bool(match and is_title(match[1]))


LOCATIVE = re.compile(r"\b(?:in|at|from|to|near|across|into|outside|inside|through|toward|towards|via|of)\s+"
                      r"(?:the\s+)?$")


def _looks_like_place(before: str, after: str) -> bool:
    """"in San Pedro Sula", "Nuevo Laredo, Mexico": an uncued capitalised phrase where places stand."""
    if LOCATIVE.search(before):
        return True
    following = re.match(r",\s+([A-Z][\w ]{2,30}?)(?=[,.;]|\s+[a-z])", after)
    return bool(following and gazetteer().mentions(following[1]))


def _attributive(before: str, after: str) -> bool:
    """"a Tel Aviv hotel", "a Coral Gables immigration attorney": a name used as a modifier is a place or
    a firm, never a person."""
    return bool(re.search(r"\b(?:a|an)\s+$", before) and re.match(r"\s+[a-z]", after))


@lru_cache(maxsize=65536)
def is_name(name: str) -> bool:
    """Whether a phrase can be a person's name: name words only, none that makes it a place or an institution."""
    words = lexicon()
    tokens = name.split()
    # Particles do not count: "Luis Fernando de la Rosa Quintanilla" is a name of four words.
    if not tokens or len([t for t in tokens if t not in words.particles]) > MAX_NAME_WORDS or re.search(r"\d", name):
        return False
    bare = [_bare(t) for t in tokens]
    if any(b in words.not_names or (b in words.function_words and len(b) > 1) for b in bare if b not in SUFFIXES):
        return False
    folded = fold(name)
    if folded in words.places or gazetteer().mentions(name):
        return False
    return not all(len(b) == 1 or b in SUFFIXES or b in words.titles or b in words.honorifics for b in bare)


@lru_cache(maxsize=65536)
def without_titles(name: str) -> str:
    """"Sir Keir Starmer" → "Keir Starmer"; "Mr. Dunmore" → "Dunmore"; a possessive's ending goes too."""
    tokens = name.split()
    while len(tokens) > 1 and is_title(tokens[0]):
        tokens = tokens[1:]
    result = " ".join(tokens)
    return POSSESSIVE.sub("", result) if len(result) > 3 else result


@lru_cache(maxsize=65536)
def surname_key(name: str) -> str:
    """The folded name without its suffix, to compare with a later short form ("Dunmore", "Hill Tinoco")."""
    tokens = [t for t in without_titles(name).split() if _bare(t) not in SUFFIXES]
    return fold(" ".join(tokens))


def is_short_form(short: str, full: str) -> bool:
    """Whether ``short`` ("Mr. McAleenan", "de la Cruz", "Kasirer") names the person ``full`` names."""
    key, whole = surname_key(short), surname_key(full)
    return bool(key) and (key == whole or whole.endswith(" " + key))


def is_first_part(short: str, full: str) -> bool:
    """Whether ``short`` ("Juan Ramón") is the first two or more words of ``full`` ("Juan Ramón de la Fuente")."""
    key, whole = fold_alias(short), fold_alias(full)
    return len(key.split()) >= 2 and whole.startswith(key + " ")


def is_ordinary_words(words: list[str]) -> bool:
    """Whether lower-case words are ordinary English rather than a name ("door remains open", not "paula e
    whitcomb"): all but one of them among the most frequent words (a name may hold one: "mark rutte")."""
    common = sum(word in lexicon().common_words for word in words)
    return common >= max(2, len(words) - 1)


def written_out(role: str | None) -> str | None:
    """A role with its abbreviated titles written out: "Rep." → "Representative", "Tamaulipas Gov." →
    "Tamaulipas Governor"."""
    if not role:
        return role
    return " ".join(lexicon().abbreviations.get(word.lower().rstrip("."), word) if word.endswith(".") or
                    word.lower() in lexicon().abbreviations else word for word in role.split())
