"""Clause alignment and word spans on realistic drafts."""

from __future__ import annotations

import re

import pytest

from amendtool import compare
from amendtool.diffing.report import Relation
from amendtool.diffing.words import word_diff
from amendtool.renderers.describe import headline
from amendtool.textparse import parse_text
from tests.conftest import SAMPLES, SEED

V1, V2 = SAMPLES / "kazakhstan.v1.txt", SAMPLES / "kazakhstan.v2.txt"


def headline_pairs(report):
    return {
        (c.relation, tuple(r.label for r in c.old), tuple(r.label for r in c.new))
        for c in report.changes
    }


def test_greens_motion_against_joint_motion() -> None:
    report = compare(V1, V2)
    pairs = headline_pairs(report)
    expected = {
        (Relation.MERGED, ("Citation 5", "Citation 7"), ("Citation 5",)),
        (Relation.INSERTED, (), ("Recital A",)),
        (Relation.UNCHANGED, ("Recital A",), ("Recital B",)),
        (Relation.MOVED, ("Recital E",), ("Recital I",)),
        (Relation.DELETED, ("Recital H",), ()),
        (Relation.SPLIT, ("Recital J",), ("Recital J", "Recital K")),
        (Relation.SPLIT, ("Paragraph 3",), ("Paragraph 2", "Paragraph 3")),
        (Relation.MERGED, ("Paragraph 5", "Paragraph 6"), ("Paragraph 5",)),
        (Relation.MOVED, ("Paragraph 2",), ("Paragraph 10",)),
        (Relation.DELETED, ("Paragraph 10",), ()),
        (Relation.MODIFIED, ("Paragraph 7",), ("Paragraph 6",)),
    }
    assert expected <= pairs
    assert report.differs


def test_recital_inserted_at_the_top_is_the_only_change(seed_text: str) -> None:
    old = parse_text(seed_text, "old")
    inserted = "A. whereas Kazakhstan is the largest economy in Central Asia;\n"
    relettered = re.sub(
        r"^(- )?([A-Q])\. whereas",
        lambda m: f"{chr(ord(m.group(2)) + 1)}. whereas",
        seed_text,
        flags=re.M,
    )
    new_text = relettered.replace("B. whereas the EU and", inserted + "B. whereas the EU and")
    new = parse_text(new_text, "new")
    report = compare(old, new)
    changed = [c for c in report.changes if c.relation is not Relation.UNCHANGED]
    assert [(c.relation, c.new[0].label) for c in changed] == [(Relation.INSERTED, "Recital A")]
    assert len(report.changes) == len(old.clauses) + 1


def test_typography_alone_is_no_difference(seed_text: str) -> None:
    retyped = (
        seed_text.replace("- having regard", "–   having regard")
        .replace("'", "’")
        .replace("Catherine Ashton", "Catherine\n\nAshton", 1)
        .replace("3 000", "3\u00a0000")
        + "\nPlease share\n"
    )
    report = compare(parse_text(seed_text, "a"), parse_text(retyped, "b"))
    assert not report.differs
    assert {c.relation for c in report.changes} == {Relation.UNCHANGED}


def test_recital_turned_into_paragraph_is_aligned(seed_text: str) -> None:
    old = parse_text(seed_text, "old")
    recital_q = old.recitals[-1].text
    new_text = seed_text.replace("- Q. " + recital_q + "\n", "").replace(
        "- 13. Instructs",
        "- 13. Recalls that Kazakhstan took the chairmanship of the OSCE in 2010 and committed "
        "to the series of democratic reforms and to respect the basic principles of this "
        "organisation;\n- 14. Instructs",
    )
    report = compare(old, parse_text(new_text, "new"))
    change = next(c for c in report.changes if c.old and c.old[0].label == "Recital Q")
    assert change.new[0].label == "Paragraph 13"
    assert change.section_changed
    assert change.relation is Relation.MOVED  # from the end of the recitals to paragraph 13
    assert change.reworded
    assert headline(change) == "Recital Q -> Paragraph 13, moved to paragraphs and modified"


@pytest.mark.parametrize(
    ("label", "old", "new", "options", "same"),
    [
        ("case", "Calls on the Council;", "calls on the council;", {"ignore_case": True}, True),
        ("case counts by default", "Calls on the Council;", "calls on the council;", {}, False),
        (
            "punctuation",
            "Calls on the Council, now;",
            "Calls on the Council now.",
            {"ignore_punctuation": True},
            True,
        ),
    ],
)
def test_options(label, old, new, options, same) -> None:
    wrap = "The European Parliament,\n- having regard to x,\n1. {}\n"
    report = compare(
        parse_text(wrap.format(old), "a"), parse_text(wrap.format(new), "b"), **options
    )
    assert report.differs is not same, label


def test_section_option_limits_the_comparison() -> None:
    report = compare(V1, V2, section="recitals")
    assert {r.section.value for c in report.changes for r in (*c.old, *c.new)} == {"recital"}


@pytest.mark.parametrize(
    ("label", "old", "new"),
    [
        (
            "reworded",
            "Calls on the EEAS to monitor the trial;",
            "Calls on the EEAS to monitor all trials;",
        ),
        ("numbers are tokens", "sentenced her to 6 years", "sentenced her to 7 years"),
        ("punctuation is a token", "the events establishing", "the events, establishing"),
        ("empty old", "", "whereas something new;"),
    ],
)
def test_spans_rebuild_both_texts(label: str, old: str, new: str) -> None:
    spans = word_diff(old, new)
    assert "".join(s.old for s in spans) == old, label
    assert "".join(s.new for s in spans) == new, label


def test_word_changes_are_whole_words() -> None:
    spans = word_diff("sentenced her to 6 years in prison", "sentenced her to 7 years in prison")
    assert [(s.op, s.old.strip(), s.new.strip()) for s in spans if s.op != "equal"] == [
        ("delete", "6", ""),
        ("insert", "", "7"),
    ]


def test_library_reads_paths_and_akn(tmp_path) -> None:
    from amendtool.akn.writer import write_akn

    akn = tmp_path / "seed.xml"
    akn.write_bytes(write_akn(parse_text(SEED.read_text("utf-8"), "s"), "2026-11-28"))
    report = compare(SEED, akn)
    assert not report.differs


def test_a_translation_is_flagged_not_silently_compared() -> None:
    report = compare(V1, SAMPLES / "kazakhstan-fr.txt")
    assert report.old_meta.language == "en" and report.new_meta.language == "fr"
    assert report.warnings and "different languages" in report.warnings[0]


@pytest.mark.parametrize("apostrophe", ["‘", "‚", "`", "´"])
def test_a_typographic_apostrophe_in_a_word_shifts_no_span(tmp_path, apostrophe) -> None:
    """Recital B of the Greens/EFA motion typed with another apostrophe ("Kazakhstan‘s")
    and its figure changed: the figure is the change, and the recital keeps its end."""
    text = V1.read_text(encoding="utf-8").replace("Kazakhstan's", f"Kazakhstan{apostrophe}s")
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace("more than 3 000 people", "more than 5 000 people"), "utf-8")
    (change,) = [c for c in compare(old, new).changes if c.relation is not Relation.UNCHANGED]
    assert [(s.op, s.old, s.new) for s in change.spans if s.op != "equal"] == [
        ("delete", "3 ", ""),
        ("insert", "", "5 "),
    ]
    assert "".join(s.old for s in change.spans).endswith("better conditions;")
    assert (change.words_deleted, change.words_inserted) == (1, 1)
