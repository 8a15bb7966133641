"""Word list numbering: the numbers and letters Word shows but never stores in the text.

A paragraph is numbered through ``w:pPr/w:numPr`` (``w:numId``, ``w:ilvl``), given directly
or by its paragraph style (``styles.xml``, following ``w:basedOn``). ``numbering.xml`` maps
the ``w:num`` instance to a ``w:abstractNum`` whose ``w:lvl`` says the format
(``decimal``, ``upperLetter``, ``lowerLetter``, ``upperRoman``, ``lowerRoman``, ``bullet``
...), the label pattern (``w:lvlText``, ``%1.`` or ``(%2)``) and the start value; a ``w:num``
may override levels (``w:lvlOverride/w:startOverride`` restarts the list).

Counting follows Word: instances of one abstract list continue each other unless an
instance restarts a level with ``w:startOverride`` when it is first used; a level restarts
when a higher level is used (unless ``w:lvlRestart`` is 0).

Every value read from the file is bounded (levels 0..8, labels of at most
:data:`MAX_LABEL_CHARS` characters, letters and Roman numerals only where short), so a
hostile ``numbering.xml`` cannot make a label large.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LEVELS = 9  # Word numbers at most nine levels, w:ilvl 0..8
MAX_LABEL_CHARS = 40  # characters: a longer w:lvlText is cut (Word's own limit is 255)
MAX_LETTER_VALUE = 26 * 30  # letter labels up to 30 repeats ("ZZZ...Z"); then decimal
MAX_ROMAN_VALUE = 3999  # Roman numerals up to MMMCMXCIX; then decimal
MAX_STYLE_DEPTH = 32  # w:basedOn chains followed at most this deep (cycles are cut too)
BULLET_LABEL = "–"  # what a bullet level prints as: the EP's dash indent


@dataclass(frozen=True)
class Level:
    """One ``w:lvl``: how the counter of a level is shown."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restarts: bool = True  # False for w:lvlRestart w:val="0"


@dataclass(frozen=True)
class Instance:
    """One ``w:num``: an abstract list and its level overrides."""

    abstract: str
    levels: dict[int, Level]
    start_overrides: dict[int, int]


@dataclass(frozen=True)
class NumberingDefinitions:
    """What ``numbering.xml`` and ``styles.xml`` say about list numbering."""

    abstracts: dict[str, dict[int, Level]] = field(default_factory=dict)
    instances: dict[str, Instance] = field(default_factory=dict)
    style_numbering: dict[str, tuple[str | None, int | None]] = field(default_factory=dict)
    style_levels: dict[str, tuple[str, int]] = field(default_factory=dict)  # lvl/pStyle links


def _int(value: str | None, default: int, low: int, high: int) -> int:
    try:
        number = int(value) if value is not None else default
    except ValueError:
        return default
    return max(low, min(high, number))


def _val(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    value = element.get(f"{W}val")
    return str(value) if value is not None else None


def _level(element: etree._Element, base: Level | None = None) -> Level:
    base = base or Level()
    fmt = _val(element.find(f"{W}numFmt"))
    text = _val(element.find(f"{W}lvlText"))
    start = _val(element.find(f"{W}start"))
    restart = _val(element.find(f"{W}lvlRestart"))
    return Level(
        fmt=fmt if fmt is not None else base.fmt,
        text=(text if text is not None else base.text)[:MAX_LABEL_CHARS],
        start=_int(start, base.start, 0, 10**9) if start is not None else base.start,
        restarts=restart != "0" if restart is not None else base.restarts,
    )


def paragraph_numbering(ppr: etree._Element | None) -> tuple[str | None, int | None] | None:
    """``(numId, ilvl)`` of a ``w:pPr`` (either may be absent), or None without numPr."""
    numpr = ppr.find(f"{W}numPr") if ppr is not None else None
    if numpr is None:
        return None
    ilvl = _val(numpr.find(f"{W}ilvl"))
    return _val(numpr.find(f"{W}numId")), (
        _int(ilvl, 0, 0, LEVELS - 1) if ilvl is not None else None
    )


def read_definitions(
    numbering: etree._Element | None, styles: etree._Element | None
) -> NumberingDefinitions:
    """The list definitions of a document (either part may be missing)."""
    definitions = NumberingDefinitions()
    style_levels = definitions.style_levels
    if numbering is not None:
        for abstract in numbering.iter(f"{W}abstractNum"):
            abstract_id = abstract.get(f"{W}abstractNumId", "")
            levels: dict[int, Level] = {}
            for lvl in abstract.iter(f"{W}lvl"):
                ilvl = _int(lvl.get(f"{W}ilvl"), -1, -1, LEVELS)
                if 0 <= ilvl < LEVELS:
                    levels[ilvl] = _level(lvl)
                    linked_style = _val(lvl.find(f"{W}pStyle"))
                    if linked_style:
                        style_levels[linked_style] = (str(abstract_id), ilvl)
            definitions.abstracts[str(abstract_id)] = levels
        for num in numbering.iter(f"{W}num"):
            overrides: dict[int, Level] = {}
            starts: dict[int, int] = {}
            for override in num.iter(f"{W}lvlOverride"):
                ilvl = _int(override.get(f"{W}ilvl"), -1, -1, LEVELS)
                if not 0 <= ilvl < LEVELS:
                    continue
                start = _val(override.find(f"{W}startOverride"))
                if start is not None:
                    starts[ilvl] = _int(start, 1, 0, 10**9)
                replacement = override.find(f"{W}lvl")
                if replacement is not None:
                    overrides[ilvl] = _level(replacement)
            abstract_ref = _val(num.find(f"{W}abstractNumId")) or ""
            definitions.instances[str(num.get(f"{W}numId", ""))] = Instance(
                abstract_ref, overrides, starts
            )
    if styles is not None:
        _read_styles(styles, definitions)
    return definitions


def _read_styles(styles: etree._Element, definitions: NumberingDefinitions) -> None:
    own: dict[str, tuple[str | None, int | None] | None] = {}
    based_on: dict[str, str] = {}
    for style in styles.iter(f"{W}style"):
        style_id = str(style.get(f"{W}styleId", ""))
        own[style_id] = paragraph_numbering(style.find(f"{W}pPr"))
        parent = _val(style.find(f"{W}basedOn"))
        if parent:
            based_on[style_id] = parent
    for style_id in own:
        seen: set[str] = set()
        current: str | None = style_id
        while current is not None and current not in seen and len(seen) < MAX_STYLE_DEPTH:
            seen.add(current)
            found = own.get(current)
            if found is not None:
                definitions.style_numbering[style_id] = found
                break
            current = based_on.get(current)


def _letters(value: int, upper: bool) -> str:
    """Word's letter labels: A..Z, then AA, BB .. ZZ, then AAA .."""
    if value < 1 or value > MAX_LETTER_VALUE:
        return str(value)
    letter = chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1)
    return letter if upper else letter.lower()


