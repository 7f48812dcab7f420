"""How far the records are translated: for each official language, the texts given in it and those missing.

A text counts where its English is recorded (a theme's title, an edition's title...): it is translated into a
language when the record's `translations` give it in that language.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TextIO

from res191.loading.record import LoadedRecords
from res191.models.translations import LANGUAGES, TRANSLATED, holders, in_language, texts_model
from res191.wording import plural


@dataclass(frozen=True)
class MissingText:
    """A text recorded in English and not given in some languages: where it is, and which languages."""

    place: str  # file:line:column of the English text
    kind: str
    record_id: str
    text: str  # its path in the record: editions[2].title
    languages: tuple[str, ...]


@dataclass
class Coverage:
    """The texts that can be translated, and for each language how many are."""

    texts: int = 0
    translated: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TRANSLATED, 0))
    missing: list[MissingText] = field(default_factory=list)

    def share(self, language: str) -> float:
        """The part of the texts given in a language, from 0 to 1 (1 where there is nothing to translate)."""
        return self.translated[language] / self.texts if self.texts else 1.0


def _dotted(path: tuple[str | int, ...]) -> str:
    return "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path).lstrip(".")


def coverage(loaded: LoadedRecords) -> Coverage:
    """The translations' coverage of every valid record, in file order."""
    found = Coverage()
    for record in sorted(loaded.records, key=lambda r: r.shown):
        if record.record is None:
            continue
        for path, holder in holders(record.record):
            for name in texts_model(type(holder)).model_fields:
                if not getattr(holder, name, None):
                    continue  # nothing in English to translate
                found.texts += 1
                absent = []
                for language in TRANSLATED:
                    if in_language(holder, name, language)[1]:
                        found.translated[language] += 1
                    else:
                        absent.append(language)
                if absent:
                    line, column = record.locate((*path, name))
                    where = f"{record.shown}:{line}:{column}"
                    text = _dotted((*path, name))
                    found.missing.append(MissingText(where, record.kind.name, record.id, text, tuple(absent)))
    return found


def write_text(found: Coverage, out: TextIO) -> None:
    """The coverage as a table, then each text missing in some language, one a line."""
    out.write(f"Translations of the {plural(found.texts, 'text')} recorded in English:\n")
    for language in TRANSLATED:
        name = LANGUAGES[language][0]
        out.write(
            f"  {language} {name:<8} {found.translated[language]:>5} translated, "
            f"{found.texts - found.translated[language]:>5} missing ({found.share(language):.0%})\n"
        )
    if found.missing:
        out.write("Missing:\n")
        for text in found.missing:
            out.write(
                f"{text.place}: {text.kind} {text.record_id} {text.text}: {', '.join(text.languages)}\n"
            )


def write_json(found: Coverage, out: TextIO) -> None:
    """The coverage as JSON: the counts by language and every missing text."""
    data = {
        "texts": found.texts,
        "languages": {
            language: {
                "name": LANGUAGES[language][0],
                "translated": found.translated[language],
                "missing": found.texts - found.translated[language],
            }
            for language in TRANSLATED
        },
        "missing": [
            {
                "place": t.place,
                "kind": t.kind,
                "id": t.record_id,
                "text": t.text,
                "languages": list(t.languages),
            }
            for t in found.missing
        ],
    }
    json.dump(data, out, ensure_ascii=False, indent=1)
    out.write("\n")
