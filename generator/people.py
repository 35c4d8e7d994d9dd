"""Stage 4b: who is in an article — people with their roles, organisations, and who said what."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Editorial, KnownName, Person, Quote
from .names import SPEECH_VERBS as NAMES_SPEECH_VERBS
from .names import is_name, is_short_form, is_title, lexicon, name_spans, without_titles
from .text import SENTENCE_END, fold, fold_alias, is_lowercased, split_words

NAME_WORD = r"(?:[A-Z][\w’'.-]*[a-z][\w’'-]*|[A-Z]\.)"
NAME = rf"{NAME_WORD}(?:\s+(?:de\s+|del\s+|van\s+|von\s+)?{NAME_WORD}){{1,3}}"
TITLE_WORDS = (r"President|Vice President|Secretary|Minister|Director|Commissioner|Ambassador|"
               r"Senator|Sen\.|Representative|Rep\.|Governor|Gov\.|Judge|Chief|Attorney General|Mayor")
# "Acting Homeland Security Secretary Kevin McAleenan", "Secretary of State Mike Pompeo".
TITLED_NAME = re.compile(
    rf"\b(?P<role>(?:[A-Z][\w’'-]+\s+(?:of\s+)?)*?(?:{TITLE_WORDS})(?:\s+of\s+State)?)\s+(?P<name>{NAME})"
    rf"(?P<of>\s+of\s+[A-Z][a-z]+)?"
)
# "Marcelo Ebrard, the Mexican foreign minister," — a name, then a role in commas.
APPOSITIVE = re.compile(rf"\b(?P<name>{NAME}),\s+(?:the|a|an)\s+(?P<role>[^,.;“”\"]{{3,90}}?)[,.]")
# "Honduras’s immigration director, Wilson Paz," — a role, then a name in commas.
ROLE_FIRST = re.compile(rf"(?P<role>\b[A-Z]?[\w’'-]+(?:\s+[a-z][\w-]+){{1,3}}),\s+(?P<name>{NAME}),")
HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.\s+(?P<name>[A-Z][\w’'-]+)")

SPEECH_VERBS = r"told me|" + NAMES_SPEECH_VERBS + "|defines"
QUOTE_SPAN = re.compile(r"“(?P<a>[^“”]+)”|\"(?P<b>[^\"]+)\"")
PRONOUNS = {"he", "she"}
RELATIVE_PRONOUNS = {"who", "which", "that"}
# "In June, Trump tweeted", "Within hours, …": scene-setting, not a name.
SCENE_SETTING = r"(?:In|On|At|By|For|After|Before|Last|This|Within|During|Speaking|Asked|Earlier|Later)\b"
MIN_QUOTE_WORDS = 4
MAX_UNMARKED_QUOTE = 25
"""Words kept before "says pierce" in a clipping that lost its quotation marks."""
MAX_SPEAKER_WORDS = 14
# Words at which a speaker's description stops: "a DHS official about the agreement on Thursday".
SPEAKER_STOP = re.compile(r"\s+(?:about|on|in|during|after|before|who|which|while|at the\s+\w+\s+border)\b|[,;]|"
                          r"(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)\.")
# A speaker's words before "said": anything but quotes and full stops, except the one after "Mr".
SPEAKER_WORDS = r"(?:[^“\".]|(?<=\bMr)\.|(?<=\bMs)\.|(?<=\bDr)\.|(?<=\bMrs)\.)"
FUNCTION_WORDS = {"a", "an", "and", "the", "but", "if", "or", "that", "this", "it", "in", "on", "of",
                  "to", "for", "with", "as", "at", "by", "there", "they", "we", "i", "so"}


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
        known_names = {fold_alias(a) for k in editorial.people for a in (k.name, *k.aliases)}
        titled = _lowercase_titled(folded, known_names) + _lowercase_appositive(folded)
        attributions = _lowercase_attributions(folded, editorial)
        index = _NameIndex(known + titled + [Person(a.name, a.role) for a in attributions], editorial.people)
        attributions = sorted(attributions + _lowercase_said(folded, index, attributions), key=lambda a: a.start)
        quotes = _lowercase_quotes(folded, attributions, index)
    else:
        index = _NameIndex(_people(text) + known, editorial.people)
        quotes = _quotes(paragraphs, index, _terms(editorial))
    return Cast(people=index.people(), organizations=_organizations(text, folded, editorial), quotes=quotes)


# --- people -------------------------------------------------------------------------------------

def _people(text: str) -> list[Person]:
    """Names the text cues as people (a title, a role in apposition, a verb of speech) with their roles,
    then every other capitalised name of two or more words that is not a place or an institution."""
    found: list[Person] = []
    for match in APPOSITIVE.finditer(text):
        found.append(Person(match["name"], _clean_role(match["role"])))
    for match in ROLE_FIRST.finditer(text):
        found.append(Person(match["name"], _clean_role(match["role"])))
    for match in TITLED_NAME.finditer(text):
        role = match["role"] + (match["of"] or "")
        found.append(Person(match["name"].strip(), role.strip()))
    for span in name_spans(text):
        if len(span.name.split()) > 1:
            found.append(Person(span.name, span.role))
    return found


@dataclass(frozen=True)
class _Attribution:
    name: str
    role: str | None
    start: int
    end: int


def _lowercase_attributions(folded: str, editorial: Editorial) -> list[_Attribution]:
    """"says sarah pierce a policy analyst at the migration policy institute", "explains pierce",
    in folded text.

    Without capitals a name cannot be told from other words, so a name counts only when a role
    follows it or the alias file knows it.
    """
    organizations = sorted({fold_alias(a) for k in editorial.organizations for a in (k.name, *k.aliases)},
                           key=len, reverse=True)
    org = "|".join(re.escape(o) for o in organizations) or "(?!)"
    pattern = re.compile(
        r"\b(?:says|said|explains|explained|adds|added)\s+(?P<name2>[a-z]+\s+[a-z]+(?:\s+[a-z]+)?)"
        rf"\s+(?:a|an|the)\s+(?P<role2>(?:[a-z]+\s+){{0,2}}(?:{LOWERCASE_TITLES}|official|analyst|advocate|expert)"
        rf"(?:\s+(?:at|of|for|with)\s+the\s+(?:{org}))?)\b|"
        r"\b(?:says|said|explains|explained|adds|added)\s+(?P<name>[a-z]+(?:\s+[a-z]+)?)"
        rf"(?:\s+(?:(?:a|an|the)\s+)?(?P<role>(?:[a-z]+\s+){{1,4}}?(?:at|of|for)\s+the\s+(?:{org})))?(?=\s|$)"
    )
    known = {fold_alias(a): k.name for k in editorial.people for a in (k.name, *k.aliases)}
    found = []
    for match in pattern.finditer(folded):
        if match["name2"]:
            if not any(_not_a_name_word(w) for w in match["name2"].split()):
                found.append(_Attribution(known.get(match["name2"]) or _title_case(match["name2"]),
                                          _title_case(match["role2"]), match.start(), match.end()))
            continue
        words = match["name"].split()
        if words[-1] in FUNCTION_WORDS:
            words = words[:1]
        name = " ".join(words)
        if words[0] in FUNCTION_WORDS or not (match["role"] or name in known):
            continue
        role = _title_case(match["role"]) if match["role"] else None
        found.append(_Attribution(known.get(name) or _title_case(name), role, match.start(), match.end()))
    return found


LOWERCASE_TITLES = ("president|minister|secretary|senator|spokesman|spokeswoman|spokesperson|director|ambassador|"
                    "attorney|lawyer|judge|justice|governor|mayor|commissioner|chancellor|premier|leader|envoy")
LOWER_NAME_WORD = r"(?:[a-z\u00c0-\u024f][a-z\u00c0-\u024f'-]+)"


def _lowercase_appositive(folded: str) -> list[Person]:
    """"ingrid beatriz alfaro a salvadoran human rights lawyer said": a name, its role, then a verb of speech."""
    pattern = re.compile(rf"(?P<name>{LOWER_NAME_WORD}(?: {LOWER_NAME_WORD}){{1,2}}) (?:a|an) "
                         rf"(?P<role>(?:[a-z]+ ){{0,3}}(?:{LOWERCASE_TITLES}|official|analyst|advocate|expert)) "
                         rf"(?:said|says|told|added|adds)\b")
    found = []
    for match in pattern.finditer(folded):
        words = match["name"].split()
        while words and _not_a_name_word(words[0]):
            words = words[1:]
        if len(words) >= 2 and is_name(" ".join(words)):
            found.append(Person(_title_case(" ".join(words)), match["role"]))
    return found


def _lowercase_titled(folded: str, known: set[str]) -> list[Person]:
    """"foreign minister lisandro rosales", "secretary of state marco rubio": a role word, then two name
    words (three when a function word or verb of speech follows the third), in text without capitals."""
    found = []
    pattern = re.compile(rf"\b(?P<role>(?:[a-z]+ ){{0,2}}(?:{LOWERCASE_TITLES})(?: of state)?) "
                         rf"(?P<name>{LOWER_NAME_WORD}(?: {LOWER_NAME_WORD}){{1,2}})(?= (?P<next>\S+))")
    for match in pattern.finditer(folded):
        words = match["name"].split()
        if len(words) == 3 and (_not_a_name_word(words[2]) or not _ends_name(match["next"])):
            words = words[:2]
        if words[-1].endswith("s") and (f" {' '.join(words)[:-1]} " in folded or ' '.join(words)[:-1] in known):
            words[-1] = words[-1][:-1]  # "donald trumps administration": a possessive that lost its apostrophe
        if any(_not_a_name_word(w) for w in words) or not is_name(" ".join(words)):
            continue
        found.append(Person(_title_case(" ".join(words)), _clean_role(match["role"])))
    return found


def _not_a_name_word(word: str) -> bool:
    return (word in FUNCTION_WORDS or word in lexicon().function_words or is_title(word)
            or re.fullmatch(rf"(?:{SPEECH_VERBS})", word) is not None
            or word.endswith(("ed", "ing")) or word in {"has", "had", "is", "was", "will", "would", "says"})


def _ends_name(word: str) -> bool:
    """Whether a name can end before ``word``: a function word, a verb of speech or a role's article."""
    return word in FUNCTION_WORDS or re.fullmatch(rf"(?:{SPEECH_VERBS})", word) is not None or word in {"has", "had"}


