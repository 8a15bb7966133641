"""The words of amendment lists (``data/amendment_words.json``): section names, "deleted",
"Amendment", the version titles of the left column, the position notes. English for now;
another language is one more entry in the JSON file."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from amendtool.model import ClauseKind


@dataclass(frozen=True)
class AmendmentWords:
    """The phrases of one language."""

    section_names: dict[ClauseKind, tuple[str, str]]  # singular, plural
    new_marker: str
    and_word: str
    point_word: str
    amendment_word: str
    deleted_word: str
    justification_word: str
    original_language: str  # "Or. {code}"
    original_language_prefix: str
    version_titles: tuple[str, ...]
    moved_to: str  # "Moved to {labels}."
    split_into: str  # "Split into {labels}."
    merged_into: str  # "{old} merged into {labels}."


@cache
def amendment_words(code: str = "en") -> AmendmentWords:
    """The amendment-list phrases of language ``code`` (English when it has none yet)."""
    text = resources.files("amendtool").joinpath("data/amendment_words.json").read_text("utf-8")
    tables = json.loads(text)
    table = tables.get(code, tables["en"])
    return AmendmentWords(
        section_names={
            ClauseKind(kind): (names[0], names[1]) for kind, names in table["section_names"].items()
        },
        new_marker=table["new_marker"],
        and_word=table["and_word"],
        point_word=table["point_word"],
        amendment_word=table["amendment_word"],
        deleted_word=table["deleted_word"],
        justification_word=table["justification_word"],
        original_language=table["original_language"],
        original_language_prefix=table["original_language_prefix"],
        version_titles=tuple(table["version_titles"]),
        moved_to=table["moved_to"],
        split_into=table["split_into"],
        merged_into=table["merged_into"],
    )
