"""The DOCX reader: Word list numbering read as Word shows it, hostile documents read in
bounded time (inputs sized so that the python-docx reader took seconds to minutes), and
documents with a DOCTYPE refused like XML input."""

from __future__ import annotations

import pytest

from amendtool.errors import InputError
from amendtool.extract.docx_numbering import format_number
from amendtool.extract.docx_text import docx_to_text
from amendtool.inputs import resolution_from_bytes
from tests.conftest import run_cli
from tests.docx_fixtures import (
    EP_NUMBERING,
    PARAGRAPHS,
    RECITALS,
    RESTARTED,
    document_xml,
    docx_bytes,
    footnote_reference,
    footnotes_xml,
    new_document,
    numbered,
    paragraph_xml,
    with_document_xml,
)

HEADER = ["Motion for a resolution on Kazakhstan", "The European Parliament,"]
CITATIONS = [
    "- having regard to its previous resolutions on Kazakhstan,",
    "- having regard to Rule 110(2) of its Rules of Procedure,",
]
RECITAL_TEXTS = [
    "whereas the EU and Kazakhstan are negotiating a new agreement;",
    "whereas on 16 December 2011 more than 3 000 people rallied in Zhanaozen;",
    "whereas the riot police opened fire on unarmed strikers;",
]
PARAGRAPH_TEXTS = [
    "Strongly condemns the violent crackdown in Zhanaozen;",
    "Underlines that progress in the negotiations depends on political reforms;",
    "Calls on the EEAS to monitor the trials;",
    "Deplores the crackdown on media and freedom of expression;",
    "Deplores the crackdown on opposition parties;",
    "Calls on the authorities to release political prisoners;",
    "Calls for the immediate release of lawyer Natalia Sokolova;",
    "Instructs its President to forward this resolution to the Council and the Commission.",
]


def ep_draft(paragraphs: list[str] = PARAGRAPH_TEXTS, points_in: int = 1) -> bytes:
    """A draft typed in Word: lettered recitals and numbered paragraphs are list items."""
    document = new_document()
    for line in HEADER + CITATIONS:
        document.add_paragraph(line)
    for text in RECITAL_TEXTS:
        numbered(document.add_paragraph(text), RECITALS)
    for index, text in enumerate(paragraphs):
        if index == points_in:
            numbered(document.add_paragraph("Calls on the Kazakh authorities:"), PARAGRAPHS)
            numbered(document.add_paragraph("to release the detained activists;"), PARAGRAPHS, 1)
            numbered(document.add_paragraph("to end the state of emergency:"), PARAGRAPHS, 1)
            numbered(document.add_paragraph("in Zhanaozen;"), PARAGRAPHS, 2)
            numbered(document.add_paragraph("in Aktau;"), PARAGRAPHS, 2)
        numbered(document.add_paragraph(text), PARAGRAPHS)
    return docx_bytes(document, numbering=EP_NUMBERING)


def test_list_number_style_gives_the_numbers_word_shows() -> None:
    document = new_document()
    document.add_paragraph("The European Parliament,")
    for text in ("Calls on the Council;", "Calls on the Commission;", "Instructs its President."):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("Not a list item")
    text = docx_to_text(docx_bytes(document), "styled.docx")
    assert text.splitlines() == [
        "The European Parliament,",
        "1. Calls on the Council;",
        "2. Calls on the Commission;",
        "3. Instructs its President.",
        "Not a list item",
    ]


def test_lettered_recitals_numbered_paragraphs_points_and_levels() -> None:
    resolution = resolution_from_bytes(ep_draft(), "draft.docx")
    assert [(r.num, r.eid) for r in resolution.recitals] == [
        ("A", "rec_A"),
        ("B", "rec_B"),
        ("C", "rec_C"),
    ]
    assert [p.num for p in resolution.paragraphs] == [str(n) for n in range(1, 10)]
    with_points = resolution.paragraphs[1]
    assert with_points.text == "Calls on the Kazakh authorities:"
    assert [p.num for p in with_points.points] == ["a", "b"]
    assert [p.num for p in with_points.points[1].points] == ["i", "ii"]
    assert resolution.paragraphs[2].text == PARAGRAPH_TEXTS[1]
    assert not resolution.unclassified


