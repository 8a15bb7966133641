"""Where each clause of the second draft stands, in the numbering of the first draft.

An amendment list names places in the text being amended: "Recital C" (the clause stays
where recital C stands), "Recital C a (new)" (the first new clause after it). Applying the
list rebuilds the second draft from these places alone, so they must describe its order:

1. A clause *stays in place* when its change pairs it with a first-draft clause of the same
   section, the change is not a move, and it belongs to the longest run of such one-to-one
   pairs that keeps the first draft's order (the same rule as the alignment's, applied again
   so that the places are consistent whatever the alignment grouped); a part of a split or
   merge stays in place only where it fits in that run (an unchanged clause has no
   amendment to say it moved, so it must never be the one that gives way).
2. Every other clause (inserted, moved, the further parts of a split, a clause moved to
   another section) is placed after the nearest clause before it, in the second draft's
   order and the same section, that stays in place, lettered a, b, c ... in that order;
   before the first one, at the start of the section ("Recital -A (new)").

Deleted and moved clauses are never anchors: a recital inserted where a deleted recital D
stood is "Recital C a (new)" when C stays, so that a place never depends on which other
amendments are adopted. (Applying accepts "Recital D a (new)" too, from lists typed by
hand: it lands where D stood, whether or not D is deleted.)
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from amendtool.amendments.labels import IN_PLACE, Position
from amendtool.diffing.report import Change, ChangeReport, ClauseRef
from amendtool.model import ClauseKind

_ORDER = list(ClauseKind)


@dataclass(frozen=True)
class Placed:
    """The places of one change's new clauses (in the change's order) and their anchors."""

    positions: tuple[Position, ...]
    anchors: tuple[ClauseRef | None, ...]  # the first-draft clause each one follows / replaces


def _key(ref: ClauseRef) -> tuple[int, int]:
    return (_ORDER.index(ref.section), ref.position)


def _candidate(change: Change) -> tuple[ClauseRef, ClauseRef] | None:
    """The (old, new) pair of a change that may stay in place."""
    if change.moved or not change.old or not change.new:
        return None
    for new in sorted(change.new, key=_key):
        same = [ref for ref in change.old if ref.section is new.section]
        if same:
            return min(same, key=_key), new
    return None


def _longest_increasing(values: list[tuple[int, int]]) -> set[int]:
    """Indices of one longest strictly increasing subsequence (the first found)."""
    tails: list[tuple[int, int]] = []
    tail_index: list[int] = []
    previous = [-1] * len(values)
    for index, value in enumerate(values):
        at = bisect.bisect_left(tails, value)
        previous[index] = tail_index[at - 1] if at else -1
        if at == len(tails):
            tails.append(value)
            tail_index.append(index)
        else:
            tails[at], tail_index[at] = value, index
    chosen: set[int] = set()
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        chosen.add(index)
        index = previous[index]
    return chosen


def _staying(old_keys: list[tuple[int, int]], one_to_one: list[bool]) -> set[int]:
    """Which candidates (in the second draft's order, with their first-draft keys) stay.

    The one-to-one changes first: a longest run that keeps its order (an unchanged clause
    is never moved by this, so it must be in place). Then a part of a split or merge
    stays only where it fits between them: placed after a later clause, it is the part
    that moved, and its place is stated.
    """
    ones = [i for i, single in enumerate(one_to_one) if single]
    kept = {ones[i] for i in _longest_increasing([old_keys[i] for i in ones])}
    following: list[tuple[int, int] | None] = [None] * len(old_keys)
    upcoming: tuple[int, int] | None = None
    for i in reversed(range(len(old_keys))):
        following[i] = upcoming
        if i in kept:
            upcoming = old_keys[i]
    chosen: set[int] = set()
    last: tuple[int, int] | None = None
    for i, key in enumerate(old_keys):
        upcoming = following[i]
        after_last = last is None or key > last
        before_next = upcoming is None or key < upcoming
        if i in kept or (not one_to_one[i] and after_last and before_next):
            chosen.add(i)
            last = key
    return chosen


def place(report: ChangeReport) -> list[Placed]:
    """The places of the new clauses of every change of ``report`` (same order as changes)."""
    new_clauses = sorted(
        (
            (ref, index, k)
            for index, change in enumerate(report.changes)
            for k, ref in enumerate(change.new)
        ),
        key=lambda item: _key(item[0]),
    )
    candidates: dict[int, tuple[ClauseRef, ClauseRef]] = {}
    for index, change in enumerate(report.changes):
        pair = _candidate(change)
        if pair is not None:
            candidates[index] = pair
    ordered = [
        (index, k)
        for ref, index, k in new_clauses
        if index in candidates and candidates[index][1] is ref
    ]
    old_keys = [_key(candidates[index][0]) for index, _ in ordered]
    singles = {i for i, c in enumerate(report.changes) if len(c.old) == 1 == len(c.new)}
    one_to_one = [index in singles for index, _ in ordered]
    staying = _staying(old_keys, one_to_one)
    in_place = {ordered[i]: candidates[ordered[i][0]][0] for i in staying}

    found: dict[tuple[int, int], tuple[Position, ClauseRef | None]] = {}
    anchor: ClauseRef | None = None
    count = 0
    section: ClauseKind | None = None
    for ref, index, k in new_clauses:
        if ref.section is not section:
            section, anchor, count = ref.section, None, 0
        stays = in_place.get((index, k))
        if stays is not None:
            anchor, count = stays, 0
            found[(index, k)] = (Position(ref.section, stays.number, IN_PLACE), stays)
            continue
        number = anchor.number if anchor is not None else None
        found[(index, k)] = (Position(ref.section, number, count), anchor)
        count += 1
    return [
        Placed(
            tuple(found[(index, k)][0] for k in range(len(change.new))),
            tuple(found[(index, k)][1] for k in range(len(change.new))),
        )
        for index, change in enumerate(report.changes)
    ]


def needs_note(change: Change, placed: Placed) -> bool:
    """True unless the places go without saying: one clause replacing one clause in place,
    or an inserted clause (its target is its place)."""
    if not change.old or not change.new:
        return False
    return len(change.old) > 1 or len(change.new) > 1 or not placed.positions[0].in_place
