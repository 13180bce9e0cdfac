"""Editors' page titles and descriptions are plain text: escape them, since Material prints them raw."""
from __future__ import annotations

from typing import Any

from markupsafe import escape

# Front matter fields that Material for MkDocs 9 puts into the HTML without escaping.
PLAIN_TEXT_FIELDS = ("title", "description", "subtitle")


def escape_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """A copy of `meta` whose text fields are escaped once (Markup: later `|e` filters leave them be)."""
    return {key: escape(value) if key in PLAIN_TEXT_FIELDS and isinstance(value, str) else value
            for key, value in meta.items()}
