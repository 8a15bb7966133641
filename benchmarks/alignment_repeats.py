"""Alignment F1 on pairs with repeated identical clauses and recitals lettered past ZZ.

    .venv/bin/python benchmarks/alignment_repeats.py                  # 1000 and 5000 clauses
    .venv/bin/python benchmarks/alignment_repeats.py --sizes 1000 --seeds 1 2 3

The pairs come from benchmarks/generate.py with ``repeats`` (5% of the clauses repeat the
wording of an earlier clause of their section) and at least 760 recitals (lettered up to
AC after ZZ: AAA, AAB ...); the usual edits are applied. ``amendtool diff --format json``
runs in its own process and its links are scored against the true alignment.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import write_pair  # noqa: E402
from benchmarks.run import alignment_scores  # noqa: E402

REPEAT_SHARE = 0.05  # share (0..1) of old clauses that repeat an earlier wording
MIN_RECITALS = 760  # recitals: past ZZ (702) into AAA..


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    args = parser.parse_args()
    print("| clauses | seed | recitals | repeated wordings | precision | recall | F1 |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            for seed in args.seeds:
                old, new, truth = write_pair(
                    size, Path(folder), seed, repeats=REPEAT_SHARE, min_recitals=MIN_RECITALS
                )
                report = Path(folder) / f"report-{size}-{seed}.json"
                command = [sys.executable, "-m", "amendtool", "diff", "--format", "json"]
                subprocess.run([*command, "-o", str(report), str(old), str(new)], check=False)
                precision, recall, f1 = alignment_scores(report, truth)
                lines = old.read_text("utf-8").splitlines()
                recitals = sum(1 for line in lines if "whereas" in line[:12])
                bodies = [line.split(" ", 1)[-1] for line in lines if line[:1].isalnum()]
                repeated = len(bodies) - len(set(bodies))
                print(
                    f"| {size} | {seed} | {recitals} | {repeated} | {precision:.4f} | "
                    f"{recall:.4f} | {f1:.4f} |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
