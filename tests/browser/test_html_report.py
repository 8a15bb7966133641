"""The HTML change report in a real headless Chromium (Debian's `chromium` package).

`.ci/run` installs Chromium; where it is missing locally these tests are skipped with a
reason that `pytest -ra` prints.
"""

from __future__ import annotations

import pytest

from amendtool import compare
from amendtool.renderers.describe import side_runs
from amendtool.renderers.html_report import render_html
from amendtool.renderers.json_report import report_to_dict
from amendtool.textparse import parse_text
from tests.browser.conftest import ARTIFACTS, Watched, needs_chromium
from tests.conftest import SAMPLES

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory):
    report = compare(SAMPLES / "kazakhstan.v1.txt", SAMPLES / "kazakhstan.v2.txt")
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(render_html(report), encoding="utf-8")
    return path, report_to_dict(report)


def _pieces(report, op: str) -> int:
    """Marked runs per clause: a run across two clauses (a split) is marked in each."""
    side = "new" if op == "insert" else "old"
    return sum(
        1
        for change in report.changes
        for runs in side_runs(change.spans, side, [r.text for r in getattr(change, side)])
        for run_op, _ in runs
        if run_op == op
    )


def test_counts_views_navigation_and_filter(browser, sample_report) -> None:
    path, data = sample_report
    report = compare(SAMPLES / "kazakhstan.v1.txt", SAMPLES / "kazakhstan.v2.txt")
    watched = Watched(browser, path)
    page = watched.page
    stats = data["statistics"]
    assert page.locator(".inline ins").count() == stats["insertions"]
    assert page.locator(".inline del").count() == stats["deletions"]
    assert page.locator(".sbs ins").count() == _pieces(report, "insert") >= stats["insertions"]
    assert page.locator(".sbs del").count() == _pieces(report, "delete") >= stats["deletions"]

    # side by side first, inline after a click, and back
    assert watched.visible(".sbs") > 0 and watched.visible(".inline") == 0
    page.click("button[data-view=inline]")
    assert watched.visible(".inline") > 0 and watched.visible(".sbs") == 0
    assert page.get_attribute("button[data-view=inline]", "aria-pressed") == "true"
    page.click("button[data-view=side-by-side]")
    assert watched.visible(".sbs") > 0

    # unchanged clauses are filtered out by default; n / p and the buttons move between changes
    shown = [c for c in data["changes"] if c["relation"] != "unchanged"]
    assert watched.visible(".change") == len(shown)
    page.keyboard.press("n")
    first = page.evaluate("document.activeElement.id")
    page.keyboard.press("n")
    second = page.evaluate("document.activeElement.id")
    page.click("#previous")
    assert page.evaluate("document.activeElement.id") == first != second
    assert page.locator(f"#{first} h3").inner_text().endswith(shown[0]["headline"])
    assert page.locator(f"#{second} h3").inner_text().endswith(shown[1]["headline"])

    # the relation filter hides and shows
    modified = sum(1 for c in data["changes"] if c["relation"] == "modified")
    page.uncheck("#show-modified")
    assert watched.visible(".change") == len(shown) - modified
    assert watched.visible(".change[data-relation=modified]") == 0
    page.check("#show-unchanged")
    assert watched.visible(".change") == len(data["changes"]) - modified

    ARTIFACTS.mkdir(exist_ok=True)
    page.uncheck("#show-unchanged")
    page.check("#show-modified")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=False)
    assert watched.errors == []
    assert set(watched.requests) == {watched.url}


def test_phone_width_stacks_columns(browser, sample_report) -> None:
    path, _ = sample_report
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(path.as_uri())
    widths = page.eval_on_selector_all(
        ".change:not(.hidden) .sbs td", "els => els.slice(0, 2).map(e => e.offsetWidth)"
    )
    assert widths[0] > 300 and widths[1] > 300  # one above the other, full width
    page.close()


HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "</style>"]


