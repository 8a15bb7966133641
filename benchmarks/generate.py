"""Pairs of synthetic resolutions with known edits and their true clause alignment.

The old draft is built clause by clause from a Zipf-like vocabulary (function words are
frequent, content words rare, as in real resolutions). With ``hard`` (the speed
benchmark's pairs, benchmarks/run.py) it has what long real texts have:

- repeated identical clauses (a few standard citations and calls recur word for word);
- templated near-duplicates (clauses from one template that differ in three slot words);
- long clauses (one in twelve has 100 to 150 words);
- paragraphs with sub-points ``(a)``, ``(b)``, ...;
- recitals past ``Z`` and past ``ZZ`` (a fifth of the clauses are recitals, uncapped).

The new draft applies edits at set rates: rewording (15% of the clauses, a quarter with
``hard``), insertions, deletions, moves, splits and merges. Renumbering follows from the
insertions and deletions. The standard clauses of ``hard`` are left as they are (which
copy of a repeated clause was edited is undecidable, so no truth could be given for it).
The true alignment is the set of (old eId, new eId) links, as amendtool's report gives them.

With ``repeats`` a share of the old clauses repeat the wording of an earlier clause of
their section word for word (the same citation twice, boilerplate recitals); such clauses
are kept, reworded or deleted but never moved, split or merged, so that the truth stays
well defined (copies of one wording are told apart only by their order). ``min_recitals``
makes the draft letter its recitals past ZZ (AAA. after 702 recitals).

    python benchmarks/generate.py 500 out/  # writes out/pair-500.v1.txt, .v2.txt, .truth.json
"""

from __future__ import annotations

import json
import random
import string
import sys
from dataclasses import dataclass, field
from pathlib import Path

from amendtool.amendments.consolidate import recital_letter
from amendtool.eids import clause_ids, point_ids
from amendtool.model import CLAUSE_KINDS, Clause, ClauseKind, DocKind, Meta, Point, Resolution
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
HARD_REWORD = 0.25  # share of old clauses reworded in the hard pairs
REPEATED_SHARE = 0.03  # clauses that are a copy of one of REPEATED_CLAUSES standard clauses
REPEATED_CLAUSES = 8
TEMPLATED_SHARE = 0.10  # clauses built from one of TEMPLATES templates
TEMPLATES = 25
TEMPLATE_SLOTS = 3  # words that differ between two clauses of one template
LONG_SHARE = 1 / 12  # clauses of 100 to 150 words
POINTS_SHARE = 0.08  # paragraphs with two to five sub-points


@dataclass
class _Draft:
    """A clause under construction: a stable id and its words."""

    ids: tuple[int, ...]  # ids of the old clauses it derives from
    kind: ClauseKind
    words: list[str]
    points: list[list[str]] = field(default_factory=list)  # words of each sub-point
    repeated: bool = False  # its wording occurs more than once in the old draft
    standard: bool = False  # a copy of one of the hard pairs' standard clauses (never edited)


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


def _text(kind: ClauseKind, words: list[str], has_points: bool = False) -> str:
    body = " ".join(words)
    match kind:
        case ClauseKind.CITATION:
            return f"having regard to {body},"
        case ClauseKind.RECITAL:
            return f"whereas {body};"
        case _:
            return f"Calls on {body}{':' if has_points else ';'}"


def _points(draft: _Draft, eid: str) -> tuple[Point, ...]:
    labels = string.ascii_lowercase[: len(draft.points)]
    return tuple(
        Point(label, " ".join(words) + ";", point_eid)
        for label, words, point_eid in zip(
            labels, draft.points, point_ids(eid, labels), strict=True
        )
    )


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
            nums = [recital_letter(i) for i in range(len(members))]
        else:
            nums = [str(i + 1) for i in range(len(members))]
        eids = clause_ids(kind, nums)
        clauses = []
        for draft, num, eid in zip(members, nums, eids, strict=True):
            text = _text(kind, draft.words, bool(draft.points))
            clauses.append(Clause(kind, num, text, eid, _points(draft, eid)))
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


def _old_drafts(rng: random.Random, vocabulary: list[str], kinds: list[ClauseKind]) -> list[_Draft]:
    """The old draft: plain, repeated, templated and long clauses, some with sub-points."""
    standard = [_sentence(rng, vocabulary, rng.randint(8, 20)) for _ in range(REPEATED_CLAUSES)]
    templates = [_sentence(rng, vocabulary, rng.randint(20, 35)) for _ in range(TEMPLATES)]
    drafts = []
    for n, kind in enumerate(kinds):
        roll = rng.random()
        if roll < REPEATED_SHARE:
            copy = list(rng.choice(standard))
            drafts.append(_Draft((n,), kind, copy, repeated=True, standard=True))
            continue
        if roll < REPEATED_SHARE + TEMPLATED_SHARE:
            words = list(rng.choice(templates))
            for position in rng.sample(range(len(words)), TEMPLATE_SLOTS):
                words[position] = rng.choice(vocabulary)
        elif roll < REPEATED_SHARE + TEMPLATED_SHARE + LONG_SHARE:
            words = _sentence(rng, vocabulary, rng.randint(100, 150))
        else:
            words = _sentence(rng, vocabulary, rng.randint(18, 40))
        points = []
        if kind is ClauseKind.PARAGRAPH and rng.random() < POINTS_SHARE:
            points = [
                _sentence(rng, vocabulary, rng.randint(6, 20)) for _ in range(rng.randint(2, 5))
            ]
        drafts.append(_Draft((n,), kind, words, points))
    return drafts


