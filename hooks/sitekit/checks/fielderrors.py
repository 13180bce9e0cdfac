"""Turn a schema library's complaints into editors' messages: "found ...; expected ...", with a hint."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from ..inputs.yamlfile import YamlDoc
from ..messages import _
from ..problems import Problem, schema_words, shown_text


def close_match(word: str, known: Iterable[str]) -> str | None:
    """The one of `known` that `word` is a typo of, if any."""
    close = difflib.get_close_matches(str(word), sorted(set(known)), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """ "did you mean `deadline`?" for a typo, else the list of what is accepted."""
    known = sorted(set(known))
    close = close_match(word, known)
    if close:
        return _("did you mean `{name}`?").format(name=close)
    return _("the fields this file knows are: {names}").format(names=", ".join(known))


def field_names(model: type[BaseModel]) -> set[str]:
    """Every field name of `model` and of the models nested in it (for "did you mean")."""
    names: set[str] = set()
    todo, seen = [model], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for name, info in current.model_fields.items():
            names.add(name)
            todo.extend(_models_in(info.annotation))
    return names


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in getattr(annotation, "__args__", ()) for m in _models_in(arg)]


def schema_problem(doc: YamlDoc, error: ErrorDetails, known: Iterable[str]) -> Problem:
    """One pydantic error as a Problem at the line of the field it concerns."""
    loc = tuple(part for part in error["loc"] if not str(part).startswith("function-"))
    field = ".".join(str(part) for part in loc) or _("file")
    kind = error["type"]
    if kind == "extra_forbidden":
        message = _("is not a field this file knows; {hint}").format(hint=did_you_mean(str(loc[-1]), known))
    elif kind == "missing":
        message = _("is missing; add it")
    elif kind == "string_type":
        message = _("found {found}; expected text: put the value in quotes").format(found=_show(error.get("input")))
    elif kind == "value_error":
        message = _("found {found}; {what}").format(found=_show(error.get("input")), what=schema_words(error))
    else:
        message = schema_words(error)
    return Problem(doc.path, doc.line_of(loc), field, message)


def _show(value: Any) -> str:
    return _("a list of fields") if isinstance(value, dict) else shown_text(value)
