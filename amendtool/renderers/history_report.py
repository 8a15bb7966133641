"""History -> text, JSON, Markdown and a self-contained HTML timeline."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from amendtool.diffing.history import History, Thread
from amendtool.diffing.report import ClauseRef
from amendtool.renderers.clause_refs import ref_to_dict
from amendtool.renderers.html_page import E, page
from amendtool.renderers.markdown_report import escape
from amendtool.renderers.terminal import describe_draft
from amendtool.safe_chars import visible

FORMAT_VERSION = 1
_CSS = """
body { font: 15px/1.45 Georgia, serif; margin: 1rem; }
table { border-collapse: collapse; } th, td { border: 1px solid #ccc; padding: 0.2rem 0.5rem; }
th { text-align: left; font: bold 13px/1.4 system-ui, sans-serif; vertical-align: bottom; }
td.step { font: 12px/1.4 system-ui, sans-serif; text-align: center; color: #333; }
td.absent { background: #f2f2f2; color: #999; }
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


def render_history_text(history: History) -> str:
    """One line per clause thread, then the clauses born late and dropped early."""
    lines = [
        f"v{i + 1}: {describe_draft(meta, path)}"
        for i, (meta, path) in enumerate(zip(history.metas, history.paths, strict=True))
    ]
    lines.append("")
    lines += [_line(thread) for thread in history.threads]
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
    return json.dumps(history_to_dict(history), ensure_ascii=False, indent=2) + "\n"


def render_history_markdown(history: History) -> str:
    """A table: one row per clause, one column per version, the relation between them."""
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
    return "\n".join(lines) + "\n"


def render_history_html(history: History) -> str:
    """A timeline table: versions as columns, each change coloured by its relation."""
    head = [E.th(f"v1: {describe_draft(history.metas[0], history.paths[0])}")]
    for i in range(1, len(history.metas)):
        head += [E.th(""), E.th(f"v{i + 1}: {describe_draft(history.metas[i], history.paths[i])}")]
    rows = []
    for thread in history.threads:
        cells = [_cell(thread.clauses[0])]
        for step, relation in enumerate(thread.steps):
            name = relation.value if relation else ""
            cells.append(E.td(name, {"class": f"step r-{name}" if name else "step"}))
            cells.append(_cell(thread.clauses[step + 1]))
        rows.append(E.tr(*cells))
    body = [
        E.h1("History of the clauses"),
        E.table(E.thead(E.tr(*head)), E.tbody(*rows), {"class": "timeline"}),
    ]
    return page("History of the clauses", _CSS, body, history.metas[-1].language)


def _cell(refs: tuple[ClauseRef, ...]) -> Any:
    if not refs:
        return E.td("–", {"class": "absent"})
    return E.td(_labels(refs), title=refs[0].text[:300])
