"""Pairs of synthetic resolutions with known edits and their true clause alignment.

The old draft is built clause by clause from a Zipf-like vocabulary (function words are
frequent, content words rare, as in real resolutions); the new draft applies edits at set
rates: rewording, insertions, deletions, moves, splits and merges. Renumbering follows
from the insertions and deletions. The true alignment is the set of (old eId, new eId)
links, as amendtool's report gives them.

    python benchmarks/generate.py 500 out/  # writes out/pair-500.v1.txt, .v2.txt, .truth.json

With ``repeats`` a share of the old clauses repeat the wording of an earlier clause of
their section word for word (the same citation twice, boilerplate recitals); such clauses
are kept, reworded or deleted but never moved, split or merged, so that the truth stays
well defined (copies of one wording are told apart only by their order). ``min_recitals``
makes the draft letter its recitals past ZZ (AAA. after 702 recitals).
"""

from __future__ import annotations

import json
import random
import string
import sys
from dataclasses import dataclass
from pathlib import Path

from amendtool.eids import clause_ids
from amendtool.model import CLAUSE_KINDS, Clause, ClauseKind, DocKind, Meta, Resolution
from amendtool.textparse.emit import emit_text

FUNCTION_WORDS = (
    "the",
    "of",
    "and",
    "to",
    "in",
    "on",
    "for",
    "with",
    "its",
    "all",
    "by",
    "from",
    "that",
    "this",
    "as",
    "at",
    "an",
    "a",
    "be",
    "are",
    "is",
    "was",
    "were",
    "which",
    "who",
)
EDIT_RATES = {  # share of old clauses affected by each edit
    "reword": 0.15,
    "delete": 0.04,
    "insert": 0.04,
    "move": 0.02,
    "split": 0.02,
    "merge": 0.02,
}


@dataclass
class _Draft:
    """A clause under construction: a stable id and its words."""

    ids: tuple[int, ...]  # ids of the old clauses it derives from
    kind: ClauseKind
    words: list[str]
    repeated: bool = False  # its wording occurs more than once in the old draft


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    letters = string.ascii_lowercase
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(letters) for _ in range(rng.randint(4, 11))))
    return sorted(words)


def _sentence(rng: random.Random, vocabulary: list[str], length: int) -> list[str]:
    words = []
    for _ in range(length):
        if rng.random() < 0.4:
            words.append(rng.choice(FUNCTION_WORDS))
        else:  # Zipf-like: low indices far more frequent
            index = min(int(rng.paretovariate(1.1)) - 1, len(vocabulary) - 1)
            words.append(
                vocabulary[(index * 7919) % len(vocabulary)]
                if rng.random() < 0.5
                else rng.choice(vocabulary)
            )
    return words


def _letters(n: int) -> str:
    """A, B, ..., Z, AA, AB, ... (EP recital lettering)."""
    label = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        label = string.ascii_uppercase[rest] + label
    return label


def _text(kind: ClauseKind, words: list[str]) -> str:
    body = " ".join(words)
    match kind:
        case ClauseKind.CITATION:
            return f"having regard to {body},"
        case ClauseKind.RECITAL:
            return f"whereas {body};"
        case _:
            return f"Calls on {body};"


def _resolution(drafts: list[_Draft]) -> tuple[Resolution, list[str]]:
    """A Resolution from drafts (in order) and the eId of each draft."""
    sections: dict[ClauseKind, list[_Draft]] = {kind: [] for kind in CLAUSE_KINDS}
    for draft in drafts:
        sections[draft.kind].append(draft)
    built: dict[ClauseKind, tuple[Clause, ...]] = {}
    eid_of: dict[int, str] = {}
    for kind, members in sections.items():
        if kind is ClauseKind.CITATION:
            nums = [""] * len(members)
        elif kind is ClauseKind.RECITAL:
            nums = [_letters(i) for i in range(len(members))]
        else:
            nums = [str(i + 1) for i in range(len(members))]
        eids = clause_ids(kind, nums)
        clauses = []
        for draft, num, eid in zip(members, nums, eids, strict=True):
            clauses.append(Clause(kind, num, _text(kind, draft.words), eid))
            eid_of[id(draft)] = eid
        built[kind] = tuple(clauses)
    closing = Clause(
        ClauseKind.PARAGRAPH,
        str(len(built[ClauseKind.PARAGRAPH]) + 1),
        "Instructs its President to forward this resolution to the Council.",
        f"para_{len(built[ClauseKind.PARAGRAPH]) + 1}",
    )
    resolution = Resolution(
        meta=Meta(kind=DocKind.MOTION, title="Examplestan", date="2030-02-01"),
        formula="The European Parliament,",
        citations=built[ClauseKind.CITATION],
        recitals=built[ClauseKind.RECITAL],
        paragraphs=(*built[ClauseKind.PARAGRAPH], closing),
    )
    return resolution, [eid_of[id(d)] for d in drafts]


