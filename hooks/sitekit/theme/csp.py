"""A Content-Security-Policy for every page (DESIGN contract 13): scripts only from the site itself
and, by hash, the inline scripts the theme's templates write (never whatever else the page holds), so
that no inline event handler or injected script can run even if markup slipped through. GitHub Pages
sets no headers: a <meta http-equiv>."""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import Iterable
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

# Types a browser runs as script; the others (application/json, application/ld+json) are data.
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
_HEAD = re.compile(r"<head(\s[^>]*)?>", re.IGNORECASE)
# An inline script as a template writes it: <script> with no attributes, its text up to </script>.
_TEMPLATE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL | re.IGNORECASE)
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
# What a template expression inside a JavaScript string ("{{ base_url }}") may render to: anything
# that cannot end the string or the script (no quote, backslash, line break or <).
_IN_STRING = r"""[^"'\\\n<]*"""


class TemplateScripts:
    """The inline scripts the theme's templates write (Material's partials/javascripts/*.html and any
    override), each as a pattern: a template expression inside a quoted string matches the values it
    can render to; a script with an expression anywhere else, or with a block tag, matches nothing."""

    def __init__(self, sources: Iterable[str]):
        patterns = [_pattern(body) for text in sources for body in _TEMPLATE_SCRIPT.findall(text)]
        self._patterns = [p for p in patterns if p is not None]

    def allows(self, script: str) -> bool:
        return any(p.fullmatch(script.strip()) for p in self._patterns)


def _pattern(body: str) -> re.Pattern[str] | None:
    parts: list[str] = []
    position = 0
    body = body.strip()
    for match in _JINJA.finditer(body):
        before, after = body[: match.start()], body[match.end() :]
        quoted = match.group().startswith("{{") and before[-1:] in "\"'" and before[-1:] == after[:1] != ""
        if not quoted:
            return None
        parts += [re.escape(body[position : match.start()]), _IN_STRING]
        position = match.end()
    parts.append(re.escape(body[position:]))
    return re.compile("".join(parts))


@lru_cache(maxsize=8)
def theme_scripts(dirs: tuple[str, ...]) -> TemplateScripts:
    """The inline scripts of every HTML template in the theme folders `dirs` (config.theme.dirs:
    overrides first): read once per process."""
    texts: dict[str, str] = {}
    for folder in dirs:
        for parent, subfolders, names in os.walk(folder):
            subfolders[:] = [name for name in subfolders if not name.startswith(".")]  # .icons: 10 000 SVGs
            for name in names:
                path = Path(parent, name)
                key = path.relative_to(folder).as_posix()
                if name.endswith(".html") and key not in texts:  # an override hides the theme's own
                    texts[key] = path.read_text(encoding="utf-8")
    return TemplateScripts(texts.values())


class _InlineScripts(HTMLParser):
    """The text of every inline script outside <article> that a browser would run, exactly as written.
    Scripts inside <article> came with the page's content (an editor's Markdown, a partial): they
    get no hash, so they do not run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None
        self._in_article = 0

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self._in_article += 1
        if tag != "script":
            return
        names = dict(attrs)
        runs = (names.get("type") or "").strip().lower() in _SCRIPT_TYPES
        self._current = [] if runs and "src" not in names and not self._in_article else None

    def handle_data(self, data):
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag):
        if tag == "article" and self._in_article:
            self._in_article -= 1
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def inline_script_hashes(html: str, templates: TemplateScripts) -> list[str]:
    """'sha256-…' of each inline script in `html` that one of the theme's `templates` writes, in
    order, each once. Any other (from mkdocs.yml's texts, say) gets none, and does not run."""
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    hashes = (
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in parser.scripts
        if templates.allows(s)
    )
    return list(dict.fromkeys(hashes))


def policy(html: str, templates: TemplateScripts) -> str:
    """The page's policy: its own scripts, by origin and by hash; no plugins; no other base URL.
    'self' alone is safe because the checks refuse any script file under docs/ that the project does
    not ship (checks.scripts)."""
    script_src = " ".join(["'self'", *inline_script_hashes(html, templates)])
    return f"script-src {script_src}; object-src 'none'; base-uri 'self'"


def with_policy(html: str, templates: TemplateScripts) -> str:
    """`html` (a whole, final page) with its policy as the first thing after <meta charset>, before
    any script: a policy given by <meta> covers only what comes after it."""
    # written as the minifier writes a tag (attributes sorted, quotes only where needed)
    tag = f'<meta content="{policy(html, templates)}" http-equiv=Content-Security-Policy>'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return tag + html
    return html[: anchor.end()] + tag + html[anchor.end() :]
