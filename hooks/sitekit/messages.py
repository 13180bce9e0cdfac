"""The language of editors' and maintainers' messages, through gettext catalogues (Babel).

Every message of the checks, the build hooks and tools/new_call.py is written in English (the
source language, the catalogues' msgids) and goes through `_()` / `ngettext()` here. The language:
SITE_MESSAGES if set (e.g. `en`, `fr`), else the site's default language (the i18n language with
`default: true` in mkdocs.yml), which the caller gives with `use_site_language` (the hooks from the
MkDocs config, tools/new_call.py from the checks' reading of mkdocs.yml): this foundation module
reads no configuration and imports no feature package. Until a caller says, and for a language
without a catalogue, the English msgids. Catalogues: locale/<lang>/LC_MESSAGES/sitekit.po next
to this file, compiled in memory when no up-to-date sitekit.mo is beside them (README, "Messages").
"""

from __future__ import annotations

import os
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "sitekit"
ENVIRONMENT = "SITE_MESSAGES"

_site_language: str | None = None  # the site's default language, once known


def use_site_language(locale: str | None) -> None:
    """The site's default language (from its configuration): messages' language unless SITE_MESSAGES says."""
    global _site_language
    _site_language = locale or ""


def language() -> str:
    """The language messages are written in now ("" for the English msgids)."""
    chosen = os.environ.get(ENVIRONMENT, "").strip()
    return chosen or _site_language or ""


def translations(locale: str | None = None) -> NullTranslations:
    """The catalogue of `locale` (default: language()); the msgids themselves when there is none."""
    return _catalogue(locale if locale is not None else language())


@lru_cache(maxsize=16)
def _catalogue(locale: str) -> NullTranslations:
    code = locale.split(".")[0].replace("-", "_")  # it_IT.UTF-8, pt-BR
    for candidate in dict.fromkeys([code, code.split("_")[0]]):
        folder = LOCALE_DIR / candidate / "LC_MESSAGES"
        po, mo = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
        if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
            with mo.open("rb") as file:
                return Translations(file, domain=DOMAIN)
        if po.is_file():
            return Translations(BytesIO(compiled(po, candidate)), domain=DOMAIN)
    return NullTranslations()


def compiled(po: Path, locale: str) -> bytes:
    """The .mo bytes of the catalogue `po` (as `pybabel compile` writes them; fuzzy entries left out)."""
    with po.open("rb") as file:
        catalog = read_po(file, locale=locale, domain=DOMAIN)
    out = BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def _(message: str) -> str:
    """`message` (an English msgid) in the messages' language."""
    return translations().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for `count`, by the plural rules of the messages' language."""
    return translations().ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Marks `message` for the catalogues without translating it: translated where it is used, `_(X)`."""
    return message
