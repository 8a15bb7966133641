"""Reviewed golden reports (text and JSON) for the sample pairs; JSON checked against its schema."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from amendtool import compare
from amendtool.renderers.json_report import render_json
from amendtool.renderers.terminal import render_text
from tests.conftest import SAMPLES

PAIRS = {
    "greens-vs-joint": ("kazakhstan.v1.txt", "kazakhstan.v2.txt"),
    "joint-vs-adopted": ("kazakhstan.v2.txt", "kazakhstan-adopted.txt"),
}


def schema() -> dict:
    text = resources.files("amendtool").joinpath("schemas/change-report.schema.json").read_text()
    return json.loads(text)


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_text_report_golden(name: str, file_regression) -> None:
    old, new = PAIRS[name]
    report = compare(SAMPLES / old, SAMPLES / new)
    report = type(report)(**{**report.__dict__, "old_source": old, "new_source": new})
    file_regression.check(
        render_text(report, show_all=True), extension=".txt", basename=f"diff_{name}"
    )


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_json_report_golden(name: str, file_regression) -> None:
    old, new = PAIRS[name]
    report = compare(SAMPLES / old, SAMPLES / new)
    report = type(report)(**{**report.__dict__, "old_source": old, "new_source": new})
    text = render_json(report)
    jsonschema.validate(json.loads(text), schema())
    file_regression.check(text, extension=".json", basename=f"diff_{name}")


def test_every_relation_appears_in_the_sample_goldens() -> None:
    seen = set()
    for old, new in PAIRS.values():
        seen |= {c.relation.value for c in compare(SAMPLES / old, SAMPLES / new).changes}
    assert seen == {"unchanged", "modified", "moved", "inserted", "deleted", "split", "merged"}
