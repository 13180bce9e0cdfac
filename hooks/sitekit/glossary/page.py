"""The generated glossary page: entries sorted by the language's own collation, rendered by a partial."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import icu

from ..messages import _
from ..problems import Problem, SiteDataError
from .model import LocalTerm

MARKER = "<!-- glossary:entries -->"
PARTIAL = "partials/glossary.html"
STRING_KEYS = ("sources", "separator", "expansion", "letters")  # `glossary:` in data/strings/<locale>.yml
# From this many entries the page passes a screenful on a phone: it gets an index of letters.
INDEX_FROM = 8


def collated(terms: Iterable[LocalTerm], locale: str) -> list[LocalTerm]:
    """`terms` in the order a reader of `locale` expects (ICU collation: accents, case, spaces)."""
    collator = icu.Collator.createInstance(icu.Locale(locale))
    return sorted(terms, key=lambda t: (collator.getSortKey(t.term), t.slug))


def letter_index(terms: Iterable[LocalTerm], locale: str) -> list[tuple[str, str]]:
    """[(letter, slug of the first entry under it)] in the language's alphabet (ICU's
    AlphabeticIndex: "É" goes under "E" in Italian), or [] for a glossary shorter than a screenful."""
    terms = list(terms)
    if len(terms) < INDEX_FROM:
        return []
    index = icu.AlphabeticIndex(icu.Locale(locale))
    for term in terms:
        index.addRecord(term.term, term.slug)
    letters: list[tuple[str, str]] = []
    index.resetBucketIterator()
    while index.nextBucket():
        if index.bucketRecordCount and index.nextRecord():
            letters.append((index.bucketLabel, index.recordData))
    return letters


def render_entries(
    render: Callable[..., str],
    terms: list[LocalTerm],
    strings: dict[str, Any],
    letters: list[tuple[str, str]] | None = None,
) -> str:
    """The HTML of the glossary's entries, in the given order, after the index of `letters`
    (`render`: sitekit.theme.partials.renderer)."""
    return render(PARTIAL, terms=terms, strings=strings, letters=letters or [])


def glossary_strings(strings: dict[str, Any], shown_path: str, example_path: str) -> dict[str, str]:
    """The `glossary:` block of one language's strings file, complete, or SiteDataError saying what to add."""
    block = strings.get("glossary")
    if not isinstance(block, dict):
        raise SiteDataError(
            [
                Problem(
                    shown_path,
                    None,
                    "glossary",
                    _("is missing; copy the glossary block of {file} to the end of this file and translate it").format(
                        file=example_path
                    ),
                )
            ]
        )
    missing = [key for key in STRING_KEYS if not isinstance(block.get(key), str)]
    if missing:
        raise SiteDataError(
            [
                Problem(
                    shown_path, None, f"glossary.{key}", _("is missing; add it, as in {file}").format(file=example_path)
                )
                for key in missing
            ]
        )
    return block
