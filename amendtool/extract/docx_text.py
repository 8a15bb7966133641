"""A DOCX file (as the EP and the groups publish motions) -> lines of text.

``word/document.xml`` is read in one pass with lxml's ``iterparse`` (no entities, no DTD,
no network; a DOCTYPE is refused as for XML input), so the work is linear in the size of
the document whatever its tables look like:

1. paragraphs come out one per line, in document order (also those inside content
   controls and text boxes; the duplicate ``mc:Fallback`` copy of a text box and text
   moved away in tracked changes are skipped);
2. a paragraph numbered by Word (``w:numPr``, directly or through its style) starts with
   the number or letter Word shows (see :mod:`amendtool.extract.docx_numbering`);
3. a table row is one line, its cells joined by a space (the paragraphs of a cell by a line
   break). Each cell's own text is taken once: spans (``w:gridSpan``) and vertical merges
   (``w:vMerge``) are never expanded, so neither a huge span nor a long merge chain costs
   anything, and a merge that starts nowhere is simply a cell;
4. a footnote reference becomes the marker Word prints (``[1]``, ``[2]`` in order) and the
   footnote texts (``word/footnotes.xml``) follow the document as ``[1] text`` lines, where
   the text reader attaches them to their markers.

The archive is checked before it is read: parts unpacking to more than the input limit (a
zip bomb) are refused, and so is an archive of more than MAX_PARTS parts. Parts are inflated
piece by piece, never past the size their header declares: a part whose header lies (a
small size, gigabytes of data) costs no more than an honest one.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from amendtool.errors import InputError
from amendtool.extract.docx_numbering import ListCounter, W, paragraph_numbering, read_definitions
from amendtool.textparse.normalise import MAX_INPUT_BYTES

# what zipfile raises for damaged or unsupported archives (found by fuzzing: an unknown
# "zip file version" raises NotImplementedError)
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    NotImplementedError,
    ValueError,
    OSError,
    EOFError,
    RuntimeError,
)
DOCUMENT_PART = "word/document.xml"
NUMBERING_PART = "word/numbering.xml"
STYLES_PART = "word/styles.xml"
FOOTNOTES_PART = "word/footnotes.xml"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_RUN_CHARACTERS = {f"{W}tab": "\t", f"{W}ptab": "\t", f"{W}br": "\n", f"{W}cr": "\n"}
_RUN_CHARACTERS[f"{W}noBreakHyphen"] = "-"
_SKIPPED = {_MC_FALLBACK, f"{W}moveFrom"}  # duplicate text-box copy; text moved elsewhere
# A Word document has tens of parts (hundreds with many images); an archive of hundreds of
# thousands of empty parts costs zipfile seconds and hundreds of MB just to list.
MAX_PARTS = 10_000
_CENTRAL_ENTRY = b"PK\x01\x02"  # starts each entry of the archive's directory
_PIECE_BYTES = 1 << 20  # inflated at a time


def _too_many_parts(data: bytes) -> bool:
    # an upper bound on the entries, counted before zipfile lists them all
    return data.count(_CENTRAL_ENTRY) > MAX_PARTS


def looks_like_docx(data: bytes) -> bool:
    """True for a ZIP archive holding ``word/document.xml``."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    if _too_many_parts(data):
        return True  # docx_to_text says why it is refused
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return DOCUMENT_PART in archive.namelist()
    except _ZIP_ERRORS:
        return True  # a damaged archive: docx_to_text says so


def _read_part(archive: zipfile.ZipFile, name: str) -> bytes:
    # zipfile's read() inflates a whole part in one call before cutting it to its declared
    # size: a part declaring 1 kB that inflates to gigabytes would be inflated whole
    pieces = []
    with archive.open(name) as part:
        while piece := part.read(_PIECE_BYTES):
            pieces.append(piece)
    return b"".join(pieces)


def _read_parts(data: bytes, source: str) -> dict[str, bytes]:
    if _too_many_parts(data):
        raise InputError(source, f"DOCX with more than {MAX_PARTS} parts is not accepted")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            if unpacked > MAX_INPUT_BYTES:
                raise InputError(source, f"DOCX unpacks to more than {MAX_INPUT_BYTES // 2**20} MB")
            names = set(archive.namelist())
            if DOCUMENT_PART not in names:
                raise InputError(source, f"unreadable DOCX file (no {DOCUMENT_PART})")
            return {
                name: _read_part(archive, name)
                for name in (DOCUMENT_PART, NUMBERING_PART, STYLES_PART, FOOTNOTES_PART)
                if name in names
            }
    except _ZIP_ERRORS as exc:
        raise InputError(source, f"damaged DOCX or ZIP file ({exc})") from None


def _refuse_doctype(part: str, data: bytes, source: str) -> None:
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise InputError(
            source, f"DOCX with a DOCTYPE or entity declarations ({part}) is not accepted"
        )


def _xml_error(part: str, exc: etree.XMLSyntaxError, source: str) -> InputError:
    message = " ".join(str(exc.msg).split())
    return InputError(source, f"unreadable DOCX file ({part}: {message})")


