"""The changes from a to b written as EP amendments: "Amendment 1", the target in the first
draft, a two-column table "Motion for a resolution | Amendment" with changed words in
bold italics, "deleted" for a removed clause. HTML (self-contained) or Markdown."""

from __future__ import annotations

from typing import Any

from amendtool.amendments.numbering import Amendment, amended_prefix, amendments, justification
from amendtool.diffing.report import ChangeReport, ClauseRef
from amendtool.lang import kind_title
from amendtool.model import ClauseKind
from amendtool.renderers.describe import side_runs
from amendtool.renderers.html_page import WARNINGS_CSS, E, file_name, page, warnings_banner
from amendtool.renderers.markdown_report import emphasised, escape, markdown_warnings
from amendtool.renderers.terminal import describe_draft

_CSS = """
body { font: 16px/1.5 Georgia, serif; max-width: 60rem; margin: 1rem auto; padding: 0 1rem; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin: 2rem 0 0.25rem; }
.target { margin: 0 0 0.5rem; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 1px solid #999; padding: 0.4rem 0.6rem; vertical-align: top; text-align: left; }
th { background: #eee; font-weight: bold; text-align: center; }
.justification { font-style: italic; color: #444; }
@media print { h2 { break-after: avoid; } table { break-inside: avoid; } }
"""


def _old_prefix(ref: ClauseRef) -> str:
    return amended_prefix(ref.num if ref.section is not ClauseKind.CITATION else "")


# each clause of one column: what it starts with ("C. ", "5a. ", "– ") and its runs
Side = list[tuple[str, list[tuple[str, str]]]]


def _sides(amendment: Amendment) -> tuple[Side, Side]:
    change = amendment.change
    old = side_runs(change.spans, "old", [r.text for r in change.old])
    new = side_runs(change.spans, "new", [r.text for r in change.new])
    new_prefixes = [amended_prefix(number) for number in amendment.numbers]
    return (
        [(_old_prefix(ref), runs) for ref, runs in zip(change.old, old, strict=True)],
        list(zip(new_prefixes, new, strict=True)),
    )


def _html_cell(side: Side, empty: str) -> Any:
    if not side:
        return E.td(E.i(empty)) if empty else E.td()
    cell = E.td()
    for prefix, runs in side:
        paragraph = E.p(prefix)
        for op, text in runs:
            if op == "equal":
                paragraph.append(E.span(text))
            else:
                core = text.rstrip()
                paragraph.append(E.b(E.i(core)))
                paragraph.append(E.span(text[len(core) :]))
        cell.append(paragraph)
    return cell


def _count(items: list[Amendment]) -> str:
    return f"{len(items)} amendment" + ("" if len(items) == 1 else "s")


def render_amendments_html(report: ChangeReport) -> str:
    """The amendment list as one self-contained HTML page."""
    version = kind_title(report.old_meta.kind)
    items = amendments(report)
    sections = []
    for amendment in items:
        old, new = _sides(amendment)
        section = E.section(
            E.h2(f"Amendment {amendment.number}"),
            E.p(E.b(version), E.br(), E.b(amendment.target), {"class": "target"}),
            E.table(
                E.thead(E.tr(E.th(version), E.th("Amendment"))),
                E.tbody(E.tr(_html_cell(old, ""), _html_cell(new, "deleted"))),
            ),
            {"id": f"am-{amendment.number}", "class": "amendment"},
        )
        note = justification(amendment)
        if note:
            section.append(E.p(note, {"class": "justification"}))
        sections.append(section)
    body = [
        *warnings_banner(report.warnings),
        E.h1(_count(items)),
        E.p(
            f"To: {describe_draft(report.old_meta, file_name(report.old_source))}",
            E.br(),
            f"Giving: {describe_draft(report.new_meta, file_name(report.new_source))}",
        ),
        *sections,
    ]
    css = _CSS + WARNINGS_CSS
    return page(f"Amendments: {report.old_meta.title}", css, body, report.old_meta.language)


def _markdown_cell(side: Side, empty: str) -> str:
    if not side:
        return f"*{empty}*" if empty else ""
    clauses = []
    for prefix, runs in side:
        pieces = [escape(prefix)]
        for op, text in runs:
            pieces.append(escape(text) if op == "equal" else emphasised(text, "***", pieces[-1]))
        clauses.append("".join(pieces).replace("\n", " "))
    return "<br><br>".join(clauses)


def render_amendments_markdown(report: ChangeReport) -> str:
    """The amendment list as Markdown (two-column tables)."""
    version = kind_title(report.old_meta.kind)
    items = amendments(report)
    lines = [
        f"## {_count(items)}",
        "",
        f"To: {escape(describe_draft(report.old_meta, report.old_source))}  ",
        f"Giving: {escape(describe_draft(report.new_meta, report.new_source))}",
        "",
        *markdown_warnings(report.warnings),
    ]
    for amendment in items:
        old, new = _sides(amendment)
        lines += [
            f"### Amendment {amendment.number}",
            "",
            f"**{version}** – **{escape(amendment.target)}**",
            "",
            f"| {version} | Amendment |",
            "|---|---|",
            f"| {_markdown_cell(old, '')} | {_markdown_cell(new, 'deleted')} |",
            "",
        ]
        note = justification(amendment)
        if note:
            lines += [f"*{escape(note)}*", ""]
    return "\n".join(lines)
