"""MkDocs glue: repairs to theme HTML that no template override can reach
(see sitekit.theme.html_fixes), and the accessibility statement's last check (sitekit.theme.lastcheck)."""

from __future__ import annotations

from pathlib import Path

from sitekit.languages import configured_languages, current_locale
from sitekit.strings import load_strings
from sitekit.theme.html_fixes import drop_checkbox_autocomplete
from sitekit.theme.lastcheck import MARKER, last_check_html


def on_page_markdown(markdown: str, page, config, files) -> str:
    if MARKER not in markdown:  # the accessibility statement only
        return markdown
    root = Path(config.config_file_path).parent
    locales = [lang.locale for lang in configured_languages(config)]
    strings = load_strings(root / "data" / "strings", locales, root)[current_locale(config)]
    return markdown.replace(MARKER, last_check_html(root, strings["quality"], strings["calls"]["formats"]))


def on_post_page(output: str, page, config) -> str:
    return drop_checkbox_autocomplete(output)


def on_post_template(output_content: str, template_name: str, config) -> str:
    # 404.html is a theme template, not a page; sitemap.xml is a template too, and not HTML (at
    # 500 calls, parsing it as HTML cost more than fixing every page)
    if not template_name.endswith(".html"):
        return output_content
    return drop_checkbox_autocomplete(output_content)
