"""Header lines that belong to the page around a document, in any interface language.

A motion in English may be shown under a Polish page: its navigation, chrome, notices,
lifecycle labels and page-title line are recognised in every language of the data,
whatever the language of the document itself.
"""

from __future__ import annotations

import re
from functools import cache

from amendtool.lang import every, languages
from amendtool.model import DocKind
from amendtool.textparse.dates import find_dates
from amendtool.textparse.phrases import alternation
from amendtool.textparse.references import NUMBER, PROCEDURE

_I = re.IGNORECASE
_SEPARATORS = r"[\s|•>:·,.–—-]"
# letters left over on a date line ("EN", "RSP"): more and the line says something else
MAX_DATE_LINE_LETTERS = 4


def _whole_line(key: str) -> re.Pattern[str]:
    """A line made only of the phrases under ``key`` and separators."""
    words = alternation(every(key))
    return re.compile(rf"^{_SEPARATORS}*(?:(?:{words}){_SEPARATORS}*)+$", _I)


@cache
def _rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    return (
        (_whole_line("navigation"), "page navigation"),
        (_whole_line("chrome"), "site chrome"),
        (
            re.compile(rf"^{_SEPARATORS}*(?:{alternation(every('notices'))})(?!\w)", _I),
            "site notice",
        ),
        (re.compile(rf"(?<!\w)(?:{alternation(every('tabling'))})(?!\w)", _I), "tabling line"),
        (
            re.compile(rf"^(?:{alternation(every('official_journal'))})\s+C\b"),
            "Official Journal header",
        ),
    )


def chrome_reason(text: str) -> str:
    """Why ``text`` is page furniture (``"page navigation"`` ...), or ``""``."""
    for pattern, reason in _rules():
        if pattern.search(text):
            return reason
    return ""


@cache
def _lifecycle() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(every('lifecycle'))})\s*(?::|$)", _I)


def is_lifecycle(text: str) -> bool:
    """``Procedure : 2030/2999(RSP)``, ``Texts tabled :``, ``Document stages in plenary``."""
    return bool(_lifecycle().match(text))


@cache
def _kind_names() -> tuple[re.Pattern[str], dict[str, DocKind]]:
    by_name = {
        word.lower(): kind
        for lang in languages()
        for kind in (DocKind.RESOLUTION, DocKind.MOTION, DocKind.JOINT_MOTION)
        for word in lang.kind_words(kind)
    }
    return re.compile(rf"(?:{alternation(tuple(by_name))})", _I), by_name


def page_title_kind(text: str) -> DocKind | None:
    """The kind named by a page-title line, which holds only document names and numbers.

    ``Projekt rezolucji - B9-0999/2030Projekt rezolucji``: the localised document name
    glued to itself around the number, in any language.
    """
    if not NUMBER.search(text):
        return None
    pattern, by_name = _kind_names()
    without_numbers = NUMBER.sub(" ", text)
    names = [m.group(0) for m in pattern.finditer(without_numbers)]
    leftover = pattern.sub(" ", without_numbers)
    if not names or re.sub(_SEPARATORS, "", leftover):
        return None
    return by_name[re.sub(r"\s+", " ", names[0]).lower()]


@cache
def _date_line_words() -> re.Pattern[str]:
    words = every("weekdays") + every("places") + every("chrome") + every("date_words")
    return re.compile(rf"(?<!\w)(?:{alternation(words)})(?!\w)", _I)


def date_line_leftover(text: str) -> str:
    """The letters of ``text`` once dates, procedures, weekdays, sitting places, chrome
    words and template codes (``{02/02/2030}``) are taken out."""
    text = re.sub(r"\{[^{}]{0,40}\}", " ", text)
    for date in reversed(find_dates(text)):
        text = text[: date.start] + " " + text[date.end :]
    text = _date_line_words().sub(" ", PROCEDURE.sub(" ", text))
    return re.sub(r"[\W\d_]", "", text)


def is_date_line(text: str) -> bool:
    """A line that holds a date and nothing else worth reading: ``1.2.2030 - (2030/2999(RSP))``,
    ``Jeudi 2 février 2030 - Strasbourg``, ``{02/02/2030}2.2.2030``."""
    return bool(find_dates(text)) and len(date_line_leftover(text)) <= MAX_DATE_LINE_LETTERS


@cache
def _weekdays() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(every('weekdays'))})(?!\w)", _I)


def names_weekday(text: str) -> bool:
    """Whether ``text`` names a day of the week (a sitting-day line)."""
    return bool(_weekdays().search(text))
