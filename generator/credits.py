"""Stage 3b: the lines a story carries about itself — byline, date line, dateline and credit lines.

News copy credits itself in a few fixed places: a byline and a date line above the story ("By Jane Doe,
BBC News" / "Jane Doe in Toronto" / "Published 18 October 2024"), a dateline opening the first paragraph
("MEXICO CITY, June 7 (Reuters) -"), and credit lines below it ("(Reporting by …; Editing by …)",
"Copyright 2024 The Associated Press", "— AFP"). They name the journalists, the outlet and the date;
they are not part of the story, so they are taken out of the body (and kept on record).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .dates import date_line, full_dates
from .model import Editorial, Outlet
from .names import is_name

MAX_CREDIT_LINE = 160
"""Longer lines are story text, not a byline or credit."""
HEAD_LINES = 4
"""Lines above the story where bylines and date lines stand."""
DATELINE_WITHIN = 3
"""Lines (a headline, a standfirst) that may come before the paragraph a dateline opens."""
SEPARATOR = re.compile(r"\s+[·•/–-]\s+|\s*\|\s*")
TIME_ONLY = re.compile(r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?", re.IGNORECASE)
# "BEIRUT, 2 July 2024": a dateline on a line of its own, with the date.
PLACE_AND_DATE = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ .'’-]{2,40},\s+(?P<date>.+)$")
PLACE_ALONE = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ.'’-]{2,}(?: [A-ZÀ-Þ][A-ZÀ-Þ.'’-]+){0,2}$")
# A journalist's tagline under the story: "Carys Penhaligon is ITV News' Europe Correspondent."
TAGLINE = re.compile(r"^(?P<names>[A-Z][^.,;]{3,60}?)\s+(?:is|are)\s+(?P<rest>[^;]{3,120}?)\.?$")
PRODUCED = re.compile(r"\b(?:produced|published|reported|written)\s+(?:by|for|with)\s+(?P<outlet>[^.;]{2,60})",
                      re.IGNORECASE)
READ_MORE = re.compile(r"^read (?:more|the full story|the original)(?: at| here)?:?\s*(?P<url>https?://\S+)$",
                       re.IGNORECASE)
EDITED_BY = re.compile(r"^(?:edited|editing)\s+by:?\s+[^.;]{3,80}$", re.IGNORECASE)
WITH_AGENCIES = re.compile(r"^\((?P<outlet>[^()]{2,40}?)\s+with\s+[^()]{2,60}\)$")
ROLE_LINE = re.compile(r"\b(?:journalist|correspondent|reporter|editor|writer|staff|contributor|columnist|"
                       r"bureau chief|producer)\b", re.IGNORECASE)
LEADING_ROLE = re.compile(r"^(?:(?:staff|senior|freelance|special)\s+)?(?:writers?|reporters?|correspondents?|"
                          r"journalists?|photographers?)\s+", re.IGNORECASE)
NAME_LIST = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*;\s*)")
# "By Jane Doe and John Roe", "By JANE DOE, BBC News", "By Jane Doe | Photographs by …"
BYLINE = re.compile(r"^by\s+(?P<names>[^|\n]+?)(?:\s*\|[^\n]*)?$", re.IGNORECASE)
# The Guardian's "Ross Tennant in Toronto", "Jane Doe and John Roe in Madrid"
NAME_IN_PLACE = re.compile(r"^(?P<names>[^\n,]+?)\s+in\s+(?P<place>[A-Z][\w .'-]{1,40})$")
# "GUATEMALA CITY (AP) —", "MEXICO CITY, June 7 (Reuters) -", "Mexico City, Jan 21 (EFE).-", "WASHINGTON —"
DATELINE = re.compile(
    r"^(?:(?P<caps>[A-ZÀ-Þ][A-ZÀ-Þ.'’ -]{2,40}?)(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})?|"
    r"(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})|(?P<dated>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?=\s+\()))"
    r"(?:,\s+(?P<day>(?:[A-Z][a-z]{2,8}\.?\s+)?\d{1,2}(?:,\s+\d{4})?))?"
    r"\s*(?:\((?P<credit>[^()\n]{2,40})\))?\s*(?:(?:\.-|—|–|--?|:)\s+(?=\S)|\s*$)")
# Credit lines under a story. Each yields journalists' names, an outlet, or both.
REPORTING = re.compile(r"\b(?:additional\s+)?(?:reporting|writing|written|reported)\s+by\s+(?P<names>[^;()\n]+)",
                       re.IGNORECASE)
CONTRIBUTED = re.compile(r"^(?P<names>(?:[^.;\n]|(?<=\b[A-Z])\.)+?)\s+contributed"
                         r"(?:\s+reporting|\s+to\s+this\s+(?:report|story))", re.IGNORECASE)
COPYRIGHT = re.compile(r"^(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}\s+)?(?P<outlet>[^.\n]{2,60}?)\.?"
                       r"(?:\s+all rights reserved\.?)?$", re.IGNORECASE)
SIGN_OFF = re.compile(r"^(?:—|–|--?|\()\s*(?P<outlet>[^()\n]{2,40}?)\s*\)?$")
FIRST_PUBLISHED = re.compile(r"^this (?:report|story|article) by (?P<outlet>.+?) was first published (?P<date>.+?)\.?$",
                             re.IGNORECASE)
NOT_JOURNALISTS = re.compile(r"\b(?:staff|agenc(?:y|ies)|wire|reporters?|correspondents?|editors?|desk|team|"
                             r"news|services?)\b", re.IGNORECASE)


@dataclass
class Credits:
    """What a story's own credit lines say about it."""

    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    """The outlet a byline, dateline or credit line names, by its name in the outlets table."""
    published: str | None = None
    """A date line's date (ISO)."""
    removed: list[str] = field(default_factory=list)


