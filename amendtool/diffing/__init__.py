"""Model pair -> alignment -> word spans -> ChangeReport."""

from __future__ import annotations

from os import PathLike

from amendtool.diffing.report import ChangeReport, build_report
from amendtool.diffing.tokens import CompareOptions
from amendtool.model import ClauseKind, Resolution

Draft = Resolution | str | PathLike[str]


def load_draft(draft: Draft) -> tuple[Resolution, str]:
    """A draft as a Resolution with the path it came from ("" for a Resolution)."""
    if isinstance(draft, Resolution):
        return draft, ""
    from amendtool.inputs import read_resolution
    from amendtool.safe_chars import picture_controls

    path = str(draft)
    return read_resolution(path), picture_controls(path)[0]  # the name goes into XML reports


def compare(
    old: Draft,
    new: Draft,
    *,
    ignore_case: bool = False,
    ignore_punctuation: bool = False,
    section: ClauseKind | str | None = None,
) -> ChangeReport:
    """Compare two drafts (Resolutions or paths to text/AKN files) clause by clause."""
    old_resolution, old_source = load_draft(old)
    new_resolution, new_source = load_draft(new)
    options = CompareOptions(ignore_case=ignore_case, ignore_punctuation=ignore_punctuation)
    kind = ClauseKind(section.rstrip("s")) if isinstance(section, str) else section
    return build_report(old_resolution, new_resolution, options, kind, old_source, new_source)
