"""What the editors' checks need from mkdocs.yml (languages, navigation titles), read without MkDocs."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from ..inputs.yamlfile import SafeLoader, parse_with_lines
from .sources import PageSources, markdown_files


@dataclass(frozen=True)
class NavTitle:
    title: str
    line: int | None


@dataclass(frozen=True)
class SiteLayout:
    root: Path  # the folder of mkdocs.yml
    config_file: str  # mkdocs.yml, as shown in messages
    docs_dir: Path
    locales: tuple[str, ...]  # built languages, default first
    nav: tuple[NavTitle, ...] = ()
    nav_translations: dict[str, dict[str, str]] = field(default_factory=dict)
    language_lines: dict[str, int | None] = field(default_factory=dict)

    @property
    def default_locale(self) -> str:
        return self.locales[0]

    @property
    def calls_dir(self) -> Path:
        return self.root / "data" / "calls"

    def call_slugs(self) -> set[str]:
        """The calls that exist: one data/calls/<slug>.yml each."""
        return {path.stem for path in self.calls_dir.glob("*.yml")}

    @cached_property
    def pages(self) -> PageSources:
        """Every page under docs_dir, listed once per layout (read_layout: once per check pass)."""
        return PageSources(markdown_files(self.docs_dir), self.shown)

    def shown(self, path: Path) -> str:
        """`path` as editors see it: relative to the project, with forward slashes."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


class _TolerantLoader(SafeLoader):
    """Reads mkdocs.yml even when it uses MkDocs' own tags (!ENV, !relative, !!python/name)."""


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_layout(mkdocs_yml: Path) -> SiteLayout:
    """Languages and navigation of the site configured in `mkdocs_yml`."""
    _, config, lines = parse_with_lines(mkdocs_yml.read_text(encoding="utf-8"), _TolerantLoader)
    config = config or {}
    root = mkdocs_yml.parent
    i18n, i18n_index = _i18n_config(config.get("plugins") or [])
    languages = [lang for lang in i18n.get("languages") or [] if lang.get("build", True)]
    languages.sort(key=lambda lang: not lang.get("default", False))
    base = ("plugins", i18n_index, "i18n", "languages")
    return SiteLayout(
        root=root,
        config_file=mkdocs_yml.name,
        docs_dir=root / config.get("docs_dir", "docs"),
        locales=tuple(lang["locale"] for lang in languages),
        nav=tuple(_nav_titles(config.get("nav") or [], ("nav",), lines)),
        nav_translations={lang["locale"]: lang.get("nav_translations") or {} for lang in languages},
        language_lines={
            lang["locale"]: lines.get(base + (index,))
            for index, lang in enumerate(i18n.get("languages") or [])
        },
    )


def _i18n_config(plugins: Any) -> tuple[dict, Any]:
    if isinstance(plugins, dict):
        return plugins.get("i18n") or {}, None
    for index, entry in enumerate(plugins):
        if isinstance(entry, dict) and "i18n" in entry:
            return entry["i18n"] or {}, index
    return {}, None


def _nav_titles(items: list, loc: tuple, lines: dict[tuple, int]) -> list[NavTitle]:
    titles: list[NavTitle] = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            continue  # a bare "page.md": its title comes from the page itself
        for title, target in item.items():
            titles.append(NavTitle(str(title), lines.get(loc + (index, title))))
            if isinstance(target, list):
                titles.extend(_nav_titles(target, loc + (index, title), lines))
    return titles
