"""Layouts of real EP texts (shared/formats.md), one labelled case per variant."""

from __future__ import annotations

import pytest

from amendtool.errors import ParseError
from amendtool.model import DocKind
from amendtool.textparse import parse_text
from tests.conftest import SAMPLES

FORMULA = "The European Parliament,\n"
BODY_END = (
    "1. Calls on the Council to act;\n2. Instructs its President to forward this resolution.\n"
)


def parse_body(body: str):
    return parse_text(FORMULA + body + BODY_END, "case")


@pytest.mark.parametrize(
    ("label", "line"),
    [
        ("en dash + 1 space", "– having regard to the Charter,"),
        ("en dash + 7 spaces", "–       having regard to the Charter,"),
        ("hyphen, no space", "-having regard to the Charter,"),
        ("no bullet", "having regard to the Charter,"),
        ("em dash", "— having regard to the Charter,"),
        ("HTML bullet", "  •   having regard to the Charter,"),
        ("indented 4 spaces", "    - having regard to the Charter,"),
        ("capitalised", "- Having regard to the Charter,"),
    ],
)
def test_citation_bullet_variants(label: str, line: str) -> None:
    resolution = parse_body(line + "\n")
    assert len(resolution.citations) == 1, label
    assert resolution.citations[0].text.lower() == "having regard to the charter,"


def test_bullet_alone_on_its_line() -> None:
    resolution = parse_body("-\nhaving regard to the Charter,\n-\nhaving regard to the Treaty,\n")
    assert [c.text for c in resolution.citations] == [
        "having regard to the Charter,",
        "having regard to the Treaty,",
    ]
    assert resolution.dropped == ()


def test_two_citations_on_one_line() -> None:
    resolution = parse_body("– having regard to the relations, – having regard to the remarks,\n")
    assert [c.text for c in resolution.citations] == [
        "having regard to the relations,",
        "having regard to the remarks,",
    ]


@pytest.mark.parametrize(
    ("label", "line", "num"),
    [
        ("letter, period, 1 space", "A. whereas elections were held;", "A"),
        ("letter, period, 2 spaces", "A.  whereas elections were held;", "A"),
        ("no space after period", "A.whereas elections were held;", "A"),
        ("capital W", "A. Whereas elections were held;", "A"),
        ("no period", "A  whereas elections were held;", "A"),
        ("inserted recital", "Ca. whereas elections were held;", "Ca"),
        ("double letter", "AA. whereas elections were held;", "AA"),
        ("lost lettering, numbered", "1. whereas elections were held;", "1"),
        ("hyphen bullet, no letter", "- whereas elections were held;", ""),
    ],
)
def test_recital_variants(label: str, line: str, num: str) -> None:
    resolution = parse_body(line + "\n")
    assert [r.num for r in resolution.recitals] == [num], label
    assert resolution.recitals[0].text.lower() == "whereas elections were held;"
    assert len(resolution.paragraphs) == 2


@pytest.mark.parametrize(
    ("label", "line", "num"),
    [
        ("two spaces", "1.  Calls on the Council to act;", "1"),
        ("no space", "1.Calls on the Council to act;", "1"),
        ("inserted paragraph", "4a. Calls on the Council to act;", "4a"),
    ],
)
def test_paragraph_variants(label: str, line: str, num: str) -> None:
    resolution = parse_text(FORMULA + "A. whereas x;\n" + line + "\n", "case")
    assert [p.num for p in resolution.paragraphs] == [num], label


@pytest.mark.parametrize(
    ("label", "text", "marker", "clean"),
    [
        (
            "bracketed, attached",
            "having regard to its resolution on Examplestan[1],",
            "1",
            "having regard to its resolution on Examplestan,",
        ),
        (
            "parenthesised, attached",
            "having regard to its resolution of 1 May 2029(2),",
            "2",
            "having regard to its resolution of 1 May 2029,",
        ),
        (
            "parenthesised, spaced",
            "having regard to its resolution of 1 May 2029 (2),",
            "2",
            "having regard to its resolution of 1 May 2029,",
        ),
        (
            "odd spacing",
            "having regard to the other part ( 1),",
            "1",
            "having regard to the other part,",
        ),
    ],
)
def test_footnote_markers_become_notes(label: str, text: str, marker: str, clean: str) -> None:
    citation = parse_body(f"- {text}\n").citations[0]
    assert citation.text == clean, label
    assert [n.marker for n in citation.notes] == [marker]


def test_rule_numbers_are_not_footnotes() -> None:
    citation = parse_body("- having regard to Rule 110(2) of its Rules of Procedure,\n").citations[
        0
    ]
    assert citation.text == "having regard to Rule 110(2) of its Rules of Procedure,"
    assert citation.notes == ()


