"""Metadata of realistic EP pages in many interface languages (tests/data/metadata), as JSON.

Each page stands for a layout seen on real pages (shared/formats.md), with invented
"Examplestan" content: doceo motion pages, adopted-text pages and English joint motions
under another interface language, in 12 languages, plus special layouts. The golden
holds the metadata, the line each field was read from (with the reason) and the
dropped lines, so a reviewer sees why as well as what.
"""

from __future__ import annotations

import json
from dataclasses import asdict

import pytest

from amendtool.textparse import parse_text
from tests.conftest import DATA

PAGES = sorted((DATA / "metadata").glob("*.txt"))


def metadata_record(text: str, name: str) -> dict[str, object]:
    resolution = parse_text(text, name)
    return {
        "meta": asdict(resolution.meta),
        "read_from": [
            f"{f.line_no} {f.where} ({f.reason}): {f.text}" for f in resolution.metadata_lines
        ],
        "dropped": [f"{f.line_no} ({f.reason}): {f.text}" for f in resolution.dropped],
        "clauses": [
            len(resolution.citations),
            len(resolution.recitals),
            len(resolution.paragraphs),
        ],
    }


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_metadata_golden(page, file_regression) -> None:
    record = metadata_record(page.read_text("utf-8"), page.name)
    text = json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    file_regression.check(text, extension=".json", basename=page.stem)
