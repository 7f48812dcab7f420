"""`res191 report`: the annual report to Council, from the records, as Markdown, Word or HTML."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from res191.cli.common import (
    EXIT_PROBLEMS,
    ROOT_OPTION,
    check_output,
    fail,
    load_valid,
    output_format_for,
    output_target,
    repository_root,
    say,
    to_stdout,
)


class ReportFormat(StrEnum):
    """The formats `res191 report --format` writes."""

    MD = "md"
    DOCX = "docx"
    HTML = "html"


_ENDINGS = {
    ".md": ReportFormat.MD,
    ".markdown": ReportFormat.MD,
    ".docx": ReportFormat.DOCX,
    ".html": ReportFormat.HTML,
    ".htm": ReportFormat.HTML,
}


def report_command(
    year: int = typer.Option(
        ..., "--year", "-y", min=1865, max=2100, help="The year of the Council session the report goes to."
    ),
    output_format: ReportFormat | None = typer.Option(
        None,
        "--format",
        "-f",
        help="md (CommonMark), docx (Word) or html. Default: from the --output file's ending, else md.",
    ),
    output: str | None = typer.Option(
        None,
        "--output",
        "-o",
        help="The file to write, or - for standard output. Default: named after the document number, "
        "in the current folder (in the repository's root when the current folder is inside data/).",
    ),
    template_dir: Path | None = typer.Option(
        None,
        "--template-dir",
        help="Your copy of the templates (see `res191 templates`).",
        exists=True,
        file_okay=False,
    ),
    reference_docx: Path | None = typer.Option(
        None,
        "--reference-docx",
        help="A .docx whose styles and page setup the Word report takes.",
        exists=True,
        dir_okay=False,
    ),
    final: bool = typer.Option(
        False,
        "--final",
        help="Refuse (exit 1) while the cover lacks its document number, date, agenda item or title, "
        "instead of showing a placeholder for it.",
    ),
    language: str | None = typer.Option(
        None,
        "--lang",
        "-l",
        help="The language of the report: ar, zh, en, fr, ru or es (ITU's six), or all for the six. The file "
        "name then carries ITU's letter for it (C24-35-F.docx). Default: English, named without a letter.",
    ),
    root: Path | None = ROOT_OPTION,
) -> None:
    """Write the report on the implementation of Resolution 191 for a year's Council session.

    The report is made only from data that validates: fix what `res191 validate` reports first. An annex
    asked for that would be empty is left out, with a warning.
    """
    from res191.atomic import ChangedMeanwhile, Planned, replace_all, write_bytes
    from res191.rendering.templates import TemplateProblem
    from res191.report.from_records import ReportError
    from res191.report.render import render_report

    languages = _languages(language)
    if len(languages) > 1 and output == "-":
        raise fail("--lang all writes six files: give --output a folder, or leave it out")
    output_format = output_format_for(
        None if len(languages) > 1 else output, output_format, _ENDINGS, ReportFormat.MD
    )
    if reference_docx is not None:
        _check_reference(reference_docx, output_format)
    base = repository_root(root)
    if output not in (None, "-"):  # refused before the work, not after it
        check_output(Path(str(output)), base, _instead(base, str(output), len(languages) > 1))
    checked = load_valid(base, "the report")
    assert checked.loaded is not None
    made = []
    for code in languages:
        try:
            made.append(
                render_report(
                    checked.loaded, year, output_format.value, template_dir, reference_docx, final, code
                )
            )
        except ReportError as error:
            raise fail(str(error), EXIT_PROBLEMS) from None
        except TemplateProblem as error:
            raise fail(f"template error: {error}") from None

    for left_out in made[0].left_out:
        say(f"warning: {left_out}")
    for code, rendered in zip(languages, made, strict=True):
        _warn_english(code, rendered.english)
    if output == "-":
        to_stdout(lambda: sys.stdout.buffer.write(made[0].content))
        return
    targets = [_target(base, output, r.name, len(made) > 1) for r in made]
    try:
        if len(made) == 1:
            write_bytes(targets[0], made[0].content)
        else:  # the six written together: all of them, or none
            replace_all([Planned(t, _current(t), r.content) for t, r in zip(targets, made, strict=True)])
    except (OSError, ChangedMeanwhile) as error:
        raise fail(
            f"cannot write {_which(targets, error)}: {getattr(error, 'strerror', None) or error}"
        ) from None
    for target in targets:
        say(f"wrote {target}")


def _languages(language: str | None) -> list[str | None]:
    """The languages asked for: None for the English report named as ever, or ITU's codes."""
    from res191.models.translations import LANGUAGES
    from res191.report.languages import check_language

    if language is None:
        return [None]
    if language == "all":
        return list(LANGUAGES)
    try:
        return [check_language(language)]
    except ValueError as error:
        raise fail(f"--lang: {error}; or all for the six") from None


def _warn_english(code: str | None, english: list[Any]) -> None:
    """One warning listing the record texts a report shows in English, for want of a translation."""
    if not english:
        return
    from res191.models.translations import LANGUAGES

    name = LANGUAGES[code or "en"][0]
    texts = "; ".join(str(text) for text in english)
    count = f"{len(english)} record {'texts are' if len(english) > 1 else 'text is'}"
    say(
        f"warning: {count} in English in the {name} report, marked, for want of a translation into {name} "
        f"(add it under translations: {code}): {texts}"
    )


def _which(targets: list[Path], error: Exception) -> Path:
    """The report a failed write was for (an error names the temporary file written beside it)."""
    failed = Path(str(getattr(error, "filename", None) or targets[0])).name
    return next((t for t in targets if failed == t.name or failed.startswith(f".{t.name}.")), targets[0])


def _current(path: Path) -> bytes | None:
    """What a file holds now (None if there is none): a report replaces it."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _target(base: Path, output: str | None, name: str, several: bool) -> Path:
    """Where a report goes: --output, or its name in --output's folder (--lang all), or the default place."""
    if output and several:
        folder = Path(output)
        if not folder.is_dir():
            raise fail(f"--lang all writes six files: --output {output} must be a folder that exists")
        target = folder / name
    else:
        target = Path(output) if output else output_target(base, name)
    check_output(target, base, _instead(base, str(target), False))
    return target


def _instead(base: Path, output: str, several: bool) -> str:
    """Where to write a report refused a place among the records: the repository's folder."""
    name = Path(output).name
    # A folder named as the output (`-o data`) is no file name to suggest: the repository's folder is.
    if several or not name or Path(output).is_dir() or name == "data":
        return f"{base}{os.sep}"
    return str(base / name)


def _check_reference(path: Path, output_format: ReportFormat) -> None:
    """Refuse, before any work, a reference document for another format or that python-docx cannot open."""
    from docx import Document

    if output_format is not ReportFormat.DOCX:
        raise fail("--reference-docx applies to --format docx only")
    try:
        Document(str(path))
    except Exception as error:  # python-docx refuses a non-.docx file in many ways (zip, XML, parts)
        raise fail(f"--reference-docx {path} cannot be read as a Word document ({error})") from None
