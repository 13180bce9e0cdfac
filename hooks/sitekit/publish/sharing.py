"""Open Graph and Twitter card values of a page (DESIGN.md contract 10); the template writes them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..calls.urls import absolute
from .cards import SITE_CARD, call_card_path


def og_locales(strings: Mapping[str, Mapping]) -> dict[str, str]:
    """{locale: Open Graph locale} from each language's strings (`sharing.og_locale`: it_IT)."""
    return {locale: s["sharing"]["og_locale"] for locale, s in strings.items()}


def page_title(meta_title: Any, nav_title: str | None, is_homepage: bool, site_name: str) -> str:
    """The page's own title as its <title> says it (Material's rule: the front matter's `title`,
    else the navigation's title but on a home page, else the site's name), without the site's name
    after it. A home page is "Home" in the navigation, never in a shared link."""
    if isinstance(meta_title, str) and meta_title.strip():
        return meta_title.strip()
    if nav_title and not is_homepage:
        return nav_title
    return site_name


def sharing_meta(
    title: str,
    description: str,
    canonical_url: str,
    locale: str,
    locales: Mapping[str, str],
    site_url: str,
    site_name: str,
    call_slug: str | None,
    image_alt: str,
) -> dict[str, Any]:
    """Plain values for the page's <meta property="og:…"> tags; the image is the call's card on
    the call's pages, else the site's, and `image_alt` says in the page's language what it shows."""
    return {
        "title": title,
        "description": description,
        "url": canonical_url,
        "site_name": site_name,
        "locale": locales[locale],
        "alternates": [og for other, og in locales.items() if other != locale],
        "image": absolute(site_url, call_card_path(call_slug) if call_slug else SITE_CARD),
        "image_width": 1200,
        "image_height": 630,
        "image_alt": image_alt,
        "card": "summary_large_image",
    }
