"""Minify the site's own stylesheets and scripts in the built site (comments and indentation out):
the sources in docs/assets/ stay commented for editors and maintainers."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

import rcssmin
import rjsmin

MINIFIERS: dict[str, Callable[[str], str]] = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


def minify_text(text: str, suffix: str) -> str:
    """`text` minified for a file ending in `suffix` (.css or .js); other files unchanged."""
    minifier = MINIFIERS.get(suffix)
    return minifier(text) if minifier else text


def minify_files(site_dir: Path, relative_paths: Iterable[str]) -> int:
    """Minify each built file in place; return the bytes saved."""
    saved = 0
    for relative in relative_paths:
        path = site_dir / relative
        if path.suffix not in MINIFIERS or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        small = minify_text(text, path.suffix)
        path.write_text(small, encoding="utf-8")
        saved += len(text.encode()) - len(small.encode())
    return saved
