"""Applying an amendment list to the text it amends: the consolidated text.

For each chosen amendment, the clauses of its left column must be in the base text, under
the numbers its target gives and with the same words (typography aside); otherwise the
amendment is stale and nothing is applied. Its new clauses then stand where their places
say (:mod:`amendtool.amendments.labels`): in place of a base clause, or after one, in
letter order. Two chosen amendments that change the same base clause, or put a clause in
the same place, conflict. The result is renumbered (:mod:`amendtool.amendments.consolidate`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from amendtool.amendments.consolidate import consolidate
from amendtool.amendments.labels import IN_PLACE, ClauseName, Position, join_labels, parse_target
from amendtool.amendments.points import restore_points
from amendtool.amendments.tabled import AmendmentList, TabledAmendment
from amendtool.diffing.tokens import CompareOptions, keys
from amendtool.errors import AmendmentError, ConflictError
from amendtool.model import Clause, ClauseKind, Resolution, clause_body

_PLAIN = CompareOptions()
Slot = tuple[ClauseKind, int]  # a base clause: section and index within it


@dataclass(frozen=True)
class _Resolved:
    amendment: TabledAmendment
    old: tuple[Slot, ...]
    new: tuple[tuple[Position, Clause, Slot | None], ...]  # place, clause, slot replaced/followed


class _Base:
    """The base text's clauses by EP number (position for citations)."""

    def __init__(self, base: Resolution) -> None:
        blocks = tuple(c for c in base.items() if c.kind is ClauseKind.UNCLASSIFIED)
        self.sections = {
            ClauseKind.CITATION: base.citations,
            ClauseKind.RECITAL: base.recitals,
            ClauseKind.PARAGRAPH: base.paragraphs,
            ClauseKind.UNCLASSIFIED: blocks,  # "Unclassified text 2": by position
        }
        self.by_number: dict[tuple[ClauseKind, str], list[int]] = defaultdict(list)
        for kind, clauses in self.sections.items():
            for index, clause in enumerate(clauses):
                by_position = kind in (ClauseKind.CITATION, ClauseKind.UNCLASSIFIED)
                number = str(index + 1) if by_position else clause.num
                self.by_number[(kind, number or str(index + 1))].append(index)

        self.leaving: set[Slot] = set()  # see _leaving

    def find(self, name: ClauseName) -> list[int]:
        return self.by_number.get((name.section, name.number.rstrip(".")), [])

    def clause(self, slot: Slot) -> Clause:
        return self.sections[slot[0]][slot[1]]


def _same_words(a: str, b: str) -> bool:
    return keys(" ".join(a.split()), _PLAIN) == keys(" ".join(b.split()), _PLAIN)


def _where(source: str, amendment: TabledAmendment) -> str:
    return f"{source}: amendment {amendment.number} ({amendment.target})"


def _old_slots(
    amendment: TabledAmendment, names: tuple[ClauseName, ...], base: _Base, where: str
) -> tuple[Slot, ...]:
    if len(names) != len(amendment.old):
        raise AmendmentError(
            f"{where}: the target names {len(names)} clause(s) but the left column "
            f"holds {len(amendment.old)}"
        )
    slots = []
    for name, tabled in zip(names, amendment.old, strict=True):
        candidates = base.find(name)
        if not candidates:
            raise AmendmentError(f"{where}: the base text has no {name.label}")
        matching = [
            i
            for i in candidates
            if _same_words(clause_body(base.clause((name.section, i))), tabled.text)
        ]
        if not matching:
            raise AmendmentError(
                f"{where}: the wording of {name.label} does not match the base text "
                "(a stale amendment, or one written against another draft)"
            )
        slots.append((name.section, matching[0]))
    return tuple(slots)


def _default_positions(
    amendment: TabledAmendment, names: tuple[ClauseName, ...], inserted: Position | None
) -> list[Position]:
    """Places when the list states none: an EP-style list written by hand."""
    if inserted is not None:
        return [replace(inserted, ordinal=inserted.ordinal + i) for i in range(len(amendment.new))]
    first = names[0]
    return [
        Position(first.section, first.number, IN_PLACE if i == 0 else i - 1)
        for i in range(len(amendment.new))
    ]


