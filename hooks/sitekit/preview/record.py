"""What each page shows of the call data, recorded as the build reads it: which pages a change of
one call's data, or of one page, has to rebuild."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

# Every marker as written in the Markdown (sitekit.calls.markers reads them in the HTML; in the
# source a marker in code counts too, which only ever rebuilds a page more).
MARKER = re.compile(r"<!--\s*(?P<family>calls?):[\w-]*(?:\s+(?P<arg>[^\s>]+))?\s*-->")


@dataclass(frozen=True)
class PageFacts:
    """What a page shows of the data, and what other pages read of it."""

    call: str | None  # `call:` in its front matter: its call's box, facts, menu of the call's pages
    names: frozenset[str]  # calls its markers name (`<!-- call:facts other-call -->`)
    every_call: bool  # a `calls:` marker: the index or the home page, which list every call
    glossary: bool  # holds the glossary (every page links its terms there)


def page_facts(markdown: str, meta: Mapping[str, Any], glossary_marker: str) -> PageFacts:
    call = meta.get("call")
    names, every_call = set(), False
    for match in MARKER.finditer(markdown):
        if match["family"] == "calls":
            every_call = True
        elif match["arg"]:
            names.add(match["arg"])
    return PageFacts(
        call=call if isinstance(call, str) else None,
        names=frozenset(names),
        every_call=every_call,
        glossary=glossary_marker in markdown,
    )


def pages_to_rebuild(facts: Mapping[str, PageFacts], pages: Iterable[str], calls: Iterable[str]) -> set[str]:
    """The pages (below docs/) that show what changed: each changed page, the other pages of its
    call (their menu holds its title), and every page that shows a changed call (its own pages, a
    page naming it, the lists of every call)."""
    out = set(pages)
    siblings = {facts[page].call for page in out if page in facts and facts[page].call}
    changed = set(calls)
    for page, fact in facts.items():
        if fact.call in siblings or fact.call in changed or fact.names & changed or (changed and fact.every_call):
            out.add(page)
    return out


def shared_facts_changed(before: PageFacts | None, after: PageFacts) -> bool:
    """Whether other pages read something else of this page now: it belongs to another call (whose
    menus list it), or it starts or stops holding the glossary (where every page links its terms)."""
    return before is None or before.call != after.call or before.glossary != after.glossary
