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
