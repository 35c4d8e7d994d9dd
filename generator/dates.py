"""Dates as news text writes them: "June 27, 2025", "Sept. 20, 2019", "18 October 2024", "in March 2019"."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {name: number for number, names in enumerate(
    (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"), ("october", "oct"),
     ("november", "nov"), ("december", "dec")), start=1) for name in names}
MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
YEAR = r"(?P<year>(?:19|20)\d\d)"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+)"
FULL_DATES = (
    re.compile(rf"\b{YEAR}-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"\b{MONTH}\s+{DAY},?\s+{YEAR}\b", re.IGNORECASE),  # June 27, 2025 / Sept. 20, 2019
    re.compile(rf"\b{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}\b", re.IGNORECASE),  # 18 October 2024
    re.compile(rf"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.{YEAR}\b"),  # 18.03.2024, day first as in Europe
)
MONTH_YEAR = re.compile(rf"\b(?:in|since|from|until|by|of|last|early|late|mid-?)\s+{MONTH}\s+{YEAR}\b", re.IGNORECASE)
# A line that is a date and nothing else an article says: "Published 18 October 2024",
# "June 27, 2025 · 5:00 AM ET", "Fri 16 Jun 2023 21.05 BST", "Updated March 4, 2024 5:32 pm ET".
TIME = r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)"
DATE_LINE = re.compile(
    rf"^(?:(?:published|updated|update|posted|last updated|first published)(?:\s+on)?\s*:?\s+)?{WEEKDAY}?"
    rf"(?P<date>[^·|\n]{{6,30}}?)(?:,?\s*(?:[·|•-]\s*)?(?:at\s+)?{TIME})?(?:\s*[·|•]\s*[^\n]{{0,40}})?$",
    re.IGNORECASE)


def _iso(year: str, month: str, day: str) -> str | None:
    number = int(month) if month.isdigit() else MONTHS[month.lower()]
    try:
        return dt.date(int(year), number, int(day)).isoformat()
    except ValueError:
        return None


def full_dates(text: str) -> list[tuple[int, str]]:
    """Every complete date in the text, as (offset, ISO date), in order."""
    found = [(m.start(), iso) for pattern in FULL_DATES for m in pattern.finditer(text)
             if (iso := _iso(m["year"], m["month"], m["day"]))]
    return sorted(found)


def date_line(line: str) -> str | None:
    """The ISO date of a line that holds only a date (and perhaps a time, a label or a reading time)."""
    line = " ".join(line.split())
    if len(line) > 80 or not (match := DATE_LINE.match(line)):
        return None
    dates = full_dates(match["date"])
    return dates[0][1] if dates and len(match["date"]) - len(_strip_date(match["date"])) >= 6 else None


def _strip_date(text: str) -> str:
    for pattern in FULL_DATES:
        text = pattern.sub("", text)
    return text.strip(" ,.")


YEAR_MENTION = re.compile(rf"\b(?:in|since|from|until|by|during|of|early|late|mid-?)\s+{YEAR}\b(?!\s*[-–]?\s*\d)",
                          re.IGNORECASE)


def years(text: str) -> list[str]:
    """"suspended them in 2021" as "2021": a year the text places events in."""
    return [m["year"] for m in YEAR_MENTION.finditer(text)]


def month_years(text: str) -> list[str]:
    """"in March 2019" as "2019-03": a month the text places events in."""
    return [f"{m['year']}-{MONTHS[m['month'].lower()]:02d}" for m in MONTH_YEAR.finditer(text)]
