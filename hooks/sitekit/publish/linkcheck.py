"""Offline link checker for a built site served under a sub-path (GitHub Pages: /<repo>/): every link,
asset, feed, sitemap and open-data address must name a file of the site, and every #fragment an id."""

from __future__ import annotations

import json
import posixpath
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# Resolve the 404 page's relative links from a deep address: the host serves it at any missing one.
NOT_FOUND_PAGE, NOT_FOUND_AT = "404.html", "no/such/page/"
URL_ATTRS = {
    "a": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
}
SKIPPED_SCHEMES = ("mailto", "tel", "javascript", "data")


@dataclass(frozen=True)
class BrokenLink:
    source: str  # file of the site that holds the link, relative to the site folder
    url: str  # the link as written
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.url}: {self.reason}"


class _Page(HTMLParser):
    """The URLs a page refers to, the ids it defines, and Material's search config."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.ids: set[str] = set()
        self._config: list[str] | None = None
        self.config_text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name"):
            if value := values.get(key):
                self.ids.add(value)
        for attr in URL_ATTRS.get(tag, ()):
            value = values.get(attr)
            if value and attr == "srcset":
                self.urls += [part.split()[0] for part in value.split(",") if part.strip()]
            elif value:
                self.urls.append(value)
        if tag == "script" and values.get("id") == "__config":
            self._config = []

    def handle_data(self, data: str) -> None:
        if self._config is not None:
            self._config.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._config is not None:
            self.config_text, self._config = "".join(self._config), None


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _config_urls(config_text: str, served_at: str) -> list[str]:
    """What Material's script loads from the page config, resolved as the browser does: the search
    worker, and `search/search_index.json` and `sitemap.xml` below `base` (which needs its final slash)."""
    if not config_text:
        return []
    config = json.loads(config_text)
    urls = [urljoin(served_at, config["search"])] if config.get("search") else []
    if "base" in config:
        base = urljoin(served_at, config["base"])
        urls += [urljoin(base, "search/search_index.json"), urljoin(base, "sitemap.xml")]
    return urls


def _xml_urls(path: Path) -> list[str]:
    urls = []
    for el in ET.parse(path).iter():
        if el.tag.endswith("}loc") and el.text:
            urls.append(el.text.strip())
        if href := el.get("href"):
            urls.append(href)
    return urls


def _json_urls(value) -> Iterator[str]:
    if isinstance(value, dict):
        for item in value.values():
            yield from _json_urls(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_urls(item)
    elif isinstance(value, str) and urlsplit(value).scheme in ("http", "https"):
        yield value


def _robots_urls(path: Path) -> list[str]:
    return [
        line.split(":", 1)[1].strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.lower().startswith("sitemap:")
    ]


def broken_links(site_dir: Path, base_path: str = "/", site_url: str | None = None) -> list[BrokenLink]:
    """Every broken internal reference in the built site at `site_dir`, served under `base_path`.
    Absolute URLs that start with `site_url` count as internal; other hosts are not checked (offline)."""
    site_dir, base_path = Path(site_dir), "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    pages: dict[Path, _Page] = {}

    def page(path: Path) -> _Page:
        if path not in pages:
            pages[path] = _parse(path)
        return pages[path]

    def target_of(url: str, served_at: str) -> tuple[Path | None, str, str]:
        """(file, fragment, reason) for `url` as written in a file served at `served_at`."""
        if site_url and url.startswith(site_url):
            url = base_path + url[len(site_url) :].lstrip("/")
        parts = urlsplit(urljoin("http://site.invalid" + served_at, url))
        if parts.netloc != "site.invalid":
            return None, "", ""
        path = posixpath.normpath(unquote(parts.path))
        if parts.path.endswith("/") and not path.endswith("/"):
            path += "/"
        if not (path + "/").startswith(base_path):
            return None, "", f"leaves the site's folder {base_path} (an absolute path without the sub-path?)"
        file = site_dir / path[len(base_path) :]
        if file.is_dir():
            file = file / "index.html"
        return (file, parts.fragment, "" if file.is_file() else "no such file in the site")

    broken: list[BrokenLink] = []
    for file in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        rel = file.relative_to(site_dir).as_posix()
        served_at = base_path + (NOT_FOUND_AT if rel == NOT_FOUND_PAGE else rel)
        if file.suffix == ".html":
            parsed = page(file)
            urls = parsed.urls + _config_urls(parsed.config_text, served_at)
        elif file.suffix in (".xml", ".atom"):
            urls = _xml_urls(file)
        elif file.suffix == ".json" and not rel.endswith("search_index.json") and not rel.startswith("schemas/"):
            urls = list(_json_urls(json.loads(file.read_text(encoding="utf-8"))))
        elif rel == "robots.txt":
            urls = _robots_urls(file)
        else:
            continue
        for url in urls:
            if urlsplit(url).scheme in SKIPPED_SCHEMES:
                continue
            if url.startswith("#"):  # the same document, wherever it is served (the 404 page too)
                if file.suffix == ".html" and url[1:] and url[1:] not in page(file).ids:
                    broken.append(BrokenLink(rel, url, f'no element with id="{url[1:]}" in {rel}'))
                continue
            target, fragment, reason = target_of(url, served_at)
            if reason:
                broken.append(BrokenLink(rel, url, reason))
            elif target is not None and fragment and target.suffix == ".html" and fragment not in page(target).ids:
                broken.append(
                    BrokenLink(
                        rel, url, f'no element with id="{fragment}" in {target.relative_to(site_dir).as_posix()}'
                    )
                )
    return broken
