"""MkDocs glue: every template sees `site_strings` ({locale: strings}) and `page_strings`; the
root 404 page keeps the default language's interface (sitekit.theme.notfound)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from sitekit.languages import configured_languages, current_locale, nested_language_build
from sitekit.strings import load_strings
from sitekit.theme.notfound import keep_default_404


def on_env(env, config, files):
    root = Path(config.config_file_path).parent
    locales = [lang.locale for lang in configured_languages(config)]
    strings = load_strings(root / "data" / "strings", locales, root)
    env.globals["site_strings"] = strings
    env.globals["page_strings"] = strings[current_locale(config)]
    env.globals["site_languages"] = configured_languages(config)
    return env


@event_priority(-90)  # the default language's pages are written; mkdocs-static-i18n (-100) builds the others next
def on_post_build(config) -> None:
    if not nested_language_build(config):
        keep_default_404(config.site_dir)  # i18n_hook puts it back once every language is built
