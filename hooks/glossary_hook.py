"""MkDocs glue for the glossary: load data/glossary.yml, fill the glossary page, annotate every page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lxml import etree
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from sitekit.glossary import annotate, model
from sitekit.glossary.annotate import Annotator
from sitekit.glossary.model import load_glossary
from sitekit.glossary.page import MARKER, collated, glossary_strings, letter_index, render_entries
from sitekit.inputs import textmemo
from sitekit.inputs.cachedir import cache_dir
from sitekit.inputs.diskmemo import source_version
from sitekit.inputs.textmemo import TextMemo
from sitekit.languages import configured_languages, current_locale
from sitekit.messages import _
from sitekit.problems import SiteDataError
from sitekit.strings import load_strings
from sitekit.theme.partials import renderer

GLOSSARY_FILE = Path("data") / "glossary.yml"
STRINGS_DIR = Path("data") / "strings"

# What this language's build needs; rebuilt from scratch by on_config, which mkdocs-static-i18n
# fires again for every language, so nothing carries over from the previous language's build.
_build: dict[str, Any] = {}


# ---------------------------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------------------------


@event_priority(-150)  # after mkdocs-static-i18n (-100) has set this build's language
def on_config(config):
    root = Path(config.config_file_path).parent
    locales = [lang.locale for lang in configured_languages(config)]
    locale = current_locale(config)
    try:
        glossary = load_glossary(root / GLOSSARY_FILE, root, locales)
        strings = glossary_strings(
            load_strings(root / STRINGS_DIR, locales, root)[locale],
            str(STRINGS_DIR / f"{locale}.yml"),
            str(STRINGS_DIR / f"{locales[0]}.yml"),
        )
    except SiteDataError as err:
        raise PluginError(str(err)) from None
    terms = glossary.terms(locale)
    _build.clear()
    _build.update(
        terms=collated(terms, locale),
        letters=letter_index(terms, locale),
        annotator=Annotator(terms),  # the term pattern is compiled once per build and language
        strings=strings,
        render=renderer(config.theme.dirs, cache_dir(root, "partials")),
        # the pages annotated, for the next build: the same content, address and terms, the same marks
        kept=TextMemo(cache_dir(root, textmemo.FOLDER), _annotation_version(terms)),
        glossary_url=None,
    )
    return config


def on_page_markdown(markdown, page, config, files):
    if MARKER in markdown:  # the glossary page, found while MkDocs reads every page anyway
        _build.setdefault("glossary_pages", []).append(page.file)
    return markdown


def on_env(env, config, files):
    # Every page has been read (glossary links go in later, in on_page_context). Under `serve
    # --dirty` unchanged pages are not read: then look for the marker in every page's source.
    found = _build.get("glossary_pages") or [f for f in files.documentation_pages() if MARKER in f.content_string]
    if len(found) > 1:
        raise PluginError(
            _("{marker} appears in {pages}; keep it in the glossary page only").format(
                marker=MARKER, pages=", ".join(f.src_uri for f in found)
            )
        )
    _build["glossary_url"] = found[0].url if found else None
    return env


def on_page_content(html, page, config, files):
    if MARKER in html:
        html = html.replace(
            MARKER, render_entries(_build["render"], _build["terms"], _build["strings"], _build["letters"])
        )
    return html


@event_priority(-50)  # after Material's search plugin (0) has indexed the page
def on_page_context(context, page, config, nav):
    # Annotating adds markup, not text: the search plugin parses the page without the tooltips
    # (half of its work on a call page), and the rendered page gets them.
    url, glossary_url, content, annotator = page.url, _build["glossary_url"], page.content, _build["annotator"]
    page.content = _build["kept"](
        f"{url}\0{glossary_url}\0{content}", lambda _: annotator.annotate(content, _href_for(url, glossary_url))
    )
    return context


# ---------------------------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------------------------


def _annotation_version(terms) -> str:
    """What a page's marks depend on besides its content and address: the terms, and the code and
    library that place them."""
    code = (Path(__file__), Path(annotate.__file__), Path(model.__file__))
    return source_version(*code, etree.LXML_VERSION, etree.LIBXML_VERSION, repr(terms))


def _href_for(page_url: str, glossary_url: str | None):
    if glossary_url is None:
        return lambda slug: None
    base = get_relative_url(glossary_url, page_url)
    return lambda slug: f"{base}#{slug}"
