"""The drafts the body parser fills line by line, and how they become model values.

:class:`ClauseDraft` and :class:`PointDraft` are mutable while the lines come in; once the
body is read, :func:`build_clause` turns each into a frozen :class:`~amendtool.model.Clause`
(text normalised, note markers taken out), :func:`point_fates` says where each line went
and :func:`with_note_bodies` adds the footnote bodies found after the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from amendtool.eids import point_ids
from amendtool.model import Clause, ClauseKind, Note, Point
from amendtool.textparse.normalise import normalise_space
from amendtool.textparse.notes import extract_notes

# Where a line went, as the body reader says it: (line number, where, reason); the reader
# of the whole text makes it a LineFate with the line as it was read.
Fate = tuple[int, str, str]


@dataclass(slots=True)
class PointDraft:
    """A point being read: its label, text parts, line numbers and sub-points."""

    num: str
    parts: list[str]
    lines: list[int]
    points: list[PointDraft] = field(default_factory=list)


@dataclass(slots=True)
class ClauseDraft:
    """A clause being read: chapeau parts, points, and where its lines came from."""

    kind: ClauseKind
    num: str
    parts: list[str]
    lines: list[int]
    points: list[PointDraft] = field(default_factory=list)
    wrap_up: list[str] = field(default_factory=list)
    eid: str = ""
    bare: bool = False  # opened by a number or letter on its own line: text comes next
    section_before: ClauseKind = ClauseKind.CITATION

    def open_parts(self) -> tuple[list[str], list[int]]:
        """The text currently being written: the deepest last point, or the chapeau."""
        if not self.points:
            return self.parts, self.lines
        point = self.points[-1]
        while point.points:
            point = point.points[-1]
        return point.parts, point.lines


@dataclass(slots=True)
class UnclassifiedDraft:
    """Lines no step recognised, kept together after the clause they follow."""

    parts: list[str]
    lines: list[int]
    after: ClauseDraft | None


def point_fates(drafts: list[PointDraft], points: tuple[Point, ...]) -> list[Fate]:
    """Every line of the point drafts, sent to the eId of the point it built."""
    fates: list[Fate] = []
    for draft, point in zip(drafts, points, strict=True):
        eid = point.eid
        fates.extend([(n, eid, "") for n in draft.lines])
        if draft.points:
            fates.extend(point_fates(draft.points, point.points))
    return fates


def _joined(parts: list[str]) -> tuple[str, tuple[Note, ...]]:
    if not parts:  # most clauses have no wrap-up
        return "", ()
    return extract_notes(normalise_space(" ".join(parts)))


def _build_points(points: list[PointDraft], parent_eid: str) -> tuple[Point, ...]:
    if not points:  # most clauses have no points
        return ()
    eids = point_ids(parent_eid, (p.num for p in points))
    built = []
    for draft, eid in zip(points, eids, strict=True):
        text, notes = _joined(draft.parts)
        built.append(Point(draft.num, text, eid, _build_points(draft.points, eid), notes))
    return tuple(built)


def build_clause(draft: ClauseDraft) -> Clause:
    text, notes = _joined(draft.parts)
    wrap_up, _ = _joined(draft.wrap_up)
    return Clause(
        kind=draft.kind,
        num=draft.num,
        text=text,
        eid=draft.eid,
        points=_build_points(draft.points, draft.eid),
        wrap_up=wrap_up,
        notes=notes,
    )


def _notes_with_bodies(notes: tuple[Note, ...], bodies: dict[str, str]) -> tuple[Note, ...]:
    return tuple(Note(n.marker, n.offset, bodies.get(n.marker, n.body)) for n in notes)


def _pointwith_note_bodies(point: Point, bodies: dict[str, str]) -> Point:
    return replace(
        point,
        points=tuple(_pointwith_note_bodies(p, bodies) for p in point.points),
        notes=_notes_with_bodies(point.notes, bodies),
    )


def with_note_bodies(clauses: list[Clause], bodies: dict[str, str]) -> tuple[Clause, ...]:
    """The clauses with the footnote bodies found after the text (on points too)."""
    if not bodies:
        return tuple(clauses)
    return tuple(
        replace(
            clause,
            points=tuple(_pointwith_note_bodies(p, bodies) for p in clause.points),
            notes=_notes_with_bodies(clause.notes, bodies),
        )
        for clause in clauses
    )