def test_a_restarted_list_starts_again_and_a_continued_one_goes_on() -> None:
    document = new_document()
    document.add_paragraph("The European Parliament,")
    numbered(document.add_paragraph("first"), PARAGRAPHS)
    numbered(document.add_paragraph("second"), PARAGRAPHS)
    numbered(document.add_paragraph("(a) level one"), PARAGRAPHS, 1)
    numbered(document.add_paragraph("third"), PARAGRAPHS)
    numbered(document.add_paragraph("point after a restart of the level"), PARAGRAPHS, 1)
    numbered(document.add_paragraph("restarted"), RESTARTED)
    numbered(document.add_paragraph("continues the restarted list"), RESTARTED)
    numbered(document.add_paragraph("continues the same abstract list"), PARAGRAPHS)
    lines = docx_to_text(docx_bytes(document, numbering=EP_NUMBERING), "lists.docx").splitlines()
    assert [line.split(" ", 1)[0] for line in lines[1:]] == [
        "1.",
        "2.",
        "(a)",
        "3.",
        "(a)",
        "1.",
        "2.",
        "3.",
    ]


@pytest.mark.parametrize(
    ("value", "fmt", "label"),
    [
        (1, "upperLetter", "A"),
        (26, "upperLetter", "Z"),
        (27, "upperLetter", "AA"),
        (28, "upperLetter", "BB"),
        (53, "upperLetter", "AAA"),
        (3, "lowerLetter", "c"),
        (4, "lowerRoman", "iv"),
        (14, "upperRoman", "XIV"),
        (7, "decimal", "7"),
        (10**9, "upperLetter", str(10**9)),  # bounded: too long as letters
    ],
)
def test_number_formats(value: int, fmt: str, label: str) -> None:
    assert format_number(value, fmt) == label


def test_word_numbering_makes_a_difference_in_paragraph_7_visible(tmp_path) -> None:
    old_path, new_path = tmp_path / "old.docx", tmp_path / "new.docx"
    old_path.write_bytes(ep_draft())
    changed = list(PARAGRAPH_TEXTS)
    changed[5] = "Calls on the authorities to release all political prisoners at once;"
    new_path.write_bytes(ep_draft(changed))
    result = run_cli("diff", str(old_path), str(new_path))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Paragraph 7, modified" in result.stdout
    assert "{+all+}" in result.stdout and "{+at once+}" in result.stdout


# -- hostile documents: each read in one pass, whatever its tables say ---------------


def _table(rows: list[str]) -> str:
    return f"<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>{''.join(rows)}</w:tbl>"


def _cell(text: str, properties: str = "") -> str:
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{paragraph_xml(text)}</w:tc>"


def test_a_huge_grid_span_is_not_expanded() -> None:
    span = '<w:gridSpan w:val="200000000"/>'
    row = f"<w:tr>{_cell('spanning', span)}{_cell('end')}</w:tr>"
    data = docx_bytes(new_document(), body=paragraph_xml("before") + _table([row]))
    assert len(data) < 150_000
    assert docx_to_text(data, "span.docx").splitlines() == ["before", "spanning end"]


def test_80k_paragraphs_and_a_table_are_read_in_order() -> None:
    paragraphs = paragraph_xml("first") + paragraph_xml("same") * 79_998 + paragraph_xml("last")
    table = _table([f"<w:tr>{_cell('cell one')}{_cell('cell two')}</w:tr>"])
    data = docx_bytes(new_document(), body=paragraphs + table + paragraph_xml("after"))
    assert len(data) < 150_000
    lines = docx_to_text(data, "long.docx").splitlines()
    assert len(lines) == 80_002
    assert lines[0] == "first" and lines[1] == "same" and lines[79_999] == "last"
    assert lines[-2:] == ["cell one cell two", "after"]


def test_a_3000_row_vertical_merge_chain() -> None:
    merge = '<w:vMerge w:val="restart"/>'
    restart = f"<w:tr>{_cell('top', merge)}{_cell('row 0')}</w:tr>"
    rows = [restart] + [
        f"<w:tr>{_cell('', '<w:vMerge/>')}{_cell(f'row {n}')}</w:tr>" for n in range(1, 3000)
    ]
    data = docx_bytes(new_document(), body=_table(rows))
    assert len(data) < 150_000
    lines = docx_to_text(data, "merged.docx").splitlines()
    assert len(lines) == 3000
    assert lines[0] == "top row 0" and lines[-1] == " row 2999"


