"""The web layer's parts on their own: host policy, upload limits and timeouts, the command."""

from __future__ import annotations

import asyncio
import socket
from typing import Any

import pytest
from click.testing import CliRunner

from amendtool.cli import cli
from amendtool.web import limits
from amendtool.web.app import html_policy
from amendtool.web.guard import HostPolicy
from amendtool.web.problems import RequestProblem
from amendtool.web.upload import read_form, safe_filename
from tests.web.server import multipart


@pytest.mark.parametrize(
    ("bound", "host", "allowed"),
    [
        ("127.0.0.1", "127.0.0.1:8000", True),
        ("127.0.0.1", "localhost:8000", True),
        ("127.0.0.1", "LOCALHOST:8000", True),
        ("127.0.0.1", "127.0.0.1:8001", False),  # another port
        ("127.0.0.1", "127.0.0.1", False),  # no port: port 80
        ("127.0.0.1", "attacker.example:8000", False),  # DNS rebinding
        ("127.0.0.1", "localhost.attacker.example:8000", False),
        ("127.0.0.1", "", False),
        ("::1", "[::1]:8000", True),
        ("::1", "[::1]", False),
        ("192.0.2.7", "192.0.2.7:8000", True),
        ("192.0.2.7", "localhost:8000", False),  # not loopback-bound: only its address
        ("0.0.0.0", "192.0.2.7:8000", True),  # wildcard: any IP literal
        ("0.0.0.0", "[2001:db8::1]:8000", True),
        ("0.0.0.0", "attacker.example:8000", False),
        ("0.0.0.0", f"{socket.gethostname()}:8000", True),
    ],
)
def test_host_policy(bound: str, host: str, allowed: bool) -> None:
    assert HostPolicy(bound, 8000).allows(host) is allowed


def test_origin_policy() -> None:
    policy = HostPolicy("127.0.0.1", 8000)
    assert policy.allows_origin("http://127.0.0.1:8000")
    assert policy.allows_origin("http://localhost:8000")
    assert not policy.allows_origin("null")
    assert not policy.allows_origin("https://127.0.0.1:8000")
    assert not policy.allows_origin("http://127.0.0.1:8000.attacker.example")


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("draft.txt", "draft.txt"),
        ("C:\\Users\\me\\draft v2.docx", "draft v2.docx"),
        ("../../etc/passwd", "passwd"),
        ("evil\x00\r\nname.txt", "evilname.txt"),
        ("", "upload"),
    ],
)
def test_safe_filename(raw: str, safe: str) -> None:
    assert safe_filename(raw) == safe


def _receiver(chunks: list[bytes], then: str) -> Any:
    """ASGI receive: the chunks, then the body ends, the client disconnects, or it stalls."""
    queue = list(chunks)

    async def receive() -> dict[str, Any]:
        if not queue:
            if then == "stall":
                await asyncio.sleep(3600)
            return {"type": "http.disconnect"}
        chunk = queue.pop(0)
        more = bool(queue) or then != "end"
        return {"type": "http.request", "body": chunk, "more_body": more}

    return receive


def _read(chunks: list[bytes], content_type: str, then: str = "end") -> Any:
    return asyncio.run(read_form(_receiver(chunks, then), {"content-type": content_type}))


def test_form_is_read_in_memory_in_any_chunking() -> None:
    body, content_type = multipart(
        [("old", "a.txt", b"first\r\n--not a boundary"), ("source", "b.txt", b"x" * 10000)],
        {"format": "json", "label": "Greens=b.txt"},
    )
    for size in (1, 7, 4096, len(body)):
        form = _read([body[i : i + size] for i in range(0, len(body), size)], content_type)
        assert form.value("format") == "json"
        assert form.fields["label"] == ["Greens=b.txt"]
        assert [(u.field, u.filename, u.data) for u in form.files] == [
            ("old", "a.txt", b"first\r\n--not a boundary"),
            ("source", "b.txt", b"x" * 10000),
        ]


def test_silent_upload_times_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "UPLOAD_IDLE_SECONDS", 0.2)
    body, content_type = multipart([("old", "a.txt", b"text")])
    with pytest.raises(RequestProblem) as caught:
        _read([body[:20]], content_type, then="stall")
    assert caught.value.status == 408


def test_trickling_upload_hits_the_total_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "UPLOAD_TOTAL_SECONDS", 0.3)
    _, content_type = multipart([("old", "a.txt", b"text")])

    async def trickle() -> dict[str, Any]:
        await asyncio.sleep(0.05)  # never silent for long, but never done
        return {"type": "http.request", "body": b"", "more_body": True}

    with pytest.raises(RequestProblem) as caught:
        asyncio.run(read_form(trickle, {"content-type": content_type}))
    assert caught.value.status == 408


