"""`validate` and the committed JSON Schemas mean the same: what one accepts, the other accepts.

Editors see the JSON Schemas through yaml-language-server while they type; CI runs `validate`. If the
two disagreed, a record would look right in the editor and fail in CI, or worse, pass both while
meaning something else (`number: 0x46` read as 70).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from jsonschema import Draft7Validator, FormatChecker

from res191.loading.yaml12 import parse_yaml
from res191.models import KINDS
from tests.conftest import REPO

RESOLUTION = "id: pp-70\nconference: PP\neditions: [{year: 2010}]\n"
THEME = "id: accessibility\ntitle: Accessibility\n"
MEETING = "id: iscg-2024-01-24\nbody: iscg\n"
REPORT = (
    "id: '2024'\nyear: 2024\ncouncil_session: council-2024\nresolution: pp-191\nby: "
    "Secretary-General\npurpose: P\n"
    "action_required: A\nstrategic_plan_link: S\nfinancial_implications: F\n"
)

# (kind, the YAML, whether it is a valid record)
EXAMPLES: list[tuple[str, str, bool]] = [
    ("resolution", RESOLUTION + 'number: "70"', True),
    ("resolution", RESOLUTION + 'number: "ITU-R 6-2"', True),
    ("resolution", RESOLUTION + "number: 70", False),  # unquoted: YAML reads a number
    ("resolution", RESOLUTION + "number: 0x46", False),  # YAML 1.2 reads 70
    ("resolution", RESOLUTION + "number: 035", False),  # YAML 1.2 reads 35
    ("resolution", RESOLUTION + 'number: "\u0667\u0660"', False),  # Arabic-Indic digits
    ("resolution", RESOLUTION + 'number: "\uff17\uff10"', False),  # fullwidth digits
    ("resolution", RESOLUTION + 'number: "70"\nkind: decree', False),
    ("resolution", RESOLUTION + 'number: "70"\ncalls_for_coordination: yes', False),
    ("resolution", RESOLUTION + 'number: "70"\nsectors: [ITU-X]', False),
    ("resolution", RESOLUTION.replace("2010", "0x7DA") + 'number: "70"', True),  # 2010 either way
    ("theme", THEME, True),
    ("theme", THEME + 'since: "2024-03"', True),
    ("theme", THEME + 'since: "2024-13"', False),
    ("theme", THEME + 'since: "\u0662\u0660\u0662\u0664"', False),
    ("theme", THEME + "focal_points: [{sector: GS, email: a@itu.int}]", True),
    ("theme", THEME + "focal_points: [{sector: GS, email: nobody}]", False),
    ("theme", THEME.replace("accessibility", "Accessibility", 1), False),  # ids are lower case
    ("theme", THEME.replace("accessibility", "access_ibility", 1), False),
    ("meeting", MEETING + "start: 2024-01-24", True),
    ("meeting", MEETING + "start: 2024-1-24", False),
    ("meeting", MEETING + "start: 2024-02-30", False),
    ("meeting", MEETING + "start: \uff12\uff10\uff12\uff14-01-24", False),
    ("meeting", MEETING + "start: 2024-01-24\nremote_participation: on", False),
    ("report", REPORT, True),
    ("report", REPORT + "document: C24/35", True),
    ("report", REPORT + "document: C\u0662\u0664/35", False),
    ("report", REPORT + "annexes: [themes, appendix]", False),
    ("body", "id: iscg\nacronym: ISCG\nname: Inter-Sector Coordination Group", True),
    ("body", "id: iscg\nacronym: ISCG\nname: ''", False),
]


def committed_schema(kind: str) -> Draft7Validator:
    schema: dict[str, Any] = json.loads((REPO / "schemas" / f"{kind}.schema.json").read_text())
    return Draft7Validator(schema, format_checker=FormatChecker())


@pytest.mark.parametrize(
    ("kind", "text", "valid"), EXAMPLES, ids=[f"{k}-{i}" for i, (k, _, _) in enumerate(EXAMPLES)]
)
def test_validate_and_the_json_schema_agree(kind: str, text: str, valid: bool) -> None:
    value = parse_yaml(text).value  # YAML 1.2, as yaml-language-server reads it
    model = KINDS[kind].model
    try:
        model.model_validate(value)
        ours = True
    except ValueError:
        ours = False
    theirs = committed_schema(kind).is_valid(value)
    assert (ours, theirs) == (valid, valid)
