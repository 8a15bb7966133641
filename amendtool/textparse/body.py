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
from dataclasses import dataclass
from typing import NamedTuple

from amendtool.eids import clause_ids
from amendtool.model import (
    CLAUSE_KINDS,
    Clause,
    ClauseKind,
    Unclassified,
    all_notes,
)
from amendtool.textparse.body_drafts import (
    ClauseDraft,
    Fate,
    PointDraft,
    UnclassifiedDraft,
    build_clause,
    point_fates,
    with_note_bodies,
)
from amendtool.textparse.normalise import (
    may_match_ignoring_case,
    normalise_space,
    only_spaces_and_line_feeds,
)
from amendtool.textparse.phrases import LanguagePhrases
from amendtool.textparse.sequence import numbering_warnings

_BULLET = re.compile(r"^[-–—•‐·*▪]+\s*")
_BULLET_CHARS = frozenset("-–—•‐·*▪")  # a line _BULLET matches starts with one of them
_PARAGRAPH = re.compile(r"^(\d{1,6}(?: ?[a-z])?) ?\.(?:\s+|(?=[^\d\s])|$)(.*)$")
# Recital letters: A..Z, then AA, AB .. (or Word's AA, BB ..), then AAA ..: a run of up to
# MAX_RECITAL_LETTERS capitals, with an optional inserted-recital suffix ("C a", "Ca").
MAX_RECITAL_LETTERS = 3
_LETTERS = rf"[A-Z]{{1,{MAX_RECITAL_LETTERS}}}"
_RECITAL = re.compile(rf"^({_LETTERS}(?: ?[a-z])?) ?\.(?:\s+|(?=[^\d\s.])|$)(.*)$")
_RECITAL_NO_PERIOD = re.compile(rf"^({_LETTERS}) +(.*)$")
_LONE_RECITAL = re.compile(rf"^({_LETTERS}(?: ?[a-z])?) ?\.$")  # the letter on its own line
_POINT = re.compile(r"^\(([a-z]{1,2}|[ivxlc]+)\)\s*(.*)$|^([a-z])\)\s+(.*)$")
_ROMAN = re.compile(r"^[ivxlc]+$")
_CLOSING_PUNCTUATION = frozenset(".;:,!?")
_CLOSERS = "'’\")”"  # quotes and brackets that may follow the closing punctuation
_ENDED = re.compile(r"[.;:,!?]['’\"”)]*$")  # what _ended tells, as a pattern
_NOISE_FORMS = (
    r"PE ?\d{3}\.\d{3}v\d{2}-\d{2}|RC\\\d+[A-Z]{2}\.docx.*|"
    r"\d{1,3}/\d{1,3}|Page \d+(?: of \d+)?|Total Page:\d+|File Type:.*"
)
_NOISE_MOTTO = "United in diversity"  # anywhere in a line
_PAGE_NOISE = re.compile(rf"^(?:{_NOISE_FORMS}|.*{_NOISE_MOTTO}.*)$", re.IGNORECASE)
# The same for a text without the motto: ".*" made the pattern read every line twice.
_PAGE_NOISE_NO_MOTTO = re.compile(rf"^(?:{_NOISE_FORMS})$", re.IGNORECASE)
_NOISE_FORM_STARTS = frozenset("pPrRtTfF")  # or a digit: what a line of _NOISE_FORMS starts with
_HYPHENATED = re.compile(r"[^\W\d_]{2}-$")  # matches in the last four characters or not at all
# What every split of LanguagePhrases.citation_inline starts with: most lines with a hyphen
# ("co-operation") are ruled out without the phrases (three times cheaper than the split)
_DASH_AFTER_PUNCTUATION = re.compile(r"[,;]\s+[-–—]")
_FOOTNOTE_BODY = re.compile(r"^(?:\[(\d{1,3})\]|\((\d{1,3})\))\s+(.+)$")
_SECTION_ORDER = {kind: index for index, kind in enumerate(CLAUSE_KINDS)}
CLOSING_HEAD = 4096  # characters of a paragraph read whole for the closing phrase
MAX_TRAILER_LINE = 80  # characters: longer unpunctuated lines are kept as unclassified text


