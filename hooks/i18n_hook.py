"""MkDocs glue for per-language output: a search index and a sitemap per language (each URL dated by
git, sitekit.inputs.history); the root 404 page back in the default language."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority

from sitekit.glossary.page import MARKER as GLOSSARY_MARKER
from sitekit.inputs.history import History
from sitekit.languages import configured_languages, nested_language_build
from sitekit.publish.search_index import split_search_index
from sitekit.publish.sitemaps import dated_sitemap, page_sources, split_sitemap
from sitekit.theme import lastcheck
from sitekit.theme.notfound import restore_default_404
from sitekit.theme.sitefiles import write_files

# The data files that generate part of a page, by the marker that puts them there.
GENERATED = {GLOSSARY_MARKER: "data/glossary.yml", lastcheck.MARKER: lastcheck.FILE.as_posix()}
# {page's canonical URL: the files it is made from}, for the sitemap's dates. Filled by every
# language's build on purpose (the sitemap lists them all), and kept from one build to the next of the
# same process: under `mkdocs serve` a rebuild that reads only the changed pages (sitekit.preview)
# dates the others as before; every page read writes its own entry again, and the sitemap asks only
# for the pages it lists.
_sources: dict[str, tuple[str, ...]] = {}


def on_page_context(context, page, config, nav):
    if page.canonical_url:
        # The page as written: by now a hook may have put the data in place of its marker
        # (quality_hook does, on_page_markdown).
        written = page.file.content_string
        generated = [data for marker, data in GENERATED.items() if marker in written]
        _sources[page.canonical_url] = page_sources(
            Path(config.docs_dir).name, page.file.src_uri, page.meta or {}, generated
        )
        context["page_sources"] = _sources[page.canonical_url]  # the page's "last updated" (about_hook)
    return context


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
        history = History.of(Path(config.config_file_path).parent)
        default = next(lang.locale for lang in languages if lang.default)
        sitemap = dated_sitemap(
            sitemap_path.read_bytes(), lambda loc: history.last_changed(*_sources.get(loc, ())), default
        )
        write_files(site, {"sitemap.xml": sitemap, **split_sitemap(sitemap, config.site_url, languages)})
