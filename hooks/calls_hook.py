"""MkDocs glue for calls: data/calls read once per build, markers, deadline box, calendar files."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitekit.calls.model import load_calls
from sitekit.calls.pages import CallPages, PageSource
from sitekit.dates.clock import site_now
from sitekit.glossary.page import MARKER as GLOSSARY_MARKER
from sitekit.languages import configured_languages, current_locale
from sitekit.problems import Problem, SiteDataError
from sitekit.strings import load_strings
from sitekit.theme.partials import renderer
from sitekit.theme.sitefiles import write_files

# The build in progress. mkdocs-static-i18n builds once per language and on_config starts each
# build afresh, so nothing of one language's build leaks into the next.
_pages: CallPages | None = None


# -- Hooks ---------------------------------------------------------------------------------------

@event_priority(-150)  # after mkdocs-static-i18n has switched the config to this build's language
def on_config(config):
    global _pages
    try:
        _pages = _start(config)
    except SiteDataError as err:
        raise PluginError(str(err)) from err
    return config


@event_priority(-150)  # after mkdocs-static-i18n has chosen this language's pages
def on_files(files, config):
    _pages.page_url_exists = {file.url for file in files.documentation_pages()}.__contains__
    return files


def on_page_markdown(markdown, page, config, files):
    source = Path(page.file.abs_src_path)
    shown = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    return _pages.page_markdown(PageSource(markdown, page.meta, page.url, shown,
                                           lambda: source.read_text(encoding="utf-8")))


def on_page_content(html, page, config, files):
    return _pages.page_content(html, page.url)  # the glossary hook annotates these too, later


@event_priority(-40)  # after Material's search plugin (0) has indexed the page; before the glossary (-50)
def on_page_context(context, page, config, nav):
    """The deadline boxes go in; templates may read the page's call (`call`) and every call (`calls`) too."""
    page.content = _pages.page_boxes(page.content)
    context["calls"] = _pages.calls
    context["call"] = _pages.calls.get(page.meta.get("call"))
    return context


def on_env(env, config, files):
    if _pages.problems:  # every page has been read: report all their mistakes at once
        raise PluginError(str(SiteDataError(_pages.problems)))
    return env


def on_post_build(config):
    write_files(Path(config.site_dir), _pages.calendar_files())


# -- Helper functions ----------------------------------------------------------------------------

def _start(config) -> CallPages:
    root = Path(config.config_file_path).parent
    locale = current_locale(config)
    languages = configured_languages(config)
    problems: list[Problem] = []
    try:
        now = site_now()
    except ValueError as err:
        problems.append(Problem("environment variable SITE_NOW", None, "SITE_NOW", str(err).removeprefix("SITE_NOW: ")))
    try:
        calls = load_calls(root / "data" / "calls", root, [lang.locale for lang in languages])
    except SiteDataError as err:
        problems.extend(err.problems)
        calls = {}
    all_strings = load_strings(root / "data" / "strings", [lang.locale for lang in languages], root)
    # A language missing a string is reported by the validation pass (sitekit.checks.parity),
    # before this.
    if problems:
        raise SiteDataError(problems)
    strings = all_strings[locale]["calls"]
    language = next(lang for lang in languages if lang.locale == locale)
    return CallPages(
        calls=calls, locale=locale, prefix=language.prefix, strings=strings, now=now,
        closing_days=float(config.extra.get("closing_threshold_days", 7)),
        site_url=config.site_url or "http://localhost/", render=renderer(config.theme.dirs),
        other_markers=(GLOSSARY_MARKER.removeprefix("<!--").removesuffix("-->").strip(),),
    )

