"""Command-line interface: options -> library call -> exit status.

Exit status follows diff(1): 0 no differences (or valid), 1 differences (or invalid),
2 trouble. Heavy modules are imported inside the commands to keep start-up fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

import click

from amendtool import __version__
from amendtool.errors import AmendtoolError
from amendtool.outputs import BrokenPipe
from amendtool.renderers.registry import formats
from amendtool.safe_chars import visible

EXIT_SAME, EXIT_DIFFERENT, EXIT_TROUBLE = 0, 1, 2
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143  # 128 + SIGINT, 128 + SIGTERM, as shells report


def report_options(formats: list[str]) -> Callable[[Any], Any]:
    """``--format`` (the first of ``formats`` by default) and ``-o/--output``."""

    def decorate(command: Any) -> Any:
        command = click.option(
            "-o",
            "--output",
            metavar="FILE",
            help="Write to FILE (atomically) instead of standard output.",
        )(command)
        return click.option(
            "--format",
            "output_format",
            type=click.Choice(formats),
            default=formats[0],
            show_default=True,
            help="Output format.",
        )(command)

    return decorate


def _warn(message: str) -> None:
    click.echo(visible(f"amendtool: warning: {message}"), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="amendtool")
@click.option("--debug", is_flag=True, help="Show tracebacks on errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Show how a European Parliament resolution changed between drafts."""
    ctx.obj = {"debug": debug}


@cli.command()
@click.argument("source", metavar="IN")
@click.option("-o", "--output", metavar="OUT", help="Write to OUT instead of standard output.")
@click.option(
    "--to",
    "target",
    type=click.Choice(["akn", "json", "text"]),
    default="akn",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--report-dropped",
    is_flag=True,
    help="List on stderr every input line that is not part of the document, "
    "and the lines metadata was read from.",
)
def convert(source: str, output: str | None, target: str, report_dropped: bool) -> None:
    """Read IN (text, HTML, DOCX or AKN; - for stdin) and write it as AKN, JSON or text."""
    from amendtool.inputs import read_resolution
    from amendtool.outputs import write_output
    from amendtool.renderers.registry import as_bytes, render

    resolution = read_resolution(source)
    for warning in resolution.warnings:
        _warn(f"{'<stdin>' if source == '-' else source}: {warning}")
    if report_dropped:
        for fate in resolution.dropped:
            click.echo(
                visible(f"dropped line {fate.line_no} ({fate.reason}): {fate.text}"), err=True
            )
        for fate in resolution.metadata_lines:
            field = fate.where.removeprefix("meta:")
            click.echo(
                visible(f"{field} from line {fate.line_no} ({fate.reason}): {fate.text}"),
                err=True,
            )
    write_output(as_bytes(render(resolution, target, product="document")), output, [source])


@cli.command()
@click.argument("path", metavar="FILE.xml")
@click.option("--no-profile", is_flag=True, help="Check only the official XSD and references.")
@click.pass_context
def validate(ctx: click.Context, path: str, no_profile: bool) -> None:
    """Check FILE.xml against the official AKN 3.0 XSD and amendtool's EP profile."""
    from amendtool.akn.validation import validate_tree
    from amendtool.akn.xmlsafe import parse_xml
    from amendtool.inputs import read_bytes

    problems = validate_tree(parse_xml(read_bytes(path), path), profile=not no_profile)
    for problem in problems:
        click.echo(visible(f"{path}:{problem}"))
    if problems:
        click.echo(visible(f"{path}: invalid ({len(problems)} problem(s))"), err=True)
        ctx.exit(EXIT_DIFFERENT)
    click.echo(visible(f"{path}: valid"), err=True)


def _use_color(choice: bool | None, output: str | None) -> bool:
    if choice is not None:
        return choice
    if output not in (None, "-") or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


@cli.command()
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@report_options(formats("diff"))
@click.option("--all", "show_all", is_flag=True, help="Also show unchanged clauses (text).")
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the text report (default: on a terminal, unless NO_COLOR is set).",
)
@click.option("--ignore-case", is_flag=True, help="Upper/lower case is not a difference.")
@click.option("--ignore-punctuation", is_flag=True, help="Punctuation is not a difference.")
@click.option(
    "--section",
    type=click.Choice(["citations", "recitals", "paragraphs"]),
    help="Compare only this section.",
)
@click.pass_context
def diff(
    ctx: click.Context,
    old: str,
    new: str,
    output_format: str,
    output: str | None,
    show_all: bool,
    color: bool | None,
    ignore_case: bool,
    ignore_punctuation: bool,
    section: str | None,
) -> None:
    """Compare two drafts (text, HTML, DOCX or AKN) clause by clause.

    Exit status: 0 same content, 1 differences, 2 trouble.
    """
    from amendtool.diffing import compare
    from amendtool.outputs import write_output
    from amendtool.renderers.registry import RenderOptions, as_bytes, render

    report = compare(
        old, new, ignore_case=ignore_case, ignore_punctuation=ignore_punctuation, section=section
    )
    for warning in report.warnings:
        _warn(warning)
    options = RenderOptions(show_all=show_all, color=_use_color(color, output))
    write_output(as_bytes(render(report, output_format, options=options)), output, [old, new])
    ctx.exit(EXIT_DIFFERENT if report.differs else EXIT_SAME)


