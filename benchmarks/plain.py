"""The issue's baseline, rebuilt here: plain Material + mkdocs-static-i18n with every call in the navigation.

The issue measured it once (12.2 s for 500 calls per language, on 2 cores); machines and their load
change, so the benchmark builds it again beside the project's own site and compares the two.
Plain means the defaults: Material's theme and search, mkdocs-static-i18n's suffix structure, no
hooks, no overrides, and the same synthetic call pages (their markers stay HTML comments).
"""

from __future__ import annotations

from pathlib import Path

from synth import PAGE

CONFIG = """\
site_name: Plain baseline
site_url: https://example.org/
theme:
  name: material
  language: it
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
        - locale: it
          name: Italiano
          default: true
        - locale: en
          name: English
nav:
  - Home: index.md
"""


def make_plain_site(dest: Path, calls_per_language: int) -> Path:
    """A plain project in `dest`: a home page and `calls_per_language` call pages per language, all in the nav."""
    docs = dest / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for locale in PAGE:
        (docs / f"index.{locale}.md").write_text("# Home\n\nCalls for proposals.\n", encoding="utf-8")
    nav = []
    for n in range(1, calls_per_language + 1):
        slug = f"bando-di-prova-{n:04d}"
        folder = docs / "bandi" / slug
        folder.mkdir(parents=True, exist_ok=True)
        for locale, text in PAGE.items():
            (folder / f"index.{locale}.md").write_text(text.format(n=n, slug=slug), encoding="utf-8")
        nav.append(f"  - Bando di prova {n}: bandi/{slug}/index.md\n")
    (dest / "mkdocs.yml").write_text(CONFIG + "".join(nav), encoding="utf-8")
    return dest
