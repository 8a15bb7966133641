"""Bad and hostile input: one line on stderr naming the file and the problem, exit 2, no
traceback and no output file. The cases live in tests/data/bad/ with their expected message."""

from __future__ import annotations

import json
import os

import pytest

from tests.conftest import DATA, SEED, run_cli

BAD = DATA / "bad"
EXPECTED: dict[str, str] = json.loads((BAD / "expected.json").read_text("utf-8"))


def check_refused(result, name: str, message: str, output) -> None:
    assert result.returncode == 2, (name, result.stdout[:200], result.stderr)
    assert result.stderr.count("\n") == 1, result.stderr
    line = result.stderr.strip()
    assert line.startswith("amendtool: error: ") and name in line and message in line, line
    assert "Traceback" not in result.stderr
    assert not output.exists()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_convert_refuses(name: str, tmp_path) -> None:
    output = tmp_path / "out.xml"
    result = run_cli("convert", str(BAD / name), "-o", str(output))
    check_refused(result, name, EXPECTED[name], output)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_diff_refuses(name: str, tmp_path) -> None:
    output = tmp_path / "report.html"
    result = run_cli("diff", str(SEED), str(BAD / name), "--format", "html", "-o", str(output))
    check_refused(result, name, EXPECTED[name], output)


def test_directory_missing_file_and_too_large(tmp_path) -> None:
    output = tmp_path / "out.xml"
    check_refused(
        run_cli("convert", str(tmp_path), "-o", str(output)),
        str(tmp_path),
        "is a directory",
        output,
    )
    check_refused(
        run_cli("convert", str(tmp_path / "gone.txt"), "-o", str(output)),
        "gone.txt",
        "no such file",
        output,
    )
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # sparse: no 51 MB written to disk
        handle.truncate(51 * 1024 * 1024)
    check_refused(
        run_cli("convert", str(huge), "-o", str(output)),
        "huge.txt",
        "file too large (limit 50 MB)",
        output,
    )


def test_output_into_a_missing_folder(tmp_path) -> None:
    result = run_cli("convert", str(SEED), "-o", str(tmp_path / "no" / "such" / "out.xml"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(SEED.read_text("utf-8"), encoding="utf-8")
    locked.chmod(0)
    result = run_cli("convert", str(locked))
    assert result.returncode == 2 and "cannot read file" in result.stderr
