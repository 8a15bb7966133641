"""Applying amendment lists: places, renumbering, stale and conflicting amendments, --only."""

from __future__ import annotations

from pathlib import Path

import pytest

import amendtool
from amendtool.amendments.apply import apply_amendments
from amendtool.amendments.tabled import AmendmentList, TabledAmendment, TabledClause
from amendtool.errors import AmendmentError, ConflictError
from amendtool.model import ClauseKind, Resolution
from amendtool.textparse.emit import emit_text

ROOT = Path(__file__).resolve().parents[2]
SUBPOINTS = ROOT / "samples/kazakhstan-subpoints.txt"
R, P = ClauseKind.RECITAL, ClauseKind.PARAGRAPH

B_TEXT = "whereas the Kazakh authorities have set up a commission to investigate the events;"
C_TEXT = (
    "whereas the parliamentary elections of 15 January 2012 did not meet a number of key "
    "OSCE commitments;"
)
P1_TEXT = "Expresses its condolences to the families of the victims of the events in Zhanaozen;"


def base() -> Resolution:
    return amendtool.read(SUBPOINTS)


def listing(*amendments: TabledAmendment) -> AmendmentList:
    return AmendmentList("list.docx", amendments)


def amend(number: int, target: str, old: list[str], new: list[str]) -> TabledAmendment:
    return TabledAmendment(
        number, target, tuple(TabledClause(t) for t in old), tuple(TabledClause(t) for t in new)
    )


NEW_RECITAL = "whereas Kazakhstan chaired the OSCE in 2010;"


def test_a_new_recital_goes_after_its_anchor_and_the_recitals_are_relettered() -> None:
    result = apply_amendments(base(), listing(amend(1, "Recital B a (new)", [], [NEW_RECITAL])))
    assert [(r.num, r.text) for r in result.recitals[1:]] == [
        ("B", B_TEXT),
        ("C", NEW_RECITAL),
        ("D", C_TEXT),
    ]
    assert [r.eid for r in result.recitals] == ["rec_A", "rec_B", "rec_C", "rec_D"]


def test_new_clauses_after_the_same_anchor_keep_their_letter_order() -> None:
    result = apply_amendments(
        base(),
        listing(
            amend(1, "Paragraph 1 b (new)", [], ["Second new paragraph;"]),
            amend(2, "Paragraph 1 a (new)", [], ["First new paragraph;"]),
            amend(3, "Paragraph -1 (new)", [], ["Very first paragraph;"]),
        ),
    )
    assert [(p.num, p.text[:12]) for p in result.paragraphs[:4]] == [
        ("1", "Very first p"),
        ("2", "Expresses it"),
        ("3", "First new pa"),
        ("4", "Second new p"),
    ]


def test_a_deleted_paragraph_goes_and_the_rest_are_renumbered_keeping_their_points() -> None:
    original = base()
    result = apply_amendments(original, listing(amend(1, "Paragraph 1", [P1_TEXT], [])))
    assert [p.num for p in result.paragraphs] == ["1", "2", "3"]
    calls = result.paragraphs[0]
    assert calls.text == original.paragraphs[1].text
    assert [p.text for p in calls.points] == [p.text for p in original.paragraphs[1].points]
    assert [p.eid for p in calls.points] == [
        "para_1__point_a",
        "para_1__point_b",
        "para_1__point_c",
    ]
    assert calls.points[1].points[0].eid == "para_1__point_b__point_i"


def test_a_modified_recital_is_replaced_in_place() -> None:
    reworded = C_TEXT.replace("did not meet", "fell short of")
    result = apply_amendments(base(), listing(amend(1, "Recital C", [C_TEXT], [reworded])))
    assert result.recitals[2].text == reworded
    assert "fell short of" in emit_text(result)


def test_a_stale_amendment_names_itself_and_the_clause() -> None:
    stale = amend(4, "Recital C", [C_TEXT.replace("15 January", "16 January")], ["whereas x;"])
    with pytest.raises(AmendmentError) as caught:
        apply_amendments(base(), listing(stale))
    assert str(caught.value) == (
        "list.docx: amendment 4 (Recital C): the wording of Recital C does not match the base "
        "text (a stale amendment, or one written against another draft)"
    )


def test_typography_is_not_staleness() -> None:
    v1 = amendtool.read(ROOT / "samples/kazakhstan.v1.txt")
    recital_b = v1.recitals[1].text
    assert "Kazakhstan's" in recital_b
    curly = recital_b.replace("Kazakhstan's", "Kazakhstan’s")
    result = apply_amendments(v1, listing(amend(1, "Recital B", [curly], ["whereas y;"])))
    assert result.recitals[1].text == "whereas y;"


def test_an_amendment_to_a_clause_the_base_lacks_is_an_error() -> None:
    with pytest.raises(
        AmendmentError, match=r"amendment 2 \(Recital Z\): the base text has no Recital Z"
    ):
        apply_amendments(base(), listing(amend(2, "Recital Z", ["whereas z;"], [])))
    with pytest.raises(AmendmentError, match=r"the base text has no Paragraph 9 to follow"):
        apply_amendments(base(), listing(amend(3, "Paragraph 9 a (new)", [], ["New;"])))


def test_a_point_target_is_refused_clearly() -> None:
    with pytest.raises(
        AmendmentError, match=r"amendment 1 \(Paragraph 2 – point b\): .*part of a clause"
    ):
        apply_amendments(base(), listing(amend(1, "Paragraph 2 – point b", ["x"], ["y"])))


