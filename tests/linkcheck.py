"""Offline link checker: every internal link, anchor and asset of a built site, as deployed under a base path."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

# Where each tag names another resource of the site.
URL_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src",
                  "iframe": "src", "video": "src", "audio": "src", "track": "src", "form": "action"}
ORIGIN = "http://site.invalid"  # stands for the host the site is deployed on


@dataclass(frozen=True)
class BrokenLink:
    page: str      # the page's address, e.g. /bandi/en/glossario/
    url: str       # the link as written in the page
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.url} ({self.reason})"


def _address(site_dir: Path, file: Path, base: str) -> str:
    rel = file.relative_to(site_dir).as_posix()
    return base + (rel.removesuffix("index.html") if rel.endswith("index.html") else rel)


def _target_file(site_dir: Path, path: str, base: str) -> Path | None:
    """The file a static host serves for `path`, or None if the address is outside the site or missing."""
    trailing = path.endswith("/")
    path = posixpath.normpath(unquote(path)).rstrip("/") + ("/" if trailing else "")
    if path + "/" == base:
        path = base
    if not path.startswith(base):
        return None
    local = site_dir / path[len(base):]
    if path.endswith("/") or local.is_dir():
        local = local / "index.html"
    return local if local.is_file() else None


def _ids(file: Path, cache: dict[Path, set[str]]) -> set[str]:
    if file not in cache:
        html = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
        cache[file] = {el["id"] for el in html.find_all(id=True)} | {el["name"] for el in html.find_all("a", attrs={"name": True})}
    return cache[file]


def broken_links(site_dir: Path, base: str = "/", site_url: str | None = None) -> list[BrokenLink]:
    """Every link, anchor and asset reference in the site's HTML that leads nowhere, with the site
    served at `base` (e.g. "/" or "/bandi/"). Absolute links to `site_url` count as internal, since
    they are where the site will be; links to other hosts are not followed (the check is offline)."""
    base = "/" + base.strip("/") + "/" if base.strip("/") else "/"
    own = urlsplit(site_url) if site_url else None
    ids: dict[Path, set[str]] = {}
    broken = []
    for file in sorted(site_dir.rglob("*.html")):
        page = _address(site_dir, file, base)
        html = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
        for tag, attr in URL_ATTRIBUTES.items():
            for el in html.find_all(tag, attrs={attr: True}):
                url = el[attr].strip()
                parts = urlsplit(url)
                if parts.scheme in ("mailto", "tel", "data", "javascript"):
                    continue
                if parts.netloc:
                    if not own or parts.netloc != own.netloc or not parts.path.startswith(own.path):
                        continue  # another host: not checked offline
                    url = base + parts.path[len(own.path):] + (f"#{parts.fragment}" if parts.fragment else "")
                resolved = urlsplit(urljoin(ORIGIN + page, url))
                target = _target_file(site_dir, resolved.path, base)
                if target is None:
                    broken.append(BrokenLink(page, el[attr], "no such page or file"))
                elif resolved.fragment and target.suffix == ".html" and unquote(resolved.fragment) not in _ids(target, ids):
                    broken.append(BrokenLink(page, el[attr], f"no element with id {resolved.fragment!r}"))
    return broken
