"""Dates as printed on EP pages, in every language, -> ``yyyy-mm-dd``.

Layouts read: ``2.2.2030``, ``02/02/2030``, ``2 February 2030``, ``2nd February 2030``,
``2. Februar 2030``, ``2 de febrero de 2030``, ``2 ta' Frar 2030``, ``2030. február 2.``,
``2030. gada 2. februāris``, ``2030 m. vasario 2 d.``. Month names, their other forms and
the filler words (``de``, ``ta'``, ``gada``) come from the language data.

One date reader for the whole package: the header reader (``textparse``) takes the date of
a document from its header lines, the AKN writer marks the dates inside clauses as
``<date>``. It depends on :mod:`amendtool.lang` only, so ``akn`` does not need ``textparse``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from amendtool.lang import alternation, every, month_number

_NUMERIC = re.compile(r"(?<![\d/.])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?![\d/])")


@dataclass(frozen=True)
class FoundDate:
    """One date in a text: where it stands and its ISO form."""

    start: int
    end: int
    iso: str


# a month name: one word, or two ("meán fómhair"); checked against the language data
_MONTH = r"([^\W\d_]+(?:['’-][^\W\d_]+)?(?:\s[^\W\d_]+)?)"


@cache
def _worded() -> tuple[re.Pattern[str], re.Pattern[str]]:
    filler = rf"(?:(?:{alternation(every('date_words'))})\s+)?"
    day_first = re.compile(
        rf"(?<!\d)(\d{{1,2}})(?:er|st|nd|rd|th|o|º|°|\.)?\s+{filler}{_MONTH}\s+{filler}(\d{{4}})(?!\d)",
        re.IGNORECASE,
    )
    year_first = re.compile(
        rf"(?<!\d)(\d{{4}})\.?\s+{filler}(?:(\d{{1,2}})\.\s+{_MONTH}|{_MONTH}\s+(\d{{1,2}}))(?!\d)",
        re.IGNORECASE,
    )
    return day_first, year_first


@cache
def _fillers() -> frozenset[str]:
    return frozenset(word.rstrip(".").casefold() for word in every("date_words"))


def _month(name: str, code: str) -> int | None:
    """The month of a name the patterns took, which may have swallowed a filler word
    (``febrero de``), but no other word: ``28 January around 1000`` is no date."""
    whole = month_number(name, code)
    if whole is not None:
        return whole
    first, *rest = name.split(maxsplit=1)
    return month_number(first, code) if rest and rest[0].casefold() in _fillers() else None


def _iso(year: int, month: int | None, day: int) -> str:
    if month is None or not (1 <= month <= 12 and 1 <= day <= 31):
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}"


def find_dates(text: str, code: str = "") -> list[FoundDate]:
    """Every date in ``text``, in order of appearance (month names of language ``code`` first)."""
    found: list[FoundDate] = []
    for match in _NUMERIC.finditer(text):
        day, month, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        iso = _iso(year, month, day)
        if iso:
            found.append(FoundDate(match.start(), match.end(), iso))
    if any(c.isalpha() for c in text):
        day_first, year_first = _worded()
        for match in day_first.finditer(text):
            iso = _iso(int(match.group(3)), _month(match.group(2), code), int(match.group(1)))
            if iso:
                found.append(FoundDate(match.start(), match.end(), iso))
        for match in year_first.finditer(text):
            year = int(match.group(1))
            if match.group(2):
                iso = _iso(year, _month(match.group(3), code), int(match.group(2)))
            else:
                iso = _iso(year, _month(match.group(4), code), int(match.group(5)))
            if iso:
                found.append(FoundDate(match.start(), match.end(), iso))
    found.sort(key=lambda d: d.start)
    kept: list[FoundDate] = []
    for date in found:  # a date inside another (a day-first read of a year-first date)
        if not kept or date.start >= kept[-1].end:
            kept.append(date)
    return kept


def parse_date(text: str, code: str = "") -> str:
    """The first date in ``text`` as ``yyyy-mm-dd``, or ``""``."""
    dates = find_dates(text, code)
    return dates[0].iso if dates else ""
