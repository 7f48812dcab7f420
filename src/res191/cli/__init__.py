"""The res191 command line. Each command lives in its own module and imports its work lazily."""

from __future__ import annotations

import os
import sys

import typer

from res191 import __version__
from res191.cli import browse, exchange, fmt, init, new, overlaps, report, schema, site, templates, validate
from res191.cli.common import EXIT_CODES_HELP, EXIT_INTERNAL

app = typer.Typer(
    name="res191",
    help="Records of ITU inter-Sector coordination (PP Resolution 191), checked and reported.\n\n"
    + EXIT_CODES_HELP,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.command("init")(init.init_command)
app.command("validate")(validate.validate_command)
app.command("fmt")(fmt.fmt_command)
app.add_typer(new.app, name="new")
app.command("list")(browse.list_command)
app.command("show")(browse.show_command)
app.command("matrix")(browse.matrix_command)
app.command("export")(exchange.export_command)
app.command("import")(exchange.import_command)
app.command("overlaps")(overlaps.overlaps_command)
app.command("report")(report.report_command)
app.command("site")(site.site_command)
app.command("templates")(templates.templates_command)
app.command("schema")(schema.schema_command)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"res191 {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version."
    ),
) -> None:
    """Records of ITU inter-Sector coordination (PP Resolution 191), checked and reported."""


def main() -> None:
    """Entry point of the `res191` console script."""
    try:
        app()
    except Exception as error:
        if os.environ.get("RES191_DEBUG"):
            raise
        sys.stderr.write(
            f"res191: internal error: {type(error).__name__}: {error}\n"
            "This is a fault in res191, not in your data. Please report it with the command you ran;\n"
            "run it again with RES191_DEBUG=1 to see the details.\n"
        )
        sys.exit(EXIT_INTERNAL)
