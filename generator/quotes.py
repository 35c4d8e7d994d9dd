"""Stage 4c: who said what — quotations and the people, or descriptions, they are attributed to.

A quotation is attributed by the frames news writing uses: “…,” X said / said X; X said (in a statement)
that “…”; X called it “…”; according to X; a quote that goes on from the last speaker's; and, in text
that lost its quotation marks, the words before "X said".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import Editorial, Quote
from .names import FUNCTION_WORDS, NAME, NAME_WORD, SPEECH_VERBS, is_role_word, lexicon, name_spans
from .text import SENTENCE_END, fold, fold_alias, split_words

if TYPE_CHECKING:
    from .people import NameIndex

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
ABBREVIATED = ("Mr", "Ms", "Dr", "Mrs", "Jr", "Sr", "Rep", "Sen", "Gov", "Gen", "Sgt", "Lt", "Col", "Capt", "Rev",
               "Prof", "St", "Fr", "Hon")
SPEAKER_STOP = re.compile(r"\s+(?:about|on|in|during|after|before|who|which|while|at the\s+\w+\s+border)\b|[,;]|"
                          + "".join(rf"(?<!\b{word})" for word in ABBREVIATED) + r"(?<!\b[A-Z])\.")
# A speaker's words before "said": anything but quotes and full stops, except the one after "Mr".
SPEAKER_WORDS = r"(?:[^“\".]|(?<=\b[A-Z])\.|" + "|".join(rf"(?<=\b{word})\." for word in ABBREVIATED) + ")"


@dataclass(frozen=True)
class Attribution:
    name: str
    role: str | None
    start: int
    end: int


def lowercase_said(folded: str, index: NameIndex, known: list[Attribution]) -> list[Attribution]:
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
    verbs = "said|says|told reporters|told|added|adds|wrote"
    # "… mcaleenan said", "… said paula e whitcomb director of …"
    pattern = re.compile(rf"\b(?P<name>{names}) (?:{verbs})\b|\b(?:said|says) (?P<after>{names})\b")
    found = [Attribution(forms[m["name"] or m["after"]], None, m.start(), m.end()) for m in pattern.finditer(folded)
             if m.start() not in taken]
    # "… our door remains open a spokesperson for the rwandan foreign ministry said"
    for match in re.finditer(rf"\b(?P<who>(?:a|an|another) (?:[a-z]+ ){{1,8}}?)(?:{verbs})\b", folded):
        words = match["who"].split()
        # Not "ingrid alfaro a lawyer said" (the name's apposition) nor "… a lawyer said paula whitcomb".
        named = re.search(rf"\b(?:{names}) $", folded[: match.start()]) or re.match(rf" (?:{names})\b",
                                                                                   folded[match.end() :])
        if any(is_role_word(word) for word in words[1:5]) and match.start() not in taken and not named:
            found.append(Attribution(match["who"].strip(), None, match.start(), match.end()))
    return sorted(found, key=lambda a: a.start)


def find_quotes(paragraphs: list[str], index: NameIndex, terms: frozenset[str]) -> list[Quote]:
    quotes: list[Quote] = []
    last_person: str | None = None
    previous_sentence = ""
    for paragraph_number, paragraph in enumerate(paragraphs):
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
            elif speaker is None and not before.strip() and (subject := _speaker_before(
                    _sentence_before(paragraph, bounds, sentence_start) or previous_sentence)):
                # The speaker named in the sentence before: "X insisted that …. “The kingdom will …”"
                speaker, continued = subject[1], True
            # A few quoted words are a partial quote when the sentence attributes them, but a term when
            # they name a thing ("safe third country", “Remain in Mexico”).
            short = len(split_words(body)) < MIN_QUOTE_WORDS
            if speaker is None or (short and not attributed_after and (continued or _is_term(body, terms))):
                continue
            named_before = _last_person_named(paragraph[: match.start()], index) or last_person
            speaker = _name_speaker(speaker, index, named_before)
            if speaker.startswith("the "):  # "the official": who the article introduced before, in its text so far
                told = "\n".join([*paragraphs[:paragraph_number], paragraph[: match.start()]])
                speaker = _earlier_description(speaker, told, index)
            quotes.append(Quote(text=body.rstrip(","), speaker=speaker))
            previous_speaker = speaker
        last_person = _last_person_named(paragraph, index) or last_person
        previous_sentence = "" if spans else _sentence_before(paragraph, bounds, len(paragraph))
    return quotes


def _sentence_before(paragraph: str, bounds: list[int], start: int) -> str:
    """The sentence before the one starting at ``start`` in the paragraph, its quotes blanked ("" if none)."""
    earlier = [b for b in bounds if b < start]
    return QUOTE_SPAN.sub("“…”", paragraph[earlier[-1] : start]) if earlier else ""


def _earlier_description(speaker: str, told: str, index: NameIndex) -> str:
    """"the spokesperson", "the official", "the minister": the speaker the article introduced earlier as
    "a Home Affairs spokesperson" or "An EU official", or the one person whose role it names."""
    if not (match := re.fullmatch(r"the ([\w-]+)", speaker)):
        return speaker
    noun = match[1].lower()
    introduced = re.findall(rf"\b((?:[Aa]n?|[Aa]nother)\s+(?:[\w’'-]+\s+){{0,4}}?{re.escape(noun)})\b", told)
    if introduced:
        return introduced[-1][0].lower() + introduced[-1][1:]
    if not is_role_word(noun):
        return speaker  # "the Commission" speaks for itself
    holders = [p.name for p in index.people() if p.role and noun in p.role.lower().split()]
    if len(holders) == 1:
        return holders[0]
    # "The Minister of the Interior, Fernando Grande-Marlaska, …": the role written before the name.
    titled = re.findall(rf"\b(?i:{re.escape(noun)})\b(?:\s+of(?:\s+the)?(?:\s+[A-Z][\w-]+)+)?,?\s+({NAME})", told)
    return (index.resolve(titled[-1]) or titled[-1]) if titled else speaker


def quoted_terms(editorial: Editorial) -> frozenset[str]:
    """Folded names of things a text puts in quotation marks without quoting anyone."""
    names = [name for t in editorial.glossary for name in (t.term, *t.also)]
    names += [name for a in editorial.agreements for name in (a.name, a.short_name, *a.aliases)]
    return frozenset(fold_alias(name) for name in names)


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
        if (match and len(split_words(match["who"])) <= MAX_SPEAKER_WORDS
                and (match["who"].strip().lower() in PRONOUNS or _names_someone(match["who"].strip()))):
            return match["who"].split(",")[0], True
    # “…” at the US-Mexico border, said another administration official.
    match = re.search(rf",\s+(?:{SPEECH_VERBS})\s+(?P<who>[^“\"]+)", after)
    if match and _names_someone(match["who"]) and (not re.match(r"(?:the|a|an)\s", match["who"], re.I)
                                                   or _someone_described(_trim_speaker(match["who"]))):
        return _trim_speaker(match["who"]), False
    # said the official, who added that there “…” / In June, President Donald Trump tweeted that “…”.
    candidates = [(m.end(), _trim_speaker(m["who"]))
                  for m in re.finditer(rf"\b(?:{SPEECH_VERBS})\s+(?P<who>(?:the|a|an|another)\s+[^“”\",]+),", before)
                  if _someone_described(m["who"])]
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
        description = LEADING_DESCRIPTION.match(subject) or DESCRIPTION.search(subject)
        if description and _someone_described(description["who"]):
            return verb.end(), description["who"]
    return None


def _someone_described(words: str) -> bool:
    """"a Guatemalan migration official", "the ministry", "Mexico's top diplomat" speak; "the joint
    declaration" does not."""
    return any(is_role_word(word) or word.lower() in lexicon().bodies for word in split_words(words))


