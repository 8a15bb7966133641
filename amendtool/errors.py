"""One exception tree for everything amendtool reports to a user.

The CLI turns any :class:`AmendtoolError` into one line on stderr and exit status 2.
"""

from __future__ import annotations


class AmendtoolError(Exception):
    """Base of every error amendtool raises on purpose."""


class InputError(AmendtoolError):
    """An input file cannot be read: missing, a directory, binary, undecodable, too large."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        return type(self), (self.source, self.problem)  # pickled by worker processes


class ParseError(InputError):
    """The input was read but is not a resolution amendtool understands."""

    def __init__(self, source: str, problem: str, line: int | None = None) -> None:
        where = f"{source}:{line}" if line is not None else source
        AmendtoolError.__init__(self, f"{where}: {problem}")
        self.source = source
        self.problem = problem
        self.line = line

    def __reduce__(self) -> tuple[type[ParseError], tuple[str, str, int | None]]:  # type: ignore[override]
        return type(self), (self.source, self.problem, self.line)


class OutputError(AmendtoolError):
    """An output file cannot be written."""


class AmendmentError(AmendtoolError):
    """An amendment cannot be applied to the base text (stale target, unknown clause)."""


class ConflictError(AmendmentError):
    """Two amendments chosen for applying change the same clause or the same place."""
