"""The page of ``amendtool serve`` in real headless Chromium, against a real server.

Every download is compared byte for byte with what the CLI writes for the same files.
"""

from __future__ import annotations

import json

import pytest

from tests.browser.conftest import ARTIFACTS, needs_chromium
from tests.conftest import SAMPLES
from tests.web.server import cli_bytes, running_server

pytestmark = needs_chromium

V1, V2 = "kazakhstan.v1.txt", "kazakhstan.v2.txt"


@pytest.fixture(scope="module")
def server():
    with running_server() as address:
        yield address


@pytest.fixture(scope="module")
def statistics() -> dict[str, int]:
    return json.loads(cli_bytes("diff", "--format", "json", V1, V2, cwd=SAMPLES)[1])["statistics"]


def sbs_pieces(op: str) -> int:
    """Marked runs per clause in the side-by-side view of the sample pair."""
    from amendtool import compare
    from amendtool.renderers.describe import side_runs

    side = "new" if op == "insert" else "old"
    return sum(
        1
        for change in compare(SAMPLES / V1, SAMPLES / V2).changes
        for runs in side_runs(change.spans, side, [r.text for r in getattr(change, side)])
        for run_op, _ in runs
        if run_op == op
    )


class Session:
    """The page open in a fresh context, with console errors and requests recorded."""

    def __init__(self, browser, address: str) -> None:
        self.address = address
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.context = browser.new_context(
            accept_downloads=True, viewport={"width": 1280, "height": 1000}
        )
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.context.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(address)

    @property
    def report(self):
        return self.page.frame_locator("#result")

    def submit(self, selector: str, ready: str) -> None:
        """Click a button and wait until the result frame shows ``ready``."""
        self.page.click(selector)
        self.report.locator(ready).first.wait_for(state="attached", timeout=30000)

    def stayed_local(self) -> bool:
        return all(url.startswith(self.address) for url in self.requests)

    def close(self) -> None:
        self.context.close()


def test_upload_counts_views_and_every_download(browser, server, statistics) -> None:
    session = Session(browser, server)
    page, report = session.page, session.report
    page.set_input_files("#old-file", str(SAMPLES / V1))
    page.set_input_files("#new-file", str(SAMPLES / V2))
    assert page.inner_text("label[for=old-file] .chosen") == V1
    session.submit("#compare", ".inline")

    assert report.locator(".inline ins").count() == statistics["insertions"]
    assert report.locator(".inline del").count() == statistics["deletions"]
    # side by side, each clause has its own paragraph: a run across two clauses (a split)
    # is marked in each of them
    assert report.locator(".sbs ins").count() == sbs_pieces("insert") >= statistics["insertions"]
    assert report.locator(".sbs").first.is_visible()
    assert not report.locator(".inline").first.is_visible()
    report.locator("button[data-view=inline]").click()
    assert report.locator(".inline").first.is_visible()
    assert not report.locator(".sbs").first.is_visible()

    # the README's picture (docs/serve.png is a copy of this one)
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 1400})
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "serve.png"), full_page=False)

    buttons = page.locator("#mode-diff button.download")
    seen = []
    for index in range(buttons.count()):
        button = buttons.nth(index)
        product, output_format = (
            button.get_attribute("data-product"),
            button.get_attribute("data-format"),
        )
        with page.expect_download() as caught:
            button.click()
        download = caught.value
        with open(download.path(), "rb") as handle:
            got = handle.read()
        _, expected, _ = cli_bytes(product, "--format", output_format, V1, V2, cwd=SAMPLES)
        assert got == expected, (product, output_format)
        assert download.suggested_filename.startswith(f"kazakhstan.v2-{product}.")
        seen.append((product, output_format))
    assert {"json", "markdown", "akn", "html"} <= {f for p, f in seen if p == "diff"}
    assert {"markdown", "akn", "html"} <= {f for p, f in seen if p == "amendments"}
    # the report stayed in the frame while the downloads came
    assert report.locator(".inline ins").count() == statistics["insertions"]
    assert session.errors == []
    assert session.stayed_local()
    session.close()


