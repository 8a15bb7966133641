"""The reader's shortcuts (issue 11) give what the plain steps give, on any text.

Each shortcut looks at less of a line or a document than the pattern or step it stands
for; these properties check the equivalence, with alphabets rich in the characters the
shortcuts are about (line breaks, controls, quotes, case variants).
"""

from __future__ import annotations

import re
import string
import sys

from hypothesis import given
from hypothesis import strategies as st

from amendtool.safe_chars import _XML_FORBIDDEN, has_forbidden
from amendtool.textparse.body import _ENDED, _HYPHENATED, _ended
from amendtool.textparse.normalise import (
    _CASE_VARIANTS_BEYOND_LOWER,
    may_match_ignoring_case,
    normalise_line,
    normalise_lines,
)

LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
CONTROLS = "\x00\x01\x08\x1b\x1f\x7f\ufffe\uffff\ud800"
SPACES = " \t\u00a0\u2000\u2009\u3000\u00ad\u200b"
ENDINGS = ".;:,!?'’\")”-"


@given(st.text(alphabet=st.sampled_from("ab1 " + LINE_BREAKS + CONTROLS + SPACES), max_size=60))
def test_has_forbidden_is_the_pattern(text: str) -> None:
    assert has_forbidden(text) == bool(_XML_FORBIDDEN.search(text))


@given(st.text(alphabet=st.sampled_from("ab1 " + LINE_BREAKS + SPACES + "é\u0301"), max_size=60))
def test_normalise_lines_is_normalise_line_per_line(text: str) -> None:
    assert normalise_lines(text) == [normalise_line(line) for line in text.splitlines()]


@given(st.text(max_size=60))
def test_normalise_lines_on_any_text(text: str) -> None:
    assert normalise_lines(text) == [normalise_line(line) for line in text.splitlines()]


@given(st.text(alphabet=st.sampled_from("aé1_ \n" + ENDINGS), max_size=20))
def test_ended_is_the_pattern(text: str) -> None:
    assert _ended(text) == bool(_ENDED.search(text))


@given(st.text(alphabet=st.sampled_from("aé1_² \n-"), max_size=12))
def test_hyphenated_looks_at_the_end_only(text: str) -> None:
    assert bool(_HYPHENATED.search(text[-4:])) == bool(_HYPHENATED.search(text))


def test_case_variants_beyond_lower_are_all_there() -> None:
    """Every code point re.IGNORECASE takes for an ASCII letter is lowered to it or listed."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    found = {
        chr(code)
        for code in range(sys.maxunicode + 1)
        if letter.fullmatch(chr(code)) and chr(code).lower() not in string.ascii_lowercase
    }
    assert found == set(_CASE_VARIANTS_BEYOND_LOWER)


@given(
    st.text(alphabet=st.sampled_from("UNITEDunited isSıİſ\u212a\n"), max_size=30),
    st.sampled_from(["United in", "sit", "kis", "Is"]),
)
def test_may_match_ignoring_case_misses_no_match(text: str, literal: str) -> None:
    if re.search(re.escape(literal), text, re.IGNORECASE):
        assert may_match_ignoring_case(text, literal)
    if text.isascii():  # then the answer is exact
        assert may_match_ignoring_case(text, literal) == bool(
            re.search(re.escape(literal), text, re.IGNORECASE)
        )
