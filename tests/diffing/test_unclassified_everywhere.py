"""Unclassified text in every product built on the comparison: a section filter, the AKN
amendment list (valid against the official XSD), provenance and history."""

from __future__ import annotations

import amendtool
from amendtool.akn.validation import validate_tree
from amendtool.akn.xmlsafe import parse_xml
from amendtool.diffing.report import Relation, build_report
from amendtool.model import ClauseKind
from amendtool.renderers.akn_report import render_akn_amendments
from amendtool.textparse import parse_text

TEMPLATE = (
    "The European Parliament,\n"
    "- having regard to its resolutions on Kazakhstan,\n"
    "This draft was prepared under Rule {rule} by the rapporteur.\n"
    "A. whereas the situation in Zhanaozen is serious;\n"
    "1. Calls on the authorities to release the detained strikers;\n"
    "Text of the annex as tabled by the {author}.\n"
    "2. Instructs its President to forward this resolution to the Council.\n"
)


def draft(rule: str = "110", author: str = "rapporteur"):
    return parse_text(TEMPLATE.format(rule=rule, author=author), f"{rule}-{author}")


def test_unclassified_blocks_stand_in_their_place() -> None:
    resolution = draft()
    assert [(item.kind.value, item.eid) for item in resolution.items()] == [
        ("citation", "cit_1"),
        ("unclassified", "container_1"),
        ("recital", "rec_A"),
        ("paragraph", "para_1"),
        ("unclassified", "hcontainer_2"),
        ("paragraph", "para_2"),
    ]


def test_a_section_filter_keeps_the_unclassified_text_that_follows_its_clauses() -> None:
    old, new = draft(), draft(rule="123", author="committee")
    citations = build_report(old, new, section=ClauseKind.CITATION)
    paragraphs = build_report(old, new, section=ClauseKind.PARAGRAPH)
    recitals = build_report(old, new, section=ClauseKind.RECITAL)
    changed = {
        name: [r.eid for c in report.changes if c.relation is Relation.MODIFIED for r in c.old]
        for name, report in (("cit", citations), ("para", paragraphs), ("rec", recitals))
    }
    assert changed == {"cit": ["container_1"], "para": ["hcontainer_2"], "rec": []}


def test_akn_amendments_to_unclassified_text_are_valid() -> None:
    report = build_report(draft(), draft(rule="123", author="committee"))
    xml = render_akn_amendments(report, "2026-11-28")
    tree = parse_xml(xml.encode("utf-8"), "amendments.xml")
    assert validate_tree(tree) == []
    assert xml.count("<amendment ") == 2
    assert "<ins>123</ins>" in xml and "<ins>committee</ins>" in xml
    assert "Warning: old draft: line 3: text not recognised as a clause" in xml


def test_akn_amendments_move_unclassified_text_to_the_start_of_its_part() -> None:
    """Unclassified text moved to where no clause comes before it (found by a review:
    the placement looked the block up among the sections and stopped with KeyError)."""
    preamble_first = (
        "The European Parliament,\n- having regard to its resolutions,\nLoose text.\n"
        "1. Calls on the Council;\n"
    )
    body_first = (
        "The European Parliament,\n- having regard to its resolutions,\n"
        "1. Calls on the Council;\nLoose text changed.\n"
    )
    for old, new in ((preamble_first, body_first), (body_first, preamble_first)):
        report = build_report(parse_text(old, "old"), parse_text(new, "new"))
        assert Relation.MOVED in {change.relation for change in report.changes}
        xml = render_akn_amendments(report, "2026-11-28")
        assert validate_tree(parse_xml(xml.encode("utf-8"), "amendments.xml")) == []
        assert "<ins>changed</ins>" in xml or "<del>changed</del>" in xml


def test_provenance_and_history_follow_unclassified_text() -> None:
    old, middle, new = draft(), draft(rule="123"), draft(rule="144")
    history = amendtool.history([old, middle, new])
    threads = [t for t in history.threads if t.clauses[0][0].section is ClauseKind.UNCLASSIFIED]
    assert len(threads) == 2
    assert [t.steps for t in threads] == [
        (Relation.MODIFIED, Relation.MODIFIED),
        (Relation.UNCHANGED, Relation.UNCHANGED),
    ]
    report = amendtool.provenance(new, {"first": old, "second": middle})
    text = amendtool.render(report, "text")
    # both sources hold the block, reworded in the same place: a tie, not a guess
    assert (
        "Unclassified text 1: first 90% (Unclassified text 1, modified); "
        "second 90% (Unclassified text 1, modified) [tie: first and second]"
    ) in text.splitlines()
    assert (
        "Unclassified text 2: first 100% (Unclassified text 2, verbatim); "
        "second 100% (Unclassified text 2, verbatim) [tie: first and second]"
    ) in text.splitlines()
