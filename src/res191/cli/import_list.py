"""`res191 import-list`: a conference's list of the resolutions in force after a session, in the records."""

from __future__ import annotations

from pathlib import Path

import typer

from res191.cli.common import EXIT_PROBLEMS, ROOT_OPTION, fail, load_valid, repository_root, say


def import_list_command(
    source_list: Path = typer.Argument(
        ...,
        metavar="LIST",
        help="A text file: ITU's list of the resolutions in force after the session, one a line, as the "
        "table of contents of its final acts or report gives it.",
        exists=True,
        dir_okay=False,
    ),
    session: str = typer.Option(
        ..., "--session", help="The meeting record of the session (wtdc-2022).", metavar="ID"
    ),
    source: str = typer.Option(
        ..., "--source", help="Where the list is published: its address or document number."
    ),
    partial: bool = typer.Option(
        False,
        "--partial",
        help="The list is an excerpt: resolutions it leaves out are not taken as suppressed.",
    ),
    replace_recorded: bool = typer.Option(
        False,
        "--replace-recorded",
        help="Where the records already say what the session did with a resolution (maintained, "
        "suppressed, of an edition) and the list says otherwise, take the list's word. Without it, such a "
        "list is refused: a line lost or misread in the copy would overturn an outcome with its own source.",
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="Say what would change; write nothing."),
    root: Path | None = ROOT_OPTION,
) -> None:
    """Account for a session of a conference with its list of the resolutions in force after it: each
    resolution listed in an edition of the session was revised there, each listed in an older edition was
    maintained, and each recorded resolution the list leaves out was suppressed (unless --partial). The
    records changed are written together, comments kept; each outcome carries the source. A line that
    cannot be read or contradicts the records, or an outcome the records already hold for the session,
    stops it (--replace-recorded to replace such outcomes); recommendations are skipped."""
    from res191.atomic import ChangedMeanwhile
    from res191.editing.list_lines import other_texts, skipped
    from res191.editing.session_list import ListProblem, apply_list, read_list

    base = repository_root(root)
    loaded = load_valid(base, "the list's import").loaded
    assert loaded is not None
    text = _read(source_list)
    try:
        listed = read_list(text, str(source_list), complete=not partial)
        done = apply_list(
            loaded,
            session,
            listed,
            source,
            dry_run,
            complete=not partial,
            shown=str(source_list),
            replace_recorded=replace_recorded,
        )
    except ListProblem as problem:
        raise fail(f"nothing was imported: {problem}", EXIT_PROBLEMS) from None
    except ChangedMeanwhile as moved:
        raise fail(
            f"nothing was imported: {moved} changed while the import ran; import again", EXIT_PROBLEMS
        ) from None
    except OSError as error:
        where = f" {error.filename}" if error.filename else ""
        raise fail(f"nothing was imported: cannot write{where}: {error.strerror or error}") from None
    others = other_texts(text)
    if others:
        say(skipped(others))
    for what, ids in (
        ("revised", done.revised),
        ("maintained", done.maintained),
        ("suppressed", done.suppressed),
    ):
        if ids:
            say(f"{what} at {session}: {', '.join(ids)}")
    for replaced in done.replaced:
        say(f"replaced what the records said of {session}: {replaced}")
    for line in done.not_recorded:
        say(f"not recorded here (res191 new resolution to add it): {line}")
    verb = "would change" if dry_run else "changed"
    for _, path, _, _ in done.changes:
        say(f"{verb} {Path(path).relative_to(base)}")
    say(f"{len(done.changes)} record file{'s' if len(done.changes) != 1 else ''} {verb}")


def _read(path: Path) -> str:
    """The list's text, its line ends made LF; a failure naming the place of a byte that is not UTF-8."""
    from res191.loading.files import place_in_text

    try:
        raw = path.read_bytes().removeprefix(b"\xef\xbb\xbf")
    except OSError as error:
        raise fail(f"cannot read {path}: {error.strerror or error}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = place_in_text(raw, error.start)
        raise fail(
            f"{path}:{line}:{column}: byte 0x{raw[error.start]:02X} is not UTF-8: the list was saved in "
            "another encoding (Latin-1 or Windows-1252); save it as UTF-8 (in most editors: Save with "
            "Encoding > UTF-8; in Word: Save as Plain Text, then Other encoding > Unicode (UTF-8)) and "
            "import it again"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