def _anchor_slot(position: Position, base: _Base, where: str) -> Slot:
    """The base clause a new clause follows. When the base gives one number to two clauses
    (an unnumbered clause is named by its position, which another clause may print), the
    one the list leaves in place is meant: amendtool anchors only to such clauses."""
    name = ClauseName(position.section, str(position.anchor))
    candidates = base.find(name)
    if not candidates:
        raise AmendmentError(f"{where}: the base text has no {name.label} to follow")
    if len(candidates) > 1:
        candidates = [i for i in candidates if (name.section, i) not in base.leaving] or candidates
    if len(candidates) > 1:
        raise AmendmentError(
            f"{where}: the base text has {len(candidates)} clauses called {name.label} "
            "(an unnumbered clause is named by its position), so the place is ambiguous"
        )
    return (name.section, candidates[0])


def _leaving(listing: AmendmentList, base: _Base) -> set[Slot]:
    """Base clauses some amendment of the whole list removes from where they stand
    (deleted, moved, merged away): never anchors of the places amendtool writes."""
    leaving: set[Slot] = set()
    for amendment in listing.amendments:
        try:
            names, _ = parse_target(amendment.target)
            slots = _old_slots(amendment, names, base, "") if names else ()
        except (ValueError, AmendmentError):
            continue  # stale or unreadable: reported if the amendment is chosen
        kept = {(p.section, p.anchor) for p in amendment.positions if p.in_place}
        if not amendment.positions and amendment.new and names:
            kept = {(names[0].section, names[0].number)}
        for slot, name in zip(slots, names, strict=True):
            if (name.section, name.number) not in kept:
                leaving.add(slot)
    return leaving


def _resolve(amendment: TabledAmendment, base: _Base, source: str) -> _Resolved:
    where = _where(source, amendment)
    try:
        names, inserted = parse_target(amendment.target)
    except ValueError as problem:
        raise AmendmentError(f"{where}: {problem}") from None
    if inserted is not None and amendment.old:
        raise AmendmentError(f"{where}: a new clause, but the left column is not empty")
    if inserted is None and not amendment.old:
        raise AmendmentError(f"{where}: the left column is empty but the target is no new clause")
    if inserted is not None and not amendment.new:
        raise AmendmentError(f"{where}: a new clause with no wording")
    slots = _old_slots(amendment, names, base, where) if names else ()
    positions = list(amendment.positions)
    if len(positions) != len(amendment.new):
        positions = _default_positions(amendment, names, inserted)
    new = []
    for position, tabled in zip(positions, amendment.new, strict=True):
        if position.section is ClauseKind.UNCLASSIFIED and not position.in_place:
            raise AmendmentError(
                f"{where}: unclassified text can be reworded or deleted where it stands, "
                "not placed anew (leave this amendment out with --only)"
            )
        slot: Slot | None = None
        if position.in_place:
            replaced = [
                old_slot
                for old_slot, name in zip(slots, names, strict=True)
                if name.section is position.section and name.number == position.anchor
            ]
            if not replaced:
                raise AmendmentError(
                    f"{where}: {position.label} is not a clause this amendment replaces"
                )
            slot = replaced[0]
        elif position.anchor is not None:
            slot = _anchor_slot(position, base, where)
        chapeau, points = restore_points(position.section, " ".join(tabled.text.split()))
        clause = Clause(position.section, "", chapeau, "", points)
        for old_slot in slots:
            old_clause = base.clause(old_slot)
            if _same_words(clause_body(old_clause), tabled.text):
                clause = replace(old_clause, kind=position.section)
                break
        new.append((position, clause, slot))
    return _Resolved(amendment, slots, tuple(new))


