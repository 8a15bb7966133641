"""Shared fixtures: the bundled samples and a way to run the real CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED = SAMPLES / "000_db3735a7e559543f.txt"
DATA = Path(__file__).resolve().parent / "data"
SINGLE_SAMPLES = sorted(
    p for p in SAMPLES.glob("*.txt") if ".v1." not in p.name and ".v2." not in p.name
)


def run_cli(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m amendtool ARGS`` as a user would, capturing text output."""
    result = subprocess.run(
        [sys.executable, "-m", "amendtool", *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        cwd=cwd or ROOT,
        timeout=120,
        env={"SOURCE_DATE_EPOCH": "1795046400", "PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
    )
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
    )


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
