"""Provenance of the joint text and the history of clauses, on the sample set."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from amendtool.diffing.history import follow
from amendtool.diffing.provenance import Source, trace
from amendtool.diffing.report import Relation
from amendtool.inputs import read_resolution
from amendtool.renderers.history_report import render_history_json, render_history_text
from amendtool.renderers.provenance_report import (
    render_provenance_json,
    render_provenance_markdown,
    render_provenance_text,
)
from amendtool.textparse import parse_text
from tests.conftest import SAMPLES, run_cli

JOINT = "kazakhstan.v2.txt"
SOURCES = [
    "kazakhstan.v1.txt",
    "kazakhstan-subpoints.txt",
    "kazakhstan-ppe.txt",
    "kazakhstan-ecr.txt",
]


def sources() -> list[Source]:
    return [
        Source(label, read_resolution(str(SAMPLES / name)), name)
        for label, name in zip(["Greens/EFA", "S&D", "PPE", "ECR"], SOURCES, strict=True)
    ]


@pytest.fixture(scope="module")
def report():
    return trace(read_resolution(str(SAMPLES / JOINT)), sources(), JOINT)


def origin(report, label: str) -> list[str]:
    clause = next(c for c in report.clauses if c.ref.label == label)
    return [c.label for c in clause.contributions if c.top]


def test_each_joint_clause_is_traced_to_its_group(report) -> None:
    assert origin(report, "Recital A") == ["PPE"]
    assert origin(report, "Citation 7") == ["ECR"]
    assert origin(report, "Paragraph 12") == ["PPE"]
    assert origin(report, "Recital B") == ["Greens/EFA"]
    assert origin(report, "Paragraph 5") == ["Greens/EFA"]  # merged from its paragraphs 5, 6


def test_identical_wording_in_two_motions_is_a_tie(report) -> None:
    clause = next(c for c in report.clauses if c.ref.label == "Citation 3")
    assert clause.tie
    assert origin(report, "Citation 3") == ["Greens/EFA", "PPE"]
    assert "[tie: Greens/EFA and PPE]" in render_provenance_text(report)


def test_each_source_fate(report) -> None:
    greens = next(s for s in report.sources if s.label == "Greens/EFA")
    assert [r.label for r in greens.dropped] == ["Recital H", "Paragraph 10"]
    assert len(greens.verbatim) + len(greens.reworded) + len(greens.dropped) == greens.clauses
    ppe = next(s for s in report.sources if s.label == "PPE")
    assert "Paragraph 6" in [r.label for r in ppe.dropped]  # energy cooperation: not taken
    assert 0 < ppe.share_in_joint < greens.share_in_joint


def test_a_clause_no_group_wrote_is_new() -> None:
    text = (
        (SAMPLES / JOINT)
        .read_text("utf-8")
        .replace(
            "13. Instructs",
            "13. Decides to send an ad hoc delegation to Astana to assess the "
            "situation of the detained trade unionists;\n14. Instructs",
        )
    )
    traced = trace(parse_text(text, "joint"), sources())
    clause = next(c for c in traced.clauses if c.ref.label == "Paragraph 13")
    assert clause.new and clause.contributions == ()
    assert "Paragraph 13: new in the joint text" in render_provenance_text(traced)


def test_json_follows_its_schema(report) -> None:
    schema = json.loads(
        resources.files("amendtool").joinpath("schemas/provenance.schema.json").read_text()
    )
    data = json.loads(render_provenance_json(report))
    jsonschema.validate(data, schema)
    assert [c["eid"] for c in data["clauses"]][:3] == ["cit_1", "cit_2", "cit_3"]
    recital_a = next(c for c in data["clauses"] if c["eid"] == "rec_A")
    assert recital_a["sources"][0] == {
        **recital_a["sources"][0],
        "label": "PPE",
        "eid": "rec_A",
        "share": 1.0,
        "top": True,
    }


def test_markdown_matrix(report) -> None:
    markdown = render_provenance_markdown(report)
    assert "| Joint clause | Greens/EFA | S\\&D | PPE | ECR |" in markdown  # "\&" shows "&"
    assert "| Recital A |  |  | **100%** | 50% |" in markdown


def test_provenance_golden(report, file_regression) -> None:
    file_regression.check(
        render_provenance_text(report), extension=".txt", basename="provenance_kazakhstan"
    )


def test_history_through_motion_joint_and_adopted(file_regression) -> None:
    names = ["kazakhstan.v1.txt", "kazakhstan.v2.txt", "kazakhstan-adopted.txt"]
    chain = follow([read_resolution(str(SAMPLES / n)) for n in names], names)
    recital_h = next(
        t for t in chain.threads if t.clauses[0] and t.clauses[0][0].label == "Recital H"
    )
    assert recital_h.steps == (Relation.DELETED, None) and recital_h.last == 0
    paragraph_6 = next(
        t for t in chain.threads if t.clauses[2] and t.clauses[2][0].label == "Paragraph 6"
    )
    assert paragraph_6.steps == (Relation.MODIFIED, Relation.MODIFIED)  # the oral amendment
    born_late = [t.clauses[1][0].label for t in chain.threads if t.born == 1]
    assert born_late == ["Citation 7", "Recital A", "Paragraph 12"]
    every_clause = sorted(
        (i, r.eid) for t in chain.threads for i, refs in enumerate(t.clauses) for r in refs
    )
    assert len(every_clause) == len(set(every_clause))  # each clause in exactly one thread
    data = json.loads(render_history_json(chain))
    assert len(data["threads"]) == len(chain.threads)
    schema = json.loads(
        resources.files("amendtool").joinpath("schemas/history.schema.json").read_text()
    )
    jsonschema.validate(data, schema)
    paragraph_6_json = data["threads"][chain.threads.index(paragraph_6)]
    assert paragraph_6_json["steps"] == ["modified", "modified"]
    file_regression.check(
        render_history_text(chain), extension=".txt", basename="history_kazakhstan"
    )


def test_cli_labels_and_formats(tmp_path) -> None:
    paths = [str(SAMPLES / n) for n in SOURCES]
    result = run_cli("provenance", str(SAMPLES / JOINT), *paths, "--label", f"Greens={paths[0]}")
    assert result.returncode == 0, result.stderr
    assert "Sources: Greens, S&D, PPE and ECR" in result.stdout
    out = tmp_path / "p.html"
    assert (
        run_cli(
            "provenance", "--format", "html", "-o", str(out), str(SAMPLES / JOINT), *paths
        ).returncode
        == 0
    )
    assert "<details>" in out.read_text("utf-8")
    bad = run_cli("provenance", str(SAMPLES / JOINT), paths[0], "--label", "oops")
    assert bad.returncode == 2 and "NAME=FILE" in bad.stderr
    chain = run_cli(
        "history", str(SAMPLES / "kazakhstan.v1.txt"), str(SAMPLES / JOINT), "--format", "markdown"
    )
    assert chain.returncode == 0 and "| v1 | → 2 | v2 |" in chain.stdout


def test_provenance_json_golden(report, file_regression) -> None:
    file_regression.check(
        render_provenance_json(report), extension=".json", basename="provenance_kazakhstan"
    )
