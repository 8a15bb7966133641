"""Header lines that belong to the page around a document, in any interface language.

A motion in English may be shown under a Polish page: its navigation, chrome, notices,
lifecycle labels and page-title line are recognised in every language of the data,
whatever the language of the document itself.

The phrases of all 24 languages are looked up as folded strings (sets and prefixes),
not as one huge regular expression: compiling that would cost more than reading a page.
"""

from __future__ import annotations

import re
from functools import cache

from amendtool.dates import find_dates
from amendtool.lang import every, languages
from amendtool.model import DocKind
from amendtool.textparse.references import NUMBER, PROCEDURE

_SEPARATORS = "|•>:·,.–—- \t"
# a line holding several chrome words: "Index | Previous | Next", "Index  Previous"
_PIECES = re.compile(r"\s*[|•>·]\s*|\s{2,}|\s+[–—-]\s+")
# letters left over on a date line ("EN", "RSP"): more and the line says something else
MAX_DATE_LINE_LETTERS = 4


def fold(text: str) -> str:
    """Case-folded, spaces collapsed, separators trimmed: the form phrases are compared in."""
    return " ".join(text.split()).casefold().strip(_SEPARATORS)


@cache
def _folded(key: str) -> frozenset[str]:
    return frozenset(fold(phrase) for phrase in every(key))


@cache
def _folded_longest_first(key: str) -> tuple[str, ...]:
    return tuple(sorted(_folded(key), key=len, reverse=True))


def _whole_line(text: str, key: str) -> bool:
    """A line made only of the phrases under ``key`` and separators."""
    phrases = _folded(key)
    if fold(text) in phrases:
        return True
    pieces = [fold(p) for p in _PIECES.split(text.strip()) if fold(p)]
    return len(pieces) > 1 and all(p in phrases for p in pieces)


def _bounded(folded: str, start: int, end: int) -> bool:
    before = folded[start - 1] if start > 0 else " "
    after = folded[end] if end < len(folded) else " "
    return not before.isalnum() and not after.isalnum()


def _starts_with(folded: str, key: str) -> str:
    for phrase in _folded_longest_first(key):
        if folded.startswith(phrase) and _bounded(folded, 0, len(phrase)):
            return phrase
    return ""


def _contains(folded: str, key: str) -> bool:
    for phrase in _folded_longest_first(key):
        start = folded.find(phrase)
        if start >= 0 and _bounded(folded, start, start + len(phrase)):
            return True
    return False


# Page furniture that no language data describes (codes, links, layout marks).
_LAYOUT_CRUFT = (
    (re.compile(r"^[a-z]{2}(?:\s*\|\s*[a-z]{2})+$"), "language switch"),
    (re.compile(r"^(?:•\s*)?[a-zA-Z]{2} - \w+(?: \(\w+\))?$"), "language menu"),
    (re.compile(r"^(?:©|@)"), "image credit"),
    (re.compile(r"E-?Mail|<u>|https?://|www\."), "share link"),
    (re.compile(r"^PDF\s*\d+k", re.IGNORECASE), "download link"),
    (re.compile(r"^PV \d"), "procedure lifecycle"),
    (re.compile(r"^PE\s?\d{3}\.\d{3}v\d{2}-\d{2}$"), "document reference footer"),
    (re.compile(r"^CE?\s*\d+\s*E?\s*/\s*\d+$"), "Official Journal page header"),
    (re.compile(r"^\(\d{4}/C \d+ ?E?/\d+\)$"), "Official Journal notice number"),
    (re.compile(r"^\S+ \d{5}[A-Z]{2}\d{4}$"), "EUR-Lex document id"),
    (re.compile(r"^[A-Z]{2}$"), "language code"),
    (re.compile(r"^[\W_]+$"), "punctuation only"),
)


def layout_reason(text: str) -> str:
    """Why ``text`` is page furniture that no language data describes, or ``""``."""
    for pattern, reason in _LAYOUT_CRUFT:
        if pattern.search(text):
            return reason
    return ""


