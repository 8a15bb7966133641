"""The form page (``GET /``) and the error page shown in its result frame, built with lxml.

The page works without script (compare two files); its one script, allowed by hash, adds
drag-and-drop, the mode switch and the ordering of history versions.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from lxml import html

from amendtool.renderers.html_page import E, csp_hash
from amendtool.renderers.html_page import page as report_page
from amendtool.web import limits
from amendtool.web.jobs import formats

FORMAT_LABELS = {
    "html": "HTML",
    "json": "JSON",
    "markdown": "Markdown",
    "akn": "AKN XML",
    "docx": "Word (DOCX)",
    "text": "Text",
}
SECTION_LABELS = {
    "": "All sections",
    "citations": "Citations",
    "recitals": "Recitals",
    "paragraphs": "Paragraphs",
}
MODES = {
    "diff": "Compare two drafts",
    "provenance": "Provenance: joint text and its sources",
    "history": "History: a chain of versions",
}
_ERROR_CSS = (
    "body{font:16px/1.5 system-ui,sans-serif;margin:1.5rem;color:#1a1a1a}"
    ".error{border-left:4px solid #b00020;background:#fdecee;padding:.75rem 1rem}"
)


def read_asset(name: str) -> str:
    """A file of amendtool/web/assets as text."""
    return resources.files("amendtool.web").joinpath(f"assets/{name}").read_text("utf-8")


def page_policy(css: str, script: str) -> str:
    """The page's Content-Security-Policy: its own style and script by hash, nothing else."""
    return (
        f"default-src 'none'; style-src {csp_hash(css)}; script-src {csp_hash(script)}; "
        "frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )


# Download buttons in this order (the report itself first); formats added later go last.
DOWNLOAD_ORDER = ("html", "json", "markdown", "akn", "docx")


def _download_rank(name: str) -> int:
    return DOWNLOAD_ORDER.index(name) if name in DOWNLOAD_ORDER else len(DOWNLOAD_ORDER)


def _action(product: str, download: bool = False) -> str:
    return f"/api/{product}?view=page" + ("&download=1" if download else "")


def _downloads(product: str, label: str) -> Any:
    buttons = [
        E.button(
            FORMAT_LABELS.get(name, name),
            type="submit",
            name="format",
            value=name,
            formaction=_action(product, download=True),
            **{"class": "download", "data-product": product, "data-format": name},
        )
        for name in sorted(formats(product), key=_download_rank)
        if name != "text"
    ]
    return E.p(E.span(label, **{"class": "label"}), *buttons, **{"class": "downloads"})


def _draft_picker(name: str, title: str, pasting: bool) -> Any:
    parts: list[Any] = [
        E.legend(title),
        E.label(
            E.span("Drop a file here or ", E.u("choose one"), **{"class": "hint"}),
            E.input(type="file", name=name, id=f"{name}-file"),
            E.span("", **{"class": "chosen", "aria-live": "polite"}),
            **{"class": "drop", "for": f"{name}-file"},
        ),
    ]
    if pasting:
        parts.append(
            E.details(
                E.summary("…or paste the text"),
                E.textarea(
                    name=f"{name}_text",
                    id=f"{name}-text",
                    rows="8",
                    **{"aria-label": f"{title}: pasted text"},
                ),
            )
        )
    return E.fieldset(*parts, **{"class": "draft"})


def _many_picker(name: str, title: str, hint: str) -> Any:
    return E.fieldset(
        E.legend(title),
        E.label(
            E.span("Drop files here or ", E.u("choose them"), **{"class": "hint"}),
            E.input(type="file", name=name, id=f"{name}-file", multiple="multiple"),
            E.span("", **{"class": "chosen", "aria-live": "polite"}),
            **{"class": "drop", "for": f"{name}-file"},
        ),
        E.p(hint, **{"class": "note"}),
        **{"class": "draft"},
    )


def _show_button(label: str, product: str, **attributes: str) -> Any:
    """The mode's main button: the report of ``product`` shown as a page."""
    return E.p(
        E.button(
            label,
            type="submit",
            name="format",
            value="html",
            formaction=_action(product),
            **attributes,
            **{"class": "primary"},
        )
    )


def _diff_mode() -> Any:
    options = E.fieldset(
        E.legend("Options"),
        E.label(E.input(type="checkbox", name="ignore_case", value="1"), " Ignore case"),
        E.label(
            E.input(type="checkbox", name="ignore_punctuation", value="1"), " Ignore punctuation"
        ),
        E.label(
            "Section ",
            E.select(
                *[E.option(text, value=value) for value, text in SECTION_LABELS.items()],
                name="section",
            ),
        ),
        **{"class": "options"},
    )
    return E.fieldset(
        E.div(
            _draft_picker("old", "Old draft", True),
            _draft_picker("new", "New draft", True),
            **{"class": "pair"},
        ),
        options,
        _show_button("Compare", "diff", id="compare"),
        _downloads("diff", "Download the report:"),
        _downloads("amendments", "Download the amendment list:"),
        id="mode-diff",
        **{"class": "mode", "data-mode": "diff"},
    )


def _provenance_mode() -> Any:
    return E.fieldset(
        E.div(
            _draft_picker("joint", "Joint text", False),
            _many_picker("source", "Source motions", "One file per group's motion."),
            **{"class": "pair"},
        ),
        _show_button("Trace", "provenance"),
        _downloads("provenance", "Download the report:"),
        id="mode-provenance",
        disabled="disabled",
        **{"class": "mode", "data-mode": "provenance"},
    )


def _history_mode() -> Any:
    return E.fieldset(
        _many_picker(
            "version",
            "Versions",
            "Taken in file-name order: name them so that they sort oldest first.",
        ),
        E.ol(id="version-order"),
        _show_button("Follow", "history"),
        _downloads("history", "Download the report:"),
        id="mode-history",
        disabled="disabled",
        **{"class": "mode", "data-mode": "history"},
    )


def index_page(address: str) -> tuple[str, str]:
    """The page's HTML and its Content-Security-Policy."""
    css, script = read_asset("app.css"), read_asset("app.js")
    switch = E.fieldset(
        E.legend("What to do"),
        *[
            E.label(
                E.input(
                    type="radio",
                    name="mode",
                    value=mode,
                    **({"checked": "checked"} if mode == "diff" else {}),
                ),
                f" {text}",
            )
            for mode, text in MODES.items()
        ],
        **{"class": "switch"},
    )
    body = [
        E.header(
            E.h1("amendtool"),
            E.p(
                "Compare drafts of a European Parliament resolution. Your files stay on this "
                f"computer: this page is served by amendtool on {address} and sends nothing "
                "anywhere else.",
                **{"class": "privacy"},
            ),
        ),
        E.form(
            switch,
            _diff_mode(),
            _provenance_mode(),
            _history_mode(),
            method="post",
            enctype="multipart/form-data",
            action=_action("diff"),
            target="result",
            id="form",
            **{"data-max-bytes": str(limits.MAX_PART_BYTES)},
        ),
        E.p("", id="status", role="status"),
        E.iframe(name="result", id="result", title="Report"),
        E.script(script),
    ]
    document = E.html(
        E.head(
            E.meta(charset="utf-8"),
            E.meta(name="viewport", content="width=device-width, initial-scale=1"),
            E.title("amendtool: compare drafts"),
            E.style(css),
        ),
        E.body(*body),
        lang="en",
    )
    text = html.tostring(document, doctype="<!DOCTYPE html>", encoding="unicode", method="html")
    return text + "\n", page_policy(css, script)


def error_page(message: str) -> str:
    """The page shown in the result frame when a request fails: the CLI's one line."""
    body = [E.p(E.strong("Could not compare: "), message, role="alert", **{"class": "error"})]
    return report_page("amendtool: error", _ERROR_CSS, body, "en")
