"""A received form -> the bytes the CLI writes for the same inputs and options.

Each product mirrors one command: ``diff``, ``amendments``, ``provenance``, ``history``.
Inputs are named as the CLI would name them when run on files of the same names in the
current directory (uploaded file name; ``old (pasted)`` / ``new (pasted)`` for pasted text),
so the reports, messages and bytes are the CLI's. Runs in a worker thread: no I/O here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from amendtool.diffing.report import ChangeReport
from amendtool.errors import AmendtoolError
from amendtool.model import Resolution
from amendtool.web.problems import RequestProblem
from amendtool.web.upload import Form, Upload

PRODUCTS = ("diff", "amendments", "provenance", "history")
SECTIONS = ("citations", "recitals", "paragraphs")
_TRUE = frozenset({"1", "on", "true", "yes"})
_MEDIA_TYPES = {
    "json": "application/json",
    "html": "text/html; charset=utf-8",
    "markdown": "text/markdown; charset=utf-8",
    "akn": "application/akn+xml",
    "text": "text/plain; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
_EXTENSIONS = {"json": "json", "html": "html", "markdown": "md", "akn": "xml", "text": "txt"}
_NOT_IN_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Result:
    """What a request produced: bytes, their media type, a file name, and whether it differs."""

    data: bytes
    media_type: str
    filename: str
    differs: bool | None = None


def formats(product: str) -> list[str]:
    """The formats a product can be rendered in (the CLI's default first)."""
    from amendtool.renderers.registry import formats as registry_formats

    return registry_formats(product)


def media_type(output_format: str) -> str:
    """The Content-Type of a rendered format."""
    return _MEDIA_TYPES.get(output_format, "application/octet-stream")


def _flag(form: Form, name: str) -> bool:
    return form.value(name).strip().lower() in _TRUE


def _chosen_format(form: Form, product: str) -> str:
    choices = formats(product)
    chosen = form.value("format") or choices[0]
    if chosen not in choices:
        raise RequestProblem(
            400, f"format: {chosen!r} is not one of {', '.join(choices)} for {product}"
        )
    return chosen


def _read(upload: Upload) -> Resolution:
    from amendtool import read

    return read(upload.data, name=upload.filename)


def _one(form: Form, name: str) -> Upload:
    """The file sent as ``name``, else the text pasted as ``name_text``."""
    files = form.uploads(name)
    if len(files) > 1:
        raise RequestProblem(400, f"{name}: give one file, not {len(files)}")
    if files:
        return files[0]
    for upload in form.files:
        if upload.field == f"{name}_text" and upload.data.strip():
            return Upload(name, f"{name} (pasted)", upload.data)
    raise RequestProblem(400, f"{name}: no file given and no text pasted")


def _pair_report(form: Form, *, with_options: bool) -> tuple[ChangeReport, str]:
    from amendtool.diffing.report import build_report
    from amendtool.diffing.tokens import CompareOptions
    from amendtool.model import ClauseKind

    old, new = _one(form, "old"), _one(form, "new")
    old_resolution, new_resolution = _read(old), _read(new)
    options, kind = CompareOptions(), None
    if with_options:
        section = form.value("section")
        if section and section not in SECTIONS:
            raise RequestProblem(400, f"section: {section!r} is not one of {', '.join(SECTIONS)}")
        options = CompareOptions(
            ignore_case=_flag(form, "ignore_case"),
            ignore_punctuation=_flag(form, "ignore_punctuation"),
        )
        kind = ClauseKind(section.rstrip("s")) if section else None
    report = build_report(old_resolution, new_resolution, options, kind, old.filename, new.filename)
    return report, new.filename


def _render(subject: object, output_format: str, product: str, show_all: bool = False) -> bytes:
    from amendtool.renderers.registry import RenderOptions, render_bytes

    options = RenderOptions(show_all=show_all)
    return render_bytes(subject, output_format, product=product, options=options)


def _result(
    data: bytes, output_format: str, product: str, stem: str, differs: bool | None
) -> Result:
    base = _NOT_IN_NAME.sub("_", stem.rsplit(".", 1)[0]).strip("._") or "draft"
    extension = _EXTENSIONS.get(output_format, output_format)
    return Result(data, media_type(output_format), f"{base}-{product}.{extension}", differs)


def run_diff(form: Form) -> Result:
    """``amendtool diff OLD NEW --format F [--all] [--ignore-case] ...``."""
    output_format = _chosen_format(form, "diff")
    report, stem = _pair_report(form, with_options=True)
    data = _render(report, output_format, "diff", show_all=_flag(form, "all"))
    return _result(data, output_format, "diff", stem, report.differs)


def run_amendments(form: Form) -> Result:
    """``amendtool amendments OLD NEW --format F``."""
    output_format = _chosen_format(form, "amendments")
    report, stem = _pair_report(form, with_options=False)
    data = _render(report, output_format, "amendments")
    return _result(data, output_format, "amendments", stem, report.differs)


def run_provenance(form: Form) -> Result:
    """``amendtool provenance JOINT SOURCE... [--label NAME=FILE] --format F``."""
    from amendtool.diffing.provenance import Source, parse_labels, source_label, trace

    output_format = _chosen_format(form, "provenance")
    joint = _one(form, "joint")
    uploads = form.uploads("source")
    if not uploads:
        raise RequestProblem(400, "source: give at least one source motion")
    try:
        chosen = parse_labels([item for item in form.fields.get("label", []) if item.strip()])
    except ValueError as problem:
        raise RequestProblem(400, f"label: {problem}") from None
    taken: set[str] = set(chosen.values())
    joint_resolution = _read(joint)
    sources = []
    for upload in uploads:
        resolution = _read(upload)
        label = chosen.get(upload.filename) or source_label(resolution, upload.filename, taken)
        sources.append(Source(label, resolution, upload.filename))
    report = trace(joint_resolution, sources, joint.filename)
    return _result(
        _render(report, output_format, "provenance"),
        output_format,
        "provenance",
        joint.filename,
        None,
    )


def run_history(form: Form) -> Result:
    """``amendtool history V1 V2 [V3...] --format F``."""
    from amendtool.diffing.history import follow

    output_format = _chosen_format(form, "history")
    uploads = form.uploads("version")
    if len(uploads) < 2:
        raise RequestProblem(400, "history needs at least two versions")
    chain = follow([_read(u) for u in uploads], [u.filename for u in uploads])
    return _result(
        _render(chain, output_format, "history"),
        output_format,
        "history",
        uploads[-1].filename,
        None,
    )


RUNNERS: dict[str, Callable[[Form], Result]] = {
    "diff": run_diff,
    "amendments": run_amendments,
    "provenance": run_provenance,
    "history": run_history,
}


def run(product: str, form: Form) -> Result:
    """Run one product on a form; bad input raises RequestProblem(400) with the CLI's line."""
    try:
        return RUNNERS[product](form)
    except AmendtoolError as error:
        raise RequestProblem(400, " ".join(str(error).split())) from None
