"""A ChangeReport as the EP tables amendments: numbered, in the order of the first draft,
each aimed at a clause of the first draft ("Recital C", "Paragraph 4 a (new)").

New clauses are named after the clause of the first draft they follow, with a letter:
"Citation 3 a (new)", "Recital C a (new)"; before the first one of a section,
"Recital -A (new)", "Paragraph -1 (new)".

The "Amendment" column keeps the numbering of the text being amended
(:attr:`Amendment.numbers`): the amendment to Recital C starts "C." whatever letter the
clause has in the second draft; a new recital after B starts "Ba."; a new paragraph after 5
starts "5a."; paragraph 7 split in two gives "7." and "7a.". Citations carry no number.
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
    numbers: tuple[str, ...] = ()  # per clause of change.new: its number in the amendment


def _anchor(report: ChangeReport, index: int) -> ClauseRef | None:
    """The clause of the first draft, in the same section, that a new clause follows."""
    section = report.changes[index].new[0].section
    for change in reversed(report.changes[:index]):
        same = [ref for ref in change.old if ref.section is section]
        if same:
            return max(same, key=lambda ref: ref.position)
    return None


def _letter(count: int) -> str:
    """``a`` for the first added clause, ``b`` for the second ... ``aa`` after ``z``."""
    return string.ascii_lowercase[count % 26] * (count // 26 + 1)


def _new_number(section: ClauseKind, anchor: ClauseRef | None, count: int) -> tuple[str, str]:
    """The number of an added clause as the heading spells it and as the clause carries it:
    (``B a``, ``Ba``), (``5 a``, ``5a``), (``-A``, ``-A``), (``-1``, ``-1``)."""
    if anchor is not None:
        return f"{anchor.number} {_letter(count)}", f"{anchor.number}{_letter(count)}"
    number = f"-{_letter(count).upper()}" if section is ClauseKind.RECITAL else f"-{count + 1}"
    return number, number


def _new_label(section: ClauseKind, anchor: ClauseRef | None, count: int) -> str:
    return f"{SECTION_NAMES[section][0]} {_new_number(section, anchor, count)[0]} (new)"


def _kept_numbers(change: Change) -> tuple[str, ...]:
    """For a changed clause: the first clause it becomes keeps the first old number, the
    others take that number with a letter (``7``, ``7a``, ``7b``)."""
    first = change.old[0]
    base = "" if first.section is ClauseKind.CITATION else first.number
    numbers = []
    for index, ref in enumerate(change.new):
        if ref.section is ClauseKind.CITATION or not base:
            numbers.append("")
        else:
            numbers.append(base if index == 0 else f"{base}{_letter(index - 1)}")
    return tuple(numbers)


def amended_prefix(number: str) -> str:
    """What a clause starts with in the "Amendment" column: ``C. ``, ``5a. ``, or the
    dash of a citation (``number`` empty)."""
    return f"{number}. " if number else "– "


def amendments(report: ChangeReport) -> list[Amendment]:
    """Every change that is not "unchanged", as numbered amendments to the first draft."""
    keyed: list[tuple[tuple[int, int, int, int], str, Change, ClauseRef | None, tuple[str, ...]]]
    keyed = []
    inserted_after: dict[tuple[ClauseKind, int], int] = {}
    for index, change in enumerate(report.changes):
        if change.relation is Relation.UNCHANGED:
            continue
        if change.old:
            first = min(
                change.old, key=lambda ref: (_SECTION_ORDER.index(ref.section), ref.position)
            )
            key = (_SECTION_ORDER.index(first.section), first.position, 0, index)
            keyed.append((key, refs_label(change.old), change, None, _kept_numbers(change)))
            continue
        section = change.new[0].section
        anchor = _anchor(report, index)
        anchor_position = anchor.position if anchor else 0
        count = inserted_after.get((section, anchor_position), 0)
        inserted_after[(section, anchor_position)] = count + 1
        key = (_SECTION_ORDER.index(section), anchor_position, 1, index)
        carried = "" if section is ClauseKind.CITATION else _new_number(section, anchor, count)[1]
        numbers = tuple(
            carried if i == 0 or not carried else f"{carried}{_letter(i - 1)}"
            for i in range(len(change.new))
        )
        keyed.append((key, _new_label(section, anchor, count), change, anchor, numbers))
    keyed.sort(key=lambda item: item[0])
    return [
        Amendment(number, target, change, anchor, numbers)
        for number, (_, target, change, anchor, numbers) in enumerate(keyed, start=1)
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