_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def _roman(value: int, upper: bool) -> str:
    if value < 1 or value > MAX_ROMAN_VALUE:
        return str(value)
    out = []
    for amount, numeral in _ROMAN:
        count, value = divmod(value, amount)
        out.append(numeral * count)
    text = "".join(out)
    return text if upper else text.lower()


def format_number(value: int, fmt: str) -> str:
    """One counter value in a ``w:numFmt``."""
    match fmt:
        case "upperLetter":
            return _letters(value, upper=True)
        case "lowerLetter":
            return _letters(value, upper=False)
        case "upperRoman":
            return _roman(value, upper=True)
        case "lowerRoman":
            return _roman(value, upper=False)
        case "decimalZero":
            return f"{value:02d}"
        case "none":
            return ""
        case _:
            return str(value)


class ListCounter:
    """The running counters of a document, fed paragraph by paragraph in order."""

    def __init__(self, definitions: NumberingDefinitions) -> None:
        self.definitions = definitions
        self.values: dict[str, list[int | None]] = {}
        self.starts: dict[tuple[str, int], int] = {}
        self.used_instances: set[str] = set()

    def resolve(
        self, direct: tuple[str | None, int | None] | None, style: str | None
    ) -> tuple[str, int] | None:
        """``(numId, ilvl)`` of a paragraph from its own numPr and its style."""
        from_style = self.definitions.style_numbering.get(style or "")
        num_id = direct[0] if direct and direct[0] is not None else None
        ilvl = direct[1] if direct else None
        if num_id is None and from_style:
            num_id = from_style[0]
        if ilvl is None and from_style and from_style[1] is not None:
            ilvl = from_style[1]
        if ilvl is None and style in self.definitions.style_levels:
            ilvl = self.definitions.style_levels[style][1]
        if num_id is None or num_id == "0":
            return None
        return num_id, ilvl or 0

    def label(self, num_id: str, ilvl: int) -> str:
        """The label Word shows for the next paragraph of list ``num_id`` at level ``ilvl``."""
        instance = self.definitions.instances.get(num_id)
        if instance is None:
            return ""
        abstract = self.definitions.abstracts.get(instance.abstract, {})
        levels = {**abstract, **instance.levels}
        level = levels.get(ilvl)
        if level is None:
            return ""
        values = self.values.setdefault(instance.abstract, [None] * LEVELS)
        if num_id not in self.used_instances:
            self.used_instances.add(num_id)
            for restarted, start in instance.start_overrides.items():
                values[restarted] = None
                self.starts[(instance.abstract, restarted)] = start
        current = values[ilvl]
        values[ilvl] = (
            self.starts.get((instance.abstract, ilvl), level.start)
            if current is None
            else current + 1
        )
        for deeper in range(ilvl + 1, LEVELS):
            if levels.get(deeper, Level()).restarts:
                values[deeper] = None
        if level.fmt == "bullet":
            return BULLET_LABEL
        return _fill(level.text, levels, values)


def _fill(pattern: str, levels: dict[int, Level], values: list[int | None]) -> str:
    """``%1.%2.`` with each ``%n`` replaced by the counter of level n-1 in its format."""
    out = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        following = pattern[index + 1 : index + 2]
        if char == "%" and following.isdigit() and 1 <= int(following) <= LEVELS:
            ilvl = int(following) - 1
            level = levels.get(ilvl, Level())
            value = values[ilvl]
            out.append(format_number(value if value is not None else level.start, level.fmt))
            index += 2
        else:
            out.append(char)
            index += 1
    return "".join(out).strip()
