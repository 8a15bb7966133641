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
def running_server(*args: str) -> Iterator[str]:
    """``amendtool serve --port 0 ARGS`` until the block ends; yields the page's address."""
    process = subprocess.Popen(
        [sys.executable, "-m", "amendtool", "serve", "--port", "0", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env={**SERVER_ENV, "PYTHONPATH": os.environ.get("PYTHONPATH", "")},
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
        yield address
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stderr.close()
