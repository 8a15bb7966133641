"""Properties of the comparison, on generated resolutions and generated edits."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from amendtool.diffing.report import Relation, build_report
from tests.property.strategies import resolutions

SWAPPED = {
    Relation.INSERTED: Relation.DELETED,
    Relation.DELETED: Relation.INSERTED,
    Relation.SPLIT: Relation.MERGED,
    Relation.MERGED: Relation.SPLIT,
}


@st.composite
def draft_pairs(draw):
    """A resolution and an edited copy: clauses dropped, reworded and reordered."""
    old = draw(resolutions())
    paragraphs = list(old.paragraphs)
    recitals = list(old.recitals)
    if len(recitals) > 1 and draw(st.booleans()):
        recitals.pop(draw(st.integers(0, len(recitals) - 1)))
    if len(paragraphs) > 2 and draw(st.booleans()):
        i = draw(st.integers(0, len(paragraphs) - 2))
        paragraphs[i] = replace(paragraphs[i], text=paragraphs[i].text + " further urgent steps")
    if len(paragraphs) > 2 and draw(st.booleans()):
        paragraphs.insert(0, paragraphs.pop(len(paragraphs) - 2))
    return old, replace(old, recitals=tuple(recitals), paragraphs=tuple(paragraphs))


@settings(max_examples=100, deadline=None)
@given(resolutions())
def test_a_draft_against_itself_is_all_unchanged(resolution) -> None:
    report = build_report(resolution, resolution)
    assert not report.differs
    assert {c.relation for c in report.changes} <= {Relation.UNCHANGED}


@settings(max_examples=100, deadline=None)
@given(draft_pairs())
def test_every_clause_is_in_exactly_one_change(pair) -> None:
    old, new = pair
    report = build_report(old, new)
    old_seen = [r.eid for c in report.changes for r in c.old]
    new_seen = [r.eid for c in report.changes for r in c.new]
    assert sorted(old_seen) == sorted(c.eid for c in old.clauses)
    assert sorted(new_seen) == sorted(c.eid for c in new.clauses)


@settings(max_examples=100, deadline=None)
@given(draft_pairs())
def test_spans_rebuild_both_sides(pair) -> None:
    old, new = pair
    for change in build_report(old, new).changes:
        assert "".join(s.old for s in change.spans) == " ".join(r.text for r in change.old)
        assert "".join(s.new for s in change.spans) == " ".join(r.text for r in change.new)


@settings(max_examples=100, deadline=None)
@given(draft_pairs())
def test_swapping_inputs_swaps_the_relations(pair) -> None:
    old, new = pair
    forward = build_report(old, new)
    backward = build_report(new, old)

    def relations(report, flip: bool):
        found = set()
        for change in report.changes:
            old_ids = tuple(r.eid for r in change.old)
            new_ids = tuple(r.eid for r in change.new)
            relation = change.relation
            if flip:
                old_ids, new_ids = new_ids, old_ids
                relation = SWAPPED.get(relation, relation)
            found.add((relation, old_ids, new_ids))
        return found

    assert relations(forward, flip=False) == relations(backward, flip=True)
