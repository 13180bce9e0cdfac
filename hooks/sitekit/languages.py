"""The site's languages as configured for mkdocs-static-i18n, read once from the MkDocs config."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Language:
    locale: str
    link: str  # "/" for the default language, "/en/" for the others
    default: bool

    @property
    def prefix(self) -> str:
        """Folder of this language's pages under the site root: "" or "en/"."""
        return self.link.lstrip("/")


def configured_languages(config: Any) -> list[Language]:
    """The built languages of the i18n plugin, default first."""
    plugin = config.plugins["i18n"]
    langs = [
        Language(locale=lang.locale, link=lang.link, default=lang.default)
        for lang in plugin.config.languages
        if lang.build
    ]
    return sorted(langs, key=lambda lang: not lang.default)


def current_locale(config: Any) -> str:
    """The language of the build in progress (the i18n plugin builds once per language)."""
    return config.theme["language"]


def nested_language_build(config: Any) -> bool:
    """True in the builds mkdocs-static-i18n starts for the other languages, from the first
    build's on_post_build: whatever is done once per run belongs to the first build."""
    i18n = config.plugins.get("i18n")
    return bool(i18n is not None and i18n.building)
