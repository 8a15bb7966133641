"""Reading a Word amendment list: the EP two-column layout, as amendtool writes it and as
advisers table it.

Per amendment: a paragraph "Amendment N"; before the table, lines among which the target
("Recital B a (new)"; author and version-title lines are skipped); a table whose head row
reads "<version title> | Amendment" ("Motion for a resolution", "Text proposed by the
Commission", ...) and whose next row holds the two columns, one paragraph per clause, the
changed words in bold italics (not needed to apply: the columns give the wordings); after
it the language line ("Or. en") and the justification.

The XML is read with lxml directly (no entities, no DTD, no network; the archive and the
document part are size-checked first), walking only the paragraphs and the table cells as
written, so that no cell-spanning attribute makes the reader build more than the file holds.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from amendtool.akn.xmlsafe import parse_xml
from amendtool.amendments.labels import parse_target
from amendtool.amendments.tabled import (
    AmendmentList,
    TabledAmendment,
    TabledClause,
    positions_in_note,
)
from amendtool.amendments.words import amendment_words
from amendtool.errors import InputError
from amendtool.textparse.normalise import MAX_INPUT_BYTES

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_P, _TBL, _TR, _TC, _T = (f"{{{_W}}}{name}" for name in ("p", "tbl", "tr", "tc", "t"))
_TAB, _BR = f"{{{_W}}}tab", f"{{{_W}}}br"
# the number an EP column puts before a clause: "C. ", "Ba. ", "5a. ", "-1. ", "– "
_PREFIX = re.compile(r"^(?:[–—-]\s+|-?(?:\d+[a-z]*|[A-Z]{1,3}[a-z]*)\.\s+)")
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, OSError)


def _paragraph_text(paragraph: etree._Element) -> str:
    parts = []
    for node in paragraph.iter(_T, _TAB, _BR):
        parts.append(node.text or "" if node.tag == _T else " ")
    return " ".join("".join(parts).split())


def _cells(row: etree._Element) -> list[list[str]]:
    """The non-empty paragraphs of each cell of a table row (nested tables are skipped)."""
    cells = []
    for cell in row.iterchildren(_TC):
        paragraphs = [_paragraph_text(p) for p in cell.iterchildren(_P)]
        cells.append([text for text in paragraphs if text])
    return cells


@dataclass
class _Draft:
    number: int
    before: list[str] = field(default_factory=list)
    columns: tuple[list[str], list[str]] | None = None
    after: list[str] = field(default_factory=list)


Event = tuple[str, list[str], list[str]]  # ("line", [text], []), ("head", ...), ("pair", l, r)


def _events(body: etree._Element) -> list[Event]:
    """The body as a stream: lines (paragraphs, one-cell rows), column heads, column pairs.

    Tables are read row by row, so an amendment laid out wholly as a table ("Amendment N"
    and the target in rows of their own) reads like one laid out in paragraphs.
    """
    amendment_word = amendment_words().amendment_word.casefold()
    events: list[Event] = []
    for block in body.iterchildren(_P, _TBL):
        if block.tag == _P:
            events.append(("line", [_paragraph_text(block)], []))
            continue
        for row in block.iterchildren(_TR):
            cells = _cells(row)
            if len(cells) == 2 and " ".join(cells[1]).casefold() == amendment_word:
                events.append(("head", [], []))
            elif len(cells) == 2 and (cells[1] or not cells[0]):
                events.append(("pair", cells[0], cells[1]))
            else:
                events.extend(("line", [text], []) for cell in cells for text in cell)
    return events


def _strip_number(text: str) -> str:
    return _PREFIX.sub("", text, count=1)


def _target(draft: _Draft, source: str) -> str:
    for line in reversed(draft.before):
        try:
            parse_target(line)
        except ValueError:
            continue
        return line
    raise InputError(source, f"amendment {draft.number}: no target line (such as 'Recital C')")


def _finish(draft: _Draft, source: str) -> TabledAmendment:
    words = amendment_words()
    if draft.columns is None:
        raise InputError(source, f"amendment {draft.number}: no two-column table")
    left, right = draft.columns
    deleted = [text.casefold() for text in right] == [words.deleted_word.casefold()]
    notes = [
        line
        for line in draft.after
        if not line.startswith(words.original_language_prefix)
        and line.casefold() != words.justification_word.casefold()
    ]
    note = "\n".join(notes)
    return TabledAmendment(
        number=draft.number,
        target=_target(draft, source),
        old=tuple(TabledClause(_strip_number(text)) for text in left),
        new=() if deleted else tuple(TabledClause(_strip_number(text)) for text in right),
        positions=positions_in_note(note),
        justification=note,
    )


def read_docx_list(data: bytes, source: str) -> AmendmentList:
    """The amendments of a Word amendment list."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > MAX_INPUT_BYTES:
                raise InputError(source, "the document part of the DOCX file is too large")
            xml = archive.read(info)
    except KeyError:
        raise InputError(source, "not a Word document (no word/document.xml)") from None
    except _ZIP_ERRORS as exc:
        raise InputError(source, f"damaged DOCX or ZIP file ({exc})") from None
    body = parse_xml(xml, source).getroot().find(f"{{{_W}}}body")
    if body is None:
        raise InputError(source, "a Word document without a body")
    pattern = re.compile(rf"^{re.escape(amendment_words().amendment_word)}\s+(\d+)$")
    drafts: list[_Draft] = []
    events = _events(body)
    for kind, left, right in events:
        current = drafts[-1] if drafts else None
        if kind == "line":
            text = left[0]
            start = pattern.match(text)
            if start:
                drafts.append(_Draft(int(start[1])))
            elif text and current is not None:
                (current.before if current.columns is None else current.after).append(text)
        elif current is None:
            continue
        elif kind == "head" and current.columns is None:
            current.columns = ([], [])
        elif kind == "pair" and current.columns is not None and not current.after:
            current.columns[0].extend(left)
            current.columns[1].extend(right)
    if not drafts:
        none = f"0 {amendment_words().amendment_word}s".casefold()
        if any(kind == "line" and left[0].casefold() == none for kind, left, _ in events):
            return AmendmentList(source, ())  # amendtool's list for two identical drafts
        raise InputError(source, "a Word document, but no 'Amendment N' tables in it")
    return AmendmentList(source, tuple(_finish(draft, source) for draft in drafts))