def read_credits(body: str, editorial: Editorial) -> tuple[str, Credits]:
    """Take the byline, date line, dateline and credit lines out of ``body``; say what they credit."""
    credits = Credits()
    lines = body.strip().split("\n")
    # A byline that is only a name, over a line with the journalist's role ("Freelance journalist based in …").
    following = [line for line in lines[1:4] if line.strip()]
    if following and ROLE_LINE.search(following[0]) and len(following[0]) <= MAX_CREDIT_LINE \
            and (names := _journalists(lines[0], editorial)) and " ".join(names) == " ".join(lines[0].split()):
        credits.authors += names
        _take(lines, 0, credits)
        _take(lines, 0, credits)
    lines = _lowercase_byline(lines, credits)
    while lines and _head_line(lines[0], credits, editorial):
        _take(lines, 0, credits)
    while lines and _tail_line(lines[-1], credits, editorial):
        _take(lines, -1, credits)
    # The dateline opens the story's first paragraph, which may follow a headline or a standfirst.
    for number, line in enumerate(lines[:DATELINE_WITHIN]):
        if (match := DATELINE.match(line)) and _is_dateline(match, editorial):
            credits.removed.append(match.group().strip())
            if match["credit"] and (outlet := editorial.outlet_named(match["credit"])):
                credits.outlet = credits.outlet or outlet.name
            lines[number] = line[match.end() :]
            break
    if credits.outlet is None:
        credits.outlet = next((o.name for line in credits.removed for o in editorial.outlets
                               if any(style.search(line) for style in o.house_style)), None)
    credits.authors = list(dict.fromkeys(credits.authors))
    return "\n".join(lines), credits


def _take(lines: list[str], end: int, credits: Credits) -> None:
    """Move the first (``end`` 0) or last (-1) line onto the record, with the blank lines beside it."""
    credits.removed.append(lines.pop(end).strip())
    while lines and not lines[end].strip():
        lines.pop(end)


