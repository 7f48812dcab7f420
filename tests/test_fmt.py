"""`res191 fmt` by example: each record file before, and as fmt leaves it, as an editor sees it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RunCli

MODELINE = "# yaml-language-server: $schema=../../schemas/resolution.schema.json\n"

EXAMPLES = {
    # A comment above a key is that key's: it moves with it, not with the key that happened to be above.
    "a comment stays with the key below it": (
        'number: "1"\n# adopted at every session since Busan\nconference: PP\nid: pp-1\n',
        'id: pp-1\n# adopted at every session since Busan\nconference: PP\nnumber: "1"\n',
    ),
    # A comment indented under a key is that key's, though the next key follows it.
    "a comment indented under a key stays with it": (
        'number: "1"\n  # the number ITU gives it\nid: pp-1\nconference: PP\n',
        'id: pp-1\nconference: PP\nnumber: "1"\n  # the number ITU gives it\n',
    ),
    # The keys of each item of a list are put in order, as a record's own are.
    "keys in order inside list items": (
        'id: pp-1\nconference: PP\nnumber: "1"\n'
        "editions:\n"
        "  - year: 2014\n"
        "    place: Busan\n"
        "  - revised: true\n"
        "    year: 2018\n"
        "    # where, as ITU writes it\n"
        "    place: Dubai\n",
        'id: pp-1\nconference: PP\nnumber: "1"\n'
        "editions:\n"
        "  - place: Busan\n"
        "    year: 2014\n"
        "  # where, as ITU writes it\n"
        "  - place: Dubai\n"
        "    year: 2018\n"
        "    revised: true\n",
    ),
    # A mapping written on one line ({...}) keeps its style, its keys put in order.
    "keys in order inside flow mappings": (
        'id: pp-1\nconference: PP\nnumber: "1"\n'
        "editions: [{year: 2014, place: Busan}, {revised: true, year: 2018, place: Dubai}]\n",
        'id: pp-1\nconference: PP\nnumber: "1"\n'
        "editions: [{place: Busan, year: 2014}, {place: Dubai, year: 2018, revised: true}]\n",
    ),
    # A comment after the last key closes the record: it stays at the end.
    "a closing comment stays at the end": (
        'number: "1"\nid: pp-1\nconference: PP\n# a closing note on the record\n',
        'id: pp-1\nconference: PP\nnumber: "1"\n# a closing note on the record\n',
    ),
    # An item of one key, a value on two lines moved whole, a comment closing the list.
    "list items of every size": (
        'id: pp-1\nconference: PP\nnumber: "1"\n'
        "editions:\n"
        "  - year: 2010\n"
        "  - year: 2022\n"
        "    place: Buenos\n"
        "      Aires\n"
        "  - revised: true\n"
        "    year: 2024\n"
        "  # the next edition, once adopted\n",
        'id: pp-1\nconference: PP\nnumber: "1"\n'
        "editions:\n"
        "  - year: 2010\n"
        "  - place: Buenos Aires\n"
        "    year: 2022\n"
        "  - year: 2024\n"
        "    revised: true\n"
        "  # the next edition, once adopted\n",
    ),
    # A file's header stays on top, whatever key comes first after it.
    "a header comment stays on top": (
        '# Resolution 1, as the secretariat keeps it\n\nnumber: "1"\nid: pp-1\nconference: PP\n',
        '# Resolution 1, as the secretariat keeps it\n\nid: pp-1\nconference: PP\nnumber: "1"\n',
    ),
    # A last line without its line break gets one, wherever its key goes.
    "the last line ends with a line break": (
        'number: "1"\nid: pp-1\nconference: PP',
        'id: pp-1\nconference: PP\nnumber: "1"\n',
    ),
    # Keys the schema does not know are kept, last, as written: validate says what is wrong with them.
    "unknown keys are kept, last, in their order": (
        'notes: {b: 1, a: 2}\naside: x\nid: pp-1\nconference: PP\nnumber: "1"\n'
        "editions: [{year: 2014, place: Busan}]\n",
        'id: pp-1\nconference: PP\nnumber: "1"\neditions: [{place: Busan, year: 2014}]\n'
        "notes: {b: 1, a: 2}\naside: x\n",
    ),
    # ruamel.yaml's writer drops a comment inside a list written on several lines ([a,  # c\n b]): fmt sees
    # that its output does not read back with every comment, and only puts the keys in order.
    "ruamel.yaml's slip caught: the keys only put in order": (
        'number: "1"\nid: pp-1\nconference: PP\nsectors: [ITU-R,  # the Sector that proposed it\n  ITU-T]\n',
        'id: pp-1\nconference: PP\nnumber: "1"\nsectors: [ITU-R,  # the Sector that proposed it\n  ITU-T]\n',
    ),
    # A `...` that ends the document goes (a comment on it stays): the keys moved past it had left it between
    # them, and ruamel.yaml then read two documents (fmt stopped with a fault).
    "the document's end marker taken out": (
        'number: "1"\nid: pp-1\nconference: PP\n... # end\n',
        'id: pp-1\nconference: PP\nnumber: "1"\n# end\n',
    ),
    # A tab after a value is YAML, which ruamel.yaml does not read: fmt leaves the file as it is rather
    # than stop with a fault (import says where it cannot rewrite it: Y124).
    "a tab after a value: left as written": (
        'id: pp-1\nconference: PP\t\nnumber: "1"\n',
        'id: pp-1\nconference: PP\t\nnumber: "1"\n',
    ),
}


@pytest.mark.parametrize(("before", "after"), list(EXAMPLES.values()), ids=list(EXAMPLES))
def test_fmt_before_and_after(run_cli: RunCli, tmp_path: Path, before: str, after: str) -> None:
    record = tmp_path / "data" / "resolutions" / "pp-1.yaml"
    record.parent.mkdir(parents=True)
    record.write_text(before, encoding="utf-8")
    assert run_cli(tmp_path, "fmt", "--check").exit_code == 1  # its modeline, at least, is missing
    result = run_cli(tmp_path, "fmt")
    assert result.exit_code == 0, result.output
    assert record.read_text(encoding="utf-8") == MODELINE + after
    assert run_cli(tmp_path, "fmt", "--check").exit_code == 0  # formatting it again changes nothing


@pytest.mark.parametrize(
    ("path", "key", "value", "column"),
    [
        ("meetings/iscg-2024-01-24.md", "start", "2024-02-30", 8),
        ("themes/sustainable-digital-transformation.yaml", "since", "2024-13-01", 8),
        ("themes/sustainable-digital-transformation.yaml", "since", "0000-01-01", 8),
        ("themes/sustainable-digital-transformation.yaml", "since", "2024-01-01 25:00:00", 8),
    ],
)
def test_a_date_not_in_the_calendar_is_named_and_the_other_files_are_formatted(
    run_cli: RunCli, bundled: Path, path: str, key: str, value: str, column: int
) -> None:
    broken = bundled / "data" / path
    lines = broken.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(n for n, text in enumerate(lines, start=1) if text.startswith(f"{key}:"))
    lines[line - 1] = f"{key}: {value}\n"
    broken.write_text("".join(lines), encoding="utf-8")
    other = bundled / "data" / "resolutions" / "wtdc-10.yaml"
    other.write_text(
        other.read_text(encoding="utf-8").replace("conference: WTDC", 'conference: "WTDC"'), encoding="utf-8"
    )
    before = broken.read_bytes()
    for args in (["fmt", "--check"], ["fmt"]):
        result = run_cli(bundled, *args)
        assert result.exit_code == 1, result.output
        assert "internal error" not in result.stderr
        assert f"cannot format data/{path}:{line}:{column}: {value} is not a date" in result.stderr
        assert "run `res191 validate` for the details" in result.stderr
    assert "reformatted data/resolutions/wtdc-10.yaml" in result.stderr
    assert "conference: WTDC\n" in other.read_text(encoding="utf-8") and broken.read_bytes() == before


def test_a_value_the_layout_cannot_be_written_for_names_its_file_and_no_made_up_line(
    run_cli: RunCli, bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where ruamel.yaml, which writes the layout, stops at a value for a reason fmt does not foresee
    (no date out of the calendar to point at), fmt names the file and leaves the place to validate."""
    from res191.editing import fmt

    real = fmt._rewritten

    def stops_at_a_value(text: str, model: type) -> str:
        if "id: wtdc-10\n" in text:
            raise ValueError("an unforeseen value")
        return real(text, model)

    monkeypatch.setattr(fmt, "_rewritten", stops_at_a_value)
    result = run_cli(bundled, "fmt", "--check")
    assert result.exit_code == 1, result.output
    assert "internal error" not in result.stderr
    said = next(line for line in result.stderr.splitlines() if "wtdc-10.yaml" in line)
    assert said.startswith("res191: cannot format data/resolutions/wtdc-10.yaml: ")
    assert "wtdc-10.yaml:1:1" not in said and "not a date" not in said
    assert "an unforeseen value" in said and "run `res191 validate` for the details" in said


