"""Every page of a built site, discovered from the output (so new page types are covered as they appear)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sitebuild import soup


@dataclass(frozen=True)
class BuiltPage:
    path: str       # address below the site root: "", "en/bandi/", "404.html"
    file: Path
    lang: str

    @property
    def is_404(self) -> bool:
        return self.path == "404.html"


def built_pages(site_dir: Path) -> list[BuiltPage]:
    """Every HTML page of the built site, with the address a reader types to reach it."""
    pages = []
    for file in sorted(site_dir.rglob("*.html")):
        rel = file.relative_to(site_dir).as_posix()
        path = rel.removesuffix("index.html") if rel.endswith("index.html") else rel
        pages.append(BuiltPage(path, file, soup(file).html.get("lang", "")))
    return pages
