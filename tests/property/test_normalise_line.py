"""normalise_line skips steps that cannot change a line; it must equal doing them all."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from amendtool.textparse.normalise import _TRANSLATION, normalise_line

TYPOGRAPHY = "".join(map(chr, _TRANSLATION)) + " \u0301\u212bﬁé’"


def every_step(line: str) -> str:
    cleaned = unicodedata.normalize("NFC", line).translate(_TRANSLATION)
    return re.sub(r" {2,}", " ", cleaned).strip()


@given(st.text(alphabet=st.sampled_from("ab .\t" + TYPOGRAPHY), max_size=40))
def test_same_as_every_step_on_typography(line: str) -> None:
    assert normalise_line(line) == every_step(line)


@given(st.text(max_size=80))
def test_same_as_every_step_on_any_text(line: str) -> None:
    assert normalise_line(line) == every_step(line)
