"""A PDF file (as the EP publishes motions and adopted texts) -> lines of text.

pdfminer.six reads the text layer: every character with its box. The layout is rebuilt
here, because justified text in narrow columns (the Official Journal's two columns) has
word gaps wider than general layout heuristics allow for:

1. Characters on one baseline form a *row*; a space is put where a gap is wider than a
   space would be.
2. A page has two columns when some x position in its middle third is crossed by no
   character of most rows, while rows have text on both sides of it (the *gutter*). Rows
   that cross it (a title across the page) stand on their own; between them, the left
   column is read before the right one.
3. Within a column, a line was wrapped by the typesetter when the first word of the next
   line would not have fitted in the space left at its end; it is joined to the next line,
   unless that line opens a clause (``4.``, ``B.``, ``(a)``, a dash). A line ending with a
   hyphen after a letter is left for the body reader, which rejoins hyphenated words when
   the clause continues in lower case; after another character (``RC-B7-`` / ``0135``) the
   pieces are joined without a space.

Page furniture (footers, ``RC1``, brace columns) is left to
:mod:`amendtool.textparse.page_noise`, as for text copied out of a PDF by hand. A PDF
without a text layer (a scan) is refused with a one-line error that says so.
"""

from __future__ import annotations

import io
import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from amendtool.errors import InputError

MAX_PDF_PAGES = 500  # pages read at most (an EP resolution has fewer than 40)
BASELINE_TOLERANCE = 0.35  # font sizes: characters this close vertically share a row
WORD_GAP = 0.2  # font sizes: a wider gap between two characters is a space
FIT_SLACK = 0.3  # font sizes: rounding allowed when asking whether a word would have fitted
MIN_GUTTER_ROWS = 2  # rows with text on each side of a gutter, at least, to call it one
MIN_GUTTER_WIDTH = 1.0  # font sizes: the narrowest gutter (word gaps are narrower)
MAX_CROSSING_SHARE = 0.2  # of the rows on one side: rows crossing a gutter (titles) allowed
MIN_PITCH = 0.8  # font sizes: the smallest step down from one line to the next
PARAGRAPH_SPACING = 1.15  # line pitches: a wider step down between two lines ends a paragraph

_OPENS_CLAUSE = re.compile(
    r"^(?:[-–—•]\s|\d{1,3}\s?[a-z]?\.\s|[A-Z]{1,2}\s?[a-z]?\.\s|\((?:[a-z]{1,2}|[ivxlc]+)\)\s)"
)
_LIGATURES = re.compile("[\ufb00-\ufb06]")  # ﬁ ﬂ ﬀ ﬃ ﬄ ...: one glyph for several letters


@dataclass(frozen=True)
class _Glyph:
    text: str
    x0: float
    x1: float
    y: float
    size: float


@dataclass
class _Line:
    glyphs: list[_Glyph]

    @property
    def x0(self) -> float:
        return self.glyphs[0].x0

    @property
    def x1(self) -> float:
        return max(g.x1 for g in self.glyphs if g.text.strip()) if self.text else self.x0

    @property
    def size(self) -> float:
        return max(g.size for g in self.glyphs)

    @property
    def text(self) -> str:
        pieces: list[str] = []
        previous: _Glyph | None = None
        for glyph in self.glyphs:
            if (
                previous is not None
                and glyph.x0 - previous.x1 > WORD_GAP * glyph.size
                and not previous.text.isspace()
                and not glyph.text.isspace()
            ):
                pieces.append(" ")
            pieces.append(glyph.text)
            previous = glyph
        return " ".join("".join(pieces).split())

    @property
    def y(self) -> float:
        return self.glyphs[0].y

    def first_word_width(self) -> float:
        """From the start of the line to the end of its first word."""
        end = self.glyphs[0].x1
        for glyph in self.glyphs:
            if glyph.text.isspace() or glyph.x0 - end > WORD_GAP * glyph.size:
                break
            end = glyph.x1
        return end - self.x0


def _glyphs(item: Any) -> Iterator[_Glyph]:
    from pdfminer.layout import LTChar

    for child in item:
        if isinstance(child, LTChar):
            text = child.get_text()
            if text and not text.startswith("(cid:"):
                size = float(child.size) or float(child.height) or 1.0
                yield _Glyph(text, float(child.x0), float(child.x1), float(child.y0), size)
        elif hasattr(child, "__iter__"):
            yield from _glyphs(child)