def test_hostile_text_is_shown_not_run(browser, tmp_path) -> None:
    template = (
        "The European Parliament,\n- having regard to its resolutions,\n"
        "A. whereas the situation is serious;\n1. Calls on the authorities {};\n"
        "2. Instructs its President to forward this resolution.\n"
    )
    old = parse_text(template.format("to act"), "old")
    new = parse_text(template.format("to act " + " and ".join(HOSTILE)), "new")
    path = tmp_path / "hostile.html"
    path.write_text(render_html(compare(old, new)), encoding="utf-8")
    watched = Watched(browser, path)
    page = watched.page
    text = page.inner_text("main")
    for attack in HOSTILE:
        assert attack in text
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1  # the report's own
    page.wait_for_timeout(300)
    assert watched.dialogs == []
    assert watched.errors == []
    assert set(watched.requests) == {watched.url}


def test_provenance_matrix_opens_the_diffs(browser, tmp_path) -> None:
    from amendtool.diffing.provenance import Source, trace
    from amendtool.inputs import read_resolution
    from amendtool.renderers.provenance_report import render_provenance_html

    names = {
        "Greens/EFA": "kazakhstan.v1.txt",
        "PPE": "kazakhstan-ppe.txt",
        "ECR": "kazakhstan-ecr.txt",
    }
    report = trace(
        read_resolution(str(SAMPLES / "kazakhstan.v2.txt")),
        [
            Source(label, read_resolution(str(SAMPLES / name)), name)
            for label, name in names.items()
        ],
    )
    path = tmp_path / "provenance.html"
    path.write_text(render_provenance_html(report), encoding="utf-8")
    watched = Watched(browser, path)
    page = watched.page
    assert page.locator("table.matrix tbody tr").count() == len(report.clauses)
    cell = page.locator("table.matrix tbody tr").nth(0).locator("td details").first
    assert not cell.locator("p").is_visible()
    cell.locator("summary").click()
    assert cell.locator("p").is_visible()
    assert cell.locator("del, ins").count() > 0
    assert watched.errors == []
    assert set(watched.requests) == {watched.url}


def test_history_timeline(browser, tmp_path) -> None:
    from amendtool.diffing.history import follow
    from amendtool.inputs import read_resolution
    from amendtool.renderers.history_report import render_history_html

    names = ["kazakhstan.v1.txt", "kazakhstan.v2.txt", "kazakhstan-adopted.txt"]
    chain = follow([read_resolution(str(SAMPLES / n)) for n in names], names)
    path = tmp_path / "history.html"
    path.write_text(render_history_html(chain), encoding="utf-8")
    watched = Watched(browser, path)
    rows = watched.page.locator("table.timeline tbody tr")
    assert rows.count() == len(chain.threads)
    assert watched.page.locator("td.r-deleted").count() == 2  # Recital H, Paragraph 10
    assert watched.errors == [] and set(watched.requests) == {watched.url}


def test_reader_warnings_are_a_visible_banner_at_the_top(browser, tmp_path) -> None:
    template = (
        "The European Parliament,\n- having regard to its resolutions,\n"
        "This draft was prepared under Rule {} by the rapporteur.\n"
        "A. whereas the situation is serious;\n1. Calls on the authorities to act;\n"
        "2. Instructs its President to forward this resolution.\n"
    )
    report = compare(
        parse_text(template.format(110), "old"), parse_text(template.format(123), "new")
    )
    assert report.differs and len(report.warnings) == 2
    path = tmp_path / "warned.html"
    path.write_text(render_html(report), encoding="utf-8")
    watched = Watched(browser, path)
    banner = watched.page.locator("#warnings")
    assert banner.is_visible()
    box = banner.bounding_box()
    assert box is not None and box["y"] < 50 and box["height"] > 30  # first thing on the page
    assert banner.get_attribute("role") == "alert"
    items = banner.locator("li").all_inner_texts()
    assert [item.split(":", 1)[0] for item in items] == ["old draft", "new draft"]
    assert all("text not recognised as a clause" in item for item in items)
    assert watched.errors == [] and set(watched.requests) == {watched.url}


def test_no_banner_without_warnings(browser, sample_report) -> None:
    path, data = sample_report
    watched = Watched(browser, path)
    assert data["warnings"] == [] and watched.page.locator("#warnings").count() == 0
