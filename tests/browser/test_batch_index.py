"""The batch index page (OUT/index.html) in headless Chromium: charts, sort, filter, links,
no console errors, no network requests."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from tests.batch.archive_fixtures import make_archive
from tests.browser.conftest import ARTIFACTS, Watched, needs_chromium
from tests.conftest import SAMPLES

pytestmark = needs_chromium
pytest.importorskip("matplotlib", reason="NO INDEX PAGE TEST: install the batch extra")

HOSTILE = '<img src=x onerror=alert(1)> & "q"'


@pytest.fixture(scope="module")
def batch_out(tmp_path_factory):
    from amendtool.batch import run_batch

    root = tmp_path_factory.mktemp("index")
    archive = make_archive(root)
    # a folder name that is markup: shown as text, linked by a quoted URL
    shutil.copytree(archive / "2012-kazakhstan", archive / HOSTILE)
    (archive / HOSTILE / "ecr.txt").unlink()
    out = root / "out"
    run_batch(archive, out, workers=1, progress=False)
    with open(out / "summary.csv", encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    return out, rows


def _first_column(page) -> list[str]:
    return page.eval_on_selector_all(
        "#procedures tbody tr:not([hidden]) th", "els => els.map(e => e.textContent)"
    )


def test_charts_table_sort_filter_and_links(browser, batch_out):
    out, rows = batch_out
    watched = Watched(browser, out / "index.html")
    page = watched.page

    # three charts, drawn (paths and text), group names readable as text
    assert page.locator("figure svg").count() == 3
    for chart in ("#chart-groups", "#chart-years", "#chart-distribution"):
        assert page.locator(f"{chart} svg path").count() > 5
        box = page.locator(f"{chart} svg").bounding_box()
        assert box and box["width"] > 200 and box["height"] > 100
    assert "Greens/EFA" in page.locator("#chart-groups svg").text_content()
    # colours came through the CSP (presentation attributes, not blocked style attributes)
    fill = page.eval_on_selector(
        "#chart-groups svg", "s => getComputedStyle(s.querySelector('g#g-patch_3 path')).fill"
    )
    assert fill not in ("rgb(0, 0, 0)", "")

    # one row per procedure, in folder order
    names = [row["procedure"] for row in rows]
    assert _first_column(page) == names
    assert HOSTILE in names and page.locator("img").count() == 0

    # sort by year (numbers), both ways; then by a group's share, empty cells last
    page.click("th button:text-is('Year')")
    years = [int(r["year"]) for r in rows if r["year"]]
    shown_years = page.eval_on_selector_all(
        "#procedures tbody tr td:nth-of-type(2)", "els => els.map(e => e.textContent)"
    )
    assert [int(y) for y in shown_years if y] == sorted(years)
    assert page.get_attribute("th:has(button:text-is('Year'))", "aria-sort") == "ascending"
    page.click("th button:text-is('Year')")
    shown_years = page.eval_on_selector_all(
        "#procedures tbody tr td:nth-of-type(2)", "els => els.map(e => e.textContent)"
    )
    assert [int(y) for y in shown_years if y] == sorted(years, reverse=True)
    page.click("th button:text-is('PPE: joint / adopted')")
    by_ppe = sorted(
        (float(r["share_joint:PPE"]), r["procedure"]) for r in rows if r["share_joint:PPE"]
    )
    order = _first_column(page)
    assert order[: len(by_ppe)] == [name for _, name in by_ppe]
    assert set(order[len(by_ppe) :]) == set(names) - {name for _, name in by_ppe}

    # filter by text and by status
    page.fill("#filter", "2012-KAZAKHSTAN")  # any case
    assert _first_column(page) == ["2012-kazakhstan"]
    assert page.inner_text("#shown") == f"1 of {len(rows)} procedures shown"
    page.fill("#filter", "")
    page.select_option("#status-filter", "error")
    errors = sorted(r["procedure"] for r in rows if r["status"] == "error")
    assert sorted(_first_column(page)) == errors
    page.select_option("#status-filter", "")
    assert len(_first_column(page)) == len(rows)

    # every link points to a file that exists; the reports list opens
    hrefs = page.eval_on_selector_all("#procedures a", "els => els.map(e => e.href)")
    assert len(hrefs) > 4 * len(rows)
    for href in hrefs:
        assert Path(unquote(urlparse(href).path)).is_file(), href
    for link in ("summary.csv", "summary.json"):
        assert (out / link).is_file()
    details = (
        page.locator("#procedures tbody tr", has_text="2012-kazakhstan").locator("details").first
    )
    details.locator("summary").click()
    assert details.locator("a", has_text="Joint text → adopted text").is_visible()

    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "batch-index.png"), full_page=False)
    assert watched.errors == []
    assert watched.dialogs == []
    assert set(watched.requests) == {watched.url}

    # the procedure name opens its provenance report (a quoted URL for the hostile name)
    page.click(f"#procedures th a:text-is('{HOSTILE}')")
    page.wait_for_load_state()
    assert unquote(page.url).endswith(f"/{HOSTILE}/provenance.html")
    assert watched.errors == []
    page.close()


def test_sample_folder_is_untouched(batch_out):
    # the inputs came from the samples by copy: batch never writes into an input folder
    assert not list(SAMPLES.glob("*.html"))
