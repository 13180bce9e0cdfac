"""Sitemaps cut from the site-wide one that mkdocs-static-i18n writes: one per language root, and
one small fragment beside each page.

Material's language selector fetches `sitemap.xml` relative to every `<link rel="alternate">` of a
page; with `hreflang` alternates pointing at pages (as search engines want), each page's folder
needs one, or every page logs 404s. A fragment holds only that page and its alternates, so the
total stays linear in the number of pages.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Iterable

from .languages import Language

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
ET.register_namespace("", SITEMAP_NS)
ET.register_namespace("xhtml", XHTML_NS)


def split_sitemap(xml: bytes, site_url: str, languages: Iterable[Language]) -> dict[str, bytes]:
    """{output path: sitemap bytes}: "en/sitemap.xml" for each other language's root, and
    "<page folder>/sitemap.xml" for every page that is not a language root."""
    root = ET.fromstring(xml)
    base = site_url.rstrip("/") + "/"
    langs = sorted(languages, key=lambda lang: len(lang.prefix), reverse=True)
    roots = {lang.prefix for lang in langs}
    by_language: dict[str, list[ET.Element]] = {lang.prefix: [] for lang in langs}
    out: dict[str, bytes] = {}
    for url in root:
        loc = url.findtext(f"{{{SITEMAP_NS}}}loc", default="")
        if not loc.startswith(base):
            continue
        folder = loc[len(base):]
        lang = next((lang for lang in langs if folder.startswith(lang.prefix)), None)
        if lang is not None:
            by_language[lang.prefix].append(url)
        if folder not in roots:
            out[folder + "sitemap.xml"] = _urlset([url])
    for prefix, urls in by_language.items():
        if prefix:  # the root sitemap stays whole: it lists every language, with alternates
            out[prefix + "sitemap.xml"] = _urlset(urls)
    return out


def _urlset(urls: list[ET.Element]) -> bytes:
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    urlset.extend(urls)
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True)
