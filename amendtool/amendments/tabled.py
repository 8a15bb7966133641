"""An amendment list as read back from a file, whatever its format (AKN, JSON, Word).

Only what applying needs: the number, the target line as printed, the clauses of each
column and, when the list states them, the places of the new clauses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from amendtool.amendments.labels import Position, parse_positions
from amendtool.amendments.words import amendment_words
from amendtool.diffing.report import ChangeReport
from amendtool.model import ClauseKind


@dataclass(frozen=True)
class TabledClause:
    """One clause of one column: its wording without number, and its section when known."""

    text: str
    section: ClauseKind | None = None


@dataclass(frozen=True)
class TabledAmendment:
    """One amendment of a list."""

    number: int
    target: str  # "Recital C", "Paragraphs 5 and 6", "Recital B a (new)"
    old: tuple[TabledClause, ...]  # the left column: the wording in the base text
    new: tuple[TabledClause, ...]  # the right column; empty: the clause is deleted
    positions: tuple[Position, ...] = ()  # the stated places of the new clauses, if any
    justification: str = ""


@dataclass(frozen=True)
class AmendmentList:
    """The amendments of one list, in their order."""

    source: str
    amendments: tuple[TabledAmendment, ...]


def _note_patterns() -> list[re.Pattern[str]]:
    words = amendment_words()
    patterns = []
    for template in (words.moved_to, words.split_into, words.merged_into):
        pattern = re.escape(template)
        pattern = pattern.replace(re.escape("{labels}"), r"(?P<labels>.+?)")
        pattern = pattern.replace(re.escape("{old}"), r".+?")
        patterns.append(re.compile(rf"(?:^|\s){pattern}\s*$"))
    return patterns


def positions_in_note(note: str) -> tuple[Position, ...]:
    """The places a justification states ("Moved to Recital H a (new).") or ()."""
    for line in note.splitlines():
        for pattern in _note_patterns():
            match = pattern.search(" ".join(line.split()))
            if match is None:
                continue
            try:
                return parse_positions(match["labels"])
            except ValueError:
                continue
    return ()


def list_from_report(report: ChangeReport, source: str = "") -> AmendmentList:
    """The amendment list amendtool writes for ``report``, as applying reads it."""
    from amendtool.amendments.numbering import amendments, justification

    items = []
    for amendment in amendments(report):
        change = amendment.change
        items.append(
            TabledAmendment(
                number=amendment.number,
                target=amendment.target,
                old=tuple(TabledClause(ref.text, ref.section) for ref in change.old),
                new=tuple(TabledClause(ref.text, ref.section) for ref in change.new),
                positions=amendment.positions,
                justification=justification(amendment),
            )
        )
    return AmendmentList(source, tuple(items))
