"""The changes from a to b as a Word amendment list, laid out as EP amendment documents:
for each amendment "Amendment N", the author line (when given), the version title, the
target line ("Recital B a (new)"), a two-column table headed "Motion for a resolution" |
"Amendment" with the changed words in bold italics (deleted words on the left, inserted
words on the right, "deleted" for a removed clause), the language line ("Or. en") and the
justification."""

from __future__ import annotations

from typing import Any

from amendtool.amendments.numbering import amendments, justification
from amendtool.amendments.words import amendment_words
from amendtool.diffing.report import ChangeReport
from amendtool.lang import kind_title
from amendtool.renderers.amendment_list import Side, _sides
from amendtool.renderers.docx_package import document_bytes
from amendtool.renderers.terminal import describe_draft


class _Finished:
    """Blocks already written, kept out of the document body until the end.

    python-docx finds the place of every new paragraph or table by scanning the body, so
    writing N amendments into one body costs N squared; with the finished blocks set
    aside the body stays short (5,000 clauses: from about 30 s to a few seconds).
    """

    def __init__(self, document: Any) -> None:
        self.body = document.element.body
        self.blocks: list[Any] = []

    def set_aside(self) -> None:
        for child in list(self.body):
            if not child.tag.endswith("}sectPr"):
                self.body.remove(child)
                self.blocks.append(child)

    def restore(self) -> None:
        self.set_aside()
        section = self.body[-1] if len(self.body) else None
        for block in self.blocks:
            if section is not None:
                section.addprevious(block)
            else:
                self.body.append(block)


def _bold(paragraph: Any, text: str, italic: bool = False) -> None:
    run = paragraph.add_run(text)
    run.bold = True
    run.italic = italic


def _fill(cell: Any, side: Side, empty: str) -> None:
    """One Word paragraph per clause; changed words as bold-italic runs."""
    first = cell.paragraphs[0]
    if not side:
        if empty:
            _bold(first, empty, italic=True)
        return
    for index, (prefix, runs) in enumerate(side):
        paragraph = first if index == 0 else cell.add_paragraph()
        paragraph.add_run(prefix)
        for op, text in runs:
            if op == "equal":
                paragraph.add_run(text)
                continue
            core = text.rstrip()
            if core:
                _bold(paragraph, core, italic=True)
            if text[len(core) :]:
                paragraph.add_run(text[len(core) :])


def render_amendments_docx(
    report: ChangeReport, author: str = "", justifications: tuple[tuple[int, str], ...] = ()
) -> bytes:
    """The amendment list as a Word document (bytes)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    words = amendment_words(report.old_meta.language)
    version = kind_title(report.old_meta.kind)
    notes = dict(justifications)
    items = amendments(report)
    document = Document()
    count = f"{len(items)} {words.amendment_word.lower()}" + ("" if len(items) == 1 else "s")
    document.add_heading(count, level=1)
    document.add_paragraph(f"To: {describe_draft(report.old_meta, report.old_source)}")
    document.add_paragraph(f"Giving: {describe_draft(report.new_meta, report.new_source)}")
    finished = _Finished(document)
    grid = document.styles["Table Grid"].style_id
    for amendment in items:
        finished.set_aside()
        heading = document.add_paragraph()
        heading.paragraph_format.keep_with_next = True
        _bold(heading, f"{words.amendment_word} {amendment.number}")
        if author:
            document.add_paragraph(author).paragraph_format.keep_with_next = True
        _bold(document.add_paragraph(), version)
        _bold(document.add_paragraph(), amendment.target)
        table = document.add_table(rows=2, cols=2)
        # the style id looked up once: python-docx searches the styles part on every
        # assignment of a style by name (a third of the time for 1,500 tables)
        table._tbl.tblStyle_val = grid
        for cell, title in zip(table.rows[0].cells, (version, words.amendment_word), strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.add_run(title).italic = True
        old, new = _sides(amendment)
        _fill(table.rows[1].cells[0], old, "")
        _fill(table.rows[1].cells[1], new, words.deleted_word)
        language = document.add_paragraph(
            words.original_language.format(code=report.old_meta.language)
        )
        language.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        texts = [
            text for text in (notes.get(amendment.number, ""), justification(amendment)) if text
        ]
        if texts:
            head = document.add_paragraph()
            head.alignment = WD_ALIGN_PARAGRAPH.CENTER
            head.add_run(words.justification_word).italic = True
            for text in texts:
                for line in text.splitlines():
                    if line.strip():
                        document.add_paragraph(line)
    finished.restore()
    return document_bytes(document, f"Amendments: {report.old_meta.title}")