def _lowercase_said(folded: str, index: _NameIndex, known: list[_Attribution]) -> list[_Attribution]:
    """"… our partnership mcaleenan said": a person already found, by full name or surname, then a verb of speech."""
    taken = {a.start for a in known}
    forms = {}
    for person in index.people():
        full = fold(person.name)
        forms[full] = person.name
        forms.setdefault(full.split()[-1], person.name)
    if not forms:
        return []
    names = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    pattern = re.compile(rf"\b(?P<name>{names}) (?:said|says|told reporters|told|added|adds|wrote)\b")
    return [_Attribution(forms[m["name"]], None, m.start(), m.end()) for m in pattern.finditer(folded)
            if m.start() not in taken]


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


class _NameIndex:
    """Joins short forms ("Pence", "Mr. Pence", "pierce") to the fullest name known for a person."""

    def __init__(self, found: list[Person], known: tuple[KnownName, ...]):
        self.known = known
        self._known_names = {fold_alias(a): k.name for k in reversed(known) for a in (k.name, *k.aliases)}
        self._people: dict[str, Person] = {}
        for person in found:
            if self._is_name(person.name):
                self._add(person)

    def _is_name(self, name: str) -> bool:
        return fold_alias(name) in self._known_names or is_name(without_titles(name))

    def _add(self, person: Person) -> None:
        name = without_titles(person.name)
        full = self.resolve(name) or name
        current = self._people.get(full)
        role = person.role or (current.role if current else None) or self._known_role(full)
        if current and current.role and person.role and len(current.role) >= len(person.role):
            role = current.role
        self._people[full] = Person(full, role)

    def _known_role(self, name: str) -> str | None:
        return next((k.role for k in self.known if k.name == name), None)

    def resolve(self, name: str) -> str | None:
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
        kept = [p for p in self._people.values() if not any(o != p.name and is_short_form(p.name, o) for o in names)]
        return sorted(kept, key=lambda p: p.name)