@cache
def _journal_header() -> re.Pattern[str]:
    abbreviations = sorted(every("official_journal"), key=len, reverse=True)
    return re.compile(rf"^(?:{'|'.join(map(re.escape, abbreviations))})\s+C\b")


_BREADCRUMB = re.compile(r"\s*[>›»]\s*")


def _breadcrumb(text: str) -> bool:
    """``• Home • > Texts adopted > Examplestan``: a trail that starts at a chrome word."""
    pieces = [fold(p) for p in _BREADCRUMB.split(text) if fold(p)]
    return len(pieces) > 1 and pieces[0] in _folded("chrome") and bool(_BREADCRUMB.search(text))


def chrome_reason(text: str) -> str:
    """Why ``text`` is page furniture (``"page navigation"`` ...), or ``""``."""
    folded = fold(text)
    if _breadcrumb(text):
        return "breadcrumb"
    if _whole_line(text, "navigation"):
        return "page navigation"
    if _whole_line(text, "chrome"):
        return "site chrome"
    if _starts_with(folded, "notices"):
        return "site notice"
    if _contains(folded, "tabling"):
        return "tabling line"
    if _journal_header().search(text):
        return "Official Journal header"
    return ""


def lifecycle_label(text: str) -> str:
    """The label of a lifecycle line (``Procedure : 2030/2999(RSP)``, ``Texts tabled :``,
    ``Document stages in plenary``), folded, or ``""``."""
    folded = " ".join(text.split()).casefold()
    label = _starts_with(folded, "lifecycle")
    return label if label and folded[len(label) :].lstrip()[:1] in ("", ":") else ""


def names_the_document(label: str) -> bool:
    """Whether a lifecycle label's value is the document's own number (``Texts tabled``)."""
    return label in _folded("lifecycle_document")


@cache
def _kind_names() -> dict[str, DocKind]:
    return {
        fold(word): kind
        for lang in languages()
        for kind in (DocKind.RESOLUTION, DocKind.MOTION, DocKind.JOINT_MOTION)
        for word in lang.kind_words(kind)
    }


def page_title_kind(text: str) -> DocKind | None:
    """The kind named by a page-title line, which holds only document names and numbers.

    ``Projekt rezolucji - B9-0999/2030Projekt rezolucji``: the localised document name
    glued to itself around the number, in any language.
    """
    if not NUMBER.search(text):
        return None
    by_name = _kind_names()
    pieces = [fold(p) for p in _PIECES.split(NUMBER.sub("  ", text).strip()) if fold(p)]
    if not pieces or not all(p in by_name for p in pieces):
        return None
    return by_name[pieces[0]]


@cache
def _date_line_words() -> frozenset[str]:
    words = every("weekdays") + every("places") + every("chrome") + every("date_words")
    return frozenset(w for phrase in words for w in re.findall(r"[^\W\d_]+", phrase.casefold()))


def date_line_leftover(text: str) -> str:
    """The letters of ``text`` once dates, procedures, weekdays, sitting places, chrome
    words and template codes (``{02/02/2030}``) are taken out."""
    text = re.sub(r"\{[^{}]{0,40}\}", " ", text)
    for date in reversed(find_dates(text)):
        text = text[: date.start] + " " + text[date.end :]
    words = re.findall(r"[^\W\d_]+", PROCEDURE.sub(" ", text).casefold())
    return "".join(w for w in words if w not in _date_line_words())


def is_date_line(text: str) -> bool:
    """A line that holds a date and nothing else worth reading: ``1.2.2030 - (2030/2999(RSP))``,
    ``Jeudi 2 février 2030 - Strasbourg``, ``{02/02/2030}2.2.2030``."""
    return bool(find_dates(text)) and len(date_line_leftover(text)) <= MAX_DATE_LINE_LETTERS


@cache
def _weekdays() -> frozenset[str]:
    return _folded("weekdays")


def names_weekday(text: str) -> bool:
    """Whether ``text`` names a day of the week (a sitting-day line)."""
    folded = text.casefold()
    for weekday in _weekdays():
        start = folded.find(weekday)
        if start >= 0 and _bounded(folded, start, start + len(weekday)):
            return True
    return False
