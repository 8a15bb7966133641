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
from collections.abc import Callable

import pytest

from amendtool import read
from amendtool.errors import AmendtoolError
from amendtool.extract.docx_text import MAX_PARTS
from tests.conftest import SAMPLES

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


def _late_doctype(url: str) -> bytes:
    return (
        b'<?xml version="1.0"?>\n<!--'
        + b"x" * 5000  # past the first 4 kB, where the DOCTYPE check looks
        + f'-->\n<!DOCTYPE akomaNtoso SYSTEM "{url}akn.dtd">\n'.encode()
        + b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
        b'<doc name="x"><mainBody><p>text</p></mainBody></doc></akomaNtoso>'
    )


def _external_html(url: str) -> bytes:
    return (
        f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "{url}x.dtd"><html><head>'
        f'<link rel="stylesheet" href="{url}s.css"><script src="{url}a.js"></script>'
        f'</head><body><img src="{url}i.png"><iframe src="{url}"></iframe>'
        "<p>The European Parliament,</p><p>- having regard to X,</p><p>1. Calls on all;</p>"
        "</body></html>"
    ).encode()


def _external_entity(url: str) -> bytes:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [<!ENTITY e SYSTEM "{url}e.xml">]>'
        "\n<akomaNtoso>&e;</akomaNtoso>"
    ).encode()


def _docx_with_dtd(url: str) -> bytes:
    document = _document(["The European Parliament,", "1. Calls on all;"])
    return _docx(
        document.replace(b"?>", f'?><!DOCTYPE w:document SYSTEM "{url}w.dtd">'.encode(), 1)
    )


@pytest.mark.parametrize(
    ("name", "build"),
    [
        ("late-doctype.xml", _late_doctype),
        ("external.html", _external_html),
        ("entity.xml", _external_entity),
        ("dtd.docx", _docx_with_dtd),
    ],
)
def test_a_request_connects_nowhere(name: str, build: Callable[[str], bytes]) -> None:
    """Inputs naming outside resources (DTDs, entities, styles, images) fetch none of them.

    The resources are on a port this test listens on: any connection, from Python or from
    libxml2's own C code, would be waiting there.
    """
    import asyncio
    import socket

    from amendtool.web.jobs import run
    from amendtool.web.problems import RequestProblem
    from amendtool.web.upload import read_form
    from tests.web.server import multipart

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/"
        body, content_type = multipart(
            [
                ("old", name, build(url)),
                ("new", "b.txt", (SAMPLES / "kazakhstan.v2.txt").read_bytes()),
            ]
        )

        async def receive() -> dict[str, object]:
            return {"type": "http.request", "body": body, "more_body": False}

        form = asyncio.run(read_form(receive, {"content-type": content_type}))
        try:
            run("diff", form)
        except RequestProblem as problem:  # refused as bad input: fine, said in one line
            assert problem.status == 400 and "\n" not in problem.message
        listener.setblocking(False)
        with pytest.raises(BlockingIOError):
            listener.accept()  # nobody came
