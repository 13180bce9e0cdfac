"""The theme's stylesheet without the rules of components the site never shows.

Material's main stylesheet styles every component it has: content tabs, code annotations, tags,
blog posts, version selectors, cookie consent... A site that enables none of them still downloads
their rules on every first visit (about a third of the file). Each component here is named with
what turns it on (a Markdown extension, a theme feature, a plugin or an `extra:` setting); when the
configuration turns it on nowhere, the rules whose every selector names one of its classes are
dropped (a selector list keeps its other selectors). Parsing is tinycss2's, not a regular
expression: at-rules (@media, @supports) keep what is left inside them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import tinycss2
from tinycss2.ast import AtRule, IdentToken, LiteralToken, Node, QualifiedRule


@dataclass(frozen=True)
class Component:
    classes: tuple[str, ...]  # the starts of its class names ("md-tag": md-tag, md-tags, md-tag__icon)
    extensions: tuple[str, ...] = ()  # Markdown extensions that make its markup
    features: tuple[str, ...] = ()  # theme features that show it
    plugins: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()  # keys of `extra:` that show it


COMPONENTS = (
    Component(("tabbed-",), extensions=("pymdownx.tabbed",)),
    Component(("task-list",), extensions=("pymdownx.tasklist",)),
    Component(("arithmatex",), extensions=("pymdownx.arithmatex",)),
    Component(("critic",), extensions=("pymdownx.critic",)),
    Component(("keys",), extensions=("pymdownx.keys",)),
    Component(("twemoji", "emojione", "gemoji"), extensions=("pymdownx.emoji",)),
    Component(("mermaid",), extensions=("pymdownx.superfences",)),
    Component(
        ("highlight", "highlighttable", "linenos", "linenodiv", "filename", "md-code__"),
        extensions=("pymdownx.highlight", "codehilite", "pymdownx.superfences"),
    ),
    Component(("md-annotation",), features=("content.code.annotate",)),
    Component(("md-clipboard",), features=("content.code.copy",)),
    Component(("md-tabs",), features=("navigation.tabs",)),
    Component(("md-top",), features=("navigation.top",)),
    Component(("md-tag",), plugins=("tags", "material/tags")),
    Component(("md-post", "md-author", "md-draft"), plugins=("blog", "material/blog")),
    Component(("md-version",), extra=("version",)),
    Component(("md-social",), extra=("social",)),
    Component(("md-consent",), extra=("consent",)),
    Component(("md-feedback",), extra=("analytics",)),
)


def unused_classes(config: Mapping[str, Any]) -> tuple[str, ...]:
    """The classes (or class starts) of the components that `config` (mkdocs.yml as MkDocs reads
    it: markdown_extensions, theme features, plugins, extra) turns on nowhere."""
    extensions = {_name(entry) for entry in config.get("markdown_extensions") or []}
    theme = config.get("theme") or {}
    features = set((theme.get("features") if hasattr(theme, "get") else None) or [])
    plugins = {_name(entry) for entry in config.get("plugins") or []}
    extra = config.get("extra") or {}
    unused: list[str] = []
    for component in COMPONENTS:
        on = (
            extensions & set(component.extensions)
            or features & set(component.features)
            or plugins & set(component.plugins)
            or any(extra.get(key) for key in component.extra)
        )
        if not on:
            unused += component.classes
    return tuple(unused)


def drop_unused_rules(css: str, unused: Iterable[str]) -> str:
    """`css` without the selectors that name one of the `unused` classes, and without the rules and
    at-rule blocks left with none."""
    names = tuple(unused)
    if not names:
        return css
    pattern = re.compile("|".join(_class_start(name) for name in names))
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return tinycss2.serialize(_kept(rules, pattern))


def _kept(rules: list[Node], pattern: re.Pattern[str]) -> list[Node]:
    out: list[Node] = []
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            selectors = [part for part in _selectors(rule.prelude) if not _requires(part, pattern)]
            if selectors:
                rule.prelude = _joined(selectors)
                out.append(rule)
        elif isinstance(rule, AtRule) and rule.content is not None and rule.lower_at_keyword in ("media", "supports"):
            inner = _kept(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), pattern)
            if inner:
                rule.content = inner
                out.append(rule)
        else:
            out.append(rule)  # @font-face, @keyframes, @charset...: kept as they are
    return out


def _selectors(prelude: list[Node]) -> list[list[Node]]:
    """A selector list, split at its top-level commas (commas inside :is(...) are in a block)."""
    parts: list[list[Node]] = [[]]
    for token in prelude:
        if isinstance(token, LiteralToken) and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return [part for part in parts if tinycss2.serialize(part).strip()]


def _requires(selector: list[Node], pattern: re.Pattern[str]) -> bool:
    """Whether `selector` matches only elements with a class that `pattern` matches: such a class
    written at its top level (.md-tabs__list). Inside :is(), :where(), :not() or :has() a class
    does not decide it (:not(.md-tabs) matches everything else), so those selectors stay."""
    return any(
        isinstance(dot, LiteralToken)
        and dot.value == "."
        and isinstance(name, IdentToken)
        and pattern.match(name.value)
        for dot, name in pairwise(selector)
    )


def _joined(selectors: list[list[Node]]) -> list[Node]:
    out: list[Node] = []
    for index, selector in enumerate(selectors):
        if index:
            out.append(LiteralToken(0, 0, ","))
        out += selector
    return out


def _class_start(name: str) -> str:
    """Every class that starts with `name`: md-tag, md-tags, md-tag__icon; tabbed-set, tabbed-labels."""
    return re.escape(name) + ".*"


def _name(entry: Any) -> str:
    """A Markdown extension or plugin as listed: a name, or a one-key mapping of name to options."""
    if isinstance(entry, Mapping):
        return str(next(iter(entry), ""))
    return str(entry)