@cli.command()
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@report_options(formats("amendments"))
@click.pass_context
def amendments(
    ctx: click.Context, old: str, new: str, output_format: str, output: str | None
) -> None:
    """Write the changes from OLD to NEW as EP amendments to OLD.

    "Amendment 1", its target in OLD ("Recital C", "Paragraph 4 a (new)"), a two-column
    table with the changed words in bold italics. Exit status as for diff.
    """
    from amendtool.diffing import compare
    from amendtool.outputs import write_output
    from amendtool.renderers.registry import as_bytes, render

    report = compare(old, new)
    for warning in report.warnings:
        _warn(warning)
    write_output(as_bytes(render(report, output_format, product="amendments")), output, [old, new])
    ctx.exit(EXIT_DIFFERENT if report.differs else EXIT_SAME)


@cli.command()
@click.argument("joint", metavar="JOINT")
@click.argument("sources", metavar="SOURCE...", nargs=-1, required=True)
@click.option(
    "--label",
    "labels",
    multiple=True,
    metavar="NAME=FILE",
    help="Name a source (default: its tabling group).",
)
@report_options(formats("provenance"))
def provenance(
    joint: str,
    sources: tuple[str, ...],
    labels: tuple[str, ...],
    output_format: str,
    output: str | None,
) -> None:
    """Trace each clause of JOINT to the SOURCE motions it was built from."""
    from amendtool.diffing.provenance import labelled_sources, parse_labels, trace
    from amendtool.inputs import read_resolution
    from amendtool.outputs import write_output
    from amendtool.renderers.registry import as_bytes, render

    try:
        chosen = parse_labels(labels)
    except ValueError as problem:
        raise click.BadParameter(str(problem), param_hint="--label") from None
    report = trace(read_resolution(joint), labelled_sources(sources, chosen), joint)
    write_output(as_bytes(render(report, output_format)), output, [joint, *sources])


@cli.command()
@click.argument("versions", metavar="V1 V2 [V3...]", nargs=-1, required=True)
@report_options(formats("history"))
def history(versions: tuple[str, ...], output_format: str, output: str | None) -> None:
    """Follow every clause through a chain of versions (motion -> joint -> adopted)."""
    from amendtool.diffing.history import follow
    from amendtool.inputs import read_resolution
    from amendtool.outputs import write_output
    from amendtool.renderers.registry import as_bytes, render

    if len(versions) < 2:
        raise click.UsageError("history needs at least two versions")
    chain = follow([read_resolution(path) for path in versions], list(versions))
    write_output(as_bytes(render(chain, output_format)), output, versions)


from amendtool.web.command import serve  # noqa: E402  (light: imports click only)

cli.add_command(serve)


class Terminated(BaseException):
    """SIGTERM, raised in the main thread so that temporary files are removed."""


def _terminate(signal_number: int, frame: Any) -> None:
    raise Terminated


def _silence_stdout() -> None:
    """After a broken pipe: no second error when Python flushes stdout at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _pipe_broke() -> bool:
    # click swallows EPIPE from its own echo() and wraps stdout: that is a failure too
    return type(sys.stdout).__name__ == "_PacifyFlushWrapper"


def _run(entry: Callable[..., Any]) -> int:
    debug = "--debug" in sys.argv[1:]
    try:
        status = entry(standalone_mode=False)
    except click.exceptions.Exit as stop:
        return stop.exit_code
    except click.ClickException as usage:
        usage.show()
        return EXIT_TROUBLE
    except (click.Abort, KeyboardInterrupt):
        click.echo("amendtool: interrupted", err=True)
        return EXIT_INTERRUPTED
    except Terminated:
        return EXIT_TERMINATED
    except (BrokenPipe, BrokenPipeError):
        _silence_stdout()  # quiet, like any tool whose reader went away; not a success
        return EXIT_TROUBLE
    except AmendtoolError as error:
        if debug:
            raise
        click.echo(visible(f"amendtool: error: {' '.join(str(error).split())}"), err=True)
        return EXIT_TROUBLE
    except SystemExit as stop:
        if _pipe_broke():
            return EXIT_TROUBLE
        raise stop
    except Exception as error:
        if debug:
            raise
        click.echo(
            visible(
                f"amendtool: internal error: {type(error).__name__}: {error} "
                "(run with --debug for the traceback)"
            ),
            err=True,
        )
        return EXIT_TROUBLE
    if _pipe_broke():
        return EXIT_TROUBLE
    return status if isinstance(status, int) else EXIT_SAME


def main() -> None:
    """Console entry point."""
    import signal

    signal.signal(signal.SIGTERM, _terminate)
    sys.exit(_run(cli))
