"""Attribution accuracy of `amendtool provenance` on synthetic sets with known provenance,
and time and memory for 7 sources of about 1 MB against a 1 MB joint text.

    .venv/bin/python benchmarks/provenance.py                 # both
    .venv/bin/python benchmarks/provenance.py --skip-large    # accuracy only

A set is several group motions written independently (benchmarks/generate.py's Zipf-like
vocabulary) and a joint text built from them: from each source a share of its clauses is
taken (some reworded), and the joint adds clauses of its own. The truth is, for every joint
clause, the source it was taken from or "new". A prediction is right when the report's
origin (largest share; ties allowed) contains the true source, or says "new" for a new one.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from amendtool.diffing.provenance import Source, trace  # noqa: E402
from amendtool.model import CLAUSE_KINDS, ClauseKind  # noqa: E402
from amendtool.textparse.emit import emit_text  # noqa: E402
from benchmarks.generate import _Draft, _resolution, _reword, _sentence, _vocabulary  # noqa: E402
from benchmarks.run import median_of  # noqa: E402

TAKEN = 0.3  # share of each source's clauses the joint text takes
REWORDED = 0.3  # share of the taken clauses that are reworded
NEW = 0.1  # clauses of the joint's own, relative to the taken ones


def _kinds(count: int) -> list[ClauseKind]:
    citations, recitals = max(count // 10, 1), count // 4
    return (
        [ClauseKind.CITATION] * citations
        + [ClauseKind.RECITAL] * recitals
        + [ClauseKind.PARAGRAPH] * (count - citations - recitals)
    )


def generate_set(sources: int, clauses: int, seed: int, taken: float = TAKEN):
    """Source resolutions, the joint resolution and the truth (joint eId -> label)."""
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng, 6000 + clauses)
    drafts = [
        [
            _Draft((), kind, _sentence(rng, vocabulary, rng.randint(18, 40)))
            for kind in _kinds(clauses)
        ]
        for _ in range(sources)
    ]
    labels = [f"G{n + 1}" for n in range(sources)]
    joint: list[tuple[_Draft, str]] = []
    for label, source in zip(labels, drafts, strict=True):
        for draft in source:
            if rng.random() < taken:
                words = (
                    _reword(rng, draft.words, vocabulary)
                    if rng.random() < REWORDED
                    else list(draft.words)
                )
                joint.append((_Draft((), draft.kind, words), label))
    for _ in range(int(len(joint) * NEW)):
        kind = rng.choice(CLAUSE_KINDS)
        joint.append((_Draft((), kind, _sentence(rng, vocabulary, rng.randint(18, 40))), "new"))
    rng.shuffle(joint)
    joint.sort(key=lambda item: CLAUSE_KINDS.index(item[0].kind))
    joint_resolution, eids = _resolution([d for d, _ in joint])
    truth = {eid: label for eid, (_, label) in zip(eids, joint, strict=True)}
    return (
        [(_resolution(s)[0], label) for s, label in zip(drafts, labels, strict=True)],
        joint_resolution,
        truth,
    )


def accuracy(sets: int, sources: int, clauses: int) -> tuple[float, int]:
    right = total = 0
    for seed in range(sets):
        source_list, joint, truth = generate_set(sources, clauses, seed)
        report = trace(joint, [Source(label, r) for r, label in source_list])
        for clause in report.clauses:
            if clause.ref.eid not in truth:
                continue  # the closing paragraph every draft has
            predicted = {c.label for c in clause.contributions if c.top} or {"new"}
            right += truth[clause.ref.eid] in predicted
            total += 1
    return right / total, total


def large_run(sources: int, clauses: int) -> dict:
    # the joint text takes about a seventh of each source: about as long as one source
    source_list, joint, _ = generate_set(sources, clauses, seed=99, taken=0.13)
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for n, (resolution, _) in enumerate(source_list):
            path = Path(folder) / f"source-{n + 1}.txt"
            path.write_text(emit_text(resolution), encoding="utf-8")
            paths.append(str(path))
        joint_path = Path(folder) / "joint.txt"
        joint_path.write_text(emit_text(joint), encoding="utf-8")
        sizes = [round(Path(p).stat().st_size / 1e6, 2) for p in paths]
        command = [sys.executable, "-m", "amendtool", "provenance", "--format", "json"]
        command += ["-o", str(Path(folder) / "out.json"), str(joint_path), *paths]
        as_run = median_of(command, 3)  # as a user runs it: one process per core
        one_core = median_of([*command, "--jobs", "1"], 3)
        return {
            "sources": sources,
            "source_mb": sizes,
            "joint_mb": round(joint_path.stat().st_size / 1e6, 2),
            "seconds": round(as_run["wall"], 2),
            "cpu_seconds": round(as_run["cpu"], 2),
            "peak_mb": round(as_run["peak_mb"]),
            "one_core_seconds": round(one_core["wall"], 2),
            "one_core_cpu_seconds": round(one_core["cpu"], 2),
            "one_core_peak_mb": round(one_core["peak_mb"]),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=int, default=10)
    parser.add_argument("--skip-large", action="store_true")
    args = parser.parse_args()
    score, total = accuracy(args.sets, sources=5, clauses=120)
    print(
        f"attribution accuracy: {score:.4f} over {total} joint clauses "
        f"({args.sets} sets of 5 sources x 120 clauses)"
    )
    score7, total7 = accuracy(3, sources=7, clauses=400)
    print(
        f"attribution accuracy: {score7:.4f} over {total7} joint clauses "
        "(3 sets of 7 sources x 400 clauses)"
    )
    if not args.skip_large:
        print(json.dumps(large_run(7, 5000)))


if __name__ == "__main__":
    main()
