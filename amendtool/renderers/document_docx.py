"""Resolution -> DOCX: the canonical text (:mod:`amendtool.textparse.emit`), one Word
paragraph per line, so that reading the file back gives the same resolution."""

from __future__ import annotations

from amendtool.model import Resolution
from amendtool.renderers.docx_package import document_bytes
from amendtool.textparse.emit import emit_text


def render_document_docx(resolution: Resolution) -> bytes:
    """The resolution as a Word document."""
    from docx import Document

    document = Document()
    for line in emit_text(resolution).splitlines():
        document.add_paragraph(line)
    return document_bytes(document, resolution.meta.title)