def _reword_draft(rng: random.Random, draft: _Draft, vocabulary: list[str]) -> _Draft:
    """The draft with its chapeau or one of its sub-points reworded."""
    target = rng.randrange(len(draft.points) + 1)
    if target == 0:
        return _Draft(draft.ids, draft.kind, _reword(rng, draft.words, vocabulary), draft.points)
    points = [list(p) for p in draft.points]
    points[target - 1] = _reword(rng, points[target - 1], vocabulary)
    return _Draft(draft.ids, draft.kind, list(draft.words), points)


def generate_pair(
    clauses: int,
    seed: int = 1,
    repeats: float = 0.0,
    min_recitals: int = 0,
    hard: bool = False,
) -> tuple[Resolution, Resolution, set[tuple[str, str]]]:
    """Old and new draft with ``clauses`` clauses each (about), and the true links."""
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng, 4000 + clauses)
    citations = min(max(clauses // 10, 1), 60)
    recitals = max(clauses // 5 if hard else min(clauses // 5, 700), min_recitals)
    kinds = (
        [ClauseKind.CITATION] * citations
        + [ClauseKind.RECITAL] * recitals
        + [ClauseKind.PARAGRAPH] * max(clauses - 1 - citations - recitals, 1)
    )
    if hard:
        old = _old_drafts(rng, vocabulary, kinds)
    else:
        old = [
            _Draft((n,), kind, _sentence(rng, vocabulary, rng.randint(18, 40)))
            for n, kind in enumerate(kinds)
        ]
    if repeats:
        _repeat_wordings(rng, old, repeats)
    rates = {**EDIT_RATES, "reword": HARD_REWORD} if hard else EDIT_RATES
    new: list[_Draft] = []
    links: list[tuple[int, int]] = []  # (old draft index, new draft index)
    moved: list[tuple[int, _Draft]] = []
    index = 0
    while index < len(old):
        draft = old[index]
        roll = rng.random()
        cumulative = 0.0
        action = "keep"
        for name, rate in rates.items():
            cumulative += rate
            if roll < cumulative:
                action = name
                break
        if draft.standard or (draft.repeated and action in ("move", "split", "merge")):
            action = "keep"
        if action == "delete":
            index += 1
            continue
        if action == "insert":
            new.append(_Draft((), draft.kind, _sentence(rng, vocabulary, rng.randint(18, 40))))
        if action == "move":
            moved.append((index, _Draft((index,), draft.kind, list(draft.words), draft.points)))
            index += 1
            continue
        if action == "split" and len(draft.words) >= 16 and not draft.points:
            cut = len(draft.words) // 2
            for half in (draft.words[:cut], draft.words[cut:]):
                new.append(_Draft((index,), draft.kind, list(half)))
                links.append((index, len(new) - 1))
            index += 1
            continue
        following = old[index + 1] if index + 1 < len(old) else None
        mergeable = (
            following is not None
            and following.kind == draft.kind
            and not (draft.points or following.points or following.repeated)
        )
        if action == "merge" and mergeable:
            assert following is not None
            new.append(_Draft((index, index + 1), draft.kind, draft.words + following.words))
            links += [(index, len(new) - 1), (index + 1, len(new) - 1)]
            index += 2
            continue
        if action == "reword" and hard:
            new.append(_reword_draft(rng, draft, vocabulary))
        elif action == "reword":
            new.append(_Draft((index,), draft.kind, _reword(rng, draft.words, vocabulary)))
        else:
            new.append(
                _Draft((index,), draft.kind, list(draft.words), draft.points, draft.repeated)
            )
        links.append((index, len(new) - 1))
        index += 1
    links = _place_moved(rng, new, links, moved)
    old_resolution, old_eids = _resolution(old)
    new_resolution, new_eids = _resolution(new)
    truth = {(old_eids[o], new_eids[n]) for o, n in links}
    closing = (old_resolution.paragraphs[-1].eid, new_resolution.paragraphs[-1].eid)
    return old_resolution, new_resolution, truth | {closing}


def _place_moved(
    rng: random.Random,
    new: list[_Draft],
    links: list[tuple[int, int]],
    moved: list[tuple[int, _Draft]],
) -> list[tuple[int, int]]:
    """Insert each moved clause at a random place in its own section of ``new`` and return
    the links with the positions they end at. Linear: the sections are runs of one kind
    (the drafts are made in document order), so a section is a range and the links follow
    the drafts themselves, not their positions, until every clause is in place."""
    linked = [(o, new[n]) for o, n in links]
    start: dict[ClauseKind, int] = {}
    size: dict[ClauseKind, int] = {}
    for position, draft in enumerate(new):
        if draft.kind not in start:
            start[draft.kind] = position
        elif new[position - 1].kind != draft.kind:
            raise ValueError("the sections of a generated draft are not runs of one kind")
        size[draft.kind] = size.get(draft.kind, 0) + 1
    for old_index, draft in moved:  # each moved clause lands elsewhere in its own section
        if size.get(draft.kind):
            first = start[draft.kind]
            target = rng.choice(range(first, first + size[draft.kind]))
            for kind in start:  # the sections after this one move down by one
                if start[kind] > first:
                    start[kind] += 1
        else:
            target = start[draft.kind] = len(new)
        size[draft.kind] = size.get(draft.kind, 0) + 1
        new.insert(target, draft)
        linked.append((old_index, draft))
    position_of = {id(draft): position for position, draft in enumerate(new)}
    return [(o, position_of[id(draft)]) for o, draft in linked]


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
    clauses: int,
    folder: Path,
    seed: int = 1,
    repeats: float = 0.0,
    min_recitals: int = 0,
    hard: bool = False,
) -> tuple[Path, Path, Path]:
    """Write the pair as text files and the truth as JSON; return the three paths."""
    old, new, truth = generate_pair(clauses, seed, repeats, min_recitals, hard)
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
