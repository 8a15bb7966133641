"""The word diff is exact for real clauses and bounded for pathological ones.

No test here times anything: the bound is checked on the work handed to diff-match-patch
(old x new characters of every call), which is what grows quadratically.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from amendtool.diffing import compare, words
from amendtool.diffing.words import EXACT_TOKEN_PAIRS, is_exact, word_diff
from amendtool.model import Clause, ClauseKind, Meta, Resolution
from tests.conftest import SAMPLES


@pytest.fixture
def diff_sizes(monkeypatch) -> list[tuple[int, int]]:
    """Records len(old) x len(new) of every diff-match-patch call."""
    from diff_match_patch import diff_match_patch

    sizes: list[tuple[int, int]] = []
    real = diff_match_patch.diff_main

    def recording(self, text1, text2, checklines=True, deadline=None):  # type: ignore[no-untyped-def]
        if deadline is None:  # the outer call; diff-match-patch recurses with a deadline
            sizes.append((len(text1), len(text2)))
        return real(self, text1, text2, checklines, deadline)

    monkeypatch.setattr(diff_match_patch, "diff_main", recording)
    return sizes


def _rebuilds(spans: tuple[words.Span, ...], old: str, new: str) -> None:
    assert "".join(s.old for s in spans) == old
    assert "".join(s.new for s in spans) == new


def test_real_clause_pairs_are_compared_exactly() -> None:
    report = compare(SAMPLES / "kazakhstan.v1.txt", SAMPLES / "kazakhstan.v2.txt")
    for change in report.changes:
        old = " ".join(r.text for r in change.old)
        new = " ".join(r.text for r in change.new)
        assert is_exact(old, new)
    assert not any("word by word" in w for w in report.warnings)


def test_twenty_thousand_tokens_of_a_and_b_stay_bounded(diff_sizes) -> None:
    # the old code ran diff-match-patch on 20,000 x 20,000 tokens: 30 s
    rng = random.Random(7)
    old = " ".join(rng.choice("ab") for _ in range(20_000))
    new = " ".join(rng.choice("ab") for _ in range(20_000))
    spans = word_diff(old, new)
    _rebuilds(spans, old, new)
    assert not is_exact(old, new)
    assert all(a * b <= EXACT_TOKEN_PAIRS for a, b in diff_sizes)
    # no sentence or phrase to hold on to: the common ends are kept, the middle replaced
    assert [s.op for s in spans if s.op != "equal"] == ["delete", "insert"]


def _sentence(rng: random.Random, vocabulary: list[str]) -> str:
    return " ".join(rng.choice(vocabulary) for _ in range(14)) + "."


def test_a_long_clause_is_compared_sentence_by_sentence_then_word_by_word(diff_sizes) -> None:
    rng = random.Random(3)
    vocabulary = [f"word{i}" for i in range(3000)]
    sentences = [_sentence(rng, vocabulary) for _ in range(4000)]  # 60,000 tokens
    edited = list(sentences)
    for k in range(10, 4000, 100):
        parts = edited[k].split()
        edited[k] = " ".join([*parts[:5], "inserted", *parts[5:]])
    old, new = " ".join(sentences), " ".join(edited)
    spans = word_diff(old, new)
    _rebuilds(spans, old, new)
    changed = [s for s in spans if s.op != "equal"]
    assert [s.new for s in changed] == ["inserted "] * 40  # the words, not whole sentences
    assert all(a * b <= EXACT_TOKEN_PAIRS for a, b in diff_sizes)


def test_more_than_a_million_distinct_words_in_a_clause_pair() -> None:
    # one code point per distinct word: the old code ran out of Unicode (chr() ValueError)
    old = " ".join(f"o{i}" for i in range(550_000))
    new = " ".join(f"n{i}" for i in range(550_000))
    spans = word_diff(old, new)
    _rebuilds(spans, old, new)
    assert [s.op for s in spans] == ["delete", "insert"]


def _resolution(paragraph: str) -> Resolution:
    clause = Clause(ClauseKind.PARAGRAPH, "1", paragraph, "para_1")
    return Resolution(Meta(title="Examplestan"), "", (), (), (clause,))


def test_the_report_says_when_a_clause_was_not_compared_word_by_word() -> None:
    rng = random.Random(5)
    old = " ".join(rng.choice(("alpha", "beta")) for _ in range(3000)) + "."
    new = " ".join(rng.choice(("alpha", "beta")) for _ in range(3000)) + "."
    report = compare(_resolution("Calls " + old), _resolution("Calls " + new))
    (warning,) = [w for w in report.warnings if "word by word" in w]
    assert warning.startswith("Paragraph 1: too long to compare word by word (3001 and 3001 words)")


def _long_paragraph(words_: int, rng: random.Random) -> str:
    return "Calls for " + " ".join(f"measure{rng.randrange(5000)}" for _ in range(words_)) + "."


def test_a_long_paragraph_left_as_it_was_raises_no_warning() -> None:
    paragraph = _long_paragraph(1500, random.Random(11))  # 1,500 x 1,500 tokens: past the bound
    assert not words._fits(paragraph.split(), paragraph.split())
    report = compare(_resolution(paragraph), _resolution(paragraph))
    assert not report.differs
    assert not any("word by word" in w for w in report.warnings)


def test_one_word_changed_in_a_long_paragraph_is_compared_word_by_word(diff_sizes) -> None:
    old = _long_paragraph(1500, random.Random(12))
    cut = old.index(" ", len(old) // 2)
    new = old[:cut] + " urgently" + old[cut:]
    assert is_exact(old, new)
    report = compare(_resolution(old), _resolution(new))
    assert not any("word by word" in w for w in report.warnings)
    (change,) = report.changes
    assert [(s.op, s.new) for s in change.spans if s.op != "equal"] == [("insert", "urgently ")]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "b", "c.", "d,", "e;", "f"]), max_size=60),
    st.lists(st.sampled_from(["a", "b", "c.", "d,", "e;", "g"]), max_size=60),
    st.integers(min_value=1, max_value=40),
)
def test_the_bounded_method_always_rebuilds_both_texts(old_words, new_words, bound) -> None:
    old, new = " ".join(old_words), " ".join(new_words)
    original = words.EXACT_TOKEN_PAIRS
    words.EXACT_TOKEN_PAIRS = bound  # force every level of the fallback on small texts
    try:
        spans = word_diff(old, new)
    finally:
        words.EXACT_TOKEN_PAIRS = original
    _rebuilds(spans, old, new)
    for span in spans:
        if span.op == "equal":
            assert span.old.split() == span.new.split()


def test_json_written_change_by_change_is_the_same_document() -> None:
    import json

    from amendtool.renderers.json_report import render_json, report_to_dict
    from amendtool.renderers.registry import render_bytes

    pairs = [
        ("kazakhstan.v1.txt", "kazakhstan.v2.txt"),
        ("kazakhstan.v1.txt",) * 2,
        ("kazakhstan-pl.txt", "kazakhstan-fr.txt"),  # letters beyond ASCII
    ]
    for old, new in pairs:
        report = compare(SAMPLES / old, SAMPLES / new)
        whole = json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"
        assert render_json(report) == whole
        # what the commands write: encoded change by change, never the whole text first
        assert render_bytes(report, "json") == whole.encode("utf-8")
