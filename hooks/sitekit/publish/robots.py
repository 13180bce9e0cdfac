"""robots.txt: every page may be indexed; the sitemap (both languages, with hreflang) is named."""

from __future__ import annotations

from ..calls.urls import absolute


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {absolute(site_url, 'sitemap.xml')}\n"
