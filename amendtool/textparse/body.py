"""The body of a resolution: citations, recitals, paragraphs and their sub-points.

Lines arrive normalised (see :mod:`amendtool.textparse.normalise`). A line opens a new
clause when it starts with a clause marker (citation phrase, recital letter, paragraph
number, point label); otherwise it continues the open clause when that clause has not
ended (no closing punctuation, or the line starts in lower case). What is left is kept as
an unclassified block and named in a warning. Lines after the closing paragraph are the
page's trailer and are dropped with a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from amendtool.eids import clause_ids, point_ids
from amendtool.model import (
    CLAUSE_KINDS,
    Clause,
    ClauseKind,
    LineFate,
    Note,
    Point,
    Unclassified,
    all_notes,
)
from amendtool.textparse.normalise import normalise_space
from amendtool.textparse.notes import extract_notes
from amendtool.textparse.phrases import LanguagePhrases
from amendtool.textparse.sequence import numbering_warnings

_BULLET = re.compile(r"^[-–—•‐·*▪]+\s*")
_PARAGRAPH = re.compile(r"^(\d{1,5}(?: ?[a-z])?) ?\.(?:\s+|(?=[^\d\s])|$)(.*)$")
# Recital letters: A..Z, then AA, AB .. (or Word's AA, BB ..), then AAA ..: a run of up to
# MAX_RECITAL_LETTERS capitals, with an optional inserted-recital suffix ("C a", "Ca").
MAX_RECITAL_LETTERS = 3
_LETTERS = rf"[A-Z]{{1,{MAX_RECITAL_LETTERS}}}"
_RECITAL = re.compile(rf"^({_LETTERS}(?: ?[a-z])?) ?\.(?:\s+|(?=[^\d\s.])|$)(.*)$")
_RECITAL_NO_PERIOD = re.compile(rf"^({_LETTERS}) +(.*)$")
_LONE_RECITAL = re.compile(rf"^({_LETTERS}(?: ?[a-z])?) ?\.$")  # the letter on its own line
_POINT = re.compile(r"^\(([a-z]{1,2}|[ivxlc]+)\)\s*(.*)$|^([a-z])\)\s+(.*)$")
_ROMAN = re.compile(r"^[ivxlc]+$")
_ENDED = re.compile(r"[.;:,!?]['’\"”)]*$")
_PAGE_NOISE = re.compile(
    r"^(?:PE ?\d{3}\.\d{3}v\d{2}-\d{2}|RC\\\d+[A-Z]{2}\.docx.*|.*United in diversity.*|"
    r"\d{1,3}/\d{1,3}|Page \d+(?: of \d+)?|Total Page:\d+|File Type:.*)$",
    re.IGNORECASE,
)
_HYPHENATED = re.compile(r"[^\W\d_]{2}-$")
_FOOTNOTE_BODY = re.compile(r"^(?:\[(\d{1,3})\]|\((\d{1,3})\))\s+(.+)$")
MAX_TRAILER_LINE = 80  # characters: longer unpunctuated lines are kept as unclassified text


@dataclass
class _PointDraft:
    num: str
    parts: list[str]
    lines: list[int]
    points: list[_PointDraft] = field(default_factory=list)


@dataclass
class _ClauseDraft:
    kind: ClauseKind
    num: str
    parts: list[str]
    lines: list[int]
    points: list[_PointDraft] = field(default_factory=list)
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


@dataclass
class _UnclassifiedDraft:
    parts: list[str]
    lines: list[int]
    after: _ClauseDraft | None


@dataclass
class BodyResult:
    """What the body parser found."""

    citations: tuple[Clause, ...]
    recitals: tuple[Clause, ...]
    paragraphs: tuple[Clause, ...]
    unclassified: tuple[Unclassified, ...]
    fates: list[LineFate]
    warnings: list[str]


class _BodyParser:
    def __init__(self, phrases: LanguagePhrases) -> None:
        self.phrases = phrases
        self.clauses: list[_ClauseDraft] = []
        self.unclassified: list[_UnclassifiedDraft] = []
        self.section = ClauseKind.CITATION
        self.pending_bullet: list[int] = []
        self.ended = False
        self.fates: list[LineFate] = []
        self.trailer: list[tuple[int, str]] = []
        self.warnings: list[str] = []
        self.tentative_end = False  # ended by a short unpunctuated line, not by the closing
        self.resumed = False  # a numbered paragraph came after such a line: it was body text

    # -- line dispatch -------------------------------------------------------------
    def feed(self, line_no: int, text: str) -> None:
        if self.ended:
            self.trailer.append((line_no, text))
            if self.tentative_end and self._numbered_after_last(text):
                self._resume()
            return
        if _PAGE_NOISE.match(text):
            self.fates.append(LineFate(line_no, text, "dropped", "page header or footer"))
            return
        bullet = _BULLET.match(text)
        content = text[bullet.end() :] if bullet else text
        if not content:
            self.pending_bullet.append(line_no)
            return
        has_dash = "-" in content or "–" in content or "—" in content
        pieces = self.phrases.citation_inline.split(content) if has_dash else [content]
        for piece in pieces:
            self._feed_piece(line_no, piece.strip(), had_bullet=bool(bullet))

    def _feed_piece(self, line_no: int, content: str, had_bullet: bool) -> None:
        lines = [*self.pending_bullet, line_no]
        self.pending_bullet = []
        current = self.clauses[-1] if self.clauses else None
        if current is not None and self._after_closing(current, content):
            self.ended = True
            self.trailer.extend((n, content) for n in lines)
            return
        if current is not None and current.bare and not _RECITAL.match(content):
            self._fill_bare(current, content, lines)
            return
        if self.phrases.citation.match(content):
            self._open(ClauseKind.CITATION, "", content, lines)
            return
        paragraph = _PARAGRAPH.match(content)
        if paragraph and not (current and self._continues(current, content)):
            num, rest = paragraph.group(1).replace(" ", ""), paragraph.group(2)
            if self.section is not ClauseKind.PARAGRAPH and self.phrases.recital.match(rest):
                self._open(ClauseKind.RECITAL, num, rest, lines)
            else:
                self._open(ClauseKind.PARAGRAPH, num, rest, lines)
            return
        lone = _LONE_RECITAL.match(content)
        if lone and self.section is not ClauseKind.PARAGRAPH:
            self._open(ClauseKind.RECITAL, lone.group(1).replace(" ", ""), "", lines)
            return
        recital = self._recital_marker(content)
        if recital:
            self._open(ClauseKind.RECITAL, *recital, lines)
            return
        if self.phrases.recital.match(content) and self.section is not ClauseKind.PARAGRAPH:
            self._open(ClauseKind.RECITAL, "", content, lines)
            return
        point = _POINT.match(content)
        if point and current is not None:
            self._add_point(current, point, lines)
            return
        if current is not None and had_bullet and self._in_dash_list(current):
            self._add_dash_point(current, content, lines)
            return
        if had_bullet and self.section is not ClauseKind.CITATION and current is not None:
            self._open(ClauseKind.PARAGRAPH, "", content, lines)
            return
        if current is not None and self._continues(current, content):
            parts, part_lines = current.open_parts()
            if parts and _HYPHENATED.search(parts[-1]) and content[:1].islower():
                parts[-1] = parts[-1][:-1] + content  # a word hyphenated at the line end
            else:
                parts.append(content)
            part_lines.extend(lines)
            return
        if not self.resumed and self._starts_trailer(current, content):
            self.ended = self.tentative_end = True
            self.trailer.append((line_no, content))
            return
        self._keep_unclassified(content, lines, current)

    # -- helpers -------------------------------------------------------------------
    def _numbered_after_last(self, text: str) -> bool:
        """True for a paragraph numbered after the last one read (the text goes on)."""
        match = _PARAGRAPH.match(_BULLET.sub("", text, count=1))
        numbers = [c.num for c in self.clauses if c.kind is ClauseKind.PARAGRAPH and c.num]
        last = numbers[-1] if numbers else ""
        digits = "".join(ch for ch in last if ch.isdigit())
        if not match or not digits:
            return False
        number = "".join(ch for ch in match.group(1) if ch.isdigit())
        return int(number) > int(digits)

    def _resume(self) -> None:
        """The "trailer" was body text after all: read it again as body, once."""
        held, self.trailer = self.trailer, []
        self.ended = self.tentative_end = False
        self.resumed = True
        for line_no, text in held:
            self.feed(line_no, text)

    def _recital_marker(self, content: str) -> tuple[str, str] | None:
        for pattern in (_RECITAL, _RECITAL_NO_PERIOD):
            match = pattern.match(content)
            if not match:
                continue
            num, rest = match.group(1).replace(" ", ""), match.group(2)
            if self.phrases.recital.match(rest):
                return num, rest
            if pattern is _RECITAL and self.section is ClauseKind.RECITAL and rest:
                return num, rest
        return None

    def _continues(self, current: _ClauseDraft, content: str) -> bool:
        parts, _ = current.open_parts()
        last = parts[-1] if parts else ""
        if not last:
            return True
        if content[:1].islower():
            return True
        return not _ENDED.search(last)

    def _starts_trailer(self, current: _ClauseDraft | None, content: str) -> bool:
        if current is None or current.kind is not ClauseKind.PARAGRAPH:
            return False
        return len(content) <= MAX_TRAILER_LINE and not _ENDED.search(content)

    def _open(self, kind: ClauseKind, num: str, text: str, lines: list[int]) -> None:
        before = self.section
        self.section = max(self.section, kind, key=CLAUSE_KINDS.index)
        draft = _ClauseDraft(kind, num, [text] if text else [], list(lines))
        draft.bare, draft.section_before = not text, before
        self.clauses.append(draft)
        if kind is ClauseKind.PARAGRAPH and num:
            self.resumed = False

    def _fill_bare(self, current: _ClauseDraft, content: str, lines: list[int]) -> None:
        """The text of a clause whose number or letter stood on a line of its own."""
        if (
            current.kind is ClauseKind.PARAGRAPH
            and current.section_before is not ClauseKind.PARAGRAPH
            and self.phrases.recital.match(content)
        ):
            current.kind = ClauseKind.RECITAL  # lost list lettering: "1." then "whereas"
            self.section = ClauseKind.RECITAL
        current.bare = False
        current.parts.append(content)
        current.lines.extend(lines)

    def _after_closing(self, current: _ClauseDraft, content: str) -> bool:
        """After the closing instruction ("Instructs its President ...") the text is over."""
        if current.kind is not ClauseKind.PARAGRAPH or current.points:
            return False
        if not self.phrases.closing.match(" ".join(current.parts)):
            return False
        if current.parts[-1].endswith("."):
            return True  # the closing instruction ends the text with a full stop
        return not self._continues(current, content)

    def _add_point(self, current: _ClauseDraft, match: re.Match[str], lines: list[int]) -> None:
        num = match.group(1) or match.group(3)
        text = match.group(2) if match.group(1) else match.group(4)
        point = _PointDraft(num, [text] if text else [], list(lines))
        last = current.points[-1] if current.points else None
        if last is not None and _ROMAN.match(num) and not _next_letter(last.num, num):
            last.points.append(point)
        else:
            current.points.append(point)

    @staticmethod
    def _in_dash_list(current: _ClauseDraft) -> bool:
        parts, _ = current.open_parts()
        if parts and parts[-1].endswith(":"):
            return True
        return bool(current.points) and current.points[-1].num == ""

    def _add_dash_point(self, current: _ClauseDraft, content: str, lines: list[int]) -> None:
        point = _PointDraft("", [content], list(lines))
        if (
            current.points
            and current.points[-1].parts[-1:]
            and current.points[-1].parts[-1].endswith(":")
        ):
            current.points[-1].points.append(point)
        else:
            current.points.append(point)

    def _keep_unclassified(
        self, content: str, lines: list[int], current: _ClauseDraft | None
    ) -> None:
        previous = self.unclassified[-1] if self.unclassified else None
        if previous and previous.after is current and not _ENDED.search(previous.parts[-1]):
            previous.parts.append(content)
            previous.lines.extend(lines)
        else:
            self.unclassified.append(_UnclassifiedDraft([content], list(lines), current))

    # -- finishing -----------------------------------------------------------------
    def finish(self) -> BodyResult:
        for kind in CLAUSE_KINDS:
            drafts = [c for c in self.clauses if c.kind is kind]
            for draft, eid in zip(drafts, clause_ids(kind, (d.num for d in drafts)), strict=True):
                draft.eid = eid
        built: dict[ClauseKind, list[Clause]] = {kind: [] for kind in CLAUSE_KINDS}
        for draft in self.clauses:
            clause = _build_clause(draft)
            built[draft.kind].append(clause)
            self.fates.extend(LineFate(n, "", draft.eid) for n in draft.lines)
            self.fates.extend(_point_fates(draft.points, clause.points))
        unclassified = []
        for block in self.unclassified:
            text = normalise_space(" ".join(block.parts))
            after = block.after.eid if block.after else ""
            unclassified.append(Unclassified(text=text, after=after))
            self.warnings.append(
                f"line {block.lines[0]}: text not recognised as a clause, kept unclassified: "
                f"{text[:60]!r}"
            )
            for line_no in block.lines:
                self.fates.append(LineFate(line_no, "", "unclassified"))
        for line_no in self.pending_bullet:
            self.fates.append(LineFate(line_no, "", "dropped", "lone bullet"))
        for kind in (ClauseKind.RECITAL, ClauseKind.PARAGRAPH):
            self.warnings.extend(numbering_warnings(built[kind], kind))
        markers = {n.marker for kind in built.values() for c in kind for n in all_notes(c)}
        footnote_bodies = self._trailer_fates(markers)
        return BodyResult(
            citations=_with_note_bodies(built[ClauseKind.CITATION], footnote_bodies),
            recitals=_with_note_bodies(built[ClauseKind.RECITAL], footnote_bodies),
            paragraphs=_with_note_bodies(built[ClauseKind.PARAGRAPH], footnote_bodies),
            unclassified=tuple(unclassified),
            fates=self.fates,
            warnings=self.warnings,
        )

    def _trailer_fates(self, markers: set[str]) -> dict[str, str]:
        bodies: dict[str, str] = {}
        for line_no, text in self.trailer:
            footnote = _FOOTNOTE_BODY.match(text)
            marker = footnote and (footnote.group(1) or footnote.group(2))
            if footnote and marker in markers and marker not in bodies:
                bodies[marker] = footnote.group(3)
                self.fates.append(LineFate(line_no, text, "note"))
            else:
                self.fates.append(
                    LineFate(line_no, text, "dropped", "after the end of the resolution")
                )
        return bodies


def _next_letter(previous: str, num: str) -> bool:
    """True when ``num`` is the letter after ``previous`` ("h" -> "i", "b" -> "c")."""
    return len(previous) == 1 and len(num) == 1 and ord(num) == ord(previous) + 1


def _point_fates(drafts: list[_PointDraft], points: tuple[Point, ...]) -> list[LineFate]:
    fates: list[LineFate] = []
    for draft, point in zip(drafts, points, strict=True):
        fates.extend(LineFate(n, "", point.eid) for n in draft.lines)
        fates.extend(_point_fates(draft.points, point.points))
    return fates


def _joined(parts: list[str]) -> tuple[str, tuple[Note, ...]]:
    if not parts:  # most clauses have no wrap-up
        return "", ()
    return extract_notes(normalise_space(" ".join(parts)))


def _build_points(points: list[_PointDraft], parent_eid: str) -> tuple[Point, ...]:
    if not points:  # most clauses have no points
        return ()
    eids = point_ids(parent_eid, (p.num for p in points))
    built = []
    for draft, eid in zip(points, eids, strict=True):
        text, notes = _joined(draft.parts)
        built.append(Point(draft.num, text, eid, _build_points(draft.points, eid), notes))
    return tuple(built)


def _build_clause(draft: _ClauseDraft) -> Clause:
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


def _point_with_note_bodies(point: Point, bodies: dict[str, str]) -> Point:
    return replace(
        point,
        points=tuple(_point_with_note_bodies(p, bodies) for p in point.points),
        notes=_notes_with_bodies(point.notes, bodies),
    )


def _with_note_bodies(clauses: list[Clause], bodies: dict[str, str]) -> tuple[Clause, ...]:
    """The clauses with the footnote bodies found after the text (on points too)."""
    if not bodies:
        return tuple(clauses)
    return tuple(
        replace(
            clause,
            points=tuple(_point_with_note_bodies(p, bodies) for p in clause.points),
            notes=_notes_with_bodies(clause.notes, bodies),
        )
        for clause in clauses
    )


def parse_body(lines: list[tuple[int, str]], phrases: LanguagePhrases) -> BodyResult:
    """Clauses, unclassified blocks and line fates for the lines after the formula."""
    parser = _BodyParser(phrases)
    for line_no, text in lines:
        parser.feed(line_no, text)
    return parser.finish()
