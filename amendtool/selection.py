"""What a comparison looks at: case, punctuation and section, as every command names them."""

from __future__ import annotations

from amendtool.diffing.tokens import CompareOptions
from amendtool.model import ClauseKind


def section_kind(section: ClauseKind | str | None) -> ClauseKind | None:
    """``paragraphs`` / ``paragraph`` / ClauseKind.PARAGRAPH -> ClauseKind.PARAGRAPH."""
    if section is None or isinstance(section, ClauseKind):
        return section
    return ClauseKind(section.rstrip("s"))


def comparison_settings(
    ignore_case: bool = False,
    ignore_punctuation: bool = False,
    section: ClauseKind | str | None = None,
) -> tuple[CompareOptions, ClauseKind | None]:
    """The options and the section a comparison is limited to."""
    options = CompareOptions(ignore_case=ignore_case, ignore_punctuation=ignore_punctuation)
    return options, section_kind(section)
