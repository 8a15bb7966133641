"""ProvenanceReport -> text, JSON, Markdown and a self-contained HTML matrix."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from amendtool.diffing.provenance import Contribution, JointClause, ProvenanceReport
from amendtool.diffing.report import Change
from amendtool.renderers.clause_refs import ref_to_dict
from amendtool.renderers.describe import join_words
from amendtool.renderers.html_page import (
    DEL,
    INS,
    WARNINGS_CSS,
    E,
    file_name,
    page,
    warnings_banner,
)
from amendtool.renderers.json_text import indented_json
from amendtool.renderers.markdown_report import escape, markdown_warnings
from amendtool.renderers.terminal import describe_draft
from amendtool.safe_chars import visible

FORMAT_VERSION = 1
_CSS = """
body { font: 15px/1.45 Georgia, serif; margin: 1rem; }
h1 { font-size: 1.4rem; } table { border-collapse: collapse; }
th, td { border: 1px solid #bbb; padding: 0.2rem 0.4rem; vertical-align: top; text-align: left; }
td.cell { min-width: 6rem; } summary { cursor: pointer; font: 13px/1.4 system-ui, sans-serif; }
details p { max-width: 40rem; font-size: 14px; }
del { color: #b00020; text-decoration: line-through; } ins { color: #0b6b2b; }
.top summary { font-weight: bold; } .new { font-style: italic; color: #555; }
.s0 { background: #fff; } .s1 { background: #eef3fb; } .s2 { background: #dde7f7; }
.s3 { background: #ccdbf3; } .s4 { background: #bbcfef; } .s5 { background: #aac3eb; }
.s6 { background: #99b7e7; } .s7 { background: #88abe3; } .s8 { background: #779fdf; }
.s9 { background: #6693db; } .s10 { background: #5587d7; }
@media print { details { display: block; } }
"""


def _percent(share: float) -> str:
    return f"{round(share * 100)}%"


def _contribution_words(contribution: Contribution) -> str:
    where = join_words([ref.label for ref in contribution.clauses])
    how = {"unchanged": "verbatim"}.get(contribution.relation.value, contribution.relation.value)
    return f"{contribution.label} {_percent(contribution.share)} ({where}, {how})"


def _clause_line(clause: JointClause) -> str:
    if clause.new:
        return f"{clause.ref.label}: new in the joint text"
    parts = [_contribution_words(c) for c in clause.contributions]
    top = [c.label for c in clause.contributions if c.top]
    tie = f" [tie: {join_words(top)}]" if clause.tie else ""
    return f"{clause.ref.label}: {'; '.join(parts)}{tie}"


def render_provenance_text(report: ProvenanceReport) -> str:
    """The report as plain text."""
    labels = join_words([s.label for s in report.sources])
    lines = [
        f"Provenance of {describe_draft(report.joint_meta, report.joint_path)}",
        f"Sources: {labels}",
        *(f"WARNING: {warning}" for warning in report.warnings),
        "",
    ]
    lines += [_clause_line(clause) for clause in report.clauses]
    lines += ["", "What became of each source:"]
    for source in report.sources:
        lines.append(
            f"  {source.label}: {source.clauses} clauses: {len(source.verbatim)} kept verbatim, "
            f"{len(source.reworded)} reworded, {len(source.dropped)} dropped; "
            f"{_percent(source.share_in_joint)} of its words are in the joint text"
        )
        if source.dropped:
            lines.append(f"    dropped: {', '.join(ref.label for ref in source.dropped)}")
    new = sum(1 for c in report.clauses if c.new)
    lines += ["", f"{len(report.clauses)} joint clauses, {new} new in the joint text."]
    return visible("\n".join(lines) + "\n")


def provenance_to_dict(report: ProvenanceReport) -> dict[str, Any]:
    """The JSON document (schema: amendtool/schemas/provenance.schema.json)."""
    return {
        "format": "amendtool-provenance",
        "version": FORMAT_VERSION,
        "joint": {"source": report.joint_path, "meta": asdict(report.joint_meta)},
        "warnings": list(report.warnings),
        "clauses": [
            {
                **ref_to_dict(clause.ref),
                "new": clause.new,
                "tie": clause.tie,
                "sources": [
                    {
                        "label": c.label,
                        "eid": c.clauses[0].eid,
                        "eids": [r.eid for r in c.clauses],
                        "relation": c.relation.value,
                        "similarity": c.similarity,
                        "share": c.share,
                        "top": c.top,
                    }
                    for c in clause.contributions
                ],
            }
            for clause in report.clauses
        ],
        "sources": [
            {
                "label": s.label,
                "source": s.path,
                "meta": asdict(s.meta),
                "clauses": s.clauses,
                "verbatim": len(s.verbatim),
                "reworded": len(s.reworded),
                "dropped": [ref_to_dict(r) for r in s.dropped],
                "share_in_joint": round(s.share_in_joint, 4),
            }
            for s in report.sources
        ],
    }


def render_provenance_json(report: ProvenanceReport) -> str:
    """Indented JSON text."""
    return indented_json(provenance_to_dict(report))


def render_provenance_markdown(report: ProvenanceReport) -> str:
    """A matrix of joint clauses by source, then each source's fate."""
    labels = [s.label for s in report.sources]
    lines = [
        f"## Provenance: {escape(describe_draft(report.joint_meta, report.joint_path))}",
        "",
        *markdown_warnings(report.warnings),
        "| Joint clause | " + " | ".join(escape(x) for x in labels) + " |",
        "|---|" + "---:|" * len(labels),
    ]
    for clause in report.clauses:
        by_label = {c.label: c for c in clause.contributions}
        cells = []
        for label in labels:
            contribution = by_label.get(label)
            cell = _percent(contribution.share) if contribution else ""
            cells.append(f"**{cell}**" if contribution and contribution.top else cell)
        name = (
            clause.ref.label
            + (" *(new)*" if clause.new else "")
            + (" *(tie)*" if clause.tie else "")
        )
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "| Source | clauses | verbatim | reworded | dropped | words in joint |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for s in report.sources:
        lines.append(
            f"| {escape(s.label)} | {s.clauses} | {len(s.verbatim)} | "
            f"{len(s.reworded)} | {len(s.dropped)} | {_percent(s.share_in_joint)} |"
        )
    return "\n".join(lines) + "\n"


def _diff_paragraph(change: Change) -> Any:
    parts: list[Any] = []
    for span in change.spans:
        if span.op == "equal":
            parts.append(span.new)
        elif span.op == "delete":
            parts.append(DEL(span.old))
        else:
            parts.append(INS(span.new))
    return E.p(*parts)


def _cell(contribution: Contribution | None, change: Change | None) -> Any:
    """One matrix cell: the share, shaded, opening to the word diff source -> joint."""
    if contribution is None or change is None:
        return E.td("", {"class": "cell s0"})
    shade = f"s{round(contribution.share * 10)}"
    where = join_words([r.label for r in contribution.clauses])
    return E.td(
        E.details(
            E.summary(f"{_percent(contribution.share)} · {where}"),
            _diff_paragraph(change),
        ),
        {"class": f"cell {shade}" + (" top" if contribution.top else "")},
    )


def _matrix(report: ProvenanceReport) -> Any:
    """Joint clauses (rows) by sources (columns)."""
    changes: dict[tuple[str, str], Change] = {}
    for source in report.sources:
        for change in source.report.changes:
            for ref in change.new:
                changes[(source.label, ref.eid)] = change
    head = E.tr(E.th("Joint clause"), *(E.th(s.label) for s in report.sources))
    rows = []
    for clause in report.clauses:
        by_label = {c.label: c for c in clause.contributions}
        cells = [
            _cell(by_label.get(s.label), changes.get((s.label, clause.ref.eid)))
            for s in report.sources
        ]
        label: list[Any] = [clause.ref.label]
        if clause.new:
            label.append(E.span(" new in the joint text", {"class": "new"}))
        if clause.tie:
            label.append(E.span(" (tie)", {"class": "new"}))
        rows.append(E.tr(E.th(*label), *cells))
    return E.table(E.thead(head), E.tbody(*rows), {"class": "matrix"})


def _fates(report: ProvenanceReport) -> Any:
    """What became of each source: clauses kept verbatim, reworded, dropped."""
    columns = ["Source", "clauses", "verbatim", "reworded", "dropped", "words in joint"]
    rows = [
        E.tr(
            E.th(s.label),
            E.td(str(s.clauses)),
            E.td(str(len(s.verbatim))),
            E.td(str(len(s.reworded))),
            E.td(", ".join(r.label for r in s.dropped) or "–"),
            E.td(_percent(s.share_in_joint)),
        )
        for s in report.sources
    ]
    return E.table(E.thead(E.tr(*(E.th(c) for c in columns))), E.tbody(*rows))


def render_provenance_html(report: ProvenanceReport) -> str:
    """A matrix of joint clauses by source, shaded by share; each cell opens the diff."""
    title = f"Provenance: {describe_draft(report.joint_meta, file_name(report.joint_path))}"
    body = [
        *warnings_banner(report.warnings),
        E.h1(title),
        E.p(
            "Each cell: the share of the joint clause's words found in that source's "
            "clause(s), darker for more; open it for the word-level diff (source -> joint)."
        ),
        _matrix(report),
        E.h2("What became of each source"),
        _fates(report),
    ]
    return page(title, _CSS + WARNINGS_CSS, body, report.joint_meta.language)
