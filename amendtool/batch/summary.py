"""``summary.csv`` and ``summary.json``, streamed row by row, and the figures for the charts.

Rows come from the stored ``row.json`` files in procedure order, so the summary is the
same whatever order the workers finished in. Two passes keep memory bounded: the first
collects the group names (the CSV's columns) and the chart aggregates, the second writes.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO

from amendtool import __version__
from amendtool.batch.row import OK, Row

BASE_COLUMNS = (
    "procedure",
    "status",
    "error",
    "year",
    "language",
    "title",
    "motions",
    "motion_numbers",
    "motion_dates",
    "joint_number",
    "joint_date",
    "adopted_number",
    "adopted_date",
    "joint_kept_in_adopted",
    "adopted_differs",
    "warnings",
)
# Width of a histogram bin of the share distribution (0..1).
HISTOGRAM_BIN = 0.05


@dataclass
class Mean:
    """A running mean."""

    total: float = 0.0
    count: int = 0

    def add(self, value: float) -> None:
        self.total += value
        self.count += 1

    @property
    def value(self) -> float:
        return self.total / self.count if self.count else 0.0


@dataclass
class Figures:
    """Everything the index page shows besides the table, gathered in one pass."""

    procedures: int = 0
    failed: int = 0
    groups: list[str] = field(default_factory=list)  # in order of first appearance
    joint_by_group: dict[str, Mean] = field(default_factory=dict)
    adopted_by_group: dict[str, Mean] = field(default_factory=dict)
    joint_by_year_group: dict[tuple[str, str], Mean] = field(default_factory=dict)
    motion_shares: list[int] = field(default_factory=list)  # histogram counts, motion -> joint
    plenary_shares: list[int] = field(default_factory=list)  # joint -> adopted, per procedure

    def add(self, row: Row) -> None:
        self.procedures += 1
        if row.status != OK:
            self.failed += 1
            return
        for share in row.group_shares():
            if share.group not in self.groups:
                self.groups.append(share.group)
            self.joint_by_group.setdefault(share.group, Mean()).add(share.joint)
            if share.adopted is not None:
                self.adopted_by_group.setdefault(share.group, Mean()).add(share.adopted)
            if row.year:
                self.joint_by_year_group.setdefault((row.year, share.group), Mean()).add(
                    share.joint
                )
        for motion in row.motions:
            _count(self.motion_shares, motion.kept_in_joint / motion.words if motion.words else 1)
        if row.joint_kept_in_adopted is not None:
            _count(self.plenary_shares, row.joint_kept_in_adopted)


def _count(bins: list[int], value: float) -> None:
    if not bins:
        bins.extend([0] * round(1 / HISTOGRAM_BIN))
    bins[min(int(value / HISTOGRAM_BIN), len(bins) - 1)] += 1


def gather(rows: Iterable[Row]) -> Figures:
    """The first pass."""
    figures = Figures()
    for row in rows:
        figures.add(row)
    return figures


def columns(groups: list[str]) -> list[str]:
    """The CSV header: the fixed columns, then two per group."""
    per_group = [f"{kind}:{group}" for group in groups for kind in ("share_joint", "share_adopted")]
    return [*BASE_COLUMNS, *per_group]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def csv_record(row: Row, groups: list[str]) -> list[str]:
    """One CSV line (lists joined with ``; ``; empty cells where nothing applies)."""
    shares = {s.group: s for s in row.group_shares()}
    values: list[object] = [
        row.procedure,
        row.status,
        row.error,
        row.year,
        row.language,
        row.title,
        len(row.motions) if row.status == OK else None,
        "; ".join(m.number for m in row.motions if m.number),
        "; ".join(sorted({m.date for m in row.motions if m.date})),
        row.joint_number,
        row.joint_date,
        row.adopted_number,
        row.adopted_date,
        row.joint_kept_in_adopted,
        row.adopted_differs,
        "; ".join(row.warnings),
    ]
    for group in groups:
        share = shares.get(group)
        values += [share.joint if share else None, share.adopted if share else None]
    return [_cell(v) for v in values]


class SummaryWriter:
    """Writes both summary files, one row at a time."""

    def __init__(self, csv_stream: IO[str], json_stream: IO[str], groups: list[str]) -> None:
        self.groups = groups
        self.csv = csv.writer(csv_stream, lineterminator="\n")
        self.csv.writerow(columns(groups))
        self.json = json_stream
        head = {"format": "amendtool-batch-summary", "version": 1, "amendtool": __version__}
        self.json.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "procedures": [')
        self.first = True

    def add(self, row: Row) -> None:
        self.csv.writerow(csv_record(row, self.groups))
        data = row.to_json()
        del data["cacheable"]
        self.json.write(("\n " if self.first else ",\n ") + json.dumps(data, ensure_ascii=False))
        self.first = False

    def close(self, figures: Figures) -> None:
        totals = {"procedures": figures.procedures, "failed": figures.failed}
        self.json.write(f'\n], "totals": {json.dumps(totals)}}}\n')