def test_broken_upload_and_bad_forms_are_400() -> None:
    body, content_type = multipart([("old", "a.txt", b"text")])
    with pytest.raises(RequestProblem) as caught:
        _read([body[:30]], content_type, then="disconnect")
    assert (caught.value.status, caught.value.message) == (
        400,
        "upload interrupted (the connection closed)",
    )
    with pytest.raises(RequestProblem) as caught:
        _read([body[:-10]], content_type)  # a body that ends before the form does
    assert (caught.value.status, caught.value.message) == (
        400,
        "upload incomplete (the form ended early)",
    )
    with pytest.raises(RequestProblem) as caught:
        _read([b"old=1"], "application/x-www-form-urlencoded")
    assert caught.value.status == 400


def test_too_many_files_and_long_options_are_413(monkeypatch: pytest.MonkeyPatch) -> None:
    files = [("source", f"{i}.txt", b"x") for i in range(limits.MAX_FILES + 1)]
    body, content_type = multipart(files)
    with pytest.raises(RequestProblem) as caught:
        _read([body], content_type)
    assert caught.value.status == 413
    body, content_type = multipart([], {"label": "x" * (limits.MAX_OPTION_BYTES + 1)})
    with pytest.raises(RequestProblem) as caught:
        _read([body], content_type)
    assert caught.value.status == 413


def test_pasted_text_has_the_file_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_PART_BYTES", 100)
    body, content_type = multipart([], {"old_text": "y" * 101})
    with pytest.raises(RequestProblem) as caught:
        _read([body], content_type)
    assert (caught.value.status, caught.value.message) == (
        413,
        "old_text: file too large (limit 0 MB)",
    )


def test_html_policy_is_the_reports_own_policy_framed_by_this_site() -> None:
    document = (
        b'<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" '
        b"content=\"default-src 'none'; style-src 'sha256-abc='\"></head></html>"
    )
    assert html_policy(document) == (
        "default-src 'none'; style-src 'sha256-abc='; frame-ancestors 'self'"
    )
    assert html_policy(b"<html></html>").startswith("default-src 'none'")


def test_serving_beyond_loopback_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, int]] = []

    def fake_serve(host: str, port: int, **_: Any) -> None:
        calls.append((host, port))

    monkeypatch.setattr("amendtool.web.server.serve", fake_serve)
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--port", "8123"])
    assert result.exit_code == 0
    assert "warning: listening on every network interface" in result.output
    assert calls == [("0.0.0.0", 8123)]
    result = CliRunner().invoke(cli, ["serve"])
    assert "warning" not in result.output
    assert calls[-1] == ("127.0.0.1", 8000)


def test_cli_start_up_does_not_import_the_web_framework() -> None:
    import subprocess
    import sys

    code = (
        "import sys, amendtool.cli; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('starlette', 'uvicorn', 'python_multipart', 'anyio')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_open_shows_the_page_once_it_listens(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []

    def fake_serve(host: str, port: int, *, on_ready: Any, **_: Any) -> None:
        assert opened == []  # not before the server listens
        on_ready(f"http://{host}:{port}/")

    monkeypatch.setattr("amendtool.web.server.serve", fake_serve)
    monkeypatch.setattr("webbrowser.open", opened.append)
    result = CliRunner().invoke(cli, ["serve", "--port", "8124", "--open"])
    assert result.exit_code == 0
    assert opened == ["http://127.0.0.1:8124/"]
    assert "serving http://127.0.0.1:8124/" in result.output
    opened.clear()
    CliRunner().invoke(cli, ["serve", "--port", "8124"])
    assert opened == []


def test_a_request_opens_no_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading a 3 MB upload and comparing it uses no file and no temporary file."""
    import builtins
    import io
    import tempfile

    from amendtool.web.jobs import run
    from tests.conftest import SAMPLES

    old = (SAMPLES / "kazakhstan.v1.txt").read_bytes() + b"\n" * (3 * 2**20)
    new = (SAMPLES / "kazakhstan.v2.txt").read_bytes()
    body, content_type = multipart([("old", "a.txt", old), ("new", "b.txt", new)])
    chunks = [body[i : i + 65536] for i in range(0, len(body), 65536)]
    warm = run("diff", _read(chunks, content_type))  # lazy imports and data files load now

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"a file was opened: {args!r}")

    for module, name in [
        (builtins, "open"),
        (io, "open"),
        (tempfile, "TemporaryFile"),
        (tempfile, "SpooledTemporaryFile"),
        (tempfile, "NamedTemporaryFile"),
        (tempfile, "mkstemp"),
    ]:
        monkeypatch.setattr(module, name, refuse)
    assert run("diff", _read(chunks, content_type)) == warm
