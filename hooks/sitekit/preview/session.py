"""One `mkdocs serve` session: before each rebuild, what changed and what that rebuilds (whole site or
some pages); during it, what each page read shows; after it, whether a whole rebuild must follow."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..messages import _
from .changes import Layout, Plan, Snapshot, plan, snapshot, whole
from .clock import passed_since
from .record import PageFacts, pages_to_rebuild, shared_facts_changed
from .search import merged_index

CLOCK = "SITE_NOW"  # sitekit.dates.clock: every hook reads the build instant there


@dataclass
class Session:
    root: Path
    watched: list[Path]  # what `mkdocs serve` watches: mkdocs.yml, docs/, the `watch:` folders
    layout: Layout = field(default_factory=Layout)
    user_clock: bool = False  # SITE_NOW set by the editor: the clock stands still
    instant: datetime | None = None  # the build instant of the last whole build (else SITE_NOW's)
    state_changes: list[datetime] = field(default_factory=list)  # sitekit.preview.clock
    before: Snapshot | None = None
    ok: bool = False  # the last build ended well (a failed build may have emptied the site)
    plan: Plan = field(default_factory=lambda: whole(_("the first build")))
    rebuild: frozenset[str] = frozenset()  # pages below docs/ rebuilt by an incremental build
    facts: dict[str, PageFacts] = field(default_factory=dict)  # every page, as last read
    previous_facts: dict[str, PageFacts | None] = field(default_factory=dict)  # the pages read now, before
    anchors: dict[str, frozenset[str]] = field(default_factory=dict)  # page: its anchors, as last read
    links: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)  # page: {page: anchors it links to}
    search: dict[str, Any] | None = None  # the whole site's merged search index, as last written
    built_urls: set[str] = field(default_factory=set)  # pages built now, every language

    @classmethod
    def start(cls, root: Path, watched: list[Path], layout: Layout) -> Session:
        """At the first build of `mkdocs serve`, before it reads any file."""
        session = cls(root=root, watched=watched, layout=layout, user_clock=bool(os.environ.get(CLOCK, "").strip()))
        session.before = snapshot(root, watched)
        return session

    @property
    def incremental(self) -> bool:
        return not self.plan.whole

    # -- before a rebuild -------------------------------------------------------------------------

    def next_plan(self, now: datetime | None = None) -> Plan:
        """What the rebuild about to start does: see sitekit.preview.changes.plan, and the clock."""
        current = snapshot(self.root, self.watched)
        found = plan(self.before, current, self.layout)
        self.before = current
        now = now or datetime.now(UTC)
        if not self.ok:
            found = whole(_("the last build did not end well"))
        elif not found.whole and not self.user_clock and self.instant is not None:
            passed = passed_since(self.instant, now, self.state_changes)
            if passed is not None:
                found = whole(_("the site changes on its own at {moment}").format(moment=passed.isoformat()))
        self.begin(found)
        return found

    def begin(self, found: Plan) -> None:
        self.plan = found
        self.previous_facts = {}
        self.built_urls = set()
        if found.whole:
            self.rebuild = frozenset()
            self.facts, self.anchors, self.links = {}, {}, {}
        else:
            self.rebuild = frozenset(pages_to_rebuild(self.facts, found.pages, found.calls))

    @contextmanager
    def clock(self) -> Iterator[None]:
        """The build instant in SITE_NOW for the build: a new one for a whole build, the last whole
        build's for a rebuild of some pages; left as the editor set it, if they did."""
        self.set_clock()
        try:
            yield
        finally:
            self.release_clock()

    def set_clock(self, now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        if self.user_clock:
            return
        if self.plan.whole or self.instant is None:
            self.instant = now()
        os.environ[CLOCK] = self.instant.isoformat()

    def release_clock(self) -> None:
        if not self.user_clock:
            os.environ.pop(CLOCK, None)

    # -- during it ------------------------------------------------------------------------------------

    def rebuilds(self, page: str) -> bool:
        """Whether the page (below docs/) is rebuilt: every page in a whole build."""
        return self.plan.whole or page in self.rebuild

    def read(self, page: str, facts: PageFacts) -> None:
        if page not in self.previous_facts:
            self.previous_facts[page] = self.facts.get(page)
        self.facts[page] = facts

    def rendered(self, page: str, anchors: Iterable[str], links: Mapping[str, Iterable[str]]) -> None:
        """The page's anchors and the anchors it links to in other pages, once Markdown has made it."""
        self.anchors[page] = frozenset(anchors)
        self.links[page] = {target: frozenset(names) for target, names in links.items()}

    def built(self, url: str) -> None:
        self.built_urls.add(url)

    def search_index(self, built: dict[str, Any]) -> dict[str, Any]:
        """The whole site's search index: the one just built (a whole build), or the last one with
        the rebuilt pages' entries replaced."""
        self.search = built if self.plan.whole else merged_index(self.search, built, self.built_urls)
        return self.search

    # -- after it -------------------------------------------------------------------------------------

    def finished(self, ok: bool) -> Plan | None:
        """A whole rebuild to follow at once, when a rebuilt page now shows itself to other pages
        differently (another call, the glossary) or the build failed; else None."""
        self.ok = ok
        if not ok or self.plan.whole:
            return None
        for page, before in self.previous_facts.items():
            if shared_facts_changed(before, self.facts[page]):
                return whole(_("{page} now belongs to another call or holds the glossary").format(page=page))
        for other, targets in self.links.items():  # a page not rebuilt still links to an anchor gone?
            if other in self.previous_facts:
                continue
            for page, names in targets.items():
                if page in self.previous_facts and (gone := sorted(names - self.anchors.get(page, frozenset()))):
                    return whole(
                        _("{other} links to {page}#{anchor}, which is no longer there").format(
                            other=other, page=page, anchor=gone[0]
                        )
                    )
        return None
