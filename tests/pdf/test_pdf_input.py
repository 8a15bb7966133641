"""Real PDF files: samples printed in headless Chromium, read back through the text layer.

Each printed sample must read back as the same resolution as its text: same metadata,
and a comparison that finds no difference at all. Where Chromium is missing these tests
are skipped with a reason that `pytest -ra` prints.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import amendtool
from amendtool.errors import InputError
from amendtool.extract.pdf_text import (
    _gutter,
    _pages,
    _rejoin_compounds,
    _rows,
    pdf_to_text,
)
from amendtool.extract.sniff import looks_like_pdf
from amendtool.inputs import detect_format
from tests.conftest import DATA, SAMPLES, run_cli
from tests.pdf.printing import CHROMIUM, NO_CHROMIUM, print_pdf

needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)
PRINTED = [
    "kazakhstan.v2.txt",  # four pages of a joint motion
    "kazakhstan-joint-pdf.txt",  # PDF furniture, brace columns, hyphenated words
    "kazakhstan-adopted.txt",  # OJ layout: no bullets before the citations, footnotes
    "kazakhstan-fr.txt",
    "kazakhstan-subpoints.txt",
]


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """(sample name, columns) -> the path of the printed PDF."""
    folder = tmp_path_factory.mktemp("pdf")
    made = {}

    def make(name: str, columns: int):
        if (name, columns) not in made:
            target = folder / f"{name}.{columns}col.pdf"
            text = (SAMPLES / name).read_text("utf-8")
            made[name, columns] = print_pdf(text, target, columns, keep_compounds=columns == 2)
        return made[name, columns]

    return make


def assert_same_resolution(name: str, pdf) -> None:
    original = amendtool.read(SAMPLES / name)
    from_pdf = amendtool.read(pdf)
    assert from_pdf.meta == original.meta
    report = amendtool.compare(original, from_pdf)
    changed = [c for c in report.changes if c.relation.value != "unchanged"]
    assert not changed, amendtool.render(report, "text")
    assert len(from_pdf.clauses) == len(original.clauses)
    assert from_pdf.unclassified == ()


@needs_chromium
@pytest.mark.parametrize("name", PRINTED)
def test_one_column_print_reads_back_the_same(name, printed) -> None:
    assert_same_resolution(name, printed(name, 1))


@needs_chromium
@pytest.mark.parametrize("name", ["kazakhstan.v2.txt", "kazakhstan-adopted.txt"])
def test_two_column_print_reads_column_by_column(name, printed) -> None:
    pdf = printed(name, 2)
    pages = list(_pages(pdf.read_bytes(), str(pdf)))
    assert len(pages) >= 2
    for glyphs, width in pages:  # every page really is set in two columns
        assert _gutter(_rows(glyphs), width) is not None
    assert_same_resolution(name, pdf)


@needs_chromium
def test_hyphenated_words_and_page_furniture(printed) -> None:
    pdf = printed("kazakhstan-joint-pdf.txt", 1)
    resolution = amendtool.read(pdf)
    texts = " ".join(clause.text for clause in resolution.clauses)
    assert "international investigation of the events" in texts  # "investi-" / "gation"
    assert "Zhanaozen district" in texts
    assert "United in diversity" not in texts and "RC1" not in texts
    assert (
        resolution.meta.numbers == amendtool.read(SAMPLES / "kazakhstan-joint-pdf.txt").meta.numbers
    )


@needs_chromium
def test_cli_reads_a_pdf_and_diffs_it_against_text(printed, tmp_path) -> None:
    pdf = printed("kazakhstan.v2.txt", 1)
    result = run_cli("diff", str(SAMPLES / "kazakhstan.v1.txt"), str(pdf), "--format", "json")
    from_text = run_cli(
        "diff",
        str(SAMPLES / "kazakhstan.v1.txt"),
        str(SAMPLES / "kazakhstan.v2.txt"),
        "--format",
        "json",
    )
    assert result.returncode == 1, result.stderr
    import json

    ours, theirs = json.loads(result.stdout), json.loads(from_text.stdout)
    assert ours["statistics"] == theirs["statistics"]
    assert [c["headline"] for c in ours["changes"]] == [c["headline"] for c in theirs["changes"]]


def test_detected_by_content_not_by_name(tmp_path) -> None:
    data = (DATA / "bad" / "scanned.pdf").read_bytes()
    assert looks_like_pdf(data) and detect_format(data) == "pdf"
    assert detect_format(b"\n %PDF-1.7\n") == "pdf"
    assert detect_format(b"The European Parliament,\n%PDF- is a header\n") == "text"
    renamed = tmp_path / "motion.txt"
    renamed.write_bytes(data)
    with pytest.raises(InputError, match="PDF without a text layer"):
        amendtool.read(renamed)


def test_scanned_pdf_is_one_line_error() -> None:
    result = run_cli("diff", str(SAMPLES / "kazakhstan.v1.txt"), str(DATA / "bad" / "scanned.pdf"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "scanned.pdf: PDF without a text layer (a scanned image?)" in result.stderr
    assert "OCR" in result.stderr


def test_compound_broken_at_its_hyphen_keeps_it() -> None:
    lines = [
        "1. Calls on all groups to re-",
        "register within a month and asks whether groups that re-register keep their names;",
        "2. Calls for an independent investi-",
        "gation of the events;",
    ]
    assert _rejoin_compounds(lines) == [
        "1. Calls on all groups to re-register within a month and asks whether groups that "
        "re-register keep their names;",
        "2. Calls for an independent investi-",  # hyphenation: the body reader drops it
        "gation of the events;",
    ]
    resolution = amendtool.read(
        ("The European Parliament,\n" + "\n".join(_rejoin_compounds(lines))).encode()
    )
    assert [c.text for c in resolution.paragraphs][1] == (
        "Calls for an independent investigation of the events;"
    )


_SCANNED = (DATA / "bad" / "scanned.pdf").read_bytes()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(0, len(_SCANNED)), noise=st.binary(max_size=64))
def test_damaged_pdfs_give_one_clean_error(cut: int, noise: bytes) -> None:
    """A PDF cut short or with bytes spliced in: an InputError, never another exception."""
    data = _SCANNED[:cut] + noise + _SCANNED[cut + len(noise) :]
    if not looks_like_pdf(data):
        return
    with pytest.raises(InputError, match=r"PDF"):
        pdf_to_text(data, "damaged.pdf")
