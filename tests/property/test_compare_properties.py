"""Properties of the comparison, on generated resolutions and generated edits."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from amendtool.diffing.report import Relation, build_report
from amendtool.model import ClauseKind
from tests.property.strategies import resolutions, rich_resolutions

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


@st.composite
def one_word_changed(draw):
    """A rich draft and a copy with one word of one clause or unclassified block changed."""
    old = draw(rich_resolutions())
    items = old.items()
    target = draw(st.integers(0, len(items) - 1))
    item = items[target]
    words = item.text.split(" ")
    position = draw(st.integers(0, len(words) - 1))
    words[position] = "Zhanaozen" + words[position]
    changed = replace(item, text=" ".join(words))
    if item.kind is ClauseKind.UNCLASSIFIED:
        index = int(item.eid.rsplit("_", 1)[1]) - 1
        blocks = list(old.unclassified)
        blocks[index] = replace(blocks[index], text=changed.text)
        return old, replace(old, unclassified=tuple(blocks)), changed.text
    sections = {
        ClauseKind.CITATION: "citations",
        ClauseKind.RECITAL: "recitals",
        ClauseKind.PARAGRAPH: "paragraphs",
    }
    name = sections[item.kind]
    clauses = tuple(changed if c.eid == item.eid else c for c in getattr(old, name))
    return old, replace(old, **{name: clauses}), changed.text


@settings(max_examples=300, deadline=None)
@given(one_word_changed())
def test_any_changed_word_anywhere_is_a_difference(case) -> None:
    old, new, _ = case
    report = build_report(old, new)
    assert report.differs
    inserted = " ".join(s.new for c in report.changes for s in c.spans if s.op == "insert")
    assert "Zhanaozen" in inserted


@settings(max_examples=300, deadline=None)
@given(rich_resolutions())
def test_rich_draft_against_itself_and_every_item_in_one_change(resolution) -> None:
    report = build_report(resolution, resolution)
    assert not report.differs
    seen = sorted(r.eid for c in report.changes for r in c.old)
    assert seen == sorted(item.eid for item in resolution.items())
    assert not any(c.moved for c in report.changes)  # repeated clauses pair in order
