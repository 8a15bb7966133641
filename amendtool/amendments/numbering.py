"""A ChangeReport as the EP tables amendments: numbered, in the order of the first draft,
each aimed at a clause of the first draft ("Recital C", "Paragraph 4 a (new)").

New clauses are named after the clause of the first draft they follow, with a letter:
"Citation 3 a (new)", "Recital C a (new)"; before the first one of a section,
"Recital -A (new)", "Paragraph -1 (new)".
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from amendtool.diffing.report import SECTION_NAMES, Change, ChangeReport, ClauseRef, Relation
from amendtool.model import ClauseKind
from amendtool.renderers.describe import refs_label

_SECTION_ORDER = list(ClauseKind)


@dataclass(frozen=True)
class Amendment:
    """One amendment: its number, what it targets in the first draft, and the change."""

    number: int
    target: str
    change: Change
    anchor: ClauseRef | None  # for a new clause: the first-draft clause it follows


def _anchor(report: ChangeReport, index: int) -> ClauseRef | None:
    """The clause of the first draft, in the same section, that a new clause follows."""
    section = report.changes[index].new[0].section
    for change in reversed(report.changes[:index]):
        same = [ref for ref in change.old if ref.section is section]
        if same:
            return max(same, key=lambda ref: ref.position)
    return None


def _new_label(section: ClauseKind, anchor: ClauseRef | None, count: int) -> str:
    name = SECTION_NAMES[section][0]
    letter = string.ascii_lowercase[count % 26] * (count // 26 + 1)
    if anchor is not None:
        return f"{name} {anchor.number} {letter} (new)"
    if section is ClauseKind.RECITAL:
        return f"{name} -{letter.upper()} (new)"
    return f"{name} -{count + 1} (new)"


def amendments(report: ChangeReport) -> list[Amendment]:
    """Every change that is not "unchanged", as numbered amendments to the first draft."""
    inserted_after: dict[tuple[ClauseKind, int], int] = {}
    keyed: list[tuple[tuple[int, int, int, int], str, Change, ClauseRef | None]] = []
    for index, change in enumerate(report.changes):
        if change.relation is Relation.UNCHANGED:
            continue
        if change.old:
            first = min(
                change.old, key=lambda ref: (_SECTION_ORDER.index(ref.section), ref.position)
            )
            key = (_SECTION_ORDER.index(first.section), first.position, 0, index)
            keyed.append((key, refs_label(change.old), change, None))
            continue
        section = change.new[0].section
        anchor = _anchor(report, index)
        anchor_position = anchor.position if anchor else 0
        count = inserted_after.get((section, anchor_position), 0)
        inserted_after[(section, anchor_position)] = count + 1
        key = (_SECTION_ORDER.index(section), anchor_position, 1, index)
        keyed.append((key, _new_label(section, anchor, count), change, anchor))
    keyed.sort(key=lambda item: item[0])
    return [
        Amendment(number, target, change, anchor)
        for number, (_, target, change, anchor) in enumerate(keyed, start=1)
    ]


def justification(amendment: Amendment) -> str:
    """A short note on what kind of change the amendment makes."""
    change = amendment.change
    match change.relation:
        case Relation.MOVED:
            where = refs_label(change.new)
            return f"Moved: the clause now stands as {where}."
        case Relation.SPLIT:
            return f"Split into {refs_label(change.new)}."
        case Relation.MERGED:
            return f"{refs_label(change.old)} merged into {refs_label(change.new)}."
        case _:
            return ""
