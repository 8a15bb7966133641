"""A budget for the bytes pdfminer may inflate out of one PDF's streams.

pdfminer decodes FlateDecode and LZWDecode streams in one call with no limit, so a 1 MB
file whose content stream inflates to 1 GB would cost gigabytes of memory (a decompression
bomb). :func:`bounded` installs size-checked decoders into :mod:`pdfminer.pdftypes` and
gives each document a budget, per thread of work (``contextvars``), so the CLI, batch
workers and the web server's threads are all bounded. Exceeding it raises
:class:`StreamBudgetExceeded`, which the PDF reader turns into a one-line error.
"""

from __future__ import annotations

import contextlib
import contextvars
import io
import zlib
from collections.abc import Iterator
from typing import Any

# Decoded bytes allowed per document: a floor for small files with embedded fonts, plus
# a multiple of the file's size (text streams of real EP PDFs inflate 3-10 times).
BUDGET_FLOOR = 32 * 2**20  # bytes
BUDGET_PER_INPUT_BYTE = 10  # decoded bytes per byte of PDF

_remaining: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar(
    "amendtool_pdf_budget", default=None
)


class StreamBudgetExceeded(Exception):
    """The streams of a PDF inflate to more than its budget."""


def _spend(size: int) -> None:
    left = _remaining.get()
    if left is None:
        return
    left[0] -= size
    if left[0] < 0:
        raise StreamBudgetExceeded


def _allowance() -> int:
    left = _remaining.get()
    return left[0] if left is not None else BUDGET_FLOOR


class _BoundedDecompressor:
    """zlib's decompressor, stopping at the budget."""

    def __init__(self) -> None:
        self._inflate = zlib.decompressobj()

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        limit = _allowance() + 1
        out = self._inflate.decompress(data, min(max_length, limit) if max_length else limit)
        _spend(len(out))
        if self._inflate.unconsumed_tail and not max_length:
            raise StreamBudgetExceeded
        return out

    def flush(self) -> bytes:
        out = self._inflate.flush()
        _spend(len(out))
        return out

    @property
    def unconsumed_tail(self) -> bytes:
        return self._inflate.unconsumed_tail


class _BoundedZlib:
    """The parts of :mod:`zlib` that pdfminer.pdftypes uses, size-checked."""

    error = zlib.error

    @staticmethod
    def decompress(data: bytes) -> bytes:
        inflate = _BoundedDecompressor()
        out = inflate.decompress(data)
        if not inflate._inflate.eof:
            raise zlib.error("incomplete or truncated stream")
        return out + inflate.flush()

    @staticmethod
    def decompressobj(*args: Any, **kwargs: Any) -> _BoundedDecompressor:
        return _BoundedDecompressor()


def _bounded_lzw(data: bytes) -> bytes:
    from pdfminer.lzw import LZWDecoder

    pieces = []
    for piece in LZWDecoder(io.BytesIO(data)).run():
        _spend(len(piece))
        pieces.append(piece)
    return b"".join(pieces)


def _bounded_runlength(data: bytes) -> bytes:
    from pdfminer.runlength import rldecode

    _spend(128 * len(data) // 2)  # the most a run-length stream can expand (128x per pair)
    return rldecode(data)


_installed = False


def _install() -> None:
    global _installed
    if _installed:
        return
    import pdfminer.pdftypes as pdftypes

    # pdftypes imported these names from zlib, pdfminer.lzw and pdfminer.runlength
    setattr(pdftypes, "zlib", _BoundedZlib)  # noqa: B010
    setattr(pdftypes, "lzwdecode", _bounded_lzw)  # noqa: B010
    setattr(pdftypes, "rldecode", _bounded_runlength)  # noqa: B010
    _installed = True


@contextlib.contextmanager
def bounded(input_size: int) -> Iterator[None]:
    """Within the block, the PDF's streams may inflate to the budget for its size."""
    _install()
    token = _remaining.set([BUDGET_FLOOR + BUDGET_PER_INPUT_BYTE * input_size])
    try:
        yield
    finally:
        _remaining.reset(token)
