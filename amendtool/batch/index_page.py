"""OUT/index.html: charts and a sortable, filterable table linking every report.

Written incrementally (lxml's ``htmlfile``): one table row at a time, so the page can list
any number of procedures without holding them in memory. Self-contained like the reports
(see :mod:`amendtool.renderers.html_page`): inline CSS and JS allowed by hash, inline SVG,
nothing loaded from anywhere. All text from documents is escaped by lxml.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from typing import IO, Any
from urllib.parse import quote

from lxml import etree

from amendtool import __version__
from amendtool.batch.row import OK, Row
from amendtool.batch.summary import Figures
from amendtool.renderers.html_page import E, csp_hash

TITLE = "amendtool batch: procedures"


def _asset(name: str) -> str:
    return resources.files("amendtool.batch").joinpath(f"assets/{name}").read_text("utf-8")


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value:.0%}"


def _link(procedure: str, name: str, text: str) -> Any:
    return E.a(text, href=f"{quote(procedure)}/{quote(name)}")


def _head(css: str, script: str) -> Any:
    policy = (
        f"default-src 'none'; style-src {csp_hash(css)}; script-src {csp_hash(script)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    return E.head(
        E.meta(charset="utf-8"),
        E.meta(name="viewport", content="width=device-width, initial-scale=1"),
        E.meta(**{"http-equiv": "Content-Security-Policy", "content": policy}),
        E.title(TITLE),
        E.style(css),
    )


def _charts(figures: Figures) -> Any:
    section = E.section(E.h2("Charts"), {"class": "charts"})
    if not figures.groups:
        section.append(E.p("No procedure succeeded: nothing to chart."))
        return section
    from amendtool.batch import charts

    for chart_id, caption, make in (
        (
            "chart-groups",
            "Share of each group's motion text kept, per group",
            charts.share_by_group,
        ),
        ("chart-years", "Share kept in the joint text, per year and group", charts.share_by_year),
        ("chart-distribution", "Distribution over procedures", charts.distribution),
    ):
        section.append(E.figure(make(figures), E.figcaption(caption), id=chart_id))
    return section


def _header(figures: Figures) -> list[Any]:
    ok = figures.procedures - figures.failed
    return [
        E.h1(TITLE),
        E.p(
            f"{figures.procedures} procedures: {ok} compared, {figures.failed} failed. "
            "Shares are the part of a group's motion text (in words) found unchanged in the "
            "joint motion and in the adopted text. Data: ",
            E.a("summary.csv", href="summary.csv"),
            ", ",
            E.a("summary.json", href="summary.json"),
            ".",
        ),
    ]


def _controls(count: int) -> Any:
    return E.div(
        E.label("Filter ", E.input(type="search", id="filter", placeholder="text in any column")),
        E.label(
            " Status ",
            E.select(
                E.option("all", value=""),
                E.option("ok", value="ok"),
                E.option("error", value="error"),
                id="status-filter",
            ),
        ),
        E.span(f"{count} of {count} procedures shown", id="shown", role="status"),
        {"class": "controls"},
    )


def _head_row(groups: list[str]) -> Any:
    columns = [
        ("Procedure", "text"),
        ("Status", "text"),
        ("Year", "number"),
        ("Title", "text"),
        ("Joint motion", "text"),
        ("Adopted text", "text"),
        ("Motions", "number"),
        ("Joint kept in adopted", "number"),
        *((f"{group}: joint / adopted", "number") for group in groups),
        ("Reports", "text"),
        ("Problems", "text"),
    ]
    cells = [
        E.th(E.button(name, type="button", **{"data-type": kind}), scope="col")
        for name, kind in columns
    ]
    return E.thead(E.tr(*cells))


def _sorted_cell(text: str, value: float | None, css: str = "number") -> Any:
    cell = E.td(text, {"class": css})
    cell.set("data-sort", "" if value is None else f"{value:.4f}")
    return cell


def _reports(row: Row) -> Any:
    items = [
        E.li(
            _link(row.procedure, report.html, report.title),
            " (",
            _link(row.procedure, report.json, "JSON"),
            ")",
        )
        for report in row.reports
    ]
    if not items:
        return E.td()
    return E.td(E.details(E.summary(f"{len(items)} reports"), E.ul(*items, {"class": "reports"})))


def _problems(row: Row) -> Any:
    cell = E.td({"class": "problems"})
    if row.error:
        cell.append(E.strong(row.error))
    if row.warnings:
        cell.append(
            E.details(
                E.summary(f"{len(row.warnings)} warning(s)"),
                E.ul(*(E.li(warning) for warning in row.warnings)),
            )
        )
    return cell


def table_row(row: Row, groups: list[str]) -> Any:
    """One procedure's line of the table."""
    shares = {share.group: share for share in row.group_shares()}
    first = (
        _link(row.procedure, row.reports[0].html, row.procedure) if row.reports else row.procedure
    )
    cells = [
        E.th(first, scope="row"),
        E.td(row.status, {"class": f"status {row.status}"}),
        E.td(row.year),
        E.td(row.title),
        E.td(" ".join(filter(None, (row.joint_number, row.joint_date)))),
        E.td(" ".join(filter(None, (row.adopted_number, row.adopted_date)))),
        _sorted_cell(
            str(len(row.motions)) if row.status == OK else "",
            len(row.motions) if row.status == OK else None,
        ),
        _sorted_cell(_percent(row.joint_kept_in_adopted), row.joint_kept_in_adopted),
    ]
    for group in groups:
        share = shares.get(group)
        if share is None:
            cells.append(_sorted_cell("", None))
        else:
            text = f"{_percent(share.joint)} / {_percent(share.adopted) or '–'}"
            cells.append(_sorted_cell(text, share.joint))
    cells += [_reports(row), _problems(row)]
    return E.tr(*cells, {"data-status": row.status})


def write_index(stream: IO[bytes], figures: Figures, rows: Iterable[Row]) -> None:
    """Write the whole page to ``stream``, taking ``rows`` one at a time."""
    css, script = _asset("index.css"), _asset("index.js")
    with etree.htmlfile(stream, encoding="utf-8") as page:
        page.write_doctype("<!DOCTYPE html>")
        with page.element("html", lang="en"):
            page.write(_head(css, script))
            with page.element("body"):
                for element in _header(figures):
                    page.write(element)
                page.write(_charts(figures))
                page.write(E.h2("Procedures"))
                page.write(_controls(figures.procedures))
                with (
                    page.element("div", {"class": "scroll"}),
                    page.element("table", id="procedures"),
                ):
                    page.write(_head_row(figures.groups))
                    with page.element("tbody"):
                        for row in rows:
                            page.write(table_row(row, figures.groups))
                page.write(E.footer(E.p(f"Made by amendtool {__version__}.")))
                page.write(E.script(script))
