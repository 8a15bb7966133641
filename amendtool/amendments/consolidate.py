"""The consolidated text: clauses in their new order, renumbered and relettered.

As the EP does for an adopted text: recitals are lettered A, B, ... Z, then AA, AB, ...
(spreadsheet style, as in long EP reports), paragraphs numbered 1, 2, 3 ...; citations stay
unnumbered; sub-points keep their own numbering. A section whose clauses the base text
printed without numbers stays unnumbered. eIds follow the new numbers.
"""

from __future__ import annotations

import string
from dataclasses import replace

from amendtool.eids import clause_ids, point_ids
from amendtool.model import Clause, ClauseKind, Point, Resolution, Unclassified


def recital_letter(index: int) -> str:
    """0 -> ``A``, 25 -> ``Z``, 26 -> ``AA``, 27 -> ``AB``."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = string.ascii_uppercase[rest] + letters
    return letters


def _numbers(kind: ClauseKind, count: int, numbered: bool) -> list[str]:
    if kind is ClauseKind.CITATION or not numbered:
        return [""] * count
    if kind is ClauseKind.RECITAL:
        return [recital_letter(i) for i in range(count)]
    return [str(i + 1) for i in range(count)]


def _repoint(points: tuple[Point, ...], parent: str) -> tuple[Point, ...]:
    ids = point_ids(parent, [point.num for point in points])
    return tuple(
        replace(point, eid=eid, points=_repoint(point.points, eid))
        for point, eid in zip(points, ids, strict=True)
    )


def _section(
    kind: ClauseKind, clauses: list[Clause], base: tuple[Clause, ...]
) -> tuple[Clause, ...]:
    numbered = not base or any(clause.num for clause in base)
    nums = _numbers(kind, len(clauses), numbered)
    ids = clause_ids(kind, nums)
    return tuple(
        replace(clause, kind=kind, num=num, eid=eid, points=_repoint(clause.points, eid))
        for clause, num, eid in zip(clauses, nums, ids, strict=True)
    )


def consolidate(
    base: Resolution,
    sections: dict[ClauseKind, list[tuple[str, Clause]]],
) -> Resolution:
    """A resolution with the base's metadata and the given clauses, renumbered.

    ``sections`` holds, per section, the clauses in order, each with the eId it had in the
    base ("" for a new clause); under ``UNCLASSIFIED`` the unclassified blocks, each with the
    eId ``Resolution.items()`` gives it, so that it follows the clause it followed.
    """
    built = {
        kind: _section(kind, [clause for _, clause in sections[kind]], getattr(base, field))
        for kind, field in _FIELD.items()
    }
    new_eid: dict[str, str] = {}
    for kind in _FIELD:
        for (old_eid, _), clause in zip(sections[kind], built[kind], strict=True):
            if old_eid:
                new_eid[old_eid] = clause.eid
    surviving = ""
    last_kept: dict[str, str] = {}
    for clause in base.clauses:
        surviving = new_eid.get(clause.eid, surviving)
        last_kept[clause.eid] = surviving
    # unclassified blocks: as the base's items() names them (container_N), kept, reworded
    # or deleted where they stand, after the clause they followed (or its nearest survivor)
    after_of = {
        item.eid: base.unclassified[int(item.eid.rsplit("_", 1)[1]) - 1].after
        for item in base.items()
        if item.kind is ClauseKind.UNCLASSIFIED
    }
    unclassified = tuple(
        Unclassified(clause.text, last_kept.get(after_of.get(old_eid, ""), ""))
        for old_eid, clause in sections.get(ClauseKind.UNCLASSIFIED, [])
    )
    return replace(
        base,
        citations=built[ClauseKind.CITATION],
        recitals=built[ClauseKind.RECITAL],
        paragraphs=built[ClauseKind.PARAGRAPH],
        unclassified=unclassified,
        line_fates=(),
        warnings=(),
    )


_FIELD = {
    ClauseKind.CITATION: "citations",
    ClauseKind.RECITAL: "recitals",
    ClauseKind.PARAGRAPH: "paragraphs",
}
