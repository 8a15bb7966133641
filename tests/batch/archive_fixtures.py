"""A small archive for the batch tests: generated procedures, the Kazakhstan samples, and
procedures that must fail (an unreadable file, no joint motion)."""

from __future__ import annotations

import shutil
from pathlib import Path

from benchmarks.archive import write_archive
from tests.conftest import SAMPLES

GENERATED = 3  # generated procedures of 3 motions each
KAZAKHSTAN = {
    "greens.txt": "kazakhstan.v1.txt",
    "ppe.txt": "kazakhstan-ppe.txt",
    "ecr.txt": "kazakhstan-ecr.txt",
    "sd.txt": "kazakhstan-subpoints.txt",
    "joint.txt": "kazakhstan.v2.txt",
    "adopted.txt": "kazakhstan-adopted.txt",
}
FAILING = ("broken-file", "no-joint")


def make_archive(root: Path) -> Path:
    """The archive folder: 3 generated + kazakhstan + 2 failing procedures."""
    archive = root / "archive"
    write_archive(archive, GENERATED, motions=3)
    folder = archive / "2012-kazakhstan"
    folder.mkdir()
    for name, sample in KAZAKHSTAN.items():
        shutil.copy(SAMPLES / sample, folder / name)
    broken = archive / "broken-file"
    shutil.copytree(archive / "procedure-00001", broken)
    (broken / "motion-2.txt").write_bytes(b"\x00\x01\x02binary\xff" * 20)
    no_joint = archive / "no-joint"
    no_joint.mkdir()
    shutil.copy(SAMPLES / "kazakhstan-ppe.txt", no_joint / "ppe.txt")
    shutil.copy(SAMPLES / "kazakhstan-adopted.txt", no_joint / "adopted.txt")
    return archive


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path, with its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