def _reword(rng: random.Random, words: list[str], vocabulary: list[str]) -> list[str]:
    edited = list(words)
    for _ in range(max(1, len(words) // rng.randint(5, 10))):
        position = rng.randrange(len(edited))
        action = rng.random()
        if action < 0.4:
            edited[position] = rng.choice(vocabulary)
        elif action < 0.7:
            edited.insert(position, rng.choice(vocabulary))
        elif len(edited) > 4:
            del edited[position]
    return edited


def generate_pair(
    clauses: int, seed: int = 1, repeats: float = 0.0, min_recitals: int = 0
) -> tuple[Resolution, Resolution, set[tuple[str, str]]]:
    """Old and new draft with ``clauses`` clauses each (about), and the true links."""
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng, 4000 + clauses)
    citations = min(max(clauses // 10, 1), 60)
    recitals = max(min(clauses // 5, 700), min_recitals)
    kinds = (
        [ClauseKind.CITATION] * citations
        + [ClauseKind.RECITAL] * recitals
        + [ClauseKind.PARAGRAPH] * max(clauses - 1 - citations - recitals, 1)
    )
    old = [
        _Draft((n,), kind, _sentence(rng, vocabulary, rng.randint(18, 40)))
        for n, kind in enumerate(kinds)
    ]
    if repeats:
        _repeat_wordings(rng, old, repeats)
    new: list[_Draft] = []
    links: list[tuple[int, int]] = []  # (old draft index, new draft index)
    moved: list[tuple[int, _Draft]] = []
    index = 0
    while index < len(old):
        draft = old[index]
        roll = rng.random()
        cumulative = 0.0
        action = "keep"
        for name, rate in EDIT_RATES.items():
            cumulative += rate
            if roll < cumulative:
                action = name
                break
        if draft.repeated and action in ("move", "split", "merge"):
            action = "keep"
        if action == "merge" and index + 1 < len(old) and old[index + 1].repeated:
            action = "keep"
        if action == "delete":
            index += 1
            continue
        if action == "insert":
            new.append(_Draft((), draft.kind, _sentence(rng, vocabulary, rng.randint(18, 40))))
        if action == "move":
            moved.append((index, _Draft((index,), draft.kind, list(draft.words))))
            index += 1
            continue
        if action == "split" and len(draft.words) >= 16:
            cut = len(draft.words) // 2
            for half in (draft.words[:cut], draft.words[cut:]):
                new.append(_Draft((index,), draft.kind, list(half)))
                links.append((index, len(new) - 1))
            index += 1
            continue
        if action == "merge" and index + 1 < len(old) and old[index + 1].kind == draft.kind:
            new.append(_Draft((index, index + 1), draft.kind, draft.words + old[index + 1].words))
            links += [(index, len(new) - 1), (index + 1, len(new) - 1)]
            index += 2
            continue
        words = _reword(rng, draft.words, vocabulary) if action == "reword" else list(draft.words)
        new.append(_Draft((index,), draft.kind, words))
        links.append((index, len(new) - 1))
        index += 1
    for old_index, draft in moved:  # each moved clause lands elsewhere in its own section
        same_section = [k for k, d in enumerate(new) if d.kind == draft.kind]
        target = rng.choice(same_section) if same_section else len(new)
        links = [(o, n + 1 if n >= target else n) for o, n in links]
        new.insert(target, draft)
        links.append((old_index, target))
    old_resolution, old_eids = _resolution(old)
    new_resolution, new_eids = _resolution(new)
    truth = {(old_eids[o], new_eids[n]) for o, n in links}
    closing = (old_resolution.paragraphs[-1].eid, new_resolution.paragraphs[-1].eid)
    return old_resolution, new_resolution, truth | {closing}


def _repeat_wordings(rng: random.Random, old: list[_Draft], share: float) -> None:
    """Give ``share`` of the clauses the wording of an earlier clause of the same section."""
    for index, draft in enumerate(old):
        if index == 0 or rng.random() >= share:
            continue
        earlier = [d for d in old[:index] if d.kind is draft.kind]
        if not earlier:
            continue
        source = rng.choice(earlier[-50:])  # boilerplate recurs near its first use
        draft.words = list(source.words)
        draft.repeated = source.repeated = True


def write_pair(
    clauses: int, folder: Path, seed: int = 1, repeats: float = 0.0, min_recitals: int = 0
) -> tuple[Path, Path, Path]:
    """Write the pair as text files and the truth as JSON; return the three paths."""
    old, new, truth = generate_pair(clauses, seed, repeats, min_recitals)
    folder.mkdir(parents=True, exist_ok=True)
    stem = folder / f"pair-{clauses}"
    paths = (
        stem.with_suffix(".v1.txt"),
        stem.with_suffix(".v2.txt"),
        stem.with_suffix(".truth.json"),
    )
    paths[0].write_text(emit_text(old), encoding="utf-8")
    paths[1].write_text(emit_text(new), encoding="utf-8")
    paths[2].write_text(json.dumps(sorted(truth)), encoding="utf-8")
    return paths


if __name__ == "__main__":
    write_pair(int(sys.argv[1]), Path(sys.argv[2] if len(sys.argv) > 2 else "benchmarks/out"))
