"""Types shared by every kind of record: Sectors, conferences, ids, dates, references."""

from __future__ import annotations

import functools
import re
import types
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, Strict, StringConstraints

from res191.models.vocabulary import (
    ID,
    ID_PATTERN,
    MAPPED_CONFERENCES,
    SECTOR_COLUMNS,
    WRITTEN,
    Conference,
    Sector,
    id_from_name,
)


class StrictModel(BaseModel):
    """Base of every record: no type coercion, unknown keys rejected, values kept as written."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


# Strict mode takes an enum only as an instance; records hold its value as text.
SectorName = Annotated[Sector, Strict(False), Field(examples=["ITU-T"])]
ConferenceName = Annotated[Conference, Strict(False), Field(examples=["PP"])]

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=80),
    Field(description="Lower-case words and digits joined by hyphens; the file name without its ending."),
]


# Written (vocabulary.WRITTEN); a field with a form of its own (a year, an e-mail) has its own pattern.
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False, pattern=WRITTEN)]
Year = Annotated[int, Field(ge=1865, le=2100, examples=[2024])]


def _iso_date(value: Any) -> Any:
    # YAML 1.2 leaves 2024-01-24 a string; accept exactly that form, and nothing looser.
    if isinstance(value, str):
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            raise ValueError("a date is written YYYY-MM-DD, e.g. 2024-01-24")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value} is not a date in the calendar") from None
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date), Field(examples=["2024-01-24"])]


def _real_day(value: str) -> str:
    if len(value) > 4:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value} is not a date in the calendar") from None
    return value


# A day, or only its year where that is all a source gives: "2024-01-24" or "2024".
Day = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9]{4}(-[0-9]{2}-[0-9]{2})?$"),
    AfterValidator(_real_day),
    Field(
        description="A date (YYYY-MM-DD), or a year (YYYY) where only the year is known.", examples=["2024"]
    ),
]


def first_day(day: str) -> date:
    """The first day a Day can mean: the day itself, or 1 January of a year."""
    return date.fromisoformat(day) if len(day) > 4 else date(int(day), 1, 1)


def last_day(day: str) -> date:
    """The last day a Day can mean: the day itself, or 31 December of a year."""
    return date.fromisoformat(day) if len(day) > 4 else date(int(day), 12, 31)


# The number as ITU writes it, always in quotes: unquoted, YAML would read `0x46` as 70 and `035`
# as 35, and editors' schema checks would agree, silently. ASCII digits only, as in the JSON Schema.
InstrumentNumber = Annotated[
    str,
    StringConstraints(pattern=r"^(ITU-R )?[0-9]+[A-Z]?(-[0-9]+)?$"),
    Field(examples=["191", "ITU-R 75", "ITU-R 6-2"]),
]

Source = Annotated[
    str,
    StringConstraints(min_length=1, pattern=WRITTEN),
    Field(
        description="Where a fact comes from: a URL or an ITU document number.",
        examples=["C24/35", "https://www.itu.int/en/council/Pages/default.aspx"],
    ),
]


Link = Annotated[
    str,
    StringConstraints(pattern=r"^https?://[^\s]+$"),
    Field(description="A web address, starting https://.", examples=["https://www.itu.int/en/council/"]),
]


@dataclass(frozen=True)
class RefTo:
    """Marks an id field as a reference to a record of another kind."""

    kind: str


ResolutionRef = Annotated[Id, RefTo("resolution")]
ThemeRef = Annotated[Id, RefTo("theme")]
BodyRef = Annotated[Id, RefTo("body")]
MeetingRef = Annotated[Id, RefTo("meeting")]
DocumentRef = Annotated[Id, RefTo("document")]
InitiativeRef = Annotated[Id, RefTo("initiative")]


def _ref_kind(annotation: Any, metadata: list[Any]) -> tuple[str, bool] | None:
    """The kind a field refers to and whether it holds a list of references."""
    for item in metadata:
        if isinstance(item, RefTo):
            return item.kind, False
    origin = get_origin(annotation)
    if origin is Annotated:
        args = get_args(annotation)
        return _ref_kind(args[0], list(args[1:]))
    if origin is list:
        found = _ref_kind(get_args(annotation)[0], [])
        return (found[0], True) if found else None
    if origin in (Union, types.UnionType):
        for arg in get_args(annotation):
            if arg is not type(None) and (found := _ref_kind(arg, [])):
                return found
    return None


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """The record model a field holds, directly or in a list or an optional."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (list, Union, types.UnionType, Annotated):
        for arg in get_args(annotation):
            if (found := _nested_model(arg)) is not None:
                return found
    return None


@functools.cache
def _layout(model: type[BaseModel]) -> list[tuple[str, tuple[str, bool] | None, type[BaseModel] | None]]:
    """The fields of a model that may hold a reference: what each refers to, or the model it nests
    (one with references somewhere inside). Worked out once per model: every record is walked."""
    fields = [
        (name, _ref_kind(info.annotation, list(info.metadata)), _nested_model(info.annotation))
        for name, info in model.model_fields.items()
    ]
    return [
        (name, target, nested if target is None else None)
        for name, target, nested in fields
        if target is not None or (nested is not None and _layout(nested))
    ]


Loc = tuple[str | int, ...]
_RECORDS = (dict, BaseModel)  # a tuple, not `dict | BaseModel`: built once, not at every isinstance


def iter_references(
    model: type[BaseModel], data: BaseModel | dict[str, Any], loc: Loc = ()
) -> Iterator[tuple[Loc, str, str]]:
    """Every reference a record makes: (path to the value, kind referred to, id).

    data is the validated record or, when it failed its schema, the raw mapping from YAML: a
    record with a wrong type somewhere still has its references checked. Raw values that are not
    ids are left to the schema check.
    """
    raw = isinstance(data, dict)
    for name, target, nested in _layout(model):
        value = data.get(name) if raw else getattr(data, name)  # type: ignore[union-attr]
        if value is None:
            continue
        if target is not None:
            kind, is_list = target
            if is_list and isinstance(value, list):
                for index, ref in enumerate(value):
                    if isinstance(ref, str):
                        yield (*loc, name, index), kind, ref
            elif not is_list and isinstance(value, str):
                yield (*loc, name), kind, value
        elif nested is not None:
            if isinstance(value, _RECORDS):
                yield from iter_references(nested, value, (*loc, name))
            elif isinstance(value, list):
                for index, item in enumerate(value):
                    if isinstance(item, _RECORDS):
                        yield from iter_references(nested, item, (*loc, name, index))


__all__ = [
    "ID",
    "ID_PATTERN",
    "MAPPED_CONFERENCES",
    "SECTOR_COLUMNS",
    "Conference",
    "Sector",
    "id_from_name",
]
