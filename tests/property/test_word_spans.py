"""Word spans cut the texts where their tokens end, whatever the typography.

A typographic apostrophe inside a word (``Kazakhstan‘s``, ``1‘1``) is folded into one key;
the tokens the spans are cut from used to split it into three, so the spans shifted: the
wrong words were marked and the end of the clause was lost. These properties hold on
texts full of quotes, apostrophes, dashes, odd white space and non-Latin letters.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from amendtool.diffing import tokens as tokens_module
from amendtool.diffing.tokens import CompareOptions, keys, tokens
from amendtool.diffing.words import word_diff

ALPHABET = "ab Z1_'’‘‚`´\"“”«»-–—.,;:( )\t\n\u00a0\u2003İßé\u0301Σλж"
PIECES = ["the ", "Kazakhstan‘s ", "1‘1 ", "don`t ", "EU´s ", "a‚b ", "«rights» ", "– ", ", "]
OPTIONS = st.sampled_from(
    [
        CompareOptions(),
        CompareOptions(ignore_case=True),
        CompareOptions(ignore_punctuation=True),
        CompareOptions(ignore_case=True, ignore_punctuation=True),
    ]
)
texts = st.one_of(
    st.text(alphabet=ALPHABET, max_size=40),
    st.lists(st.sampled_from(PIECES), max_size=20).map("".join),
)
PLAIN = CompareOptions()


@given(texts, texts, OPTIONS)
def test_spans_rebuild_both_texts_and_equal_spans_are_equal(
    old: str, new: str, options: CompareOptions
) -> None:
    spans = word_diff(old, new, options)
    assert "".join(span.old for span in spans) == old
    assert "".join(span.new for span in spans) == new
    for span in spans:
        if span.op == "equal":
            assert keys(span.old, options) == keys(span.new, options)


@given(texts, texts)
def test_spans_end_where_keys_end(old: str, new: str) -> None:
    """Each span holds whole keys: the keys of the spans, one after the other, are the
    keys of the text."""
    spans = word_diff(old, new, PLAIN)
    assert [k for s in spans if s.old for k in keys(s.old, PLAIN)] == list(keys(old, PLAIN))
    assert [k for s in spans if s.new for k in keys(s.new, PLAIN)] == list(keys(new, PLAIN))


@given(texts)
def test_tokens_line_up_with_keys(text: str) -> None:
    """A token is a key with its white space, in the text's own characters."""
    found = tokens(text)
    assert "".join(found) == text
    if text.strip():
        folded = [token.strip().translate(tokens_module._TYPOGRAPHY) for token in found]
        assert folded == list(keys(text, PLAIN))
