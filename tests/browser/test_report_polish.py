"""The HTML report as an EP staffer e-mails and prints it (issue 12), in headless Chromium."""

from __future__ import annotations

import re

import pytest

import amendtool
from amendtool.renderers.json_report import report_to_dict
from tests.browser.conftest import Watched, needs_chromium
from tests.conftest import SAMPLES

pytestmark = needs_chromium
V1, V2 = SAMPLES / "kazakhstan.v1.txt", SAMPLES / "kazakhstan.v2.txt"
EPOCH = "1331769600"  # 2012-03-15


def _write(tmp_path, report, name="report.html", **options) -> tuple:
    path = tmp_path / name
    html = amendtool.render(report, "html", **options)
    assert isinstance(html, str)
    path.write_text(html, encoding="utf-8")
    return path, html


@pytest.fixture(scope="module")
def pair(tmp_path_factory, monkeypatch_module):
    monkeypatch_module.setenv("SOURCE_DATE_EPOCH", EPOCH)
    report = amendtool.compare(V1, V2)
    path, html = _write(tmp_path_factory.mktemp("polish"), report)
    return path, html, report, report_to_dict(report)


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def _card(data, relation: str, old_label: str) -> str:
    for index, change in enumerate(data["changes"], start=1):
        if change["relation"] == relation and change["old"][0]["label"] == old_label:
            return f"#change-{index}"
    raise AssertionError(f"no {relation} {old_label}")


