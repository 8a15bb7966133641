"""Where the joint text came from: each joint clause traced to the group motions.

Each source is compared with the joint text (the same alignment as ``diff``); a joint
clause derives from the source clause(s) it is aligned with. Its *share* from a source is
the part of its words found in those clauses; the source with the largest share (then the
closest wording) is its origin, and sources equal on both are reported as ties.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from amendtool.diffing.align import shared_words
from amendtool.diffing.report import ChangeReport, ClauseRef, Relation, build_report
from amendtool.diffing.tokens import CompareOptions, warm_keys, word_counts
from amendtool.model import ClauseKind, DocKind, Meta, Resolution, clause_body, text_size

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
    warnings: tuple[str, ...] = ()


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


def _contributions(label: str, report: ChangeReport) -> list[tuple[str, Contribution]]:
    """What the source of ``report`` (source -> joint) gives each joint clause, by eId."""
    found = []
    for change in report.changes:
        if not change.old or not change.new:
            continue
        source_words = word_counts(" ".join(r.text for r in change.old))
        for ref in change.new:
            words = word_counts(ref.text)
            size = sum(words.values())
            share = shared_words(words, source_words) / size if size else 1.0
            contribution = Contribution(
                label, change.old, change.relation, change.similarity, round(share, 4), False
            )
            found.append((ref.eid, contribution))
    return found


def trace(
    joint: Resolution,
    sources: list[Source],
    joint_path: str = "",
    options: CompareOptions | None = None,
    section: ClauseKind | None = None,
    jobs: int = 1,
) -> ProvenanceReport:
    """Trace every clause of ``joint`` (in ``section``, if given) to ``sources``.

    ``jobs`` > 1 compares the sources in that many processes (see :mod:`amendtool.parallel`).
    """
    from amendtool.parallel import forked_map

    def compared(source: Source) -> tuple[SourceSummary, list[tuple[str, Contribution]]]:
        report = build_report(source.resolution, joint, options, section, source.path, joint_path)
        return _summary(source, report), _contributions(source.label, report)

    joint_size = text_size(joint)
    sizes = [text_size(source.resolution) + joint_size for source in sources]
    if jobs > 1:  # every worker compares with the joint text: tokenise it once, before
        warm_keys([clause_body(item) for item in joint.items()], options or CompareOptions())
    names = [source.path or source.label for source in sources]
    outcomes = forked_map(compared, sources, jobs, sizes, names)
    reports = [summary.report for summary, _ in outcomes]
    found: dict[str, list[Contribution]] = {}
    for _, given in outcomes:
        for eid, contribution in given:
            found.setdefault(eid, []).append(contribution)
    joint_refs: dict[str, ClauseRef] = {}  # every report has every joint clause: one will do
    for report in reports[:1]:
        joint_refs.update((ref.eid, ref) for change in report.changes for ref in change.new)
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
        sources=tuple(summary for summary, _ in outcomes),
        warnings=tuple(dict.fromkeys(_source_warnings(sources, reports))),
    )


def _source_warnings(sources: list[Source], reports: list[ChangeReport]) -> list[str]:
    """A joint motion given as a source, and the warnings of each comparison."""
    warnings = []
    for source, report in zip(sources, reports, strict=True):
        if source.resolution.meta.kind is DocKind.JOINT_MOTION:
            name = source.path or source.label
            warnings.append(
                f"source {name} is itself a joint motion: the sources of a joint motion are "
                "the group motions it replaces"
            )
        warnings += [f"{source.label}: {warning}" for warning in report.warnings]
    return warnings


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


def _same_file(a: str, b: str) -> bool:
    """Whether two spellings name the same file (``./x.txt``, ``dir/../x.txt``, a link)."""
    import os

    if a == b:
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def label_indices(paths: Sequence[str], labels: Mapping[str, str]) -> dict[int, str]:
    """Which of ``paths`` each label (path -> name) names, however either is spelled (same
    file); a label whose path is none of them raises ValueError (before any file is read)."""
    matched: dict[int, str] = {}
    for labelled, name in labels.items():
        hits = [i for i, path in enumerate(paths) if _same_file(labelled, path)]
        if not hits:
            raise ValueError(f"{name}={labelled}: {labelled} is not one of the SOURCE files")
        for index in hits:
            matched[index] = name
    return matched


def labelled_sources(
    paths: Sequence[str], resolutions: Sequence[Resolution], labels: Mapping[int, str]
) -> list[Source]:
    """The sources read from ``paths`` (``resolutions``), labelled by ``labels`` (see
    :func:`label_indices`), else by their tabling group, document number or file name."""
    taken: set[str] = set(labels.values())
    return [
        Source(labels.get(index) or source_label(resolution, path, taken), resolution, path)
        for index, (path, resolution) in enumerate(zip(paths, resolutions, strict=True))
    ]
