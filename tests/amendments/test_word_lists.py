"""Word amendment lists: written in the EP layout, read back with python-docx, applied like
the AKN list; EP-style tables typed by hand; damaged and hostile files."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from docx import Document

import amendtool
from amendtool.amendments.read_list import read_amendment_list
from amendtool.diffing.tokens import CompareOptions, keys
from amendtool.errors import InputError
from amendtool.renderers.registry import RenderOptions, as_bytes, render

ROOT = Path(__file__).resolve().parents[2]
V1, V2 = ROOT / "samples/kazakhstan.v1.txt", ROOT / "samples/kazakhstan.v2.txt"
PLAIN = CompareOptions()


def _word_list(**options: object) -> bytes:
    report = amendtool.compare(V1, V2)
    rendered = render(report, "docx", product="amendments", options=RenderOptions(**options))
    assert isinstance(rendered, bytes)
    return rendered


def _blocks(document) -> list[object]:
    return list(document.iter_inner_content())


def test_each_amendment_is_laid_out_as_in_ep_documents() -> None:
    document = Document(io.BytesIO(_word_list(author="Barbara Lochbihler")))
    texts = [getattr(block, "text", None) for block in _blocks(document)]
    first = texts.index("Amendment 1")
    assert texts[first : first + 4] == [
        "Amendment 1",
        "Barbara Lochbihler",
        "Motion for a resolution",
        "Citation 1",
    ]
    table = document.tables[0]
    assert table.style.name == "Table Grid"  # ruled, as EP tables are
    assert [cell.text for cell in table.rows[0].cells] == ["Motion for a resolution", "Amendment"]
    assert texts[first + 5] == "Or. en"
    assert len(document.tables) == 23
    deleted = [t for t in document.tables if t.rows[1].cells[1].text == "deleted"]
    assert deleted, "the sample pair deletes clauses"
    runs = deleted[0].rows[1].cells[1].paragraphs[0].runs
    assert [(r.text, r.bold, r.italic) for r in runs] == [("deleted", True, True)]


def _marked(cell) -> list[str]:
    return [run.text for p in cell.paragraphs for run in p.runs if run.bold and run.italic]


def test_the_bold_italic_runs_are_exactly_the_changed_words() -> None:
    report = amendtool.compare(V1, V2)
    from amendtool.amendments.numbering import amendments

    document = Document(io.BytesIO(_word_list()))
    items = amendments(report)
    assert len(items) == len(document.tables)
    for amendment, table in zip(items, document.tables, strict=True):
        left, right = table.rows[1].cells
        spans = amendment.change.spans
        deleted = " ".join(s.old for s in spans if s.op == "delete")
        inserted = " ".join(s.new for s in spans if s.op == "insert")
        assert keys(" ".join(_marked(left)), PLAIN) == keys(deleted, PLAIN)
        if amendment.change.new:
            assert keys(" ".join(_marked(right)), PLAIN) == keys(inserted, PLAIN)
        # unmarked runs are words both versions share
        for run in (r for p in left.paragraphs for r in p.runs if not r.italic):
            assert run.bold is not True


def test_justifications_from_a_file_and_the_notes_on_moves() -> None:
    document = Document(io.BytesIO(_word_list(justifications=((3, "One citation is enough."),))))
    texts = [getattr(block, "text", None) for block in _blocks(document)]
    third = texts.index("Amendment 3")
    fourth = texts.index("Amendment 4")
    assert texts[third:fourth][-4:] == [
        "Or. en",
        "Justification",
        "One citation is enough.",
        "Citations 5 and 7 merged into Citation 5.",
    ]


def test_the_same_bytes_for_the_same_inputs() -> None:
    first = _word_list()
    time.sleep(1.1)  # ZIP timestamps have a two-second grain; cross at least one boundary
    time.sleep(1.0)
    assert _word_list() == first


def test_applying_the_word_list_gives_what_the_akn_list_gives() -> None:
    report = amendtool.compare(V1, V2)
    akn = as_bytes(
        render(report, "akn", product="amendments", options=RenderOptions(markup_date="2026-12-02"))
    )
    word = _word_list()
    for only in (None, [1, 5, 9, 12, 16], [3, 17, 18]):
        from_word = amendtool.apply(V1, word, only=only)
        from_akn = amendtool.apply(V1, akn, only=only)
        assert from_word.clauses == from_akn.clauses


# -- lists typed by hand in the EP layout -------------------------------------------------


def _ep_amendment(
    document, number: int, target: str, left: list[list[tuple[str, bool]]], right
) -> None:
    document.add_paragraph(f"Amendment {number}")
    document.add_paragraph("Jane Doe, John Roe")
    document.add_paragraph("Proposal for a regulation")
    document.add_paragraph(target)
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text = "Text proposed by the Commission"
    table.rows[0].cells[1].text = "Amendment"
    for cell, clauses in zip(table.rows[1].cells, (left, right), strict=True):
        for index, runs in enumerate(clauses):
            paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            for text, marked in runs:
                run = paragraph.add_run(text)
                run.bold = run.italic = marked
    document.add_paragraph("Or. fr")
    document.add_paragraph("Justification")
    document.add_paragraph("The group wants it so.")


def test_a_hand_made_ep_list_applies() -> None:
    base = amendtool.read(ROOT / "samples/kazakhstan-subpoints.txt")
    recital_b = base.recitals[1].text
    document = Document()
    document.add_paragraph("AMENDMENTS 1 - 3")
    _ep_amendment(
        document,
        1,
        "Recital B a (new)",
        [],
        [[("Ba. ", False), ("whereas the OSCE observed;", True)]],
    )
    _ep_amendment(
        document,
        2,
        "Recital B",
        [[("B. ", False), (recital_b, False)]],
        [
            [
                ("B. ", False),
                ("whereas the ", False),
                ("new", True),
                (" authorities have acted;", False),
            ]
        ],
    )
    _ep_amendment(
        document,
        3,
        "Paragraph 1",
        [[("1. ", False), (base.paragraphs[0].text, True)]],
        [[("deleted", True)]],
    )
    buffer = io.BytesIO()
    document.save(buffer)
    listing = read_amendment_list(buffer.getvalue(), "ep.docx")
    assert [a.target for a in listing.amendments] == [
        "Recital B a (new)",
        "Recital B",
        "Paragraph 1",
    ]
    assert listing.amendments[2].new == ()
    result = amendtool.apply(base, buffer.getvalue(), name="ep.docx")
    assert [r.text for r in result.recitals[1:3]] == [
        "whereas the new authorities have acted;",
        "whereas the OSCE observed;",
    ]
    assert [p.num for p in result.paragraphs] == ["1", "2", "3"]
    assert result.paragraphs[0].text == base.paragraphs[1].text


def _docx_with_body(body_xml: str) -> bytes:
    buffer = io.BytesIO()
    Document().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                head = data.decode().partition("<w:body>")[0]
                data = (head + "<w:body>" + body_xml + "</w:body></w:document>").encode()
            target.writestr(info.filename, data)
    return out.getvalue()


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def test_huge_cell_spans_cost_nothing() -> None:
    span = '<w:tcPr><w:gridSpan w:val="2000000000"/></w:tcPr>'
    cell = "<w:tc>{}{}</w:tc>"
    head = cell.format(span, _p("Motion for a resolution")) + cell.format(span, _p("Amendment"))
    body = cell.format(span, _p("")) + cell.format(span, _p("A. whereas new;"))
    table = f"<w:tbl><w:tr>{head}</w:tr><w:tr>{body}</w:tr></w:tbl>"
    data = _docx_with_body(_p("Amendment 1") + _p("Recital -A (new)") + table)
    started = time.perf_counter()
    listing = read_amendment_list(data, "span.docx")
    assert time.perf_counter() - started < 5  # a generous bound: python-docx would expand the spans
    assert [c.text for c in listing.amendments[0].new] == ["whereas new;"]


TABLE = (
    "<w:tbl><w:tr><w:tc>" + _p("Motion for a resolution") + "</w:tc><w:tc>" + _p("Amendment")
    + "</w:tc></w:tr><w:tr><w:tc>" + _p("") + "</w:tc><w:tc>" + _p("whereas x;")
    + "</w:tc></w:tr></w:tbl>"
)  # fmt: skip


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"PK\x03\x04 not really a zip", "damaged DOCX or ZIP file"),
        (_docx_with_body(_p("Just a letter.")), "no 'Amendment N' tables in it"),
        (_docx_with_body(_p("Amendment 1") + _p("Recital C")), "amendment 1: no two-column table"),
        (_docx_with_body(_p("Amendment 1") + _p("Dear colleagues") + TABLE), "no target line"),
        (b"just some text", "not an amendment list amendtool reads"),
        (b'{"format": "amendtool-amendment-list", "version": 2}', "amendment list version 2"),
        (
            b'{"format": "amendtool-amendment-list", "version": 1, "amendments": [{"number": 1}]}',
            "no number or no target",
        ),
        (
            b"<?xml version='1.0'?><akomaNtoso xmlns='http://docs.oasis-open.org/legaldocml/ns/akn/3.0'><act/></akomaNtoso>",
            "not an amendment list",
        ),
        (b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>", "DOCTYPE"),
    ],
)
def test_bad_lists_give_one_line_errors(data: bytes, problem: str) -> None:
    with pytest.raises(InputError) as caught:
        read_amendment_list(data, "list")
    assert problem in str(caught.value)
    assert str(caught.value).startswith("list")
    assert "\n" not in str(caught.value)


def test_the_json_list_follows_its_schema() -> None:
    import json

    import jsonschema

    schema = json.loads((ROOT / "amendtool/schemas/amendment-list.schema.json").read_text())
    report = amendtool.compare(V1, V2)
    document = json.loads(render(report, "json", product="amendments"))
    jsonschema.validate(document, schema)
    moved = [a for a in document["amendments"] if a["relation"] == "moved"]
    assert moved[0]["new"][0]["place"].endswith("(new)")


def test_an_amendment_laid_out_wholly_as_one_table_reads_the_same() -> None:
    def row(*cells: str) -> str:
        return "<w:tr>" + "".join(f"<w:tc>{_p(text)}</w:tc>" for text in cells) + "</w:tr>"

    table = (
        "<w:tbl>"
        + row("Amendment 2")
        + row("Motion for a resolution")
        + row("Recital -A (new)")
        + row("Motion for a resolution", "Amendment")
        + row("", "-A. whereas the EU and Kazakhstan are partners;")
        + row("Or. en")
        + "</w:tbl>"
    )
    listing = read_amendment_list(_docx_with_body(table), "table.docx")
    (amendment,) = listing.amendments
    assert (amendment.number, amendment.target, amendment.old) == (2, "Recital -A (new)", ())
    assert [c.text for c in amendment.new] == ["whereas the EU and Kazakhstan are partners;"]
