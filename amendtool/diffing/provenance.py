"""Where the joint text came from: each joint clause traced to the group motions.

Each source is compared with the joint text (the same alignment as ``diff``); a joint
clause derives from the source clause(s) it is aligned with. Its *share* from a source is
the part of its words found in those clauses; the source with the largest share (then the
closest wording) is its origin, and sources equal on both are reported as ties.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from amendtool.diffing.align import shared_words
from amendtool.diffing.report import ChangeReport, ClauseRef, Relation, build_report
from amendtool.diffing.tokens import CompareOptions, keys
from amendtool.model import Meta, Resolution

# Two sources tie for a joint clause when both their share and their similarity (0..1)
# are closer than this: the same wording in two motions.
TIE_TOLERANCE = 0.005


@dataclass(frozen=True)
class Source:
    """One source draft with its label (tabling group or ``--label``)."""

    label: str
    resolution: Resolution
    path: str = ""


@dataclass(frozen=True)
class Contribution:
    """What one source gave one joint clause."""

    label: str
    clauses: tuple[ClauseRef, ...]  # the source clauses it derives from
    relation: Relation  # seen from the source: unchanged, modified, moved, split, merged
    similarity: float
    share: float  # part (0..1) of the joint clause's words found in those source clauses
    top: bool  # the largest share (several sources when tied)


@dataclass(frozen=True)
class JointClause:
    """One clause of the joint text and where its wording came from."""

    ref: ClauseRef
    contributions: tuple[Contribution, ...]  # largest share first

    @property
    def new(self) -> bool:
        """True when no source has this clause: new in the joint text."""
        return not self.contributions

    @property
    def tie(self) -> bool:
        """True when two or more sources share the largest share."""
        return sum(1 for c in self.contributions if c.top) > 1


@dataclass(frozen=True)
class SourceSummary:
    """What became of one source in the joint text."""

    label: str
    meta: Meta
    path: str
    clauses: int
    verbatim: tuple[ClauseRef, ...]
    reworded: tuple[ClauseRef, ...]
    dropped: tuple[ClauseRef, ...]
    share_in_joint: float  # part (0..1) of the source's words found unchanged in the joint
    report: ChangeReport  # source -> joint, for the word-level diffs


@dataclass(frozen=True)
class ProvenanceReport:
    """The joint text's clauses with their sources, and each source's fate."""

    joint_meta: Meta
    joint_path: str
    clauses: tuple[JointClause, ...]
    sources: tuple[SourceSummary, ...]


def _words(text: str) -> Counter[str]:
    return Counter(k.casefold() for k in keys(text, CompareOptions()) if k[:1].isalnum())


def _summary(source: Source, report: ChangeReport) -> SourceSummary:
    verbatim: list[ClauseRef] = []
    reworded: list[ClauseRef] = []
    dropped: list[ClauseRef] = []
    for change in report.changes:
        if not change.old:
            continue
        if not change.new:
            dropped.extend(change.old)
        elif change.reworded or len(change.old) != len(change.new):
            reworded.extend(change.old)
        else:
            verbatim.extend(change.old)
    return SourceSummary(
        label=source.label,
        meta=source.resolution.meta,
        path=source.path,
        clauses=report.statistics.clauses_old,
        verbatim=tuple(verbatim),
        reworded=tuple(reworded),
        dropped=tuple(dropped),
        share_in_joint=report.statistics.share_kept,
        report=report,
    )


def trace(
    joint: Resolution,
    sources: list[Source],
    joint_path: str = "",
    options: CompareOptions | None = None,
) -> ProvenanceReport:
    """Trace every clause of ``joint`` to ``sources``."""
    reports = [
        build_report(s.resolution, joint, options, old_source=s.path, new_source=joint_path)
        for s in sources
    ]
    found: dict[str, list[Contribution]] = {}
    joint_refs: dict[str, ClauseRef] = {}
    for source, report in zip(sources, reports, strict=True):
        for change in report.changes:
            for ref in change.new:
                joint_refs[ref.eid] = ref
            if not change.old or not change.new:
                continue
            source_words = _words(" ".join(r.text for r in change.old))
            for ref in change.new:
                words = _words(ref.text)
                size = sum(words.values())
                share = shared_words(words, source_words) / size if size else 1.0
                found.setdefault(ref.eid, []).append(
                    Contribution(
                        source.label,
                        change.old,
                        change.relation,
                        change.similarity,
                        round(share, 4),
                        False,
                    )
                )
    order = {item.eid: index for index, item in enumerate(joint.items())}
    clauses = []
    for eid, ref in sorted(joint_refs.items(), key=lambda item: order[item[0]]):
        contributions = sorted(found.get(eid, []), key=lambda c: (-c.share, -c.similarity, c.label))
        if contributions:
            best = contributions[0]
            contributions = [
                Contribution(
                    c.label,
                    c.clauses,
                    c.relation,
                    c.similarity,
                    c.share,
                    best.share - c.share < TIE_TOLERANCE
                    and best.similarity - c.similarity < TIE_TOLERANCE,
                )
                for c in contributions
            ]
        clauses.append(JointClause(ref, tuple(contributions)))
    return ProvenanceReport(
        joint_meta=joint.meta,
        joint_path=joint_path,
        clauses=tuple(clauses),
        sources=tuple(_summary(s, r) for s, r in zip(sources, reports, strict=True)),
    )


def source_label(resolution: Resolution, path: str, taken: set[str]) -> str:
    """A unique label: the tabling group, else the document number, else the file name."""
    meta = resolution.meta
    if meta.groups:
        base = meta.groups[0].printed
    elif meta.numbers:
        base = meta.numbers[0]
    else:
        base = path.rsplit("/", 1)[-1]
    label, count = base, 1
    while label in taken:
        count += 1
        label = f"{base} ({count})"
    taken.add(label)
    return label


def parse_labels(items: Sequence[str]) -> dict[str, str]:
    """``NAME=FILE`` items as a mapping from FILE to NAME; ValueError names a bad item."""
    chosen: dict[str, str] = {}
    for item in items:
        name, separator, path = item.partition("=")
        if not separator or not name or not path:
            raise ValueError(f"{item!r}: expected NAME=FILE")
        chosen[path] = name
    return chosen


def labelled_sources(paths: Sequence[str], labels: Mapping[str, str]) -> list[Source]:
    """Sources read from ``paths``, labelled by ``labels`` (path -> name) or their group."""
    from amendtool.inputs import read_resolution

    taken: set[str] = set(labels.values())
    sources = []
    for path in paths:
        resolution = read_resolution(path)
        label = labels.get(path) or source_label(resolution, path, taken)
        sources.append(Source(label, resolution, path))
    return sources