# --- quotes -------------------------------------------------------------------------------------

def _quotes(paragraphs: list[str], index: _NameIndex, terms: frozenset[str]) -> list[Quote]:
    quotes: list[Quote] = []
    last_person: str | None = None
    for paragraph in paragraphs:
        spans = list(QUOTE_SPAN.finditer(paragraph))
        bounds = _sentence_bounds(paragraph)
        previous_speaker: str | None = None
        for number, match in enumerate(spans):
            sentence_start = max(s for s in bounds if s <= match.start())
            sentence_end = min((s for s in bounds if s >= match.end()), default=len(paragraph))
            before_start = max(sentence_start, spans[number - 1].end() if number else 0)
            after_end = min(sentence_end, spans[number + 1].start() if number + 1 < len(spans) else sentence_end)
            body = (match["a"] or match["b"]).strip()
            before, after = paragraph[before_start : match.start()], paragraph[match.end() : after_end]
            direct = body[-1:] in ",!?" or after.startswith(",")
            # The sentence up to the quote, earlier quotes blanked: their words are not the writer's.
            sentence = QUOTE_SPAN.sub(lambda m: "“…”", paragraph[sentence_start : match.start()])
            speaker, attributed_after = _attribution(before, after, direct, sentence)
            continued = speaker is None and previous_speaker is not None and not before.strip()
            if continued:
                speaker = previous_speaker  # a quote that goes on with the last speaker's words
            # A few quoted words are a partial quote when the sentence attributes them, but a term when
            # they name a thing ("safe third country", “Remain in Mexico”).
            short = len(split_words(body)) < MIN_QUOTE_WORDS
            if speaker is None or (short and not attributed_after and (continued or _is_term(body, terms))):
                continue
            named_before = _last_person_named(paragraph[: match.start()], index) or last_person
            speaker = _name_speaker(speaker, index, named_before)
            quotes.append(Quote(text=body.rstrip(","), speaker=speaker))
            previous_speaker = speaker
        last_person = _last_person_named(paragraph, index) or last_person
    return quotes


