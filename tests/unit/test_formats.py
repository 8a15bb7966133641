"""Formats users have at hand, detected by content: EP web pages, DOCX, PDF copies,
encodings; the same resolution comes out of each."""

from __future__ import annotations

import io
import unicodedata

import pytest

from amendtool.inputs import read_resolution
from amendtool.model import DocKind
from amendtool.textparse import parse_text
from tests.conftest import DATA, SAMPLES, SEED

FORMATS = DATA / "formats"


def test_ep_page_saved_as_html() -> None:
    resolution = read_resolution(str(FORMATS / "ep-motion-page.html"))
    meta = resolution.meta
    assert (meta.numbers, meta.title, meta.date) == (("B7-0143/2012",), "Kazakhstan", "2012-03-07")
    assert [g.name for g in meta.groups] == ["Greens/EFA"]
    assert len(resolution.citations) == 3 and resolution.citations[0].notes[0].marker == "1"
    assert resolution.recitals[0].text == (
        "whereas on 16 December 2011 more than 3 000 people rallied in Zhanaozen & Aktau;"
    )
    assert [p.num for p in resolution.paragraphs[1].points] == ["a", "b"]
    text = " ".join(c.text for c in resolution.clauses)
    assert "dataLayer" not in text and "Legal notice" not in text
    assert "Go back to the Europarl portal" in [f.text for f in resolution.dropped]


def test_docx_as_published(tmp_path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("JOINT MOTION FOR A RESOLUTION")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "ECR", "(B7-0135/2012)"
    table.cell(1, 0).text, table.cell(1, 1).text = "Verts/ALE", "(B7-0143/2012)"
    for line in SEED.read_text("utf-8").splitlines()[8:57]:
        document.add_paragraph(line)
    path = tmp_path / "motion.txt"  # a misleading name: detection is by content
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    resolution = read_resolution(str(path))
    seed = parse_text(SEED.read_text("utf-8"), "seed")
    assert resolution.meta.kind is DocKind.JOINT_MOTION
    assert [m.number for m in resolution.meta.replaces] == []  # no "replacing" line: not a list
    assert resolution.clauses == seed.clauses


def test_text_copied_from_a_pdf() -> None:
    resolution = read_resolution(str(SAMPLES / "kazakhstan-joint-pdf.txt"))
    assert [(m.number, m.group.name if m.group else "") for m in resolution.meta.replaces] == [
        ("B7-0135/2012", "ECR"),
        ("B7-0139/2012", "S&D"),
        ("B7-0141/2012", "PPE"),
        ("B7-0143/2012", "Greens/EFA"),
        ("B7-0144/2012", "Renew"),
    ]
    assert resolution.meta.numbers == ()  # the brace column lists the replaced motions
    recital_b = resolution.recitals[1].text
    assert "since May for higher wages" in recital_b and "docx" not in recital_b
    assert "Zhanaozen district" in resolution.citations[2].text
    assert "international investigation of the events" in resolution.paragraphs[0].text
    footers = [f for f in resolution.dropped if f.reason == "page header or footer"]
    assert len(footers) == 3 and all("PE478.433v01-00" in f.text for f in footers)


def test_pdf_page_flattened_to_one_line() -> None:
    lines = SEED.read_text("utf-8").splitlines()
    body = [line.strip() for line in lines[10:57] if line.strip()]
    flattened = "The European Parliament,\n" + " ".join(body) + "\n"
    assert len(flattened.splitlines()) == 2
    seed = parse_text(SEED.read_text("utf-8"), "seed")
    assert parse_text(flattened, "flat").clauses == seed.clauses


@pytest.mark.parametrize(
    ("label", "encode"),
    [
        ("UTF-8 with BOM", lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")),
        ("UTF-16 LE with BOM", lambda t: t.encode("utf-16")),
        ("UTF-16 BE with BOM", lambda t: b"\xfe\xff" + t.encode("utf-16-be")),
        ("Windows-1252", lambda t: t.encode("cp1252")),
        ("CRLF line ends", lambda t: t.replace("\n", "\r\n").encode("utf-8")),
    ],
)
def test_encodings(label, encode, tmp_path) -> None:
    text = SEED.read_text("utf-8").replace("Štromar", "Stromar")  # Š is not in cp1252
    path = tmp_path / "motion.txt"
    path.write_bytes(encode(text))
    assert read_resolution(str(path)) == parse_text(text, "seed"), label


def test_unicode_noise_is_typography() -> None:
    text = (SAMPLES / "kazakhstan-fr.txt").read_text("utf-8")
    noisy = text.replace("Kazakhstan", "Kazakh\u00adstan")  # soft hyphen
    noisy = noisy.replace("anti-émeute", "anti\u2011émeute")  # non-breaking hyphen
    noisy = noisy.replace("la ", "la\u200b ").replace(" ", "\u00a0", 40)  # zero-width, NBSP
    noisy = unicodedata.normalize("NFD", noisy)  # decomposed accents
    assert noisy != text
    assert parse_text(noisy, "noisy").clauses == parse_text(text, "clean").clauses


@pytest.mark.parametrize(
    ("name", "language", "citation", "recital", "rule"),
    [
        (
            "kazakhstan-fr.txt",
            "fr",
            "vu ses résolutions",
            "considérant que",
            "article 110, paragraphe 2",
        ),
        ("kazakhstan-de.txt", "de", "unter Hinweis auf", "in der Erwägung", "Artikel 110 Absatz 2"),
        (
            "kazakhstan-es.txt",
            "es",
            "Vistas sus anteriores",
            "Considerando que",
            "artículo 110, apartado 2",
        ),
        (
            "kazakhstan-it.txt",
            "it",
            "viste le sue",
            "considerando che",
            "articolo 110, paragrafo 2",
        ),
        ("kazakhstan-pl.txt", "pl", "uwzględniając", "mając na uwadze", "art. 110 ust. 2"),
    ],
)
def test_languages(name, language, citation, recital, rule) -> None:
    resolution = read_resolution(str(SAMPLES / name))
    assert resolution.meta.language == language
    assert resolution.citations[0].text.startswith(citation)
    assert resolution.recitals[0].text.startswith(recital)
    assert resolution.meta.rule == rule
    assert [g.name for g in resolution.meta.groups] == ["Greens/EFA"]
    assert resolution.meta.numbers == ("B7-0143/2012",)
    assert resolution.unclassified == ()


def test_leaked_template_tags() -> None:
    path = FORMATS / "leaked-template-tags.txt"
    resolution = read_resolution(str(path))
    meta = resolution.meta
    assert (meta.numbers, meta.title, meta.date, meta.procedure) == (
        ("B7-0143/2012",),
        "Kazakhstan",
        "2012-03-07",
        "2012/2553(RSP)",
    )
    assert meta.authors == ("Barbara Lochbihler", "Werner Schulz")
    assert [g.name for g in meta.groups] == ["Greens/EFA"]
    assert len(resolution.clauses) == 5
    non_blank = {
        n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if line.strip()
    }
    assert {f.line_no for f in resolution.line_fates} == non_blank
    assert "</RepeatBlock-By>" in [f.text for f in resolution.dropped]
