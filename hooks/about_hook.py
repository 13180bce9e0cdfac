"""MkDocs glue for who publishes the site: data/site.yml read once per language build, the footer's
values for every template (`about`), and the `<!-- site:contact -->` marker in a page."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitekit.about.model import CONTACT_MARKER, FILE, footer_view, last_updated_view, load_site_info, relative_href
from sitekit.inputs.cachedir import cache_dir
from sitekit.inputs.history import History
from sitekit.languages import configured_languages, current_locale
from sitekit.problems import SiteDataError
from sitekit.strings import load_strings
from sitekit.theme.partials import renderer

ABOUT_PAGE = "chi-siamo/"  # the page that says who publishes the site (docs/chi-siamo.*.md)
_build: dict = {}


@event_priority(-150)  # after mkdocs-static-i18n has switched the config to this build's language
def on_config(config):
    root = Path(config.config_file_path).parent
    languages = configured_languages(config)
    locale = current_locale(config)
    try:
        info = load_site_info(root / FILE, root, [lang.locale for lang in languages])
    except SiteDataError as err:
        raise PluginError(str(err)) from err
    prefix = next(lang.prefix for lang in languages if lang.locale == locale)
    issues = f"{config.repo_url.rstrip('/')}/issues" if config.repo_url else None
    strings = load_strings(root / "data" / "strings", [lang.locale for lang in languages], root)[locale]
    _build.update(
        history=History.of(root),
        updated_pattern=strings["site"]["last_updated"],
        formats=strings["calls"]["formats"],
        view={**footer_view(info, locale), "issues": issues},
        prefix=prefix,
        render=renderer(config.theme.dirs, cache_dir(Path(config.config_file_path).parent, "partials")),
    )
    return config


def on_env(env, config, files):
    """For templates rendered without a page (the 404 page): the About page by its absolute address."""
    site_url = (config.site_url or "/").rstrip("/") + "/"
    env.globals["site_about"] = {**_build["view"], "about_href": site_url + _build["prefix"] + ABOUT_PAGE}
    return env


def on_page_content(html, page, config, files):
    if CONTACT_MARKER not in html:
        return html
    return html.replace(CONTACT_MARKER, _build["render"]("partials/site-contact.html", about=_build["view"]))


def on_page_context(context, page, config, nav):
    context["about"] = {**_build["view"], "about_href": relative_href(_build["prefix"] + ABOUT_PAGE, page.url)}
    # The day of the last commit of the page's files (i18n_hook lists them, as for the sitemap);
    # nothing without git history.
    day = _build["history"].last_changed(*context.get("page_sources", ()))
    context["last_updated"] = last_updated_view(day, _build["updated_pattern"], _build["formats"])
    return context
