"""``amendtool apply BASE AMENDMENTS``: the consolidated text (attached in cli.py)."""

from __future__ import annotations

import os
import sys

import click

APPLY_FORMATS = ["text", "akn", "json", "docx"]


@click.command("apply")
@click.argument("base", metavar="BASE")
@click.argument("amendment_list", metavar="AMENDMENTS")
@click.option(
    "--only",
    metavar="1,3,5-7",
    help="Apply these amendments alone (the adopted ones); the rest are rejected.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(APPLY_FORMATS),
    default=None,
    help="Output format (default: from the -o extension, else text).",
)
@click.option(
    "-o", "--output", metavar="FILE", help="Write to FILE (atomically) instead of standard output."
)
def apply_command(
    base: str, amendment_list: str, only: str | None, output_format: str | None, output: str | None
) -> None:
    """Apply the amendment list AMENDMENTS to BASE and write the consolidated text.

    AMENDMENTS is an amendment list amendtool wrote (AKN or JSON from 'amendments' or
    'diff --format akn', or its Word list) or a Word document with EP amendment tables.
    New clauses go where their targets say, deleted ones go, and the text is renumbered
    and relettered. A stale amendment (its wording is not in BASE) or two chosen
    amendments to the same clause stop with exit status 2.
    """
    from amendtool.amendments.apply import apply_amendments, parse_only
    from amendtool.amendments.read_list import read_amendment_list
    from amendtool.inputs import read_bytes, read_resolution
    from amendtool.outputs import write_output
    from amendtool.renderers.registry import EXTENSION_FORMATS, as_bytes, render

    if base == "-" and amendment_list == "-":
        raise click.UsageError("BASE and AMENDMENTS cannot both be standard input")
    try:
        chosen = parse_only(only) if only is not None else None
    except ValueError as problem:
        raise click.BadParameter(str(problem), param_hint="--only") from None
    if output_format is None:
        implied = EXTENSION_FORMATS.get(os.path.splitext(output or "")[1].lower(), "text")
        output_format = implied if implied in APPLY_FORMATS else "text"
    if output_format == "docx" and output in (None, "-") and sys.stdout.isatty():
        raise click.UsageError("DOCX is binary: write it to a file with -o FILE")
    resolution = read_resolution(base)
    for warning in resolution.warnings:
        click.echo(f"amendtool: warning: {base}: {warning}", err=True)
    source = "<stdin>" if amendment_list == "-" else amendment_list
    listing = read_amendment_list(read_bytes(amendment_list), source)
    consolidated = apply_amendments(resolution, listing, chosen)
    write_output(as_bytes(render(consolidated, output_format, product="document")), output)
