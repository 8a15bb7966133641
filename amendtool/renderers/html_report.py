"""ChangeReport -> one self-contained HTML page (inline CSS and JS, no outside requests).

Built with lxml's element builder, so every piece of document text is escaped by
construction. A Content-Security-Policy allows only the page's own inline style and
script (by hash) and forbids every load from elsewhere.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from amendtool import __version__
from amendtool.diffing.report import SECTION_NAMES, Change, ChangeReport, ClauseRef, Relation
from amendtool.diffing.words import Span
from amendtool.lang import kind_name, kind_title
from amendtool.model import ClauseKind, Meta
from amendtool.renderers.describe import display_runs, headline, refs_label, side_runs
from amendtool.renderers.html_page import (
    DEL,
    INS,
    WARNINGS_CSS,
    E,
    file_name,
    page,
    warnings_banner,
)

SHOWN_BY_DEFAULT = {r for r in Relation if r is not Relation.UNCHANGED}


def read_asset(name: str) -> str:
    return resources.files("amendtool.renderers").joinpath(f"assets/{name}").read_text("utf-8")


def draft_name(meta: Meta) -> str:
    """``RC-B7-0135/2012``; without a number, ``Greens/EFA motion for a resolution``."""
    if meta.numbers:
        return ", ".join(meta.numbers)
    groups = ", ".join(g.printed for g in meta.groups)
    return f"{groups} {kind_name(meta.kind)}" if groups else kind_title(meta.kind)


def _draft_rows(old: Meta, new: Meta, old_source: str, new_source: str) -> list[Any]:
    def cells(values: tuple[str, str]) -> list[Any]:
        return [E.td(values[0]), E.td(values[1])]

    rows = [
        ("Document", (kind_title(old.kind), kind_title(new.kind))),
        ("Title", (old.title, new.title)),
        ("Reference", (", ".join(old.numbers), ", ".join(new.numbers))),
        ("Date", (old.date, new.date)),
        ("Procedure", (old.procedure, new.procedure)),
        ("Language", (old.language, new.language)),
        (
            "Groups",
            (", ".join(g.printed for g in old.groups), ", ".join(g.printed for g in new.groups)),
        ),
        ("Authors", (", ".join(old.authors), ", ".join(new.authors))),
        ("File", (file_name(old_source), file_name(new_source))),
    ]
    return [E.tr(E.th(label), *cells(values)) for label, values in rows if any(values)]


def _summary(report: ChangeReport) -> list[Any]:
    stats = report.statistics
    counts = {(s, r): n for s, r, n in stats.by_section}
    relations = [r for r, n in stats.by_relation if n]
    head = E.tr(E.th("Section"), *(E.th(r.value) for r in relations))
    body = []
    for section in ClauseKind:
        if any(counts.get((section, r)) for r in relations):
            body.append(
                E.tr(
                    E.th(SECTION_NAMES[section][1]),
                    *(E.td(str(counts.get((section, r), 0)), {"class": "n"}) for r in relations),
                )
            )
    total = dict(stats.by_relation)
    body.append(E.tr(E.th("All"), *(E.td(str(total[r]), {"class": "n"}) for r in relations)))
    line = (
        f"{stats.clauses_old} clauses in the old draft, {stats.clauses_new} in the new. "
        f"{stats.words_inserted} words inserted, {stats.words_deleted} deleted; "
        f"{round(stats.share_kept * 100)}% of the old text kept."
    )
    return [
        E.p(line, {"class": "summary-line"}),
        E.div(
            E.table(E.thead(head), E.tbody(*body), {"class": "summary"}), {"class": "summary-wrap"}
        ),
    ]


def _inline(spans: tuple[Span, ...]) -> list[Any]:
    """Both drafts in one run of text: each side keeps its spacing, so a space is added
    where two words would touch (``Kazakhstan <del>with regard</del>``)."""
    parts: list[Any] = []
    for op, text in display_runs(spans):
        if op == "equal":
            parts.append(text)
        else:
            parts += _marked(DEL if op == "delete" else INS, text)
    return parts


def _clauses(refs: tuple[ClauseRef, ...], spans: tuple[Span, ...], side: str) -> list[Any]:
    """One side of a change, each clause a paragraph headed by its own number."""
    runs = side_runs(spans, side, [ref.text for ref in refs])
    paragraphs = []
    for ref, clause_runs in zip(refs, runs, strict=True):
        number = "–" if ref.section is ClauseKind.CITATION else f"{ref.number}."
        parts: list[Any] = [E.span(number, {"class": "num", "title": ref.label}), " "]
        for op, text in clause_runs:
            parts += [text] if op == "equal" else _marked(DEL if op == "delete" else INS, text)
        paragraphs.append(E.p(*parts))
    return paragraphs


def _marked(make: Any, text: str) -> list[Any]:
    """The element around the words; the space after them stays outside. A change of
    punctuation only (a comma) is marked as such, so that it can be seen."""
    core = text.rstrip()
    if not core:
        return [text]
    element = make(core)
    if not any(character.isalnum() for character in core):
        element.set("class", "punct")
        element.set("title", "punctuation " + ("inserted" if make is INS else "deleted"))
    return [element, text[len(core) :]]


def _neighbour(report: ChangeReport, index: int, side: str) -> tuple[str, int] | None:
    """For a moved clause: the clause it follows in one draft (``old`` or ``new``), and
    the change showing that clause."""
    moved = getattr(report.changes[index], side)[0]
    best: tuple[int, str, int] | None = None
    for position, change in enumerate(report.changes):
        for ref in getattr(change, side):
            if (
                ref.section is moved.section
                and ref.position < moved.position
                and (best is None or ref.position > best[0])
            ):
                best = (ref.position, ref.label, position)
    return (best[1], best[2]) if best else None


_MOVED_WORDS = {
    "old": ("In the old draft it followed ", "In the old draft it came first in its section"),
    "new": ("in the new draft it follows ", "in the new draft it comes first in its section"),
}


def _where_moved(report: ChangeReport, index: int) -> list[Any]:
    """``In the old draft it followed Recital D; in the new draft it follows Recital H.``

    Each clause named links to its card (the page script shows a card hidden by the filter).
    """
    parts: list[Any] = []
    for side, end in (("old", "; "), ("new", ".")):
        follows, first = _MOVED_WORDS[side]
        neighbour = _neighbour(report, index, side)
        if neighbour:
            label, position = neighbour
            parts += [follows, E.a(label, {"class": "follows", "href": f"#change-{position + 1}"})]
        else:
            parts.append(first)
        parts.append(end)
    return parts


def _change(report: ChangeReport, index: int, show_all: bool = False) -> Any:
    change: Change = report.changes[index]
    relation = change.relation.value
    old_label = refs_label(change.old) if change.old else "(not in the old draft)"
    new_label = refs_label(change.new) if change.new else "(not in the new draft)"
    shown = change.relation in SHOWN_BY_DEFAULT or show_all
    section = E.section(
        E.h3(E.span(relation, {"class": "badge"}), headline(change)),
        {
            "class": f"change r-{relation}" + ("" if shown else " hidden"),
            "id": f"change-{index + 1}",
            "tabindex": "-1",
            "data-relation": relation,
        },
    )
    if change.weak:
        section.append(
            E.p(
                f"Uncertain match: {round(change.similarity * 100)}% of the words "
                "are shared; check the wording.",
                {"class": "weak"},
            )
        )
    old_cell = (
        E.td(*_clauses(change.old, change.spans, "old")) if change.old else E.td(E.em("(new)"))
    )
    new_cell = (
        E.td(*_clauses(change.new, change.spans, "new")) if change.new else E.td(E.em("(deleted)"))
    )
    section.append(
        E.table(
            E.thead(E.tr(E.th(f"Old: {old_label}"), E.th(f"New: {new_label}"))),
            E.tbody(E.tr(old_cell, new_cell)),
            {"class": "sbs"},
        )
    )
    section.append(E.div(E.p(*_inline(change.spans)), {"class": "inline"}))
    if change.relation is Relation.MOVED:
        section.append(E.p(*_where_moved(report, index), {"class": "related"}))
    elif change.relation in (Relation.SPLIT, Relation.MERGED):
        section.append(
            E.p(f"{old_label} (old) corresponds to {new_label} (new).", {"class": "related"})
        )
    return section


def _toc(report: ChangeReport) -> Any:
    groups: dict[ClauseKind, list[Any]] = {kind: [] for kind in ClauseKind}
    for index, change in enumerate(report.changes):
        section = (change.new or change.old)[0].section
        item = E.li(
            E.a(headline(change), href=f"#change-{index + 1}"),
            {"data-relation": change.relation.value},
        )
        if change.relation not in SHOWN_BY_DEFAULT:
            item.set("class", "hidden")
        groups[section].append(item)
    blocks: list[Any] = [E.h2("Contents")]
    for kind, items in groups.items():
        if items:
            blocks += [E.h3(SECTION_NAMES[kind][1]), E.ul(*items)]
    return E.nav(*blocks, {"class": "toc", "aria-label": "Contents"})


def _controls(report: ChangeReport, show_all: bool) -> Any:
    counts = dict(report.statistics.by_relation)
    boxes = []
    for relation in Relation:
        if not counts[relation]:
            continue
        box = E.input(type="checkbox", id=f"show-{relation.value}")
        box.set("data-relation", relation.value)
        if relation in SHOWN_BY_DEFAULT or show_all:
            box.set("checked", "checked")
        boxes.append(E.label(box, f" {relation.value} ({counts[relation]})"))
    return E.nav(
        E.fieldset(
            E.legend("View"),
            E.button("Side by side", type="button", **{"data-view": "side-by-side"}),
            E.button("Inline", type="button", **{"data-view": "inline"}),
        ),
        E.button("◀ Previous (p)", type="button", id="previous"),
        E.button("Next (n) ▶", type="button", id="next"),
        E.span("", id="position", **{"aria-live": "polite"}),
        E.fieldset(E.legend("Show"), *boxes),
        {"class": "controls", "aria-label": "Report controls"},
    )


def render_html(report: ChangeReport, show_all: bool = False, markup_date: str = "") -> str:
    """The whole report as one HTML document.

    ``show_all``: unchanged clauses are shown (and printed) too; ``markup_date``: the date
    of generation in the footer (ISO; the registry passes today or SOURCE_DATE_EPOCH's).
    """
    old, new = report.old_meta, report.new_meta
    title = f"{draft_name(old)} → {draft_name(new)}"
    kinds = f"{kind_title(old.kind)} → {kind_title(new.kind)}"
    subject = new.title or old.title
    legend = E.p(
        "Legend: ",
        DEL("deleted words"),
        " are struck through, ",
        INS("inserted words"),
        " underlined; each change is labelled in words.",
        {"class": "legend"},
    )
    body = [
        *warnings_banner(report.warnings),
        E.header(
            E.h1(title),
            E.p(kinds + (f": {subject}" if subject else ""), {"class": "kinds"}),
            E.table(
                E.thead(E.tr(E.th(""), E.th("Old draft"), E.th("New draft"))),
                E.tbody(*_draft_rows(old, new, report.old_source, report.new_source)),
                {"class": "drafts"},
            ),
            *_summary(report),
            legend,
        ),
        _controls(report, show_all),
        E.main(
            _toc(report),
            E.h2("Changes"),
            *(_change(report, i, show_all) for i in range(len(report.changes))),
        ),
        E.footer(
            E.p(
                f"Made by amendtool {__version__}"
                + (f" on {markup_date}" if markup_date else "")
                + ". No outside resources are loaded.",
                {"class": "made"},
            )
        ),
    ]
    css = read_asset("report.css") + WARNINGS_CSS
    return page(f"Changes: {title}", css, body, new.language, script=read_asset("report.js"))
