"""ITU's six official languages, and the translations a record may carry of the texts ITU publishes in them.

English is the language of record: a record's own fields (`title`, `name`, `purpose`...) hold the English
text, and `translations` holds the same texts in the five other languages, under each language's code:

    title: Accessibility
    translations:
      fr:
        title: Accessibilité
      es:
        title: Accesibilidad

A missing translation is not an error: outputs in that language show the English text, marked as such, and
`res191 validate --languages` lists what is missing. An unknown language code is an error at its line.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Generic, TypeVar

from pydantic import BaseModel, Field, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from res191.models.common import StrictModel

# The official languages in ITU's own order (as its pages list them), with their names in English and in
# themselves, as the language switcher shows them.
LANGUAGES: dict[str, tuple[str, str]] = {
    "ar": ("Arabic", "العربية"),
    "zh": ("Chinese", "中文"),
    "en": ("English", "English"),
    "fr": ("French", "Français"),
    "ru": ("Russian", "Русский"),
    "es": ("Spanish", "Español"),
}
ENGLISH = "en"
# The languages a record translates into (English is the record's own text).
TRANSLATED = tuple(code for code in LANGUAGES if code != ENGLISH)
# Written right to left.
RIGHT_TO_LEFT = frozenset({"ar"})

Texts = TypeVar("Texts", bound=BaseModel)


class Translations(StrictModel, Generic[Texts]):
    """The texts of a record (or of a part of one) in the other official languages, by language code."""

    ar: Texts | None = Field(None, description="In Arabic.")
    zh: Texts | None = Field(None, description="In Chinese.")
    fr: Texts | None = Field(None, description="In French.")
    ru: Texts | None = Field(None, description="In Russian.")
    es: Texts | None = Field(None, description="In Spanish.")

    @classmethod
    def __get_pydantic_json_schema__(cls, core: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        # Each language's example is an example of the texts translated, from their own fields' examples.
        schema = handler.resolve_ref_schema(handler(core))
        texts: type[BaseModel] = cls.__pydantic_generic_metadata__["args"][0]
        example = {name: info.examples[0] for name, info in texts.model_fields.items() if info.examples}
        for code in TRANSLATED:
            schema["properties"][code]["examples"] = [example]
        return schema

    def into(self, language: str) -> BaseModel | None:
        """The texts in one language, if given."""
        found: BaseModel | None = getattr(self, language, None) if language in TRANSLATED else None
        return found


def translated_fields(texts: type[BaseModel]) -> list[str]:
    """The names of the texts a model of translations holds (the same names as the English fields)."""
    return list(texts.model_fields)


def in_language(holder: BaseModel, field: str, language: str) -> tuple[str | None, bool]:
    """A text of a record (or part of one) in a language: (the text, whether it is in that language).

    Where it is not translated, the English text comes back with False, so that outputs can mark it."""
    english: str | None = getattr(holder, field)
    if language == ENGLISH:
        return english, True
    translations: Translations[BaseModel] | None = getattr(holder, "translations", None)
    texts = translations.into(language) if translations is not None else None
    value = getattr(texts, field, None) if texts is not None else None
    if isinstance(value, str):
        return value, True
    return english, False


def holders(
    value: object, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], BaseModel]]:
    """Every part of a record that can carry translations (has a `translations` field), with its path."""
    if isinstance(value, BaseModel):
        if "translations" in type(value).model_fields:
            yield path, value
        for name in type(value).model_fields:
            if name != "translations":
                yield from holders(getattr(value, name), (*path, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from holders(item, (*path, index))


def texts_model(holder: type[BaseModel]) -> type[BaseModel]:
    """The model of the texts a kind of holder translates (EditionTexts for an Edition)."""
    annotation = holder.model_fields["translations"].annotation
    for option in getattr(annotation, "__args__", (annotation,)):
        if isinstance(option, type) and issubclass(option, Translations):
            texts: type[BaseModel] = option.__pydantic_generic_metadata__["args"][0]
            return texts
    raise TypeError(f"{holder.__name__}.translations is not a Translations[...]")
