"""``amendtool serve``: the local web page. Attached to the CLI group in cli.py."""

from __future__ import annotations

import click


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Anything but loopback exposes the page to the network.",
)
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on (0: any free port).",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the web browser.")
def serve(host: str, port: int, open_browser: bool) -> None:
    """Compare drafts in the browser, on this computer (Ctrl+C stops the server).

    The page and its API run locally: no file is stored and nothing leaves the machine.
    """
    import gc

    gc.enable()  # cli.main turns the cyclic collector off for one-shot commands (issue 11)
    from amendtool.web.guard import WILDCARDS, is_loopback
    from amendtool.web.server import serve as run_server

    if not is_loopback(host):
        where = "every network interface" if host in WILDCARDS else host
        click.echo(
            f"amendtool: warning: listening on {where}: other computers that can reach this "
            "one can use the page and see the drafts compared with it",
            err=True,
        )

    def ready(address: str) -> None:
        click.echo(f"amendtool: serving {address} (Ctrl+C to stop)", err=True)
        if open_browser:
            import webbrowser

            webbrowser.open(address)

    try:
        run_server(host, port, on_ready=ready)
    except OSError as problem:
        raise click.ClickException(f"cannot listen on {host}:{port} ({problem.strerror})") from None
