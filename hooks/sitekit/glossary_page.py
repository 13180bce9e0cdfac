"""The generated glossary page: entries sorted by the language's own collation, rendered by a partial."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

import icu
import jinja2

from .glossary import LocalTerm

MARKER = "<!-- glossary:entries -->"
PARTIAL = "partials/glossary.html"


def collated(terms: Iterable[LocalTerm], locale: str) -> list[LocalTerm]:
    """`terms` in the order a reader of `locale` expects (ICU collation: accents, case, spaces)."""
    collator = icu.Collator.createInstance(icu.Locale(locale))
    return sorted(terms, key=lambda t: (collator.getSortKey(t.term), t.slug))


def template_environment(template_dirs: Iterable[str | Path]) -> jinja2.Environment:
    """A Jinja2 environment over the theme's folders (overrides first), escaping every value."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in template_dirs]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
    )


def render_entries(env: jinja2.Environment, terms: list[LocalTerm], strings: dict[str, Any]) -> str:
    """The HTML of the glossary's entries, in the given order."""
    return env.get_template(PARTIAL).render(terms=terms, strings=strings)
