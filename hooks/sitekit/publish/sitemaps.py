"""Sitemaps cut from the site-wide one that mkdocs-static-i18n writes: one per language root.

Material fetches `sitemap.xml` relative to every `<link rel="alternate">` of a page: our feeds and
open data sit at each language's root, so each language root needs one, or every page logs a 404.
(Pages' own `hreflang` alternates are written so that Material does not match them: see
overrides/main.html.)
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

from ..languages import Language

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
ET.register_namespace("", SITEMAP_NS)
ET.register_namespace("xhtml", XHTML_NS)


def split_sitemap(xml: bytes, site_url: str, languages: Iterable[Language]) -> dict[str, bytes]:
    """{output path: sitemap bytes}: "en/sitemap.xml" for each language's root but the default's
    (the root sitemap stays whole: it lists every language, with alternates)."""
    root = ET.fromstring(xml)
    base = site_url.rstrip("/") + "/"
    langs = sorted(languages, key=lambda lang: len(lang.prefix), reverse=True)
    by_language: dict[str, list[ET.Element]] = {lang.prefix: [] for lang in langs}
    for url in root:
        loc = url.findtext(f"{{{SITEMAP_NS}}}loc", default="")
        if not loc.startswith(base):
            continue
        folder = loc[len(base) :]
        lang = next((lang for lang in langs if folder.startswith(lang.prefix)), None)
        if lang is not None:
            by_language[lang.prefix].append(url)
    return {prefix + "sitemap.xml": _urlset(urls) for prefix, urls in by_language.items() if prefix}


def _urlset(urls: list[ET.Element]) -> bytes:
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    urlset.extend(urls)
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True)
