"""Uploads built to hurt the server: DOCX zip bombs read as the server reads them.

The server passes each upload's bytes to :func:`amendtool.read` in a pool thread; a DOCX
whose parts lie about their size, or that lists a huge number of parts, must be refused
with the one-line error without inflating it whole or listing every part.
"""

from __future__ import annotations

import io
import struct
import time
import tracemalloc
import zipfile
import zlib

import pytest

from amendtool import read
from amendtool.errors import AmendtoolError
from amendtool.extract.docx_text import MAX_PARTS

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)
INFLATED_BYTES = 64 * 2**20  # what the lying part really holds


def _document(paragraphs: list[str], padding: int = 0) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    pad = f"<w:p><w:r><w:t>{'a' * padding}</w:t></w:r></w:p>" if padding else ""
    return (
        f'<?xml version="1.0"?><w:document xmlns:w="{_W}"><w:body>{body}{pad}</w:body></w:document>'
    ).encode()


def _docx(document: bytes, extra: int = 0) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("word/document.xml", document)
        for number in range(extra):
            archive.writestr(f"x/{number}", b"")
    return buffer.getvalue()


def _lie_about(data: bytes, name: bytes, size: int, crc: int) -> bytes:
    """The archive with ``name``'s declared size and CRC replaced in both of its headers."""
    patched = bytearray(data)
    for signature, name_at, size_at, crc_at, fixed in (
        (b"PK\x03\x04", 26, 22, 14, 30),  # local header
        (b"PK\x01\x02", 28, 24, 16, 46),  # central directory entry
    ):
        at = patched.find(signature)
        while at != -1:
            length = struct.unpack_from("<H", patched, at + name_at)[0]
            if patched[at + fixed : at + fixed + length] == name:
                struct.pack_into("<I", patched, at + size_at, size)
                struct.pack_into("<I", patched, at + crc_at, crc)
            at = patched.find(signature, at + 4)
    return bytes(patched)


def test_a_part_lying_about_its_size_is_not_inflated_whole() -> None:
    document = _document(["The European Parliament,", "1. Calls on all;"], INFLATED_BYTES)
    declared = 1000  # with the CRC of those first 1000 bytes: the lie is consistent
    bomb = _lie_about(
        _docx(document), b"word/document.xml", declared, zlib.crc32(document[:declared])
    )
    assert len(bomb) < INFLATED_BYTES // 500  # a small upload
    tracemalloc.start()
    try:
        began = time.monotonic()
        with pytest.raises(AmendtoolError) as caught:
            read(bomb, name="bomb.docx")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(caught.value).startswith("bomb.docx: ")
    assert "\n" not in str(caught.value)
    assert peak < 16 * 2**20  # read piece by piece up to the declared size, not 64 MB
    assert time.monotonic() - began < 5


def test_an_archive_of_too_many_parts_is_refused_before_listing_them() -> None:
    many = _docx(_document(["The European Parliament,", "1. Calls on all;"]), MAX_PARTS)
    with pytest.raises(AmendtoolError) as caught:
        read(many, name="many.docx")
    assert str(caught.value) == f"many.docx: DOCX with more than {MAX_PARTS} parts is not accepted"


def test_an_ordinary_docx_is_still_read() -> None:
    lines = ["The European Parliament,", "- having regard to its resolutions,", "1. Calls on all;"]
    resolution = read(_docx(_document(lines)), name="fine.docx")
    assert [clause.text for clause in resolution.paragraphs] == ["Calls on all;"]
