"""Citations are rendered exactly as ITU writes them."""

from __future__ import annotations

from typing import Any

import pytest

from res191.models import Resolution


def resolution(
    conference: str, number: str, *editions: dict[str, Any], kind: str = "resolution"
) -> Resolution:
    return Resolution.model_validate(
        {"id": "x", "conference": conference, "kind": kind, "number": number, "editions": list(editions)}
    )


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (resolution("PP", "191", {"place": "Bucharest", "year": 2022, "revised": True}),
         "Resolution 191 (Rev. Bucharest, 2022)"),
        (resolution("RA", "ITU-R 75", {"place": "Dubai", "year": 2023}), "Resolution ITU-R 75 (Dubai, 2023)"),
        (resolution("WRC", "646", {"year": 2019, "revised": True}), "Resolution 646 (Rev. WRC-19)"),
        (resolution("WRC", "646", {"year": 2003}), "Resolution 646 (WRC-03)"),
        (resolution("PP", "5", {"place": "Bucharest", "year": 2022, "revised": True}, kind="decision"),
         "Decision 5 (Rev. Bucharest, 2022)"),
        (resolution("PP", "219", {"place": "Bucharest", "year": 2022}), "Resolution 219 (Bucharest, 2022)"),
        (resolution("RA", "ITU-R 6", {"place": "Geneva", "year": 2015, "revised": True,
                                      "number": "ITU-R 6-2"}),
         "Resolution ITU-R 6-2 (Rev. Geneva, 2015)"),
        (resolution("Council", "1307", {"year": 2009}), "Resolution 1307 (C09)"),
    ],
)  # fmt: skip
def test_citation(record: Resolution, expected: str) -> None:
    assert record.citation() == expected


def test_citation_of_the_latest_edition_by_default_and_of_any_edition() -> None:
    record = resolution(
        "PP", "191",
        {"place": "Bucharest", "year": 2022, "revised": True},
        {"place": "Busan", "year": 2014},
    )  # fmt: skip
    assert record.citation() == "Resolution 191 (Rev. Bucharest, 2022)"
    assert record.citation(record.editions[1]) == "Resolution 191 (Busan, 2014)"


def test_number_written_as_a_number_is_refused_not_changed() -> None:
    # Unquoted, YAML reads 0x46 as 70: the record would silently cite the wrong resolution.
    with pytest.raises(ValueError, match="Input should be a valid string"):
        resolution("WTSA", 70, {"place": "Dubai", "year": 2012})  # type: ignore[arg-type]
