"""Where a call's pages are published: docs/bandi/<slug>/index.<locale>.md -> <site_url><prefix>bandi/<slug>/."""

from __future__ import annotations

from ..languages import Language

CALLS_FOLDER = "bandi"
FEED_FILE = "calls.atom"  # the Atom feed of calls, below each language's root (en/calls.atom)


def call_page_path(slug: str, language: Language) -> str:
    """The page's path below the site root, e.g. "en/bandi/clusters-go-international-2020/"."""
    return f"{language.prefix}{CALLS_FOLDER}/{slug}/"


def absolute(site_url: str, path: str) -> str:
    """`path` (below the site root) as an absolute URL under `site_url`."""
    return site_url.rstrip("/") + "/" + path.lstrip("/")
