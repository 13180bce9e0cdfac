"""MkDocs glue for per-language output: a search index and a sitemap per language; the root 404
page back in the default language."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority

from sitekit.languages import configured_languages, nested_language_build
from sitekit.publish.search_index import split_search_index
from sitekit.publish.sitemaps import split_sitemap
from sitekit.theme.notfound import restore_default_404
from sitekit.theme.sitefiles import write_files


@event_priority(-200)  # after mkdocs-static-i18n has built every language and merged the index
def on_post_build(config) -> None:
    if nested_language_build(config):  # a nested per-language build: the merge comes later
        return
    restore_default_404(config.site_dir)  # the last language built wrote its own over it
    site = Path(config.site_dir)
    languages = configured_languages(config)
    index_path = site / "search" / "search_index.json"
    if index_path.exists():
        merged = json.loads(index_path.read_text(encoding="utf-8"))
        write_files(
            site,
            {
                f"{prefix}search/search_index.json": json.dumps(
                    index, ensure_ascii=False, separators=(",", ":")
                ).encode("utf-8")
                for prefix, index in split_search_index(merged, languages).items()
            },
        )
    sitemap_path = site / "sitemap.xml"
    if sitemap_path.exists():
        write_files(site, split_sitemap(sitemap_path.read_bytes(), config.site_url, languages))
