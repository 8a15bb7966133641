"""`amendtool diff` as a user runs it: exit codes, formats, files, colour."""

from __future__ import annotations

import json

from tests.conftest import SAMPLES, SEED, run_cli

V1, V2 = str(SAMPLES / "kazakhstan.v1.txt"), str(SAMPLES / "kazakhstan.v2.txt")


def test_differences_exit_1_with_report_and_summary() -> None:
    result = run_cli("diff", V1, V2)
    assert result.returncode == 1, result.stderr
    assert "Recital E -> I, moved\n" in result.stdout
    assert "Paragraphs 5 and 6 merged into 5" in result.stdout
    assert "Recital A -> B, unchanged" not in result.stdout  # unchanged only with --all
    assert result.stdout.rstrip().splitlines()[-1].startswith("Summary: 38 clauses -> 39:")
    assert "\x1b[" not in result.stdout


def test_same_content_exits_0() -> None:
    result = run_cli("diff", str(SEED), str(SEED))
    assert result.returncode == 0
    assert "No differences in content." in result.stdout


def test_all_shows_unchanged_clauses() -> None:
    result = run_cli("diff", "--all", V1, V2)
    assert "Recital A -> B, unchanged (relettered)" in result.stdout


def test_color_is_forced_or_refused() -> None:
    assert "\x1b[31;9m" in run_cli("diff", "--color", V1, V2).stdout
    assert "\x1b[" not in run_cli("diff", "--no-color", V1, V2).stdout


def test_json_to_file_is_written_whole(tmp_path) -> None:
    out = tmp_path / "report.json"
    result = run_cli("diff", "--format", "json", "-o", str(out), V1, V2)
    assert result.returncode == 1
    assert result.stdout == ""
    data = json.loads(out.read_text("utf-8"))
    assert data["statistics"]["by_relation"]["split"] == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_unreadable_input_exits_2_without_output(tmp_path) -> None:
    out = tmp_path / "report.json"
    result = run_cli("diff", V1, str(tmp_path / "missing.txt"), "-o", str(out))
    assert result.returncode == 2
    assert result.stderr.strip().endswith("missing.txt: no such file")
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_section_option() -> None:
    result = run_cli("diff", "--section", "paragraphs", V1, V2)
    assert "Recital" not in result.stdout
    assert "Paragraph 10, deleted" in result.stdout


def test_html_markdown_and_akn_formats(tmp_path) -> None:
    html_file = tmp_path / "report.html"
    assert run_cli("diff", "--format", "html", "-o", str(html_file), V1, V2).returncode == 1
    page = html_file.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Content-Security-Policy" in page and "http://" not in page.split("<body")[0]
    markdown = run_cli("diff", "--format", "markdown", V1, V2).stdout
    assert "### Paragraphs 5 and 6 merged into 5" in markdown
    akn = run_cli("diff", "--format", "akn", V1, V2).stdout
    assert "<amendmentList" in akn
    xml = tmp_path / "amendments.xml"
    xml.write_text(akn, encoding="utf-8")
    assert run_cli("validate", str(xml)).returncode == 0


def test_amendments_command_labels_by_the_first_draft() -> None:
    result = run_cli("amendments", V1, V2)
    assert result.returncode == 1
    assert "### Amendment 1\n" in result.stdout
    assert "**Motion for a resolution** – **Recital -A (new)**" in result.stdout
    assert "**Motion for a resolution** – **Paragraph 12 a (new)**" in result.stdout
    assert "| *deleted* |" in result.stdout
    page = run_cli("amendments", "--format", "html", V1, V2).stdout
    assert "<h2>Amendment 23</h2>" in page


def test_markdown_escapes_document_text(tmp_path) -> None:
    template = (
        "The European Parliament,\n- having regard to x,\n1. Calls on {};\n"
        "2. Instructs its President to forward this resolution.\n"
    )
    old, new = tmp_path / "a.txt", tmp_path / "b.txt"
    old.write_text(template.format("the Council"), encoding="utf-8")
    new.write_text(template.format("the Council <script>alert(1)</script> | *now*"), "utf-8")
    markdown = run_cli("diff", "--format", "markdown", str(old), str(new)).stdout
    assert "<script>" not in markdown
    assert "\\<script\\>" in markdown and "\\|" in markdown and "\\*now\\*" in markdown
