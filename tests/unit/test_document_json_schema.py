"""`convert --to json` output against amendtool/schemas/document.schema.json."""

from __future__ import annotations

import copy
import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from amendtool.document_json import render_document_json
from amendtool.textparse import parse_text
from tests.conftest import SAMPLES, run_cli

# a motion with everything the document JSON can hold: metadata lines, a dropped tabling
# line, an unclassified block among the citations, points with footnotes whose bodies are
# printed after the text
FULL_DOCUMENT = """\
MOTION FOR A RESOLUTION
B7-0139/2012
to wind up the debate on the statement by the Vice-President of the Commission
pursuant to Rule 110(2) of the Rules of Procedure
on Kazakhstan
Jane Doe
on behalf of the Verts/ALE Group
The European Parliament,
- having regard to its resolutions on Kazakhstan,
This draft was prepared under Rule 110 by the rapporteur.
A. whereas the situation in Zhanaozen is serious;
1. Calls on the authorities:
(a) to release the detained strikers[1];
(b) to respect the rulings of the OSCE(2);
2. Instructs its President to forward this resolution to the Council.
[1] OJ C 123, 2.2.2012, p. 1.
(2) OJ C 124, 3.2.2012, p. 2.
"""


@cache
def schema() -> dict[str, Any]:
    text = resources.files("amendtool").joinpath("schemas/document.schema.json").read_text()
    loaded: dict[str, Any] = json.loads(text)
    jsonschema.Draft202012Validator.check_schema(loaded)
    return loaded


def errors(document: dict[str, Any]) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema())
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]


def full_document() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(render_document_json(parse_text(FULL_DOCUMENT)))
    return loaded


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_every_sample_converts_to_schema_valid_json(sample: Path) -> None:
    result = run_cli("convert", str(sample), "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert errors(document) == []
    assert document["paragraphs"], "every sample has paragraphs"


def test_a_document_with_every_optional_part_is_valid() -> None:
    document = full_document()
    # the parts the schema describes beyond plain clauses are really there
    assert document["unclassified"] == [
        {"text": "This draft was prepared under Rule 110 by the rapporteur.", "after": "cit_1"}
    ]
    points = document["paragraphs"][0]["points"]
    assert [note["body"] for point in points for note in point["notes"]] == [
        "OJ C 123, 2.2.2012, p. 1.",
        "OJ C 124, 3.2.2012, p. 2.",
    ]
    assert {line["field"] for line in document["metadata_lines"]} >= {"kind", "number", "title"}
    assert [line["reason"] for line in document["dropped"]] == ["tabling line"]
    assert errors(document) == []


def _set(document: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    broken = copy.deepcopy(document)
    target: Any = broken
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return broken


@pytest.mark.parametrize(
    ("label", "path", "value", "message"),
    [
        ("wrong format name", ("format",), "amendtool-change-report", "was expected"),
        ("future version", ("version",), 2, "was expected"),
        ("recital among citations", ("citations", 0, "kind"), "recital", "was expected"),
        ("negative note offset", ("paragraphs", 0, "points", 0, "notes", 0, "offset"), -1, "less"),
        ("point without eId", ("paragraphs", 0, "points", 1, "eid"), "", "non-empty"),
        ("line number as text", ("dropped", 0, "line"), "3", "not of type 'integer'"),
        ("date not ISO", ("meta", "date"), "2.2.2012", "does not match"),
        ("unknown kind", ("meta", "kind"), "motion", "is not one of"),
        ("unknown field", ("meta", "colour"), "blue", "Additional properties"),
    ],
)
def test_the_schema_rejects_a_malformed_document(
    label: str, path: tuple[str | int, ...], value: Any, message: str
) -> None:
    found = errors(_set(full_document(), path, value))
    assert len(found) == 1, found
    assert message in found[0], found


def test_the_schema_rejects_a_missing_part() -> None:
    document = full_document()
    del document["metadata_lines"]
    assert errors(document) == ["[]: 'metadata_lines' is a required property"]