def test_pasted_texts(browser, server, statistics) -> None:
    session = Session(browser, server)
    page = session.page
    page.locator("#mode-diff details summary").nth(0).click()
    page.locator("#mode-diff details summary").nth(1).click()
    page.fill("#old-text", (SAMPLES / V1).read_text(encoding="utf-8"))
    page.fill("#new-text", (SAMPLES / V2).read_text(encoding="utf-8"))
    session.submit("#compare", ".inline, [role=alert]")
    assert session.report.locator("[role=alert]").count() == 0, session.report.locator(
        "body"
    ).inner_text()
    assert session.report.locator(".inline ins").count() == statistics["insertions"]
    assert session.report.locator(".inline del").count() == statistics["deletions"]
    assert "old (pasted)" in session.report.locator("body").inner_text()
    assert session.errors == [] and session.stayed_local()
    session.close()


def test_binary_file_shows_the_cli_error(browser, server, tmp_path) -> None:
    data = b"%PDF-1.7\n\x00\x01\x02binary"
    (tmp_path / "scan.pdf").write_bytes(data)
    (tmp_path / V2).write_bytes((SAMPLES / V2).read_bytes())
    _, _, stderr = cli_bytes("diff", "scan.pdf", V2, cwd=tmp_path)
    message = stderr.strip().removeprefix("amendtool: error: ")
    session = Session(browser, server)
    page = session.page
    page.set_input_files(
        "#old-file", files=[{"name": "scan.pdf", "mimeType": "application/pdf", "buffer": data}]
    )
    page.set_input_files("#new-file", str(SAMPLES / V2))
    session.submit("#compare", "[role=alert]")
    shown = session.report.locator("[role=alert]").inner_text()
    assert shown == f"Could not compare: {message}"
    assert "scan.pdf: not a readable PDF" in shown
    # the only console error is the browser noting the 400 answer
    assert all("400" in error for error in session.errors)
    session.close()


def test_dropped_file_is_taken(browser, server, statistics) -> None:
    session = Session(browser, server)
    page = session.page
    text = (SAMPLES / V1).read_text(encoding="utf-8")
    transfer = page.evaluate_handle(
        """text => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([text], "dropped.v1.txt", {type: "text/plain"}));
            return transfer;
        }""",
        text,
    )
    page.dispatch_event("label[for=old-file]", "drop", {"dataTransfer": transfer})
    assert page.inner_text("label[for=old-file] .chosen") == "dropped.v1.txt"
    page.set_input_files("#new-file", str(SAMPLES / V2))
    session.submit("#compare", ".inline")
    assert session.report.locator(".inline ins").count() == statistics["insertions"]
    assert "dropped.v1.txt" in session.report.locator("body").inner_text()
    session.close()


def test_provenance_and_history_modes(browser, server) -> None:
    session = Session(browser, server)
    page = session.page
    assert not page.locator("#mode-provenance").is_visible()
    page.check("input[name=mode][value=provenance]")
    assert page.locator("#mode-provenance").is_visible()
    assert not page.locator("#mode-diff").is_visible()
    sources = ["kazakhstan.v1.txt", "kazakhstan-ppe.txt", "kazakhstan-ecr.txt"]
    page.set_input_files("#joint-file", str(SAMPLES / V2))
    page.set_input_files("#source-file", [str(SAMPLES / n) for n in sources])
    session.submit("#mode-provenance button.primary", "table.matrix")
    provenance = json.loads(
        cli_bytes("provenance", "--format", "json", V2, *sources, cwd=SAMPLES)[1]
    )
    rows = session.report.locator("table.matrix tbody tr")
    assert rows.count() == len(provenance["clauses"])

    page.check("input[name=mode][value=history]")
    chain = ["kazakhstan.v1.txt", "kazakhstan.v2.txt", "kazakhstan.v3.txt"]
    files = [
        {
            "name": chain[2],
            "mimeType": "text/plain",
            "buffer": (SAMPLES / "kazakhstan-adopted.txt").read_bytes(),
        },
        {"name": chain[0], "mimeType": "text/plain", "buffer": (SAMPLES / V1).read_bytes()},
        {"name": chain[1], "mimeType": "text/plain", "buffer": (SAMPLES / V2).read_bytes()},
    ]
    page.set_input_files("#version-file", files=files)
    assert page.locator("#version-order li").all_inner_texts() == chain  # file-name order
    session.submit("#mode-history button.primary", "table.timeline")
    assert session.report.locator("td.r-deleted").count() == 2  # Recital H, Paragraph 10
    assert session.errors == [] and session.stayed_local()
    session.close()


