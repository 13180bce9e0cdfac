"""What the editors' checks need from mkdocs.yml (languages, navigation titles), read without MkDocs."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ..inputs.yamlfile import YamlProblem, parse_with_lines
from ..problems import Problem, SiteDataError
from .sources import PageSources, docs_files


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
    extra: dict = field(default_factory=dict)  # mkdocs.yml's `extra:` block
    lines: dict[tuple, int] = field(default_factory=dict)  # mkdocs.yml: key path -> line
    custom_dir: str | None = None  # theme.custom_dir (overrides/)
    defaults: dict[str, bool] = field(default_factory=dict)  # built language -> says default: true
    settings: dict = field(default_factory=dict)  # the whole of mkdocs.yml, as read (MkDocs' tags: None)

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
        tree = docs_files(self.docs_dir, self.root)
        return PageSources(tree.pages, self.shown, tree)

    def shown(self, path: Path) -> str:
        """`path` as editors see it: relative to the project, with forward slashes."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def read_layout(mkdocs_yml: Path) -> SiteLayout:
    """Languages and navigation of the site configured in `mkdocs_yml`."""
    # MkDocs' own tags (!ENV, !relative, !!python/name) read as None: the checks need none of them
    try:
        config, lines = parse_with_lines(mkdocs_yml.read_text(encoding="utf-8").removeprefix("\ufeff"), tags=True)
    except YamlProblem as err:
        raise SiteDataError([Problem(mkdocs_yml.name, err.line, err.field, err.message)]) from None
    if not isinstance(config, dict):
        config = {}
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
        extra=extra if isinstance(extra := config.get("extra"), dict) else {},
        lines=lines,
        custom_dir=(config.get("theme") or {}).get("custom_dir") if isinstance(config.get("theme"), dict) else None,
        settings=config,
        defaults={lang["locale"]: lang.get("default") is True for lang in languages},
        language_lines={
            lang["locale"]: lines.get(base + (index,)) for index, lang in enumerate(i18n.get("languages") or [])
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