FORMATTED = MODELINE + 'id: pp-1\nconference: PP\nnumber: "1"\n'
UNFORMATTED = 'number: "1"\nid: pp-1\nconference: PP\n'


def _repository(tmp_path: Path, **records: str) -> Path:
    """A repository of resolutions, by file name."""
    folder = tmp_path / "data" / "resolutions"
    folder.mkdir(parents=True)
    for name, text in records.items():
        (folder / f"{name}.yaml").write_text(text.replace("pp-1", name), encoding="utf-8")
    return tmp_path


def test_check_reads_read_only_files_and_fmt_says_which_it_could_not_write(
    run_cli: RunCli, tmp_path: Path
) -> None:
    import os

    root = _repository(tmp_path, **{"pp-1": FORMATTED, "pp-2": UNFORMATTED})
    folder = root / "data" / "resolutions"
    for path in [*folder.iterdir(), folder]:
        os.chmod(path, 0o555 if path.is_dir() else 0o444)
    try:
        check = run_cli(root, "fmt", "--check")
        assert check.exit_code == 1, check.output
        assert check.stdout == "would reformat data/resolutions/pp-2.yaml\n"
        assert "read-only" not in check.stderr and "1 of 2 record files" in check.stderr
        written = run_cli(root, "fmt")
        assert written.exit_code == 1
        assert "left alone data/resolutions/pp-2.yaml: it is read-only, and would be reformatted" in (
            written.stderr
        )
        assert "pp-1.yaml" not in written.stderr  # already formatted: nothing to say of it
        assert (folder / "pp-2.yaml").read_text() == UNFORMATTED.replace("pp-1", "pp-2")
    finally:
        os.chmod(folder, 0o755)


