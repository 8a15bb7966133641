"""The reader's shortcuts (issue 11) give what the plain steps give, on any text.

Each shortcut looks at less of a line or a document than the pattern or step it stands
for; these properties check the equivalence, with alphabets rich in the characters the
shortcuts are about (line breaks, controls, quotes, case variants).
"""

from __future__ import annotations

import re
import sys
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from amendtool.eids import nc_number
from amendtool.errors import ParseError
from amendtool.model import Clause, ClauseKind, Resolution
from amendtool.safe_chars import _XML_FORBIDDEN, has_forbidden
from amendtool.textparse import body, parse_text
from amendtool.textparse.body import _ENDED, _HYPHENATED, _ended
from amendtool.textparse.body_drafts import ClauseDraft
from amendtool.textparse.emit import emit_text
from amendtool.textparse.normalise import (
    _CASE_VARIANTS_BEYOND_ASCII,
    _OTHER_WHITE_SPACE,
    may_match_ignoring_case,
    normalise_line,
    normalise_lines,
    normalise_space,
)
from amendtool.textparse.phrases import LanguagePhrases, all_languages, language
from amendtool.textparse.sequence import _base, letters_value
from tests.property.strategies import resolutions

LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
CONTROLS = "\x00\x01\x08\x1b\x1f\x7f\ufffe\uffff\ud800"
SPACES = " \t\u00a0\u2000\u2009\u3000\u00ad\u200b"
ENDINGS = ".;:,!?'’\")”-"


@given(st.text(alphabet=st.sampled_from("ab1 " + LINE_BREAKS + CONTROLS + SPACES), max_size=60))
def test_has_forbidden_is_the_pattern(text: str) -> None:
    assert has_forbidden(text) == bool(_XML_FORBIDDEN.search(text))


TYPOGRAPHY = "é\u0301\u212b\u1100\u1161\u2010\u2011\u200c\u2060\ufeff"


@given(st.text(alphabet=st.sampled_from("ab1 " + LINE_BREAKS + SPACES + TYPOGRAPHY), max_size=60))
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


def test_case_variants_beyond_ascii_are_all_there() -> None:
    """Every code point beyond ASCII that re.IGNORECASE takes for an ASCII one is listed."""
    ascii_char = re.compile("[\x00-\x7f]", re.IGNORECASE)
    found = {
        chr(code) for code in range(0x80, sys.maxunicode + 1) if ascii_char.fullmatch(chr(code))
    }
    assert found == set(_CASE_VARIANTS_BEYOND_ASCII)


@given(
    st.text(alphabet=st.sampled_from("UNITEDunited isSkKıİſ\u212aé?\n"), max_size=30),
    st.sampled_from(["United in", "sit", "kis", "Is"]),
)
def test_may_match_ignoring_case_misses_no_match(text: str, literal: str) -> None:
    if re.search(re.escape(literal), text, re.IGNORECASE):
        assert may_match_ignoring_case(text, literal)
    if text.isascii():  # then the answer is exact
        assert may_match_ignoring_case(text, literal) == bool(
            re.search(re.escape(literal), text, re.IGNORECASE)
        )


def test_every_white_space_but_the_space_is_unprintable() -> None:
    """What normalise_space's shortcut rests on, for every code point."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char != " " and not char.split():  # str.split() takes it for white space
            assert not char.isprintable(), hex(code)


@given(st.text(alphabet=st.sampled_from("ab " + LINE_BREAKS + SPACES + CONTROLS), max_size=30))
def test_normalise_space_is_split_and_join(text: str) -> None:
    assert normalise_space(text) == " ".join(text.split())


@given(st.text(alphabet=st.sampled_from("ab  \u2000"), max_size=12))
def test_normalise_space_is_split_and_join_on_printable_text(text: str) -> None:
    assert normalise_space(text) == " ".join(text.split())


_PARAGRAPH_NUM = re.compile(r"^(\d+)\s*([a-z]*)$")
_RECITAL_NUM = re.compile(r"^([A-Z]+)\s*([a-z]*)$")


def _base_by_pattern(clause: Clause) -> tuple[int, ...] | None:
    """sequence._base as it was before its shortcut: the patterns alone."""
    if clause.kind is ClauseKind.PARAGRAPH:
        match = _PARAGRAPH_NUM.match(clause.num)
        return (int(match.group(1)),) if match else None
    match = _RECITAL_NUM.match(clause.num)
    return letters_value(match.group(1)) if match else None


@given(
    st.text(alphabet=st.sampled_from("019AZaz ²٣\nÉ"), max_size=5),
    st.sampled_from([ClauseKind.PARAGRAPH, ClauseKind.RECITAL]),
)
def test_clause_number_base_is_the_patterns(num: str, kind: ClauseKind) -> None:
    clause = Clause(kind=kind, num=num, text="", eid="")
    assert _base(clause) == _base_by_pattern(clause)


@given(st.text(alphabet=st.sampled_from("09AZaz .()²É_"), max_size=6))
def test_nc_number_is_the_pattern(printed: str) -> None:
    assert nc_number(printed) == re.sub(r"[^A-Za-z0-9]", "", printed)


def test_other_white_space_is_every_white_space_but_space_and_line_feed() -> None:
    found = {chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()}
    assert found - {" ", "\n"} == set(_OTHER_WHITE_SPACE)


# White space, and page noise in other cases than the page-noise pattern's
INSERTS = [" ", "  ", "\t", "\u00a0", "\u2005", "\u1680", "\u3000", "\u200b", "\r\n", "\n- "]
INSERTS += ["\nUNITED IN DIVERSITY\n", "\nunited in diversity PE\n"]


@st.composite
def mangled_texts(draw: st.DrawFn) -> str:
    """An emitted resolution with white space and page noise put in between its words."""
    words = emit_text(draw(resolutions())).split(" ")
    for _ in range(draw(st.integers(0, 6))):
        index = draw(st.integers(0, len(words) - 1))
        words[index] += draw(st.sampled_from(INSERTS))
    return " ".join(words)


@settings(max_examples=150, deadline=None)
@given(mangled_texts())
def test_reader_shortcuts_leave_the_resolution_as_it_was(text: str) -> None:
    """Reading with the document-wide shortcuts gives what reading without them gives
    (the same resolution, or the same error for a text mangled out of being one)."""
    read = _outcome(text)
    with (
        patch.object(body, "only_spaces_and_line_feeds", return_value=False),
        patch.object(body, "may_match_ignoring_case", return_value=True),
    ):
        assert _outcome(text) == read


def _outcome(text: str) -> Resolution | str:
    try:
        return parse_text(text, "generated")
    except ParseError as error:
        return str(error)


def test_closing_phrases_are_words_between_single_spaces() -> None:
    """What _opens_with_closing's collapsed reading rests on, in every language."""
    for phrases in all_languages():
        for phrase in phrases.data.words("closing"):
            assert phrase == " ".join(phrase.split()), (phrases.code, phrase)


