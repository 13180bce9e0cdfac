"""A Content-Security-Policy for every page (DESIGN contract 13): scripts only from the site itself
and the inline scripts the page was built with, by hash, so that no inline event handler or injected
script can run even if markup slipped through. GitHub Pages sets no headers: a <meta http-equiv>."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

# Types a browser runs as script; the others (application/json, application/ld+json) are data.
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
_HEAD = re.compile(r"<head(\s[^>]*)?>", re.IGNORECASE)


class _InlineScripts(HTMLParser):
    """The text of every inline script of the theme that a browser would run, exactly as written.
    Scripts inside <article> came with the page's content (an editor's Markdown, a partial): they
    get no hash, so they do not run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None
        self._in_article = 0

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self._in_article += 1
        if tag != "script":
            return
        names = dict(attrs)
        runs = (names.get("type") or "").strip().lower() in _SCRIPT_TYPES
        self._current = [] if runs and "src" not in names and not self._in_article else None

    def handle_data(self, data):
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag):
        if tag == "article" and self._in_article:
            self._in_article -= 1
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def inline_script_hashes(html: str) -> list[str]:
    """'sha256-…' of each inline script of the theme in `html`, in order, each once."""
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    hashes = (
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'" for s in parser.scripts
    )
    return list(dict.fromkeys(hashes))


def policy(html: str) -> str:
    """The page's policy: its own scripts, by origin and by hash; no plugins; no other base URL."""
    script_src = " ".join(["'self'", *inline_script_hashes(html)])
    return f"script-src {script_src}; object-src 'none'; base-uri 'self'"


def with_policy(html: str) -> str:
    """`html` (a whole, final page) with its policy as the first thing after <meta charset>, before
    any script: a policy given by <meta> covers only what comes after it."""
    # written as the minifier writes a tag (attributes sorted, quotes only where needed)
    tag = f'<meta content="{policy(html)}" http-equiv=Content-Security-Policy>'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return tag + html
    return html[: anchor.end()] + tag + html[anchor.end() :]
