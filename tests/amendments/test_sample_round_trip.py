"""Round trip on the real samples: amendments -> apply -> diff finds no difference, for every
ordered pair of samples and every list format (AKN from 'amendments' and from 'diff', JSON,
Word)."""

from __future__ import annotations

import itertools
from functools import cache
from pathlib import Path

import pytest

import amendtool
from amendtool.amendments.read_list import read_amendment_list
from amendtool.model import Resolution
from amendtool.renderers.registry import RenderOptions, as_bytes, render

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted(p.name for p in (ROOT / "samples").glob("kazakhstan*.txt"))
PAIRS = list(itertools.permutations(SAMPLES, 2))


@cache
def _read(name: str) -> Resolution:
    return amendtool.read(ROOT / "samples" / name)


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[f"{a}->{b}" for a, b in PAIRS])
def test_every_list_format_gives_back_the_new_draft(old: str, new: str) -> None:
    report = amendtool.compare(_read(old), _read(new))
    options = RenderOptions(markup_date="2026-12-02")
    lists = {
        "amendments-akn": render(report, "akn", product="amendments", options=options),
        "diff-akn": render(report, "akn", product="diff", options=options),
        "json": render(report, "json", product="amendments"),
        "docx": render(report, "docx", product="amendments"),
    }
    for name, rendered in lists.items():
        listing = read_amendment_list(as_bytes(rendered), name)
        assert len(listing.amendments) == sum(
            1 for change in report.changes if change.relation.value != "unchanged"
        )
        consolidated = amendtool.apply(_read(old), listing)
        assert not amendtool.compare(consolidated, _read(new)).differs, name
