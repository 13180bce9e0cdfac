"""Split the one merged search index of mkdocs-static-i18n into one index per language."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from ..languages import Language


def split_search_index(index: dict[str, Any], languages: Iterable[Language]) -> dict[str, dict[str, Any]]:
    """Return {language prefix: index} where each index holds only that language's documents.

    Locations are made relative to the language's root, since each language's pages load the
    index from there. Longest prefix first, so that "en/" pages never land in the root index.
    """
    langs = sorted(languages, key=lambda lang: len(lang.prefix), reverse=True)
    out: dict[str, dict[str, Any]] = {}
    for lang in langs:
        out[lang.prefix] = {
            **copy.deepcopy({k: v for k, v in index.items() if k != "docs"}),
            "docs": [],
        }
        out[lang.prefix]["config"]["lang"] = [lang.locale]
    for doc in index.get("docs", []):
        for lang in langs:
            if doc["location"].startswith(lang.prefix):
                out[lang.prefix]["docs"].append({**doc, "location": doc["location"][len(lang.prefix) :]})
                break
    return out
