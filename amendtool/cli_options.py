"""The option vocabulary every command shares, and the command group that enforces it.

- ``--format`` and ``-o/--output`` on every command that writes (:func:`report_options`);
  the format follows the ``-o`` extension when ``--format`` is not given.
- ``--ignore-case``, ``--ignore-punctuation`` and ``--section`` on every command that
  compares (:func:`comparison_options`).
- ``--debug`` before or after the command name; whole one-line descriptions in the
  top-level help; an "Exit status" paragraph in every command's help (:class:`Group`).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

import click

EXIT_SAME, EXIT_DIFFERENT, EXIT_TROUBLE = 0, 1, 2
EXIT_STATUS_DIFF = "Exit status: 0 same content, 1 differences, 2 trouble (one line on stderr)."
EXIT_STATUS_DONE = "Exit status: 0 done, 2 trouble (one line on stderr)."
EXIT_STATUS_VALID = "Exit status: 0 valid, 1 invalid, 2 trouble (one line on stderr)."
SECTIONS = ["citations", "recitals", "paragraphs"]


def warn(message: str) -> None:
    """A warning on stderr, one line."""
    from amendtool.safe_chars import visible

    click.echo(f"amendtool: warning: {' '.join(visible(message).split())}", err=True)


def report_options(formats: list[str], aliases: Sequence[str] = ()) -> Callable[[Any], Any]:
    """``--format`` (one of ``formats``; the first is the default) and ``-o/--output``.

    Without ``--format`` the format follows the output file's extension (``.html``,
    ``.json``, ``.md``, ``.xml``, ``.txt``); the command receives the chosen format in
    ``output_format``. ``aliases`` are older names of ``--format`` (``convert --to``).
    """

    def decorate(command: Any) -> Any:
        @functools.wraps(command)
        def resolved(*args: Any, **kwargs: Any) -> Any:
            from amendtool.renderers.registry import pick_format

            try:
                kwargs["output_format"] = pick_format(
                    formats, kwargs["output_format"], kwargs.get("output")
                )
            except ValueError as problem:
                raise click.BadParameter(str(problem), param_hint="-o/--output") from None
            return command(*args, **kwargs)

        resolved = click.option(
            "-o",
            "--output",
            metavar="FILE",
            help="Write to FILE (atomically) instead of standard output.",
        )(resolved)
        return click.option(
            "--format",
            *aliases,
            "output_format",
            type=click.Choice(formats),
            default=None,
            help=f"Output format [default: from the -o extension, else {formats[0]}].",
        )(resolved)

    return decorate


def _all_cores(ctx: click.Context, param: click.Parameter, jobs: int | None) -> int:
    from amendtool.parallel import available_cores

    return jobs or available_cores()


def comparison_options(command: Any) -> Any:
    """``--ignore-case``, ``--ignore-punctuation``, ``--section`` and ``--jobs``, as diff
    has them."""
    command = click.option(
        "--jobs",
        type=click.IntRange(min=1),
        callback=_all_cores,
        metavar="N",
        help=(
            "Processes to use when the inputs add up to 256 KB or more (default: one per "
            "core, within a container's CPU quota)."
        ),
    )(command)
    command = click.option(
        "--section", type=click.Choice(SECTIONS), help="Compare only this section."
    )(command)
    command = click.option(
        "--ignore-punctuation", is_flag=True, help="Punctuation is not a difference."
    )(command)
    return click.option(
        "--ignore-case", is_flag=True, help="Upper/lower case is not a difference."
    )(command)


def use_color(choice: bool | None, output: str | None) -> bool:
    """Colour when asked, else on a terminal unless NO_COLOR is set or output goes to a file."""
    if choice is not None:
        return choice
    if output not in (None, "-") or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def hoist_debug(args: list[str]) -> list[str]:
    """``--debug`` moved before the command name, wherever it was given (up to ``--``)."""
    end = args.index("--") if "--" in args else len(args)
    if "--debug" not in args[:end]:
        return args
    rest = [arg for arg in args[:end] if arg != "--debug"]
    return ["--debug", *rest, *args[end:]]


class Group(click.Group):
    """The amendtool command group: ``--debug`` anywhere, whole descriptions, exit codes."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, hoist_debug(args))

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        if not cmd.epilog:
            cmd.epilog = EXIT_STATUS_DONE
        super().add_command(cmd, name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            first = (command.short_help or command.help or "").strip().split("\n\n")[0]
            rows.append((name, " ".join(first.split())))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)
