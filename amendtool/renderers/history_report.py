"""History -> text, JSON, Markdown and a self-contained HTML timeline."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from amendtool.diffing.history import History, Thread
from amendtool.diffing.report import Change, ClauseRef, Relation
from amendtool.diffing.words import Span
from amendtool.renderers.clause_refs import ref_to_dict
from amendtool.renderers.describe import display_runs
from amendtool.renderers.html_page import DEL, INS, E, file_name, page
from amendtool.renderers.json_text import indented_json
from amendtool.renderers.markdown_report import emphasised, escape
from amendtool.renderers.terminal import describe_draft, plain_style
from amendtool.safe_chars import visible

FORMAT_VERSION = 1
_CSS = """
body { font: 15px/1.45 Georgia, serif; margin: 1rem; }
table { border-collapse: collapse; } th, td { border: 1px solid #ccc; padding: 0.2rem 0.5rem; }
th { text-align: left; font: bold 13px/1.4 system-ui, sans-serif; vertical-align: bottom; }
td.step { font: 12px/1.4 system-ui, sans-serif; text-align: center; color: #333; }
td.absent { background: #f2f2f2; color: #999; }
td.step details { text-align: left; } td.step summary { cursor: pointer; text-align: center; }
td.step .words { font: 14px/1.45 Georgia, serif; min-width: 16rem; margin: 0.3rem 0; }
del { color: #b00020; text-decoration: line-through; } ins { color: #0b6b2b; }
.r-modified { background: #fff1d6; } .r-moved { background: #ece6f7; }
.r-inserted { background: #e3f5e8; } .r-deleted { background: #fde7ea; }
.r-split, .r-merged { background: #e0f1f6; } .r-unchanged { background: #fff; }
"""


def _labels(refs: tuple[ClauseRef, ...]) -> str:
    return ", ".join(ref.label for ref in refs)


def _line(thread: Thread) -> str:
    parts = [_labels(thread.clauses[0]) or "–"]
    for step, relation in enumerate(thread.steps):
        arrow = f" ={relation.value}=> " if relation else "   "
        parts.append(arrow + (_labels(thread.clauses[step + 1]) or "–"))
    return "".join(parts)


def step_changes(history: History, thread: Thread) -> list[Change | None]:
    """For each step of ``thread``: the change that took it from one version to the next."""
    found: list[Change | None] = []
    for step, report in enumerate(history.reports):
        before = {ref.eid for ref in thread.clauses[step]}
        after = {ref.eid for ref in thread.clauses[step + 1]}
        found.append(
            next(
                (
                    change
                    for change in report.changes
                    if before & {r.eid for r in change.old} or after & {r.eid for r in change.new}
                ),
                None,
            )
        )
    return found


def _worded(change: Change | None) -> bool:
    return (
        change is not None
        and change.relation is not Relation.UNCHANGED
        and any(span.op != "equal" for span in change.spans)
    )


def render_history_text(history: History, words: bool = False) -> str:
    """One line per clause thread, then the clauses born late and dropped early.

    With ``words``, each changed step is followed by its words (``[-old-] {+new+}``).
    """
    lines = [
        f"v{i + 1}: {describe_draft(meta, path)}"
        for i, (meta, path) in enumerate(zip(history.metas, history.paths, strict=True))
    ]
    lines.append("")
    for thread in history.threads:
        lines.append(_line(thread))
        if words:
            for step, change in enumerate(step_changes(history, thread)):
                if change is not None and _worded(change):
                    lines.append(f"    v{step + 1}->v{step + 2}: {marked_text(change.spans)}")
    late = [t for t in history.threads if t.born > 0]
    early = [t for t in history.threads if t.last < len(history.metas) - 1]
    lines.append("")
    lines.append(
        "Born late: "
        + ("; ".join(f"{_labels(t.clauses[t.born])} (v{t.born + 1})" for t in late) or "none")
    )
    lines.append(
        "Dropped early: "
        + (
            "; ".join(f"{_labels(t.clauses[t.last])} (after v{t.last + 1})" for t in early)
            or "none"
        )
    )
    return visible("\n".join(lines) + "\n")


def history_to_dict(history: History) -> dict[str, Any]:
    """The JSON document."""
    return {
        "format": "amendtool-history",
        "version": FORMAT_VERSION,
        "versions": [
            {"source": path, "meta": asdict(meta)}
            for meta, path in zip(history.metas, history.paths, strict=True)
        ],
        "threads": [
            {
                "clauses": [[ref_to_dict(ref) for ref in refs] for refs in thread.clauses],
                "steps": [relation.value if relation else None for relation in thread.steps],
                "born": thread.born,
                "last": thread.last,
            }
            for thread in history.threads
        ],
    }


def render_history_json(history: History) -> str:
    """Indented JSON text."""
    return indented_json(history_to_dict(history))


def render_history_markdown(history: History, words: bool = False) -> str:
    """A table: one row per clause, one column per version, the relation between them.

    With ``words``, the words of every changed step follow the table, clause by clause.
    """
    count = len(history.metas)
    header = ["v1"] + [x for i in range(1, count) for x in (f"→ {i + 1}", f"v{i + 1}")]
    lines = [
        f"- v{i + 1}: {escape(describe_draft(m, p))}"
        for i, (m, p) in enumerate(zip(history.metas, history.paths, strict=True))
    ]
    lines += ["", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for thread in history.threads:
        cells = [_labels(thread.clauses[0]) or "–"]
        for step, relation in enumerate(thread.steps):
            cells += [relation.value if relation else "", _labels(thread.clauses[step + 1]) or "–"]
        lines.append("| " + " | ".join(cells) + " |")
    if words:
        lines += ["", "## Words", ""]
        for thread in history.threads:
            for step, change in enumerate(step_changes(history, thread)):
                if change is not None and _worded(change):
                    where = _labels(thread.clauses[step + 1] or thread.clauses[step])
                    lines.append(
                        f"- **{escape(where)}**, v{step + 1} → v{step + 2}: "
                        f"{markdown_words(change.spans)}"
                    )
    return "\n".join(lines) + "\n"


def render_history_html(history: History) -> str:
    """A timeline table: versions as columns, each change coloured by its relation."""
    names = [file_name(path) for path in history.paths]
    head = [E.th(f"v1: {describe_draft(history.metas[0], names[0])}")]
    for i in range(1, len(history.metas)):
        head += [E.th(""), E.th(f"v{i + 1}: {describe_draft(history.metas[i], names[i])}")]
    rows = []
    for thread in history.threads:
        cells = [_cell(thread.clauses[0])]
        changes = step_changes(history, thread)
        for step, relation in enumerate(thread.steps):
            name = relation.value if relation else ""
            cell = E.td({"class": f"step r-{name}" if name else "step"})
            change = changes[step]
            if change is not None and _worded(change):
                cell.append(
                    E.details(E.summary(name), E.p(*html_words(change.spans), {"class": "words"}))
                )
            else:
                cell.text = name
            cells.append(cell)
            cells.append(_cell(thread.clauses[step + 1]))
        rows.append(E.tr(*cells))
    body = [
        E.h1("History of the clauses"),
        E.table(E.thead(E.tr(*head)), E.tbody(*rows), {"class": "timeline"}),
    ]
    return page("History of the clauses", _CSS, body, history.metas[-1].language)


def marked_text(spans: tuple[Span, ...]) -> str:
    """One line with ``[-deleted-]`` and ``{+inserted+}`` words."""
    out = []
    for op, text in display_runs(spans):
        core = text.rstrip()
        out.append(text if op == "equal" or not core else plain_style(core, op) + text[len(core) :])
    return "".join(out)


def markdown_words(spans: tuple[Span, ...]) -> str:
    """Deleted words struck through (``~~``), inserted ones in bold."""
    pieces: list[str] = []
    for op, text in display_runs(spans):
        if op == "equal":
            pieces.append(escape(text))
        else:
            pieces.append(
                emphasised(text, "~~" if op == "delete" else "**", pieces[-1] if pieces else "")
            )
    return "".join(pieces).replace("\n", " ")


def html_words(spans: tuple[Span, ...]) -> list[Any]:
    """Inline HTML: the words with <del> and <ins> around the changed ones."""
    parts: list[Any] = []
    for op, text in display_runs(spans):
        core = text.rstrip()
        if op == "equal" or not core:
            parts.append(text)
        else:
            parts += [(DEL if op == "delete" else INS)(core), text[len(core) :]]
    return parts


def _cell(refs: tuple[ClauseRef, ...]) -> Any:
    if not refs:
        return E.td("–", {"class": "absent"})
    return E.td(_labels(refs), title=refs[0].text[:300])