def _parse_small_part(part: str, data: bytes | None, source: str) -> etree._Element | None:
    if data is None:
        return None
    _refuse_doctype(part, data, source)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise _xml_error(part, exc, source) from None


class _Paragraph:
    __slots__ = ("numbering", "parts", "style")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.style: str | None = None
        self.numbering: tuple[str | None, int | None] | None = None


class _Walker:
    """State of the one pass over ``document.xml``."""

    def __init__(self, counter: ListCounter) -> None:
        self.counter = counter
        self.lines: list[str] = []
        self.paragraphs: list[_Paragraph] = []  # open paragraphs (text boxes nest them)
        self.cells: list[list[str]] = []  # open cells: their paragraphs
        self.rows: list[list[str]] = []  # open rows: their cells
        self.skipping = 0  # depth inside skipped content
        self.footnotes: dict[str, int] = {}  # w:id -> the number Word prints

    def start(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif self.skipping:
            return
        elif tag == f"{W}p":
            self.paragraphs.append(_Paragraph())
        elif tag == f"{W}tr":
            self.rows.append([])
        elif tag == f"{W}tc":
            self.cells.append([])

    def end(self, element: etree._Element) -> None:
        tag = element.tag
        if tag in _SKIPPED:
            self.skipping -= 1
            return
        if self.skipping:
            return
        paragraph = self.paragraphs[-1] if self.paragraphs else None
        if tag == f"{W}t":
            if paragraph is not None and element.text:
                paragraph.parts.append(element.text)
        elif tag in _RUN_CHARACTERS:
            parent = element.getparent()
            if paragraph is not None and parent is not None and parent.tag == f"{W}r":
                paragraph.parts.append(_RUN_CHARACTERS[tag])
        elif tag == f"{W}footnoteReference" and paragraph is not None:
            number = len(self.footnotes) + 1
            self.footnotes.setdefault(str(element.get(f"{W}id", "")), number)
            paragraph.parts.append(f"[{number}]")
        elif tag == f"{W}pPr":
            parent = element.getparent()
            if paragraph is not None and parent is not None and parent.tag == f"{W}p":
                paragraph.style = _style(element)
                paragraph.numbering = paragraph_numbering(element)
        elif tag == f"{W}p" and paragraph is not None:
            self.paragraphs.pop()
            self._emit(self._paragraph_text(paragraph))
            _release(element)
        elif tag == f"{W}tc" and self.cells:
            cell = self.cells.pop()
            if self.rows:
                self.rows[-1].append("\n".join(cell))
        elif tag == f"{W}tr" and self.rows:
            self._emit(" ".join(self.rows.pop()))
            _release(element)

    def _paragraph_text(self, paragraph: _Paragraph) -> str:
        text = "".join(paragraph.parts)
        numbering = self.counter.resolve(paragraph.numbering, paragraph.style)
        if numbering is None:
            return text
        label = self.counter.label(*numbering)
        return f"{label} {text}" if label else text

    def _emit(self, text: str) -> None:
        if self.cells:
            self.cells[-1].append(text)
        else:
            self.lines.append(text)


def _style(ppr: etree._Element) -> str | None:
    style = ppr.find(f"{W}pStyle")
    value = style.get(f"{W}val") if style is not None else None
    return str(value) if value is not None else None


def _release(element: etree._Element) -> None:
    """Free what was read: the element's content and the siblings before it."""
    element.clear()
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


def _footnote_lines(
    footnotes: etree._Element | None, numbers: dict[str, int]
) -> list[tuple[int, str]]:
    """``(number, "[n] text")`` for each footnote the document refers to."""
    if footnotes is None or not numbers:
        return []
    lines = []
    for footnote in footnotes.iter(f"{W}footnote"):
        number = numbers.get(str(footnote.get(f"{W}id", "")))
        if number is None:
            continue
        paragraphs = [
            "".join(str(t.text or "") for t in p.iter(f"{W}t")) for p in footnote.iter(f"{W}p")
        ]
        text = " ".join(part.strip() for part in paragraphs if part.strip())
        lines.append((number, f"[{number}] {text}"))
    return sorted(lines)


def docx_to_text(data: bytes, source: str) -> str:
    """The text of a DOCX document, one paragraph or table row per line."""
    parts = _read_parts(data, source)
    document = parts[DOCUMENT_PART]
    _refuse_doctype(DOCUMENT_PART, document, source)
    definitions = read_definitions(
        _parse_small_part(NUMBERING_PART, parts.get(NUMBERING_PART), source),
        _parse_small_part(STYLES_PART, parts.get(STYLES_PART), source),
    )
    walker = _Walker(ListCounter(definitions))
    events = etree.iterparse(
        io.BytesIO(document),
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    try:
        for event, element in events:
            if not isinstance(element.tag, str):
                continue  # comments and processing instructions
            if event == "start":
                walker.start(element.tag)
            else:
                walker.end(element)
    except etree.XMLSyntaxError as exc:
        raise _xml_error(DOCUMENT_PART, exc, source) from None
    footnotes = _parse_small_part(FOOTNOTES_PART, parts.get(FOOTNOTES_PART), source)
    notes = [line for _, line in _footnote_lines(footnotes, walker.footnotes)]
    return "\n".join([*walker.lines, *notes])