def _pages(data: bytes, source: str) -> Iterator[tuple[list[_Glyph], float]]:
    """The glyphs and the width of each page."""
    import logging

    # pdfminer logs what it tolerates in a damaged file; without a handler, Python would
    # print those records on stderr, around amendtool's own one-line message
    logging.getLogger("pdfminer").addHandler(logging.NullHandler())
    from amendtool.extract.pdf_limits import StreamBudgetExceeded, bounded

    pages = 0
    try:
        from pdfminer.high_level import extract_pages

        with bounded(len(data)):
            for page in extract_pages(io.BytesIO(data), maxpages=MAX_PDF_PAGES):
                pages += 1
                yield list(_glyphs(page)), float(page.width)
    except StreamBudgetExceeded:
        raise InputError(
            source, "PDF streams inflate to far more than the file's size (a decompression bomb?)"
        ) from None
    except Exception as error:  # pdfminer raises many kinds (PSEOF, PDFSyntaxError, ...)
        reason = " ".join(str(error).split())[:120] or type(error).__name__
        raise InputError(source, f"not a readable PDF ({reason})") from None
    if not pages:
        raise InputError(source, "not a readable PDF (no pages found)")


def _rows(glyphs: list[_Glyph]) -> list[_Line]:
    """Glyphs grouped by baseline, top to bottom, each row left to right."""
    rows: list[list[_Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: -g.y):
        if rows and abs(rows[-1][0].y - glyph.y) <= BASELINE_TOLERANCE * glyph.size:
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
    return [_Line(sorted(row, key=lambda g: g.x0)) for row in rows]


def _crosses(row: _Line, x: float) -> bool:
    return any(g.x0 < x < g.x1 for g in row.glyphs)


def _gutter(rows: list[_Line], width: float) -> float | None:
    """The x position between two columns, if the page has two.

    A gutter is a band, at least ``MIN_GUTTER_WIDTH`` wide, in the middle third of the
    page that few rows cross while at least two rows have text on each side of it.
    Positions are tested a point apart; each row is measured once (its covered points,
    where its text starts and ends), so a page costs its rows times its width.
    """
    if not rows:
        return None
    size = sorted(row.size for row in rows)[len(rows) // 2]
    first, last = int(width / 3), int(2 * width / 3)
    span = max(last - first, 0)
    crossing = [0] * span
    left = [0] * span
    right = [0] * span
    for row in rows:
        covered = bytearray(span)
        for glyph in row.glyphs:  # x0 < x < x1 for the integer points x of the band
            start, end = max(int(glyph.x0) + 1, first), min(-int(-glyph.x1) - 1, last - 1)
            for x in range(start, end + 1):
                covered[x - first] = 1
        inked = [g for g in row.glyphs if not g.text.isspace()]
        if not inked:
            continue
        ends_from = min(g.x1 for g in inked)  # text on the left of x when x >= this
        starts_until = max(g.x0 for g in inked)  # text on the right of x when x <= this
        for offset in range(span):
            x = first + offset
            if covered[offset]:
                crossing[offset] += 1
                continue
            left[offset] += ends_from <= x
            right[offset] += starts_until >= x
    band: list[int] = []
    best: list[int] = []
    for offset in range(span):
        if min(left[offset], right[offset]) >= MIN_GUTTER_ROWS and crossing[
            offset
        ] <= MAX_CROSSING_SHARE * max(left[offset], right[offset]):
            band.append(first + offset)
            continue
        if len(band) > len(best):
            best = band
        band = []
    if len(band) > len(best):
        best = band
    if not best or best[-1] - best[0] < MIN_GUTTER_WIDTH * size:
        return None
    return (best[0] + best[-1]) / 2


def _split(row: _Line, x: float) -> tuple[_Line | None, _Line | None]:
    left = [g for g in row.glyphs if g.x1 <= x]
    right = [g for g in row.glyphs if g.x0 >= x]
    return (_Line(left) if left else None, _Line(right) if right else None)


@dataclass
class _Block:
    """Lines of one column, read top to bottom, and the column's right edge on the page."""

    lines: list[_Line]
    right: float


def _right(lines: list[_Line]) -> float:
    return max((line.x1 for line in lines if line.text), default=0.0)


def _blocks(rows: list[_Line], width: float) -> list[_Block]:
    """Rows in reading order, as blocks of one column each."""
    gutter = _gutter(rows, width)
    if gutter is None:
        return [_Block(rows, _right(rows))]
    halves = [_split(row, gutter) for row in rows if not _crosses(row, gutter)]
    left_right = _right([h[0] for h in halves if h[0]])
    right_right = _right([h[1] for h in halves if h[1]])
    page_right = _right(rows)
    blocks: list[_Block] = []
    left: list[_Line] = []
    right: list[_Line] = []

    def flush() -> None:
        if left:
            blocks.append(_Block(left[:], left_right))
        if right:
            blocks.append(_Block(right[:], right_right))
        left.clear()
        right.clear()

    for row in rows:
        if _crosses(row, gutter):
            flush()
            blocks.append(_Block([row], page_right))
            continue
        left_part, right_part = _split(row, gutter)
        if left_part:
            left.append(left_part)
        if right_part:
            right.append(right_part)
    flush()
    return blocks


def _wrapped(line: _Line, following: _Line, right: float) -> bool:
    """Whether the next line's first word would have fitted at the end of ``line``."""
    room = right - line.x1
    needed = following.first_word_width() + WORD_GAP * line.size
    return needed > room - FIT_SLACK * line.size


def _opens_clause(text: str) -> bool:
    from amendtool.textparse.phrases import all_languages

    return bool(_OPENS_CLAUSE.match(text)) or any(
        phrases.citation.match(text) for phrases in all_languages()
    )


def _pitch(lines: list[_Line]) -> float:
    """The step down from one line of a paragraph to the next: the smallest step between
    two lines (0 for a single line). Steps under ``MIN_PITCH`` are raised marks."""
    steps = [a.y - b.y for a, b in itertools.pairwise(lines) if a.y - b.y >= MIN_PITCH * a.size]
    return min(steps, default=0.0)


def _joined_lines(blocks: list[_Block]) -> list[str]:
    """The lines of all blocks in reading order, typesetter wraps joined.

    A wrap may cross from one block to the next (a clause continuing in the next column
    or on the next page); within a block, a step down wider than usual ends a paragraph.
    """
    placed = [
        (line, block.right, pitch, number)
        for number, block in enumerate(blocks)
        for pitch in [_pitch([line for line in block.lines if line.text])]
        for line in block.lines
        if line.text
    ]
    out: list[str] = []
    join: str | None = None  # how the next line joins the last one: " ", "" or not at all
    for index, (line, right, pitch, number) in enumerate(placed):
        text = line.text
        if join is not None and out and not _opens_clause(text):
            out[-1] += join + text
        else:
            out.append(text)
        join = None
        if index + 1 == len(placed):
            break
        following, _, _, next_number = placed[index + 1]
        spaced = next_number == number and line.y - following.y > PARAGRAPH_SPACING * pitch
        if not spaced and _wrapped(line, following, right):
            if text.endswith(("-", "‐")):
                hyphenated = text[-2:-1].isalpha() and following.text[:1].islower()
                join = None if hyphenated else ""
            else:
                join = " "
    return out


_BROKEN_WORD = re.compile(r"(\w+)-$")
_NEXT_WORD = re.compile(r"^(\w+)")


def _rejoin_compounds(lines: list[str]) -> list[str]:
    """Rejoin, hyphen kept, a word broken at its own hyphen (``re-`` / ``register``).

    A line ending with a hyphen after a letter may be a hyphenated word (``investi-`` /
    ``gation``: the body reader drops the hyphen) or a compound broken at its hyphen. It
    is taken for a compound when the document writes it with a hyphen elsewhere and never
    without one.
    """
    words = re.findall(r"\w+(?:-\w+)*", "\n".join(lines).lower())
    known = set(words)
    out: list[str] = []
    for line in lines:
        if out:
            end, start = _BROKEN_WORD.search(out[-1]), _NEXT_WORD.match(line)
            if end and start and start.group(1)[:1].islower():
                left, right = end.group(1).lower(), start.group(1).lower()
                if f"{left}-{right}" in known and f"{left}{right}" not in known:
                    out[-1] += line
                    continue
        out.append(line)
    return out


def pdf_to_text(data: bytes, source: str) -> str:
    """The text layer of a PDF as lines (wrapped lines joined, columns in reading order)."""
    blocks: list[_Block] = []
    for glyphs, width in _pages(data, source):
        blocks += _blocks(_rows(glyphs), width)
    lines = _rejoin_compounds(_joined_lines(blocks))
    text = _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), "\n".join(lines))
    if not text.strip():
        raise InputError(
            source,
            "PDF without a text layer (a scanned image?): amendtool reads the text of a PDF; "
            "run OCR on it first (e.g. ocrmypdf)",
        )
    return text + "\n"
