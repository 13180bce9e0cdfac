"""The search index after a rebuild of some pages: the rebuilt pages' entries where theirs were,
every other page's entries as they were."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any


def page_of(location: str) -> str:
    """The page an entry belongs to: "bandi/x/#section" -> "bandi/x/"."""
    return location.split("#", 1)[0]


def merged_index(previous: dict[str, Any] | None, built: dict[str, Any], rebuilt: Collection[str]) -> dict[str, Any]:
    """`built` (the index of the pages built now, `rebuilt`: their URLs) merged into `previous`
    (the whole site's index, last time): each rebuilt page's entries replace its old ones in place
    (the order a whole build gives), a page built now for the first time comes last."""
    if previous is None:
        return built
    new: dict[str, list[dict[str, Any]]] = {}
    for doc in built.get("docs", []):
        new.setdefault(page_of(doc["location"]), []).append(doc)
    docs: list[dict[str, Any]] = []
    placed: set[str] = set()
    for doc in previous.get("docs", []):
        page = page_of(doc["location"])
        if page not in rebuilt:
            docs.append(doc)
        elif page not in placed:
            docs.extend(new.get(page, []))
            placed.add(page)
    for page, entries in new.items():
        if page not in placed:
            docs.extend(entries)
    return {**built, "docs": docs}
