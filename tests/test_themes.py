"""ITU's rule for areas of mutual interest, and the Sectors a theme involves."""

from __future__ import annotations

from typing import Any

from res191.checks.facts import ResolutionFacts, resolution_facts, theme_facts
from res191.checks.themes import involved_sectors, meets_itu_rule
from res191.models import Resolution, Theme


def res(conference: str, calls: bool | None = None, sectors: tuple[str, ...] = ()) -> ResolutionFacts:
    data: dict[str, Any] = {
        "id": "x",
        "conference": conference,
        "number": "1",
        "editions": [{"year": 2022}],
        "sectors": list(sectors),
    }
    if calls is not None:
        data["calls_for_coordination"] = calls
    return resolution_facts(Resolution.model_validate(data))


def test_pp_resolution_calling_for_coordination_is_enough() -> None:
    assert meets_itu_rule([res("PP", calls=True)])


def test_pp_resolution_and_a_sector_resolution() -> None:
    assert meets_itu_rule([res("PP"), res("WTDC")])
    assert meets_itu_rule([res("PP"), res("RA")])


def test_pp_alone_sector_alone_or_nothing_breaks_the_rule() -> None:
    assert not meets_itu_rule([res("PP")])
    assert not meets_itu_rule([res("WTSA"), res("WTDC")])
    assert not meets_itu_rule([res("Council"), res("PP", calls=False)])
    assert not meets_itu_rule([])


def test_involved_sectors_come_from_resolutions_tracker_and_lead() -> None:
    theme = Theme.model_validate(
        {"id": "t", "title": "T", "lead": "GS", "tracker": [{"year": 2024, "sector": "ITU-R", "title": "A"}]}
    )
    sectors = involved_sectors(theme_facts(theme), [res("WTSA"), res("PP", sectors=("ITU-D",))])
    assert sectors == {"ITU-T", "ITU-D", "ITU-R", "GS"}
