"""`res191 new KIND`: a new record from options, or by asking at a terminal; written, then validated."""

from __future__ import annotations

import inspect
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from res191.cli.common import EXIT_CODES_HELP, EXIT_PROBLEMS, ROOT_OPTION, fail, repository_root

if TYPE_CHECKING:
    from res191.editing.questions import Question
    from res191.loading.record import LoadedRecords

app = typer.Typer(
    help="Create a record: from options, or by answering questions at a terminal.\n\n" + EXIT_CODES_HELP,
    no_args_is_help=True,
    rich_markup_mode=None,
)


def _create(kind_name: str, answers: dict[str, Any], record_id: str | None, root: Path | None) -> None:
    from res191.editing import new
    from res191.editing.questions import QUESTIONS
    from res191.models import KINDS
    from res191.validation import validate

    kind = KINDS[kind_name]
    base = repository_root(root)
    # The records as they are, errors or not: they give the choices (bodies, themes, sessions).
    loaded = validate(base, Path.cwd(), keep_records=True).loaded
    assert loaded is not None
    asking = sys.stdin.isatty() and sys.stdout.isatty()
    try:
        questions = QUESTIONS[kind_name]
        values = {
            q.key: new.convert(q, answers[q.key]) for q in questions if answers.get(q.key) not in (None, [])
        }
        if not asking:
            missing = new.missing(kind_name, values)
            if missing:
                names = ", ".join(q.option for q in missing)
                raise fail(f"a new {kind_name} needs {names} (or run this at a terminal to be asked)")
        else:
            for question in new.to_ask(kind_name, values):
                answer = _ask(question, loaded)
                if answer is not None:
                    values[question.key] = answer
        new.check_choices(kind_name, values, loaded)
        record = new.record_values(kind_name, values)
        identifier = record_id or new.record_id(kind_name, values)
        new.check_id(identifier)
        record = {"id": identifier, **record}
        new.validate_values(kind, record)
        path = new.new_record_path(base, kind, identifier)
        text = new.record_text(kind, record, path, base)
    except new.NewRecordProblem as problem:
        raise fail(str(problem)) from None
    if path.exists():
        raise fail(f"{path} already exists; change --id, or edit that file")
    held = loaded.find(kind_name, identifier)
    if held is not None:  # the same id in a file of another ending (.yml): two records of one id
        raise fail(
            f"a {kind_name} '{identifier}' exists already, in {held.shown}; change --id, or edit that file"
        )
    # Tried with the other records before it is written, as an import is: a record that would not
    # validate (a position of another year than its meeting's) is not written.
    from res191.editing.trial import errors_after

    mine = path.relative_to(base).as_posix()
    refused = [d for d in errors_after(base, {path: text}) if d.location.path == mine]
    if refused:
        from res191.formats.problems import DiagnosticFormat, reporter
        from res191.validation import ValidationResult

        reporter(DiagnosticFormat.TEXT)(ValidationResult(refused, 1), sys.stderr)
        raise fail(f"{mine} was not written: the record would not validate (above)", EXIT_PROBLEMS)
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_new(path, text)
    checked = validate(base, Path.cwd(), [path])
    if checked.diagnostics:
        from res191.formats.problems import DiagnosticFormat, reporter

        reporter(DiagnosticFormat.TEXT)(checked, sys.stderr)
    typer.echo(os.path.relpath(path))


def _ask(question: Question, loaded: LoadedRecords) -> Any:
    """Ask one question at the terminal until the answer is one the record can take.

    A required question must be answered; an optional one is skipped with Enter. Where the records
    give the choices (bodies, themes, sessions), they are shown, and a mistyped one gets the closest.
    """
    from res191.checks.suggest import Suggester
    from res191.editing import new

    choices = question.choices(loaded) if question.choices else None
    shown = f" ({', '.join(choices)})" if choices and len(choices) <= 15 else ""
    more = f" (one of {len(choices)}; ? lists them)" if choices and len(choices) > 15 else ""
    skip = "" if question.required else " [Enter to skip]"
    while True:
        answer = typer.prompt(f"{question.prompt}{shown}{more}{skip}", default="", show_default=False)
        if not str(answer).strip():
            if not question.required:
                return None
            typer.echo("  an answer is needed here", err=True)
            continue
        if choices and answer.strip() == "?":
            typer.echo("  " + ", ".join(choices), err=True)
            continue
        try:
            value = new.convert(question, answer)
        except new.WrongAnswer as problem:
            typer.echo(f"  please give {problem.expected}", err=True)
            continue
        wrong = [v for v in (value if question.many else [value]) if choices and v not in choices]
        if choices and wrong:
            close = Suggester(choices).closest(str(wrong[0]))
            typer.echo(
                f"  {wrong[0]!r} is not one of those" + (f"; did you mean {close!r}?" if close else ""),
                err=True,
            )
            continue
        return value


def _write_new(path: Path, text: str) -> None:
    """Write a file that must not exist yet, whole or not at all."""
    import tempfile

    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".res191-tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)
        os.link(temporary, path)  # fails if a file of that name appeared meanwhile: nothing is overwritten
    except FileExistsError:
        raise fail(f"{path} already exists; change --id, or edit that file") from None
    except OSError as error:
        raise fail(f"cannot write {path}: {error.strerror or error}") from None
    finally:
        Path(temporary).unlink(missing_ok=True)


def _command(kind_name: str) -> Callable[..., None]:
    from res191.editing.questions import QUESTIONS

    def create(**options: Any) -> None:
        root = options.pop("root")
        record_id = options.pop("id")
        _create(kind_name, options, record_id, root)

    parameters = [
        inspect.Parameter(
            "id",
            inspect.Parameter.KEYWORD_ONLY,
            default=typer.Option(None, "--id", help="The id (default: made from the answers)."),
            annotation=str | None,
        ),
    ]
    for question in QUESTIONS[kind_name]:
        annotation: Any = list[str] | None if question.many else str | None
        text = (
            question.prompt
            + (" (required)" if question.required else "")
            + (". Repeat, or separate with commas." if question.many else "")
        )
        parameters.append(
            inspect.Parameter(
                question.key,
                inspect.Parameter.KEYWORD_ONLY,
                default=typer.Option(None, question.option, help=text),
                annotation=annotation,
            )
        )
    parameters.append(
        inspect.Parameter("root", inspect.Parameter.KEYWORD_ONLY, default=ROOT_OPTION, annotation=Path | None)
    )
    create.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    create.__doc__ = f"Create {'an' if kind_name[0] in 'aeiou' else 'a'} {kind_name} record."
    return create


def _register() -> None:
    from res191.editing.questions import QUESTIONS
    from res191.models.kinds import KINDS

    for kind in QUESTIONS:  # every kind `new` can ask for, by its name, and by its folder's name too
        app.command(kind)(_command(kind))
        app.command(KINDS[kind].folder, hidden=True)(_command(kind))


_register()
