"""The document model: frozen values describing one European Parliament resolution.

Invariants (the parsers and the AKN reader guarantee them, the tests check them):

1. Every text field is whitespace-normalised: single spaces, no leading or trailing space.
2. Footnote markers are not part of any text; they are :class:`Note` values whose
   ``offset`` is the character position in the text they follow.
3. ``eid`` values follow the AKN naming convention (``cit_1``, ``rec_A``, ``para_4a``,
   ``para_7__point_b``) and are unique within a resolution.
4. Fields marked ``compare=False`` describe where the text came from, not what it says:
   two resolutions with the same content compare equal whatever their source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class DocKind(StrEnum):
    """What stage of the procedure a text belongs to (also the AKN ``statement/@name``)."""

    MOTION = "motionForResolution"
    JOINT_MOTION = "jointMotionForResolution"
    RESOLUTION = "resolution"


class ClauseKind(StrEnum):
    """The three kinds of numbered or bulleted clauses of a resolution.

    ``UNCLASSIFIED`` is no kind of clause: it marks an :class:`Unclassified` block when a
    comparison treats it as a clause of its own (it never occurs in ``Resolution.clauses``).
    """

    CITATION = "citation"
    RECITAL = "recital"
    PARAGRAPH = "paragraph"
    UNCLASSIFIED = "unclassified"


CLAUSE_KINDS = (ClauseKind.CITATION, ClauseKind.RECITAL, ClauseKind.PARAGRAPH)


@dataclass(frozen=True)
class Note:
    """A footnote marker found in the text (``[1]``, ``(2)``) and its body when printed."""

    marker: str
    offset: int
    body: str = ""


@dataclass(frozen=True)
class Point:
    """A sub-point of a clause: ``(a)``, ``(i)`` or a dash item, possibly with its own points."""

    num: str
    text: str
    eid: str
    points: tuple[Point, ...] = ()
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class Clause:
    """A citation, recital or paragraph.

    ``num`` is the number as printed without its trailing period (``"A"``, ``"4a"``); it
    is empty for citations, which the EP does not number. ``text`` is the whole clause
    when it has no points, otherwise the chapeau before them; ``wrap_up`` is a sentence
    after the points.
    """

    kind: ClauseKind
    num: str
    text: str
    eid: str
    points: tuple[Point, ...] = ()
    wrap_up: str = ""
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class Group:
    """A political group, normalised to one id across its names and eras."""

    id: str
    name: str
    printed: str


@dataclass(frozen=True)
class ReplacedMotion:
    """One motion a joint motion replaces: ``ECR (B7-0135/2012)``."""

    number: str
    group: Group | None


@dataclass(frozen=True)
class Unclassified:
    """Body text the reader could not classify; kept in place and reported."""

    text: str
    after: str  # eId of the clause it follows, or "" when it stands before the first one


@dataclass(frozen=True)
class Meta:
    """What the document says about itself, as far as it is printed."""

    kind: DocKind = DocKind.MOTION
    title: str = ""
    numbers: tuple[str, ...] = ()  # B7-0143/2012, RC-B7-0135/2012, P7_TA(2012)0089
    date: str = ""  # ISO 8601, yyyy-mm-dd
    procedure: str = ""  # 2012/2553(RSP)
    rule: str = ""  # "Rule 110(2)" as printed
    groups: tuple[Group, ...] = ()
    authors: tuple[str, ...] = ()
    replaces: tuple[ReplacedMotion, ...] = ()
    language: str = "en"  # ISO 639-1


@dataclass(frozen=True)
class LineFate:
    """Where one non-blank input line ended up: a clause eId, ``meta:...`` or ``dropped``."""

    line_no: int
    text: str
    where: str
    reason: str = ""


@dataclass(frozen=True)
class Resolution:
    """A whole resolution text."""

    meta: Meta
    formula: str
    citations: tuple[Clause, ...]
    recitals: tuple[Clause, ...]
    paragraphs: tuple[Clause, ...]
    unclassified: tuple[Unclassified, ...] = ()
    line_fates: tuple[LineFate, ...] = field(default=(), compare=False)
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def clauses(self) -> tuple[Clause, ...]:
        """All clauses in document order."""
        return self.citations + self.recitals + self.paragraphs

    def items(self) -> tuple[Clause, ...]:
        """Clauses and unclassified blocks in document order, each block as a clause of kind
        ``UNCLASSIFIED`` with the eId the AKN writer gives it (``container_N`` in the
        preamble, ``hcontainer_N`` among the paragraphs)."""
        paragraph_ids = {c.eid for c in self.paragraphs}
        after: dict[str, list[Clause]] = {}
        for index, block in enumerate(self.unclassified, start=1):
            prefix = "hcontainer" if block.after in paragraph_ids else "container"
            item = Clause(ClauseKind.UNCLASSIFIED, "", block.text, f"{prefix}_{index}")
            after.setdefault(block.after, []).append(item)
        known = {c.eid for c in self.clauses}
        ordered = list(after.pop("", []))
        for clause in self.clauses:
            ordered.append(clause)
            ordered.extend(after.pop(clause.eid, []))
        for eid, blocks in after.items():  # after a clause that is not there: at the end
            if eid not in known:
                ordered.extend(blocks)
        return tuple(ordered)

    @property
    def dropped(self) -> tuple[LineFate, ...]:
        """Input lines that are not part of the document (page cruft), with the reason."""
        return tuple(fate for fate in self.line_fates if fate.where == "dropped")

    @property
    def metadata_lines(self) -> tuple[LineFate, ...]:
        """Input lines that metadata was read from (``meta:<field>``), with the reason."""
        return tuple(fate for fate in self.line_fates if fate.where.startswith("meta:"))


def text_size(resolution: Resolution) -> int:
    """About the characters of its clauses and unclassified text (their points not
    counted): how much work comparing it is."""
    return sum(len(item.text) for item in resolution.items())


def clause_body(clause: Clause | Point) -> str:
    """The full wording of a clause: chapeau, points (with their numbers) and wrap-up."""
    if not clause.points and not getattr(clause, "wrap_up", ""):
        return clause.text  # most clauses: asked for at every stage of a comparison
    parts = [clause.text]
    for point in clause.points:
        parts.append(f"{point.num} {clause_body(point)}".strip())
    if isinstance(clause, Clause) and clause.wrap_up:
        parts.append(clause.wrap_up)
    return " ".join(part for part in parts if part)


def all_notes(item: Clause | Point) -> list[Note]:
    """The footnotes of a clause or point and of all its sub-points, in order."""
    notes = list(item.notes)
    for point in item.points:
        notes.extend(all_notes(point))
    return notes
