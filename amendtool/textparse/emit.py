"""Resolution -> canonical plain text that :func:`amendtool.textparse.parse_text` reads back.

The layout is the EP web page's, without cruft: a header (kind with tabling groups and
title, numbers, date, procedure, rule, authors, replaced motions), the formula, dashed
citations, lettered recitals, numbered paragraphs with ``(a)`` points, footnote markers
as ``[n]`` and footnote bodies at the end.
"""

from __future__ import annotations

from amendtool.model import Clause, Point, Resolution, all_notes
from amendtool.textparse.notes import insert_markers
from amendtool.textparse.phrases import language


def _header(resolution: Resolution) -> list[str]:
    meta = resolution.meta
    phrases = language(meta.language)
    groups = ", ".join(g.printed for g in meta.groups)
    kind_line = " ".join(part for part in (groups, phrases.kind_words[meta.kind]) if part)
    if meta.title:
        kind_line += f" {phrases.on_word} {meta.title}"
    lines = [kind_line, *meta.numbers]
    if meta.date:
        year, month, day = meta.date.split("-")
        lines.append(f"{day}.{month}.{year}")
    if meta.procedure:
        lines.append(f"({meta.procedure})")
    if meta.rule:
        lines.append(phrases.rule_line.format(rule=meta.rule))
    if meta.authors:
        lines.append(phrases.on_behalf_line(", ".join(meta.authors), groups))
    if meta.replaces:
        lines.append(phrases.replacing_line)
        for motion in meta.replaces:
            group = f" ({motion.group.printed})" if motion.group else ""
            lines.append(f"{motion.number}{group}")
    return lines


def _points(points: tuple[Point, ...]) -> list[str]:
    lines: list[str] = []
    for point in points:
        label = f"({point.num})" if point.num else "–"
        lines.append(f"{label} {insert_markers(point.text, point.notes)}".rstrip())
        lines.extend(_points(point.points))
    return lines


def _clause(clause: Clause) -> list[str]:
    text = insert_markers(clause.text, clause.notes)
    match clause.kind.value, clause.num:
        case "citation", _:
            first = f"- {text}"
        case _, "":
            first = f"- {text}"
        case _, num:
            first = f"{num}. {text}"
    lines = [first.rstrip(), *_points(clause.points)]
    if clause.wrap_up:
        lines.append(clause.wrap_up)
    return lines


def emit_text(resolution: Resolution) -> str:
    """The canonical plain text of a resolution, ending with a newline."""
    blocks: list[list[str]] = [_header(resolution)]
    if resolution.formula:
        blocks.append([resolution.formula])
    unclassified_after: dict[str, list[str]] = {}
    for block in resolution.unclassified:
        unclassified_after.setdefault(block.after, []).append(block.text)
    if "" in unclassified_after:
        blocks.append(unclassified_after[""])
    for clause in resolution.clauses:
        blocks.append(_clause(clause))
        if clause.eid in unclassified_after:
            blocks.append(unclassified_after[clause.eid])
    notes = [n for c in resolution.clauses for n in all_notes(c) if n.body]
    if notes:
        blocks.append([f"[{note.marker}] {note.body}" for note in notes])
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
