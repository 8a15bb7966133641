"""The convert and validate commands, run as a user runs them."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import DATA, SEED, run_cli


def test_convert_seed_to_valid_akn(tmp_path) -> None:
    out = tmp_path / "seed.xml"
    result = run_cli("convert", str(SEED), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert out.read_bytes().startswith(b"<?xml")
    checked = run_cli("validate", str(out))
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout == f"{out}: valid\n"  # the verdict on stdout
    assert checked.stderr == ""


def test_convert_report_dropped_lists_the_cruft() -> None:
    result = run_cli("convert", str(SEED), "--report-dropped", "--to", "text")
    assert result.returncode == 0
    assert "dropped line 1 (language switch): en | fr" in result.stderr
    assert "Please share" in result.stderr
    assert "Please share" not in result.stdout
    assert result.stdout.startswith("Greens/EFA motion for a resolution on Kazakhstan\n")


def test_convert_json_has_model_and_dropped_lines() -> None:
    result = run_cli("convert", str(SEED), "--to", "json")
    data = json.loads(result.stdout)
    assert data["format"] == "amendtool-document"
    assert len(data["citations"]) == 8
    assert data["meta"]["date"] == "2012-03-07"
    assert {"line": 1, "text": "en | fr", "reason": "language switch"} in data["dropped"]


def test_convert_reads_akn_and_stdin(tmp_path) -> None:
    akn = run_cli("convert", str(SEED)).stdout
    back = run_cli("convert", "-", "--to", "text", stdin=akn.encode("utf-8"))
    assert back.returncode == 0, back.stderr
    direct = run_cli("convert", str(SEED), "--to", "text").stdout
    assert back.stdout == direct


def test_validate_reports_each_problem_with_its_line(tmp_path) -> None:
    xml = run_cli("convert", str(SEED)).stdout.replace("<num>5.</num>", "<num>7.</num>")
    bad = tmp_path / "bad.xml"
    bad.write_text(xml, encoding="utf-8")
    result = run_cli("validate", str(bad))
    assert result.returncode == 1
    *lines, verdict = result.stdout.splitlines()
    assert lines and all(re.match(rf"{re.escape(str(bad))}:\d+: \[", line) for line in lines)
    assert verdict == f"{bad}: invalid ({len(lines)} problems)"
    assert any("paragraph-eid" in line for line in lines)


def test_validate_foreign_file_reports_only_dangling_references() -> None:
    # LEOS-style file: schema-valid, but its agent "#leos" is never declared
    result = run_cli("validate", "--no-profile", str(DATA / "leos-style.xml"))
    assert result.returncode == 1
    assert result.stdout.count("[refs]") == 4
    assert "[xsd]" not in result.stdout


@pytest.mark.parametrize(
    ("label", "args", "stdin", "message"),
    [
        ("missing file", ["convert", "nowhere.txt"], None, "nowhere.txt: no such file"),
        ("directory", ["convert", "samples"], None, "samples: is a directory"),
        ("empty stdin", ["convert", "-"], b"", "empty input"),
        ("not a resolution", ["convert", "-"], b"Weather today: sunny.\n", "not a resolution"),
        ("binary", ["convert", "-"], b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
        ("validate text", ["validate", "samples/kazakhstan-fr.txt"], None, "not well-formed XML"),
        (
            "validate DTD",
            ["validate", "-"],
            b'<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
            "DOCTYPE",
        ),
    ],
)
def test_bad_input_gives_one_line_and_status_2(label, args, stdin, message) -> None:
    result = run_cli(*args, stdin=stdin)
    assert result.returncode == 2, label
    assert result.stderr.count("\n") == 1, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_failed_conversion_leaves_no_output_file(tmp_path) -> None:
    out = tmp_path / "out.xml"
    result = run_cli("convert", "-", "-o", str(out), stdin=b"nothing to see\n")
    assert result.returncode == 2
    assert list(tmp_path.iterdir()) == []