def _check_conflicts(resolved: list[_Resolved], base: _Base, source: str) -> None:
    changes: dict[Slot, list[int]] = defaultdict(list)
    places: dict[tuple[ClauseKind, int | None, int], list[int]] = defaultdict(list)
    labels: dict[tuple[ClauseKind, int | None, int], str] = {}
    for item in resolved:
        number = item.amendment.number
        for old_slot in item.old:
            changes[old_slot].append(number)
        for position, _, place in item.new:
            if not position.in_place:
                key = (position.section, place[1] if place else None, position.ordinal)
                places[key].append(number)
                labels[key] = position.label
    found = []
    for (kind, index), numbers in changes.items():
        if len(numbers) > 1:
            num = base.clause((kind, index)).num
            by_position = kind in (ClauseKind.CITATION, ClauseKind.UNCLASSIFIED)
            printed = num if num and not by_position else str(index + 1)
            found.append(f"{_numbers(numbers)} change {ClauseName(kind, printed).label}")
    for key, numbers in places.items():
        if len(numbers) > 1:
            found.append(f"{_numbers(numbers)} insert {labels[key]}")
    if found:
        raise ConflictError(
            f"{source}: conflicting amendments: {'; '.join(found)} (choose one with --only)"
        )


def _numbers(numbers: list[int]) -> str:
    return "amendments " + join_labels([str(n) for n in sorted(set(numbers))])


def chosen(listing: AmendmentList, only: Sequence[int] | None) -> list[TabledAmendment]:
    """The amendments ``only`` picks (all when None), in list order."""
    seen: set[int] = set()
    for amendment in listing.amendments:
        if amendment.number in seen:
            raise AmendmentError(
                f"{listing.source}: amendment {amendment.number} appears twice in the list"
            )
        seen.add(amendment.number)
    if only is None:
        return list(listing.amendments)
    present = {amendment.number for amendment in listing.amendments}
    missing = sorted(set(only) - present)
    if missing:
        raise AmendmentError(
            f"{listing.source}: no amendment {join_labels([str(n) for n in missing])} in the list"
        )
    wanted = set(only)
    return [amendment for amendment in listing.amendments if amendment.number in wanted]


def apply_amendments(
    base: Resolution, listing: AmendmentList, only: Sequence[int] | None = None
) -> Resolution:
    """``base`` with the chosen amendments of ``listing`` applied, renumbered."""
    source = listing.source
    indexed = _Base(base)
    indexed.leaving = _leaving(listing, indexed)
    resolved = [_resolve(amendment, indexed, source) for amendment in chosen(listing, only)]
    _check_conflicts(resolved, indexed, source)
    removed: set[Slot] = {slot for item in resolved for slot in item.old}
    replaced: dict[Slot, Clause] = {}
    after: dict[tuple[ClauseKind, int | None], list[tuple[int, int, int, Clause]]]
    after = defaultdict(list)
    for item in resolved:
        for k, (position, clause, slot) in enumerate(item.new):
            if position.in_place and slot is not None:
                replaced[slot] = clause
            else:
                after[(position.section, slot[1] if slot else None)].append(
                    (position.ordinal, item.amendment.number, k, clause)
                )
    sections: dict[ClauseKind, list[tuple[str, Clause]]] = {kind: [] for kind in ClauseKind}
    for kind, clauses in indexed.sections.items():
        out = sections[kind]
        for entry in sorted(after.get((kind, None), []), key=lambda e: e[:3]):
            out.append(("", entry[3]))
        for index, clause in enumerate(clauses):
            slot = (kind, index)
            if slot not in removed:
                out.append((clause.eid, clause))
            elif slot in replaced:
                out.append((clause.eid, replaced[slot]))
            for entry in sorted(after.get((kind, index), []), key=lambda e: e[:3]):
                out.append(("", entry[3]))
    return consolidate(base, sections)


def parse_only(text: str) -> list[int]:
    """``1,3,5-7`` -> [1, 3, 5, 6, 7]; ValueError with a readable message otherwise."""
    numbers: list[int] = []
    for part in text.split(","):
        part = part.strip()
        low, dash, high = part.partition("-")
        if not low.isdigit() or (dash and not high.isdigit()):
            raise ValueError(f"{part!r} is not an amendment number or range (such as 1,3,5-7)")
        first, last = int(low), int(high) if dash else int(low)
        if last < first or last - first > MAX_RANGE:
            raise ValueError(f"{part!r} is not a range of amendment numbers")
        numbers.extend(range(first, last + 1))
    return numbers


MAX_RANGE = 100_000  # amendments in one range of --only; EP lists run to a few thousand
