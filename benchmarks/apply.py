"""The amendment round trip at scale: `amendments` -> `apply` -> `diff`, time and memory.

    .venv/bin/python benchmarks/apply.py                 # 500 and 5000 clauses
    .venv/bin/python benchmarks/apply.py --sizes 50 500

For each size a synthetic pair with known edits (benchmarks/generate.py: rewordings,
deletions, insertions, moves, splits, merges) is written; the amendment list is written
in each list format, applied to the old draft, and the result compared with the new draft,
which must give exit status 0. Every step runs as its own process: wall clock with
start-up, and peak resident memory.
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
from benchmarks.run import measure  # noqa: E402

CLI = [sys.executable, "-m", "amendtool"]


def _fmt(value: float | None, digits: int = 2) -> str:
    return "timeout" if value is None else f"{value:.{digits}f}"


def run(sizes: list[int]) -> None:
    print("| clauses | list | amendments s | list MB | apply s | apply peak MB | diff exit |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            old, new, _ = write_pair(size, Path(folder))
            for list_format in ("akn", "json", "docx"):
                listing = Path(folder) / f"list-{size}.{list_format}"
                made, _ = measure(
                    [*CLI, "amendments", str(old), str(new), "--format", list_format,
                     "-o", str(listing)]
                )  # fmt: skip
                out = Path(folder) / f"adopted-{size}-{list_format}.txt"
                applied, peak = measure([*CLI, "apply", str(old), str(listing), "-o", str(out)])
                status = subprocess.run(
                    [*CLI, "diff", str(out), str(new)], capture_output=True, check=False
                ).returncode
                megabytes = listing.stat().st_size / 2**20
                print(
                    f"| {size} | {list_format} | {_fmt(made)} | {megabytes:.1f} | {_fmt(applied)} "
                    f"| {_fmt(peak, 0)} | {status} |",
                    flush=True,
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000])
    run(parser.parse_args().sizes)


if __name__ == "__main__":
    main()
