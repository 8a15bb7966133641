"""ChangeReport -> text for a terminal: a headline per change, the words, a summary."""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter

from amendtool.diffing.report import ChangeReport, Relation, Statistics
from amendtool.diffing.words import Span
from amendtool.lang import kind_name
from amendtool.model import Meta
from amendtool.renderers.describe import display_runs, headline, join_words
from amendtool.safe_chars import visible

Styler = Callable[[str, str], str]


def plain_style(text: str, op: str) -> str:
    """``[-deleted-]`` and ``{+inserted+}`` markers, as git diff --word-diff=plain."""
    if op == "delete":
        return f"[-{text}-]"
    if op == "insert":
        return f"{{+{text}+}}"
    return text


_ANSI_CODES = {"delete": "\x1b[31;9m", "insert": "\x1b[32;4m", "heading": "\x1b[1m"}


def ansi_style(text: str, op: str) -> str:
    """Red struck-through deletions and green underlined insertions."""
    code = _ANSI_CODES.get(op)
    return f"{code}{text}\x1b[0m" if code else text


def _marked(spans: tuple[Span, ...], style: Styler) -> str:
    runs = display_runs(spans)
    whole = "".join(map(itemgetter(1), runs))
    if visible(whole) != whole:  # a control character somewhere: each run made visible
        runs = [(op, visible(shown)) for op, shown in runs]
    out = []
    for op, text in runs:
        if op == "equal":
            out.append(text)
            continue
        core = text.rstrip()
        out.append(style(core, op) + text[len(core) :] if core else text)
    return "".join(out)


def describe_draft(meta: Meta, source: str) -> str:
    """``RC-B7-0135/2012, joint motion for a resolution on Kazakhstan (PPE, S&D), 2012-03-07``."""
    kind = kind_name(meta.kind)
    parts = [", ".join(meta.numbers)] if meta.numbers else []
    parts.append(f"{kind} on {meta.title}" if meta.title else kind)
    groups = ", ".join(g.printed for g in meta.groups)
    text = ", ".join(parts) + (f" ({groups})" if groups else "")
    if meta.date:
        text += f", {meta.date}"
    if meta.procedure:
        text += f", {meta.procedure}"
    text += f", language {meta.language}"
    return visible(f"{text} [{source}]" if source else text)


def summary(stats: Statistics) -> str:
    """The closing summary in words."""
    counts = [f"{count} {relation.value}" for relation, count in stats.by_relation if count]
    return (
        f"Summary: {stats.clauses_old} clauses -> {stats.clauses_new}: {join_words(counts)}. "
        f"Words: {stats.words_inserted} inserted, {stats.words_deleted} deleted; "
        f"{round(stats.share_kept * 100)}% of the old text kept."
    )


def render_text(report: ChangeReport, show_all: bool = False, color: bool = False) -> str:
    """The whole report as text (ANSI colours when ``color``)."""
    style = ansi_style if color else plain_style
    lines = [
        f"--- {describe_draft(report.old_meta, report.old_source)}",
        f"+++ {describe_draft(report.new_meta, report.new_source)}",
        *(visible(f"WARNING: {warning}") for warning in report.warnings),
        "",
    ]
    for change in report.changes:
        if change.relation is Relation.UNCHANGED and not show_all:
            continue
        lines.append(style(visible(headline(change)), "heading"))
        lines.append("    " + _marked(change.spans, style))
        lines.append("")
    if not report.differs:
        lines.append("No differences in content.")
    lines.append(summary(report.statistics))
    return "\n".join(lines) + "\n"