def test_a_vertical_merge_starting_in_the_top_row() -> None:
    rows = [
        f"<w:tr>{_cell('orphan continuation', '<w:vMerge/>')}{_cell('B7-0143/2012')}</w:tr>",
        f"<w:tr>{_cell('', '<w:vMerge/>')}{_cell('B7-0144/2012')}</w:tr>",
    ]
    data = docx_bytes(new_document(), body=_table(rows))
    assert docx_to_text(data, "top.docx").splitlines() == [
        "orphan continuation B7-0143/2012",
        " B7-0144/2012",
    ]


@pytest.mark.parametrize(
    "prolog",
    [
        '<!DOCTYPE w:document [<!ENTITY name "injected">]>',
        '<!DOCTYPE w:document SYSTEM "http://example.org/x.dtd">',
    ],
)
def test_a_docx_with_a_doctype_is_refused(prolog: str, tmp_path) -> None:
    xml = document_xml(paragraph_xml("The European Parliament,"), prolog)
    data = with_document_xml(new_document(), xml)
    with pytest.raises(InputError, match="DOCTYPE"):
        docx_to_text(data, "doctype.docx")
    path = tmp_path / "doctype.docx"
    path.write_bytes(data)
    output = tmp_path / "out.xml"
    result = run_cli("convert", str(path), "-o", str(output))
    assert result.returncode == 2 and not output.exists()
    assert result.stderr.count("\n") == 1
    assert "doctype.docx" in result.stderr and "DOCTYPE" in result.stderr


def test_text_box_copy_and_moved_text_are_read_once() -> None:
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    body = (
        f'<w:p xmlns:mc="{mc}"><w:r><w:t>anchor </w:t></w:r><mc:AlternateContent>'
        f"<mc:Choice><w:r><w:txbxContent>{paragraph_xml('in the box')}</w:txbxContent></w:r>"
        f"</mc:Choice><mc:Fallback>{paragraph_xml('in the box')}</mc:Fallback>"
        "</mc:AlternateContent></w:p>"
        "<w:p><w:moveFrom><w:r><w:t>moved away</w:t></w:r></w:moveFrom>"
        "<w:r><w:t>kept</w:t><w:tab/><w:t>after tab</w:t></w:r></w:p>"
    )
    data = docx_bytes(new_document(), body=body)
    assert docx_to_text(data, "box.docx").splitlines() == [
        "in the box",
        "anchor ",
        "kept\tafter tab",
    ]


def test_footnotes_come_with_their_markers_and_bodies() -> None:
    document = new_document()
    document.add_paragraph("Motion for a resolution on Kazakhstan")
    document.add_paragraph("The European Parliament,")
    footnote_reference(document.add_paragraph("- having regard to its resolutions"), 7)
    document.add_paragraph("- having regard to the Partnership and Cooperation Agreement,")
    footnote_reference(document.add_paragraph("- having regard to Rule 110(2),"), 9)
    numbered(document.add_paragraph("whereas the riot police opened fire;"), RECITALS)
    numbered(document.add_paragraph("Instructs its President to forward this."), PARAGRAPHS)
    data = docx_bytes(
        document,
        numbering=EP_NUMBERING,
        footnotes=footnotes_xml({7: "OJ C 199 E, 7.7.2012, p. 1.", 9: "Texts adopted."}),
    )
    lines = docx_to_text(data, "notes.docx").splitlines()
    assert lines[2] == "- having regard to its resolutions[1]"
    assert lines[-2:] == ["[1] OJ C 199 E, 7.7.2012, p. 1.", "[2] Texts adopted."]
    resolution = resolution_from_bytes(data, "notes.docx")
    notes = [(n.marker, n.body) for c in resolution.citations for n in c.notes]
    assert notes == [("1", "OJ C 199 E, 7.7.2012, p. 1."), ("2", "Texts adopted.")]
    assert not resolution.unclassified and not resolution.dropped
