"""The generated glossary page: entries sorted by the language's own collation, rendered by a partial."""
from __future__ import annotations

from typing import Any, Callable, Iterable

import icu

from ..problems import Problem, SiteDataError
from .model import LocalTerm

MARKER = "<!-- glossary:entries -->"
PARTIAL = "partials/glossary.html"
STRING_KEYS = ("sources", "separator")  # the `glossary:` block of data/strings/<locale>.yml


def collated(terms: Iterable[LocalTerm], locale: str) -> list[LocalTerm]:
    """`terms` in the order a reader of `locale` expects (ICU collation: accents, case, spaces)."""
    collator = icu.Collator.createInstance(icu.Locale(locale))
    return sorted(terms, key=lambda t: (collator.getSortKey(t.term), t.slug))


def render_entries(render: Callable[..., str], terms: list[LocalTerm], strings: dict[str, Any]) -> str:
    """The HTML of the glossary's entries, in the given order
    (`render`: sitekit.theme.partials.renderer)."""
    return render(PARTIAL, terms=terms, strings=strings)


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
