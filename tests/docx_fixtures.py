"""Building DOCX test files: python-docx writes the package, these helpers set list
numbering on paragraphs, swap in a hand-made numbering.xml, or replace the body XML."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from typing import Any

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NUMBERING_HEAD = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W_NS}">'
)

# A hand-made numbering.xml as Word writes it for an EP draft: lettered recitals (A., B.),
# numbered paragraphs (1.) with lettered points ((a)) and Roman sub-points ((i)), and a
# second paragraph list that restarts at 1 (w:startOverride).
EP_NUMBERING = (
    NUMBERING_HEAD
    + """
<w:abstractNum w:abstractNumId="10">
  <w:lvl w:ilvl="0">
    <w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/>
  </w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="11">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1">
    <w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/>
  </w:lvl>
  <w:lvl w:ilvl="2">
    <w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/>
  </w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="11"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="11"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>
</w:num>
</w:numbering>"""
)
RECITALS, PARAGRAPHS, RESTARTED = "1", "2", "3"


def numbered(paragraph: Any, num_id: str, level: int = 0) -> Any:
    """Give a python-docx paragraph Word list numbering (``w:numPr``)."""
    numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_numId().val = int(num_id)
    numpr.get_or_add_ilvl().val = level
    return paragraph


def docx_bytes(
    document: Any,
    numbering: str | None = None,
    body: str | None = None,
    footnotes: str | None = None,
) -> bytes:
    """The saved package, with word/numbering.xml and/or the body of document.xml replaced
    (and a word/footnotes.xml added)."""
    buffer = io.BytesIO()
    document.save(buffer)
    if numbering is None and body is None and footnotes is None:
        return buffer.getvalue()
    replaced = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(replaced, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/numbering.xml" and numbering is not None:
                data = numbering.encode("utf-8")
            if info.filename == "word/document.xml" and body is not None:
                data = document_xml(body).encode("utf-8")
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
        if footnotes is not None:
            target.writestr("word/footnotes.xml", footnotes, compress_type=zipfile.ZIP_DEFLATED)
    return replaced.getvalue()


def footnotes_xml(texts: dict[int, str]) -> str:
    """A ``word/footnotes.xml`` with Word's two separators and one footnote per text."""
    notes = "".join(
        f'<w:footnote w:id="{note_id}"><w:p><w:r><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        for note_id, text in texts.items()
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
        f"{notes}</w:footnotes>"
    )


def footnote_reference(paragraph: Any, note_id: int) -> Any:
    """Append a footnote reference (as Word writes it) to a python-docx paragraph."""
    from docx.oxml import parse_xml

    run = parse_xml(
        f'<w:r xmlns:w="{W_NS}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteReference w:id="{note_id}"/></w:r>'
    )
    paragraph._p.append(run)
    return paragraph


def document_xml(body: str, prolog: str = "") -> str:
    """A minimal ``word/document.xml`` around ``body``."""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{prolog}'
        f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    )


def paragraph_xml(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def with_document_xml(document: Any, xml: str) -> bytes:
    """The package of ``document`` with word/document.xml replaced by ``xml`` verbatim."""
    buffer = io.BytesIO()
    document.save(buffer)
    replaced = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(replaced, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = xml.encode("utf-8")
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return replaced.getvalue()


def new_document() -> Any:
    from docx import Document

    return Document()


def add_lines(document: Any, lines: Iterable[str]) -> None:
    for line in lines:
        document.add_paragraph(line)
