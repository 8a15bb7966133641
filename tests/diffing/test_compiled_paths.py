"""The compiled shortcuts of alignment and word spans give what the plain methods give.

Speed work (issue 11) replaced Python loops with compiled libraries; these tests hold the
results to the methods they replaced, on generated drafts of the benchmark's kind and on
the real pair.
"""

from __future__ import annotations

import pytest
from diff_match_patch import diff_match_patch

from amendtool.diffing import align as align_module
from amendtool.diffing.align import align, dice
from amendtool.diffing.edit_script import edit_script, encode
from amendtool.diffing.tokens import CompareOptions, keys
from amendtool.diffing.words import Span, word_diff
from amendtool.model import clause_body
from amendtool.textparse import parse_text
from amendtool.textparse.emit import emit_text
from benchmarks.generate import generate_pair
from tests.conftest import SAMPLES

PLAIN = CompareOptions()


@pytest.fixture(scope="module")
def generated() -> tuple:
    """A hard generated pair (templated near-duplicates, repeats, long clauses), read back."""
    old, new, truth = generate_pair(700, seed=5, hard=True)
    return parse_text(emit_text(old), "old"), parse_text(emit_text(new), "new"), truth


def _python_script(old: tuple[str, ...], new: tuple[str, ...]) -> list[tuple[int, int]]:
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    old_codes, new_codes = encode(old, new)
    diffs = engine.diff_main(old_codes, new_codes, False)
    engine.diff_cleanupSemantic(diffs)
    return [(operation, len(text)) for operation, text in diffs]


def _clause_pairs(old, new) -> list[tuple[str, str]]:
    pairs = []
    for pairing in align(old.clauses, new.clauses):
        old_text = " ".join(clause_body(old.clauses[i]) for i in pairing.old)
        new_text = " ".join(clause_body(new.clauses[j]) for j in pairing.new)
        if old_text and new_text:
            pairs.append((old_text, new_text))
    return pairs


def test_generated_pair_reads_back_with_every_true_link(generated) -> None:
    old, new, truth = generated
    old_eids = {c.eid for c in old.clauses}
    new_eids = {c.eid for c in new.clauses}
    assert not old.unclassified and not new.unclassified
    assert {o for o, _ in truth} <= old_eids and {n for _, n in truth} <= new_eids
    assert any(c.points for c in old.clauses)  # sub-points are there


def test_compiled_word_diff_equals_python_diff_match_patch(generated) -> None:
    old, new, _ = generated
    real = (SAMPLES / "kazakhstan.v1.txt", SAMPLES / "kazakhstan.v2.txt")
    real_old, real_new = (parse_text(p.read_text("utf-8"), p.name) for p in real)
    pairs = _clause_pairs(old, new) + _clause_pairs(real_old, real_new)
    changed = [(keys(a, PLAIN), keys(b, PLAIN)) for a, b in pairs if a != b]
    assert len(changed) > 100
    for old_keys, new_keys in changed:
        assert edit_script(old_keys, new_keys) == _python_script(old_keys, new_keys)


def test_integer_symbols_align_like_characters(generated, monkeypatch) -> None:
    old, new, _ = generated
    by_characters = align(old.clauses, new.clauses)
    monkeypatch.setattr(align_module, "_SYMBOL_CHARACTERS", 0)  # as past a million words
    assert align(old.clauses, new.clauses) == by_characters


def test_rare_word_candidates_find_the_true_links(generated) -> None:
    old, new, truth = generated
    linked = {
        (old.clauses[i].eid, new.clauses[j].eid)
        for p in align(old.clauses, new.clauses)
        for i in p.old
        for j in p.new
    }
    assert len(linked & truth) / len(truth) > 0.98


def test_bag_similarity_is_the_dice_coefficient(generated) -> None:
    old, new, _ = generated
    aligner = align_module._Aligner(old.clauses, new.clauses, PLAIN)
    aligner.candidates()
    from rapidfuzz.distance import Indel

    checked = 0
    for i, a in enumerate(aligner.old[:60]):
        for b in aligner.new[i : i + 3]:
            if not (a.bag and b.bag):
                continue
            total = len(a.bag) + len(b.bag)
            shared = (total - Indel.distance(a.bag, b.bag)) // 2
            assert 2 * shared / total == pytest.approx(dice(a.words, b.words))
            checked += 1
    assert checked > 20


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("Calls on the Council;", "", (Span("delete", "Calls on the Council;", ""),)),
        ("", "Calls on the Council;", (Span("insert", "", "Calls on the Council;"),)),
        ("", "", ()),
    ],
)
def test_deleted_or_inserted_clause_is_one_span(old: str, new: str, expected) -> None:
    assert word_diff(old, new) == expected
