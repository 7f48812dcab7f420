"""The result cache of `res191 validate`: a cached run says exactly what an uncached run says."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from res191 import cache
from res191.cache import MOST_REPOSITORIES, ResultCache
from res191.validation import validate
from tests.conftest import EXAMPLES, REPO, RunCli


def said(root: Path, cache: bool, cwd: Path | None = None) -> list[str]:
    """Every diagnostic of a run from cwd (the repository's root by default), with everything a reader
    sees."""
    result = validate(root, cwd or root, cache=cache)
    return [
        f"{d.location} {d.code} {d.message} | {d.hint} | {d.example} | {d.related}"
        for d in result.diagnostics
    ]


@pytest.fixture
def cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("RES191_CACHE_DIR", str(folder))
    return folder


def _records(root: Path) -> list[Path]:
    return sorted(p for p in (root / "data").rglob("*") if p.is_file() and p.name != "README.md")


# Edits an editor makes between two runs: each is applied to the n-th record file (modulo their number).
EDITS = st.lists(
    st.tuples(
        st.sampled_from(["change", "add", "delete", "rename", "break", "garble", "touch", "restore"]),
        st.integers(min_value=0, max_value=50),
    ),
    min_size=1,
    max_size=6,
)


def edit(root: Path, action: str, n: int, original: dict[Path, str]) -> None:
    files = _records(root)
    target = files[n % len(files)] if files else None
    if action == "add":
        text = (
            f'id: wtdc-{n}\nconference: WTDC\nnumber: "{n}"\neditions: [{{year: 2022, title: Topic {n}}}]\n'
        )
        (root / "data" / "resolutions" / f"wtdc-{n}.yaml").write_text(text)
    elif target is None:
        return
    elif action == "change":
        target.write_text(target.read_text().replace("title:", "title: Revised", 1) + f"# edit {n}\n")
    elif action == "delete":
        target.unlink()
    elif action == "rename":
        target.rename(target.with_name(f"renamed-{n}{target.suffix}"))
    elif action == "break":
        theme = root / "data" / "themes" / "accessibility.yaml"
        if theme.exists():
            theme.write_text(theme.read_text().replace("resolutions: [", f"resolutions: [pp-{900 + n}, ", 1))
    elif action == "garble":
        target.write_text(target.read_text() + "\n  : [unclosed\n")
    elif action == "touch":
        os.utime(target)  # a new time, the same content
    elif action == "restore":
        for path, text in original.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=EDITS)
def test_a_cached_run_says_exactly_what_an_uncached_run_says(edits: list[tuple[str, int]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "repository"
        shutil.copytree(EXAMPLES / "valid" / "complete", root)
        os.environ["RES191_CACHE_DIR"] = str(Path(folder) / "cache")
        original = {p: p.read_text() for p in _records(root)}
        assert said(root, cache=True) == said(root, cache=False)  # the first run fills the cache
        for action, n in edits:
            edit(root, action, n, original)
            assert said(root, cache=True) == said(root, cache=False), (action, n)


def test_an_unchanged_repository_is_not_parsed_again(
    cache_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "RACY_NS", 0)  # the files are not taken as changed just before the run
    root = tmp_path / "repository"
    shutil.copytree(EXAMPLES / "valid" / "complete", root)
    validate(root, root, cache=True)
    (cache_file,) = cache_folder.glob("*.res191-cache")
    before = cache_file.stat().st_mtime_ns
    # A file the cache holds, changed without changing its size or modification time: its change time
    # tells the cache to read it again.
    resolution = root / "data" / "resolutions" / "pp-175.yaml"
    assert validate(root, root, cache=True).diagnostics == validate(root, root, cache=False).diagnostics
    assert cache_file.stat().st_mtime_ns == before  # nothing changed: the cache is not written again
    stat = resolution.stat()
    resolution.write_text("x" * stat.st_size)
    os.utime(resolution, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert said(root, cache=True) == said(root, cache=False)
    assert any("pp-175.yaml" in line for line in said(root, cache=True))


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The record files parsed from now on, each time one is; the files' times trusted by the cache (none
    is taken as changed just before the run that cached it)."""
    from res191.loading import files, record

    monkeypatch.setattr(cache, "RACY_NS", 0)
    found: list[str] = []
    load, parse = record.load_record, record.parse_file

    def loading(file: files.FoundFile, *args: Any) -> Any:
        found.append(file.path)
        return load(file, *args)

    def parsing(path: str, *args: Any) -> Any:
        found.append(path)  # to place a problem found across files
        return parse(path, *args)

    monkeypatch.setattr(record, "load_record", loading)
    monkeypatch.setattr(record, "parse_file", parsing)
    return found


@pytest.mark.parametrize(
    "example",
    [
        "valid/complete",
        "invalid/report-checks",
        "invalid/duplicate-id",
        "invalid/duplicate-key",  # a problem of the file's own with a related place
        "invalid/unknown-reference",
    ],
)
def test_a_second_run_parses_no_file_and_says_the_same(
    cache_folder: Path, tmp_path: Path, parsed: list[str], example: str
) -> None:
    """Each file's own problems, and where the checks across files placed theirs, come from the cache."""
    root = tmp_path / "repository"
    shutil.copytree(EXAMPLES / example, root)
    first = said(root, cache=True)
    parsed.clear()
    assert said(root, cache=True) == first
    assert parsed == []
    assert said(root, cache=False) == first
    if example != "valid/complete":
        assert first  # problems, some with related places, that the cache gave back


def test_each_repository_keeps_its_own_cache(cache_folder: Path, tmp_path: Path, parsed: list[str]) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    shutil.copytree(EXAMPLES / "valid" / "complete", first)
    shutil.copytree(EXAMPLES / "invalid" / "report-checks", second)
    said(first, cache=True)
    said(second, cache=True)
    parsed.clear()
    said(first, cache=True)
    said(second, cache=True)
    assert parsed == []
    assert len(list(cache_folder.glob("repo-*.res191-cache"))) == 2


def test_an_edit_to_res191s_code_makes_the_next_run_check_every_file(
    cache_folder: Path, tmp_path: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the test above, in this process: a copy of res191's code stands for the installed one."""
    code = tmp_path / "code" / "res191"
    shutil.copytree(Path(cache.__file__).parent, code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "__file__", str(code / "cache.py"))
    root = tmp_path / "repository"
    shutil.copytree(EXAMPLES / "valid" / "complete", root)
    said(root, cache=True)
    parsed.clear()
    said(root, cache=True)
    assert parsed == []
    explain = code / "loading" / "explain.py"
    explain.write_text(explain.read_text(encoding="utf-8") + "# an edit\n", encoding="utf-8")
    said(root, cache=True)
    assert set(parsed) == {str(p) for p in _records(root)}


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the XDG configuration folder is Linux's")
def test_the_signing_key_is_made_once_private_to_the_user_and_kept_apart(
    cache_folder: Path, tmp_path: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    configuration = tmp_path / "configuration"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(configuration))
    (configuration / "res191").mkdir(parents=True)  # made by another tool, or an earlier version
    root = tmp_path / "repository"
    shutil.copytree(EXAMPLES / "valid" / "complete", root)
    said(root, cache=True)
    key = configuration / "res191" / "cache-key"
    assert len(key.read_bytes()) == 32 and key.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in key.parent.iterdir()] == ["cache-key"]  # no temporary file left
    made = key.read_bytes()
    parsed.clear()
    said(root, cache=True)
    assert parsed == [] and key.read_bytes() == made  # kept, and the cache it signed trusted
    # Another user's key (another configuration folder): the cache is not theirs to trust.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "another"))
    said(root, cache=True)
    assert set(parsed) == {str(p) for p in _records(root)}


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the XDG folders are Linux's")
@pytest.mark.parametrize("xdg", ["unset", "absolute", "relative"])
def test_the_cache_and_its_key_are_in_the_users_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, xdg: str
) -> None:
    """~/.cache/res191 and ~/.config/res191/cache-key, or where XDG_CACHE_HOME and XDG_CONFIG_HOME say; a
    relative value is ignored, as the XDG specification asks: it put the cache and the key that signs it in
    the repository, where `git add` would take the key."""
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("RES191_CACHE_DIR", raising=False)
    for name, folder in (("XDG_CACHE_HOME", "caches"), ("XDG_CONFIG_HOME", "settings")):
        if xdg == "unset":
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, str(tmp_path / folder) if xdg == "absolute" else folder)
    root = tmp_path / "repository"
    shutil.copytree(EXAMPLES / "valid" / "complete", root)
    monkeypatch.chdir(root)
    said(root, cache=True)
    caches = tmp_path / "caches" if xdg == "absolute" else home / ".cache"
    settings = tmp_path / "settings" if xdg == "absolute" else home / ".config"
    assert len(list((caches / "res191").glob("repo-*.res191-cache"))) == 1
    assert (settings / "res191" / "cache-key").is_file()
    assert not (root / "caches").exists() and not (root / "settings").exists()


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the XDG configuration folder is Linux's")
def test_a_key_that_cannot_be_kept_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from res191.cache import signing_key

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    (tmp_path / "res191" / "cache-key").mkdir(parents=True)  # a folder where the key would go
    assert signing_key() is None and signing_key() is None
    assert [p.name for p in (tmp_path / "res191").iterdir()] == ["cache-key"]