def _terms(editorial: Editorial) -> frozenset[str]:
    """Folded names of things a text puts in quotation marks without quoting anyone."""
    names = [name for t in editorial.glossary for name in (t.term, *t.also)]
    names += [name for a in editorial.agreements for name in (a.name, a.short_name, *a.aliases)]
    return frozenset(fold(name) for name in names)


def _is_term(body: str, terms: frozenset[str]) -> bool:
    words = split_words(body)
    title_case = len(words) > 1 and all(w[0].isupper() or w in FUNCTION_WORDS for w in words)
    return fold(body) in terms or title_case


def _sentence_bounds(paragraph: str) -> list[int]:
    """Offsets where sentences start, plus the paragraph's end."""
    return [0, *(m.end() for m in SENTENCE_END.finditer(paragraph)), len(paragraph)]


def _attribution(before: str, after: str, direct: bool, sentence: str) -> tuple[str | None, bool]:
    """Who a quote is attributed to, from the words of its sentence before and after it, and
    whether the attribution follows it directly (“…,” X said), which makes even a word a quote."""
    if direct:
        # “…,” said Kevin Appleby / “ASAP,” said a DHS official about the agreement on Thursday.
        if match := re.match(rf"\s*,?\s*(?:{SPEECH_VERBS})\s+(?P<who>[^“\"]+)", after):
            return _trim_speaker(match["who"]), True
        # “…,” Noem said / “…,” someone with knowledge of the deal told me.
        match = re.match(rf"\s*,?\s*(?P<who>{SPEAKER_WORDS}+?)\s+(?:{SPEECH_VERBS})\b", after)
        # “…”, and said …: the same subject goes on; who that is, the sentence before the quote says.
        if match and len(split_words(match["who"])) <= MAX_SPEAKER_WORDS and match["who"].lower() != "and":
            return match["who"].split(",")[0], True
    # “…” at the US-Mexico border, said another administration official.
    if (match := re.search(rf",\s+(?:{SPEECH_VERBS})\s+(?P<who>[^“\"]+)", after)) and _names_someone(match["who"]):
        return _trim_speaker(match["who"]), False
    # said the official, who added that there “…” / In June, President Donald Trump tweeted that “…”.
    candidates = [(m.end(), _trim_speaker(m["who"]))
                  for m in re.finditer(rf"\b(?:{SPEECH_VERBS})\s+(?P<who>(?:the|a|an|another)\s+[^“”\",]+),", before)]
    # “according to the agency’s director”, before or after the quote.
    for match in re.finditer(r"\baccording to\s+(?P<who>[^“”\",;.]+)", before + " " + after):
        candidates.append((match.end() if match.start() < len(before) else 0, _trim_speaker(match["who"])))
    if subject := _speaker_before(sentence):
        candidates.append((subject[0] - len(sentence) + len(before), subject[1]))
    candidates = [(end, who.strip()) for end, who in candidates
                  if who.strip() and who.strip().lower() not in RELATIVE_PRONOUNS
                  and len(split_words(who)) <= MAX_SPEAKER_WORDS]
    return (max(candidates)[1] if candidates else None), False


