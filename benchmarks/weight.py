"""Page weight: the HTML of a built page plus the CSS, JS and fonts it references, raw and gzipped."""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

# Servers compress at different levels; 6 is gzip's and most servers' default.
GZIP_LEVEL = 6
FONT_SUFFIXES = (".woff2", ".woff", ".ttf", ".otf", ".eot")
# CSS is not HTML: a url(...) token is simple enough to find without a CSS parser.
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")


@dataclass
class Weight:
    raw: int = 0
    gz: int = 0
    files: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # referenced, not in the site
    third_party: list[str] = field(default_factory=list)  # on another host (DESIGN.md forbids it)

    def add(self, name: str, data: bytes) -> None:
        self.raw += len(data)
        self.gz += gzipped_size(data)
        self.files.append(name)


def gzipped_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


class _Assets(HTMLParser):
    """Collects the stylesheets and scripts a page loads."""

    def __init__(self) -> None:
        super().__init__()
        self.css: list[str] = []
        self.js: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        href, src = a.get("href"), a.get("src")
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split() and href:
            self.css.append(href)
        elif tag == "script" and src:
            self.js.append(src)


def page_weight(site_dir: Path, page: Path) -> Weight:
    """What a first visit to `page` downloads: its HTML, stylesheets, scripts, and the fonts the
    stylesheets name (lazy assets such as the search worker load only on use and are left out)."""
    site_dir = site_dir.resolve()
    weight = Weight()
    html = page.read_bytes()
    weight.add(page.relative_to(site_dir).as_posix(), html)
    parser = _Assets()
    parser.feed(html.decode("utf-8"))
    page_url = "/" + page.resolve().relative_to(site_dir).as_posix()
    for ref in parser.css:
        css_path = _local(site_dir, page_url, ref, weight)
        if css_path is None:
            continue
        css = css_path.read_bytes()
        weight.add(css_path.relative_to(site_dir).as_posix(), css)
        css_url = "/" + css_path.relative_to(site_dir).as_posix()
        for font_ref in _CSS_URL.findall(css.decode("utf-8", "replace")):
            if urlparse(font_ref).path.lower().endswith(FONT_SUFFIXES):
                font_path = _local(site_dir, css_url, font_ref, weight)
                if font_path is not None and font_path.relative_to(site_dir).as_posix() not in weight.files:
                    weight.add(font_path.relative_to(site_dir).as_posix(), font_path.read_bytes())
    for ref in parser.js:
        js_path = _local(site_dir, page_url, ref, weight)
        if js_path is not None:
            weight.add(js_path.relative_to(site_dir).as_posix(), js_path.read_bytes())
    return weight


def _local(site_dir: Path, base_url: str, ref: str, weight: Weight) -> Path | None:
    """The file in the site that `ref` (relative to `base_url`) names, or None (and noted why)."""
    if ref.startswith("data:"):
        return None
    url = urlparse(urljoin(base_url, ref))
    if url.scheme or url.netloc:
        weight.third_party.append(ref)
        return None
    path = (site_dir / url.path.lstrip("/")).resolve()
    if path.is_dir():
        path = path / "index.html"
    if not path.is_file() or not path.is_relative_to(site_dir):
        weight.missing.append(ref)
        return None
    return path


def script_weight(path: Path) -> tuple[int, int] | None:
    """(raw, gzipped) bytes of one file, or None when it does not exist."""
    if not path.is_file():
        return None
    data = path.read_bytes()
    return len(data), gzipped_size(data)
