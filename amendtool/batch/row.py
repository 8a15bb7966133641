"""One procedure's line of the summary: frozen values, and their JSON form (``row.json``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

OK, ERROR = "ok", "error"


@dataclass(frozen=True)
class MotionResult:
    """One group motion of a procedure and how much of it survived."""

    label: str  # the group's name, else the document number, else the file name
    group: str  # normalised tabling group ("PPE", "Greens/EFA"), "" when unknown
    file: str
    number: str
    date: str
    words: int  # words of the motion
    kept_in_joint: int  # of those, words found unchanged in the joint text
    kept_in_adopted: int | None  # ... in the adopted text (None: no adopted text)


@dataclass(frozen=True)
class GroupShare:
    """A group's motion text kept in the joint and adopted texts (0..1)."""

    group: str
    joint: float
    adopted: float | None


@dataclass(frozen=True)
class ReportLink:
    """One report of a procedure: its title and file names inside OUT/<procedure>/."""

    title: str
    html: str
    json: str


@dataclass(frozen=True)
class Row:
    """What the summary says about one procedure."""

    procedure: str
    status: str  # OK or ERROR
    error: str = ""
    input_hash: str = ""
    cacheable: bool = True  # False: a transient failure, computed again next time
    language: str = ""
    title: str = ""
    year: str = ""
    joint_number: str = ""
    joint_date: str = ""
    adopted_number: str = ""
    adopted_date: str = ""
    joint_kept_in_adopted: float | None = None  # share of the joint text's words adopted
    adopted_differs: bool | None = None  # plenary changed the joint text
    motions: tuple[MotionResult, ...] = ()
    reports: tuple[ReportLink, ...] = ()
    warnings: tuple[str, ...] = ()

    def group_shares(self) -> tuple[GroupShare, ...]:
        """Per tabling group (motions of one group pooled by words), in order of appearance."""
        totals: dict[str, list[int]] = {}
        has_adopted = True
        for motion in self.motions:
            if not motion.group:
                continue
            total = totals.setdefault(motion.group, [0, 0, 0])
            total[0] += motion.words
            total[1] += motion.kept_in_joint
            if motion.kept_in_adopted is None:
                has_adopted = False
            else:
                total[2] += motion.kept_in_adopted
        return tuple(
            GroupShare(
                group,
                share(kept_joint, words),
                share(kept_adopted, words) if has_adopted else None,
            )
            for group, (words, kept_joint, kept_adopted) in totals.items()
        )

    def to_json(self) -> dict[str, Any]:
        """The row as stored in ``row.json`` (and one entry of ``summary.json``)."""
        data = asdict(self)
        data["groups"] = {
            s.group: {"joint": s.joint, "adopted": s.adopted} for s in self.group_shares()
        }
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Row:
        """The inverse of :meth:`to_json`."""
        fields = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        fields["motions"] = tuple(MotionResult(**m) for m in data.get("motions", ()))
        fields["reports"] = tuple(ReportLink(**r) for r in data.get("reports", ()))
        fields["warnings"] = tuple(data.get("warnings", ()))
        return cls(**fields)


def share(part: int, whole: int) -> float:
    """``part / whole`` rounded to 4 digits (1.0 for an empty whole, as diff reports it)."""
    return round(part / whole, 4) if whole else 1.0
