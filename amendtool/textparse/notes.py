"""Footnote markers: ``[1]``, ``(2)``, ``( 3)`` taken out of clause text as notes.

A parenthesised number counts as a footnote only where it closes a phrase (before
punctuation or at the end) and is not part of a legal reference such as
``Rule 110(2)`` or ``Article 21(2)(b)``.
"""

from __future__ import annotations

import re
from functools import cache

from amendtool.lang import every
from amendtool.model import Note
from amendtool.textparse.phrases import alternation

_BRACKETED = re.compile(r" ?\[(\d{1,3})\]")
_PARENTHESISED = re.compile(r" ?\( ?(\d{1,2})\)(?=\s*[,;.:]|\s*$)")


@cache
def _legal_reference_before() -> re.Pattern[str]:
    """``Rule 110``, ``Article 21(2)``, ``Artikel 5``: words from the language data."""
    words = alternation(every("reference_words"))
    return re.compile(
        rf"(?:(?<!\w)(?:{words})\s+\d+[a-z]*(?:\(\w+\))*|\))$",
        re.IGNORECASE,
    )


# Characters before a "(2)" that are searched for a legal reference ("Article 5(2)"); a
# window keeps the work per marker constant (a clause may hold thousands of markers).
REFERENCE_WINDOW = 120


def _is_footnote(text: str, match: re.Match[str]) -> bool:
    if match.re is _BRACKETED:
        return True
    start = match.start()
    before = text[max(0, start - REFERENCE_WINDOW) : start].rstrip()  # bounded: linear work
    return not _legal_reference_before().search(before)


def extract_notes(text: str) -> tuple[str, tuple[Note, ...]]:
    """Remove footnote markers from ``text``; return the clean text and the notes."""
    if "[" not in text and "(" not in text:
        return text, ()
    notes: list[Note] = []
    pieces: list[str] = []
    cursor = 0
    clean_length = 0
    matches = sorted(
        [*_BRACKETED.finditer(text), *_PARENTHESISED.finditer(text)], key=lambda m: m.start()
    )
    for match in matches:
        if match.start() < cursor or not _is_footnote(text, match):
            continue
        kept = text[cursor : match.start()]
        pieces.append(kept)
        clean_length += len(kept)
        notes.append(Note(marker=match.group(1), offset=clean_length))
        cursor = match.end()
    pieces.append(text[cursor:])
    return "".join(pieces), tuple(notes)


def insert_markers(text: str, notes: tuple[Note, ...]) -> str:
    """The inverse of :func:`extract_notes`, writing markers as ``[n]``."""
    pieces: list[str] = []
    cursor = 0
    for note in sorted(notes, key=lambda n: n.offset):
        pieces.append(text[cursor : note.offset])
        pieces.append(f"[{note.marker}]")
        cursor = note.offset
    pieces.append(text[cursor:])
    return "".join(pieces)