def _head_line(line: str, credits: Credits, editorial: Editorial) -> bool:
    line = " ".join(line.split())
    if not line or len(line) > MAX_CREDIT_LINE or len(credits.removed) >= HEAD_LINES:
        return False
    if date := date_line(line):
        credits.published = credits.published or date
        return True
    if (match := PLACE_AND_DATE.match(line)) and (date := date_line(match["date"])):
        credits.published = credits.published or date
        return True
    if PLACE_ALONE.match(line):
        return True  # "ANKARA", a dateline on a line of its own
    if SEPARATOR.search(line):
        return _parts_line(SEPARATOR.split(line), credits, editorial)
    if match := BYLINE.match(line):
        names, _, affiliation = match["names"].partition(", ")
        outlet = editorial.outlet_named(affiliation) if affiliation else None
        if not affiliation and (owned := _ends_with_outlet(names, editorial)):
            names, outlet = owned  # "By JANE DOE Associated Press"
        found = _journalists(names if outlet else match["names"], editorial)
        if not (found or outlet):
            return False  # "By the end of the year, …": story text
        if outlet:
            credits.outlet = credits.outlet or outlet.name
        credits.authors += found
        return True
    if (match := NAME_IN_PLACE.match(line)) and (names := _journalists(match["names"], editorial)):
        credits.authors += names
        return True
    return False


def _parts_line(parts: list[str], credits: Credits, editorial: Editorial) -> bool:
    """"Jane Doe · CBC News · Posted: Jun 16, 2023 4:00 PM EDT": a credit line only if every part is a
    credit (a byline, a name, an outlet or a date)."""
    found = Credits()
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if date := date_line(part):
            found.published = found.published or date
        elif TIME_ONLY.fullmatch(part):
            continue
        elif outlet := editorial.outlet_named(part):
            found.outlet = found.outlet or outlet.name
        elif match := BYLINE.match(part):
            if not (names := _journalists(match["names"], editorial)):
                return False
            found.authors += names
        elif names := _journalists(part, editorial):
            found.authors += names
        else:
            return False
    credits.authors += found.authors
    credits.outlet = credits.outlet or found.outlet
    credits.published = credits.published or found.published
    return True


