"""Synthetic archives for ``amendtool batch``: one folder per procedure.

Each procedure has group motions written independently (benchmarks/generate.py's Zipf-like
vocabulary, about 35 clauses of 18-40 words: the length of an urgency resolution), a joint
motion that takes part of each (some reworded) and adds its own clauses, and an adopted text
that is the joint motion with a few plenary changes. Headers are printed as the EP prints
them (group, number, date, the motions the joint text replaces), so roles are read from the
documents.

    .venv/bin/python benchmarks/archive.py 1000 /tmp/archive       # 1,000 procedures
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from amendtool.model import (  # noqa: E402
    CLAUSE_KINDS,
    ClauseKind,
    DocKind,
    Group,
    ReplacedMotion,
    Resolution,
)
from amendtool.textparse.emit import emit_text  # noqa: E402
from amendtool.textparse.groups import group_named  # noqa: E402
from benchmarks.generate import _Draft, _resolution, _reword, _sentence, _vocabulary  # noqa: E402

GROUPS = ("PPE", "S&D", "Renew", "Verts/ALE", "ECR", "The Left", "ID")
CLAUSES = 35  # clauses per motion (citations, recitals, paragraphs)
TAKEN = 0.3  # share of a motion's clauses the joint text takes
REWORDED = 0.3  # share of taken clauses reworded in the joint text
PLENARY = 0.1  # share of joint clauses reworded in plenary


def _kinds(count: int) -> list[ClauseKind]:
    citations, recitals = count // 5, count // 3
    return (
        [ClauseKind.CITATION] * citations
        + [ClauseKind.RECITAL] * recitals
        + [ClauseKind.PARAGRAPH] * (count - citations - recitals)
    )


def _group(name: str) -> Group:
    group = group_named(name)
    assert group is not None, name
    return group


def procedure(number: int, motions: int = 5, seed: int = 0) -> dict[str, Resolution]:
    """The documents of one procedure by file name."""
    rng = random.Random(seed * 100_003 + number)
    vocabulary = _vocabulary(rng, 3000)
    year = 2004 + number % 21
    term = 6 + (year - 2004) // 5
    day = f"{year}-{1 + number % 12:02d}-{1 + number % 27:02d}"
    groups = rng.sample(GROUPS, motions)
    title = f"Examplestan {number}"
    documents: dict[str, Resolution] = {}
    joint: list[_Draft] = []
    replaced = []
    for index, name in enumerate(groups):
        drafts = [
            _Draft((), kind, _sentence(rng, vocabulary, rng.randint(18, 40)))
            for kind in _kinds(CLAUSES + rng.randint(-8, 8))
        ]
        motion_number = f"B{term}-{number * 10 + index:04d}/{year}"
        resolution, _ = _resolution(drafts)
        meta = replace(
            resolution.meta,
            kind=DocKind.MOTION,
            title=title,
            date=day,
            numbers=(motion_number,),
            groups=(_group(name),),
        )
        documents[f"motion-{index + 1}.txt"] = replace(resolution, meta=meta)
        replaced.append(ReplacedMotion(motion_number, _group(name)))
        share = rng.uniform(0.1, 0.5)
        for draft in drafts:
            if rng.random() < share:
                words = (
                    _reword(rng, draft.words, vocabulary)
                    if rng.random() < REWORDED
                    else draft.words
                )
                joint.append(_Draft((), draft.kind, list(words)))
    for _ in range(len(joint) // 10):
        kind = rng.choice(list(CLAUSE_KINDS))
        joint.append(_Draft((), kind, _sentence(rng, vocabulary, rng.randint(18, 40))))
    joint.sort(key=lambda d: list(CLAUSE_KINDS).index(d.kind))
    joint_resolution, _ = _resolution(joint)
    joint_meta = replace(
        joint_resolution.meta,
        kind=DocKind.JOINT_MOTION,
        title=title,
        date=day,
        numbers=(f"RC-B{term}-{number * 10:04d}/{year}",),
        groups=tuple(_group(g) for g in groups),
        replaces=tuple(replaced),
    )
    documents["joint.txt"] = replace(joint_resolution, meta=joint_meta)
    adopted = [
        _Draft((), d.kind, _reword(rng, d.words, vocabulary) if rng.random() < PLENARY else d.words)
        for d in joint
    ]
    adopted_resolution, _ = _resolution(adopted)
    adopted_meta = replace(
        adopted_resolution.meta,
        kind=DocKind.RESOLUTION,
        title=title,
        date=day,
        numbers=(f"P{term}_TA({year}){number % 10000:04d}",),
    )
    documents["adopted.txt"] = replace(adopted_resolution, meta=adopted_meta)
    return documents


def write_archive(folder: Path, count: int, motions: int = 5, seed: int = 0) -> list[Path]:
    """Write ``count`` procedure folders under ``folder``; return them."""
    written = []
    for number in range(1, count + 1):
        target = folder / f"procedure-{number:05d}"
        target.mkdir(parents=True, exist_ok=True)
        for name, resolution in procedure(number, motions, seed).items():
            (target / name).write_text(emit_text(resolution), encoding="utf-8")
        written.append(target)
    return written


if __name__ == "__main__":
    write_archive(Path(sys.argv[2]), int(sys.argv[1]))