def test_two_amendments_to_one_clause_conflict_unless_only_picks_one() -> None:
    one = amend(3, "Recital C", [C_TEXT], [C_TEXT.replace("key", "essential")])
    other = amend(5, "Recital C", [C_TEXT], [])
    insert_a = amend(6, "Recital B a (new)", [], [NEW_RECITAL])
    insert_b = amend(8, "Recital B a (new)", [], ["whereas another;"])
    with pytest.raises(ConflictError) as caught:
        apply_amendments(base(), listing(one, other, insert_a, insert_b))
    assert str(caught.value) == (
        "list.docx: conflicting amendments: amendments 3 and 5 change Recital C; "
        "amendments 6 and 8 insert Recital B a (new) (choose one with --only)"
    )
    result = apply_amendments(base(), listing(one, other, insert_a, insert_b), only=[5, 8])
    assert [r.text for r in result.recitals[2:]] == ["whereas another;"]


def test_only_applies_the_adopted_amendments_alone() -> None:
    adopted = amend(1, "Recital B", [B_TEXT], [])
    rejected = amend(2, "Paragraph 1", [P1_TEXT], [])
    result = apply_amendments(base(), listing(adopted, rejected), only=[1])
    assert [r.text for r in result.recitals] == [base().recitals[0].text, C_TEXT]
    assert result.paragraphs == base().paragraphs
    with pytest.raises(AmendmentError, match=r"list.docx: no amendment 3 and 9 in the list"):
        apply_amendments(base(), listing(adopted, rejected), only=[1, 3, 9])


def test_an_insertion_after_a_deleted_clause_still_lands_there() -> None:
    result = apply_amendments(
        base(),
        listing(
            amend(1, "Recital B", [B_TEXT], []),
            amend(2, "Recital B a (new)", [], [NEW_RECITAL]),
        ),
    )
    assert [r.text for r in result.recitals[1:]] == [NEW_RECITAL, C_TEXT]


def test_a_hand_made_split_places_later_parts_after_the_first() -> None:
    result = apply_amendments(
        base(),
        listing(amend(1, "Paragraph 1", [P1_TEXT], ["Expresses its condolences;", "Mourns;"])),
    )
    assert [p.text for p in result.paragraphs[:2]] == ["Expresses its condolences;", "Mourns;"]


def test_empty_list_gives_the_base_back() -> None:
    assert apply_amendments(base(), listing()).clauses == base().clauses


def test_a_merge_conflicts_with_any_amendment_to_one_of_its_clauses() -> None:
    from amendtool.amendments.tabled import list_from_report

    v1 = amendtool.read(ROOT / "samples/kazakhstan.v1.txt")
    v2 = amendtool.read(ROOT / "samples/kazakhstan.v2.txt")
    generated = list_from_report(amendtool.compare(v1, v2), "list.json")
    merge = next(a for a in generated.amendments if a.target == "Paragraphs 5 and 6")
    delete_6 = amend(99, "Paragraph 6", [v1.paragraphs[5].text], [])
    rival = AmendmentList("list.json", (*generated.amendments, delete_6))
    with pytest.raises(
        ConflictError, match=rf"amendments {merge.number} and 99 change Paragraph 6"
    ):
        apply_amendments(v1, rival)
    result = apply_amendments(v1, rival, only=[99])
    assert [p.text for p in result.paragraphs] == [
        p.text for i, p in enumerate(v1.paragraphs) if i != 5
    ]


def test_a_number_used_twice_is_an_error() -> None:
    twice = listing(amend(2, "Recital B", [B_TEXT], []), amend(2, "Recital C", [C_TEXT], []))
    with pytest.raises(AmendmentError, match=r"^list.docx: amendment 2 appears twice in the list$"):
        apply_amendments(base(), twice)


SPLIT_OLD = b"""The European Parliament,

- having regard to its previous resolutions on Kazakhstan,

A. whereas the trial of the oil workers continues;

1. Calls on the authorities to release the oil workers;

2. Calls on the authorities to release the oil workers;

3. Calls on the Commission to follow the trial: (a) closely and with the Member States;

4. Supports an EU mission to monitor the trial;

5. Instructs its President to forward this resolution to the Council and the Commission.
"""
SPLIT_NEW = b"""The European Parliament,

- having regard to its previous resolutions on Kazakhstan,

A. whereas the Commission follows the trial closely and with the Member States;

B. whereas the trial of the oil workers continues;

1. Calls on the authorities to release the oil workers;

2. Calls on the authorities to release the oil workers;

3. Supports an EU mission to monitor the trial;

4. Calls on the Commission to follow the trial: with the Member States;

5. Instructs its President to forward this resolution to the Council and the Commission.
"""


def test_a_split_whose_part_moved_past_an_unchanged_clause_round_trips() -> None:
    """Paragraph 3 split into a new recital and a paragraph placed after the unchanged
    paragraph 4: the part is the clause that moved (hypothesis found the old list putting
    it back in place, before paragraph 4)."""
    old, new = amendtool.read(SPLIT_OLD), amendtool.read(SPLIT_NEW)
    report = amendtool.compare(old, new)
    (split,) = [c for c in report.changes if c.relation.value == "split"]
    assert [r.label for r in split.old] == ["Paragraph 3"]
    text = amendtool.render(report, "json", product="amendments")
    assert "Split into Recital -A (new) and Paragraph 4 a (new)." in text
    assert not amendtool.compare(amendtool.apply(old, text.encode()), new).differs