PHRASE = ["Instructs", "its", "President", "to", "forward"]  # the English closing phrase


@st.composite
def paragraph_parts(draw: st.DrawFn) -> list[str]:
    """Lines of a paragraph that often starts with the closing phrase (in other cases,
    cut short, run on), with odd white space between its words."""
    start = draw(st.sampled_from([PHRASE, [w.upper() for w in PHRASE], PHRASE[:3], []]))
    if start and draw(st.booleans()):
        start = [*start[:-1], start[-1] + draw(st.sampled_from(["x", ",", "-"]))]
    others = draw(st.lists(st.sampled_from(["the", "a-", "b", ".", "forward"]), max_size=12))
    tokens = [*start, *others] or ["a"]
    gaps = [draw(st.sampled_from([" ", " ", "\u2004", " \u2004 ", "\t"])) for _ in tokens]
    cuts = set(draw(st.lists(st.integers(1, len(tokens)), max_size=6)))
    parts, line = [], tokens[0]
    for index in range(1, len(tokens)):  # a cut ends a line: the reader joins lines by a space
        if index in cuts:
            parts.append(line)
            line = tokens[index]
        else:
            line += gaps[index] + tokens[index]
    return [*parts, line]


@settings(max_examples=300)
@given(paragraph_parts(), st.sampled_from([8, 16, 40, 4096]))
def test_opens_with_closing_is_the_pattern_on_the_joined_text(parts: list[str], head: int) -> None:
    """Paragraph by paragraph, line by line, with heads short enough to be exceeded."""
    english = all_languages()[0]
    parser = body._BodyParser(english)
    draft = ClauseDraft(ClauseKind.PARAGRAPH, "1", [], [1])
    with patch.object(body, "CLOSING_HEAD", head):
        for part in parts:  # the paragraph grows line by line, asked each time
            if draft.parts and draft.parts[-1].endswith("-"):  # a word hyphenated at the end
                draft.parts[-1] = draft.parts[-1][:-1] + part
            else:
                draft.parts.append(part)
            expected = english.closing.match(" ".join(draft.parts)) is not None
            assert parser._opens_with_closing(draft) == expected


def test_head_is_the_start_of_the_joined_parts() -> None:
    parts = ["ab", "", "cde", "f"]
    for size in range(12):
        assert body._head(parts, size) == " ".join(parts)[:size]


@given(
    st.lists(
        st.tuples(
            st.sampled_from([",", ";", ".", "a"]),
            st.sampled_from([" ", "\u2004", "", "  "]),
            st.sampled_from(["-", "–", "—", "x"]),
            st.sampled_from([" ", ""]),
            st.sampled_from(["having regard to", "vu", "gestützt auf", "word"]),
        ).map("".join),
        max_size=4,
    ),
    st.sampled_from([language("en"), language("fr"), language("de")]),
)
def test_inline_citations_split_only_after_punctuation_and_dash(
    pieces: list[str], phrases: LanguagePhrases
) -> None:
    content = "a" + "".join(pieces)
    if not body._DASH_AFTER_PUNCTUATION.search(content):
        assert phrases.citation_inline.split(content) == [content]


NOISE = ["pe 123.456v01-00", "RC\\1234567EN.docx x", "12/30", "Page 3 of 4", "total page:3"]
NOISE += ["File Type: pdf", "file type:x", "٣/١", "rc\\12345XX.docx"]
ALPHABET = "PpEeRrCcTtFfAaGgOoLlYy0123456789٣ /.:\\-–•*vxd"


@given(st.one_of(st.sampled_from(NOISE), st.text(alphabet=st.sampled_from(ALPHABET), max_size=24)))
def test_page_noise_and_bullet_start_with_the_listed_characters(text: str) -> None:
    first = text[:1]
    if body._PAGE_NOISE_NO_MOTTO.match(text):
        assert first in body._NOISE_FORM_STARTS or first.isdecimal()
    assert bool(body._BULLET.match(text)) == (first in body._BULLET_CHARS)


def test_noise_lines_are_noise() -> None:
    assert all(body._PAGE_NOISE_NO_MOTTO.match(line) for line in NOISE)


def test_noise_form_starts_have_no_other_case_variants() -> None:
    letters = re.compile("[prtf]", re.IGNORECASE)
    found = {chr(code) for code in range(sys.maxunicode + 1) if letters.fullmatch(chr(code))}
    assert found == set(body._NOISE_FORM_STARTS)
