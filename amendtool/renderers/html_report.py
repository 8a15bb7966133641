"""ChangeReport -> one self-contained HTML page (inline CSS and JS, no outside requests).

Built with lxml's element builder, so every piece of document text is escaped by
construction. A Content-Security-Policy allows only the page's own inline style and
script (by hash) and forbids every load from elsewhere.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from amendtool import __version__
from amendtool.diffing.report import SECTION_NAMES, Change, ChangeReport, Relation
from amendtool.diffing.words import Span
from amendtool.lang import kind_title
from amendtool.model import ClauseKind, Meta
from amendtool.renderers.describe import headline, refs_label
from amendtool.renderers.html_page import DEL, INS, WARNINGS_CSS, E, page, warnings_banner

SHOWN_BY_DEFAULT = {r for r in Relation if r is not Relation.UNCHANGED}


def read_asset(name: str) -> str:
    return resources.files("amendtool.renderers").joinpath(f"assets/{name}").read_text("utf-8")


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
        ("File", (old_source, new_source)),
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
        E.table(E.thead(head), E.tbody(*body), {"class": "summary"}),
    ]


def _spans(spans: tuple[Span, ...], side: str) -> list[Any]:
    """Inline content for one side (``old``, ``new``) or both (``inline``)."""
    parts: list[Any] = []
    for span in spans:
        if span.op == "equal":
            parts.append(span.new if side != "old" else span.old)
        elif span.op == "delete" and side in ("old", "inline"):
            parts += _marked(DEL, span.old)
        elif span.op == "insert" and side in ("new", "inline"):
            parts += _marked(INS, span.new)
    return parts


def _marked(make: Any, text: str) -> list[Any]:
    """The element around the words; the space after them stays outside."""
    core = text.rstrip()
    return [make(core), text[len(core) :]] if core else [text]


def _old_neighbour(report: ChangeReport, index: int) -> tuple[str, int] | None:
    """For a moved clause: the old clause it followed, and the change showing that clause."""
    moved = report.changes[index].old[0]
    best: tuple[int, str, int] | None = None
    for position, change in enumerate(report.changes):
        for ref in change.old:
            if (
                ref.section is moved.section
                and ref.position < moved.position
                and (best is None or ref.position > best[0])
            ):
                best = (ref.position, ref.label, position)
    return (best[1], best[2]) if best else None


def _change(report: ChangeReport, index: int) -> Any:
    change: Change = report.changes[index]
    relation = change.relation.value
    old_label = refs_label(change.old) if change.old else "(not in the old draft)"
    new_label = refs_label(change.new) if change.new else "(not in the new draft)"
    section = E.section(
        E.h3(E.span(relation, {"class": "badge"}), headline(change)),
        {
            "class": f"change r-{relation}",
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
    old_cell = E.td(*_spans(change.spans, "old")) if change.old else E.td(E.em("(new)"))
    new_cell = E.td(*_spans(change.spans, "new")) if change.new else E.td(E.em("(deleted)"))
    section.append(
        E.table(
            E.thead(E.tr(E.th(f"Old: {old_label}"), E.th(f"New: {new_label}"))),
            E.tbody(E.tr(old_cell, new_cell)),
            {"class": "sbs"},
        )
    )
    section.append(E.div(E.p(*_spans(change.spans, "inline")), {"class": "inline"}))
    if change.relation is Relation.MOVED:
        neighbour = _old_neighbour(report, index)
        where = (
            [
                "In the old draft it followed ",
                E.a(neighbour[0], href=f"#change-{neighbour[1] + 1}"),
                ".",
            ]
            if neighbour
            else ["In the old draft it came first in its section."]
        )
        section.append(E.p(*where, {"class": "related"}))
    elif change.relation in (Relation.SPLIT, Relation.MERGED):
        section.append(
            E.p(f"{old_label} (old) corresponds to {new_label} (new).", {"class": "related"})
        )
    return section


def _toc(report: ChangeReport) -> Any:
    groups: dict[ClauseKind, list[Any]] = {kind: [] for kind in ClauseKind}
    for index, change in enumerate(report.changes):
        section = (change.new or change.old)[0].section
        groups[section].append(
            E.li(
                E.a(headline(change), href=f"#change-{index + 1}"),
                {"data-relation": change.relation.value},
            )
        )
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


def render_html(report: ChangeReport, show_all: bool = False) -> str:
    """The whole report as one HTML document (``show_all``: unchanged clauses shown too)."""
    old, new = report.old_meta, report.new_meta
    title = f"Changes: {old.title or 'old draft'} → {new.title or 'new draft'}"
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
            *(_change(report, i) for i in range(len(report.changes))),
        ),
        E.footer(E.p(f"Made by amendtool {__version__}. No outside resources are loaded.")),
    ]
    css = read_asset("report.css") + WARNINGS_CSS
    return page(title, css, body, new.language, script=read_asset("report.js"))
