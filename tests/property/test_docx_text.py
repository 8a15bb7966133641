"""The DOCX reader gives back every character Word shows: paragraphs and table cells built
with python-docx from generated text come out unchanged, in order, numbered lists with
the numbers Word prints (what the text reader's conservation property then takes over)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from amendtool.extract.docx_text import docx_to_text
from tests.docx_fixtures import EP_NUMBERING, PARAGRAPHS, docx_bytes, new_document, numbered

# printable text as Word can hold it: no control characters, no non-characters
line = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cc", "Cs", "Co", "Zl", "Zp"), blacklist_characters="\ufffe\uffff"
    ),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(st.lists(line, min_size=1, max_size=8), st.lists(st.tuples(line, line), max_size=3))
def test_paragraphs_and_cells_come_back_exactly(paragraphs, rows) -> None:
    document = new_document()
    for text in paragraphs:
        document.add_paragraph(text)
    if rows:
        table = document.add_table(rows=len(rows), cols=2)
        for index, (left, right) in enumerate(rows):
            table.cell(index, 0).text, table.cell(index, 1).text = left, right
    lines = docx_to_text(docx_bytes(document), "generated.docx").split("\n")
    assert lines == paragraphs + [f"{left} {right}" for left, right in rows]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2), line), min_size=1, max_size=12))
def test_numbered_paragraphs_get_the_numbers_word_prints(items) -> None:
    document = new_document()
    for level, text in items:
        numbered(document.add_paragraph(text), PARAGRAPHS, level)
    lines = docx_to_text(docx_bytes(document, numbering=EP_NUMBERING), "lists.docx").split("\n")
    counters = [0, 0, 0]
    expected = []
    for level, text in items:
        counters[level] += 1
        counters[level + 1 :] = [0] * (2 - level)
        value = counters[level]
        label = [f"{value}.", f"({chr(ord('a') + (value - 1) % 26) * ((value - 1) // 26 + 1)})"]
        roman = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
        label.append(f"({roman[value - 1]})")
        expected.append(f"{label[level]} {text}")
    assert lines == expected
