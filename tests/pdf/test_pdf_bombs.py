"""PDF streams are inflated within a budget: a decompression bomb is a one-line error,
read with bounded memory (issue 17's rule for every input, applied to the PDF reader)."""

from __future__ import annotations

import tracemalloc
import zlib

import pytest

from amendtool.errors import InputError
from amendtool.extract.pdf_limits import BUDGET_FLOOR
from amendtool.extract.pdf_text import pdf_to_text
from tests.conftest import run_cli
from tests.pdf.handmade import pdf_with_content

TEXT = b"BT /F1 12 Tf 72 700 Td (The European Parliament,) Tj ET\n"


def test_a_small_honest_pdf_reads() -> None:
    assert pdf_to_text(pdf_with_content(zlib.compress(TEXT)), "ok.pdf") == (
        "The European Parliament,\n"
    )


def test_a_flate_bomb_is_refused_with_bounded_memory() -> None:
    inflated = 8 * BUDGET_FLOOR  # 256 MB of spaces from a file of about 250 KB
    bomb = pdf_with_content(zlib.compress(TEXT + b" " * inflated, 9))
    assert len(bomb) < inflated // 500
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="inflate to far more than the file's size"):
            pdf_to_text(bomb, "bomb.pdf")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5 * BUDGET_FLOOR  # never the whole stream (8 floors)


def test_the_cli_names_the_bomb_in_one_line(tmp_path) -> None:
    path = tmp_path / "motion.pdf"
    path.write_bytes(pdf_with_content(zlib.compress(TEXT + b" " * (3 * BUDGET_FLOOR), 9)))
    result = run_cli("convert", str(path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "motion.pdf" in lines[0] and "decompression bomb" in lines[0]
