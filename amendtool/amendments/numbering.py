"""A ChangeReport as the EP tables amendments: numbered, in the order of the first draft,
each aimed at a clause of the first draft ("Recital C", "Paragraph 4 a (new)").

New clauses are named after the clause of the first draft they follow, with a letter:
"Citation 3 a (new)", "Recital C a (new)"; before the first one of a section,
"Recital -A (new)", "Paragraph -1 (new)" (see :mod:`amendtool.amendments.placement`).
An amendment whose clauses do not simply stay in place (moved, split, merged) says where
they stand in its justification, in the same terms: "Moved to Recital H a (new)."

The "Amendment" column keeps the numbering of the text being amended
(:attr:`Amendment.numbers`): the amendment to Recital C starts "C." whatever letter the
clause has in the second draft; a new recital after B starts "Ba."; a new paragraph after 5
starts "5a."; paragraph 7 split in two gives "7." and "7a.". Citations carry no number.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, replace

from amendtool.amendments.labels import Position, join_labels
from amendtool.amendments.placement import needs_note, place
from amendtool.amendments.words import amendment_words
from amendtool.diffing.report import Change, ChangeReport, ClauseRef, Relation
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
    positions: tuple[Position, ...] = ()  # where each new clause stands, first-draft numbering
    placed_note: bool = False  # the positions are not obvious and are stated in the note
    anchors: tuple[ClauseRef | None, ...] = ()  # per new clause: the clause it replaces/follows


def _letter(count: int) -> str:
    """``a`` for the first added clause, ``b`` for the second ... ``aa`` after ``z``."""
    return string.ascii_lowercase[count % 26] * (count // 26 + 1)


def _new_number(position: Position) -> str:
    """The number an added clause carries: ``Ba``, ``5a``, ``-A``, ``-1``."""
    if position.anchor is not None:
        return f"{position.anchor}{_letter(position.ordinal)}"
    if position.section is ClauseKind.RECITAL:
        return f"-{_letter(position.ordinal).upper()}"
    return f"-{position.ordinal + 1}"


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
    keyed: list[tuple[tuple[int, int, int, int], Amendment]] = []
    for index, (change, placed) in enumerate(zip(report.changes, place(report), strict=True)):
        if change.relation is Relation.UNCHANGED:
            continue
        note = needs_note(change, placed)
        if change.old:
            first = min(
                change.old, key=lambda ref: (_SECTION_ORDER.index(ref.section), ref.position)
            )
            key = (_SECTION_ORDER.index(first.section), first.position, 0, index)
            item = Amendment(
                0, refs_label(change.old), change, None, _kept_numbers(change),
                placed.positions, note, placed.anchors,
            )  # fmt: skip
            keyed.append((key, item))
            continue
        section = change.new[0].section
        anchor = placed.anchors[0]
        key = (_SECTION_ORDER.index(section), anchor.position if anchor else 0, 1, index)
        carried = "" if section is ClauseKind.CITATION else _new_number(placed.positions[0])
        numbers = tuple(
            carried if i == 0 or not carried else f"{carried}{_letter(i - 1)}"
            for i in range(len(change.new))
        )
        item = Amendment(
            0, placed.positions[0].label, change, anchor, numbers,
            placed.positions, note, placed.anchors,
        )  # fmt: skip
        keyed.append((key, item))
    keyed.sort(key=lambda entry: entry[0])
    return [replace(item, number=number) for number, (_, item) in enumerate(keyed, start=1)]


def justification(amendment: Amendment) -> str:
    """A short note on what kind of change the amendment makes, and where its clauses stand
    when that is not where the first-draft clauses stood."""
    if not amendment.placed_note:
        return ""
    words = amendment_words()
    change = amendment.change
    labels = join_labels([position.label for position in amendment.positions])
    match change.relation:
        case Relation.SPLIT:
            return words.split_into.format(labels=labels)
        case Relation.MERGED:
            return words.merged_into.format(old=refs_label(change.old), labels=labels)
        case _:
            return words.moved_to.format(labels=labels)
