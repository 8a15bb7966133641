"""A real ``amendtool serve`` in a subprocess, for the HTTP and browser tests."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from tests.conftest import ROOT

# The same environment as tests.conftest.run_cli, so AKN dates match the CLI's.
SERVER_ENV = {"SOURCE_DATE_EPOCH": "1795046400", "PATH": "/usr/bin:/bin", "NO_COLOR": "1"}
START_SECONDS = 30.0


@contextmanager
def running_server(*args: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """``amendtool serve --port 0 ARGS`` until the block ends; yields the page's address."""
    with server_process(*args, env=env) as (address, _):
        yield address


@contextmanager
def server_process(*args: str, env: dict[str, str] | None = None) -> Iterator[tuple[str, int]]:
    """``amendtool serve --port 0 ARGS`` until the block ends; yields (address, process id)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "amendtool", "serve", "--port", "0", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env={**SERVER_ENV, "PYTHONPATH": os.environ.get("PYTHONPATH", ""), **(env or {})},
    )
    assert process.stderr is not None
    try:
        deadline, said = time.monotonic() + START_SECONDS, b""
        while b"serving http://" not in said:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([process.stderr], [], [], max(left, 0))
            if not ready or process.poll() is not None:
                raise RuntimeError(f"amendtool serve did not start: {said!r}")
            said += os.read(process.stderr.fileno(), 4096)
        address = said.split(b"serving ", 1)[1].split()[0].decode()
        yield address, process.pid
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stderr.close()


def multipart(
    files: list[tuple[str, str, bytes]], fields: dict[str, str] | None = None
) -> tuple[bytes, str]:
    """A multipart/form-data body of (field, file name, bytes) files and plain fields."""
    boundary = "amendtool-test-boundary-7f3a"
    parts = []
    for name, value in (fields or {}).items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        )
    body = "".join(parts).encode()
    for name, filename, data in files:
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
        )
        body += head.encode() + data + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def post(
    address: str,
    path: str,
    files: list[tuple[str, str, bytes]],
    fields: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], bytes]:
    """POST a form to the server; (status, lower-cased headers, body)."""
    import http.client
    from urllib.parse import urlsplit

    where = urlsplit(address)
    body, content_type = multipart(files, fields)
    connection = http.client.HTTPConnection(where.hostname, where.port, timeout=60)
    try:
        connection.request(
            "POST", path, body=body, headers={"Content-Type": content_type, **(headers or {})}
        )
        response = connection.getresponse()
        return (
            response.status,
            {k.lower(): v for k, v in response.getheaders()},
            response.read(),
        )
    finally:
        connection.close()


def get(
    address: str, path: str, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    """GET a path; (status, lower-cased headers, body)."""
    import http.client
    from urllib.parse import urlsplit

    where = urlsplit(address)
    connection = http.client.HTTPConnection(where.hostname, where.port, timeout=60)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return (
            response.status,
            {k.lower(): v for k, v in response.getheaders()},
            response.read(),
        )
    finally:
        connection.close()


def cli_bytes(*args: str, cwd: str | os.PathLike[str]) -> tuple[int, bytes, str]:
    """Run ``python -m amendtool ARGS`` in ``cwd``: exit status, stdout bytes, stderr text."""
    result = subprocess.run(
        [sys.executable, "-m", "amendtool", *args],
        input=b"",
        capture_output=True,
        cwd=cwd,
        timeout=120,
        env={**SERVER_ENV, "PYTHONPATH": str(ROOT)},
    )
    return result.returncode, result.stdout, result.stderr.decode("utf-8", "replace")
