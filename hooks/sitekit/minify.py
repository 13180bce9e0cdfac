"""Minify the site's own stylesheets and scripts (comments and indentation out): the sources in
docs/assets/ stay commented for editors and maintainers."""
from __future__ import annotations

from typing import Callable

import rcssmin
import rjsmin

MINIFIERS: dict[str, Callable[[str], str]] = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


def minify_text(text: str, suffix: str) -> str:
    """`text` minified for a file ending in `suffix` (.css or .js); other files unchanged."""
    minifier = MINIFIERS.get(suffix)
    return minifier(text) if minifier else text

