"""ITU's names that every part of res191 uses: the Sectors, the conferences, record ids.

Plain Python, no pydantic: the checks across files and the result cache use these without building
the record models (see models/__init__.py).
"""

from __future__ import annotations

import re
from enum import StrEnum


class Sector(StrEnum):
    """The three Sectors of the Union and the General Secretariat."""

    ITU_R = "ITU-R"
    ITU_T = "ITU-T"
    ITU_D = "ITU-D"
    GS = "GS"


class Conference(StrEnum):
    """The conferences and assemblies that adopt resolutions, as ITU abbreviates them."""

    PP = "PP"
    WTSA = "WTSA"
    WTDC = "WTDC"
    RA = "RA"
    WRC = "WRC"
    COUNCIL = "Council"

    @property
    def sector(self) -> Sector | None:
        """The Sector whose conference this is; PP and Council belong to the whole Union."""
        return _CONFERENCE_SECTOR.get(self)

    @property
    def body_id(self) -> str:
        """The id of the body record of this conference (`pp`, `wtsa`, `council`): its sessions are
        meeting records of that body, which date the editions it adopted."""
        return self.value.lower()


_CONFERENCE_SECTOR = {
    Conference.WTSA: Sector.ITU_T,
    Conference.WTDC: Sector.ITU_D,
    Conference.RA: Sector.ITU_R,
    Conference.WRC: Sector.ITU_R,
}

# The order of columns wherever Sectors or conferences are tabled: report annexes, matrix, site.
SECTOR_COLUMNS = (Sector.ITU_R, Sector.ITU_T, Sector.ITU_D, Sector.GS)
# Council's resolutions too: a theme may rest on one (Council Resolution 1307, on climate change).
MAPPED_CONFERENCES = (
    Conference.PP, Conference.WTSA, Conference.WTDC, Conference.RA, Conference.WRC, Conference.COUNCIL
)  # fmt: skip

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# A text holds a character other than a space: one of spaces alone shows as nothing (an empty heading, a
# link with no words, a blank source).
WRITTEN = r"\S"
ID = re.compile(ID_PATTERN)


def id_from_name(name: str) -> str:
    """A valid id made from a name or title, in any script: `pp 191 copy` gives `pp-191-copy`,
    `Égalité numérique` gives `egalite-numerique`; "" when the name holds no letter or digit at all.

    Titles in Arabic, Chinese or Cyrillic are transliterated (anyascii, the maintained library that
    covers every script) rather than dropped, so that two titles in one script do not make one id.
    """
    if not name.isascii():
        from anyascii import anyascii

        name = anyascii(name)
    words = re.findall(r"[a-z0-9]+", name.lower())
    return "-".join(words)[:80].strip("-")


# File names Windows keeps for devices, whatever the ending: a record `con.yaml` could not be checked out
# there (git for Windows refuses it), so no id may be one.
_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"com{n}" for n in range(10)] + [f"lpt{n}" for n in range(10)]
)


def reserved_name(record_id: str) -> bool:
    """Whether an id is a file name Windows keeps for a device (`con`, `nul`, `com1`, `lpt1`...)."""
    return record_id in _RESERVED
