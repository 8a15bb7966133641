"""The title of a document from its heading: whole wording, without names and references.

``MOTION FOR A RESOLUTION with recommendations to the Commission on Examplestan``
keeps "with recommendations to the Commission on Examplestan"; ``European Parliament
resolution of 2 February 2030 on Examplestan (2030/2999(RSP))`` gives "Examplestan"
(the date and the procedure are metadata).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from amendtool.dates import find_dates
from amendtool.lang import every
from amendtool.textparse.phrases import LanguagePhrases, alternation
from amendtool.textparse.references import NUMBER, PROCEDURE

MAX_TITLE = 400  # characters: a longer header line is prose, not a title
# a date this close to the document name is the document's ("resolution of 2 February 2030")
MAX_DATE_OFFSET = 25  # characters after the name


@dataclass(frozen=True)
class Heading:
    title: str  # "" when the heading names no title
    date: str  # the document's date printed right after its name, or ""
    short_title_line: bool  # "Texts adopted - Examplestan - Thursday, 2 February 2030"


def clean_title(raw: str) -> str:
    """A title without procedure references, emptied brackets and edge punctuation."""
    title = PROCEDURE.sub("", raw)
    title = re.sub(r"\(\s*\)", "", title)
    return " ".join(title.split()).strip(" -–—,:")


@cache
def _date_words() -> re.Pattern[str]:
    return re.compile(rf"^(?:(?:{alternation(every('date_words'))})(?!\w)[\s,]*)+", re.I)


def read_heading(rest: str, phrases: LanguagePhrases) -> Heading:
    """What follows the document name in a heading line."""
    rest = NUMBER.sub(" ", rest)
    if re.match(r"^\s*[-–—|]", rest):  # a page title: name - short title - sitting day
        dates = find_dates(rest, phrases.code)
        return Heading("", dates[0].iso if dates else "", True)
    rest = rest.strip(" ,:")
    date = ""
    dates = find_dates(rest, phrases.code)
    on = phrases.title_on.search(rest)
    if dates and dates[0].start <= MAX_DATE_OFFSET and (on is None or dates[0].start < on.start()):
        date = dates[0].iso
        rest = _date_words().sub("", rest[dates[0].end :].lstrip(" ,."))
    rest = phrases.title_on_start.sub("", rest.strip(" ,"))
    title = clean_title(rest)
    return Heading(title if len(title) <= MAX_TITLE else "", date, False)


def read_title_line(text: str, phrases: LanguagePhrases) -> str | None:
    """``on Examplestan (2016/2999(RSP))``: the title of a line that starts with "on"."""
    match = phrases.title_on_start.match(text)
    return clean_title(text[match.end() :]) if match else None


def continues_title(text: str) -> bool:
    """A line that carries on the title of the line before (it starts in lower case)."""
    return text[:1].islower()
