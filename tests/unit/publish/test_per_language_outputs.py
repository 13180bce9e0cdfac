"""Per-language search indexes and sitemaps, cut from the merged ones (no MkDocs needed)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from sitekit.languages import Language
from sitekit.publish.search_index import split_search_index
from sitekit.publish.sitemaps import SITEMAP_NS, dated_sitemap, page_sources, split_sitemap

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


def test_sitemap_dates_each_url_by_its_sources_and_declares_x_default():
    site = "https://example.org/bandi/"
    xml = (
        f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="http://www.w3.org/1999/xhtml">'
        f"<url><loc>{site}</loc><lastmod>2026-12-07</lastmod><changefreq>daily</changefreq>"
        f'<xhtml:link rel="alternate" hreflang="it" href="{site}"/>'
        f'<xhtml:link rel="alternate" hreflang="en" href="{site}en/"/></url>'
        f"<url><loc>{site}en/</loc><lastmod>2026-12-07</lastmod>"
        f'<xhtml:link rel="alternate" hreflang="it" href="{site}"/>'
        f'<xhtml:link rel="alternate" hreflang="en" href="{site}en/"/></url>'
        "</urlset>"
    ).encode()
    days = {site: date(2020, 11, 2)}  # the English page's sources: no commit known
    root = ET.fromstring(dated_sitemap(xml, days.get, "it"))
    urls = root.findall(f"{{{SITEMAP_NS}}}url")
    assert [u.findtext(f"{{{SITEMAP_NS}}}lastmod") for u in urls] == ["2020-11-02", None]
    for url in urls:
        links = [(a.get("hreflang"), a.get("href")) for a in url.findall("{http://www.w3.org/1999/xhtml}link")]
        assert links == [("it", site), ("en", site + "en/"), ("x-default", site)]


def test_a_page_is_made_from_its_file_its_calls_data_and_what_generates_it():
    assert page_sources("docs", "bandi/x/index.en.md", {"call": "x"}) == (
        "docs/bandi/x/index.en.md",
        "data/calls/x.yml",
    )
    assert page_sources("docs", "glossario.it.md", {}, ["data/glossary.yml"]) == (
        "docs/glossario.it.md",
        "data/glossary.yml",
    )
