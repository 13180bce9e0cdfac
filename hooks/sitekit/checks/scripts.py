"""Scripts the project did not write (DESIGN contract 13): none may reach a page. The policy allows
the site's own origin ('self') and the theme's inline scripts by hash (theme.csp); these checks make
'self' mean the project's scripts only, and keep markup out of the texts Material prints as HTML."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from ..messages import _
from ..problems import Problem, shown_text
from .siteconfig import SiteLayout

# Texts of mkdocs.yml (and of each language's block of the i18n plugin) that Material prints into
# pages as HTML, unescaped: plain text only (no markup, no straight double quote, which ends an attribute).
HTML_TEXT_FIELDS = ("site_name", "site_description", "site_author", "copyright")
_MARKUP = re.compile(r"[<\"]")
_SCRIPT_TAG = re.compile(r"<\s*script\b", re.IGNORECASE)


def script_file_problems(layout: SiteLayout) -> list[Problem]:
    """A script file under docs/ that the project does not ship (listed in extra_javascript, or named by
    a template in overrides/) would run from any page that names it: refused."""
    shipped = {str(name).lstrip("/") for name in layout.settings.get("extra_javascript") or [] if isinstance(name, str)}
    templates = _template_texts(layout)
    problems: list[Problem] = []
    for path in layout.pages.scripts:
        name = path.relative_to(layout.docs_dir).as_posix()
        if name in shipped or any(name in text for text in templates):
            continue
        problems.append(
            Problem(
                layout.shown(path),
                None,
                _("file"),
                _(
                    "is a script the site does not ship; pages cannot load scripts of their own: delete the file "
                    "(a maintainer adds the site's scripts to extra_javascript in {config})"
                ).format(config=layout.config_file),
            )
        )
    return problems


def page_script_problems(layout: SiteLayout) -> list[Problem]:
    """A <script> element in a page's Markdown (outside code), which the policy would have to block. The
    front matter is text (titles are escaped: theme.plaintext), not looked at here."""
    problems: list[Problem] = []
    for path in layout.pages.paths:
        start, prose = layout.pages.prose(path)
        match = _SCRIPT_TAG.search(prose)
        if match:
            problems.append(
                Problem(
                    layout.shown(path),
                    (layout.pages.text(path) or "").count("\n", 0, start + match.start()) + 1,
                    "<script>",
                    _(
                        "a page cannot run scripts of its own; remove the element, or show it as code "
                        "between backticks (`<script>`)"
                    ),
                )
            )
    return problems


def config_markup_problems(layout: SiteLayout) -> list[Problem]:
    """site_name, copyright and the other texts Material prints as HTML: plain text, here and in each
    language's block."""
    problems: list[Problem] = []
    for loc, shown, value in _html_texts(layout.settings):
        if isinstance(value, str) and _MARKUP.search(value):
            problems.append(
                Problem(
                    layout.config_file,
                    layout.lines.get(loc),
                    shown,
                    _(
                        "found {found}; the theme prints this text as HTML, so it must be plain text: no < > "
                        "markup and no straight double quote (write “ ” instead)"
                    ).format(found=shown_text(value)),
                )
            )
    return problems


def _html_texts(settings: dict) -> Iterator[tuple[tuple, str, object]]:
    """(line key, field as shown, value) of each text Material prints as HTML."""
    for name in HTML_TEXT_FIELDS:
        if name in settings:
            yield (name,), name, settings[name]
    extra = settings.get("extra")
    statuses = extra.get("status") if isinstance(extra, dict) else None
    for key, text in statuses.items() if isinstance(statuses, dict) else ():
        yield ("extra", "status", key), f"extra.status.{key}", text  # a page status's tooltip (title="...")
    plugins = settings.get("plugins")
    blocks: list[tuple[tuple, object]]
    if isinstance(plugins, dict):
        blocks = [(("plugins", "i18n"), plugins.get("i18n"))]
    else:
        blocks = [(("plugins", n, "i18n"), e.get("i18n")) for n, e in enumerate(plugins or []) if isinstance(e, dict)]
    for base, i18n in blocks:
        languages = i18n.get("languages") if isinstance(i18n, dict) else None
        for number, language in enumerate(languages if isinstance(languages, list) else []):
            for name in HTML_TEXT_FIELDS:
                if isinstance(language, dict) and name in language:
                    shown = f"{name} ({language.get('locale')})"
                    yield (*base, "languages", number, name), shown, language[name]


def _template_texts(layout: SiteLayout) -> list[str]:
    folder = layout.root / layout.custom_dir if layout.custom_dir else None
    if folder is None or not folder.is_dir():
        return []
    return [
        Path(parent, name).read_text(encoding="utf-8", errors="replace")
        for parent, _, names in os.walk(folder)
        for name in names
        if name.endswith(".html")
    ]
