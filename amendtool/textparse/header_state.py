"""What the header reader has learnt so far, and the fate of each header line."""

from __future__ import annotations

from dataclasses import dataclass, field

from amendtool.model import DocKind, Group, LineFate, Meta, ReplacedMotion

# Which date is the document's, best first (a lower number wins; ties: the first seen).
DATE_OF_RESOLUTION_HEADING = 0  # "European Parliament resolution of 2 February 2030"
DATE_OF_SITTING = 1  # "Thursday, 2 February 2030 - Strasbourg"
DATE_LINE = 2  # "1.2.2030 - (2030/2999(RSP))", template leftovers, banners
DATE_OF_JOURNAL = 3  # "OJ C 99, 1.9.2031, p. 10": publication, used when nothing else


@dataclass(frozen=True)
class HeaderLine:
    """A header line; a procedure reference split over two lines makes one."""

    line_nos: tuple[int, ...]
    text: str

    @property
    def line_no(self) -> int:
        return self.line_nos[0]


@dataclass
class HeaderState:
    kind: DocKind | None = None
    title: str = ""
    title_line: int | None = None  # where the title was read (a continuation may follow)
    numbers: list[str] = field(default_factory=list)
    dates: list[tuple[int, str]] = field(default_factory=list)  # (priority, yyyy-mm-dd)
    procedure: str = ""
    rule: str = ""
    groups: list[Group] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    replaces: list[ReplacedMotion] = field(default_factory=list)
    fates: dict[int, LineFate] = field(default_factory=dict)
    bare: list[int] = field(default_factory=list)  # lines that may hold the title
    heading_language: str = ""  # the language of the heading, when not the document's
    replacing: bool = False  # the line before listed replaced motions
    previous: LineFate | None = None

    def add_groups(self, groups: list[Group]) -> None:
        for group in groups:
            if all(g.id != group.id for g in self.groups):
                self.groups.append(group)

    def add_numbers(self, numbers: list[str]) -> None:
        for number in numbers:
            if number not in self.numbers:
                self.numbers.append(number)

    def offer_date(self, priority: int, iso: str) -> None:
        if iso:
            self.dates.append((priority, iso))

    def offer_procedure(self, procedure: str) -> None:
        self.procedure = self.procedure or procedure

    def set_kind(self, kind: DocKind) -> None:
        if self.kind is None or kind is DocKind.JOINT_MOTION:
            self.kind = kind

    def meta(self, language: str) -> Meta:
        best_date = min(self.dates, key=lambda d: d[0])[1] if self.dates else ""
        return Meta(
            kind=self.kind or DocKind.MOTION,
            title=self.title,
            numbers=tuple(self.numbers),
            date=best_date,
            procedure=self.procedure,
            rule=self.rule,
            groups=tuple(self.groups),
            authors=tuple(self.authors),
            replaces=tuple(self.replaces),
            language=language,
        )


def meta_fate(line: HeaderLine, field: str, reason: str) -> LineFate:
    """The fate of a line metadata was read from."""
    return LineFate(line.line_no, line.text, f"meta:{field}", reason)


def dropped_fate(line: HeaderLine, reason: str) -> LineFate:
    """The fate of a page-furniture line."""
    return LineFate(line.line_no, line.text, "dropped", reason)
