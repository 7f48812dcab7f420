"""Records as a real site meets them, for the site's tests: long names and `@itu.int` addresses, links to
ITU's texts, sources, a meeting outcome with its own headings, Arabic, and Markdown that tries to reach
beyond its text. Made in a copy of the with-report example, never in data/."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import EXAMPLES

LONG_NAME = "Ms Maria-Alexandra Konstantinopoulou-Vandenberghe"
LONG_EMAIL = "maria-alexandra.konstantinopoulou-vandenberghe@itu.int"
ARABIC = "التحول الرقمي المستدام"
ITU_LINK = "https://www.itu.int/pub/S-CONF-ACTF-2022"

_POINTS = [
    ("ITU-R", "unit: Radiocommunication Bureau (BR)", "Ann Example", "ann.example@itu.int"),
    ("ITU-R", "unit: Radiocommunication Bureau (BR)", f'"{LONG_NAME}"', LONG_EMAIL),
    (
        "ITU-T", "unit: Telecommunication Standardization Bureau (TSB)", "Mr Jean-Baptiste Lefebvre-Duchamp",
        "jean-baptiste.lefebvre-duchamp@itu.int",
    ),
    ("ITU-D", "role: Programme officer", "Ms Oluwaseun Adebayo-Okonkwo", "oluwaseun.adebayo-okonkwo@itu.int"),
    (
        "GS", "role: Senior Advisor to the Deputy Secretary-General", "Mr Wei Zhang",
        "strategic-planning-and-membership-department@itu.int",
    ),
]  # fmt: skip
FOCAL_POINTS = "focal_points:\n" + "".join(
    f"  - {{sector: {sector}, {post}, name: {name}, email: {email}}}\n"
    for sector, post, name, email in _POINTS
)

OUTCOME = """
The group met in a hybrid format.

## Conclusions

It agreed to continue its work.{#content style="position:fixed;top:0;left:0" autofocus tabindex="1"}

{#content .evil style="position:fixed" autofocus tabindex="1"}
A paragraph that tries to take the page's id.

### Details

<img src=x onerror=alert(2)> and *emphasis*.

اتفق الفريق على مواصلة عمله بشأن إمكانية النفاذ.
"""


def realistic(root: Path) -> Path:
    """A copy of the with-report example at root, made as a real site meets its records; root returned."""
    shutil.copytree(EXAMPLES / "valid" / "with-report", root)
    data = root / "data"
    theme = data / "themes" / "alpha-theme.yaml"
    text = theme.read_text(encoding="utf-8")
    start, end = text.index("focal_points:"), text.index("resolutions:")
    text = text[:start] + FOCAL_POINTS + text[end:]
    text = text.replace(
        "status: active\n",
        "status: active\nsources: [C24/35, https://www.itu.int/en/council/Pages/default.aspx]\n",
    )
    theme.write_text(text, encoding="utf-8")
    new_theme = data / "themes" / "new-theme.yaml"
    new_theme.write_text(
        new_theme.read_text().replace("title: New theme", f"title: {ARABIC}"), encoding="utf-8"
    )
    resolution = data / "resolutions" / "pp-1.yaml"
    resolution.write_text(
        resolution.read_text().replace(
            "  - {place: Alpha, year: 2018, title: First text}",
            f"  - {{place: Alpha, year: 2018, title: First text, link: '{ITU_LINK}', sources: [C18/1]}}",
        ),
        encoding="utf-8",
    )
    meeting = data / "meetings" / "iscg-2024-06-05.md"
    meeting.write_text(
        meeting.read_text().replace(
            "venue: Geneva\n", "venue: Geneva\nchair: Mr Fabio Bigi\ndocuments: [c25-1]\n"
        )
        + OUTCOME,
        encoding="utf-8",
    )
    return root
