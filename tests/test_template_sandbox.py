"""Templates come with pull requests and run in CI, where secrets are: they run in Jinja's sandbox and read
only templates of their folders."""

from __future__ import annotations

import os
from pathlib import Path

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
