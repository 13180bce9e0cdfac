"""The generated glossary page: entries sorted by the language's own collation, rendered by a partial."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import icu
import jinja2

from .glossary import LocalTerm
from .problems import Problem, SiteDataError

MARKER = "<!-- glossary:entries -->"
PARTIAL = "partials/glossary.html"
STRING_KEYS = ("sources", "separator")  # the `glossary:` block of data/strings/<locale>.yml


def collated(terms: Iterable[LocalTerm], locale: str) -> list[LocalTerm]:
    """`terms` in the order a reader of `locale` expects (ICU collation: accents, case, spaces)."""
    collator = icu.Collator.createInstance(icu.Locale(locale))
    return sorted(terms, key=lambda t: (collator.getSortKey(t.term), t.slug))


def template_environment(template_dirs: Iterable[str | Path]) -> jinja2.Environment:
    """A Jinja2 environment over the theme's folders (overrides first), escaping every value."""
    return _environment(tuple(str(d) for d in template_dirs))


# One per set of folders for the whole process: both languages (and every rebuild under
# `mkdocs serve`) share its compiled templates; Jinja2 recompiles a changed file.
@lru_cache(maxsize=8)
def _environment(template_dirs: tuple[str, ...]) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(template_dirs)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
    )


def render_entries(env: jinja2.Environment, terms: list[LocalTerm], strings: dict[str, Any]) -> str:
    """The HTML of the glossary's entries, in the given order."""
    return env.get_template(PARTIAL).render(terms=terms, strings=strings)


def glossary_strings(strings: dict[str, Any], shown_path: str, example_path: str) -> dict[str, str]:
    """The `glossary:` block of one language's strings file, complete, or SiteDataError saying what to add."""
    block = strings.get("glossary")
    if not isinstance(block, dict):
        raise SiteDataError([Problem(shown_path, None, "glossary", f"is missing; copy the glossary block of {example_path} "
                                     "to the end of this file and translate it")])
    missing = [key for key in STRING_KEYS if not isinstance(block.get(key), str)]
    if missing:
        raise SiteDataError([Problem(shown_path, None, f"glossary.{key}", f"is missing; add it, as in {example_path}")
                             for key in missing])
    return block
