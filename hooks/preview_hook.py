"""MkDocs glue for the live preview (sitekit.preview): under `mkdocs serve`, a save rebuilds only the
pages that show the change, through MkDocs' own dirty build told which pages those are; anything not
known to be local rebuilds the whole site. `mkdocs build` is left alone."""

from __future__ import annotations

import contextlib
import functools
import importlib
import json
import logging
import os
from pathlib import Path

from mkdocs.plugins import event_priority

from sitekit.calls.model import load_calls
from sitekit.glossary.page import MARKER as GLOSSARY_MARKER
from sitekit.languages import nested_language_build
from sitekit.messages import _, ngettext
from sitekit.preview.changes import Layout
from sitekit.preview.clock import state_changes
from sitekit.preview.record import page_facts
from sitekit.preview.session import Session

log = logging.getLogger("mkdocs.hooks.preview")
DIRTY_WARNING = "A 'dirty' build is being performed"  # MkDocs' own, for `--dirty`: not one here
_serving = False
_session: Session | None = None
_routed: set[str] = set()  # the modules whose `build` runs the planned rebuilds dirty
# MkDocs' watcher looks at every watched file each half second: a save waited 0.35 s on average before
# its rebuild began, longer than the rebuild of a page. A look costs ~2 ms on this site, ~30 ms at 500 calls.
POLL_SECONDS = 0.25


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve" and not dirty  # `serve --dirty`: MkDocs' own way, as asked


@event_priority(200)  # before every other hook reads a file or the clock
def on_config(config):
    global _session
    if not _serving or nested_language_build(config):
        return config
    if _session is None:  # the first build, before `on_serve`: the whole site
        root = Path(config.config_file_path).parent
        docs = Path(config.docs_dir)
        watched = [Path(config.config_file_path), docs, *(Path(w) for w in config.watch)]
        _session = Session.start(root, watched, Layout(docs=_below(docs, root), calls="data/calls"))
        _session.set_clock()  # released by on_serve, once the first build has ended
    return config


def on_serve(server, config, builder):
    if _session is None:
        return server
    _session.release_clock()
    _session.ok = True  # `mkdocs serve` stops at once when its first build fails
    server.builder = _rebuilder(server.builder, _session)
    _route_dirty_builds(_session)
    _poll_sooner(server.observer)
    return server


@event_priority(-1000)  # after every hook has added its files, and mkdocs-static-i18n chose this language's
def on_files(files, config):
    if _session is None or _session.plan.whole:
        return files
    docs = os.path.join(config.docs_dir, "")
    for file in files:  # string work: at 500 calls, 3,000 files per language
        source = file.abs_src_path or ""
        rebuilt = file.is_documentation_page() and source.startswith(docs) and _session.rebuilds(source[len(docs) :])
        file.is_modified = _yes if rebuilt else _no  # MkDocs' dirty build asks each file
    return files


@event_priority(100)  # the page as written, before any hook replaces its markers
def on_page_markdown(markdown, page, config, files):
    if _session is not None:
        _session.read(
            _below(Path(page.file.abs_src_path), Path(config.docs_dir)),
            page_facts(markdown, page.meta, GLOSSARY_MARKER),
        )
    return markdown


def on_page_context(context, page, config, nav):
    if _session is not None:
        _session.built(page.url)
    return context


@event_priority(-150)  # after mkdocs-static-i18n merged every language's index, before i18n_hook splits it
def on_post_build(config):
    if _session is None or nested_language_build(config):
        return
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.exists():
        merged = _session.search_index(json.loads(index.read_text(encoding="utf-8")))
        index.write_text(json.dumps(merged, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    root = Path(config.config_file_path).parent
    closing = float(config.extra.get("closing_threshold_days", 7))
    _session.state_changes = state_changes(load_calls(root / "data" / "calls", root).values(), closing)


# -- Helper functions ----------------------------------------------------------------------------


def _yes() -> bool:
    return True


def _no() -> bool:
    return False


def _below(path: Path, folder: Path) -> str:
    return Path(os.path.relpath(path, folder)).as_posix()


def _rebuilder(builder, session: Session):
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
                with session.clock():
                    result = builder(*args, **kwargs)
            except BaseException:
                session.finished(ok=False)
                raise
            follow = session.finished(ok=True)
            if follow is None:
                return result
            session.begin(follow)
            plan = follow

    return rebuild


def _poll_sooner(observer) -> None:
    """The live-reload server's polling observer (watchdog) looks every POLL_SECONDS: its emitters
    keep their interval in `_timeout` (watchdog 6; left as they are where that is not so)."""
    for watcher in (observer, *observer.emitters):
        if isinstance(getattr(watcher, "_timeout", None), (int, float)):
            watcher._timeout = min(watcher._timeout, POLL_SECONDS)


def _route_dirty_builds(session: Session) -> None:
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
