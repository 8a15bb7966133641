"""Command-line interface: options -> library call -> exit status.

Exit status follows diff(1): 0 no differences (or valid), 1 differences (or invalid),
2 trouble. Heavy modules are imported inside the commands to keep start-up fast.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

import click

from amendtool import __version__
from amendtool.apply_command import apply_command
from amendtool.cli_options import (
    EXIT_DIFFERENT,
    EXIT_SAME,
    EXIT_STATUS_DIFF,
    EXIT_STATUS_VALID,
    EXIT_TROUBLE,
    Group,
    comparison_options,
    report_options,
    use_color,
    warn,
)
from amendtool.errors import AmendtoolError
from amendtool.outputs import BrokenPipe
from amendtool.renderers.registry import formats
from amendtool.safe_chars import visible

__all__ = ["EXIT_DIFFERENT", "EXIT_SAME", "EXIT_TROUBLE", "cli", "main", "report_options"]
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143  # 128 + SIGINT, 128 + SIGTERM, as shells report


def _write(
    subject: Any,
    output_format: str,
    output: str | None,
    *,
    product: str | None = None,
    inputs: Sequence[str] = (),
    **options: Any,
) -> None:
    """Render ``subject`` and write it to ``output`` (standard output when None); writing
    onto one of ``inputs`` is refused."""
    from amendtool.outputs import write_output_from
    from amendtool.renderers.registry import RenderOptions, streamed

    produce = streamed(subject, output_format, product=product, options=RenderOptions(**options))
    write_output_from(produce, output, inputs)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="amendtool")
@click.option("--debug", is_flag=True, help="Show tracebacks on errors (before or after COMMAND).")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Show how a European Parliament resolution changed between drafts."""
    ctx.obj = {"debug": debug}


@cli.command()
@click.argument("source", metavar="IN")
@report_options(formats("document"), aliases=["--to"])
@click.option(
    "--report-dropped",
    is_flag=True,
    help="List on stderr every input line that is not part of the document, "
    "and the lines metadata was read from.",
)
def convert(source: str, output: str | None, output_format: str, report_dropped: bool) -> None:
    """Read IN (text, HTML, DOCX, PDF or AKN; - for stdin) and write it as AKN, JSON or text."""
    from amendtool.inputs import read_resolution

    resolution = read_resolution(source)
    for warning in resolution.warnings:
        warn(f"{'<stdin>' if source == '-' else source}: {warning}")
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
    _write(resolution, output_format, output, product="document", inputs=[source])


@cli.command(epilog=EXIT_STATUS_VALID)
@click.argument("path", metavar="FILE.xml")
@click.option("--no-profile", is_flag=True, help="Check only the official XSD and references.")
@report_options(formats("validation"))
@click.pass_context
def validate(
    ctx: click.Context, path: str, no_profile: bool, output_format: str, output: str | None
) -> None:
    """Check FILE.xml against the official AKN 3.0 XSD and amendtool's EP profile."""
    from amendtool.akn.validation import validate_tree
    from amendtool.akn.xmlsafe import parse_xml
    from amendtool.inputs import read_bytes
    from amendtool.renderers.validation_report import Verdict

    problems = validate_tree(parse_xml(read_bytes(path), path), profile=not no_profile)
    verdict = Verdict(path, tuple(problems))
    _write(verdict, output_format, output)
    ctx.exit(EXIT_SAME if verdict.valid else EXIT_DIFFERENT)


@cli.command(epilog=EXIT_STATUS_DIFF)
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@report_options(formats("diff"))
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help="Also show unchanged clauses (text, Markdown, HTML; JSON always lists every clause).",
)
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the text report (default: on a terminal, unless NO_COLOR is set).",
)
@comparison_options
@click.pass_context
def diff(
    ctx: click.Context,
    /,
    old: str,
    new: str,
    output_format: str,
    output: str | None,
    show_all: bool,
    color: bool | None,
    **comparison: Any,
) -> None:
    """Compare two drafts (text, HTML, DOCX, PDF or AKN) clause by clause."""
    from amendtool.diffing import compare

    report = compare(old, new, **comparison)
    for warning in report.warnings:
        warn(warning)
    color_on = use_color(color, output)
    _write(report, output_format, output, inputs=[old, new], show_all=show_all, color=color_on)
    ctx.exit(EXIT_DIFFERENT if report.differs else EXIT_SAME)


