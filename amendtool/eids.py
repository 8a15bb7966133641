"""Akoma Ntoso eIds after the naming convention (NC §5.4), without any XML.

``cit_N`` by position (EP citations are unnumbered), ``rec_X`` and ``para_N`` from the
printed number, ``{parent}__point_x`` for sub-points. When a printed number is missing
or repeats, the ordinal position is used instead so that eIds stay unique.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from amendtool.model import ClauseKind

PREFIX = {
    ClauseKind.CITATION: "cit",
    ClauseKind.RECITAL: "rec",
    ClauseKind.PARAGRAPH: "para",
    ClauseKind.UNCLASSIFIED: "container",  # unclassified text, as the AKN writer names it
}
_NOT_ID_CHARS = re.compile(r"[^A-Za-z0-9]")


def nc_number(printed: str) -> str:
    """The NC number of a printed ``num``: punctuation and spaces removed, case kept."""
    if printed.isascii() and printed.isalnum():  # most numbers: nothing to remove
        return printed
    return _NOT_ID_CHARS.sub("", printed)


def number_ids(prefix: str, printed_nums: Iterable[str], by_position: bool = False) -> list[str]:
    """One unique id per item: ``{prefix}_{number}``, or the ordinal when needed."""
    ids: list[str] = []
    taken: set[str] = set()
    for ordinal, printed in enumerate(printed_nums, start=1):
        number = str(ordinal) if by_position else nc_number(printed)
        candidate = f"{prefix}_{number}" if number else ""
        if not candidate or candidate in taken:
            candidate = f"{prefix}_{ordinal}"
            suffix = 1
            while candidate in taken:
                suffix += 1
                candidate = f"{prefix}_{ordinal}_{suffix}"
        taken.add(candidate)
        ids.append(candidate)
    return ids


def clause_ids(kind: ClauseKind, printed_nums: Iterable[str]) -> list[str]:
    """eIds for the clauses of one section, in order."""
    return number_ids(PREFIX[kind], printed_nums, by_position=kind is ClauseKind.CITATION)


def point_ids(parent_eid: str, printed_nums: Iterable[str]) -> list[str]:
    """eIds for the sub-points of one clause or point."""
    return number_ids(f"{parent_eid}__point", printed_nums)
