"""EP target labels, one labelled case per line."""

from __future__ import annotations

import pytest

from amendtool.amendments.apply import parse_only
from amendtool.amendments.consolidate import recital_letter
from amendtool.amendments.justifications import parse_justifications
from amendtool.amendments.labels import (
    IN_PLACE,
    ClauseName,
    Position,
    letters,
    ordinal_of,
    parse_positions,
    parse_target,
)
from amendtool.amendments.tabled import positions_in_note
from amendtool.errors import InputError
from amendtool.model import ClauseKind

C, R, P = ClauseKind.CITATION, ClauseKind.RECITAL, ClauseKind.PARAGRAPH

TARGETS = [
    ("Recital C", ((ClauseName(R, "C"),), None)),
    ("Citation 3", ((ClauseName(C, "3"),), None)),
    ("Paragraph 4a", ((ClauseName(P, "4a"),), None)),
    ("Paragraphs 5 and 6", ((ClauseName(P, "5"), ClauseName(P, "6")), None)),
    ("Citations 1, 2 and 3", ((ClauseName(C, "1"), ClauseName(C, "2"), ClauseName(C, "3")), None)),
    ("Recital Q and Paragraph 1", ((ClauseName(R, "Q"), ClauseName(P, "1")), None)),
    ("Recital B a (new)", ((), Position(R, "B", 0))),
    ("Recital Ba (new)", ((), Position(R, "B", 0))),  # letters glued on, as some write it
    ("Paragraph 4 b (new)", ((), Position(P, "4", 1))),
    ("Paragraph 4a (new)", ((), Position(P, "4", 0))),
    ("Citation 6 a (new)", ((), Position(C, "6", 0))),
    ("Recital -A (new)", ((), Position(R, None, 0))),
    ("Recital -B (new)", ((), Position(R, None, 1))),
    ("Paragraph -1 (new)", ((), Position(P, None, 0))),
    ("Paragraph 12 aa (new)", ((), Position(P, "12", 26))),
    ("  Recital   C ", ((ClauseName(R, "C"),), None)),  # spacing as typed
]


@pytest.mark.parametrize(("text", "expected"), TARGETS, ids=[t for t, _ in TARGETS])
def test_target_is_read(text, expected) -> None:
    assert parse_target(text) == expected


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Paragraph 4 – point b", "part of a clause"),
        ("Annex 3", "unknown kind of clause 'Annex'"),
        ("Recital B a (new) and Recital C", "mixes new and existing"),
        ("4", "names no citation, recital or paragraph"),
        ("Recital C d", "cannot read the target"),
    ],
)
def test_target_that_cannot_be_applied_is_refused(text, problem) -> None:
    with pytest.raises(ValueError, match=problem):
        parse_target(text)


@pytest.mark.parametrize(
    ("position", "label"),
    [
        (Position(R, "C", IN_PLACE), "Recital C"),
        (Position(R, "C", 0), "Recital C a (new)"),
        (Position(R, "C", 27), "Recital C bb (new)"),
        (Position(R, None, 0), "Recital -A (new)"),
        (Position(P, None, 2), "Paragraph -3 (new)"),
        (Position(C, None, 0), "Citation -1 (new)"),
    ],
)
def test_position_label_reads_back(position, label) -> None:
    assert position.label == label
    assert parse_positions(label) == (position,)


def test_letters_and_their_inverse() -> None:
    assert [letters(n) for n in (0, 25, 26, 27, 52)] == ["a", "z", "aa", "bb", "aaa"]
    assert [ordinal_of(letters(n)) for n in range(80)] == list(range(80))
    with pytest.raises(ValueError):
        ordinal_of("ab")


def test_recitals_are_relettered_spreadsheet_style() -> None:
    assert [recital_letter(n) for n in (0, 25, 26, 27, 51, 52, 701, 702)] == [
        "A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA",
    ]  # fmt: skip


def test_notes_state_the_places() -> None:
    assert positions_in_note("Moved to Recital I a (new).") == (Position(R, "I", 0),)
    assert positions_in_note("Split into Paragraph 3 and Paragraph 3 a (new).") == (
        Position(P, "3", IN_PLACE),
        Position(P, "3", 0),
    )
    assert positions_in_note("Paragraphs 5 and 6 merged into Paragraph 5.") == (
        Position(P, "5", IN_PLACE),
    )
    assert positions_in_note("The Commission agreed to this wording.") == ()


@pytest.mark.parametrize(
    ("text", "numbers"),
    [("1", [1]), ("1,3,5-7", [1, 3, 5, 6, 7]), (" 2 , 4 ", [2, 4]), ("3-3", [3])],
)
def test_only_selection(text, numbers) -> None:
    assert parse_only(text) == numbers


@pytest.mark.parametrize("text", ["", "a", "1,,2", "5-3", "1-", "-2", "1-999999"])
def test_bad_only_selection(text) -> None:
    with pytest.raises(ValueError):
        parse_only(text)


def test_justification_file_blocks() -> None:
    text = (
        "Amendment 3\nThe statements are of the same day.\n\n"
        "Amendment 7:\nA new recital.\nSecond line.\n"
    )
    assert parse_justifications(text, "j.txt") == (
        (3, "The statements are of the same day."),
        (7, "A new recital.\nSecond line."),
    )
    with pytest.raises(InputError, match=r"j.txt:1: text before the first 'Amendment N' line"):
        parse_justifications("Loose text\nAmendment 1\nx\n", "j.txt")
    with pytest.raises(InputError, match=r"j.txt:3: a second justification of amendment 1"):
        parse_justifications("Amendment 1\nx\nAmendment 1\ny\n", "j.txt")
