"""Where values are: the small index kept for every record agrees with a walk of the parsed file."""

from __future__ import annotations

import pickle

import pytest
from yaml.nodes import MappingNode, SequenceNode

from res191.loading.key_places import Loc
from res191.loading.locator import Locator, find_key_places
from res191.loading.yaml12 import Document, parse_yaml

RECORD = """\
# a comment first
id: theme-1
title: "Accessibility"
resolutions: [pp-175, wtsa-70,
  wtdc-58]
focal_points:
  - sector: ITU-R
    unit: BR
  -   sector: GS
tracker: []
note: >
  folded
"""


def _every_loc(document: Document) -> list[Loc]:
    root = document.node
    assert isinstance(root, MappingNode)
    locs: list[Loc] = [()]
    for key_node, value_node in root.value:
        locs.append((key_node.value,))
        if isinstance(value_node, SequenceNode):
            locs += [(key_node.value, i) for i in range(len(value_node.value))]
    return locs


@pytest.mark.parametrize("line_offset", [0, 3])
def test_the_shallow_index_agrees_with_the_locator(line_offset: int) -> None:
    document = parse_yaml(RECORD, line_offset)
    places, locator = find_key_places(document), Locator(document)
    locs = _every_loc(document)
    assert ("focal_points", 1) in locs and ("resolutions", 2) in locs
    for loc in locs:
        assert places[loc] == (locator.locate(loc, at_key=True), locator.locate(loc)), loc
    assert places[("resolutions", 2)][1] == (5 + line_offset, 3)
    assert ("resolutions", 3) not in places and ("tracker", 0) not in places
    assert ("focal_points", 0, "sector") not in places and ("nowhere",) not in places
    assert places.get(("nowhere",), ((0, 0), (0, 0))) == ((0, 0), (0, 0))


def test_keeping_some_items_keeps_the_keys_and_survives_a_trip_between_processes() -> None:
    places = find_key_places(parse_yaml(RECORD))
    kept = pickle.loads(pickle.dumps(places.keeping({("focal_points", 1)})))
    assert kept[("focal_points", 1)] == places[("focal_points", 1)]
    assert kept[("title",)] == places[("title",)] and kept[()] == places[()]
    assert ("resolutions", 0) not in kept
