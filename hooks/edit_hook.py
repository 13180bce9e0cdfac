"""MkDocs glue: every page's "edit this page" links (overrides/partials/source-file.html)."""

from __future__ import annotations

from pathlib import Path

from sitekit.glossary.page import MARKER
from sitekit.theme.editlinks import edit_links, edit_root

GLOSSARY_DATA = "data/glossary.yml"


def on_page_context(context, page, config, nav):
    root = edit_root(config.repo_url, config.edit_uri, Path(config.docs_dir).name)
    generated = (GLOSSARY_DATA,) if MARKER in (page.markdown or "") else ()
    context["edit_links"] = edit_links(page.edit_url, root, page.meta or {}, generated)
    return context
