"""Per-language sitemaps, cut from the site-wide sitemap that mkdocs-static-i18n writes."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Iterable

from .languages import Language

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def split_sitemap(xml: bytes, site_url: str, languages: Iterable[Language]) -> dict[str, bytes]:
    """Return {language prefix: sitemap bytes} listing only the URLs of that language."""
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    langs = sorted(languages, key=lambda lang: len(lang.prefix), reverse=True)
    base = site_url.rstrip("/") + "/"
    out: dict[str, bytes] = {}
    for lang in langs:
        root = ET.fromstring(xml)
        for url in list(root):
            loc = url.findtext(f"{{{SITEMAP_NS}}}loc", default="")
            if _language_of(loc, base, langs) is not lang:
                root.remove(url)
        out[lang.prefix] = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return out


def _language_of(loc: str, base: str, langs: list[Language]) -> Language | None:
    if not loc.startswith(base):
        return None
    path = loc[len(base):]
    return next((lang for lang in langs if path.startswith(lang.prefix)), None)