def test_a_record_that_is_a_link_inside_the_repository_is_formatted_through_it(
    run_cli: RunCli, tmp_path: Path
) -> None:
    root = _repository(tmp_path)
    (root / "data" / "x.yaml.txt").write_text(UNFORMATTED)
    link = root / "data" / "resolutions" / "pp-1.yaml"
    link.symlink_to(Path("..", "x.yaml.txt"))
    for given in [[], ["data/resolutions/pp-1.yaml"]]:
        check = run_cli(root, "fmt", "--check", *given)
        assert check.exit_code == 1, check.output
        assert check.stdout == "would reformat data/resolutions/pp-1.yaml\n"
    result = run_cli(root, "fmt")
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and (root / "data" / "x.yaml.txt").read_text() == FORMATTED
    assert run_cli(root, "fmt", "--check").exit_code == 0
    link.unlink()
    link.symlink_to(tmp_path.parent)  # a link out of the repository: validate's Y113 error
    outside = run_cli(root, "fmt", "--check")
    assert outside.exit_code == 1
    assert "cannot format data/resolutions/pp-1.yaml: the symbolic link points outside" in outside.stderr


def test_a_byte_order_mark_is_reported_and_removed(run_cli: RunCli, tmp_path: Path) -> None:
    root = _repository(tmp_path, **{"pp-1": "\ufeff" + FORMATTED})
    record = root / "data" / "resolutions" / "pp-1.yaml"
    check = run_cli(root, "fmt", "--check")
    assert check.exit_code == 1 and "would reformat data/resolutions/pp-1.yaml" in check.stdout
    assert run_cli(root, "fmt").exit_code == 0
    assert record.read_bytes() == FORMATTED.encode("utf-8")
    assert run_cli(root, "fmt", "--check").exit_code == 0


@pytest.mark.parametrize("check", [True, False])
def test_an_unreadable_record_is_called_unreadable_and_fails(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, check: bool
) -> None:
    import os

    root = _repository(tmp_path, **{"pp-1": FORMATTED, "pp-2": FORMATTED})
    locked = root / "data" / "resolutions" / "pp-2.yaml"
    os.chmod(locked, 0)
    if os.geteuid() == 0:  # root reads anything: what another user meets, shown to it
        real_open = os.open

        def refused(path: object, *args: object, **kwargs: object) -> int:
            if str(path) == str(locked):
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "open", refused)
    result = run_cli(root, "fmt", *(["--check"] if check else []))
    os.chmod(locked, 0o644)
    assert result.exit_code == 1, result.output
    assert (
        "cannot format data/resolutions/pp-2.yaml: cannot read the file: Permission denied" in result.stderr
    )
    assert "read-only" not in result.stderr


def test_a_file_given_that_is_not_a_record_is_named(run_cli: RunCli, tmp_path: Path) -> None:
    # It said "0 of 0 record files reformatted", and nothing of the file it was given.
    notes = tmp_path / "data" / "themes" / "notes.txt"
    notes.parent.mkdir(parents=True)
    notes.write_text("to do\n")
    result = run_cli(tmp_path, "fmt", "data/themes/notes.txt")
    assert "left alone data/themes/notes.txt: it is not a record file (a record is a .yaml" in result.stderr
    assert notes.read_text() == "to do\n"
    # Not named: not listed (validate says what it makes of such files).
    assert "notes.txt" not in run_cli(tmp_path, "fmt").stderr