def test_title_numbers_kinds_file_names_and_footer(browser, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    report = amendtool.compare(SAMPLES / "kazakhstan-ppe.txt", V2)
    path, html = _write(tmp_path, report)
    page = Watched(browser, path).page
    assert page.title() == "Changes: B7-0141/2012 → RC-B7-0135/2012"
    assert page.inner_text("h1") == "B7-0141/2012 → RC-B7-0135/2012"
    assert page.inner_text(".kinds") == (
        "Motion for a resolution → Joint motion for a resolution: Kazakhstan"
    )
    files = page.eval_on_selector_all(
        ".drafts tr",
        "rows => rows.filter(r => r.cells[0].innerText === 'File')"
        ".map(r => [r.cells[1].innerText, r.cells[2].innerText])",
    )
    assert files == [["kazakhstan-ppe.txt", "kazakhstan.v2.txt"]]
    assert str(SAMPLES) not in html and "samples/" not in html  # no local paths at all
    footer = page.inner_text("footer")
    assert f"Made by amendtool {amendtool.__version__} on 2012-03-15." in footer
    # reproducible: the same inputs and SOURCE_DATE_EPOCH give the same bytes
    assert amendtool.render(amendtool.compare(SAMPLES / "kazakhstan-ppe.txt", V2), "html") == html


def test_split_and_merged_clauses_side_by_side_with_their_numbers(browser, pair) -> None:
    path, _, _, data = pair
    page = Watched(browser, path).page
    split = page.locator(_card(data, "split", "Recital J"))
    old_cell, new_cell = split.locator(".sbs td").nth(0), split.locator(".sbs td").nth(1)
    assert old_cell.locator(".num").all_inner_texts() == ["J."]
    assert new_cell.locator(".num").all_inner_texts() == ["J.", "K."]
    assert new_cell.locator("p").nth(1).inner_text().startswith("K. whereas the law on")
    old_box, new_box = old_cell.bounding_box(), new_cell.bounding_box()
    assert old_box["y"] == new_box["y"] and new_box["x"] >= old_box["x"] + old_box["width"] - 1
    merged = page.locator(_card(data, "merged", "Paragraph 5"))
    assert merged.locator(".sbs td").nth(0).locator(".num").all_inner_texts() == ["5.", "6."]
    assert merged.locator(".sbs td").nth(1).locator(".num").all_inner_texts() == ["5."]


def test_moved_clause_says_where_in_both_drafts_and_links_to_hidden_cards(browser, pair) -> None:
    path, _, _, data = pair
    watched = Watched(browser, path)
    page = watched.page
    moved = page.locator(_card(data, "moved", "Recital E"))
    assert moved.locator(".related").inner_text() == (
        "In the old draft it followed Recital D; in the new draft it follows Recital H."
    )
    links = moved.locator(".related a")
    targets = [links.nth(i).get_attribute("href") for i in range(links.count())]
    hidden = [t for t in targets if "hidden" in (page.get_attribute(t, "class") or "")]
    assert hidden, "the sample's neighbour of a moved recital is an unchanged, hidden card"
    for index, target in enumerate(targets):
        links.nth(index).click()
        card = page.locator(target)
        assert card.is_visible()
        assert page.evaluate("document.activeElement.id") == target[1:]
        top = card.bounding_box()["y"]
        assert 0 <= top < 900
    assert watched.errors == []


def test_inline_view_keeps_the_space_before_a_deleted_word(browser, pair) -> None:
    path, _, _, data = pair
    page = Watched(browser, path).page
    page.click("button[data-view=inline]")
    first = page.locator(_card(data, "modified", "Citation 1")).locator(".inline p")
    text = first.inner_text()
    assert "Kazakhstan with regard, in particular" in text
    assert first.locator("del").first.inner_text() == "with regard"


def test_small_inserts_are_visible(browser, pair) -> None:
    path, _, _, _ = pair
    page = Watched(browser, path).page
    marks = page.locator(".change:not(.hidden) .sbs ins.punct")
    assert marks.count() > 0
    for index in range(marks.count()):
        mark = marks.nth(index)
        assert re.fullmatch(r"[^\w\s]+", mark.inner_text())
        assert mark.bounding_box()["width"] >= 10  # a comma alone is about 4 px
        assert mark.get_attribute("title") == "punctuation inserted"


def test_print_shows_changed_clauses_unless_chosen(browser, pair, tmp_path) -> None:
    path, _, report, data = pair
    changed = sum(1 for c in data["changes"] if c["relation"] != "unchanged")
    watched = Watched(browser, path)
    page = watched.page
    page.emulate_media(media="print")
    assert watched.visible(".change") == changed
    page.emulate_media(media="screen")
    page.check("#show-unchanged")
    page.emulate_media(media="print")
    assert watched.visible(".change") == len(data["changes"])
    # --all: every clause, printed too, without touching the page
    everything, _ = _write(tmp_path, report, name="all.html", show_all=True)
    printed = Watched(browser, everything)
    printed.page.emulate_media(media="print")
    assert printed.visible(".change") == len(data["changes"])
    # without scripts (a mail client's preview) the print is the same as with them
    context = browser.new_context(java_script_enabled=False)
    bare = context.new_page()
    bare.goto(path.as_uri())
    bare.emulate_media(media="print")
    shown = bare.eval_on_selector_all(".change", "els => els.filter(e => e.offsetParent).length")
    assert shown == changed
    context.close()


@pytest.mark.parametrize("view", ["side-by-side", "inline"])
def test_nothing_overflows_at_390_px(browser, pair, view: str) -> None:
    path, _, _, _ = pair
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(path.as_uri())
    page.click(f"button[data-view={view}]")
    page.check("#show-unchanged")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    wide = page.eval_on_selector_all(
        "body *", "els => els.filter(e => e.getBoundingClientRect().right > 391).length"
    )
    assert wide == 0
    page.close()


def test_n_and_p_work_after_a_filter_checkbox_was_clicked(browser, pair) -> None:
    path, _, _, data = pair
    page = Watched(browser, path).page
    page.click("#show-moved")  # unticked: the checkbox now has the focus
    page.click("#show-moved")  # ticked again
    assert page.evaluate("document.activeElement.id") == "show-moved"
    page.keyboard.press("n")
    first = page.evaluate("document.activeElement.id")
    assert first.startswith("change-")
    page.keyboard.press("n")
    page.keyboard.press("p")
    assert page.evaluate("document.activeElement.id") == first
    shown = [i for i, c in enumerate(data["changes"], 1) if c["relation"] != "unchanged"]
    assert first == f"change-{shown[0]}"


def test_history_steps_open_to_show_the_words(browser, tmp_path) -> None:
    chain = amendtool.history([V1, V2, SAMPLES / "kazakhstan-adopted.txt"])
    path = tmp_path / "history.html"
    path.write_text(str(amendtool.render(chain, "html")), encoding="utf-8")
    watched = Watched(browser, path)
    page = watched.page
    row = page.locator("table.timeline tbody tr", has_text="Paragraph 6").last
    step = row.locator("td.step details").last
    assert step.locator("summary").inner_text() == "modified"
    words = step.locator(".words")
    assert not words.is_visible()
    step.locator("summary").click()
    assert words.is_visible()
    assert "fair and transparent trials" in words.locator("ins").inner_text()
    assert watched.errors == [] and set(watched.requests) == {watched.url}
