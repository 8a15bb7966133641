"""The guard and the upload reader against an attacker's headers and forms (no server).

Each case is a request a hostile page or local program could send; the guard is called as
ASGI with the header list exactly as uvicorn passes it (duplicates kept).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from amendtool.web.budget import BUSY_MESSAGE, Budget
from amendtool.web.guard import Guard, HostPolicy
from amendtool.web.problems import RequestProblem
from amendtool.web.upload import read_form, safe_filename
from tests.web.server import multipart

OWN = "http://127.0.0.1:8000"


def _through_guard(method: str, headers: list[tuple[str, str]]) -> tuple[int, dict[str, Any]]:
    """(status, JSON body or {}) of a request passed through the guard to a 200 app."""
    reached: list[bool] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        reached.append(True)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    scope = {
        "type": "http",
        "method": method,
        "headers": [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers],
    }
    asyncio.run(Guard(app, HostPolicy("127.0.0.1", 8000))(scope, receive, send))
    status = sent[0]["status"]
    assert (status == 200) == bool(reached)
    body = sent[1].get("body", b"")
    return status, (json.loads(body) if body else {})


HOST = ("Host", "127.0.0.1:8000")


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ([HOST], 200),  # a program such as curl: no Origin, no Sec-Fetch-Site
        ([HOST, ("Origin", OWN), ("Sec-Fetch-Site", "same-origin")], 200),  # the page itself
        ([HOST, ("Referer", f"{OWN}/")], 200),
        ([HOST, ("Sec-Fetch-Site", "none")], 200),  # typed or bookmarked by the user
        # a second Origin must not outvote the first, in either order
        ([HOST, ("Origin", "http://evil.example"), ("Origin", OWN)], 403),
        ([HOST, ("Origin", OWN), ("Origin", "http://evil.example")], 403),
        ([HOST, ("Origin", "null")], 403),  # a sandboxed frame or a data: page
        ([HOST, ("Origin", "")], 403),
        # no Origin: the Referer tells where the form was
        ([HOST, ("Referer", "http://evil.example/form.html")], 403),
        ([HOST, ("Referer", "http://127.0.0.1:8000.evil.example/")], 403),
        ([HOST, ("Referer", "http://[::1/")], 403),  # malformed
        # the browser's own word: another page sent it (another port of this machine is
        # "same-site", still not this page)
        ([HOST, ("Sec-Fetch-Site", "same-site")], 403),
        ([HOST, ("Sec-Fetch-Site", "Cross-Site")], 403),
        ([HOST, ("Origin", OWN), ("Sec-Fetch-Site", "cross-site")], 403),
        # two Host headers (uvicorn refuses them first; the guard does too)
        ([HOST, ("Host", "evil.example:8000")], 400),
        ([("Host", "evil.example:8000"), HOST], 400),
    ],
)
def test_post_refusals(headers: list[tuple[str, str]], status: int) -> None:
    assert _through_guard("POST", headers)[0] == status


def test_the_refusal_names_what_gave_the_site_away() -> None:
    status, body = _through_guard("POST", [HOST, ("Referer", "http://evil.example/a?secret=1")])
    assert (status, body) == (
        403,
        {"error": "request from another site (http://evil.example/a) refused"},
    )


def test_reading_the_page_needs_no_origin_check() -> None:
    assert _through_guard("GET", [HOST, ("Sec-Fetch-Site", "cross-site")])[0] == 200


def _read(body: bytes, content_type: str, share: Any = None) -> Any:
    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    headers = {"content-type": content_type, "content-length": str(len(body))}
    return asyncio.run(read_form(receive, headers, share))


def test_a_boundary_the_parser_refuses_is_400_not_500() -> None:
    boundary = "b" * 300  # python-multipart takes at most 256
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--{boundary}--\r\n'
    )
    with pytest.raises(RequestProblem) as caught:
        _read(body.encode(), f"multipart/form-data; boundary={boundary}")
    assert caught.value.status == 400
    assert caught.value.message.startswith("malformed form (")


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("report\u202etxt.exe", "reporttxt.exe"),  # right-to-left override: shows "exe.txt"
        ("a\u2066b\u2069c\u200f.txt", "abc.txt"),
        ("x\x85y\x9b.txt", "xy.txt"),  # C1 controls (NEL, CSI)
        ("Résolution – projet.docx", "Résolution – projet.docx"),  # ordinary letters stay
    ],
)
def test_file_names_lose_invisible_controls(raw: str, safe: str) -> None:
    assert safe_filename(raw) == safe


def test_uploads_share_a_memory_budget() -> None:
    body, content_type = multipart([("old", "a.txt", b"x" * 1000)])
    budget = Budget(len(body) * 2)
    first, second, third = budget.share(), budget.share(), budget.share()
    _read(body, content_type, first)
    _read(body, content_type, second)
    assert budget.held == len(body) * 2
    with pytest.raises(RequestProblem) as caught:
        _read(body, content_type, third)  # refused on its Content-Length, before reading
    assert (caught.value.status, caught.value.message) == (503, BUSY_MESSAGE)
    first.release()
    _read(body, content_type, third)
    second.release()
    third.release()
    assert budget.held == 0


def test_an_unannounced_body_is_counted_as_it_arrives() -> None:
    body, content_type = multipart([("old", "a.txt", b"x" * 5000)])
    budget = Budget(3000)
    chunks = [body[i : i + 1000] for i in range(0, len(body), 1000)]

    async def receive() -> dict[str, Any]:
        chunk = chunks.pop(0)
        return {"type": "http.request", "body": chunk, "more_body": bool(chunks)}

    share = budget.share()
    with pytest.raises(RequestProblem) as caught:
        asyncio.run(read_form(receive, {"content-type": content_type}, share))
    assert caught.value.status == 503
    assert len(chunks) >= 1  # refused before the end of the body
    assert budget.held <= 3000
    share.release()
    assert budget.held == 0


def test_a_websocket_is_closed_before_the_application() -> None:
    """With a WebSocket library installed, uvicorn would pass upgrades on: never to the app."""
    sent: list[dict[str, Any]] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        raise AssertionError("the application was reached")

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def receive() -> dict[str, Any]:
        return {"type": "websocket.connect"}

    scope = {"type": "websocket", "headers": [(b"host", b"evil.example:8000")]}
    asyncio.run(Guard(app, HostPolicy("127.0.0.1", 8000))(scope, receive, send))
    assert sent == [{"type": "websocket.close", "code": 1008}]
