"""MkDocs glue: every template sees `site_strings` ({locale: strings}) and `page_strings`."""
from __future__ import annotations

from pathlib import Path

from sitekit.languages import configured_languages, current_locale
from sitekit.strings import load_strings


def on_env(env, config, files):
    root = Path(config.config_file_path).parent
    locales = [lang.locale for lang in configured_languages(config)]
    strings = load_strings(root / "data" / "strings", locales, root)
    env.globals["site_strings"] = strings
    env.globals["page_strings"] = strings[current_locale(config)]
    env.globals["site_languages"] = configured_languages(config)
    return env
