"""The audit of what outputs state: every edition printed as in force is in force on the day the output
speaks of, by the records' histories; no absence is stated but from a list declared complete. Used on the
bundled data, on the examples and on generated repositories with gaps and suppressions."""

from __future__ import annotations

import re
from datetime import date

from res191.loading.record import LoadedRecords
from res191.models import Resolution

# A citation as every output prints it; an asterisk marks "latest recorded" in tables.
_CITATION = re.compile(r"(Resolution|Decision) (ITU-R )?[0-9][0-9A-Z-]* \([^()]+\)(\*)?")


def audit(text: str, loaded: LoadedRecords, on: date, where: str) -> None:
    """Each citation printed without a mark or a note is in force on the day; no absence is stated."""
    records = loaded.all("resolution", Resolution)
    cited_on = [r.cited(on, loaded.sessions()) for r in records.values()]
    in_force = {c.text for c in cited_on if c.in_force}
    every = {r.citation(e) for r in records.values() for e in r.editions}
    for match in _CITATION.finditer(text):
        cited = match.group(0).rstrip("*")
        rest_of_line = text[match.end() :].split("\n", 1)[0]
        marked = match.group(3) or "(latest recorded" in rest_of_line or "(suppressed" in rest_of_line
        if cited in every and not marked:
            assert cited in in_force, f"{where}: {cited} shown as in force on {on}"
    # An absence may be stated only with the complete list it rests on (a theme's resolutions_complete).
    flat = " ".join(text.split())
    absence = re.search(r"\b(has|have) none\b(?! \(the theme's list is complete as of)", flat)
    assert absence is None, (
        f"{where}: an absence stated: …{flat[max(0, absence.start() - 80) : absence.end() + 80]}…"
    )