def _outlet_in(phrase: str, editorial: Editorial) -> Outlet | None:
    """The outlet a phrase names anywhere in it ("ITV News' Europe Correspondent"), longest name first."""
    words = re.sub(r"[’']s?\b", "", phrase).split()
    for size in range(min(5, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            if outlet := editorial.outlet_named(" ".join(words[start : start + size])):
                return outlet
    return None


def _starts_with_outlet(names: str, editorial: Editorial) -> str | None:
    words = names.split()
    for size in range(min(4, len(words) - 2), 0, -1):
        if editorial.outlet_named(" ".join(words[:size])):
            return " ".join(words[size:])
    return None


def _ends_with_outlet(names: str, editorial: Editorial) -> tuple[str, Outlet] | None:
    words = names.split()
    for size in range(min(4, len(words) - 2), 0, -1):
        if outlet := editorial.outlet_named(" ".join(words[-size:])):
            return " ".join(words[:-size]), outlet
    return None


def _lowercase_byline(lines: list[str], credits: Credits) -> list[str]:
    """"by marisol quiñones and tomás aguirre the first asylum seekers …": a lower-cased clipping's byline
    runs into its first sentence; names of two words each are the usual case, and the only one taken."""
    if not lines or not lines[0].islower():
        return lines
    word = r"[^\W\d_][\w'-]*"
    match = re.match(rf"by ({word} {word})(?:,? and ({word} {word}))? ", lines[0])
    if not match or not all(is_name(name) for name in match.groups() if name):
        return lines
    credits.authors += [name.title() for name in match.groups() if name]
    credits.removed.append(match.group().strip())
    return [lines[0][match.end() :], *lines[1:]]


def _tail_line(line: str, credits: Credits, editorial: Editorial) -> bool:
    line = " ".join(line.split())
    if not line or len(line) > MAX_CREDIT_LINE:
        return False
    # "This article was produced by The New Humanitarian. Edited by Daniel Whitlock.": every sentence a credit.
    sentences = [s for s in re.split(r"(?<=\.)(?<!\b[A-Z]\.)\s+(?=[A-Z])", line) if s]
    if len(sentences) > 1:
        trial = Credits()
        if all(_tail_line(sentence, trial, editorial) for sentence in sentences):
            credits.authors = trial.authors + credits.authors
            credits.outlet = credits.outlet or trial.outlet
            credits.published = credits.published or trial.published
            return True
        return False
    if EDITED_BY.match(line.rstrip(".")) or re.fullmatch(r"all rights reserved\.?", line, re.IGNORECASE):
        return True
    if match := READ_MORE.match(line):
        if outlet := editorial.outlet_at((urlsplit(match["url"]).hostname or "").lower()):
            credits.outlet = credits.outlet or outlet.name
        return True
    if (match := PRODUCED.search(line)) and (outlet := _outlet_in(match["outlet"], editorial)):
        credits.outlet = credits.outlet or outlet.name
        return True
    if ((match := TAGLINE.match(line)) and (outlet := _outlet_in(match["rest"], editorial))
            and (names := _journalists(match["names"], editorial))):
        credits.authors += names
        credits.outlet = credits.outlet or outlet.name
        return True
    bare = line.strip("()")
    if reporters := [m["names"] for m in REPORTING.finditer(bare)]:
        credits.authors = [name for names in reporters for name in _journalists(names, editorial)] + credits.authors
        return True
    if match := CONTRIBUTED.match(bare):
        credits.authors += _journalists(match["names"], editorial)
        return True
    if match := FIRST_PUBLISHED.match(line):
        if outlet := editorial.outlet_named(match["outlet"]):
            credits.outlet = credits.outlet or outlet.name
        if dates := full_dates(match["date"]):
            credits.published = credits.published or dates[0][1]
        return True
    # "Copyright The Financial Times Limited 2024", "(FRANCE 24 with AFP and Reuters)": the outlet's name
    # inside the credit, around a company suffix, a year or the agencies it drew on.
    for pattern in (COPYRIGHT, SIGN_OFF, WITH_AGENCIES):
        if (match := pattern.match(line)) and (outlet := _outlet_in(match["outlet"], editorial)):
            credits.outlet = credits.outlet or outlet.name
            return True
    return False


def journalists(authors: list[str], editorial: Editorial) -> list[str]:
    """Recorded authors that are people: a page's "Al Jazeera and news agencies" credits no journalist."""
    return [a for a in authors if not editorial.outlet_named(a) and not NOT_JOURNALISTS.search(a)]


def _journalists(names: str, editorial: Editorial) -> list[str]:
    """Names in a byline or credit ("Daniel Farrell and Lucia Montano in Mexico City"), as written,
    without outlets, staff credits or places; all-capital bylines ("By ANDREA GUZMÁN RIVAS") in title case."""
    found = []
    for part in NAME_LIST.split(names.strip().rstrip(".")):
        part = re.sub(r"\s+in\s+[A-Z][\w .'-]*$", "", part.strip())
        if (owner := re.match(r"(?P<outlet>[^’']+)[’']s\s+", part)) and editorial.outlet_named(owner["outlet"]):
            part = part[owner.end() :]  # "CNN’s Jennifer Hansler"
        if (owned := _starts_with_outlet(part, editorial)) is not None:
            part = owned  # "Associated Press writer Edgar H. Cojulún"
        part = LEADING_ROLE.sub("", part)
        if part.islower():
            part = part.title()
        if part.isupper():
            part = " ".join(word.capitalize() if len(word) > 2 else word.title() for word in part.split())
        if not part or editorial.outlet_named(part) or NOT_JOURNALISTS.search(part):
            continue
        if is_name(part) and len(part.split()) >= 2:
            found.append(part)
    return found


def _is_dateline(match: re.Match[str], editorial: Editorial) -> bool:
    """A place in capitals ("WASHINGTON —"), or any place with an outlet's credit ("Mexico City, Jan 21 (EFE).-");
    alone on its line only with a credit ("MADRID, 20 (EUROPA PRESS)")."""
    if not match.group().rstrip().endswith(("-", "—", "–", ":")) and not match["credit"]:
        return False
    if match["credit"]:
        return bool(editorial.outlet_named(match["credit"])) or bool(match["caps"])
    return bool(match["caps"])
