"""Time, peak memory and alignment quality of `amendtool diff`, beside peers on the same pairs.

    .venv/bin/python benchmarks/run.py                        # 250 KB, 1 MB, 4 MB (about 5 min)
    .venv/bin/python benchmarks/run.py --sizes 0.25 --runs 1  # quicker
    .venv/bin/python benchmarks/run.py --json out.json        # also the rows as JSON

For each size (megabytes of the old draft, about) a hard synthetic pair with known edits is
generated (benchmarks/generate.py: repeated identical clauses, templated near-duplicates,
long clauses, sub-points, recitals past ZZ, a quarter reworded, moves, splits, merges).
Every tool runs as its own process, so that time (wall clock, start-up included), CPU time
(user + system) and peak memory (maximum resident set) are measured alike, each the
median of ``--runs`` runs:

- amendtool ``diff`` with the text report (to a pipe) and ``--format json -o FILE``, as a
  user runs them (one process per core reads the drafts), and ``--format json --jobs 1``
  (everything in one process); the JSON links are scored against the true alignment
  (precision, recall, F1);
- ``git diff --no-index --word-diff=plain``;
- GNU ``wdiff`` (installed with apt-get when missing);
- the floor: a Python process that reads both files and splits them into lines and words.

Ratios are taken within one run, so that the load of the machine cancels out as far as
it can. The fitted exponent is the slope of log(time) against log(size) over all sizes
(1.0 is linear). Then the seed pair end to end and ``amendtool --version``.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import write_pair  # noqa: E402

TIMEOUT = 300  # seconds for one run of one tool
CLAUSES_PER_MB = 3700  # the generator writes about 270 bytes a clause
SEED = (ROOT / "samples/kazakhstan.v1.txt", ROOT / "samples/kazakhstan.v2.txt")
FLOOR = """
import sys
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    words = [line.split() for line in lines]
"""
WRAPPER = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
    "elapsed = time.perf_counter() - start\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, done.returncode)\n"
)


def measure(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak resident MB of one command in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", WRAPPER, *command],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=True,
    )
    wall, cpu, peak, status = out.stdout.split()
    if int(status) not in (0, 1):
        raise RuntimeError(f"{command[0]} failed with status {status}: {out.stderr}")
    return float(wall), float(cpu), float(peak)


def median_of(command: list[str], runs: int) -> dict[str, float]:
    """Median wall and CPU time of ``runs`` runs, and the largest peak memory."""
    results = [measure(command) for _ in range(runs)]
    return {
        "wall": statistics.median(r[0] for r in results),
        "cpu": statistics.median(r[1] for r in results),
        "peak_mb": max(r[2] for r in results),
    }


def ensure_wdiff() -> str:
    """The path of GNU wdiff, installed from Debian's packages when missing (needs root)."""
    found = shutil.which("wdiff")
    if found:
        return found
    print("installing wdiff with apt-get ...", file=sys.stderr, flush=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wdiff"], check=True)
    found = shutil.which("wdiff")
    if not found:
        raise SystemExit("wdiff could not be installed")
    return found


def alignment_scores(report_path: Path, truth_path: Path) -> tuple[float, float, float]:
    report = json.loads(report_path.read_text("utf-8"))
    predicted = {
        (o["eid"], n["eid"]) for c in report["changes"] for o in c["old"] for n in c["new"]
    }
    truth = {tuple(link) for link in json.loads(truth_path.read_text("utf-8"))}
    hits = len(predicted & truth)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(truth) if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def run_size(megabytes: float, folder: Path, runs: int, wdiff: str) -> dict:
    clauses = round(megabytes * CLAUSES_PER_MB)
    old, new, truth = write_pair(clauses, folder, hard=True)
    report = folder / f"report-{clauses}.json"
    amendtool = [sys.executable, "-m", "amendtool", "diff"]
    pair = [str(old), str(new)]
    row: dict = {"clauses": clauses, "mb": round(old.stat().st_size / 1e6, 2)}
    row["text"] = median_of([*amendtool, *pair], runs)
    row["json"] = median_of([*amendtool, "--format", "json", "-o", str(report), *pair], runs)
    one_core = [*amendtool, "--jobs", "1", "--format", "json", "-o", str(report), *pair]
    row["json1"] = median_of(one_core, runs)
    row["precision"], row["recall"], row["f1"] = alignment_scores(report, truth)
    row["git"] = median_of(["git", "diff", "--no-index", "--word-diff=plain", *pair], runs)
    row["wdiff"] = median_of([wdiff, *pair], runs)
    row["floor"] = median_of([sys.executable, "-c", FLOOR, *pair], runs)
    return row


def exponent(rows: list[dict], tool: str, measure_name: str = "wall") -> float | None:
    """Least-squares slope of log(time) on log(size)."""
    points = [(math.log(r["mb"]), math.log(r[tool][measure_name])) for r in rows]
    if len(points) < 2:
        return None
    mean_x = statistics.fmean(x for x, _ in points)
    mean_y = statistics.fmean(y for _, y in points)
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread


TOOLS = ("text", "json", "json1", "git", "wdiff", "floor")
HEADER = (
    "| MB | clauses | F1 | precision | recall | amendtool text s | amendtool json s | "
    "json --jobs 1 s | git s | wdiff s | floor s | text/git | json/git | json/wdiff | "
    "json/floor | peak MB json | cpu json s | cpu wdiff s | cpu json/wdiff |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
)


def table_row(row: dict) -> str:
    wall = {tool: row[tool]["wall"] for tool in TOOLS}
    return (
        f"| {row['mb']} | {row['clauses']} | {row['f1']:.4f} | {row['precision']:.4f} | "
        f"{row['recall']:.4f} | {wall['text']:.2f} | {wall['json']:.2f} | "
        f"{wall['json1']:.2f} | {wall['git']:.3f} | "
        f"{wall['wdiff']:.2f} | {wall['floor']:.3f} | {wall['text'] / wall['git']:.1f}x | "
        f"{wall['json'] / wall['git']:.1f}x | {wall['json'] / wall['wdiff']:.2f}x | "
        f"{wall['json'] / wall['floor']:.1f}x | {row['json']['peak_mb']:.0f} | "
        f"{row['json']['cpu']:.2f} | {row['wdiff']['cpu']:.2f} | "
        f"{row['json']['cpu'] / row['wdiff']['cpu']:.2f}x |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.25, 1, 4], metavar="MB")
    parser.add_argument("--runs", type=int, default=3, help="runs per tool (median)")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON here")
    args = parser.parse_args()
    wdiff = ensure_wdiff()
    print(HEADER, flush=True)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for megabytes in args.sizes:
            rows.append(run_size(megabytes, Path(folder), args.runs, wdiff))
            print(table_row(rows[-1]), flush=True)
    print()
    for tool in ("text", "json"):
        wall, cpu = exponent(rows, tool), exponent(rows, tool, "cpu")
        if wall is not None and cpu is not None:
            print(f"fitted exponent, amendtool {tool}: wall {wall:.2f}, cpu {cpu:.2f}")
    seed = median_of([sys.executable, "-m", "amendtool", "diff", *map(str, SEED)], 5)
    version = median_of([str(Path(sys.executable).parent / "amendtool"), "--version"], 5)
    print(f"seed pair end to end: {seed['wall']:.3f} s, cpu {seed['cpu']:.3f} s (median of 5)")
    print(f"amendtool --version: {version['wall']:.3f} s, cpu {version['cpu']:.3f} s (median of 5)")
    if args.json:
        extra = {"seed": seed, "version": version}
        args.json.write_text(json.dumps({"rows": rows, **extra}, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
