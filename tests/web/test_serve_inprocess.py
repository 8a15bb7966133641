"""The server in this process (a thread), with small limits: timeouts and the pool, fast."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

import pytest

from amendtool.web import limits
from amendtool.web.budget import BUSY_MESSAGE
from amendtool.web.server import prepare
from tests.conftest import SAMPLES
from tests.web.server import multipart, post


@pytest.fixture
def small_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A real uvicorn server on 127.0.0.1 with half-second timeouts and a pool of one."""
    monkeypatch.setattr(limits, "HEADER_SECONDS", 0.5)
    monkeypatch.setattr(limits, "UPLOAD_IDLE_SECONDS", 0.5)
    with _small_server() as address:
        yield address


@contextmanager
def _small_server() -> Iterator[str]:
    """A real uvicorn server on 127.0.0.1 in a thread, with a pool of one."""
    prepared = prepare("127.0.0.1", 0, pool_size=1)
    ready = threading.Event()
    thread = threading.Thread(target=prepared.run, args=(lambda _: ready.set(),), daemon=True)
    thread.start()
    assert ready.wait(timeout=30)
    try:
        yield prepared.address
    finally:
        prepared.server.should_exit = True
        thread.join(timeout=15)
        assert not thread.is_alive()


def _connect(address: str) -> socket.socket:
    where = urlsplit(address)
    return socket.create_connection((where.hostname, where.port), timeout=10)


def _answer(sock: socket.socket) -> bytes:
    answer = b""
    while chunk := sock.recv(65536):
        answer += chunk
    return answer


def test_stalled_upload_gets_408(small_server: str) -> None:
    body, content_type = multipart([("old", "a.txt", b"The European Parliament,\n" * 100)])
    port = urlsplit(small_server).port
    with _connect(small_server) as sock:
        sock.sendall(
            f"POST /api/diff HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: {content_type}"
            f"\r\nContent-Length: {len(body)}\r\n\r\n".encode()
            + body[:100]  # and then nothing more
        )
        began = time.monotonic()
        answer = _answer(sock)
    assert answer.startswith(b"HTTP/1.1 408 ")
    assert b'{"error":"upload timed out (the browser stopped sending)"}' in answer
    assert 0.4 < time.monotonic() - began < 5


def test_slow_headers_are_cut_off(small_server: str) -> None:
    port = urlsplit(small_server).port
    with _connect(small_server) as sock:
        sock.sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n".encode())  # never ends
        began = time.monotonic()
        assert _answer(sock) == b""  # closed without an answer
    assert 0.4 < time.monotonic() - began < 5


def test_pool_bounds_the_comparisons_running_at_once(
    small_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import amendtool.web.app as app_module

    real_run = app_module.run
    running, most = [0], [0]
    lock = threading.Lock()

    def counted(product, form):  # type: ignore[no-untyped-def]
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        try:
            time.sleep(0.1)
            return real_run(product, form)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(app_module, "run", counted)
    files = [
        ("old", "a.txt", (SAMPLES / "kazakhstan.v1.txt").read_bytes()),
        ("new", "b.txt", (SAMPLES / "kazakhstan.v2.txt").read_bytes()),
    ]
    results: list[int] = []

    def one() -> None:
        results.append(post(small_server, "/api/diff", files, {"format": "json"})[0])

    threads = [threading.Thread(target=one) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert results == [200] * 6  # all served, none refused
    assert most[0] == 1  # the pool of this server has one place


def test_slow_headers_of_a_second_request_are_cut_off(small_server: str) -> None:
    """Keep-alive: the deadline starts again after each answer, not only at connecting."""
    port = urlsplit(small_server).port
    with _connect(small_server) as sock:
        sock.sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        first = b""
        while b"</html>" not in first:
            first += sock.recv(65536)
        assert first.startswith(b"HTTP/1.1 200 ")
        began = time.monotonic()
        cut = False
        for byte in f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Slow: {'a' * 60}":
            try:
                sock.sendall(byte.encode())
            except OSError:
                cut = True
                break
            time.sleep(0.05)  # one byte every 50 ms: never idle, never done
        if not cut:  # all sent within 3 s: the connection must be closed by now
            sock.settimeout(5)
            assert _answer(sock) == b""
    assert time.monotonic() - began < 5


def test_uploads_beyond_the_memory_budget_get_503(monkeypatch: pytest.MonkeyPatch) -> None:
    """One upload stalls holding its share; another that does not fit is refused at once."""
    monkeypatch.setattr(limits, "UPLOAD_IDLE_SECONDS", 20.0)  # the stalled one stays
    monkeypatch.setattr(limits, "MAX_BUFFERED_BYTES", 300_000)
    files = [
        ("old", "a.txt", (SAMPLES / "kazakhstan.v1.txt").read_bytes()),
        ("new", "b.txt", (SAMPLES / "kazakhstan.v2.txt").read_bytes()),
    ]
    with _small_server() as address:
        port = urlsplit(address).port
        big = [("old", "a.txt", b"The European Parliament,\n" * 8000)]  # 200 kB
        body, content_type = multipart(big)
        with _connect(address) as stalled:
            stalled.sendall(
                f"POST /api/diff HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: "
                f"{content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
                + body[:1000]
            )
            time.sleep(0.3)
            began = time.monotonic()
            status, headers, answer = post(address, "/api/diff", big)
            assert time.monotonic() - began < 10  # at once, not when the stalled one ends
            assert (status, json.loads(answer)) == (503, {"error": BUSY_MESSAGE})
            assert headers["retry-after"] == "5"
        # the stalled client left: its share comes back, and a request fits again
        deadline = time.monotonic() + 10
        while (status := post(address, "/api/diff", files)[0]) == 503:
            assert time.monotonic() < deadline
            time.sleep(0.1)
        assert status == 200


def test_work_queued_for_a_client_that_left_is_dropped(
    small_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import amendtool.web.app as app_module

    real_run = app_module.run
    ran: list[str] = []

    def slow(product, form):  # type: ignore[no-untyped-def]
        ran.append(form.files[0].filename)
        time.sleep(0.6)
        return real_run(product, form)

    monkeypatch.setattr(app_module, "run", slow)
    port = urlsplit(small_server).port

    def request(name: str) -> bytes:
        body, content_type = multipart(
            [
                ("old", name, (SAMPLES / "kazakhstan.v1.txt").read_bytes()),
                ("new", "b.txt", (SAMPLES / "kazakhstan.v2.txt").read_bytes()),
            ]
        )
        return (
            f"POST /api/diff HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: {content_type}"
            f"\r\nContent-Length: {len(body)}\r\n\r\n".encode()
            + body
        )

    with _connect(small_server) as staying:
        staying.sendall(request("staying.txt"))
        deadline = time.monotonic() + 10
        while not ran:  # until it holds the pool's one place
            assert time.monotonic() < deadline
            time.sleep(0.01)
        with _connect(small_server) as leaving:
            leaving.sendall(request("leaving.txt"))
            time.sleep(0.1)
        assert _answer(staying).startswith(b"HTTP/1.1 200 ")
    time.sleep(0.8)  # the place is free: the one that left would have started by now
    assert ran == ["staying.txt"]
