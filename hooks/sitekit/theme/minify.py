"""Minify what readers download: the site's own stylesheets and scripts (comments and indentation
out; the sources in docs/assets/ stay commented) and every HTML page."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import minify_html
import rcssmin
import rjsmin

from ..inputs.diskmemo import source_version
from ..inputs.textmemo import TextMemo

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


@lru_cache(maxsize=8)
def kept_minify_page(folder: Path) -> Callable[[str], str]:
    """minify_page, whose pages are kept in `folder` for the next build (sitekit.inputs.textmemo):
    ~0.8 ms a page, 1.6 s of a build at 500 calls, for a page the theme wrote the same as before."""
    memo = TextMemo(folder, source_version(Path(__file__), "minify-html", version("minify-html")))
    return lambda html: memo(html, minify_page)