def test_a_file_name_with_two_dots_is_checked_from_the_cache_as_from_the_file(
    cache_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "RACY_NS", 0)
    root = tmp_path / "repository"
    shutil.copytree(EXAMPLES / "valid" / "complete", root)
    resolutions = root / "data" / "resolutions"
    (resolutions / "pp-175.yaml").rename(resolutions / "pp-175.v2.yaml")
    first = said(root, cache=True)
    assert any("the id 'pp-175' does not match the file name 'pp-175.v2.yaml'" in line for line in first)
    assert said(root, cache=True) == first == said(root, cache=False)


def test_a_file_is_named_as_seen_from_the_folder_of_each_run(
    cache_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "RACY_NS", 0)  # the files' times are trusted: only the shown path differs
    root = tmp_path / "repository"
    shutil.copytree(EXAMPLES / "invalid" / "wrong-type", root)
    from_root = said(root, cache=True)
    assert from_root and all(line.startswith("data/resolutions/pp-191.yaml:") for line in from_root)
    from_data = said(root, cache=True, cwd=root / "data")
    assert from_data == said(root, cache=False, cwd=root / "data")
    assert all(line.startswith("resolutions/pp-191.yaml:") for line in from_data)


def test_a_changed_res191_does_not_trust_what_the_code_before_it_found(
    cache_folder: Path, tmp_path: Path
) -> None:
    """An edited checkout, or a new release, may word or find problems anew: its first run checks every
    file again. Here a copy of res191 whose message for a boolean is changed between two runs."""
    import res191

    code = tmp_path / "code"
    compiled = shutil.ignore_patterns("__pycache__")
    shutil.copytree(Path(res191.__file__).parent, code / "res191", ignore=compiled)
    root = tmp_path / "repository"
    shutil.copytree(EXAMPLES / "invalid" / "wrong-type", root)
    environment = {**os.environ, "PYTHONPATH": str(code), "RES191_CACHE_DIR": str(cache_folder)}

    def validate_with_the_copy() -> str:
        command = [sys.executable, "-m", "res191", "validate", "--root", str(root)]
        # From the checkout, whose pyproject.toml mutmut reads when it runs this test on its mutants.
        done = subprocess.run(command, cwd=REPO, env=environment, capture_output=True, text=True)
        assert done.returncode == 1, done.stderr
        return done.stdout

    assert "should be true or false, not 'yes'" in validate_with_the_copy()
    assert list(cache_folder.glob("*.res191-cache"))
    explain = code / "res191" / "loading" / "explain.py"
    text = explain.read_text(encoding="utf-8")
    before, after = '"bool_type": "true or false"', '"bool_type": "a boolean"'
    assert text.count(before) == 1
    explain.write_text(text.replace(before, after), encoding="utf-8")
    assert "should be a boolean, not 'yes'" in validate_with_the_copy()