def test_non_breaking_hyphens_and_spaces_are_normalised() -> None:
    text = (
        "B7\u20110143/2012\nThe European Parliament,\nA. whereas 3\u00a0000 people\u00ad rallied;\n"
    )
    resolution = parse_text(text + BODY_END, "case")
    assert resolution.meta.numbers == ("B7-0143/2012",)
    assert resolution.recitals[0].text == "whereas 3 000 people rallied;"


def test_joint_motion_header() -> None:
    resolution = parse_text((SAMPLES / "kazakhstan.v2.txt").read_text("utf-8"), "joint")
    meta = resolution.meta
    assert meta.kind is DocKind.JOINT_MOTION
    assert meta.numbers == ("RC-B7-0135/2012",)
    assert meta.rule == "Rules 122(5) and 110(4)"
    assert [(m.number, m.group.name if m.group else None) for m in meta.replaces] == [
        ("B7-0135/2012", "ECR"),
        ("B7-0139/2012", "S&D"),
        ("B7-0141/2012", "PPE"),
        ("B7-0143/2012", "Greens/EFA"),
        ("B7-0144/2012", "Renew"),
    ]
    assert {g.name for g in meta.groups} == {"PPE", "S&D", "Renew", "Greens/EFA", "ECR"}
    assert "Barbara Lochbihler" in meta.authors
    assert meta.title == "Kazakhstan"


def test_official_journal_layout_with_footnote_bodies() -> None:
    resolution = parse_text((SAMPLES / "kazakhstan-adopted.txt").read_text("utf-8"), "oj")
    assert resolution.meta.kind is DocKind.RESOLUTION
    assert resolution.meta.numbers == ("P7_TA(2012)0089",)
    assert resolution.meta.date == "2012-03-15"
    assert resolution.meta.procedure == "2012/2553(RSP)"
    assert len(resolution.citations) == 8
    note = resolution.citations[0].notes[0]
    assert (note.marker, note.body) == ("1", "OJ C 224 E, 19.8.2010, p. 30.")
    assert resolution.citations[0].text.endswith("the one of 17 September 2009,")
    assert "CE 251/93" in [f.text for f in resolution.dropped]


def test_french_motion() -> None:
    resolution = parse_text((SAMPLES / "kazakhstan-fr.txt").read_text("utf-8"), "fr")
    assert resolution.meta.language == "fr"
    assert resolution.formula == "Le Parlement européen,"
    assert len(resolution.citations) == 6
    assert resolution.citations[0].text.startswith("vu ses résolutions")
    assert [r.num for r in resolution.recitals] == list("ABCDEFG")
    assert resolution.recitals[0].text.startswith("considérant que")
    assert len(resolution.paragraphs) == 6
    assert resolution.meta.rule == "article 110, paragraphe 2"
    assert [g.name for g in resolution.meta.groups] == ["Greens/EFA"]


def test_sub_points_letters_romans_and_dashes() -> None:
    resolution = parse_text((SAMPLES / "kazakhstan-subpoints.txt").read_text("utf-8"), "sub")
    paragraph_2 = resolution.paragraphs[1]
    assert paragraph_2.text == "Calls on the Kazakh authorities:"
    assert [p.num for p in paragraph_2.points] == ["a", "b", "c"]
    assert [p.eid for p in paragraph_2.points[1].points] == [
        "para_2__point_b__point_i",
        "para_2__point_b__point_ii",
    ]
    dashes = resolution.paragraphs[2].points
    assert [p.text for p in dashes] == [
        "wages and working conditions in the oil sector,",
        "the reinstatement of dismissed workers;",
    ]


def test_unclassified_text_is_kept_and_warned() -> None:
    text = FORMULA + "A. whereas x;\nTHIS LINE IS A STRAY NOTE FROM AN EDITOR WHO TYPED IT IN.\n"
    resolution = parse_text(text + BODY_END, "case")
    assert [u.text for u in resolution.unclassified] == [
        "THIS LINE IS A STRAY NOTE FROM AN EDITOR WHO TYPED IT IN."
    ]
    assert resolution.unclassified[0].after == "rec_A"
    assert "not recognised" in resolution.warnings[0]


@pytest.mark.parametrize(
    ("label", "text", "message"),
    [
        ("empty", "", "empty input"),
        ("blank lines only", "\n  \n\t\n", "empty input"),
        (
            "news article",
            "Greens win seats\n\nThe Greens won 12 seats on Sunday.\n",
            "not a resolution",
        ),
    ],
)
def test_not_a_resolution(label: str, text: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        parse_text(text, "input.txt")
