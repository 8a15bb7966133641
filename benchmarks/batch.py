"""Time, throughput and peak memory of `amendtool batch` on a generated archive.

    .venv/bin/python benchmarks/batch.py              # 1,000 procedures
    .venv/bin/python benchmarks/batch.py --count 100  # quicker

The archive (benchmarks/archive.py) has 5 group motions, a joint motion and an adopted text
per procedure (about 35 clauses, 1,000 words per motion). Each configuration runs as its own
process, timed from start to exit (start-up, pool or cluster start included), and its peak
memory is the largest resident set of any of its processes. CPU seconds (user + system over
all its processes) are given too: on a shared machine they measure the work, where wall time
also measures the neighbours.

- serial: ``amendtool batch --workers 1``;
- pool: ``amendtool batch --workers 2`` (a local process pool);
- LocalCluster: ``distributed.LocalCluster(n_workers=2, threads_per_worker=1)`` started in
  a script that calls ``amendtool.batch.run_batch(..., scheduler=address)``;
- resumed: the serial command again on its own output (every procedure unchanged).

All outputs are compared: the three runs must give the same bytes.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.archive import write_archive  # noqa: E402

CLUSTER = """
import sys
from distributed import LocalCluster
from amendtool.batch import run_batch
if __name__ == "__main__":
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        run_batch(sys.argv[1], sys.argv[2], scheduler=cluster.scheduler_address, progress=False)
"""


def measure(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system, all processes) and peak resident MB (the
    largest process) of one command, with no time limit."""
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "elapsed = time.perf_counter() - start\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", wrapper, *command], capture_output=True, text=True, check=True
    )
    elapsed, cpu, peak = out.stdout.split()
    return float(elapsed), float(cpu), float(peak)


def _same(a: Path, b: Path) -> bool:
    comparison = filecmp.dircmp(a, b)
    if comparison.left_only or comparison.right_only or comparison.diff_files:
        return False
    if filecmp.cmpfiles(a, b, comparison.common_files, shallow=False)[1:] != ([], []):
        return False
    return all(_same(a / name, b / name) for name in comparison.common_dirs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    batch = [sys.executable, "-m", "amendtool", "batch"]
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        started = time.perf_counter()
        write_archive(root / "archive", args.count)
        size = sum(p.stat().st_size for p in (root / "archive").rglob("*.txt"))
        print(
            f"archive: {args.count} procedures, {size / 1e6:.1f} MB of text, "
            f"generated in {time.perf_counter() - started:.0f} s; "
            f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores",
            flush=True,
        )
        script = root / "cluster.py"
        script.write_text(CLUSTER, encoding="utf-8")
        runs = {
            "serial": (
                1,
                [
                    *batch,
                    str(root / "archive"),
                    "-o",
                    str(root / "serial"),
                    "--workers",
                    "1",
                    "--no-progress",
                ],
            ),
            "pool, 2 workers": (
                2,
                [
                    *batch,
                    str(root / "archive"),
                    "-o",
                    str(root / "pool"),
                    "--workers",
                    "2",
                    "--no-progress",
                ],
            ),
            "LocalCluster, 2 workers": (
                2,
                [sys.executable, str(script), str(root / "archive"), str(root / "cluster")],
            ),
            "serial, resumed (all unchanged)": (
                1,
                [
                    *batch,
                    str(root / "archive"),
                    "-o",
                    str(root / "serial"),
                    "--workers",
                    "1",
                    "--no-progress",
                ],
            ),
        }
        results = []
        for name, (cores, command) in runs.items():
            seconds, cpu, peak = measure(command)
            results.append(
                {
                    "run": name,
                    "seconds": round(seconds, 1),
                    "procedures_per_second": round(args.count / seconds, 2),
                    "per_core": round(args.count / seconds / cores, 2),
                    "cpu_seconds": round(cpu, 1),
                    "cpu_ms_per_procedure": round(1000 * cpu / args.count),
                    "peak_rss_mb": round(peak),
                    "load_average": round(os.getloadavg()[0], 1),
                }
            )
            print(json.dumps(results[-1]), flush=True)
        for other in ("pool", "cluster"):
            assert _same(root / "serial", root / other), f"{other} differs from serial"
        print("outputs identical: serial, pool, LocalCluster")


if __name__ == "__main__":
    main()
