"""MkDocs glue for calls: data/calls read once per build, markers, deadline box, calendar files."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitekit.about.model import CONTACT_MARKER
from sitekit.calls.ics import event_cache
from sitekit.calls.model import load_calls, read_call_yaml
from sitekit.calls.pages import CallPages, PageSource
from sitekit.dates.clock import site_now
from sitekit.glossary.page import MARKER as GLOSSARY_MARKER
from sitekit.inputs.cachedir import cache_dir
from sitekit.inputs.history import History
from sitekit.languages import configured_languages, current_locale
from sitekit.messages import _
from sitekit.problems import Problem, SiteDataError
from sitekit.strings import load_strings
from sitekit.theme.partials import renderer
from sitekit.theme.sitefiles import write_files

# The build in progress. mkdocs-static-i18n builds once per language and on_config starts each
# build afresh, so nothing of one language's build leaks into the next.
_pages: CallPages  # this build's, made by on_config before any other event
# {language: {call: {url: title}}}: the pages of each call as the last build of each language knew
# them; a build that reads only some pages (`mkdocs serve`, sitekit.preview) keeps the others' titles.
_known_call_pages: dict[str, dict[str, dict[str, str]]] = {}


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
    return _pages.page_markdown(
        PageSource(markdown, page.meta, page.url, shown, lambda: source.read_text(encoding="utf-8"), page.title)
    )


def on_page_content(html, page, config, files):
    return _pages.page_content(html, page.url)  # the glossary hook annotates these too, later


@event_priority(-40)  # after Material's search plugin (0) has indexed the page; before the glossary (-50)
def on_page_context(context, page, config, nav):
    """The deadline boxes go in; templates may read the page's call (`call`) and every call (`calls`) too."""
    page.content = _pages.page_boxes(page.content, page.url, page.meta.get("call"))
    context["calls"] = _pages.calls
    context["call"] = _pages.calls.get(page.meta.get("call"))
    _mark_calls_index(page, nav, True)
    return context


def on_post_page(output, page, config):
    _mark_calls_index(page, None, False)
    return output


def on_env(env, config, files):
    _pages.keep_unread_pages(_known_call_pages.get(_pages.locale, {}))
    _known_call_pages[_pages.locale] = _pages.call_pages()
    root = Path(config.config_file_path).parent
    for slug, index, name, known in _pages.unlisted_pages():
        shown = f"data/calls/{slug}.yml"
        doc = read_call_yaml(root / shown, shown)
        line = doc.line_of(("pages", index)) if not isinstance(doc, Problem) else None
        _pages.problems.append(
            Problem(
                shown,
                line,
                f"pages.{index}",
                _('"{name}" is not a page of this call; expected one of: {known}').format(name=name, known=known),
            )
        )
    if _pages.problems:  # every page has been read: report all their mistakes at once
        problems = SiteDataError(_pages.problems)
        raise PluginError(str(problems)) from problems
    return env


def on_post_build(config):
    root = Path(config.config_file_path).parent
    history = History.of(root)  # one git log for every language's build
    kept = event_cache(cache_dir(root, "calendar"))  # the events earlier builds drew
    write_files(Path(config.site_dir), _pages.calendar_files(history.last_commit, kept))


# -- Helper functions ----------------------------------------------------------------------------

_marked: list = []  # the calls index's nav entry while a call's page is being rendered


def _mark_calls_index(page, nav, active: bool) -> None:
    """On a call's page the calls index is the current section of the sidebar (Material's
    active class): the calls themselves are not in the navigation (DESIGN.md, Scale)."""
    if not active:
        while _marked:
            _marked.pop().active = False
        return
    if _pages.is_call_page(page.url, page.meta.get("call")):
        index = next((item for item in nav.pages if item.url == _pages.calls_index_url), None)
        if index is not None and index is not page:
            index.active = True
            _marked.append(index)


def _start(config) -> CallPages:
    root = Path(config.config_file_path).parent
    locale = current_locale(config)
    languages = configured_languages(config)
    problems: list[Problem] = []
    try:
        now = site_now()
    except ValueError as err:
        problems.append(
            Problem(_("environment variable SITE_NOW"), None, "SITE_NOW", str(err).removeprefix("SITE_NOW: "))
        )
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
        calls=calls,
        locale=locale,
        prefix=language.prefix,
        strings=strings,
        now=now,
        closing_days=float(config.extra.get("closing_threshold_days", 7)),
        home_closed=int(config.extra.get("home_closed_calls", 3)),
        site_url=config.site_url or "http://localhost/",
        render=renderer(config.theme.dirs, cache_dir(Path(config.config_file_path).parent, "partials")),
        other_markers=(
            GLOSSARY_MARKER.removeprefix("<!--").removesuffix("-->").strip(),
            CONTACT_MARKER.removeprefix("<!--").removesuffix("-->").strip(),
        ),
    )
