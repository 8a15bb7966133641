"""The API page builds from the docstrings without warnings, and its examples pass."""

from __future__ import annotations

from pathlib import Path

import pytest

sphinx_build = pytest.importorskip("sphinx.cmd.build", reason="sphinx is in the test extra")

DOCS = Path(__file__).resolve().parents[1] / "docs"
API = ("read", "compare", "render", "to_akn", "validate", "provenance", "history")


def test_api_page_builds_and_documents_every_function(tmp_path: Path) -> None:
    status = sphinx_build.build_main(["-q", "-W", "-b", "html", str(DOCS), str(tmp_path)])
    assert status == 0
    page = (tmp_path / "index.html").read_text("utf-8")
    for name in API:
        assert f'id="amendtool.{name}"' in page, name


def test_api_examples_pass_under_sphinx_doctest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(DOCS.parent)
    status = sphinx_build.build_main(["-q", "-b", "doctest", str(DOCS), str(tmp_path)])
    summary = (tmp_path / "output.txt").read_text("utf-8")
    assert status == 0, summary
    assert "0 failures in tests" in summary
    assert int(summary.split(" tests in ")[0].split()[-1]) >= len(API)
