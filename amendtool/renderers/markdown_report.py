"""ChangeReport -> Markdown to paste into an e-mail or an issue: summary table, then changes."""

from __future__ import annotations

import re

from amendtool.diffing.report import SECTION_NAMES, ChangeReport, Relation
from amendtool.diffing.words import Span
from amendtool.model import ClauseKind
from amendtool.renderers.describe import display_runs, headline
from amendtool.renderers.terminal import describe_draft

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")


def escape(text: str) -> str:
    """Document text made inert in Markdown (and in the HTML that Markdown allows)."""
    return _SPECIAL.sub(r"\\\1", text)


def emphasised(text: str, mark: str, after: str) -> str:
    """``text`` between ``mark``s, its trailing space outside.

    Markdown ignores a mark that follows a letter and precedes punctuation ("Amirova**,"),
    so a hair space (U+200A) goes before such a mark.
    """
    core = text.rstrip()
    if not core:
        return text
    gap = "\u200a" if after[-1:].isalnum() and not core[0].isalnum() else ""
    return f"{gap}{mark}{escape(core)}{mark}{text[len(core) :]}"


def markdown_warnings(warnings: tuple[str, ...]) -> list[str]:
    """A quoted block of warnings (with a blank line after), or nothing."""
    if not warnings:
        return []
    lines = [f"> **Read with care: {len(warnings)} warning{'' if len(warnings) == 1 else 's'}**"]
    lines += [f"> - {escape(' '.join(warning.split()))}" for warning in warnings]
    return [*lines, ""]


def _marked(spans: tuple[Span, ...]) -> str:
    out = [""]
    for op, text in display_runs(spans):
        if op == "equal":
            out.append(escape(text))
        else:
            out.append(emphasised(text, "~~" if op == "delete" else "**", out[-1]))
    return "".join(out)


def render_markdown(report: ChangeReport, show_all: bool = False) -> str:
    """The report as Markdown."""
    stats = report.statistics
    counts = {(s, r): n for s, r, n in stats.by_section}
    relations = [r for r, n in stats.by_relation if n]
    lines = [
        f"## Changes: {escape(report.old_meta.title or 'old draft')} → "
        f"{escape(report.new_meta.title or 'new draft')}",
        "",
        f"- Old: {escape(describe_draft(report.old_meta, report.old_source))}",
        f"- New: {escape(describe_draft(report.new_meta, report.new_source))}",
        "",
        *markdown_warnings(report.warnings),
        "| Section | " + " | ".join(r.value for r in relations) + " |",
        "|---|" + "---:|" * len(relations),
    ]
    for section in ClauseKind:
        if any(counts.get((section, r)) for r in relations):
            row = " | ".join(str(counts.get((section, r), 0)) for r in relations)
            lines.append(f"| {SECTION_NAMES[section][1].lower()} | {row} |")
    total = dict(stats.by_relation)
    lines.append("| **all** | " + " | ".join(str(total[r]) for r in relations) + " |")
    lines += [
        "",
        f"{stats.words_inserted} words inserted, {stats.words_deleted} deleted; "
        f"{round(stats.share_kept * 100)}% of the old text kept. "
        "~~Struck~~ words were deleted, **bold** words inserted.",
        "",
    ]
    for change in report.changes:
        if change.relation is Relation.UNCHANGED and not show_all:
            continue
        lines += [f"### {escape(headline(change))}", "", _marked(change.spans), ""]
    return "\n".join(lines)
