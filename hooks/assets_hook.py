"""MkDocs glue for what readers download: the files in extra_css and extra_javascript served as one
minified, content-hashed bundle each (sitekit.theme.bundles); the theme's stylesheet without the
components the configuration never turns on (sitekit.theme.unused_css); every page minified
(sitekit.theme.minify)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from sitekit.inputs import textmemo
from sitekit.inputs.cachedir import cache_dir
from sitekit.inputs.textmemo import keep_new_results, sweep
from sitekit.languages import nested_language_build
from sitekit.messages import _
from sitekit.theme.bundles import Bundle, Source, bundle
from sitekit.theme.minify import kept_minify_page, minify_page
from sitekit.theme.unused_css import (
    drop_unused_colours,
    drop_unused_rules_cached,
    palette_colours,
    unused_classes,
    unused_variables,
)

THEME_CSS = re.compile(r"assets/stylesheets/main\.[0-9a-f]+\.min\.css")
PALETTE_CSS = re.compile(r"assets/stylesheets/palette\.[0-9a-f]+\.min\.css")

# Made by the first language's build; mkdocs-static-i18n builds the others with the same config
# object (whose lists already name the bundles), and every language loads the same two files.
_bundles: list[Bundle] = []
_theme_css: dict[str, str] = {}  # the theme stylesheet's path in the site: its text, trimmed once


def _sources(config, key: str, entries: list) -> list[Source]:
    docs = Path(config.docs_dir)
    sources = []
    for entry in entries:
        path = docs / str(entry)
        if not path.is_file():
            folder = os.path.relpath(docs, Path(config.config_file_path).parent)
            raise PluginError(
                f"mkdocs.yml: {key}: "
                + _(
                    "{entry} is not a file in {folder}; list the site's own files only (they are bundled into one)"
                ).format(entry=repr(str(entry)), folder=f"{folder}/")
            )
        sources.append(Source(str(entry), path.read_text(encoding="utf-8")))
    return sources


def _script_tag(entries: list, path: str) -> str | ExtraScriptValue:
    """The bundle's entry, with the attributes every source shares (a plain path when none)."""
    kinds = {(e.type, e.defer, e.async_) if isinstance(e, ExtraScriptValue) else ("", False, False) for e in entries}
    if len(kinds) > 1 or any(kind[0] == "module" for kind in kinds):
        raise PluginError(
            "mkdocs.yml: extra_javascript: "
            + _(
                "the scripts are bundled into one, so they must all load alike (found type, defer, async: {found}); "
                "modules cannot be bundled"
            ).format(found=sorted(kinds))
        )
    kind = kinds.pop() if kinds else ("", False, False)
    if kind == ("", False, False):
        return path
    value = ExtraScriptValue(path)
    value.type, value.defer, value.async_ = kind
    return value


def on_startup(command, dirty):
    keep_new_results(command != "serve")  # a preview's pages are drafts: read what builds kept, keep nothing new


@event_priority(-200)  # after mkdocs-static-i18n has set up the build
def on_config(config):
    if nested_language_build(config):
        return config
    try:
        css = bundle(_sources(config, "extra_css", config.extra_css), ".css")
        js = bundle(_sources(config, "extra_javascript", config.extra_javascript), ".js")
    except ValueError as err:
        raise PluginError(f"mkdocs.yml: {err}") from None
    tag = _script_tag(list(config.extra_javascript), js.path)
    _bundles[:] = [b for b in (css, js) if b.sources]
    config.extra_css = [css.path] if css.sources else []
    config.extra_javascript = [tag] if js.sources else []
    return config


@event_priority(-200)  # after mkdocs-static-i18n has chosen this language's files
def on_files(files, config):
    for made in _bundles:
        for source in made.sources:
            if (file := files.get_file_from_path(source)) is not None:
                files.remove(file)
        files.append(File.generated(config, made.path, content=made.text))
    for file in [f for f in files if THEME_CSS.fullmatch(f.src_uri) and f.abs_src_path]:
        if file.src_uri not in _theme_css:
            text = Path(file.abs_src_path).read_text(encoding="utf-8")
            settings = _settings(config)
            cache = cache_dir(Path(config.config_file_path).parent, "theme-css")
            _theme_css[file.src_uri] = drop_unused_rules_cached(
                text, unused_classes(settings), unused_variables(settings), cache
            )
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content=_theme_css[file.src_uri]))
    for file in [f for f in files if PALETTE_CSS.fullmatch(f.src_uri) and f.abs_src_path]:
        if file.src_uri not in _theme_css:  # the colours of the palette the site shows, not all 21
            text = Path(file.abs_src_path).read_text(encoding="utf-8")
            _theme_css[file.src_uri] = drop_unused_colours(text, palette_colours(config.theme))
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content=_theme_css[file.src_uri]))
    return files


def _settings(config) -> dict:
    """What turns the theme's components on, as plain values."""
    return {
        "markdown_extensions": list(config.markdown_extensions),
        "theme": {"features": list(config.theme.get("features") or []), "overrides": _overrides(config)},
        "plugins": list(config.plugins),
        "extra": dict(config.extra),
        "extra_javascript": [str(entry) for entry in config.extra_javascript],
    }


def _overrides(config) -> list[str]:
    """The theme's templates the project overrides (custom_dir), as paths below it."""
    custom = config.theme.custom_dir
    if not custom or not Path(custom).is_dir():
        return []
    return [path.relative_to(custom).as_posix() for path in Path(custom).rglob("*.html")]


@event_priority(-200)  # last: every other hook reads and edits the page as the theme wrote it
def on_post_page(output: str, page, config) -> str:
    return kept_minify_page(_kept_pages(config))(output)


@event_priority(-200)
def on_post_template(output_content: str, template_name: str, config) -> str:
    # 404.html is a theme template, not a page; sitemap.xml is a template too, and not HTML
    return minify_page(output_content) if template_name.endswith(".html") else output_content


def on_post_build(config):
    if not nested_language_build(config):  # once per run, every language built
        sweep(_kept_pages(config))


def _kept_pages(config) -> Path:
    """Where what was made of each page is kept for the next build (minified, annotated, its policy)."""
    return cache_dir(Path(config.config_file_path).parent, textmemo.FOLDER)
