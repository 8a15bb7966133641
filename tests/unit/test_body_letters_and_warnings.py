"""Recital letters in every layout, and the reader's warnings about numbers and dropped
lines (issue 9)."""

from __future__ import annotations

import pytest

from amendtool.textparse import parse_text

HEAD = "The European Parliament,\n- having regard to its resolutions on Kazakhstan,\n"
END = "1. Calls on the authorities to act;\n2. Instructs its President to forward this.\n"


@pytest.mark.parametrize(
    ("recitals", "letters"),
    [
        ("A. whereas one;\nB. whereas two;\n", ["A", "B"]),
        ("A.\nwhereas one;\nB.\nwhereas two;\n", ["A", "B"]),  # the letter on its own line
        ("A .\nwhereas one;\nB.whereas two;\n", ["A", "B"]),
        ("Z. whereas one;\nAA. whereas two;\nAB.whereas three;\n", ["Z", "AA", "AB"]),
        ("ZZ. whereas one;\nAAA. whereas two;\nAAB.\nwhereas three;\n", ["ZZ", "AAA", "AAB"]),
        ("ZZ  whereas one;\nAAA  whereas two;\n", ["ZZ", "AAA"]),  # no period
    ],
)
def test_recital_letters(recitals: str, letters: list[str]) -> None:
    resolution = parse_text(HEAD + recitals + END)
    assert [r.num for r in resolution.recitals] == letters
    assert [r.eid for r in resolution.recitals] == [f"rec_{x}" for x in letters]
    assert all(r.text.startswith("whereas") for r in resolution.recitals)
    assert not resolution.unclassified


def test_lost_list_lettering_on_its_own_line_is_still_a_recital() -> None:
    resolution = parse_text(HEAD + "1.\nwhereas one;\n2.\nwhereas two;\n" + "3. Calls on all;\n")
    assert [(r.num, r.text) for r in resolution.recitals] == [
        ("1", "whereas one;"),
        ("2", "whereas two;"),
    ]
    assert [p.num for p in resolution.paragraphs] == ["3"]


def test_a_jump_in_numbering_and_a_missing_number_are_warned() -> None:
    text = (
        HEAD
        + "A. whereas one;\nC. whereas three;\n"
        + "1. Calls on the Council;\nStrongly urges the Commission to act now;\n"
        + "3. Instructs its President to forward this.\n"
    )
    warnings = parse_text(text).warnings
    assert "recital numbering jumps from A to C: a number may be missing" in warnings
    assert "paragraph numbering jumps from 1 to 3: a number may be missing" in warnings
    assert any("text not recognised as a clause" in w for w in warnings)


def test_recital_letters_in_sequence_are_not_warned() -> None:
    recitals = "".join(
        f"{letter}. whereas {n};\n" for n, letter in enumerate(["Y", "Z", "AA", "AB"])
    )
    word_style = "".join(f"{x}. whereas {x};\n" for x in ["Z", "AA", "BB", "CC"])
    assert parse_text(HEAD + recitals + END).warnings == ()
    assert parse_text(HEAD + word_style + END).warnings == ()


def test_a_short_line_before_a_later_paragraph_does_not_end_the_text() -> None:
    text = (
        HEAD
        + "1. Calls on the authorities to act;\nStrongly urges the Council\n"
        + ("2. Calls on the Commission to act;\n3. Instructs its President to forward this.\n")
    )
    resolution = parse_text(text)
    assert [p.num for p in resolution.paragraphs] == ["1", "2", "3"]
    assert [b.text for b in resolution.unclassified] == ["Strongly urges the Council"]
    assert not resolution.dropped


def test_dropped_lines_that_read_like_text_are_warned() -> None:
    text = HEAD + END + "Recommended\nThe Council shall report to Parliament on the situation.\n"
    resolution = parse_text(text)
    assert {f.text for f in resolution.dropped} == {
        "Recommended",
        "The Council shall report to Parliament on the situation.",
    }
    assert [w for w in resolution.warnings if "reads like text" in w] == [
        "line 6: dropped (after the end of the resolution) but reads like text: "
        "'The Council shall report to Parliament on the situation.'"
    ]


def test_paragraph_numbers_up_to_six_digits_are_numbers() -> None:
    """A generated 46 MB draft numbers its paragraphs past 99,999; seven digits is no
    paragraph number (a 50 MB input cannot hold a million numbered paragraphs of text)."""
    text = (
        HEAD + "99999. Calls for calm;\n100000. Calls for dialogue;\n123456 a. Calls for talks;\n"
    )
    text += "1234567. Calls for more;\n100001. Instructs its President to forward this.\n"
    parsed = parse_text(text)
    assert [p.num for p in parsed.paragraphs] == ["99999", "100000", "123456a", "100001"]
    assert [block.text for block in parsed.unclassified] == ["1234567. Calls for more;"]
