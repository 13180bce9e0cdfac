"""MkDocs glue: repairs to theme HTML that no template override can reach
(see sitekit.theme.html_fixes)."""
from __future__ import annotations

from sitekit.theme.html_fixes import drop_checkbox_autocomplete


def on_post_page(output: str, page, config) -> str:
    return drop_checkbox_autocomplete(output)


def on_post_template(output_content: str, template_name: str, config) -> str:
    # 404.html is a theme template, not a page; sitemap.xml is a template too, and not HTML (at
    # 500 calls, parsing it as HTML cost more than fixing every page)
    if not template_name.endswith(".html"):
        return output_content
    return drop_checkbox_autocomplete(output_content)
