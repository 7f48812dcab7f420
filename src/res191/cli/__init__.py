"""The res191 command line. Each command lives in its own module, imported only when it runs."""

from __future__ import annotations

import contextlib
import gc
import importlib
import inspect
import os
import signal
import sys
from typing import Any, NoReturn

import typer

from res191 import __version__
from res191.cli.common import EXIT_CODES_HELP, EXIT_INTERNAL, EXIT_USAGE
from res191.memory import for_one_command
from res191.streams import make_safe

HELP = "Records of ITU inter-Sector coordination (PP Resolution 191), checked and reported."

# Each command's function (or group of commands), by the name users type, in the order `--help` lists
# them. A run imports the module of its own command only: `validate` runs on every commit, and the
# modules of the other commands (and what they import) would cost it a fifth of its start.
COMMANDS: dict[str, str] = {
    "init": "res191.cli.init:init_command",
    "validate": "res191.cli.validate:validate_command",
    "fmt": "res191.cli.fmt:fmt_command",
    "new": "res191.cli.new:app",
    "list": "res191.cli.browse:list_command",
    "show": "res191.cli.browse:show_command",
    "matrix": "res191.cli.browse:matrix_command",
    "export": "res191.cli.exchange:export_command",
    "import": "res191.cli.exchange:import_command",
    "import-list": "res191.cli.import_list:import_list_command",
    "overlaps": "res191.cli.overlaps:overlaps_command",
    "report": "res191.cli.report:report_command",
    "site": "res191.cli.site:site_command",
    "templates": "res191.cli.templates:templates_command",
    "schema": "res191.cli.schema:schema_command",
}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"res191 {__version__}")
        raise typer.Exit()


def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version."
    ),
) -> None:
    """Records of ITU inter-Sector coordination (PP Resolution 191), checked and reported."""


def build_app(only: str | None = None) -> typer.Typer:
    """The command line with every command, or with the one named `only` (the one about to run)."""
    built = typer.Typer(
        name="res191",
        help=f"{HELP}\n\n{EXIT_CODES_HELP}",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    built.callback()(_root)
    for name, target in COMMANDS.items():
        if only is not None and name != only:
            continue
        module, _, attribute = target.partition(":")
        command = getattr(importlib.import_module(module), attribute)
        if isinstance(command, typer.Typer):
            built.add_typer(command, name=name)
        else:
            # Every command's help ends with the exit codes; the docstring is dedented first, so that
            # its continuation lines do not keep their indentation in the help.
            described = f"{inspect.cleandoc(command.__doc__ or '')}\n\n{EXIT_CODES_HELP}"
            built.command(name, help=described)(command)
    return built


def __getattr__(name: str) -> Any:
    # `res191.cli.app`, with every command, for the tests and for tools that call the app in-process.
    if name == "app":
        globals()["app"] = built = build_app()
        return built
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> NoReturn:
    """Entry point of the `res191` console script: run the command, then end the process at once."""
    # A run builds many small objects and keeps most of them to the end: the cyclic collector, at its
    # default pace, spends a tenth of a large run finding nothing to free (mypy tunes it the same way).
    gc.set_threshold(200_000, 30, 30)
    for_one_command()
    make_safe()
    # Stopped by a signal (CI cancelling a job, a service manager): unwind as on Ctrl-C, so that a
    # half-made site or file is removed, not left beside the records.
    signal.signal(signal.SIGTERM, _stopped)
    code = run(sys.argv[1:])
    # Ended at once, its output written, as mypy does: the interpreter would otherwise free every
    # object the command built, one by one (a tenth of a run from the cache at 10,000 records), only
    # for the system to take the memory back anyway.
    if _watched():  # a profiler or a coverage tracer writes what it found as the interpreter ends
        sys.exit(code)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        pass  # a reader that stopped early: not an error
    except (OSError, ValueError) as error:  # the output did not all get out (a full disk)
        code = _cannot_write(error)
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    os._exit(code)


def _stopped(number: int, frame: object) -> NoReturn:
    raise KeyboardInterrupt


def _cannot_write(error: BaseException) -> int:
    """Say in one line what could not be written, and give the exit code of an I/O error."""
    reason = getattr(error, "strerror", None) or str(error)
    where = getattr(error, "filename", None)
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"res191: cannot write{f' {where}' if where else ' the output'}: {reason}\n")
    return EXIT_USAGE


def _watched() -> bool:
    """Whether a profiler or tracer (cProfile, coverage) is watching this process."""
    monitoring = getattr(sys, "monitoring", None)  # Python 3.12 on: how cProfile and coverage watch
    tools = monitoring is not None and any(monitoring.get_tool(tool) for tool in range(6))
    return sys.getprofile() is not None or sys.gettrace() is not None or tools


def run(arguments: list[str]) -> int:
    """Run a command line in this process and give its exit code; a fault in res191 is told in a few
    words, not as a traceback (unless RES191_DEBUG is set)."""
    # The command about to run, when it comes first; anything else (help, a misspelt command, shell
    # completion) gets every command.
    only = arguments[0] if arguments and arguments[0] in COMMANDS else None
    try:
        build_app(only)(arguments)
    except SystemExit as done:
        if done.code is None or isinstance(done.code, int):
            return done.code or 0
        sys.stderr.write(f"{done.code}\n")  # sys.exit("message"): the message, and failure
        return 1
    except BrokenPipeError:
        return 0  # the reader stopped early (a command that writes without cli.common.to_stdout)
    except OSError as error:
        # What the system refused (a full disk, a folder that cannot be written, a closed stdout):
        # not a fault in res191, and said in one line.
        if os.environ.get("RES191_DEBUG"):
            raise
        return _cannot_write(error)
    except Exception as error:
        if os.environ.get("RES191_DEBUG"):
            raise
        sys.stderr.write(
            f"res191: internal error: {type(error).__name__}: {error}\n"
            "This is a fault in res191, not in your data. Please report it with the command you ran;\n"
            "run it again with RES191_DEBUG=1 to see the details.\n"
        )
        return EXIT_INTERNAL
    return 0
