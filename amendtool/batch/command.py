"""``amendtool batch DIR -o OUT``: the click command (attached in amendtool/cli.py)."""

from __future__ import annotations

import click

EXIT_OK, EXIT_TROUBLE, EXIT_INTERRUPTED = 0, 2, 130


@click.command("batch")
@click.argument("directory", metavar="DIR")
@click.option("-o", "--output", required=True, metavar="OUT", help="Folder for the reports.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Local worker processes (default: one per core; 1 = no pool).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Run on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786).",
)
@click.option("--force", is_flag=True, help="Recompute procedures whose inputs are unchanged.")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar (default: on a terminal), else one log line per procedure.",
)
@click.pass_context
def batch_command(
    ctx: click.Context,
    directory: str,
    output: str,
    workers: int | None,
    scheduler: str | None,
    force: bool,
    progress: bool | None,
) -> None:
    """Compare every procedure folder of DIR: reports, summary.csv/json and index.html in OUT.

    Each folder of DIR holds one procedure's group motions, joint motion and adopted text
    (roles from the documents; DIR/manifest.csv with columns procedure,file,role,group
    overrides them). Exit status: 0 every procedure compared, 2 trouble (one or more
    procedures failed, or bad options or folders), 130 interrupted (run again to resume).
    """
    import gc

    from amendtool.batch import run_batch

    gc.enable()  # cli.main turns the cyclic collector off for one-shot commands (issue 11)
    if workers is not None and scheduler:
        raise click.UsageError("choose --workers (local pool) or --scheduler (Dask), not both")
    try:
        result = run_batch(
            directory,
            output,
            workers=workers,
            scheduler=scheduler,
            force=force,
            progress=progress,
        )
    except KeyboardInterrupt:
        click.echo(
            "amendtool: interrupted; finished procedures are kept: run the same command "
            "again to resume",
            err=True,
        )
        ctx.exit(EXIT_INTERRUPTED)
    click.echo(
        f"amendtool: {result.procedures} procedures: {result.computed} computed, "
        f"{result.reused} unchanged; summary in {output}/index.html",
        err=True,
    )
    if result.failed:
        click.echo(
            f"amendtool: {result.failed} of {result.procedures} procedures failed "
            f"(see {output}/summary.csv)",
            err=True,
        )
        ctx.exit(EXIT_TROUBLE)
    ctx.exit(EXIT_OK)
