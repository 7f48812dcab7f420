"""The templates' compiled code kept between builds (rendering/compiled.py): used when this user's key signed
it, never run otherwise, and a site built from it the same, byte for byte."""

from __future__ import annotations

import hashlib
import marshal
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import jinja2
import pytest
from jinja2.bccache import bc_magic
from jinja2.sandbox import SandboxedEnvironment

from res191.rendering import compiled
from res191.rendering.compiled import CompiledTemplates
from tests.conftest import EXAMPLES

SOURCE = "{{ greeting }}, Council"


def environment(kept: CompiledTemplates) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.DictLoader({"page.j2": SOURCE}), bytecode_cache=kept)


def kept_files(folder: Path) -> list[Path]:
    return sorted((folder / compiled.FOLDER).glob("*.res191-template"))


@pytest.fixture
def cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("RES191_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_template_compiled_once_is_not_compiled_again(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = environment(CompiledTemplates()).get_template("page.j2")
    assert page.render(greeting="Hello") == "Hello, Council"
    assert len(kept_files(cache)) == 1

    def compile_again(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again although its code was kept")

    monkeypatch.setattr(jinja2.Environment, "compile", compile_again)
    later = environment(CompiledTemplates())  # as the next run: nothing in memory
    assert later.get_template("page.j2").render(greeting="Hello") == "Hello, Council"


def planted(file: Path, marker: Path) -> bytes:
    """The code of a kept template replaced by code that leaves a marker, Jinja's own checks kept."""
    _, _, code = file.read_bytes().partition(b"\n")
    checksum = pickle.loads(code[len(bc_magic) :])  # pickle.loads reads the checksum and stops there
    source = (
        f"open({str(marker)!r}, 'w').close()\n"
        "name, blocks, debug_info = 'page.j2', {}, ''\n"
        "def root(context, missing=None, environment=None):\n"
        "    yield 'planted'\n"
    )
    payload = compile(source, "planted", "exec")
    return bc_magic + pickle.dumps(checksum, 2) + marshal.dumps(payload)


def test_code_not_signed_by_the_users_key_is_never_run(cache: Path, tmp_path: Path) -> None:
    environment(CompiledTemplates()).get_template("page.j2")
    [file] = kept_files(cache)
    marker = tmp_path / "ran"
    code = planted(file, marker)
    env = environment(CompiledTemplates())
    key = compiled._stamped(env.bytecode_cache.get_bucket(env, "page.j2", None, SOURCE))  # type: ignore[union-attr]
    signer = compiled._signer()
    assert signer is not None
    forgeries = [
        b"res191-template " + hashlib.blake2b(code, digest_size=16).hexdigest().encode(),  # no key at all
        compiled._header((os.urandom(32), signer[1]), key, code),  # another user's key
        compiled._header((signer[0], "an older res191"), key, code),  # another stamp
    ]
    for header in forgeries:
        file.write_bytes(header + b"\n" + code)
        page = environment(CompiledTemplates()).get_template("page.j2").render(greeting="Hello")
        assert page == "Hello, Council" and not marker.exists()
        assert file.read_bytes() != header + b"\n" + code  # compiled again and kept anew
    # The same code signed by this user's key is run: the planted code above was able to run.
    file.write_bytes(compiled._header(signer, key, code) + b"\n" + code)
    page = environment(CompiledTemplates()).get_template("page.j2").render(greeting="Hello")
    assert page == "planted" and marker.exists()


def test_code_compiled_for_another_kind_of_environment_is_compiled_again(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The sandbox compiles each call through its checks: code compiled outside it is not run in it.
    environment(CompiledTemplates()).get_template("page.j2")
    compiled_again: list[str] = []
    compile_template = jinja2.Environment.compile

    def counted(self: jinja2.Environment, *args: Any, **kwargs: Any) -> Any:
        compiled_again.append(type(self).__name__)
        return compile_template(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    sandboxed = SandboxedEnvironment(
        loader=jinja2.DictLoader({"page.j2": SOURCE}), bytecode_cache=CompiledTemplates()
    )
    assert sandboxed.get_template("page.j2").render(greeting="Hello") == "Hello, Council"
    assert compiled_again == ["SandboxedEnvironment"]
    assert len(kept_files(cache)) == 1  # one file a template name: the sandbox's replaced the other


def test_each_template_name_is_kept_once_whatever_the_install(cache: Path, tmp_path: Path) -> None:
    for install in ("one", "two", "one"):
        folder = tmp_path / install
        folder.mkdir(exist_ok=True)
        (folder / "page.j2").write_text(SOURCE, encoding="utf-8")
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), bytecode_cache=CompiledTemplates())
        assert env.get_template("page.j2").render(greeting="Hi") == "Hi, Council"
    assert len(kept_files(cache)) == 1


def test_a_site_built_from_kept_code_is_the_same_and_compiles_nothing(tmp_path: Path) -> None:
    variables = {
        **os.environ,
        "RES191_CACHE_DIR": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }

    def build(out: Path) -> dict[str, bytes]:
        subprocess.run(
            [sys.executable, "-m", "res191", "site", "-o", str(out), "--on", "2025-01-01", "--lang", "en,fr"],
            cwd=EXAMPLES / "valid" / "with-report",
            env=variables,
            check=True,
            capture_output=True,
        )
        return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    first = build(tmp_path / "one")
    kept = {file: file.stat().st_mtime_ns for file in kept_files(tmp_path / "cache")}
    assert len(kept) >= 10  # one for each of the site's templates
    assert build(tmp_path / "two") == first
    assert {file: file.stat().st_mtime_ns for file in kept_files(tmp_path / "cache")} == kept
