"""Sitemaps cut from the site-wide one that mkdocs-static-i18n writes: one per language root, each
URL dated by the last commit of the files it is made from, with an `x-default` alternate.

Material fetches `sitemap.xml` relative to every `<link rel="alternate">` of a page: our feeds and
open data sit at each language's root, so each language root needs one, or every page logs a 404.
(Pages' own `hreflang` alternates are written so that Material does not match them: see
overrides/main.html.)
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from ..languages import Language

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
ET.register_namespace("", SITEMAP_NS)
ET.register_namespace("xhtml", XHTML_NS)


def page_sources(
    docs_folder: str, src_uri: str, meta: Mapping[str, Any], generated_from: Iterable[str] = ()
) -> tuple[str, ...]:
    """The files a page is made from, from the repository's root: its own page file, its call's
    data file (the facts, dates and box it shows), and any data file that generates part of it."""
    sources = [f"{docs_folder}/{src_uri}"]
    call = meta.get("call")
    if isinstance(call, str) and call.strip():
        sources.append(f"data/calls/{call.strip()}.yml")
    sources.extend(generated_from)
    return tuple(sources)


def dated_sitemap(xml: bytes, last_changed: Callable[[str], date | None], default_locale: str) -> bytes:
    """The sitemap with each URL's `lastmod` the day its sources last changed (`last_changed(loc)`;
    none when that is unknown: a build date on every URL teaches search engines to ignore it), and
    an `x-default` alternate beside the default language's, as the pages declare it."""
    root = ET.fromstring(xml)
    link = f"{{{XHTML_NS}}}link"
    for url in root.findall(f"{{{SITEMAP_NS}}}url"):
        for old in url.findall(f"{{{SITEMAP_NS}}}lastmod"):
            url.remove(old)
        day = last_changed(url.findtext(f"{{{SITEMAP_NS}}}loc", default="").strip())
        if day is not None:
            lastmod = ET.Element(f"{{{SITEMAP_NS}}}lastmod")
            lastmod.text = day.isoformat()
            lastmod.tail = url[0].tail
            url.insert(1, lastmod)
        alternates = url.findall(link)
        default = next((a for a in alternates if a.get("hreflang") == default_locale), None)
        if default is not None and not any(a.get("hreflang") == "x-default" for a in alternates):
            x_default = ET.Element(link, {"rel": "alternate", "hreflang": "x-default", "href": default.get("href", "")})
            last = alternates[-1]
            x_default.tail, last.tail = last.tail, default.tail
            url.insert(list(url).index(last) + 1, x_default)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


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
