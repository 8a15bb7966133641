"""A multipart/form-data body read as it arrives, in memory, with limits and timeouts.

Guarantees:
1. Nothing touches the disk: parts are collected in memory (bytearrays).
2. A body announced (Content-Length) or found larger than MAX_REQUEST_BYTES, or a part
   larger than MAX_PART_BYTES, is refused with 413 as soon as that is known: the rest of
   the body is never read.
3. A body that stays silent for UPLOAD_IDLE_SECONDS, or takes longer than
   UPLOAD_TOTAL_SECONDS in all, is refused with 408; a client that disconnects ends the
   request.
4. The bytes held count against the server's :class:`~amendtool.web.budget.Budget` when
   one is given: a body that would overfill it is refused with 503.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from amendtool.web import limits
from amendtool.web.budget import Share
from amendtool.web.problems import RequestProblem

Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]

# Fields whose value is an input document (pasted text) and so may be as large as a file.
TEXT_FIELDS = frozenset({"old_text", "new_text"})
# control characters, and the bidirectional controls that make "txt.exe" read "exe.txt"
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Upload:
    """One uploaded file: its field, its name as the user's browser gave it, its bytes."""

    field: str
    filename: str
    data: bytes


@dataclass
class Form:
    """The fields and files of one request, in the order they came."""

    fields: dict[str, list[str]] = field(default_factory=dict)
    files: list[Upload] = field(default_factory=list)

    def value(self, name: str, default: str = "") -> str:
        """The last value of a field (``default`` when absent)."""
        values = self.fields.get(name)
        return values[-1] if values else default

    def uploads(self, name: str) -> list[Upload]:
        """The files sent under ``name``."""
        return [u for u in self.files if u.field == name]


def safe_filename(raw: str) -> str:
    """The last path component of a client's file name, without control characters."""
    name = _UNSAFE_NAME.sub("", raw.replace("\\", "/").rsplit("/", 1)[-1]).strip()
    return name or "upload"


def _megabytes(size: int) -> int:
    return size // 2**20


async def body_chunks(
    receive: Receive, headers: Mapping[str, str], share: Share | None = None
) -> AsyncIterator[bytes]:
    """The request body chunk by chunk, refusing it once it is too large, silent or slow."""
    announced = headers.get("content-length", "")
    if announced.isdigit() and int(announced) > limits.MAX_REQUEST_BYTES:
        limit = _megabytes(limits.MAX_REQUEST_BYTES)
        raise RequestProblem(413, f"request too large (limit {limit} MB for all inputs together)")
    if share is not None and announced.isdigit():
        share.cover(int(announced))
    deadline = time.monotonic() + limits.UPLOAD_TOTAL_SECONDS
    total = 0
    while True:
        wait = min(limits.UPLOAD_IDLE_SECONDS, deadline - time.monotonic())
        try:
            message = await asyncio.wait_for(receive(), timeout=max(wait, 0.0))
        except TimeoutError:
            raise RequestProblem(408, "upload timed out (the browser stopped sending)") from None
        if message["type"] == "http.disconnect":
            raise RequestProblem(400, "upload interrupted (the connection closed)")
        chunk: bytes = message.get("body", b"")
        total += len(chunk)
        if total > limits.MAX_REQUEST_BYTES:
            limit = _megabytes(limits.MAX_REQUEST_BYTES)
            raise RequestProblem(
                413, f"request too large (limit {limit} MB for all inputs together)"
            )
        if share is not None:
            share.cover(total)
        if chunk:
            yield chunk
        if not message.get("more_body", False):
            return


