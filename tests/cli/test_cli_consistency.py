"""One option vocabulary on every command, as a new user expects it (issue 12)."""

from __future__ import annotations

import json
import re

import pytest

from amendtool.cli import cli
from tests.conftest import SAMPLES, run_cli

V1, V2 = str(SAMPLES / "kazakhstan.v1.txt"), str(SAMPLES / "kazakhstan.v2.txt")
ADOPTED = str(SAMPLES / "kazakhstan-adopted.txt")
COMMANDS = sorted(cli.commands)
SERVES = {"serve"}  # answers in the browser: nothing to write, so no --format or -o
FOLDERS = {"batch"}  # writes a folder of reports in fixed formats (HTML + JSON) and summaries


@pytest.mark.parametrize("name", sorted(set(COMMANDS) - SERVES - FOLDERS))
def test_every_command_has_format_and_output(name: str) -> None:
    params = {p.name: p for p in cli.commands[name].params}
    assert "output_format" in params and "--format" in params["output_format"].opts
    assert {"-o", "--output"} <= set(params["output"].opts)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_help_lists_exit_codes(name: str) -> None:
    result = run_cli(name, "--help")
    assert result.returncode == 0
    assert re.search(r"Exit status: 0 [a-z ]+, .*2 trouble", result.stdout), result.stdout


def test_top_level_help_shows_whole_descriptions() -> None:
    result = run_cli("--help")
    flat = " ".join(result.stdout.split())
    for name in COMMANDS:
        first = " ".join((cli.commands[name].help or "").split("\n\n")[0].split())
        assert f"{name} {first}" in flat


@pytest.mark.parametrize(
    ("args", "suffix", "starts"),
    [
        (["diff", V1, V2], ".html", "<!DOCTYPE html>"),
        (["diff", V1, V2], ".json", "{"),
        (["diff", V1, V2], ".md", "## Changes"),
        (["diff", V1, V2], ".xml", "<?xml"),
        (["amendments", V1, V2], ".html", "<!DOCTYPE html>"),
        (["provenance", V2, V1], ".json", "{"),
        (["history", V1, V2], ".md", "- v1: "),
        (["convert", V1], ".json", "{"),
        (["convert", V1], ".txt", "Greens/EFA motion for a resolution"),
    ],
)
def test_format_follows_the_output_extension(args, suffix, starts, tmp_path) -> None:
    out = tmp_path / f"report{suffix}"
    result = run_cli(*args, "-o", str(out))
    assert result.returncode in (0, 1), result.stderr
    assert out.read_text("utf-8").lstrip().startswith(starts)


def test_explicit_format_wins_and_unknown_extension_uses_the_default(tmp_path) -> None:
    out = tmp_path / "report.html"
    run_cli("diff", V1, V2, "--format", "json", "-o", str(out))
    assert out.read_text("utf-8").startswith("{")
    other = tmp_path / "report.out"
    run_cli("diff", V1, V2, "-o", str(other))
    assert other.read_text("utf-8").startswith("--- ")


def test_extension_the_command_cannot_write_is_refused(tmp_path) -> None:
    out = tmp_path / "list.txt"
    result = run_cli("amendments", V1, V2, "-o", str(out))
    assert result.returncode == 2
    assert "list.txt" in result.stderr and "--format" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("name", ["report.pdf", "report.odt", "report.DOC"])
def test_a_document_format_no_command_writes_is_refused(tmp_path, name) -> None:
    out = tmp_path / name
    result = run_cli("diff", V1, V2, "-o", str(out))
    assert result.returncode == 2
    assert name in result.stderr and "not a format here" in result.stderr
    assert not out.exists()


def test_convert_to_is_an_alias_of_format() -> None:
    assert (
        run_cli("convert", V1, "--to", "json").stdout
        == run_cli("convert", V1, "--format", "json").stdout
    )