def _names_someone(words: str) -> bool:
    """Whether words after a verb of speech begin with a person ("another official", "Kevin Appleby",
    "Vice Minister of the Interior Omer Badilla"), not what was said ("told parliament he would …")."""
    if re.match(r"(?:the|a|an|another|someone|somebody|one|two|three|several|some|many|both)\s", words, re.I):
        return True
    spans = [span for span in name_spans(words) if len(span.name.split()) > 1 or span.start == 0]
    lead = words[: spans[0].start].split() if spans else ["-"]
    return all(word[:1].isupper() or word in {"of", "the", "for", "and"} or word in lexicon().particles
               for word in lead)


def _trim_speaker(who: str) -> str:
    return SPEAKER_STOP.split(who, maxsplit=1)[0].strip()


def _name_speaker(speaker: str, index: NameIndex, last_person: str | None) -> str:
    """A full name where one is known; "he"/"she" is the last person named; else the description."""
    speaker = speaker.strip(" ,")
    if speaker.lower() in PRONOUNS:
        return last_person or speaker
    name = speaker.split(",")[0].strip()
    if full := index.resolve(name):
        return full
    # A title before the name: "Vice Minister of the Interior Omer Badilla".
    spans = [span.name for span in name_spans(name) if len(span.name.split()) > 1]
    if spans and not re.match(r"(?:A|An|The|Another)\b", speaker):
        return index.resolve(spans[0]) or spans[0]
    return speaker[0].lower() + speaker[1:] if re.match(r"(?:A|An|The|Another|Someone)\b", speaker) else speaker


PERSON_NAMED = re.compile(rf"(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?{NAME_WORD}(?:\s+{NAME_WORD})*")


def _last_person_named(sentence: str, index: NameIndex) -> str | None:
    # From the last name back: most capitalised words name nobody, and only the last that does is wanted.
    for name in reversed(PERSON_NAMED.findall(sentence)):
        if person := index.resolve(name):
            return person
    return None


def lowercase_quotes(folded: str, attributions: list[Attribution], index: NameIndex) -> list[Quote]:
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
