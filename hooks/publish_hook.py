"""MkDocs glue for machines: JSON-LD and feed links in every page; after the build, the Atom feed
of each language, calls.json (open data) and robots.txt."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitekit.calls.changes import last_changed, last_commit_times
from sitekit.calls.model import load_calls
from sitekit.calls.urls import call_page_path
from sitekit.dates.clock import site_now
from sitekit.inputs.cachedir import cache_dir
from sitekit.languages import Language, configured_languages, current_locale, nested_language_build
from sitekit.problems import SiteDataError
from sitekit.publish.cards import FontMissing, call_card_alt, site_card_alt, social_cards
from sitekit.publish.feeds import FILE as FEED_FILE
from sitekit.publish.feeds import FeedTexts, calls_feed
from sitekit.publish.jsonld import call_jsonld
from sitekit.publish.machinelinks import machine_links
from sitekit.publish.opendata import FILE as DATA_FILE
from sitekit.publish.opendata import calls_document, dumps
from sitekit.publish.robots import robots_txt
from sitekit.publish.sharing import og_locales, page_title, sharing_meta
from sitekit.strings import load_strings
from sitekit.theme.sitefiles import write_files

_build: dict = {}  # this language's build only: reset by on_config, which fires once per build


@event_priority(-160)  # after calls_hook, which reports every data and SITE_NOW problem at once
def on_config(config):
    root = Path(config.config_file_path).parent
    try:
        calls = load_calls(root / "data" / "calls", root)
        now = site_now()
    except (SiteDataError, ValueError) as err:
        raise PluginError(str(err)) from None
    languages = configured_languages(config)
    try:
        strings = load_strings(root / "data" / "strings", [lang.locale for lang in languages], root)
    except SiteDataError as err:
        raise PluginError(str(err)) from None
    _build.clear()
    _build.update(
        root=root,
        calls=calls,
        now=now,
        languages=languages,
        strings=strings,
        og=og_locales(strings),
        closing_days=float(config.extra.get("closing_threshold_days", 7)),
    )
    return config


def _language(config) -> Language:
    # Asked at each event, not in on_config: mkdocs-static-i18n sets the build's language after our on_config.
    return next(lang for lang in _build["languages"] if lang.locale == current_locale(config))


def on_env(env, config, files):
    language = _language(config)
    env.globals["machine_links"] = machine_links(language)
    # For pages without a page event (404.html): the site's own title, description and card.
    env.globals["site_sharing"] = sharing_meta(
        config.site_name,
        config.site_description or "",
        config.site_url + language.prefix,
        language.locale,
        _build["og"],
        config.site_url,
        config.site_name,
        None,
        site_card_alt(config.site_name, _build["strings"][language.locale]),
    )
    return env


def on_page_context(context, page, config, nav):
    slug = page.meta.get("call")
    call = _build["calls"].get(slug) if slug else None
    if call is not None and page.url == call_page_path(slug, _language(config)):
        context["call_jsonld"] = call_jsonld(
            call, _language(config), config.site_url, _build["now"], _build["closing_days"]
        )
    locale = current_locale(config)
    strings = _build["strings"][locale]
    context["sharing"] = sharing_meta(
        page_title(page.meta.get("title"), page.title, page.is_homepage, config.site_name),
        page.meta.get("description") or config.site_description or "",
        page.canonical_url or config.site_url,
        locale,
        _build["og"],
        config.site_url,
        config.site_name,
        call.slug if call is not None else None,
        call_card_alt(call, strings, locale) if call is not None else site_card_alt(config.site_name, strings),
    )
    return context


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(config) -> None:
    if nested_language_build(config):  # a nested per-language build: write once, at the end
        return
    site, root, calls = Path(config.site_dir), _build["root"], _build["calls"].values()
    now, closing_days, languages = _build["now"], _build["closing_days"], _build["languages"]
    committed = last_commit_times(root / "data" / "calls")
    changed = {call.slug: last_changed(call, now, closing_days, committed.get(f"{call.slug}.yml")) for call in calls}
    strings = _build["strings"]
    feeds = {
        f"{lang.prefix}{FEED_FILE}": calls_feed(
            calls, lang, FeedTexts.from_strings(strings[lang.locale]), config.site_url, now, closing_days, changed
        )
        for lang in languages
    }
    document = calls_document(calls, now, closing_days, config.site_url, languages)
    write_files(
        site,
        {
            **feeds,
            DATA_FILE: dumps(document).encode("utf-8"),
            "robots.txt": robots_txt(config.site_url).encode("utf-8"),
        },
    )
    try:
        write_files(site, social_cards(calls, strings, config.site_name, cache_dir(root, "cards"), root))
    except (FontMissing, SiteDataError) as err:
        raise PluginError(str(err)) from None
