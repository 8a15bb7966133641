"""A bounded load test of ``amendtool serve`` on loopback: N comparisons at once.

    .venv/bin/python benchmarks/serve_load.py              # 50 at once, one round
    .venv/bin/python benchmarks/serve_load.py --concurrent 50 --rounds 3

Starts a real server (``amendtool serve --port 0``, bound to 127.0.0.1 only), sends the
sample pair to ``POST /api/diff`` (format html, what the page asks for) from N threads
released together, checks every answer is 200 with exactly the CLI's bytes, and reports
latency (p50, p95, max), wall time and the server's peak resident memory (VmHWM). Bounded:
at most MAX_REQUESTS requests in all, each with a timeout, the whole run under DEADLINE
seconds; the server is stopped at the end whatever happens.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.web.server import cli_bytes, post, server_process  # noqa: E402

SAMPLES = ROOT / "samples"
OLD, NEW = "kazakhstan.v1.txt", "kazakhstan.v2.txt"
MAX_REQUESTS = 1000  # in all, whatever the arguments
DEADLINE = 600.0  # seconds for the whole run


def _memory_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _one_request(
    gate: threading.Barrier,
    address: str,
    files: list[tuple[str, str, bytes]],
    expected: bytes,
    _: int,
) -> tuple[float, str]:
    """One comparison, started with the others: (seconds, "" or what went wrong)."""
    gate.wait(timeout=60)
    began = time.monotonic()
    try:
        status, _headers, body = post(address, "/api/diff", files, {"format": "html"})
    except OSError as problem:
        return time.monotonic() - began, f"{type(problem).__name__}: {problem}"
    ok = status == 200 and body == expected
    return time.monotonic() - began, "" if ok else f"status {status}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrent", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    if args.concurrent * args.rounds > MAX_REQUESTS:
        parser.error(f"at most {MAX_REQUESTS} requests in all")

    files = [("old", OLD, (SAMPLES / OLD).read_bytes()), ("new", NEW, (SAMPLES / NEW).read_bytes())]
    expected = cli_bytes("diff", "--format", "html", OLD, NEW, cwd=SAMPLES)[1]
    latencies: list[float] = []
    failures: list[str] = []
    started_all = time.monotonic()
    with server_process() as (address, pid):
        assert urlsplit(address).hostname == "127.0.0.1", address  # loopback only
        idle_kb = _memory_kb(pid, "VmRSS")
        post(address, "/api/diff", files, {"format": "html"})  # warm: imports done once
        warm_kb = _memory_kb(pid, "VmRSS")
        walls = []
        for _ in range(args.rounds):
            gate = threading.Barrier(args.concurrent)
            one = partial(_one_request, gate, address, files, expected)
            began = time.monotonic()
            with ThreadPoolExecutor(max_workers=args.concurrent) as pool:
                for seconds, failure in pool.map(one, range(args.concurrent)):
                    latencies.append(seconds)
                    if failure:
                        failures.append(failure)
            walls.append(time.monotonic() - began)
            if time.monotonic() - started_all > DEADLINE:
                failures.append("deadline reached: rounds stopped")
                break
        peak_kb = _memory_kb(pid, "VmHWM")
    print(f"requests: {len(latencies)} ({args.concurrent} at once x {len(walls)} rounds)")
    print(f"failed: {len(failures)} {sorted(set(failures))[:3]}")
    print(
        f"latency s: p50 {_percentile(latencies, 0.50):.2f}, "
        f"p95 {_percentile(latencies, 0.95):.2f}, max {max(latencies):.2f}, "
        f"mean {statistics.mean(latencies):.2f}"
    )
    print(f"wall s per round: {', '.join(f'{w:.2f}' for w in walls)}")
    print(
        f"server RSS MB: idle {idle_kb / 1024:.0f}, after one comparison {warm_kb / 1024:.0f}, "
        f"peak {peak_kb / 1024:.0f}"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
