"""Minify what readers download: the site's own stylesheets and scripts (comments and indentation
out; the sources in docs/assets/ stay commented) and every HTML page."""

from __future__ import annotations

from collections.abc import Callable

import minify_html
import rcssmin
import rjsmin

MINIFIERS: dict[str, Callable[[str], str]] = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}

# Only changes a browser cannot tell apart (tests/browser/test_minified_site_reads_the_same.py
# compares every page's text, attributes and screenshot with an unminified build). Whitespace goes
# where HTML collapses it anyway and stays in <pre> and <code>; comments go; quotes go where
# attribute values allow. Closing tags, the html and head start tags and type="text" stay (CSS and
# scripts may look for them); inline scripts, JSON and styles are left exactly as written.
HTML_OPTIONS = {
    "keep_closing_tags": True,
    "keep_html_and_head_opening_tags": True,
    "keep_input_type_text_attr": True,
    "minify_css": False,
    "minify_js": False,
}


def minify_text(text: str, suffix: str) -> str:
    """`text` minified for a file ending in `suffix` (.css or .js); other files unchanged."""
    minifier = MINIFIERS.get(suffix)
    return minifier(text) if minifier else text


def minify_page(html: str) -> str:
    """An HTML page minified, rendering the same."""
    return minify_html.minify(html, **HTML_OPTIONS)
