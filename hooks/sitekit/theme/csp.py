"""A Content-Security-Policy for every page (DESIGN contract 13): scripts only from the site itself
and, by hash, the inline scripts the theme's templates write (never whatever else the page holds), so
that no inline event handler or injected script can run even if markup slipped through. GitHub Pages
sets no headers: a <meta http-equiv>."""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from ..inputs.diskmemo import source_version
from ..inputs.textmemo import TextMemo

_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
_HEAD = re.compile(r"<head(\s[^>]*)?>", re.IGNORECASE)
# An inline script as a template writes it: <script> with no attributes, its text up to </script>.
_TEMPLATE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL | re.IGNORECASE)
# One pass over a final page, tag by tag, as a browser reads its markup: a comment, and an element whose
# text is not markup (script, style; title and textarea, whose text is only text), are each one token, and
# so is every other tag with its attributes (the minifier leaves `<` in a quoted value: an og:title of
# `<script>...` is a value, not a script), so that a `<script>` or `<article>` inside any of them counts
# for nothing. Groups: the raw-text element's name, its attributes, its text; or, for any other tag, "/"
# or "" and its name. Possessive quantifiers: a tag the pattern cannot read fails at once.
_ATTRIBUTES = r"""(?:[^>"'=]++|=\s*+"[^"]*+"|=\s*+'[^']*+'|=)*+"""
_TOKENS = re.compile(
    r"<(?:!--.*?-->"
    rf"|(script|style|title|textarea)(?=[\s/>])({_ATTRIBUTES})>(.*?)</\1\s*>"
    rf"|(/?)([a-zA-Z][^\s/>]*+){_ATTRIBUTES}>)",
    re.DOTALL | re.IGNORECASE,
)
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
        self.version = "\n".join(sorted(p.pattern for p in self._patterns))  # what a policy depends on

        self._hashes: dict[str, str | None] = {}  # script -> its hash if allowed: pages share a few

    def allows(self, script: str) -> bool:
        return any(p.fullmatch(script.strip()) for p in self._patterns)

    def hash_of(self, script: str) -> str | None:
        """ "'sha256-…'" of `script` if a template writes it, else None."""
        if script not in self._hashes:
            digest = hashlib.sha256(script.encode("utf-8")).digest()
            self._hashes[script] = "'sha256-" + base64.b64encode(digest).decode() + "'" if self.allows(script) else None
        return self._hashes[script]


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


def inline_script_hashes(html: str, templates: TemplateScripts) -> list[str]:
    """'sha256-…' of each inline script in `html` that one of the theme's `templates` writes, in
    order, each once. Any other (from mkdocs.yml's texts, say) gets none, and does not run; so does
    any script inside <article>, which came with the page's content (an editor's Markdown, a partial),
    and any with attributes (no template writes one: `<script>` alone is what they are read from)."""
    hashes: list[str] = []
    in_article = 0
    for token in _TOKENS.finditer(html):
        raw, attributes, body, closing, tag = token.groups()
        if tag is not None:
            if tag.lower() == "article":
                in_article = max(in_article - 1, 0) if closing else in_article + 1
        elif raw is not None and raw.lower() == "script" and not in_article and not attributes.strip(" \t\n\r\f/"):
            found = templates.hash_of(body)
            if found is not None:
                hashes.append(found)
    return list(dict.fromkeys(hashes))


def policy(html: str, templates: TemplateScripts) -> str:
    """The page's policy: its own scripts, by origin and by hash; no plugins; no other base URL.
    'self' alone is safe because the checks refuse any script file under docs/ that the project does
    not ship (checks.scripts)."""
    script_src = " ".join(["'self'", *inline_script_hashes(html, templates)])
    return f"script-src {script_src}; object-src 'none'; base-uri 'self'"


@lru_cache(maxsize=8)
def kept_policies(templates: TemplateScripts, folder: Path) -> Callable[[str], str]:
    """policy(html, templates), kept in `folder` for the next build (sitekit.inputs.textmemo): reading
    each page tag by tag is ~0.3 ms, 0.6 s of a build at 500 calls."""
    memo = TextMemo(folder, source_version(Path(__file__), templates.version))
    return lambda html: memo(html, lambda page: policy(page, templates))


def with_policy(html: str, templates: TemplateScripts, policy_of: Callable[[str], str] | None = None) -> str:
    """`html` (a whole, final page) with its policy (`policy_of(html)`, by default `policy`) as the
    first thing after <meta charset>, before any script: a policy given by <meta> covers only what
    comes after it."""
    made = policy_of(html) if policy_of is not None else policy(html, templates)
    # written as the minifier writes a tag (attributes sorted, quotes only where needed)
    tag = f'<meta content="{made}" http-equiv=Content-Security-Policy>'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return tag + html
    return html[: anchor.end()] + tag + html[anchor.end() :]
