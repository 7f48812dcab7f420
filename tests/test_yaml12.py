"""The loader gives YAML 1.2 core-schema values and keeps every node's position."""

from __future__ import annotations

import math
from typing import Any

import pytest
from ruamel.yaml import YAML

from res191.loading.locator import locate
from res191.loading.yaml12 import parse_yaml
from res191.loading.yaml_problems import YamlProblem


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("yes", "yes"),  # YAML 1.1 (PyYAML's safe_load) would say True
        ("no", "no"),
        ("on", "on"),
        ("true", True),
        ("False", False),
        ("~", None),
        ("null", None),
        ("", None),
        ("2024-01-24", "2024-01-24"),  # no timestamps in the 1.2 core schema
        ("0o17", 15),
        ("017", 17),  # YAML 1.1 would read octal 15
        ("0x1F", 31),
        ("1_000", "1_000"),
        ("12:30", "12:30"),  # YAML 1.1 would read sexagesimal 750
        ("-5", -5),
        ("1.5", 1.5),
        ("1e3", 1000.0),
        (".inf", math.inf),
        ("-.Inf", -math.inf),
        ("ITU-R 75", "ITU-R 75"),
        ("C24/35", "C24/35"),
        ("nulled", "nulled"),
        ("True story", "True story"),
    ],
)
def test_plain_scalars_have_their_yaml_1_2_meaning(text: str, value: Any) -> None:
    assert parse_yaml(f"key: {text}\n").value == {"key": value}


@pytest.mark.parametrize(
    "text",
    ["yes", "no", "on", "off", "y", "2024-01-24", "0o17", "017", "0x1F", "12:30", "1e3", ".inf", "~", "Null"],
)
def test_same_meaning_as_ruamel(text: str) -> None:
    """ruamel.yaml, the library res191 writes records with, reads the same text the same way."""
    ruamel = YAML(typ="safe", pure=True)
    expected = ruamel.load(f"key: {text}\n")["key"]
    got = parse_yaml(f"key: {text}\n").value["key"]
    if hasattr(expected, "isoformat"):
        # ruamel resolves timestamps even in 1.2; res191 keeps the text and its schema reads the date.
        assert got == expected.isoformat()
    else:
        assert got == expected


def test_quoted_scalars_stay_text() -> None:
    assert parse_yaml("a: 'true'\nb: \"191\"\nc: !!str 5\n").value == {"a": "true", "b": "191", "c": "5"}


def test_explicit_core_tags() -> None:
    assert parse_yaml("a: !!int '5'\nb: !!float '2'\n").value == {"a": 5, "b": 2.0}


def test_positions_survive_crlf_and_front_matter_offset() -> None:
    document = parse_yaml("id: x\r\neditions:\r\n  - place: Busan\r\n    year: 2014\r\n", line_offset=1)
    assert locate(document, ("editions", 0, "year")) == (5, 11)
    assert locate(document, ("editions", 0, "year"), at_key=True) == (5, 5)
    assert locate(document, ("editions", 0, "missing")) == (4, 5)
    assert locate(document, ("nowhere",)) == (2, 1)


def test_problems_are_shifted_by_the_front_matter_offset() -> None:
    with pytest.raises(YamlProblem) as raised:
        parse_yaml("a: 1\na: 2\n", line_offset=1)
    assert (raised.value.code, raised.value.line, raised.value.related) == ("Y102", 3, [(2, 1)])


def test_anchor_without_alias_is_harmless() -> None:
    assert parse_yaml("title: &t A & B\n").value == {"title": "A & B"}


def test_pure_python_parser_gives_the_same_values_positions_and_problems(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where PyYAML has no libyaml, its pure-Python composer takes over with the same results."""
    import yaml

    from res191.loading import yaml12

    texts = [
        "id: x\r\neditions:\r\n  - {place: Busan, year: 2014, revised: yes}\r\nsectors: [ITU-R, 0o17, ~]\r\n",
        "a: 1\nb:\n  c: [1, 2\n",
        "a: &x 1\nb: *x\n",
        "a: 1\na: 2\n",
        "a:\n\tb: 1\n",
        "a: 1\n---\nb: 2\n",
        "a: " + "[" * 300 + "]" * 300 + "\n",
    ]

    def outcome(text: str) -> tuple[object, object]:
        try:
            document = yaml12.parse_yaml(text)
        except YamlProblem as problem:
            return (problem.code, (problem.line, problem.column))
        return (document.value, locate(document, ("editions", 0, "year")))

    with_libyaml = [outcome(t) for t in texts]
    monkeypatch.setattr(yaml12, "_Composer", yaml12.composer_class(yaml.SafeLoader))
    monkeypatch.setattr(yaml12, "_SAFE_COMPOSE_DEPTH", 200)
    pure = [outcome(t) for t in texts]
    assert [r[0] for r in pure] == [r[0] for r in with_libyaml]
    assert pure[0] == with_libyaml[0]
    assert pure[2:] == with_libyaml[2:]