@pytest.mark.parametrize("where", ["before", "after"])
def test_debug_before_or_after_the_command(where: str, tmp_path) -> None:
    missing = str(tmp_path / "missing.txt")
    args = (
        ["--debug", "diff", V1, missing] if where == "before" else ["diff", "--debug", V1, missing]
    )
    result = run_cli(*args)
    assert result.returncode != 0
    assert "Traceback" in result.stderr and "InputError" in result.stderr
    quiet = run_cli("diff", V1, missing)
    assert "Traceback" not in quiet.stderr and quiet.returncode == 2


CASED = """The European Parliament,
- having regard to its previous resolutions,
A. whereas the situation is serious;
1. Calls for calm;
2. Instructs its President to forward this resolution.
"""


def test_comparison_options_on_amendments_provenance_history(tmp_path) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(CASED, "utf-8")
    new.write_text(CASED.replace("Calls for calm;", "CALLS FOR CALM;"), "utf-8")
    assert run_cli("amendments", str(old), str(new)).returncode == 1
    assert run_cli("amendments", "--ignore-case", str(old), str(new)).returncode == 0
    traced = json.loads(
        run_cli("provenance", "--ignore-case", "--format", "json", str(new), str(old)).stdout
    )
    assert all(c["sources"][0]["relation"] == "unchanged" for c in traced["clauses"])
    chain = json.loads(
        run_cli("history", "--ignore-case", "--format", "json", str(old), str(new)).stdout
    )
    assert {step for t in chain["threads"] for step in t["steps"]} == {"unchanged"}
    # --section keeps the one section, in every command
    only = run_cli("amendments", "--section", "paragraphs", V1, V2).stdout
    assert "Recital" not in only and "Paragraph" in only
    only = json.loads(
        run_cli("history", "--section", "recitals", "--format", "json", V1, V2).stdout
    )
    sections = {r["section"] for t in only["threads"] for refs in t["clauses"] for r in refs}
    assert sections == {"recital"}
    only = json.loads(
        run_cli("provenance", "--section", "recitals", "--format", "json", V2, V1).stdout
    )
    assert {c["section"] for c in only["clauses"]} == {"recital"}
    assert run_cli("history", "--ignore-punctuation", V1, V2).returncode == 0


def test_all_means_unchanged_clauses_shown_in_every_format(tmp_path) -> None:
    unchanged = "Recital A -> B, unchanged (relettered)"
    assert unchanged in run_cli("diff", "--all", V1, V2).stdout
    assert unchanged not in run_cli("diff", V1, V2).stdout
    escaped = unchanged.replace("->", "-\\>")
    assert escaped in run_cli("diff", "--all", "--format", "markdown", V1, V2).stdout
    assert escaped not in run_cli("diff", "--format", "markdown", V1, V2).stdout
    page = run_cli("diff", "--all", "--format", "html", V1, V2).stdout
    assert re.search(r'<input type="checkbox" id="show-unchanged"[^>]*checked', page)
    page = run_cli("diff", "--format", "html", V1, V2).stdout
    assert not re.search(r'<input type="checkbox" id="show-unchanged"[^>]*checked', page)
    everything = json.loads(run_cli("diff", "--format", "json", V1, V2).stdout)
    assert any(c["relation"] == "unchanged" for c in everything["changes"])


def test_label_matches_the_file_however_spelled(tmp_path) -> None:
    link = tmp_path / "greens.txt"
    link.symlink_to(SAMPLES / "kazakhstan.v1.txt")
    for spelling in [
        "samples/../samples/kazakhstan.v1.txt",
        "./samples/kazakhstan.v1.txt",
        str(link),
    ]:
        result = run_cli(
            "provenance",
            "--format",
            "json",
            "--label",
            f"Ours={spelling}",
            V2,
            "samples/kazakhstan.v1.txt",
        )
        assert result.returncode == 0, result.stderr
        assert [s["label"] for s in json.loads(result.stdout)["sources"]] == ["Ours"]


def test_label_for_an_unknown_file_is_an_error() -> None:
    result = run_cli("provenance", "--label", "Ours=elsewhere.txt", V2, V1)
    assert result.returncode == 2
    assert "elsewhere.txt is not one of the SOURCE files" in result.stderr
    assert result.stdout == ""