# Where a sentence's main clause ends and another with its own subject begins.
CLAUSE_BREAK = re.compile(r",\s+(?:but|and|while|whereas|although|though)\s+|\s+(?:but|while|whereas)\s+|;\s*|:\s*")
LEADING_DESCRIPTION = re.compile(r"(?P<who>(?:A|An|The|Another|a|an|the|another)\s+[^,“”\"]{3,60}?)(?:,|$)")
DESCRIPTION = re.compile(r"(?:^|,\s+)(?P<who>(?:(?:a|an|the|another)\s+|[A-Z][\w.]*[’']s\s+)[^,“”\"]{3,80}?),?\s*$")


def _speaker_before(before: str) -> tuple[int, str] | None:
    """The subject of the first verb of speech before a quote in its sentence, with the verb's end:
    "Ms Meloni called the decision “…”", "Vincent Bagiire Waiswa, permanent secretary at …, said the “…”",
    "Honduran Foreign Minister Eduardo Enrique Reina posted on X that his government “…”"."""
    for verb in re.finditer(rf"\b(?:{SPEECH_VERBS})\b", before):
        subject = CLAUSE_BREAK.split(before[: verb.start()])[-1].rstrip()
        if pronoun := re.search(r"\b(?:he|she)$", subject, re.IGNORECASE):
            return verb.end(), pronoun.group().lower()
        # The subject opens its clause, after any scene-setting ("After meeting Bukele, Rubio said");
        # names after it are in apposition ("James Cleverly, appointed after Sunak sacked Suella Braverman,").
        subject = re.sub(rf"^{SCENE_SETTING}[^,]*,\s*|^\w+ly,\s*", "", subject)
        # A surname alone is a name where it stands right before the verb ("In a statement, Rubio said").
        spans = [span for span in name_spans(subject)
                 if len(span.name.split()) > 1 or span.cued or span.end == len(subject)]
        if spans:
            return verb.end(), spans[0].name
        if description := LEADING_DESCRIPTION.match(subject) or DESCRIPTION.search(subject):
            return verb.end(), description["who"]
    return None


def _names_someone(words: str) -> bool:
    """Whether words after a verb of speech begin with a person ("another official", "Kevin Appleby"),
    not what was said ("told parliament he would …")."""
    spans = name_spans(words)
    return bool(re.match(r"(?:the|a|an|another)\s", words) or (spans and spans[0].start == 0))


def _trim_speaker(who: str) -> str:
    return SPEAKER_STOP.split(who, maxsplit=1)[0].strip()


def _name_speaker(speaker: str, index: _NameIndex, last_person: str | None) -> str:
    """A full name where one is known; "he"/"she" is the last person named; else the description."""
    speaker = speaker.strip(" ,")
    if speaker.lower() in PRONOUNS:
        return last_person or speaker
    name = speaker.split(",")[0].strip()
    if full := index.resolve(name):
        return full
    return speaker[0].lower() + speaker[1:] if re.match(r"(?:A|An|The|Another|Someone)\b", speaker) else speaker


def _last_person_named(sentence: str, index: _NameIndex) -> str | None:
    last = None
    for match in re.finditer(rf"(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?{NAME_WORD}(?:\s+{NAME_WORD})*", sentence):
        last = index.resolve(match.group()) or last
    return last


def _lowercase_quotes(folded: str, attributions: list[_Attribution], index: _NameIndex) -> list[Quote]:
    """Quotes in text that lost its quotation marks: the words before "says pierce", back to the
    previous attribution, at most MAX_UNMARKED_QUOTE words."""
    quotes: list[Quote] = []
    boundary = 0
    for attribution in attributions:
        words = folded[boundary : attribution.start].split()
        boundary = attribution.end
        if not words:
            continue
        cut = words[-MAX_UNMARKED_QUOTE:]
        body = ("…" if len(cut) < len(words) else "") + " ".join(cut)
        quotes.append(Quote(text=body, speaker=index.resolve(attribution.name) or attribution.name))
    return quotes


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
        if not any(fold_alias(name) in {fold_alias(a) for a in (k.name, *k.aliases)}
                   or fold_alias(k.name) in fold_alias(name) for k in editorial.organizations):
            found.add(name)
    found |= {o.name for o in editorial.outlets if any(f" {m} " in folded for m in o.mentions)}
    return sorted(found)


def _mentions_org(text: str, folded: str, known: KnownName) -> bool:
    for alias in (known.name, *known.aliases):
        if re.fullmatch(r"[A-Z]{2,4}", alias):  # "UN", "EU": as lower-case words they are other words
            if re.search(rf"(?<![\w.]){alias}(?![\w]|\.\w)", text):
                return True
        elif f" {fold_alias(alias)} " in folded:
            return True
    return False
