"""A whole batch run: discover, skip what is current, compute, store, summarise."""

from __future__ import annotations

import importlib.util
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from amendtool.batch.discover import Procedure, WorkItem, find_procedures, iter_items
from amendtool.batch.manifest import read_manifest
from amendtool.batch.progress import Progress
from amendtool.batch.row import ERROR, Row
from amendtool.batch.store import OutputStore
from amendtool.batch.summary import SummaryWriter, gather
from amendtool.batch.work import Outcome, failed
from amendtool.clock import markup_date
from amendtool.errors import AmendtoolError, InputError, OutputError


class BatchError(AmendtoolError):
    """The batch cannot start (bad folders or options)."""


@dataclass(frozen=True)
class BatchResult:
    """What a run did."""

    procedures: int
    computed: int  # procedures computed in this run
    reused: int  # unchanged since the last run, not recomputed
    failed: int  # procedures whose row says error


def _check_folders(directory: Path, output: Path) -> None:
    if not directory.is_dir():
        raise InputError(
            str(directory), "no such folder" if not directory.exists() else "is not a folder"
        )
    inputs, outputs = directory.resolve(), output.resolve()
    if inputs == outputs or inputs in outputs.parents or outputs in inputs.parents:
        raise BatchError(
            f"{output}: the output folder must be outside {directory} and not contain it"
        )


def _runner(
    items: Iterator[WorkItem], workers: int | None, scheduler: str | None
) -> Iterator[Outcome]:
    from amendtool.batch import runners

    if scheduler:
        return runners.run_dask(items, scheduler)
    count = workers or os.cpu_count() or 1
    return runners.run_serial(items) if count == 1 else runners.run_pool(items, count)


def _missing(procedure: Procedure) -> Row:
    return Row(
        procedure.name, ERROR, error=f"{procedure.name}: no result (run again)", cacheable=False
    )


def _write_summaries(store: OutputStore, procedures: list[Procedure]) -> int:
    """summary.csv, summary.json and index.html, each replaced all at once."""
    from amendtool.batch.index_page import write_index

    def rows() -> Iterator[Row]:
        for procedure in procedures:
            yield store.row(procedure.name) or _missing(procedure)

    figures = gather(rows())
    root = store.root
    temporary = Path(tempfile.mkdtemp(prefix=".tmp-", dir=root))
    try:
        with (
            open(temporary / "summary.csv", "w", encoding="utf-8", newline="") as table,
            open(temporary / "summary.json", "w", encoding="utf-8") as data,
        ):
            writer = SummaryWriter(table, data, figures.groups)
            for row in rows():
                writer.add(row)
            writer.close(figures)
        with open(temporary / "index.html", "wb") as page:
            write_index(page, figures, rows())
        for name in ("summary.csv", "summary.json", "index.html"):
            (temporary / name).chmod(0o644)
            os.replace(temporary / name, root / name)
    except OSError as exc:
        raise OutputError(f"{root}: cannot write the summary ({exc.strerror})") from None
    finally:
        for leftover in temporary.iterdir():
            leftover.unlink()
        temporary.rmdir()
    return figures.failed


def run_batch(
    directory: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    force: bool = False,
    progress: bool | None = None,
) -> BatchResult:
    """Compare every procedure folder of ``directory`` and write reports and summaries.

    ``workers``: local processes (default: one per core; 1 runs in this process).
    ``scheduler``: the address of a Dask scheduler instead. ``force``: recompute
    procedures whose inputs have not changed. ``progress``: a progress bar (default: when
    standard error is a terminal), else one log line per procedure.
    """
    source, target = Path(directory), Path(output)
    if importlib.util.find_spec("matplotlib") is None:
        raise BatchError(
            "amendtool batch draws its charts with matplotlib: pip install 'amendtool[batch]'"
        )
    _check_folders(source, target)
    overrides = read_manifest(source)
    procedures = find_procedures(source)
    store = OutputStore(target)
    store.remove_leftovers()
    report = Progress(len(procedures), progress)
    run_date = markup_date()  # one date for every report of the run, whichever worker makes it
    counts = {"computed": 0, "reused": 0}

    def pending() -> Iterator[WorkItem]:
        for entry in iter_items(procedures, overrides, run_date):
            if isinstance(entry, WorkItem):
                stored = None if force else store.row(entry.procedure)
                if stored and stored.cacheable and stored.input_hash == entry.input_hash:
                    counts["reused"] += 1
                    report.done(stored, cached=True)
                    continue
                yield entry
            else:
                procedure, problem = entry
                item = WorkItem(procedure.name, (), "", procedure.notes)
                outcome = failed(item, str(problem), cacheable=False)
                store.write(outcome)
                counts["computed"] += 1
                report.done(outcome.row)

    try:
        for outcome in _runner(pending(), workers, scheduler):
            store.write(outcome)
            counts["computed"] += 1
            report.done(outcome.row)
    finally:
        report.close()
    failures = _write_summaries(store, procedures)
    return BatchResult(len(procedures), counts["computed"], counts["reused"], failures)


__all__ = ["BatchError", "BatchResult", "run_batch"]