def test_warning_when_old_is_dated_after_new() -> None:
    result = run_cli("diff", ADOPTED, V1)
    assert result.returncode == 1
    assert re.search(
        r"amendtool: warning: the old draft is dated 2012-03-15, after the new one "
        r"\(2012-03-07\): were the drafts given in the wrong order",
        result.stderr,
    )
    assert "warning" not in run_cli("diff", V1, ADOPTED).stderr


def test_warning_when_a_joint_motion_is_a_provenance_source() -> None:
    result = run_cli("provenance", ADOPTED, V2, V1)
    assert result.returncode == 0
    assert f"warning: source {V2} is itself a joint motion" in result.stderr
    assert f"WARNING: source {V2} is itself a joint motion" in result.stdout  # in the report
    page = run_cli("provenance", "--format", "html", ADOPTED, V2, V1).stdout
    assert re.search(r'<section class="warnings".*is itself a joint motion', page, re.S)
    markdown = run_cli("provenance", "--format", "markdown", ADOPTED, V2, V1).stdout
    assert "> - source " in markdown and "is itself a joint motion" in markdown
    data = json.loads(run_cli("provenance", "--format", "json", ADOPTED, V2, V1).stdout)
    assert any("is itself a joint motion" in warning for warning in data["warnings"])
    assert "is itself a joint motion" not in run_cli("provenance", V2, V1).stderr


def test_history_words() -> None:
    plain = run_cli("history", V1, V2, ADOPTED).stdout
    worded = run_cli("history", "--words", V1, V2, ADOPTED).stdout
    assert "{+" not in plain
    assert "    v2->v3: " in worded
    assert "Aizhangul Amirova{+, and calls for fair and transparent trials+};" in worded
    markdown = run_cli("history", "--words", "--format", "markdown", V1, V2, ADOPTED).stdout
    assert "**, and calls for fair and transparent trials**" in markdown


def test_validate_prints_its_verdict_on_stdout(tmp_path) -> None:
    xml = tmp_path / "v1.xml"
    run_cli("convert", V1, "-o", str(xml))
    result = run_cli("validate", str(xml))
    assert (result.returncode, result.stdout, result.stderr) == (0, f"{xml}: valid\n", "")
    verdict = json.loads(run_cli("validate", "--format", "json", str(xml)).stdout)
    assert verdict == {"source": str(xml), "valid": True, "problems": []}


def test_samples_readme_describes_every_sample() -> None:
    readme = (SAMPLES / "README.md").read_text("utf-8")
    described = set(re.findall(r"^\| `([^`]+)` \|", readme, flags=re.MULTILINE))
    present = {p.name for p in SAMPLES.iterdir() if p.name != "README.md"}
    assert described == present


@pytest.mark.parametrize(
    "args",
    [
        ["diff", V1, V2],
        ["amendments", V1, V2],
        ["provenance", V2, V1],
        ["history", V1, V2, ADOPTED],
    ],
)
def test_html_pages_name_files_without_directories(args) -> None:
    page = run_cli(*args, "--format", "html").stdout
    assert "kazakhstan.v1.txt" in page or "kazakhstan.v2.txt" in page
    assert "samples/" not in page and str(SAMPLES) not in page


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["diff", "--colour", V1, V2], "No such option '--colour'"),
        (["diff", V1], "Missing argument 'NEW'."),
        (["diff", V1, V2, "--jobs", "0"], "Invalid value for '--jobs'"),
        (["frobnicate"], "No such command 'frobnicate'."),
        (["history", V1], "history needs at least two versions"),
        (["provenance", V2, V1, "--label", "Greens"], "expected NAME=FILE"),
    ],
)
def test_a_usage_error_is_one_line_that_says_where_to_look(args: list[str], says: str) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    line = result.stderr.replace("python -m amendtool", "amendtool")  # as run_cli runs it
    assert says in line
    command = "amendtool" if args[0] == "frobnicate" else f"amendtool {args[0]}"
    assert line.startswith(f"{command}: error: ")
    assert line.rstrip().endswith(f"(see '{command} --help')")


def test_the_bare_command_shows_its_help() -> None:
    result = run_cli()
    assert result.returncode == 2
    assert result.stderr.startswith("Usage: ") and "Commands:" in result.stderr
