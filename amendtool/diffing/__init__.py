"""Model pair -> alignment -> word spans -> ChangeReport."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from os import PathLike

from amendtool.diffing.report import ChangeReport, build_report
from amendtool.diffing.tokens import CompareOptions
from amendtool.model import ClauseKind, Resolution, clause_body

Draft = Resolution | str | PathLike[str]


def load_draft(draft: Draft) -> tuple[Resolution, str]:
    """A draft as a Resolution with the path it came from ("" for a Resolution)."""
    if isinstance(draft, Resolution):
        return draft, ""
    from amendtool.inputs import read_resolution
    from amendtool.safe_chars import picture_controls

    path = str(draft)
    # Where each input line went (for convert --report-dropped) is not part of a
    # comparison: a copy of every line, twice the size of the draft (issue 17).
    resolution = replace(read_resolution(path), line_fates=())
    return resolution, picture_controls(path)[0]  # the name goes into XML reports


def load_drafts(
    drafts: Sequence[Draft], jobs: int = 1, keyed: CompareOptions | None = None
) -> list[tuple[Resolution, str]]:
    """:func:`load_draft` of each draft, read on up to ``jobs`` processes (see parallel).

    With ``keyed``, the comparison keys (under those options) of the drafts read in this
    process are computed while the other processes finish: comparisons follow, here or in
    processes forked from this one, which find them computed.
    """
    from amendtool.parallel import forked_map

    sizes = [_input_size(draft) for draft in drafts]
    names = ["<draft>" if isinstance(draft, Resolution) else str(draft) for draft in drafts]
    meanwhile = None if keyed is None else partial(_warm_keys, options=keyed)
    return forked_map(load_draft, drafts, jobs, sizes, names, meanwhile)


def _warm_keys(loaded: tuple[Resolution, str], options: CompareOptions) -> None:
    from amendtool.diffing.tokens import warm_keys

    warm_keys([clause_body(item) for item in loaded[0].items()], options)


def _input_size(draft: Draft) -> float:
    """Bytes to read (0 for a Resolution, standard input or a file that is not there)."""
    if isinstance(draft, Resolution) or str(draft) == "-":
        return 0.0
    try:
        return float(os.stat(draft).st_size)
    except (OSError, ValueError):
        return 0.0  # the reader reports it


def compare(
    old: Draft,
    new: Draft,
    *,
    ignore_case: bool = False,
    ignore_punctuation: bool = False,
    section: ClauseKind | str | None = None,
    jobs: int = 1,
) -> ChangeReport:
    """Compare two drafts (Resolutions or paths to text/AKN files) clause by clause.

    ``jobs`` > 1 reads the two drafts in two processes (only in a program without threads).
    """
    options = CompareOptions(ignore_case=ignore_case, ignore_punctuation=ignore_punctuation)
    loaded = load_drafts((old, new), jobs, keyed=options)
    (old_resolution, old_source), (new_resolution, new_source) = loaded
    kind = ClauseKind(section.rstrip("s")) if isinstance(section, str) else section
    return build_report(old_resolution, new_resolution, options, kind, old_source, new_source)