class _Piece(NamedTuple):
    """A line, or the part of one after an inline citation, as the body parser reads it."""

    line_no: int
    content: str  # stripped, without its bullet
    had_bullet: bool
    lines: list[int]  # the line numbers it stands for: lone bullet lines before, and its own


@dataclass
class BodyResult:
    """What the body parser found."""

    citations: tuple[Clause, ...]
    recitals: tuple[Clause, ...]
    paragraphs: tuple[Clause, ...]
    unclassified: tuple[Unclassified, ...]
    fates: list[Fate]  # (line number, where, reason): the caller adds each line's text
    warnings: list[str]


class _BodyParser:
    def __init__(
        self,
        phrases: LanguagePhrases,
        page_noise: re.Pattern[str] = _PAGE_NOISE,
        single_spaced: bool = False,
    ) -> None:
        self.phrases = phrases
        self.page_noise = page_noise
        self.single_spaced = single_spaced  # the lines have no white space but single spaces
        self.clauses: list[ClauseDraft] = []
        self.unclassified: list[UnclassifiedDraft] = []
        self.section = ClauseKind.CITATION
        self.pending_bullet: list[int] = []
        self.ended = False
        self.fates: list[Fate] = []
        self.trailer: list[tuple[int, str]] = []
        self.warnings: list[str] = []
        self.tentative_end = False  # ended by a short unpunctuated line, not by the closing
        self.resumed = False  # a numbered paragraph came after such a line: it was body text
        self.last_number = ""  # of the last numbered paragraph, when the text ended tentatively
        # characters of a paragraph the closing phrases can read (see _opens_with_closing)
        self.closing_reach = max(map(len, phrases.data.words("closing"))) + 2
        self.closing_known: ClauseDraft | None = None  # the paragraph whose answer is kept
        self.closing_known_answer = False

    # -- line dispatch -------------------------------------------------------------
    def feed(self, line_no: int, text: str) -> None:
        if self.ended:
            self.trailer.append((line_no, text))
            if self.tentative_end and self._numbered_after_last(text):
                self._resume()
            return
        first = text[:1]
        if (
            self.page_noise is _PAGE_NOISE or first in _NOISE_FORM_STARTS or first.isdecimal()
        ) and self.page_noise.match(text):
            self.fates.append((line_no, "dropped", "page header or footer"))
            return
        bullet = _BULLET.match(text) if first in _BULLET_CHARS else None
        content = text[bullet.end() :] if bullet else text
        if not content:
            self.pending_bullet.append(line_no)
            return
        has_dash = "-" in content or "–" in content or "—" in content
        if has_dash and _DASH_AFTER_PUNCTUATION.search(content):  # where a citation may start
            pieces = self.phrases.citation_inline.split(content)
        else:
            pieces = [content]
        had_bullet = bullet is not None
        for piece in pieces:
            self._feed_piece(line_no, piece.strip(), had_bullet)

    def _feed_piece(self, line_no: int, content: str, had_bullet: bool) -> None:
        """One piece of a line, offered to each step in turn until one takes it; what no
        step takes is kept unclassified."""
        if self.pending_bullet:
            piece = _Piece(line_no, content, had_bullet, [*self.pending_bullet, line_no])
            self.pending_bullet = []
        else:
            piece = _Piece(line_no, content, had_bullet, [line_no])
        current = self.clauses[-1] if self.clauses else None
        if not (
            self._end_after_closing(piece, current)
            or self._fill_bare_clause(piece, current)
            or self._open_clause(piece, current)
            or self._add_list_item(piece, current)
            or self._continue_clause(piece, current)
            or self._start_trailer(piece, current)
        ):
            self._keep_unclassified(content, piece.lines, current)

    # -- the steps of _feed_piece: each takes the piece (True) or leaves it (False) ----
    def _end_after_closing(self, piece: _Piece, current: ClauseDraft | None) -> bool:
        """A piece after the closing instruction starts the trailer."""
        if current is None or not self._after_closing(current, piece.content):
            return False
        self.ended = True
        self.trailer.extend((n, piece.content) for n in piece.lines)
        return True

    def _fill_bare_clause(self, piece: _Piece, current: ClauseDraft | None) -> bool:
        """The text of a clause whose number stood alone (unless another recital starts)."""
        if current is None or not current.bare or _RECITAL.match(piece.content):
            return False
        self._fill_bare(current, piece.content, piece.lines)
        return True

    def _open_clause(self, piece: _Piece, current: ClauseDraft | None) -> bool:
        """A citation, paragraph or recital marker opens a new clause."""
        opening = self._clause_opening(piece.content, current)
        if opening is None:
            return False
        self._open(*opening, piece.lines)
        return True

    def _clause_opening(
        self, content: str, current: ClauseDraft | None
    ) -> tuple[ClauseKind, str, str] | None:
        """Kind, number and text of the clause ``content`` opens, or None."""
        if self.phrases.citation.match(content):
            return ClauseKind.CITATION, "", content
        in_paragraphs = self.section is ClauseKind.PARAGRAPH
        first = content[:1]  # the markers' patterns start with a digit or a capital A-Z
        paragraph = _PARAGRAPH.match(content) if first.isdecimal() else None
        if paragraph and not (current and self._continues(current, content)):
            num, rest = paragraph.group(1).replace(" ", ""), paragraph.group(2)
            if not in_paragraphs and self.phrases.recital.match(rest):
                return ClauseKind.RECITAL, num, rest
            return ClauseKind.PARAGRAPH, num, rest
        if "A" <= first <= "Z":
            lone = _LONE_RECITAL.match(content)
            if lone and not in_paragraphs:
                return ClauseKind.RECITAL, lone.group(1).replace(" ", ""), ""
            recital = self._recital_marker(content)
            if recital:
                return ClauseKind.RECITAL, *recital
        if not in_paragraphs and self.phrases.recital.match(content):
            return ClauseKind.RECITAL, "", content
        return None

    def _add_list_item(self, piece: _Piece, current: ClauseDraft | None) -> bool:
        """A labelled point, a dash point, or a bulleted paragraph after the citations."""
        if current is None:
            return False
        point = _POINT.match(piece.content)
        if point:
            self._add_point(current, point, piece.lines)
        elif piece.had_bullet and self._in_dash_list(current):
            self._add_dash_point(current, piece.content, piece.lines)
        elif piece.had_bullet and self.section is not ClauseKind.CITATION:
            self._open(ClauseKind.PARAGRAPH, "", piece.content, piece.lines)
        else:
            return False
        return True

    def _continue_clause(self, piece: _Piece, current: ClauseDraft | None) -> bool:
        """More text of the open clause (or of its deepest last point)."""
        if current is None or not self._continues(current, piece.content):
            return False
        content = piece.content
        parts, part_lines = current.open_parts()
        if parts and _HYPHENATED.search(parts[-1][-4:]) and content[:1].islower():
            parts[-1] = parts[-1][:-1] + content  # a word hyphenated at the line end
        else:
            parts.append(content)
        part_lines.extend(piece.lines)
        return True

    def _start_trailer(self, piece: _Piece, current: ClauseDraft | None) -> bool:
        """A short unpunctuated line after the paragraphs ends the text, tentatively."""
        if self.resumed or not self._starts_trailer(current, piece.content):
            return False
        self.ended = self.tentative_end = True
        self.last_number = self._last_paragraph_number()  # the clauses stay as they are now
        self.trailer.append((piece.line_no, piece.content))
        return True

    # -- helpers -------------------------------------------------------------------
    def _last_paragraph_number(self) -> str:
        numbers = [c.num for c in self.clauses if c.kind is ClauseKind.PARAGRAPH and c.num]
        return numbers[-1] if numbers else ""

    def _numbered_after_last(self, text: str) -> bool:
        """True for a paragraph numbered after the last one read (the text goes on).

        The last number is taken when the text ends tentatively, not for each line after
        it (that was quadratic: a long trailer after many paragraphs, issue 17)."""
        match = _PARAGRAPH.match(_BULLET.sub("", text, count=1))
        digits = "".join(ch for ch in self.last_number if ch.isdigit())
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

    def _continues(self, current: ClauseDraft, content: str) -> bool:
        parts, _ = current.open_parts()
        last = parts[-1] if parts else ""
        if not last:
            return True
        if content[:1].islower():
            return True
        return not _ended(last)

    def _starts_trailer(self, current: ClauseDraft | None, content: str) -> bool:
        if current is None or current.kind is not ClauseKind.PARAGRAPH:
            return False
        return len(content) <= MAX_TRAILER_LINE and not _ended(content)

    def _open(self, kind: ClauseKind, num: str, text: str, lines: list[int]) -> None:
        before = self.section
        if _SECTION_ORDER[kind] > _SECTION_ORDER[before]:
            self.section = kind
        self.clauses.append(
            ClauseDraft(
                kind, num, [text] if text else [], list(lines), bare=not text, section_before=before
            )
        )
        if kind is ClauseKind.PARAGRAPH and num:
            self.resumed = False

    def _fill_bare(self, current: ClauseDraft, content: str, lines: list[int]) -> None:
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

    def _after_closing(self, current: ClauseDraft, content: str) -> bool:
        """After the closing instruction ("Instructs its President ...") the text is over."""
        if current.kind is not ClauseKind.PARAGRAPH or current.points:
            return False
        if not self._opens_with_closing(current):
            return False
        if current.parts[-1].endswith("."):
            return True  # the closing instruction ends the text with a full stop
        return not self._continues(current, content)

    def _opens_with_closing(self, current: ClauseDraft) -> bool:
        """``self.phrases.closing.match(" ".join(current.parts))``, in work bounded on
        every line of a long paragraph (joining it all for each line was quadratic, issue 17).

        A text longer than CLOSING_HEAD characters is read from its first ones with white
        space collapsed: the phrases are words (never white space) between single spaces,
        each matched by ``\\s+``, so the match is the same and reads no more than the
        longest phrase and the character after it. Those first characters stay as they are
        while lines are added (the parts only grow at the end; a hyphen joining a word
        takes off the last character), so the answer is kept for the paragraph
        (tests/property/test_reader_shortcuts.py).
        """
        parts = current.parts
        if len(parts) == 1 and len(parts[0]) <= CLOSING_HEAD:  # most paragraphs: one line
            return self.phrases.closing.match(parts[0]) is not None
        if self.closing_known is current:
            return self.closing_known_answer
        head = _head(parts, CLOSING_HEAD + 1)
        if len(head) <= CLOSING_HEAD:  # the whole text
            return self.phrases.closing.match(head) is not None
        answer = False  # no phrase starts with white space
        if not head[:1].isspace():
            collapsed = " ".join(head[:CLOSING_HEAD].split())
            if len(collapsed) <= self.closing_reach:  # white space all through: read it all
                return self.phrases.closing.match(" ".join(parts)) is not None
            answer = self.phrases.closing.match(collapsed[: self.closing_reach]) is not None
        self.closing_known, self.closing_known_answer = current, answer
        return answer

    def _add_point(self, current: ClauseDraft, match: re.Match[str], lines: list[int]) -> None:
        num = match.group(1) or match.group(3)
        text = match.group(2) if match.group(1) else match.group(4)
        point = PointDraft(num, [text] if text else [], list(lines))
        last = current.points[-1] if current.points else None
        if last is not None and _ROMAN.match(num) and not _next_letter(last.num, num):
            last.points.append(point)
        else:
            current.points.append(point)

    @staticmethod
    def _in_dash_list(current: ClauseDraft) -> bool:
        parts, _ = current.open_parts()
        if parts and parts[-1].endswith(":"):
            return True
        return bool(current.points) and current.points[-1].num == ""

    def _add_dash_point(self, current: ClauseDraft, content: str, lines: list[int]) -> None:
        point = PointDraft("", [content], list(lines))
        if (
            current.points
            and current.points[-1].parts[-1:]
            and current.points[-1].parts[-1].endswith(":")
        ):
            current.points[-1].points.append(point)
        else:
            current.points.append(point)

    def _keep_unclassified(
        self, content: str, lines: list[int], current: ClauseDraft | None
    ) -> None:
        previous = self.unclassified[-1] if self.unclassified else None
        if previous and previous.after is current and not _ended(previous.parts[-1]):
            previous.parts.append(content)
            previous.lines.extend(lines)
        else:
            self.unclassified.append(UnclassifiedDraft([content], list(lines), current))

    # -- finishing -----------------------------------------------------------------
    def finish(self) -> BodyResult:
        for kind in CLAUSE_KINDS:
            drafts = [c for c in self.clauses if c.kind is kind]
            for draft, eid in zip(drafts, clause_ids(kind, (d.num for d in drafts)), strict=True):
                draft.eid = eid
        built: dict[ClauseKind, list[Clause]] = {kind: [] for kind in CLAUSE_KINDS}
        markers: set[str] = set()
        fates = self.fates
        for draft in self.clauses:
            clause = build_clause(draft, self.single_spaced)
            built[draft.kind].append(clause)
            eid = draft.eid
            fates.extend([(n, eid, "") for n in draft.lines])
            if draft.points:
                fates.extend(point_fates(draft.points, clause.points))
            if clause.notes or clause.points:
                markers.update(n.marker for n in all_notes(clause))
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
                self.fates.append((line_no, "unclassified", ""))
        for line_no in self.pending_bullet:
            self.fates.append((line_no, "dropped", "lone bullet"))
        for kind in (ClauseKind.RECITAL, ClauseKind.PARAGRAPH):
            self.warnings.extend(numbering_warnings(built[kind], kind))
        footnote_bodies = self._trailer_fates(markers)
        return BodyResult(
            citations=with_note_bodies(built[ClauseKind.CITATION], footnote_bodies),
            recitals=with_note_bodies(built[ClauseKind.RECITAL], footnote_bodies),
            paragraphs=with_note_bodies(built[ClauseKind.PARAGRAPH], footnote_bodies),
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
                self.fates.append((line_no, "note", ""))
            else:
                self.fates.append((line_no, "dropped", "after the end of the resolution"))
        return bodies


def _head(parts: list[str], size: int) -> str:
    """The first ``size`` characters of ``" ".join(parts)``, in work bounded by ``size``."""
    pieces: list[str] = []
    length = -1  # no space before the first part
    for part in parts:
        pieces.append(part[:size])
        length += 1 + len(pieces[-1])
        if length >= size:
            break
    return " ".join(pieces)[:size]


def _ended(text: str) -> bool:
    """True when ``text`` ends with closing punctuation (``_ENDED.search(text)``).

    Only the end of the text is looked at: the pattern tries every punctuation mark of a
    line, and it was asked of nearly every line (issue 11).
    """
    if text.endswith("\n"):  # "$" matches before a final line feed too
        return _ENDED.search(text) is not None
    return text.rstrip(_CLOSERS)[-1:] in _CLOSING_PUNCTUATION


def _next_letter(previous: str, num: str) -> bool:
    """True when ``num`` is the letter after ``previous`` ("h" -> "i", "b" -> "c")."""
    return len(previous) == 1 and len(num) == 1 and ord(num) == ord(previous) + 1


def parse_body(lines: list[tuple[int, str]], phrases: LanguagePhrases) -> BodyResult:
    """Clauses, unclassified blocks and line fates for the lines after the formula."""
    whole = "\n".join(text for _, text in lines)
    motto = may_match_ignoring_case(whole, _NOISE_MOTTO)
    # normalised lines have no runs of spaces and no space at either end: without other
    # white space, clause texts joined from them need no space normalising
    parser = _BodyParser(
        phrases,
        _PAGE_NOISE if motto else _PAGE_NOISE_NO_MOTTO,
        single_spaced=only_spaces_and_line_feeds(whole),
    )
    for line_no, text in lines:
        parser.feed(line_no, text)
    return parser.finish()
