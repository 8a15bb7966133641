"""`amendtool apply` and the Word/JSON amendment lists as a user runs them."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SAMPLES, run_cli

V1, V2 = str(SAMPLES / "kazakhstan.v1.txt"), str(SAMPLES / "kazakhstan.v2.txt")


@pytest.mark.parametrize("list_format", ["akn", "json", "docx"])
def test_amendments_apply_diff_round_trip(tmp_path, list_format: str) -> None:
    listing = tmp_path / f"list.{list_format}"
    made = run_cli("amendments", V1, V2, "--format", list_format, "-o", str(listing))
    assert made.returncode == 1, made.stderr  # as diff: the drafts differ
    for output_format in ("text", "akn", "docx"):
        out = tmp_path / f"adopted-{list_format}.{output_format}"
        applied = run_cli("apply", V1, str(listing), "--format", output_format, "-o", str(out))
        assert applied.returncode == 0, applied.stderr
        compared = run_cli("diff", str(out), V2)
        assert compared.returncode == 0, (output_format, compared.stdout[:2000])


def test_diff_akn_output_applies_and_the_format_follows_the_extension(tmp_path) -> None:
    listing = tmp_path / "diff.xml"
    run_cli("diff", "--format", "akn", "-o", str(listing), V1, V2)
    out = tmp_path / "adopted.docx"
    assert run_cli("apply", V1, str(listing), "-o", str(out)).returncode == 0
    assert out.read_bytes().startswith(b"PK\x03\x04")
    assert run_cli("diff", str(out), V2).returncode == 0


def test_only_applies_the_adopted_ones(tmp_path) -> None:
    listing = tmp_path / "list.json"
    run_cli("amendments", V1, V2, "--format", "json", "-o", str(listing))
    result = run_cli("apply", V1, str(listing), "--only", "7,8")
    assert result.returncode == 0, result.stderr
    assert "A. whereas Kazakhstan is an important partner of the EU" in result.stdout
    assert "D. whereas the riot police" in result.stdout  # recital C, relettered
    assert "and many more according to independent sources;" in result.stdout  # amendment 8
    assert "- having regard to its previous resolutions on Kazakhstan with regard" in result.stdout


def test_a_stale_list_stops_with_status_2_and_no_output_file(tmp_path) -> None:
    listing = tmp_path / "list.json"
    run_cli("amendments", V1, V2, "--format", "json", "-o", str(listing))
    document = json.loads(listing.read_text())
    old = document["amendments"][7]["old"][0]
    old["text"] = old["text"].replace("at least 16 people", "at least 15 people")
    listing.write_text(json.dumps(document))
    out = tmp_path / "adopted.txt"
    result = run_cli("apply", V1, str(listing), "-o", str(out))
    assert result.returncode == 2
    assert result.stderr == (
        f"amendtool: error: {listing}: amendment 8 (Recital C): the wording of Recital C does "
        "not match the base text (a stale amendment, or one written against another draft)\n"
    )
    assert not out.exists()


def test_applying_to_the_wrong_draft_is_stale() -> None:
    listing_result = run_cli("amendments", V1, V2, "--format", "json")
    adopted = str(SAMPLES / "kazakhstan-adopted.txt")
    result = run_cli("apply", adopted, "-", stdin=listing_result.stdout.encode())
    assert result.returncode == 2
    assert result.stderr.startswith("amendtool: error: <stdin>: amendment 1 (Citation 1): ")


def test_conflicting_amendments_are_listed_with_status_2(tmp_path) -> None:
    listing = tmp_path / "list.json"
    run_cli("amendments", V1, V2, "--format", "json", "-o", str(listing))
    document = json.loads(listing.read_text())
    rival = json.loads(json.dumps(document["amendments"][7]))  # Recital C
    rival["number"] = 99
    document["amendments"].append(rival)
    listing.write_text(json.dumps(document))
    result = run_cli("apply", V1, str(listing))
    assert result.returncode == 2
    assert "conflicting amendments: amendments 8 and 99 change Recital C" in result.stderr
    assert run_cli("apply", V1, str(listing), "--only", "99").returncode == 0


@pytest.mark.parametrize(
    ("only", "message"),
    [
        ("7,x", "Invalid value for --only: 'x' is not an amendment number or range"),
        ("40-41", "no amendment 40 and 41 in the list"),
    ],
)
def test_bad_only(tmp_path, only: str, message: str) -> None:
    listing = tmp_path / "list.json"
    run_cli("amendments", V1, V2, "--format", "json", "-o", str(listing))
    result = run_cli("apply", V1, str(listing), "--only", only)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_text_that_is_no_list_is_refused() -> None:
    result = run_cli("apply", V1, V2)
    assert result.returncode == 2
    assert result.stderr == (
        f"amendtool: error: {V2}: not an amendment list amendtool reads (AKN or JSON from "
        "'amendtool amendments', or a Word document with EP amendment tables)\n"
    )


def test_author_and_justification_file(tmp_path) -> None:
    notes = tmp_path / "why.txt"
    notes.write_text("Amendment 5\nThe Declaration is the basis of free expression.\n")
    out = tmp_path / "list.json"
    result = run_cli(
        "amendments", V1, V2, "--format", "json", "-o", str(out),
        "--author", "Barbara  Lochbihler", "--justification-file", str(notes),
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    document = json.loads(out.read_text())
    assert document["author"] == "Barbara Lochbihler"
    assert document["amendments"][4]["justification"] == (
        "The Declaration is the basis of free expression."
    )
    notes.write_text("Amendment 50\nNo such amendment.\n")
    bad = run_cli("amendments", V1, V2, "--format", "docx", "-o", str(tmp_path / "l.docx"),
                  "--justification-file", str(notes))  # fmt: skip
    assert bad.returncode == 2
    assert bad.stderr == (
        f"amendtool: error: {notes}: a justification of amendment 50, but the list has 23\n"
    )
    assert not (tmp_path / "l.docx").exists()


@pytest.mark.parametrize("list_format", ["akn", "json", "docx"])
def test_a_list_of_no_amendments_gives_the_base_back(tmp_path, list_format: str) -> None:
    listing = tmp_path / f"none.{list_format}"
    made = run_cli("amendments", V1, V1, "--format", list_format, "-o", str(listing))
    assert made.returncode == 0, made.stderr
    result = run_cli("apply", V1, str(listing), "-o", str(tmp_path / "same.txt"))
    assert result.returncode == 0, result.stderr
    assert run_cli("diff", V1, str(tmp_path / "same.txt")).returncode == 0
