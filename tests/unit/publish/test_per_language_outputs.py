"""Per-language search indexes and sitemaps, cut from the merged ones (no MkDocs needed)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from sitekit.languages import Language
from sitekit.publish.search_index import split_search_index
from sitekit.publish.sitemaps import SITEMAP_NS, split_sitemap

IT = Language("it", "/", True)
EN = Language("en", "/en/", False)


def test_search_index_split_keeps_each_language_apart_and_relative_to_its_root():
    merged = {
        "config": {"lang": ["it", "en"], "separator": "[\\s]+"},
        "docs": [
            {"location": "", "title": "Home", "text": "it"},
            {"location": "bandi/#scadenza", "title": "Scadenza", "text": "it"},
            {"location": "en/", "title": "Home", "text": "en"},
            {"location": "en/bandi/#deadline", "title": "Deadline", "text": "en"},
        ],
    }
    out = split_search_index(merged, [IT, EN])
    assert [d["location"] for d in out[""]["docs"]] == ["", "bandi/#scadenza"]
    assert [d["location"] for d in out["en/"]["docs"]] == ["", "bandi/#deadline"]
    assert out[""]["config"]["lang"] == ["it"] and out["en/"]["config"]["lang"] == ["en"]
    assert merged["config"]["lang"] == ["it", "en"], "the merged index must not be modified"


def _sitemap(*pairs: tuple[str, str]) -> bytes:
    urls = "".join(
        f'<url><loc>{loc}</loc><xhtml:link rel="alternate" hreflang="en" href="{alt}"/></url>' for loc, alt in pairs
    )
    return (f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="http://www.w3.org/1999/xhtml">{urls}</urlset>').encode()


def _locs(xml: bytes) -> list[str]:
    return [el.text or "" for el in ET.fromstring(xml).iter(f"{{{SITEMAP_NS}}}loc")]


def test_sitemap_split_gives_each_other_language_root_its_own_and_keeps_alternates():
    site = "https://example.org/bandi/"
    xml = _sitemap(
        (site, site + "en/"),
        (site + "glossario/", site + "en/glossario/"),
        (site + "en/", site + "en/"),
        (site + "en/glossario/", site + "en/glossario/"),
    )
    out = split_sitemap(xml, site, [IT, EN])
    assert set(out) == {"en/sitemap.xml"}, "no sitemap beside each page: nothing fetches them now"
    assert _locs(out["en/sitemap.xml"]) == [site + "en/", site + "en/glossario/"]
    assert b'hreflang="en"' in out["en/sitemap.xml"]
