"""MkDocs glue for per-language output: a search index and a sitemap per language."""
from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority

from sitekit.languages import configured_languages, nested_language_build
from sitekit.search_split import split_search_index
from sitekit.sitemap_split import split_sitemap


@event_priority(-200)  # after mkdocs-static-i18n has built every language and merged the index
def on_post_build(config) -> None:
    if nested_language_build(config):  # a nested per-language build: the merge comes later
        return
    site = Path(config.site_dir)
    languages = configured_languages(config)
    index_path = site / "search" / "search_index.json"
    if index_path.exists():
        merged = json.loads(index_path.read_text(encoding="utf-8"))
        for prefix, index in split_search_index(merged, languages).items():
            target = site / prefix / "search" / "search_index.json"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    sitemap_path = site / "sitemap.xml"
    if sitemap_path.exists():
        for relative, xml in split_sitemap(sitemap_path.read_bytes(), config.site_url, languages).items():
            (site / relative).write_bytes(xml)