def test_page_works_on_a_phone_width(browser, server) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server)
    old_box = page.locator("label[for=old-file]").bounding_box()
    new_box = page.locator("label[for=new-file]").bounding_box()
    assert old_box and new_box and new_box["y"] > old_box["y"] + old_box["height"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_too_large_file_is_refused_before_sending(browser, server, tmp_path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 2**20 + 1)  # sparse: no 50 MB written
    session = Session(browser, server)
    page = session.page
    page.set_input_files("#old-file", str(huge))
    page.set_input_files("#new-file", str(SAMPLES / V2))
    page.click("#compare")
    assert page.inner_text("#status") == "huge.txt: file too large (limit 50 MB)"
    assert not any("/api/" in url for url in session.requests)  # nothing was sent
    session.close()


def test_comparing_two_files_needs_no_script(browser, server, statistics) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server)
    page.set_input_files("#old-file", str(SAMPLES / V1))
    page.set_input_files("#new-file", str(SAMPLES / V2))
    page.click("#compare")
    report = page.frame_locator("#result")
    report.locator(".inline").first.wait_for(state="attached", timeout=30000)
    assert report.locator(".inline ins").count() == statistics["insertions"]
    context.close()


HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>'


def test_hostile_names_and_text_stay_text(browser, server) -> None:
    """Markup in a file name, in document text and in an error shows as text; none runs."""
    old = (SAMPLES / V1).read_text(encoding="utf-8")
    new = (SAMPLES / V2).read_text(encoding="utf-8").replace("Calls on", f"Calls on {HOSTILE}", 1)
    name = "<svg onload=window.pwned=3>.txt"  # browsers send a quote as %22
    session = Session(browser, server)
    page = session.page
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for field, text, filename in (("#old-file", old, name), ("#new-file", new, "b.txt")):
        page.set_input_files(
            field, files=[{"name": filename, "mimeType": "text/plain", "buffer": text.encode()}]
        )
    assert page.inner_text("label[for=old-file] .chosen") == name  # shown as text
    session.submit("#compare", ".inline")
    frame = page.frame(name="result")
    assert HOSTILE in frame.inner_text("body")  # the inserted markup, shown as words
    assert "&lt;svg onload=" in frame.content()  # the file name, escaped
    assert frame.evaluate("window.pwned") is None and page.evaluate("window.pwned") is None
    assert frame.locator("img, svg, [onerror], [onload]").count() == 0
    assert frame.locator("script").count() <= 1  # the report's own, allowed by its hash
    # the error page: a binary file under a hostile name
    page.set_input_files(
        "#old-file", files=[{"name": name, "mimeType": "text/plain", "buffer": b"\x00bin"}]
    )
    session.submit("#compare", "[role=alert]")
    alert = session.report.locator("[role=alert]").inner_text()
    assert alert == f"Could not compare: {name}: binary file (NUL byte at offset 0)"
    frame = page.frame(name="result")
    assert frame.evaluate("window.pwned") is None and page.evaluate("window.pwned") is None
    assert dialogs == [] and session.stayed_local()
    session.close()
