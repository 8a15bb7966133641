"""Fuzzing the readers with hypothesis: whatever the bytes, the result is a Resolution or
an AmendtoolError (one clean line for the user), never another exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amendtool.errors import AmendtoolError
from amendtool.inputs import resolution_from_bytes
from tests.conftest import SEED

FRAGMENTS = [
    "The European Parliament,",
    "Le Parlement européen,",
    "- having regard to",
    "– vu",
    "A. whereas",
    "B.",
    "1.",
    "4a.",
    "(a)",
    "(i)",
    "–",
    "-",
    "•",
    "[1]",
    "(2)",
    "}",
    "RC1",
    "B7-0143/2012",
    "RC-B7-0135/2012",
    "P7_TA(2012)0089",
    "7.3.2012",
    "15 March 2012",
    "on behalf of the Verts/ALE Group",
    "replacing the motions by the following groups:",
    "Instructs its President to forward this resolution.",
    "RC\\1247433EN.docx",
    "PE478.433v01-00",
    "EN United in diversity EN",
    "<akomaNtoso>",
    "<?xml version='1.0'?>",
    "<!DOCTYPE html>",
    "<html><body>",
    "<p>",
    "</td><td>",
    "&amp;",
    "&#0;",
    "\u00a0",
    "\u00ad",
    "\u200b",
    "\u2011",
    "\ufeff",
    "\x00",
    "\r\n",
    "\n",
    " ",
    "Zhanao-",
    "zen",
]
SEED_LINES = SEED.read_text("utf-8").splitlines()


def read(data: bytes) -> None:
    try:
        resolution_from_bytes(data, "fuzz")
    except AmendtoolError as error:
        assert "\n" not in str(error)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=12), max_size=60))
def test_fragments_of_resolutions(pieces: list[str]) -> None:
    read(" ".join(pieces).encode("utf-8", "surrogatepass"))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data: bytes) -> None:
    read(data)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.integers(0, len(SEED_LINES) - 1), min_size=1, max_size=80),
    st.sampled_from(["utf-8", "utf-16", "cp1252"]),
)
def test_shuffled_seed_lines(indices: list[int], encoding: str) -> None:
    text = "\n".join(SEED_LINES[i] for i in indices).replace("Š", "S")
    read(text.encode(encoding))
