"""MkDocs glue for the live preview (sitekit.preview): under `mkdocs serve`, a save rebuilds only the
pages that show the change, through MkDocs' own dirty build told which pages those are; anything not
known to be local rebuilds the whole site. `mkdocs build` is left alone."""

from __future__ import annotations

import json
import os
from pathlib import Path

from mkdocs.plugins import event_priority

from sitekit.calls.model import load_calls
from sitekit.glossary.page import MARKER as GLOSSARY_MARKER
from sitekit.languages import nested_language_build
from sitekit.preview.changes import Layout
from sitekit.preview.clock import state_changes
from sitekit.preview.filelists import remember_i18n_files
from sitekit.preview.record import page_facts
from sitekit.preview.serving import follow_edits
from sitekit.preview.session import Session

NOT_FOUND = "404.html"
_serving = False
_session: Session | None = None


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve" and not dirty  # `serve --dirty`: MkDocs' own way, as asked
    if _serving:
        remember_i18n_files()


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
    elif _session.incremental:  # the 404 page shows no page's text and no call's data: it stays as it was
        config.theme.static_templates.discard(NOT_FOUND)
    return config


def on_serve(server, config, builder):
    if _session is None:
        return server
    _session.release_clock()
    _session.ok = True  # `mkdocs serve` stops at once when its first build fails
    follow_edits(server, _session)
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


def on_page_content(html, page, config, files):
    if _session is not None:
        docs = Path(config.docs_dir)
        _session.rendered(
            _below(Path(page.file.abs_src_path), docs),
            page.present_anchor_ids or (),
            {
                _below(Path(target.abs_src_path), docs): anchors
                for target, anchors in (page.links_to_anchors or {}).items()
                if target.abs_src_path
            },
        )
    return html


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
