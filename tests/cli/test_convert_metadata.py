"""convert carries every metadata field and says where each came from."""

from __future__ import annotations

import json

from tests.conftest import DATA, run_cli

PAGE = DATA / "metadata" / "motion-pl.txt"


def test_report_dropped_lists_the_lines_metadata_came_from() -> None:
    result = run_cli("convert", str(PAGE), "--report-dropped", "--to", "text")
    assert result.returncode == 0, result.stderr
    assert (
        "number from line 1 (page-title line): "
        "Projekt rezolucji - B9-0999/2030Projekt rezolucji" in result.stderr
    )
    assert "authors from line 17 (on-behalf line): w imieniu grupy Verts/ALE" in result.stderr
    assert "dropped line 14 (tabling line): złożony w związku z" in result.stderr


def test_convert_json_carries_the_fields_and_their_lines() -> None:
    data = json.loads(run_cli("convert", str(PAGE), "--to", "json").stdout)
    meta = data["meta"]
    assert meta["numbers"] == ["B9-0999/2030"]
    assert meta["title"] == "sytuacji w Examplestanie"
    assert (meta["date"], meta["procedure"], meta["rule"]) == (
        "2030-02-01",
        "2030/2999(RSP)",
        "art. 144",
    )
    assert meta["groups"] == [{"id": "greens-efa", "name": "Greens/EFA", "printed": "Verts/ALE"}]
    assert meta["authors"] == ["Anna Member", "Ben Member"]
    assert {
        "line": 13,
        "field": "date",
        "text": "1.2.2030 - (2030/2999(RSP))",
        "reason": "date line",
    } in data["metadata_lines"]
