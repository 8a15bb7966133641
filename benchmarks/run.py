"""Alignment quality, time and peak memory of `amendtool diff`, beside peers on the same pairs.

    .venv/bin/python benchmarks/run.py                 # 50, 500, 5000, 20000 clauses
    .venv/bin/python benchmarks/run.py --sizes 50 500  # quicker

For each size a synthetic pair with known edits is generated (benchmarks/generate.py).
Every tool runs as its own process, so that time (wall clock, start-up included) and peak
memory (maximum resident set size) are measured alike; amendtool's text run and git are
timed best of three, the slower peers once:

- amendtool: ``python -m amendtool diff`` (the text report: parsing, alignment, word
  spans) and ``--format json -o``, whose links are scored against the true alignment
  (precision, recall, F1);
- git: ``git diff --no-index --word-diff=plain``;
- difflib: ``SequenceMatcher`` over the word lists of both texts;
- diff-match-patch: ``diff_main`` over the whole texts (``Diff_Timeout = 0``).

Peers give no clause alignment; they are there so the times read as ratios.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import write_pair  # noqa: E402

PEER_TIMEOUT = 120  # seconds; a peer slower than this is reported as "> 120"
DIFFLIB = """
import difflib, sys
a = open(sys.argv[1], encoding="utf-8").read().split()
b = open(sys.argv[2], encoding="utf-8").read().split()
difflib.SequenceMatcher(None, a, b).get_opcodes()
"""
DMP = """
import sys
from diff_match_patch import diff_match_patch
engine = diff_match_patch()
engine.Diff_Timeout = 0
engine.diff_main(open(sys.argv[1], encoding="utf-8").read(),
                 open(sys.argv[2], encoding="utf-8").read())
"""


def measure(command: list[str]) -> tuple[float | None, float | None]:
    """Wall seconds and peak resident MB of one command run in a fresh process."""
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        f"done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, timeout={PEER_TIMEOUT})\n"
        "elapsed = time.perf_counter() - start\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(elapsed, peak, done.returncode)\n"
    )
    try:
        out = subprocess.run(
            [sys.executable, "-c", wrapper, *command],
            capture_output=True,
            text=True,
            timeout=PEER_TIMEOUT + 30,
            check=False,
        )
        elapsed, peak, _ = out.stdout.split()
        return float(elapsed), float(peak)
    except (subprocess.TimeoutExpired, ValueError):
        return None, None


def best_of(command: list[str], runs: int = 3) -> tuple[float | None, float | None]:
    """The fastest of ``runs`` runs (the usual way to take out noise) and the largest peak."""
    results = [measure(command) for _ in range(runs)]
    times = [t for t, _ in results if t is not None]
    peaks = [m for _, m in results if m is not None]
    return (min(times) if times else None), (max(peaks) if peaks else None)


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


def run(sizes: list[int]) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            old, new, truth = write_pair(size, Path(folder))
            report = Path(folder) / f"report-{size}.json"
            amendtool = [sys.executable, "-m", "amendtool", "diff"]
            text_run = best_of([*amendtool, str(old), str(new)])
            json_run = measure(
                [*amendtool, "--format", "json", "-o", str(report), str(old), str(new)]
            )
            precision, recall, f1 = alignment_scores(report, truth)
            git = best_of(["git", "diff", "--no-index", "--word-diff=plain", str(old), str(new)])
            difflib_run = measure([sys.executable, "-c", DIFFLIB, str(old), str(new)])
            dmp = measure([sys.executable, "-c", DMP, str(old), str(new)])
            rows.append(
                {
                    "clauses": size,
                    "megabytes": round(old.stat().st_size / 1e6, 2),
                    "precision": round(precision, 4),
                    "recall": round(recall, 4),
                    "f1": round(f1, 4),
                    "amendtool_text_s": text_run[0],
                    "amendtool_json_s": json_run[0],
                    "amendtool_peak_mb": max(text_run[1] or 0, json_run[1] or 0) or None,
                    "git_s": git[0],
                    "difflib_s": difflib_run[0],
                    "dmp_s": dmp[0],
                }
            )
            print(_row(rows[-1]), flush=True)
    return rows


def _fmt(value: float | None, digits: int = 2) -> str:
    return f"> {PEER_TIMEOUT}" if value is None else f"{value:.{digits}f}"


def _row(row: dict) -> str:
    text_s, git_s = row["amendtool_text_s"], row["git_s"]
    ratio = text_s / git_s if text_s and git_s else None
    return (
        f"| {row['clauses']} | {row['megabytes']} | {row['precision']:.4f} | "
        f"{row['recall']:.4f} | {row['f1']:.4f} | {_fmt(text_s)} | "
        f"{_fmt(row['amendtool_json_s'])} | {_fmt(row['amendtool_peak_mb'], 0)} | "
        f"{_fmt(git_s)} | {_fmt(ratio, 1)}x | {_fmt(row['difflib_s'])} | {_fmt(row['dmp_s'])} |"
    )


HEADER = (
    "| clauses | MB (old) | precision | recall | F1 | amendtool text s | amendtool json s | "
    "peak MB (json) | git --word-diff s | amendtool text / git | difflib words s | "
    "diff-match-patch s |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 5000, 20000])
    parser.add_argument("--json", type=Path, help="also write the rows as JSON here")
    args = parser.parse_args()
    print(HEADER, flush=True)
    rows = run(args.sizes)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
