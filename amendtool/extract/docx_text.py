"""A DOCX file (as the EP and the groups publish motions) -> lines of text.

Paragraphs and table rows in document order, one per line (the cells of a row joined
with a space). The archive is checked before it is opened: a document part larger than
the input limit (a zip bomb) is refused.
"""

from __future__ import annotations

import io
import zipfile

from amendtool.errors import InputError
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


def looks_like_docx(data: bytes) -> bool:
    """True for a ZIP archive holding ``word/document.xml``."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except _ZIP_ERRORS:
        return True  # a damaged archive: docx_to_text says so


def docx_to_text(data: bytes, source: str) -> str:
    """The text of a DOCX document, one paragraph or table row per line."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except _ZIP_ERRORS as exc:
        raise InputError(source, f"damaged DOCX or ZIP file ({exc})") from None
    if unpacked > MAX_INPUT_BYTES:
        raise InputError(source, f"DOCX unpacks to more than {MAX_INPUT_BYTES // 2**20} MB")
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds for damaged files
        raise InputError(source, f"unreadable DOCX file ({type(exc).__name__})") from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                lines.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(lines)
