"""The public API: documented examples run, and every renderer is reached through the registry."""

from __future__ import annotations

import doctest
import os
import subprocess
import sys
from pathlib import Path

import pytest

import amendtool
from amendtool.errors import InputError
from amendtool.renderers.registry import RENDERERS, formats
from amendtool.renderers.validation_report import Verdict

ROOT = Path(__file__).resolve().parents[2]
V1, V2 = ROOT / "samples/kazakhstan.v1.txt", ROOT / "samples/kazakhstan.v2.txt"


def test_docstring_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = doctest.testmod(amendtool, extraglobs={"amendtool": amendtool}, verbose=False)
    assert result.attempted >= 10
    assert result.failed == 0


def test_function_and_subpackage_both_import() -> None:
    code = "import amendtool, amendtool.diffing.report; print(callable(amendtool.compare))"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "True"


def test_import_is_light() -> None:
    heavy = "{'lxml', 'diff_match_patch', 'fast_diff_match_patch', 'rapidfuzz', 'orjson', 'docx'}"
    code = f"import sys, amendtool; print(sorted({heavy} & set(sys.modules)))"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "[]"


def test_read_bytes_and_path_agree() -> None:
    from_path = amendtool.read(V1)
    from_bytes = amendtool.read(V1.read_bytes(), name=str(V1))
    assert from_bytes == from_path


def test_read_with_a_forced_format_refuses_an_unknown_one() -> None:
    with pytest.raises(InputError, match="unknown input format 'pdfx'"):
        amendtool.read(V1.read_bytes(), format="pdfx")


@pytest.mark.parametrize(
    ("product", "output_format"),
    [(product, output_format) for product in RENDERERS for output_format in formats(product)],
)
def test_every_registered_renderer_renders_the_sample(product: str, output_format: str) -> None:
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1331769600")
    old, new = amendtool.read(V1), amendtool.read(V2)
    subject: object = {
        "diff": amendtool.compare(old, new),
        "amendments": amendtool.compare(old, new),
        "provenance": amendtool.provenance(new, [old]),
        "history": amendtool.history([old, new]),
        "document": new,
        "validation": Verdict("Kazakhstan.xml", tuple(amendtool.validate(amendtool.to_akn(new)))),
    }[product]
    rendered = amendtool.render(subject, output_format, product=product)
    if output_format == "docx":
        from amendtool.extract.docx_text import docx_to_text

        assert isinstance(rendered, bytes)
        text = docx_to_text(rendered, output_format)
    else:
        text = rendered.decode("utf-8") if isinstance(rendered, bytes) else rendered
    # every format names the joint motion's number somewhere in its output; a validation
    # verdict names the file it checked
    assert ("Kazakhstan.xml" if product == "validation" else "RC-B7-0135/2012") in text


def test_render_refuses_a_format_the_product_lacks() -> None:
    report = amendtool.compare(V1, V2)
    with pytest.raises(ValueError, match="history has no 'akn' format"):
        amendtool.render(amendtool.history([V1, V2]), "akn")
    assert amendtool.render(report, "json").startswith("{")


def test_to_akn_is_schema_valid_and_reads_back() -> None:
    resolution = amendtool.read(V2)
    xml = amendtool.to_akn(resolution, markup_date="2012-03-15")
    assert amendtool.validate(xml) == []
    assert amendtool.read(xml).clauses == resolution.clauses
