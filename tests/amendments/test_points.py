"""Sub-points restored from an amendment's one-run wording, labelled cases."""

from __future__ import annotations

from pathlib import Path

import pytest

import amendtool
from amendtool.amendments.points import restore_points
from amendtool.model import ClauseKind, clause_body

P = ClauseKind.PARAGRAPH
ROOT = Path(__file__).resolve().parents[2]


def test_the_subpoints_sample_paragraph_comes_back_whole() -> None:
    clause = amendtool.read(ROOT / "samples/kazakhstan-subpoints.txt").paragraphs[1]
    chapeau, points = restore_points(P, clause_body(clause))
    assert chapeau == clause.text
    assert [(p.num, p.text, [(q.num, q.text) for q in p.points]) for p in points] == [
        (p.num, p.text, [(q.num, q.text) for q in p.points]) for p in clause.points
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Calls for calm; a new start is needed;",  # "a" after ";" is an article, one point only
        "Calls on the authorities: a to act; c to wait;",  # b missing: not a list
        "Calls on the authorities to act; b to wait; c to go;",  # no chapeau ending with ":"
        "Urges the government, in particular on: wages, the reinstatement of workers;",  # dashes
    ],
)
def test_prose_stays_one_text(text: str) -> None:
    assert restore_points(P, text) == (text, ())


def test_an_article_inside_a_point_stays_in_the_point() -> None:
    text = "Calls on the authorities: a to act; a new law is needed; b to wait;"
    chapeau, points = restore_points(P, text)
    assert chapeau == "Calls on the authorities:"
    assert [(p.num, p.text) for p in points] == [
        ("a", "to act; a new law is needed;"),
        ("b", "to wait;"),
    ]
