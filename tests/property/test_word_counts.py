"""word_counts is the count of case-folded word keys; plain keys are the stripped tokens."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from amendtool.diffing import tokens as tokens_module
from amendtool.diffing.tokens import CompareOptions, keys, word_counts

PLAIN = CompareOptions()


def from_keys(text: str) -> Counter[str]:
    return Counter(k.casefold() for k in keys(text, PLAIN) if k[:1].isalnum())


@given(st.text(alphabet=st.sampled_from("ab Z1_'’‘-–—«».,;:( )\u00a0İßÉé\u0301"), max_size=40))
def test_same_as_counting_keys_on_typography(text: str) -> None:
    assert word_counts(text) == from_keys(text)


@given(st.text(max_size=80))
def test_same_as_counting_keys_on_any_text(text: str) -> None:
    assert word_counts(text) == from_keys(text)


def stripped_tokens(text: str) -> tuple[str, ...]:
    """The plain keys as they are defined: the tokens of the folded text, stripped."""
    folded = text.translate(tokens_module._TYPOGRAPHY)
    found = tuple(token.strip() for token in tokens_module.tokens(folded))
    return found if any(found) else tuple(t.strip() for t in tokens_module.tokens(text))


@given(
    st.text(
        alphabet=st.sampled_from("ab Z1_'’‘-–—«».,;:( )\t\n\x1c\x85\u00a0\u2003İß\u0301"),
        max_size=40,
    )
)
def test_plain_keys_are_the_stripped_tokens_on_typography(text: str) -> None:
    assert keys(text, PLAIN) == stripped_tokens(text)


@given(st.text(max_size=80))
def test_plain_keys_are_the_stripped_tokens_on_any_text(text: str) -> None:
    assert keys(text, PLAIN) == stripped_tokens(text)
