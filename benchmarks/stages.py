"""Where the time of `amendtool diff` goes, stage by stage, on the hard generated pairs.

    .venv/bin/python benchmarks/stages.py                # 1 MB and 4 MB pairs
    .venv/bin/python benchmarks/stages.py --sizes 1       # one size

The profile behind the speed targets that `benchmarks/run.py` reports missed: CPU seconds
of each stage in this process (garbage collector off, as in the command; the comparison
caches emptied before each round; median of five rounds), then what one run of the
command waits for (its critical path on two cores: start-up, the slower of the two
readings, the comparison, the report) beside the whole command's wall time, median of
three.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import write_pair  # noqa: E402
from benchmarks.run import CLAUSES_PER_MB, median_of  # noqa: E402

ROUNDS = 5
START_UP = (
    "import amendtool.cli, amendtool.diffing, amendtool.inputs, amendtool.textparse, "
    "amendtool.renderers.json_report, rapidfuzz.distance, fast_diff_match_patch, orjson"
)


def _clear_caches() -> None:
    from amendtool.diffing import tokens

    for name in dir(tokens):
        cached = getattr(tokens, name)
        if hasattr(cached, "cache_clear"):
            cached.cache_clear()


def _timed(step: Callable[[], object]) -> tuple[float, object]:
    start = time.process_time()
    result = step()
    return time.process_time() - start, result


def _one_round(old: Path, new: Path) -> dict[str, float]:
    from amendtool.diffing import report as build
    from amendtool.diffing.align import _Aligner
    from amendtool.diffing.tokens import CompareOptions
    from amendtool.inputs import read_resolution
    from amendtool.renderers.registry import render_bytes

    _clear_caches()
    seconds: dict[str, float] = {}
    seconds["read old"], old_read = _timed(lambda: read_resolution(str(old)))
    seconds["read new"], new_read = _timed(lambda: read_resolution(str(new)))
    old_items = build._selected(old_read, None)
    new_items = build._selected(new_read, None)
    seconds["align: keys"], aligner = _timed(
        lambda: _Aligner(old_items, new_items, CompareOptions())
    )
    seconds["align: identical"], _ = _timed(aligner.pair_identical)
    seconds["align: words and candidates"], candidates = _timed(aligner.candidates)
    aligner.candidates = lambda: candidates  # found once: pair_similar asks again
    seconds["align: similar"], _ = _timed(aligner.pair_similar)
    seconds["align: replaced"], _ = _timed(aligner.pair_replaced)
    seconds["align: splits, merges, moves"], _ = _timed(aligner.pairings)
    _clear_caches()  # the whole report: the alignment again, then the word spans
    whole, report = _timed(lambda: build.build_report(old_read, new_read))
    aligned = sum(value for name, value in seconds.items() if name.startswith("align"))
    seconds["word spans and statistics"] = max(whole - aligned, 0.0)
    seconds["JSON"], _ = _timed(lambda: render_bytes(report, "json"))
    seconds["text"], _ = _timed(lambda: render_bytes(report, "text"))
    return seconds


def stage_seconds(old: Path, new: Path) -> dict[str, float]:
    """Median CPU seconds of each stage of one comparison in this process."""
    rounds: dict[str, list[float]] = {}
    for _ in range(ROUNDS):
        for name, value in _one_round(old, new).items():
            rounds.setdefault(name, []).append(value)
    return {name: statistics.median(values) for name, values in rounds.items()}


def start_up_seconds() -> float:
    """Wall seconds of a process that imports what a comparison uses, median of five."""
    return median_of([sys.executable, "-c", START_UP], 5)["wall"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1.0, 4.0])
    args = parser.parse_args()
    gc.disable()
    start_up = start_up_seconds()
    with tempfile.TemporaryDirectory() as folder:
        for megabytes in args.sizes:
            old, new, _ = write_pair(round(megabytes * CLAUSES_PER_MB), Path(folder), hard=True)
            seconds = stage_seconds(old, new)
            command = [sys.executable, "-m", "amendtool", "diff", "--format", "json"]
            command += ["-o", str(Path(folder) / "report.json"), str(old), str(new)]
            whole = median_of(command, 3)
            git = median_of(
                ["git", "diff", "--no-index", "--word-diff=plain", str(old), str(new)], 3
            )
            print(f"\n{old.stat().st_size / 1e6:.2f} MB a draft ({old.name}, {new.name})")
            print("| stage | CPU s |\n|---|---|")
            print(f"| start-up (process and imports, wall) | {start_up:.3f} |")
            for name, value in seconds.items():
                print(f"| {name} | {value:.3f} |")
            reading = max(seconds["read old"], seconds["read new"])
            compared = sum(v for k, v in seconds.items() if k.startswith(("align", "word")))
            path = start_up + reading + compared + seconds["JSON"]
            print(
                f"critical path (start-up + slower reading + comparison + JSON): {path:.2f} s; "
                f"the command: {whole['wall']:.2f} s wall, {whole['cpu']:.2f} s CPU; "
                f"git word-diff {git['wall']:.3f} s (8x: {8 * git['wall']:.2f} s)"
            )
    subprocess.run(["uptime"], check=False)


if __name__ == "__main__":
    main()
