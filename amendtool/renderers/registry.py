"""One registry of renderers: (product, format) -> function, imported only when used.

A *product* is what is rendered: ``diff`` (a ChangeReport), ``amendments`` (a ChangeReport
written as an EP amendment list), ``provenance`` (a ProvenanceReport), ``history`` (a
History), ``document`` (a Resolution) or ``validation`` (a Verdict). Every command and the
web page reach their output through :func:`render`, so the same inputs give the same bytes
everywhere.
"""

from __future__ import annotations

import importlib
import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, BinaryIO

from amendtool.gc_pause import paused_gc


@dataclass(frozen=True)
class RenderOptions:
    """What a renderer may need beyond its subject."""

    show_all: bool = False  # also show unchanged clauses (text, Markdown, HTML)
    words: bool = False  # history: show the changed words of every step (text, Markdown)
    color: bool = False  # ANSI colours (text)
    markup_date: str = ""  # ISO date written into AKN metadata; "" = today / SOURCE_DATE_EPOCH
    author: str = ""  # amendment lists (docx, json): the tabling author line
    justifications: tuple[tuple[int, str], ...] = ()  # amendment lists: (number, text) notes


def _imported(target: str) -> Callable[..., Any]:
    """The function ``module:function``, its module imported now (renderers load lazily)."""
    module_name, function_name = target.split(":")
    function: Callable[..., Any] = getattr(importlib.import_module(module_name), function_name)
    return function


def _call(target: str, *option_names: str) -> Callable[[Any, RenderOptions], str | bytes]:
    """A renderer that imports ``module:function`` on first use and passes chosen options."""

    def run(subject: Any, options: RenderOptions) -> str | bytes:
        values = {name: getattr(options, name) for name in option_names}
        if "markup_date" in values and not values["markup_date"]:
            from amendtool.clock import markup_date

            values["markup_date"] = markup_date()
        result: str | bytes = _imported(target)(subject, **values)
        return result

    return run


_R = "amendtool.renderers."
RENDERERS: dict[str, dict[str, Callable[[Any, RenderOptions], str | bytes]]] = {
    "diff": {
        "text": _call(_R + "terminal:render_text", "show_all", "color"),
        "json": _call(_R + "json_report:render_json"),
        "html": _call(_R + "html_report:render_html", "show_all", "markup_date"),
        "markdown": _call(_R + "markdown_report:render_markdown", "show_all"),
        "akn": _call(_R + "akn_report:render_akn_amendments", "markup_date"),
    },
    "amendments": {
        "markdown": _call(_R + "amendment_list:render_amendments_markdown"),
        "html": _call(_R + "amendment_list:render_amendments_html"),
        "akn": _call(_R + "akn_report:render_akn_amendments", "markup_date"),
        "json": _call(_R + "amendment_json:render_amendments_json", "author", "justifications"),
        "docx": _call(_R + "amendment_docx:render_amendments_docx", "author", "justifications"),
    },
    "provenance": {
        "text": _call(_R + "provenance_report:render_provenance_text"),
        "json": _call(_R + "provenance_report:render_provenance_json"),
        "html": _call(_R + "provenance_report:render_provenance_html"),
        "markdown": _call(_R + "provenance_report:render_provenance_markdown"),
    },
    "history": {
        "text": _call(_R + "history_report:render_history_text", "words"),
        "json": _call(_R + "history_report:render_history_json"),
        "html": _call(_R + "history_report:render_history_html"),
        "markdown": _call(_R + "history_report:render_history_markdown", "words"),
    },
    "document": {
        "akn": _call("amendtool.akn.writer:write_akn", "markup_date"),
        "json": _call("amendtool.document_json:render_document_json"),
        "text": _call("amendtool.textparse.emit:emit_text"),
        "docx": _call(_R + "document_docx:render_document_docx"),
    },
    "validation": {
        "text": _call(_R + "validation_report:render_verdict_text"),
        "json": _call(_R + "validation_report:render_verdict_json"),
    },
}

# Output file extensions and the format each implies when --format is not given.
EXTENSION_FORMATS = {
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".xml": "akn",
    ".akn": "akn",
    ".txt": "text",
    ".docx": "docx",
    # document formats no command writes: refused rather than filled with another format
    ".pdf": "pdf",
    ".doc": "doc",
    ".odt": "odt",
    ".rtf": "rtf",
}


