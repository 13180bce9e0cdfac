"""MkDocs glue: after every language is built, minify the project's own CSS and JavaScript."""
from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from sitekit.minify import minify_files


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(config) -> None:
    if config.plugins["i18n"].building:  # a nested per-language build: the assets are the root's
        return
    docs = Path(config.docs_dir)
    own = [str(path) for path in [*config.extra_css, *config.extra_javascript] if (docs / str(path)).is_file()]
    minify_files(Path(config.site_dir), own)
