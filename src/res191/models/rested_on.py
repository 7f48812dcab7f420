"""Which resolutions a theme rests on, by conference, on a day: what the mapping, the report's annexes and
the site's theme pages and mapping show of a theme, worked out in one place."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from res191.models.vocabulary import Conference

if TYPE_CHECKING:
    from res191.models.resolution import Cited, Resolution
    from res191.models.theme import Theme

Order = tuple[int, tuple[int, ...], str]


def rested_on(
    theme: Theme,
    resolution_of: Callable[[str], Resolution | None],
    cite: Callable[[Resolution], Cited],
    order: Callable[[Resolution], Order] | None = None,
) -> dict[Conference, list[tuple[Resolution, Cited]]]:
    """The resolutions a theme rests on, each once, with its citation on the day (`cite`: the caller's, so
    that a site cites each resolution once for every page), by conference, each conference's in the order
    of lists (Resolution.order, or the caller's `order` of it). One that does not exist on the day
    (Cited.stands: suppressed by then, or not adopted yet) is left out: the theme does not rest on it then.
    A reference to no resolution record is left out too (validate reports it)."""
    found: list[tuple[Resolution, Cited]] = []
    for ref in dict.fromkeys(theme.resolutions):
        resolution = resolution_of(ref)
        if resolution is None:
            continue
        cited = cite(resolution)
        if cited.stands:
            found.append((resolution, cited))
    found.sort(key=lambda pair: order(pair[0]) if order else pair[0].order)
    grouped: dict[Conference, list[tuple[Resolution, Cited]]] = {}
    for resolution, cited in found:
        grouped.setdefault(resolution.conference, []).append((resolution, cited))
    return grouped
