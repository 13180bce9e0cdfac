"""Editors' page titles and descriptions are plain text: escape them, since Material prints them raw."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markupsafe import Markup, escape

# Front matter fields that Material for MkDocs 9 puts into the HTML without escaping.
PLAIN_TEXT_FIELDS = ("title", "description", "subtitle")


def escape_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """A copy of `meta` whose text fields are escaped once (Markup: later `|e` filters leave them be)."""
    return {
        key: escape(value) if key in PLAIN_TEXT_FIELDS and isinstance(value, str) else value
        for key, value in meta.items()
    }


def escape_nav_titles(items: Iterable[Any]) -> None:
    """Escape, in place, the navigation titles written as text in mkdocs.yml (`nav:` and the i18n
    plugin's `nav_translations`): Material prints them raw, and truncates long ones into a tooltip."""
    for item in items:
        title = getattr(item, "__dict__", {}).get("title")  # set from mkdocs.yml, not a page's own
        if isinstance(title, str) and not isinstance(title, Markup):
            item.title = escape(title)
        escape_nav_titles(getattr(item, "children", None) or ())