class _Collector:
    """python-multipart callbacks that gather parts in memory under the limits."""

    def __init__(self, charset: str) -> None:
        self.form = Form()
        self.charset = charset
        self.field_bytes = bytearray()
        self.value_bytes = bytearray()
        self.disposition = b""
        self.name = ""
        self.filename: str | None = None
        self.data = bytearray()
        self.fields = 0
        self.ended = False

    def part_begin(self) -> None:
        self.disposition, self.name, self.filename = b"", "", None
        self.data = bytearray()

    def header_field(self, data: bytes, start: int, end: int) -> None:
        self.field_bytes += data[start:end]

    def header_value(self, data: bytes, start: int, end: int) -> None:
        self.value_bytes += data[start:end]

    def header_end(self) -> None:
        if bytes(self.field_bytes).lower() == b"content-disposition":
            self.disposition = bytes(self.value_bytes)
        self.field_bytes, self.value_bytes = bytearray(), bytearray()

    def headers_finished(self) -> None:
        from python_multipart.multipart import parse_options_header

        _, options = parse_options_header(self.disposition)
        if b"name" not in options:
            raise RequestProblem(400, "malformed form: a part has no name")
        self.name = options[b"name"].decode(self.charset, "replace")
        if b"filename" in options:
            if len(self.form.files) >= limits.MAX_FILES:
                raise RequestProblem(413, f"too many files (limit {limits.MAX_FILES})")
            raw = options[b"filename"].decode(self.charset, "replace")
            self.filename = safe_filename(raw) if raw else ""  # "": an empty file picker
        else:
            self.fields += 1
            if self.fields > limits.MAX_FIELDS:
                raise RequestProblem(413, f"too many form fields (limit {limits.MAX_FIELDS})")

    def part_data(self, data: bytes, start: int, end: int) -> None:
        self.data += data[start:end]
        if self.filename is not None or self.name in TEXT_FIELDS:
            if len(self.data) > limits.MAX_PART_BYTES:
                label = self.filename or self.name
                limit = _megabytes(limits.MAX_PART_BYTES)
                raise RequestProblem(413, f"{label}: file too large (limit {limit} MB)")
        elif len(self.data) > limits.MAX_OPTION_BYTES:
            raise RequestProblem(413, f"form field {self.name!r} too long")

    def end(self) -> None:
        self.ended = True

    def part_end(self) -> None:
        if self.filename == "" and not self.data:
            return  # a file picker left empty sends a nameless empty part
        if self.filename is not None:
            name = self.filename or safe_filename("")
            self.form.files.append(Upload(self.name, name, bytes(self.data)))
        elif self.name in TEXT_FIELDS:
            # pasted text stays bytes-exact: it is read like a file
            self.form.files.append(Upload(self.name, "", bytes(self.data)))
        else:
            value = bytes(self.data).decode(self.charset, "replace")
            self.form.fields.setdefault(self.name, []).append(value)


async def read_form(
    receive: Receive, headers: Mapping[str, str], share: Share | None = None
) -> Form:
    """Read a multipart/form-data body under the limits of :mod:`amendtool.web.limits`."""
    from python_multipart.exceptions import FormParserError
    from python_multipart.multipart import MultipartParser, parse_options_header

    content_type, params = parse_options_header(headers.get("content-type", ""))
    if content_type != b"multipart/form-data" or b"boundary" not in params:
        raise RequestProblem(400, "expected a multipart/form-data upload (fields old and new)")
    collector = _Collector("utf-8")
    try:  # FormParserError: any refusal of the parser's, e.g. a boundary over 256 bytes
        parser = MultipartParser(
            params[b"boundary"],
            {
                "on_part_begin": collector.part_begin,
                "on_part_data": collector.part_data,
                "on_part_end": collector.part_end,
                "on_header_field": collector.header_field,
                "on_header_value": collector.header_value,
                "on_header_end": collector.header_end,
                "on_headers_finished": collector.headers_finished,
                "on_end": collector.end,
            },
        )
        async for chunk in body_chunks(receive, headers, share):
            parser.write(chunk)
        parser.finalize()
    except FormParserError as problem:
        raise RequestProblem(400, f"malformed form ({problem})") from None
    if not collector.ended:
        raise RequestProblem(400, "upload incomplete (the form ended early)")
    return collector.form
