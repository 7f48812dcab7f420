"""Templates come with pull requests and run in CI, where secrets are: they run in Jinja's sandbox and read
only templates of their folders."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES, RunCli

WITH_REPORT = EXAMPLES / "valid" / "with-report"

ATTACKS = {
    "python-classes": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "globals": "{{ cycler.__init__.__globals__.os.system('touch HACKED') }}",
    "format-string": "{{ '{0.__class__}'.format(report) }}",
    "shell": "{{ self._TemplateReference__context.cycler.__init__.__globals__.os.popen('id').read() }}",
    "include-outside": "{% include '../../../../../../../../etc/passwd' %}",
    "include-absolute": "{% include '/etc/passwd' %}",
    "include-link": "{% include 'leak.j2' %}",
}


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_a_template_cannot_reach_python_or_files_outside_its_folders(
    run_cli: RunCli, tmp_path: Path, attack: str
) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "leak.j2").symlink_to("/etc/passwd")
    (folder / "report.md.j2").write_text(f"Report\n\n{ATTACKS[attack]}\n")
    work = tmp_path / "work"
    work.mkdir()
    result = run_cli(
        WITH_REPORT, "report", "--year", "2025", "--template-dir", str(folder), "-o", str(work / "r.md")
    )
    assert result.exit_code == 2, result.output
    assert "template error" in result.stderr and "report.md.j2" in result.stderr
    assert "root:" not in result.output and "uid=" not in result.output
    assert not (work / "r.md").exists() and not Path("HACKED").exists()
    assert "HACKED" not in os.listdir(tmp_path)


def test_the_sandbox_refuses_as_much_once_its_verdicts_are_kept() -> None:
    # The environment keeps each verdict by the type and the name: what it let through before must not
    # open the way to what it refuses, on the first reading or any later one.
    from jinja2.exceptions import SecurityError, UndefinedError

    from res191.rendering.templates import environment

    env = environment()
    plain = env.from_string("{{ page.theme }} {{ page.items() | list | length }} {{ text.upper() }}")
    formats = env.from_string("{{ text.title() }} {{ text.format(page) }}")
    unsafe = env.from_string("{{ text.upper.__self__ }}")
    # The same attribute of objects of one type: a plain text in one, a str.format in another.
    held = env.from_string("{{ first.value }} {{ second.value(first) }}")
    for _ in range(2):
        with pytest.raises(SecurityError):
            held.render(first=Held("a"), second=Held("{0.__class__}".format))
        assert plain.render(page={"theme": "Accessibility"}, text="a") == "Accessibility 1 A"
        with pytest.raises(SecurityError):
            formats.render(page={"theme": "x"}, text="{0.__class__}")
        with pytest.raises(UndefinedError):
            env.from_string("{{ page.missing }}").render(page={"theme": "x"})
        with pytest.raises(SecurityError):
            unsafe.render(text="a")


@dataclass
class Held:
    value: Any
