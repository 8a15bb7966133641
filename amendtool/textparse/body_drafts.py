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


def _trimmed(parts: list[str]) -> bool:
    """True when no part is empty or has a space at either end: parts cut from lines with
    single spaces only then join with single spaces only."""
    return all(part and part[0] != " " and part[-1] != " " for part in parts)


def _joined(parts: list[str], single_spaced: bool) -> tuple[str, tuple[Note, ...]]:
    """The parts as one text with its notes taken out. ``single_spaced``: the lines the
    parts were cut from have no white space but single spaces (see parse_body); then the
    text needs no space normalising when the parts are trimmed (the reader only cuts lines
    and strips what it cut, so they are; this checks it rather than assume it)."""
    text = " ".join(parts)
    if not (single_spaced and _trimmed(parts)):
        text = normalise_space(text)
    return extract_notes(text)


def _build_points(
    points: list[PointDraft], parent_eid: str, single_spaced: bool
) -> tuple[Point, ...]:
    eids = point_ids(parent_eid, (p.num for p in points))
    built = []
    for draft, eid in zip(points, eids, strict=True):
        text, notes = _joined(draft.parts, single_spaced) if draft.parts else ("", ())
        sub_points = _build_points(draft.points, eid, single_spaced) if draft.points else ()
        built.append(Point(draft.num, text, eid, sub_points, notes))
    return tuple(built)


def build_clause(draft: ClauseDraft, single_spaced: bool = False) -> Clause:
    """The clause a draft holds; ``single_spaced`` as for :func:`_joined`."""
    text, notes = _joined(draft.parts, single_spaced) if draft.parts else ("", ())
    # most clauses have no wrap-up and no points
    wrap_up = _joined(draft.wrap_up, single_spaced)[0] if draft.wrap_up else ""
    points = _build_points(draft.points, draft.eid, single_spaced) if draft.points else ()
    # positional, in the model's order (kind, num, text, eid, points, wrap_up, notes): a
    # quarter cheaper than by keyword, once per clause
    return Clause(draft.kind, draft.num, text, draft.eid, points, wrap_up, notes)


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
