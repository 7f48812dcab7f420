"""The Jinja templates of the report: where they are found, and errors that name template and line."""

from __future__ import annotations

import os
import re
import shutil
import traceback
import types
from collections.abc import Callable, Container
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.nodes import EvalContext
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from res191 import wording
from res191.models.translations import ENGLISH, RIGHT_TO_LEFT
from res191.rendering import dates, text
from res191.rendering.bilingual import both, in_english, passed_on
from res191.rendering.catalogs import translations
from res191.rendering.localized import Wording, translated_keys


class TemplateProblem(Exception):
    """A template cannot be rendered: which template, which line, and what is wrong."""


def builtin_folder() -> Path:
    """The templates that come with res191 (the repository's templates/ folder)."""
    return Path(str(resources.files("res191.templates")))


class _FoldersOnly(jinja2.FileSystemLoader):
    """Templates from the template folders only: a linked file that leads elsewhere (/etc/passwd) is
    not one, whatever its name."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        try:
            source, filename, uptodate = super().get_source(environment, template)
        except UnicodeDecodeError:
            raise _not_utf8(self.searchpath, template) from None
        real = Path(os.path.realpath(filename))
        if not any(real.is_relative_to(os.path.realpath(folder)) for folder in self.searchpath):
            raise jinja2.TemplateNotFound(template, f"{template} leads outside the template folders")
        return source, filename, uptodate


def _not_utf8(folders: list[str], template: str) -> TemplateProblem:
    """A template file that is not UTF-8 text (saved as Latin-1 or Windows-1252 by an editor), named at
    the first byte that is not, with how to save it right."""
    for folder in folders:
        path = Path(folder) / template
        if not path.is_file():
            continue
        data = path.read_bytes()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
            return TemplateProblem(
                f"{path}:{line}:{column}: the template is not UTF-8 text (byte 0x{data[error.start]:02x}); "
                "save it as UTF-8 (in your editor: Save As, encoding UTF-8)"
            )
    return TemplateProblem(f"the template {template!r} is not UTF-8 text; save it as UTF-8")


def install_wording(
    env: jinja2.Environment,
    gettext: Callable[[str], str],
    ngettext: Callable[[str, str, int], str],
    language: str = ENGLISH,
    known: Container[object] = frozenset(),
) -> None:
    """The templates' `_()`, `ngettext()` and `{% trans %}` through res191's own translation functions, as
    jinja2.ext.i18n's newstyle gettext does it (the wording Markup where the template escapes, its values
    formatted in and escaped), but calling them directly: Jinja's own passes every call through the
    sandbox's checks once or twice more, for functions that are res191's, not a template's (at 10,000
    records, 314,000 calls and a fifth of the pages' rendering). The values go in as `inserted` has them.

    `known` holds the wordings the language's catalog translates (rendering/localized.py translated_keys):
    a wording it does not is English, and so are its values (rendering/bilingual.py); a translated one
    carries its English form too, for a sentence left in English that it goes into.

    They are given the evaluation context (whether the template escapes), not the template's context: Jinja
    copies the context for a function given it at every call inside a loop or a block (at 10,000 records,
    134,000 copies and a twelfth of the pages' rendering)."""
    if language == ENGLISH:

        @jinja2.pass_eval_context
        def translated(eval_ctx: EvalContext, message: str, **values: Any) -> str:
            return filled(gettext(message), values, language, eval_ctx.autoescape)

        @jinja2.pass_eval_context
        def translated_plural(
            eval_ctx: EvalContext, singular: str, plural: str, num: int, **values: Any
        ) -> str:
            values.setdefault("num", num)
            return filled(ngettext(singular, plural, num), values, language, eval_ctx.autoescape)

    else:

        @jinja2.pass_eval_context
        def translated(eval_ctx: EvalContext, message: str, **values: Any) -> str:
            escaping = eval_ctx.autoescape
            english = in_english(values)  # before `inserted` changes the values (an isolated one is a str)
            if message not in known:
                return filled(gettext(message), english, language, escaping)
            written = filled(gettext(message), values, language, escaping)
            return both(written, filled(message, english, language, escaping))

        @jinja2.pass_eval_context
        def translated_plural(
            eval_ctx: EvalContext, singular: str, plural: str, num: int, **values: Any
        ) -> str:
            values.setdefault("num", num)
            escaping = eval_ctx.autoescape
            english = in_english(values)
            if (singular, 0) not in known:
                return filled(ngettext(singular, plural, num), english, language, escaping)
            return both(
                filled(ngettext(singular, plural, num), values, language, escaping),
                filled(singular if num == 1 else plural, english, language, escaping),
            )

    env.newstyle_gettext = True  # type: ignore[attr-defined]  # {% trans %} passes its values by name
    wording = _each_once(translated)
    env.globals.update(gettext=wording, ngettext=translated_plural, _=wording)
    if isinstance(env, _Sandbox):
        env.own_calls = {id(function): function for function in (wording, translated_plural)}


def _each_once(translated: Callable[..., str]) -> Callable[..., str]:
    """translated, a wording with no values to fill in made once (per escaping): a site of 10,000 pages asks
    for `_("Sources")` and the like 240,000 times, each the same."""
    made: dict[tuple[str, bool], str] = {}

    @jinja2.pass_eval_context
    def wording(eval_ctx: EvalContext, message: str, **values: Any) -> str:
        if values:
            return translated(eval_ctx, message, **values)
        key = (message, eval_ctx.autoescape)
        done = made.get(key)
        if done is None:
            done = made[key] = translated(eval_ctx, message)
        return done

    return wording


def filled(wording: str, values: dict[str, Any], language: str, escaping: bool) -> str:
    """A wording with its values in (`inserted`), as Markup where the template escapes."""
    wording = inserted(wording, values, language)
    return (Markup(wording) if escaping else wording) % values


def inserted(wording: str, values: dict[str, Any], language: str) -> str:
    """A sentence's wording, and its values (changed in place), as they go together, in one place for every
    sentence of the report and the site:

    - a sentence ends once: where a value ending in a full stop (a Russian date, `Inc.`) ends it, the
      wording's own full stop is left out;
    - in a language written right to left, a text inserted that is itself right to left (a body's name in
      Arabic; a date is isolated where it is written) is isolated (FSI ... PDI, rendering/dates.py), so that
      in a sentence left in English it is laid out in its own order. A value of left-to-right text is left
      as it is: LibreOffice breaks the lines of a paragraph in the wrong places where an isolate spans runs
      of different formatting (an English text marked as such), and such values are the ones that do.
    """
    for name, value in values.items():
        if not isinstance(value, str):
            continue
        if value.rstrip(dates.PDI).endswith("."):
            wording = re.sub(rf"(%\({re.escape(name)}\)s)\.(?!\.)", r"\1", wording)
        if language in RIGHT_TO_LEFT and dates.right_to_left(value):
            isolated = dates.isolate(str(value), language)
            values[name] = Markup(isolated) if isinstance(value, Markup) else isolated
    return wording


_METHODS = (types.MethodType, types.BuiltinMethodType)
_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Sandbox(SandboxedEnvironment):
    """Jinja's sandbox, its verdict on each attribute kept: a site of 10,000 pages reads some 500,000
    attributes, and the sandbox's checks of each were a tenth of the build."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._verdicts: dict[tuple[type, str], bool] = {}
        # res191's own functions that templates call (install_wording): called at once, given the
        # evaluation context, without the checks and dispatch meant for what a template may reach.
        # By identity: what a template calls may be anything, hashable or not.
        self.own_calls: dict[int, Callable[..., Any]] = {}

    def call(__self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        # The sandbox's checks, then Jinja's dispatch, cost more than the wording itself: a site of
        # 10,000 pages makes some 320,000 such calls.
        own = __self.own_calls.get(id(__obj))
        if own is not None and own is __obj:
            kwargs.pop("_loop_vars", None)
            kwargs.pop("_block_vars", None)
            return own(__context.eval_ctx, *args, **kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # Jinja's verdict depends on the name and on what kind of object holds it (a function, a method,
        # a type, a frame...: isinstance checks), never on the object itself or the value: the same for
        # every object of a type.
        key = (type(obj), attr)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdicts[key] = super().is_safe_attribute(obj, attr, value)
        return verdict

    def getattr(self, obj: Any, attribute: str) -> Any:
        # What Jinja's own getattr would give, sooner: a dict's item whose name is no attribute of a
        # dict (`page.theme`), and an attribute found safe before on an object of the same type, holding
        # a plain value. The rest (a method, which may be a str.format that Jinja wraps; a missing or
        # unsafe attribute) go through it.
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return super().getattr(obj, attribute)
        if self._verdicts.get((type(obj), attribute)):
            try:
                value = getattr(obj, attribute)
            except AttributeError:
                return super().getattr(obj, attribute)
            if not isinstance(value, _METHODS):
                return value
        return super().getattr(obj, attribute)


def environment(template_dir: Path | None = None, language: str = ENGLISH) -> jinja2.Environment:
    """Templates from template_dir first, then the built-in ones; undefined names are errors. Their standing
    wording in a language comes from the catalogs (rendering/catalogs.py) of the built-in templates.

    Templates run in Jinja's sandbox: in CI the templates come with the pull request, and the job holds
    secrets, so a template may use the names it is given and nothing of Python's own (no `__class__`,
    no reaching modules, files or commands), and include only other templates of its folders.
    """
    folders = [str(template_dir)] if template_dir is not None else []
    env = _Sandbox(
        extensions=["jinja2.ext.i18n"],
        loader=_FoldersOnly([*folders, str(builtin_folder())]),
        undefined=jinja2.StrictUndefined,
        autoescape=lambda name: bool(name and name.endswith(".html.j2")),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    catalog = translations(builtin_folder(), language)
    install_wording(env, catalog.gettext, catalog.ngettext, language, translated_keys(catalog))
    words = Wording(language, catalog)
    env.filters.update(
        long_date=words.long_date,
        date_range=words.date_range,
        month_year=words.month_year,
        times=words.times,
        lower_first=lambda text: passed_on(text, wording.lower_first),
        with_note=wording.with_note,
        named=text.named_in(words),
        not_recorded=text.not_recorded_in(words),
        md=text.md,
        cell=text.cell,
        join_and=lambda items: words.join_and(list(items)),
        # A word of the records' vocabularies or of res191's Python (a status, a Sector, an annex's title),
        # marked for the catalogs where it is written: translated as it is, with nothing to fill in.
        translate=words.gettext,
    )
    return env


def render(env: jinja2.Environment, name: str, variables: dict[str, Any]) -> str:
    """Render a template; a problem in it becomes a TemplateProblem naming the template and line.

    A fault raised inside one of the user's own templates (a filter given the wrong value, a division
    by zero) is the template's: it is reported at its line. One raised in a built-in template is a
    fault in res191, and is raised as it is.
    """
    try:
        return env.get_template(name).render(**variables)
    except jinja2.TemplateSyntaxError as error:
        where = f"{error.filename or error.name}:{error.lineno}"
        raise TemplateProblem(f"{where}: {error.message}") from None
    except jinja2.TemplateNotFound as error:
        where = _template_line(error)
        place = f"{where}: " if where != "a template" else ""
        folders = ", ".join(env.loader.searchpath)  # type: ignore[union-attr]
        raise TemplateProblem(
            f"{place}no template named {error.name!r} in the template folders ({folders})"
        ) from None
    except SecurityError as error:
        raise TemplateProblem(f"{_template_line(error)}: not allowed in a template: {error}") from None
    except jinja2.TemplateError as error:
        raise TemplateProblem(f"{_template_line(error)}: {error.message}") from None
    except Exception as error:
        where = _template_line(error)
        if where.startswith(str(builtin_folder())) or where == "a template":
            raise
        raise TemplateProblem(f"{where}: {type(error).__name__}: {error}") from None


def _template_line(error: BaseException) -> str:
    # Jinja rewrites tracebacks so that template frames carry the template's file and line.
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith(".j2")]
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "a template"


def copy_builtin(destination: Path, overwrite: bool = False) -> list[Path]:
    """Copy the built-in templates into destination for editing; refuse to overwrite unless asked."""
    sources = sorted(p for p in builtin_folder().iterdir() if p.name.endswith(".j2"))
    targets = [destination / p.name for p in sources]
    existing = [t for t in targets if t.exists()]
    if existing and not overwrite:
        names = ", ".join(str(t) for t in existing)
        raise FileExistsError(f"{names} already exist; pass --force to replace them")
    destination.mkdir(parents=True, exist_ok=True)
    for source, target in zip(sources, targets, strict=True):
        shutil.copyfile(source, target)
    return targets