def test_files_changed_just_before_the_cached_run_are_compared_then_trusted(
    cache_folder: Path, tmp_path: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "repository"
    shutil.copytree(EXAMPLES / "valid" / "complete", root)
    monkeypatch.setattr(cache, "RACY_NS", 10**18)  # every file changed "just before" the run that cached it
    validate(root, root, cache=True)
    filled = ResultCache.open(root).stored_started
    # Each file is compared by content, found unchanged (so not parsed), and the cache written again with
    # this run's start: the next run can trust the files' times.
    parsed.clear()
    from_cache = validate(root, root, cache=True).diagnostics
    assert parsed == []
    assert from_cache == validate(root, root, cache=False).diagnostics
    again = ResultCache.open(root).stored_started
    assert again > filled
    monkeypatch.setattr(cache, "RACY_NS", 0)
    (cache_file,) = cache_folder.glob("*.res191-cache")
    before = cache_file.stat().st_mtime_ns
    validate(root, root, cache=True)
    assert cache_file.stat().st_mtime_ns == before and ResultCache.open(root).stored_started == again


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not a cache",
        b"res191-cache 00\n{}",
        "cut short",
        "entries of the wrong form",
    ],
)
def test_a_damaged_cache_is_ignored_and_written_anew(
    cache_folder: Path, tmp_path: Path, damage: bytes | str
) -> None:
    root = tmp_path / "repository"
    shutil.copytree(EXAMPLES / "invalid" / "report-checks", root)
    expected = said(root, cache=False)
    said(root, cache=True)
    (cache_file,) = cache_folder.glob("*.res191-cache")
    good = cache_file.read_bytes()
    if damage == "cut short":
        cache_file.write_bytes(good[: len(good) // 2])
    elif damage == "entries of the wrong form":
        cache = ResultCache.open(root)
        cache.fresh = {
            path: [entry[0], "facts?", [["Z999"]], entry[3], entry[4]] for path, entry in cache.stored.items()
        }
        cache.save()
        assert cache_file.read_bytes() != good
    else:
        assert isinstance(damage, bytes)
        cache_file.write_bytes(damage)
    assert said(root, cache=True) == expected
    assert ResultCache.open(root).stored  # written anew, and trusted again
    assert said(root, cache=True) == expected


def test_no_cache_writes_nothing_and_an_unwritable_cache_is_no_error(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    root = tmp_path / "repository"
    shutil.copytree(EXAMPLES / "valid" / "complete", root)
    folder = tmp_path / "cache"
    monkeypatch.setenv("RES191_CACHE_DIR", str(folder))
    assert run_cli(root, "validate", "--no-cache").exit_code == 0
    assert not folder.exists()
    (tmp_path / "a-file").write_text("")
    monkeypatch.setenv("RES191_CACHE_DIR", str(tmp_path / "a-file" / "cache"))
    result = run_cli(root, "validate")
    assert (result.exit_code, result.stderr) == (0, "")


def test_the_cache_folder_stays_bounded_and_its_other_files_are_kept(
    cache_folder: Path, tmp_path: Path
) -> None:
    cache_folder.mkdir()
    for n in range(MOST_REPOSITORIES + 5):
        old = cache_folder / f"repo-{n:024x}.res191-cache"
        old.write_text("{}")
        os.utime(old, ns=(n, n))
    # RES191_CACHE_DIR=. or a folder shared with other tools: their files are never removed.
    others = [cache_folder / name for name in ("package.json", "settings.json", "repo-mine.res191-cache")]
    for other in others:
        other.write_text("{}")
    root = tmp_path / "repository"
    shutil.copytree(EXAMPLES / "valid" / "minimal", root)
    validate(root, root, cache=True)
    kept = [p for p in cache_folder.glob("repo-*.res191-cache") if p not in others]
    assert len(kept) == MOST_REPOSITORIES
    assert any(ResultCache.open(root).location == k for k in kept)
    assert all(other.exists() for other in others)


def test_a_forged_cache_cannot_make_a_broken_repository_pass(cache_folder: Path, tmp_path: Path) -> None:
    root = tmp_path / "repository"
    shutil.copytree(EXAMPLES / "valid" / "minimal", root)
    validate(root, root, cache=True)
    (cache_file,) = cache_folder.glob("*.res191-cache")
    signed = cache_file.read_bytes()
    (root / "data" / "resolutions" / "pp-191.yaml").write_text("id: pp-191\nnumber: 191\n")
    # Forged as a hand-made cache would be: the files' entries made to say "clean", the digest
    # recomputed without the key (what the layout before signing accepted).
    import hashlib

    _, _, body = signed.partition(b"\n")
    content = json.loads(body)
    for path, entry in content["files"].items():
        entry[0] = cache.file_key(path, entry[4], Path(path).read_bytes())  # "this content is clean"
    forged = json.dumps(content).encode()
    digest = hashlib.blake2b(forged, digest_size=16).hexdigest()  # as the layout before signing had it
    cache_file.write_bytes(f"res191-cache {digest}\n".encode() + forged)
    assert validate(root, root, cache=True).failed()  # the forged cache is ignored
    # Signed with another user's key (a CI cache restored from elsewhere): ignored too.
    cache_file.write_bytes(signed)
    (cache.key_file()).write_bytes(os.urandom(32))
    assert validate(root, root, cache=True).failed()


@pytest.fixture(autouse=True)
def _own_cache_folder() -> Iterator[None]:
    # The property test sets RES191_CACHE_DIR itself: put back the test run's folder afterwards.
    before = os.environ.get("RES191_CACHE_DIR")
    yield
    if before is not None:
        os.environ["RES191_CACHE_DIR"] = before