@cli.command(epilog=EXIT_STATUS_DIFF)
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@report_options(formats("amendments"))
@comparison_options
@click.option("--author", default="", help="Author line of each amendment (docx, json).")
@click.option(
    "--justification-file",
    metavar="FILE",
    help='Justifications (docx, json): blocks starting with a line "Amendment N".',
)
@click.pass_context
def amendments(
    ctx: click.Context,
    /,
    old: str,
    new: str,
    output_format: str,
    output: str | None,
    author: str,
    justification_file: str | None,
    **comparison: Any,
) -> None:
    """Write the changes from OLD to NEW as EP amendments to OLD.

    "Amendment 1", its target in OLD ("Recital C", "Paragraph 4 a (new)"), a two-column
    table with the changed words in bold italics.
    """
    from amendtool.amendments.justifications import check_numbers, read_justifications
    from amendtool.diffing import compare

    if output_format == "docx" and output in (None, "-") and sys.stdout.isatty():
        raise click.UsageError("DOCX is binary: write it to a file with -o FILE")
    notes = read_justifications(justification_file) if justification_file else ()
    report = compare(old, new, **comparison)
    for warning in report.warnings:
        warn(warning)
    check_numbers(notes, report, justification_file or "")
    _write(
        report,
        output_format,
        output,
        product="amendments",
        inputs=[old, new],
        author=" ".join(author.split()),
        justifications=notes,
    )
    ctx.exit(EXIT_DIFFERENT if report.differs else EXIT_SAME)


@cli.command()
@click.argument("joint", metavar="JOINT")
@click.argument("sources", metavar="SOURCE...", nargs=-1, required=True)
@click.option(
    "--label",
    "labels",
    multiple=True,
    metavar="NAME=FILE",
    help="Name a source (default: its tabling group); FILE as given or any path to it.",
)
@report_options(formats("provenance"))
@comparison_options
def provenance(
    joint: str,
    sources: tuple[str, ...],
    labels: tuple[str, ...],
    output_format: str,
    output: str | None,
    **comparison: Any,
) -> None:
    """Trace each clause of JOINT to the SOURCE motions it was built from."""
    from amendtool.diffing import load_drafts
    from amendtool.diffing.provenance import label_indices, labelled_sources, parse_labels, trace
    from amendtool.selection import comparison_settings

    try:
        named = label_indices(sources, parse_labels(labels))
    except ValueError as problem:
        raise click.BadParameter(str(problem), param_hint="--label") from None
    jobs = comparison.pop("jobs")
    options, section = comparison_settings(**comparison)
    loaded = load_drafts([joint, *sources], jobs, keyed=options)
    joint_read, *sources_read = (resolution for resolution, _ in loaded)
    chosen = labelled_sources(sources, sources_read, named)
    report = trace(joint_read, chosen, joint, options, section, jobs)
    for warning in report.warnings:
        warn(warning)
    _write(report, output_format, output, inputs=[joint, *sources])


@cli.command()
@click.argument("versions", metavar="V1 V2 [V3...]", nargs=-1, required=True)
@report_options(formats("history"))
@click.option(
    "--words", is_flag=True, help="Show the changed words of every step (text, Markdown)."
)
@comparison_options
def history(
    versions: tuple[str, ...],
    output_format: str,
    output: str | None,
    words: bool,
    **comparison: Any,
) -> None:
    """Follow every clause through a chain of versions (motion -> joint -> adopted)."""
    from amendtool import history as follow

    if len(versions) < 2:
        raise click.UsageError("history needs at least two versions")
    chain = follow(list(versions), **comparison)
    for warning in dict.fromkeys(w for report in chain.reports for w in report.warnings):
        warn(warning)
    _write(chain, output_format, output, inputs=versions, words=words)


from amendtool.batch.command import batch_command  # noqa: E402  (light: imports click only)
from amendtool.web.command import serve  # noqa: E402  (light: imports click only)

cli.add_command(batch_command)
cli.add_command(serve)
cli.add_command(apply_command)


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


# click 8.2 and later raise it for a command given without arguments (8.1 shows the help)
_NO_ARGUMENTS: type[click.ClickException] | tuple[()] = getattr(
    click.exceptions, "NoArgsIsHelpError", ()
)


def _one_line(problem: click.ClickException) -> str:
    """A usage error as one line, like every other error: what is wrong, where to look."""
    message = " ".join(problem.format_message().splitlines())
    context = getattr(problem, "ctx", None)
    if context is None:
        return f"amendtool: error: {message}"
    where = context.command_path
    return f"{where}: error: {message} (see '{where} --help')"


def _run(entry: Callable[..., Any]) -> int:
    debug = "--debug" in sys.argv[1:]
    try:
        status = entry(standalone_mode=False)
    except click.exceptions.Exit as stop:
        return stop.exit_code
    except _NO_ARGUMENTS as bare:
        bare.show()  # the command alone: its help
        return EXIT_TROUBLE
    except click.ClickException as usage:
        click.echo(visible(_one_line(usage)), err=True)
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
    # One command per process over acyclic data (drafts, reports): reference counting
    # frees it, and the cyclic collector would only walk it again and again (a second of
    # a 4 MB diff; issue 11). A long-running command (a server, a batch) calls gc.enable().
    gc.disable()
    _leave(_run(cli))


def _leave(status: int) -> None:
    """End the process with ``status`` once everything written is out.

    A finished one-shot command leaves without the interpreter's teardown: freeing every
    object of a 4 MB comparison one by one, and the full garbage collection that Python
    runs at exit whatever ``gc.disable()`` said, cost a tenth of a second for nothing. With
    other threads still running, or output that cannot be flushed, it exits as usual.
    """
    import threading

    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        sys.exit(status)  # the usual exit reports what it can
    if threading.active_count() > 1:
        sys.exit(status)
    os._exit(status)
