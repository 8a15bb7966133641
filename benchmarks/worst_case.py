"""Worst cases: time and peak memory of amendtool on pathological inputs, at three sizes.

Each family is an input that once made amendtool backtrack, search or diff quadratically
or hold too much memory (issue 17). For each, the input is written at three sizes and
the real command is run in its own process; the table gives wall time, peak resident set
and both per MB of input, so that linear growth shows as steady per-MB figures.

    python benchmarks/worst_case.py                     # every family (a few minutes)
    python benchmarks/worst_case.py --family footer     # one family
    python benchmarks/worst_case.py --scale 0.25        # smaller inputs
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000

sys.path.insert(0, str(ROOT))

from amendtool.textparse import parse_text  # noqa: E402
from amendtool.textparse.emit import emit_text  # noqa: E402

SAMPLE = ROOT / "samples" / "kazakhstan.v1.txt"
SEED = emit_text(parse_text(SAMPLE.read_text("utf-8"), str(SAMPLE)))  # 13 paragraphs


def _with_paragraph(text: str) -> str:
    """The seed resolution with ``text`` as paragraph 12a (before the closing one)."""
    return SEED.replace("\n13. Instructs", f"\n12a. {text}\n\n13. Instructs")


def _footer_pieces(size: int) -> dict[str, bytes]:
    # a clause ending in "PE " + "1/1 " repeated: the old footer pattern took 117 s at 90 KB
    return {"in.txt": _with_paragraph("Calls on the Council. PE " + "1/1 " * (size // 4)).encode()}


def _template_tags(size: int) -> dict[str, bytes]:
    # a line of "<Date ": the old template-tag pattern took 44 s at 490 KB
    return {"in.txt": _with_paragraph("Calls on " + "<Date " * (size // 6)).encode()}


def _footnote_markers(size: int) -> dict[str, bytes]:
    # "(1)," markers: each one searched the whole text before it for "Article 5"
    return {"in.txt": _with_paragraph("Calls on the States (1), " * (size // 25)).encode()}


def _blank_runs(size: int) -> dict[str, bytes]:
    return {"in.txt": (_with_paragraph("Calls on the Council;") + " \t" * (size // 2)).encode()}


def _words_a_b(size: int) -> dict[str, bytes]:
    # one clause pair of a/b tokens: diff-match-patch was quadratic (20,000 tokens: 30 s)
    rng = random.Random(1)
    words = size // 4  # "a " per token, both drafts together
    old = " ".join(rng.choice("ab") for _ in range(words)) + "."
    new = " ".join(rng.choice("ab") for _ in range(words)) + "."
    return {
        "old.txt": _with_paragraph("Calls " + old).encode(),
        "new.txt": _with_paragraph("Calls " + new).encode(),
    }


def _long_clause_sentences(size: int) -> dict[str, bytes]:
    rng = random.Random(2)
    vocabulary = [f"word{i}" for i in range(5000)]
    sentences = [
        " ".join(rng.choice(vocabulary) for _ in range(12)) + "." for _ in range(size // 180)
    ]
    edited = [s if k % 40 else "New " + s for k, s in enumerate(sentences)]
    return {
        "old.txt": _with_paragraph("Calls " + " ".join(sentences)).encode(),
        "new.txt": _with_paragraph("Calls " + " ".join(edited)).encode(),
    }


def _permutations(size: int) -> dict[str, bytes]:
    # clauses that are permutations of the same 8 words against one: the split/merge
    # search was cubic (250 clauses: 23 s)
    rng = random.Random(3)
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]
    lines = []
    for n in range(1, size // 60 + 1):
        rng.shuffle(words)
        lines.append(f"{n}. {' '.join(words)};")
    head = SEED[: SEED.index("\n1. ")]
    return {
        "old.txt": (head + "\n" + "\n".join(lines) + "\n").encode(),
        "new.txt": (head + "\n1. alpha bravo charlie delta echo foxtrot golf hotel;\n").encode(),
    }


def _generated(size: int, count: int = 1) -> dict[str, bytes]:
    from amendtool.textparse.emit import emit_text
    from benchmarks.generate import generate_pair

    clauses = max(50, size // 220)  # about 220 bytes per generated clause
    old, new, _ = generate_pair(clauses, seed=4)
    files = {"old.txt": emit_text(old).encode()}
    if count == 2:
        files["new.txt"] = emit_text(new).encode()
    return files


def _akn_for_validation(size: int) -> dict[str, bytes]:
    from amendtool.akn.writer import write_akn
    from benchmarks.generate import generate_pair

    old, _, _ = generate_pair(max(50, size // 360), seed=5)  # about 360 bytes per clause
    return {"in.xml": write_akn(old, "2026-12-01")}


def _control_characters(size: int) -> dict[str, bytes]:
    return {"in.txt": _with_paragraph("Calls \x1b[31m\x01\ufffe " * (size // 12)).encode()}


def _stray_bytes(size: int) -> dict[str, bytes]:
    text = _with_paragraph("Résolution européenne \x00 " * (size // 26)).encode()
    return {"in.txt": text.replace(b"\x00", b"\xe9")}  # one invalid UTF-8 byte in three


def _huge_html_node(size: int) -> dict[str, bytes]:
    # one text node of about ``size`` bytes (lxml stops at 10 MB unless told otherwise)
    paragraphs = "".join(f"<p>{line}</p>\n" for line in SEED.splitlines())
    paragraphs = paragraphs.replace("13. Instructs", "13. Instructs " + "word " * (size // 5))
    return {"in.html": f"<html><body>{paragraphs}</body></html>".encode()}


def _many_line_paragraph(size: int) -> dict[str, bytes]:
    # one paragraph over many lines: each line joined the whole paragraph to look for the
    # closing phrase (1.4 MB: 4.6 s, 2.8 MB: 17 s)
    lines = "\nand the member states of the union" * (size // 35)
    return {"in.txt": _with_paragraph("Calls on the Council" + lines + ";").encode()}


def _long_trailer(size: int) -> dict[str, bytes]:
    # many paragraphs, a short heading that may end the text, then many lines: each line
    # listed every paragraph number to see whether the text went on (1.4 MB: 55 s)
    head = SEED[: SEED.index("\n1. ")]
    paragraphs = "".join(f"\n{n}. Calls on the Council to act;" for n in range(1, size // 70))
    trailer = "\nsome trailer text" * (size // 36)
    return {"in.txt": (head + paragraphs + "\n\nShort heading" + trailer + "\n").encode()}


@dataclass(frozen=True)
class Family:
    name: str
    make: Callable[[int], dict[str, bytes]]
    command: tuple[str, ...]  # {old}, {new}, {in}: files of the input; {out}: output
    sizes: tuple[float, ...]  # MB


FAMILIES = (
    Family("footer", _footer_pieces, ("convert", "{in}", "--to", "text"), (1, 2, 4)),
    Family("template-tags", _template_tags, ("convert", "{in}", "--to", "text"), (1, 2, 4)),
    Family("footnote-markers", _footnote_markers, ("convert", "{in}", "--to", "text"), (1, 2, 4)),
    Family("blank-runs", _blank_runs, ("convert", "{in}", "--to", "text"), (1, 2, 4)),
    Family(
        "many-line-paragraph", _many_line_paragraph, ("convert", "{in}", "--to", "text"), (1, 2, 4)
    ),
    Family("long-trailer", _long_trailer, ("convert", "{in}", "--to", "text"), (1, 2, 4)),
    Family("control-chars", _control_characters, ("convert", "{in}", "--to", "akn"), (1, 2, 4)),
    Family("stray-bytes", _stray_bytes, ("convert", "{in}", "--to", "text"), (1, 2, 4)),
    Family("html-huge-node", _huge_html_node, ("convert", "{in}", "--to", "text"), (11, 22, 44)),
    Family("word-diff-a-b", _words_a_b, ("diff", "{old}", "{new}"), (0.1, 0.2, 0.4)),
    Family("long-clause", _long_clause_sentences, ("diff", "{old}", "{new}"), (1, 2, 4)),
    Family("permutations", _permutations, ("diff", "{old}", "{new}"), (0.015, 0.03, 0.06)),
    Family("validate", _akn_for_validation, ("validate", "{in}"), (1, 4, 16)),
    Family("big-convert", _generated, ("convert", "{old}", "--to", "akn"), (12.5, 25, 50)),
    Family(
        "big-diff",
        lambda size: _generated(size, 2),
        ("diff", "{old}", "{new}", "--format", "json"),
        (12.5, 25, 50),
    ),
)


def _start_up() -> tuple[float, float]:
    """Seconds and peak MB of a run that reads nothing (best of three)."""
    runs = [_run(["--version"]) for _ in range(3)]
    return min(r[0] for r in runs), min(r[1] for r in runs)


# Runs one command and prints its wall seconds, peak RSS (KB) and exit status. It runs in a
# small process of its own: a child started by posix_spawn (vfork) or fork reports as its
# peak the parent's largest resident set if that is larger (Linux records the high-water
# mark of the memory the child ran in until its exec), and this benchmark's own process
# grows with the inputs it generates.
_SPAWNER = """
import os, sys, time
quiet = [
    (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
    (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
]
start = time.perf_counter()
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ, file_actions=quiet)
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def _run(command: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB and exit status of one amendtool process."""
    spawner = [sys.executable, "-c", _SPAWNER, sys.executable, "-m", "amendtool", *command]
    result = subprocess.run(
        spawner,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, peak_kb, status = result.stdout.split()
    return float(seconds), int(peak_kb) / 1024, int(status)


def measure(
    family: Family, scale: float, folder: Path, base: tuple[float, float]
) -> list[dict[str, float | str]]:
    rows: list[dict[str, float | str]] = []
    for size_mb in family.sizes:
        files = family.make(int(size_mb * scale * MB))
        paths = {}
        for name, data in files.items():
            path = folder / f"{family.name}-{name}"
            path.write_bytes(data)
            paths[name.split(".")[0]] = str(path)
        command = [part.format(**paths) for part in family.command]
        seconds, rss, status = _run(command)
        size = sum(len(data) for data in files.values()) / MB
        rows.append(
            {
                "family": family.name,
                "MB": round(size, 2),
                "s": round(seconds, 2),
                "peak MB": round(rss),
                "s/MB": round((seconds - base[0]) / size, 2),
                "peak MB/MB": round((rss - base[1]) / size, 1),
                "exit": status,
                "command": "amendtool " + " ".join(family.command),
            }
        )
        print(rows[-1], file=sys.stderr, flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--family", action="append", help="only these families")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size")
    args = parser.parse_args()
    chosen = [f for f in FAMILIES if not args.family or f.name in args.family]
    rows = []
    base = _start_up()
    print(f"start-up: {base[0]:.2f} s, {base[1]:.0f} MB (subtracted in the per-MB columns)")
    with tempfile.TemporaryDirectory() as folder:
        for family in chosen:
            rows += measure(family, args.scale, Path(folder), base)
    columns = ["family", "MB", "s", "peak MB", "s/MB", "peak MB/MB", "exit", "command"]
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for row in rows:
        print("| " + " | ".join(str(row[c]) for c in columns) + " |")


if __name__ == "__main__":
    main()
