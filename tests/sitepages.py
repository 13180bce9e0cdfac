"""Every page of a built site, discovered from the output (so new page types are covered as they appear)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from sitebuild import ROOT, soup


@dataclass(frozen=True)
class BuiltPage:
    path: str  # address below the site root: "", "en/bandi/", "404.html"
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
        pages.append(BuiltPage(path, file, str(html.get("lang", "")) if (html := soup(file).html) else ""))
    return pages


def configured_site_url(project: Path = ROOT) -> str:
    """`site_url` as written in the project's mkdocs.yml (a top-level line, read without MkDocs)."""
    for line in (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            value = line.split(":", 1)[1].strip()
            if value.startswith("!ENV"):  # !ENV [SITE_URL, "default"]: the default, as built without SITE_URL
                value = yaml.safe_load(value.removeprefix("!ENV"))[-1]
            return value
    raise AssertionError(f"{project / 'mkdocs.yml'} has no site_url")