def formats(product: str) -> list[str]:
    """The formats ``product`` can be rendered in, the default first."""
    return list(RENDERERS[product])


def choose_format(product: str, requested: str | None, output: str | None) -> str:
    """The output format: ``requested``, else the one the output file's extension implies
    (``report.html`` -> ``html``), else the product's default.

    Raises ValueError when the extension implies a format this product has not
    (``amendments -o list.txt``): writing another format under that name would mislead.
    """
    return pick_format(formats(product), requested, output)


def pick_format(available: list[str], requested: str | None, output: str | None) -> str:
    """:func:`choose_format` among ``available`` formats (the default first)."""
    if requested:
        return requested
    if output and output != "-":
        extension = os.path.splitext(output)[1].lower()
        implied = EXTENSION_FORMATS.get(extension)
        if implied is not None:
            if implied not in available:
                raise ValueError(
                    f"{output}: a {extension} file would hold {implied}, which is not a "
                    f"format here (choose --format from {', '.join(available)})"
                )
            return implied
    return available[0]


def product_of(subject: Any) -> str:
    """The product a subject is by its type (a ChangeReport is a ``diff``)."""
    name = type(subject).__name__
    return {
        "ChangeReport": "diff",
        "ProvenanceReport": "provenance",
        "History": "history",
        "Resolution": "document",
        "Verdict": "validation",
    }.get(name, "")


# Renderers that write their UTF-8 bytes to a stream part by part (module:function taking
# the subject and a binary stream): a file receives one part while the next is made
# (amendtool.outputs.write_output_from), and the whole text is never in memory beside its
# bytes (issue 17: a JSON report is about 3.4 times the size of the drafts).
STREAMED_RENDERERS: dict[tuple[str, str], str] = {
    ("diff", "json"): _R + "json_report:write_json",
}


def _renderer(
    subject: Any, output_format: str, product: str | None
) -> tuple[str, Callable[[Any, RenderOptions], str | bytes]]:
    chosen = product or product_of(subject)
    if chosen not in RENDERERS:
        raise ValueError(f"nothing renders a {type(subject).__name__}")
    table = RENDERERS[chosen]
    if output_format not in table:
        raise ValueError(
            f"{chosen} has no {output_format!r} format (choose from {', '.join(table)})"
        )
    return chosen, table[output_format]


@paused_gc()
def render(
    subject: Any,
    output_format: str,
    *,
    product: str | None = None,
    options: RenderOptions | None = None,
) -> str | bytes:
    """``subject`` in ``output_format``; ``product`` defaults to the subject's type."""
    _, renderer = _renderer(subject, output_format, product)
    return renderer(subject, options or RenderOptions())


@paused_gc()
def render_bytes(
    subject: Any,
    output_format: str,
    *,
    product: str | None = None,
    options: RenderOptions | None = None,
) -> bytes:
    """:func:`render` as the bytes written to a file or standard output."""
    chosen, renderer = _renderer(subject, output_format, product)
    if (chosen, output_format) in STREAMED_RENDERERS:
        made = io.BytesIO()
        _imported(STREAMED_RENDERERS[(chosen, output_format)])(subject, made)
        return made.getvalue()
    return as_bytes(renderer(subject, options or RenderOptions()))


def streamed(
    subject: Any,
    output_format: str,
    *,
    product: str | None = None,
    options: RenderOptions | None = None,
) -> Callable[[BinaryIO], None]:
    """A function writing :func:`render_bytes` of the same arguments to a stream: part by
    part where the renderer can (:data:`STREAMED_RENDERERS`), else all at once."""
    chosen, _ = _renderer(subject, output_format, product)  # unknown formats fail here
    target = STREAMED_RENDERERS.get((chosen, output_format))

    @paused_gc()
    def produce(stream: BinaryIO) -> None:
        if target is None:
            stream.write(render_bytes(subject, output_format, product=chosen, options=options))
        else:
            _imported(target)(subject, stream)

    return produce


def as_bytes(rendered: str | bytes) -> bytes:
    """Rendered output as the bytes written to a file or standard output."""
    return rendered.encode("utf-8") if isinstance(rendered, str) else rendered
