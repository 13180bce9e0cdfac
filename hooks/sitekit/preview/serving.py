"""The live-reload server of `mkdocs serve` driven by a preview session: each rebuild planned, at the
build instant, run dirty when only some pages are rebuilt, looked for sooner and started sooner."""

from __future__ import annotations

import contextlib
import functools
import importlib
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from ..messages import _, ngettext
from .session import Session

log = logging.getLogger("mkdocs.hooks.preview")
DIRTY_WARNING = "A 'dirty' build is being performed"  # MkDocs' own, for `--dirty`: not one here
# MkDocs' watcher looks at every watched file each half second: a save waited 0.35 s on average before
# its rebuild began, longer than the rebuild of a page. A look costs ~2 ms on this site, ~30 ms at 500 calls:
# each watched folder is looked at as often as its looks stay under LOOK_SHARE of a core, every
# POLL_SECONDS at most and POLL_SECONDS_LEAST at least (this site's docs/: every 0.1 s, for ~1 ms a look).
POLL_SECONDS = 0.25
POLL_SECONDS_LEAST = 0.1
LOOK_SHARE = 0.05
# After the first event, MkDocs waits until none has come for 0.1 s before it rebuilds. The polling observer
# hands over all the events of one look within milliseconds, and a later look is POLL_SECONDS away, so
# 0.1 s only delayed every rebuild; a file still changing during the rebuild starts another one.
SETTLE_SECONDS = 0.02
# While a rebuild runs, the watcher does not look: a look then only took the processor (and Python's
# lock) from the rebuild, ~13% of a core on this site, and a change saved meanwhile is seen by the first
# look after it, which starts the next rebuild as before. A rebuild that never ends is looked past after
# LOOK_WAIT_LIMIT_SECONDS.
LOOK_WAIT_LIMIT_SECONDS = 60.0
_between_rebuilds = threading.Event()
_between_rebuilds.set()
_routed: set[str] = set()  # the modules whose `build` runs the planned rebuilds dirty
_paced: set[Callable[..., Any]] = set()  # the watcher's looks and emitter makers made here: each wrapped once


def follow_edits(server: Any, session: Session) -> None:
    """From now on, each rebuild of `server` (MkDocs' LiveReloadServer) is planned by `session`."""
    server.builder = rebuilder(server.builder, session)
    route_dirty_builds(session)
    poll_sooner(server.observer)
    if isinstance(getattr(server, "build_delay", None), (int, float)):
        server.build_delay = min(server.build_delay, SETTLE_SECONDS)


def rebuilder(builder: Callable[..., Any], session: Session) -> Callable[..., Any]:
    """The live-reload server's rebuild: planned, at the build instant, followed by a whole rebuild
    when the rebuilt pages show themselves to others differently."""

    @functools.wraps(builder)
    def rebuild(*args, **kwargs):
        plan = session.next_plan()
        while True:
            if plan.whole:
                log.info(_("preview: the whole site is rebuilt ({reason})").format(reason=plan.reason))
            else:
                count = len(session.rebuild)
                log.info(
                    ngettext(
                        "preview: {count} page shows the change and is rebuilt; the others stay as they were",
                        "preview: {count} pages show the change and are rebuilt; the others stay as they were",
                        count,
                    ).format(count=count)
                )

            try:
                _between_rebuilds.clear()  # inside: an interrupt here still sets it again
                with session.clock():
                    result = builder(*args, **kwargs)
            except BaseException:
                session.finished(ok=False)
                raise
            finally:
                _between_rebuilds.set()
            follow = session.finished(ok=True)
            if follow is None:
                return result
            session.begin(follow)
            plan = follow

    return rebuild


def poll_sooner(observer: Any) -> None:
    """The live-reload server's polling observer (watchdog) looks every POLL_SECONDS at most, each of
    its emitters (one per watched path, also those made later) as often as its looks cost little: they
    keep their interval in `_timeout` and look with `_take_snapshot` (watchdog 6; left as they are
    where that is not so)."""
    for watcher in (observer, *observer.emitters):
        if isinstance(getattr(watcher, "_timeout", None), (int, float)):
            watcher._timeout = min(watcher._timeout, POLL_SECONDS)
    for emitter in observer.emitters:
        pace(emitter)
    make = getattr(observer, "_emitter_class", None)
    if callable(make) and make not in _paced:

        def paced_emitter(*args, **kwargs):
            return pace(make(*args, **kwargs))

        _paced.add(paced_emitter)
        observer._emitter_class = paced_emitter


def pace(emitter: Any) -> Any:
    """After each look, the emitter's next one comes when this one's CPU time is LOOK_SHARE of the wait;
    no look while a rebuild runs."""
    look = getattr(emitter, "_take_snapshot", None)
    if not callable(look) or look in _paced or not isinstance(getattr(emitter, "_timeout", None), (int, float)):
        return emitter

    def paced_look():
        if threading.current_thread() is emitter:  # not the first look, which watch() takes itself
            _wait_for_the_rebuild(emitter)
        start = time.thread_time()  # the emitter's own thread: its look, not the rebuild beside it
        try:
            return look()
        finally:
            cost = time.thread_time() - start
            emitter._timeout = min(POLL_SECONDS, max(POLL_SECONDS_LEAST, cost / LOOK_SHARE))

    _paced.add(paced_look)
    emitter._take_snapshot = paced_look
    return emitter


def _wait_for_the_rebuild(emitter: Any) -> None:
    """Until no rebuild runs, the emitter is stopped (the server shutting down) or
    LOOK_WAIT_LIMIT_SECONDS have passed."""
    stopped = getattr(emitter, "stopped_event", None)
    end = time.monotonic() + LOOK_WAIT_LIMIT_SECONDS
    while not _between_rebuilds.wait(0.1):
        if (stopped is not None and stopped.is_set()) or time.monotonic() > end:
            return


def route_dirty_builds(session: Session) -> None:
    """`mkdocs serve` and mkdocs-static-i18n call MkDocs' `build` with dirty=False: a planned rebuild
    of some pages runs it dirty (no clean-up of the site folder, pages skipped unless on_files says
    they changed), and MkDocs' warning about `--dirty`, which strict mode would count, is left out."""
    modules = [importlib.import_module("mkdocs.commands.serve")]
    with contextlib.suppress(ImportError):  # the site's languages: each built by MkDocs' `build`
        modules.append(importlib.import_module("mkdocs_static_i18n.plugin"))
    for module in modules:
        if module.__name__ in _routed:
            continue
        original = module.build

        @functools.wraps(original)
        def build(config, *, _original=original, serve_url=None, dirty=False):
            return _original(config, serve_url=serve_url, dirty=dirty or session.incremental)

        vars(module)["build"] = build
        _routed.add(module.__name__)
    logging.getLogger("mkdocs.commands.build").addFilter(
        lambda record: not (session.incremental and str(record.msg).startswith(DIRTY_WARNING))
    )
