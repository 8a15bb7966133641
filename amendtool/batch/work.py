"""One procedure on a worker: read its files, compare, render; bytes in, bytes out.

:func:`process` is a pure function of its :class:`WorkItem` (no clock, no file system),
so a serial run, a process pool and a Dask cluster give the same bytes. It never raises
for a bad procedure: the problem becomes the row's ``error``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import amendtool
from amendtool.batch.discover import RESERVED_NAMES, WorkItem
from amendtool.batch.roles import Cast, Document, Motion, cast, document
from amendtool.batch.row import ERROR, OK, MotionResult, ReportLink, Row
from amendtool.diffing.report import ChangeReport
from amendtool.errors import AmendtoolError, InputError


@dataclass(frozen=True)
class Outcome:
    """The result of one procedure: its summary row and its report files."""

    row: Row
    files: tuple[tuple[str, bytes], ...] = field(default=(), repr=False)


def _render(
    files: list[tuple[str, bytes]], stem: str, subject: object, date: str
) -> tuple[str, str]:
    names = []
    for fmt in ("html", "json"):
        rendered = amendtool.render(subject, fmt, markup_date=date)
        data = rendered.encode("utf-8") if isinstance(rendered, str) else rendered
        files.append((f"{stem}.{fmt}", data))
        names.append(f"{stem}.{fmt}")
    return names[0], names[1]


def _year(*dates: str) -> str:
    return next((d[:4] for d in dates if d), "")


def _compute(item: WorkItem, roles: Cast) -> Outcome:
    joint, adopted = roles.joint, roles.adopted
    files: list[tuple[str, bytes]] = []
    links: list[ReportLink] = []
    sources = {m.label: m.document.resolution for m in roles.motions}
    traced = amendtool.provenance(joint.resolution, sources)
    links.append(
        ReportLink(
            "Provenance of the joint text", *_render(files, "provenance", traced, item.markup_date)
        )
    )
    plenary: ChangeReport | None = None
    if adopted is not None:
        plenary = amendtool.compare(joint.resolution, adopted.resolution)
        links.append(
            ReportLink(
                "Joint text → adopted text",
                *_render(files, "joint-adopted", plenary, item.markup_date),
            )
        )
    motions = []
    for motion, source in zip(roles.motions, traced.sources, strict=True):
        result, motion_links = _motion(motion, source.report, roles, files, item.markup_date)
        motions.append(result)
        links += motion_links
    joint_meta = joint.resolution.meta
    adopted_meta = adopted.resolution.meta if adopted else None
    row = Row(
        procedure=item.procedure,
        status=OK,
        input_hash=item.input_hash,
        language=joint_meta.language,
        title=joint_meta.title,
        year=_year(
            joint_meta.date, adopted_meta.date if adopted_meta else "", *(m.date for m in motions)
        ),
        joint_number=joint_meta.numbers[0] if joint_meta.numbers else "",
        joint_date=joint_meta.date,
        adopted_number=adopted_meta.numbers[0] if adopted_meta and adopted_meta.numbers else "",
        adopted_date=adopted_meta.date if adopted_meta else "",
        joint_kept_in_adopted=round(plenary.statistics.share_kept, 4) if plenary else None,
        adopted_differs=plenary.differs if plenary else None,
        motions=tuple(motions),
        reports=tuple(links),
        warnings=item.notes + roles.warnings + _document_warnings(roles),
    )
    return Outcome(row, tuple(files))


def _motion(
    motion: Motion,
    to_joint: ChangeReport,
    roles: Cast,
    files: list[tuple[str, bytes]],
    date: str,
) -> tuple[MotionResult, list[ReportLink]]:
    """One motion: its diff against the joint text, its history, its share in the adopted."""
    resolution, joint, adopted = motion.document.resolution, roles.joint, roles.adopted
    links = [
        ReportLink(
            f"{motion.label} motion → joint text",
            *_render(files, f"{motion.slug}-joint", to_joint, date),
        )
    ]
    kept_in_adopted = None
    chain = [resolution, joint.resolution]
    if adopted is not None:
        kept_in_adopted = amendtool.compare(resolution, adopted.resolution).statistics.words_kept
        chain.append(adopted.resolution)
    history = amendtool.history(chain)
    links.append(
        ReportLink(
            f"{motion.label}: history", *_render(files, f"{motion.slug}-history", history, date)
        )
    )
    meta = resolution.meta
    result = MotionResult(
        label=motion.label,
        group=motion.document.group,
        file=motion.document.file,
        number=meta.numbers[0] if meta.numbers else "",
        date=meta.date,
        words=to_joint.statistics.words_old,
        kept_in_joint=to_joint.statistics.words_kept,
        kept_in_adopted=kept_in_adopted,
    )
    return result, links


def _document_warnings(roles: Cast) -> tuple[str, ...]:
    documents = [roles.joint, *(m.document for m in roles.motions)]
    if roles.adopted:
        documents.append(roles.adopted)
    return tuple(f"{d.file}: {w}" for d in documents for w in d.resolution.warnings)


def failed(item: WorkItem, message: str, cacheable: bool = True) -> Outcome:
    """The outcome of a procedure that could not be compared (``message``: one line)."""
    row = Row(
        procedure=item.procedure,
        status=ERROR,
        error=" ".join(message.split()),
        input_hash=item.input_hash,
        cacheable=cacheable,
        warnings=item.notes,
    )
    return Outcome(row)


def process(item: WorkItem) -> Outcome:
    """Compare the documents of one procedure and render its reports."""
    if item.procedure in RESERVED_NAMES:
        return failed(item, f"the folder name {item.procedure} is reserved for the summary")
    try:
        documents: list[Document] = []
        for file in item.files:
            if file.override.role == "ignore":
                continue
            label = f"{item.procedure}/{file.name}"
            resolution = amendtool.read(file.data, name=label)
            documents.append(
                document(file.name, resolution, file.override.role, file.override.group)
            )
        return _compute(item, cast(documents))
    except InputError as problem:
        return failed(item, str(problem))
    except AmendtoolError as problem:
        return failed(item, f"{item.procedure}: {problem}")
    except (MemoryError, RecursionError) as problem:
        return failed(item, f"{item.procedure}: {type(problem).__name__}", cacheable=False)
    except Exception as problem:  # a bug: fail this procedure only, and retry next time
        return failed(
            item,
            f"{item.procedure}: internal error: {type(problem).__name__}: {problem}",
            cacheable=False,
        )
