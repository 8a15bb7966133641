"""The index page's charts: matplotlib figures as inline SVG that a strict CSP allows.

matplotlib writes colours and fonts in ``style`` attributes and a ``<style>`` element,
which a Content-Security-Policy without ``'unsafe-inline'`` blocks. Every style property
it writes is also an SVG presentation attribute, so they are moved there; ids get a
per-chart prefix so that several charts can share one page; the metadata (with a date)
is dropped so that the page is reproducible.
"""

from __future__ import annotations

import io
import re
from typing import Any

from lxml import etree

from amendtool.batch.summary import HISTOGRAM_BIN, Figures

SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
# Figure size in inches (matplotlib's unit); the page scales the SVG to its column.
WIDTH, HEIGHT = 7.0, 3.2
COLOURS = ("#1f5f99", "#d9822b", "#3a8a3a", "#b03a48", "#6d4c9f", "#7f7f7f", "#17a2b8")
RC: Any = {
    "svg.fonttype": "none",  # text stays text: searchable, small, readable by screen readers
    "svg.hashsalt": "amendtool",  # deterministic clip-path ids
    "font.family": "sans-serif",
    "font.size": 9,
}


def _plain(element: Any, prefix: str) -> etree._Element:
    """A copy without namespaces and style attributes, ids prefixed."""
    tag = etree.QName(element).localname
    copy = etree.Element(tag)
    for name, value in element.attrib.items():
        if name == XLINK_HREF:
            copy.set("href", value.replace("#", f"#{prefix}", 1))
        elif name == "style":
            for declaration in value.split(";"):
                key, _, val = declaration.partition(":")
                if key.strip():
                    copy.set(key.strip(), val.strip())
        elif name == "id":
            copy.set("id", prefix + value)
        else:
            copy.set(etree.QName(name).localname, re.sub(r"url\(#", f"url(#{prefix}", value))
    copy.text = element.text
    copy.tail = element.tail
    for child in element:
        if not isinstance(child.tag, str) or etree.QName(child).localname in ("metadata", "style"):
            continue
        copy.append(_plain(child, prefix))
    return copy


def _svg(figure: Any, prefix: str, label: str) -> etree._Element:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(buffer.getvalue(), parser)
    svg = _plain(root, prefix)
    for size in ("width", "height"):  # the page's CSS sizes the chart
        del svg.attrib[size]
    svg.set("role", "img")
    svg.set("aria-label", label)
    svg.set("stroke-linejoin", "round")  # matplotlib's <style>: *{stroke-linejoin: round ...}
    svg.set("stroke-linecap", "butt")
    return svg


def _figure() -> tuple[Any, Any]:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH, HEIGHT), layout="constrained")
    return figure, figure.add_subplot()


def share_by_group(figures: Figures) -> etree._Element:
    """Horizontal bars: each group's mean share kept in the joint and in the adopted text."""
    import matplotlib
    from matplotlib.ticker import PercentFormatter

    with matplotlib.rc_context(RC):
        figure, axes = _figure()
        groups = figures.groups
        positions = list(range(len(groups)))
        joint = [figures.joint_by_group[g].value for g in groups]
        adopted = [figures.adopted_by_group.get(g) for g in groups]
        axes.barh(
            [p - 0.2 for p in positions], joint, 0.4, label="in the joint text", color=COLOURS[0]
        )
        axes.barh(
            [p + 0.2 for p in positions],
            [a.value if a else 0 for a in adopted],
            0.4,
            label="in the adopted text",
            color=COLOURS[1],
        )
        axes.set_yticks(positions, [f"{g} (n={figures.joint_by_group[g].count})" for g in groups])
        axes.invert_yaxis()
        axes.set_xlim(0, 1)
        axes.xaxis.set_major_formatter(PercentFormatter(1.0))
        axes.set_xlabel("share of the group's motion text kept (mean over procedures)")
        axes.legend(loc="lower right")
        figure.set_figheight(max(HEIGHT, 0.9 + 0.35 * len(groups)))
        return _svg(figure, "g-", "Share of each group's motion text kept, per group")


def share_by_year(figures: Figures) -> etree._Element:
    """One line per group: mean share of its motion text kept in the joint text, per year."""
    import matplotlib
    from matplotlib.ticker import MaxNLocator, PercentFormatter

    with matplotlib.rc_context(RC):
        figure, axes = _figure()
        for index, group in enumerate(figures.groups):
            points = sorted(
                (int(year), mean.value)
                for (year, name), mean in figures.joint_by_year_group.items()
                if name == group and year.isdigit()
            )
            axes.plot(
                [p[0] for p in points],
                [p[1] for p in points],
                marker="o",
                label=group,
                color=COLOURS[index % len(COLOURS)],
                linestyle=("-", "--", ":")[index // len(COLOURS) % 3],
            )
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))  # years on a true time axis
        axes.set_ylim(0, 1.02)
        axes.yaxis.set_major_formatter(PercentFormatter(1.0))
        axes.set_ylabel("kept in the joint text")
        axes.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=8)
        return _svg(
            figure, "y-", "Share of each group's motion text kept in the joint text, per year"
        )


def distribution(figures: Figures) -> etree._Element:
    """Histograms: share kept per motion (in the joint) and per joint text (in the adopted)."""
    import matplotlib
    from matplotlib.ticker import PercentFormatter

    with matplotlib.rc_context(RC):
        figure, axes = _figure()
        edges = [i * HISTOGRAM_BIN for i in range(round(1 / HISTOGRAM_BIN))]
        for index, (counts, label) in enumerate(
            [
                (figures.motion_shares, "motions: kept in the joint text"),
                (figures.plenary_shares, "joint texts: kept in the adopted text"),
            ]
        ):
            if counts:
                axes.bar(
                    edges,
                    counts,
                    HISTOGRAM_BIN,
                    align="edge",
                    alpha=0.6,
                    label=label,
                    color=COLOURS[index],
                    edgecolor="#ffffff",
                )
        axes.set_xlim(0, 1)
        axes.xaxis.set_major_formatter(PercentFormatter(1.0))
        axes.set_xlabel("share of the words kept")
        axes.set_ylabel("count")
        axes.legend(loc="upper left")
        return _svg(figure, "d-", "Distribution of the share of words kept over procedures")
