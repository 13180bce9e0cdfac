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

import hashlib
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import tinycss2
from tinycss2.ast import AtRule, Declaration, IdentToken, LiteralToken, Node, QualifiedRule, SquareBracketsBlock


@dataclass(frozen=True)
class Component:
    classes: tuple[str, ...]  # the starts of its class names ("md-tag": md-tag, md-tags, md-tag__icon)
    extensions: tuple[str, ...] = ()  # Markdown extensions that make its markup
    features: tuple[str, ...] = ()  # theme features that show it
    plugins: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()  # keys of `extra:` that show it
    javascript: tuple[str, ...] = ()  # words in an `extra_javascript` entry that show it (tablesort)
    variables: tuple[str, ...] = ()  # starts of its custom properties: icons inlined as data: URIs
    override: str | None = None  # a template of custom_dir that takes it out of every page


COMPONENTS = (
    Component(("tabbed-",), extensions=("pymdownx.tabbed",), variables=("--md-tabbed-icon",)),
    Component(("task-list",), extensions=("pymdownx.tasklist",), variables=("--md-tasklist-icon",)),
    Component(("footnote",), extensions=("footnotes", "pymdownx.footnotes"), variables=("--md-footnotes-icon",)),
    Component((), javascript=("tablesort",), variables=("--md-typeset-table-sort-icon",)),
    Component((), features=("content.code.select",), variables=("--md-code-select-icon",)),
    # The repository widget: overrides/partials/source.html leaves it out (it would ask GitHub)
    Component(("md-source",), variables=("--md-source-",), override="partials/source.html"),
    Component(("arithmatex",), extensions=("pymdownx.arithmatex",)),
    Component(("critic",), extensions=("pymdownx.critic",)),
    Component(("keys",), extensions=("pymdownx.keys",)),
    Component(("twemoji", "emojione", "gemoji"), extensions=("pymdownx.emoji",)),
    Component(("mermaid",), extensions=("pymdownx.superfences",)),
    Component(
        ("highlight", "highlighttable", "linenos", "linenodiv", "filename", "md-code__"),
        extensions=("pymdownx.highlight", "codehilite", "pymdownx.superfences"),
    ),
    Component(("md-annotation",), features=("content.code.annotate",), variables=("--md-annotation-",)),
    Component(
        ("md-clipboard",), features=("content.code.copy",), variables=("--md-clipboard-icon", "--md-code-copy-icon")
    ),
    Component(("md-tabs",), features=("navigation.tabs",)),
    Component(("md-nav--lifted",), features=("navigation.tabs",)),
    Component(("md-nav--integrated",), features=("toc.integrate",)),
    Component(("md-path",), features=("navigation.path",)),
    Component(("md-progress",), features=("navigation.instant.progress",)),
    Component(("md-status",), extra=("status",)),  # a page's status icon: extra.status names them
    Component(("md-top",), features=("navigation.top",)),
    Component(("md-tag",), plugins=("tags", "material/tags"), variables=("--md-tag-icon",)),
    Component(("md-post", "md-author", "md-draft"), plugins=("blog", "material/blog"), variables=("--md-post-",)),
    Component(("md-version",), extra=("version",), variables=("--md-version-icon",)),
    Component(("md-social",), extra=("social",)),
    Component(("md-consent",), extra=("consent",)),
    Component(("md-feedback",), extra=("analytics",)),
)


def _unused(config: Mapping[str, Any]) -> list[Component]:
    """The components that `config` (mkdocs.yml as MkDocs reads it: markdown_extensions, theme
    features and overrides, plugins, extra, extra_javascript) turns on nowhere."""
    extensions = {_name(entry) for entry in config.get("markdown_extensions") or []}
    theme = config.get("theme") or {}
    features = set((theme.get("features") if hasattr(theme, "get") else None) or [])
    overrides = set((theme.get("overrides") if hasattr(theme, "get") else None) or [])
    plugins = {_name(entry) for entry in config.get("plugins") or []}
    extra = config.get("extra") or {}
    scripts = " ".join(str(entry) for entry in config.get("extra_javascript") or [])
    return [
        component
        for component in COMPONENTS
        if not (
            extensions & set(component.extensions)
            or features & set(component.features)
            or plugins & set(component.plugins)
            or any(extra.get(key) for key in component.extra)
            or any(word in scripts for word in component.javascript)
        )
        and (component.override is None or component.override in overrides)
    ]


def unused_classes(config: Mapping[str, Any]) -> tuple[str, ...]:
    """The classes (or class starts) of the components that `config` turns on nowhere."""
    return tuple(name for component in _unused(config) for name in component.classes)


def unused_variables(config: Mapping[str, Any]) -> tuple[str, ...]:
    """The custom properties (their starts) of the components that `config` turns on nowhere."""
    return tuple(name for component in _unused(config) for name in component.variables)


def drop_unused_rules(css: str, unused: Iterable[str], variables: Iterable[str] = ()) -> str:
    """`css` without the selectors that name one of the `unused` classes, the rules and at-rule
    blocks left with none, and the declarations of the unused components' `variables` (their
    icons, inlined as data: URIs, in the theme's :root rule)."""
    names, starts = tuple(unused), tuple(variables)
    if not names and not starts:
        return css
    pattern = re.compile("|".join(_class_start(name) for name in names)) if names else None
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return tinycss2.serialize(_kept(rules, pattern, None, starts))


def drop_unused_rules_cached(css: str, unused: Iterable[str], variables: Iterable[str], cache_dir: Path) -> str:
    """drop_unused_rules, read from `cache_dir` when the same stylesheet was trimmed of the same names
    before: tinycss2 takes ~0.4 s of CPU over Material's 137 KB, most of what the hooks add to a build of
    the real site. Keyed by the stylesheet, the names, tinycss2's version and this module's own code."""
    names, starts = tuple(unused), tuple(variables)
    key = hashlib.sha256(
        repr((Path(__file__).read_bytes(), tinycss2.__version__, css, names, starts)).encode("utf-8")
    ).hexdigest()
    cached = cache_dir / f"{key}.css"
    try:
        return cached.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        pass
    trimmed = drop_unused_rules(css, names, starts)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        temporary = cached.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(trimmed, encoding="utf-8")
        temporary.replace(cached)  # never half a stylesheet for a build running beside this one
    except OSError:  # a read-only checkout: trimmed again next time
        pass
    return trimmed


# Material's palette stylesheet colours every primary and accent it offers ([data-md-color-primary=red]
# ...): the site shows the ones its palette names (indigo when it names none), in every scheme.
PALETTE_ATTRIBUTES = ("data-md-color-primary", "data-md-color-accent")
DEFAULT_COLOUR = "indigo"


def palette_colours(theme: Mapping[str, Any]) -> frozenset[str]:
    """The primary and accent colours the palette of `theme` (mkdocs.yml's) can show."""
    palette = theme.get("palette") or []
    entries = palette if isinstance(palette, list) else [palette]
    colours = {DEFAULT_COLOUR}
    for entry in entries:
        if isinstance(entry, Mapping):
            colours |= {str(entry[key]).lower().replace(" ", "-") for key in ("primary", "accent") if entry.get(key)}
    return frozenset(colours)


def drop_unused_colours(css: str, colours: Iterable[str]) -> str:
    """`css` (the palette's) without the selectors of a primary or accent colour not in `colours`."""
    keep = frozenset(colours)
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return tinycss2.serialize(_kept(rules, None, lambda selector: _other_colour(selector, keep)))


def _other_colour(selector: list[Node], keep: frozenset[str]) -> bool:
    """Whether `selector` names, at its top level, a palette colour not in `keep`."""
    for token in selector:
        if isinstance(token, SquareBracketsBlock):
            words = [t.value for t in token.content if isinstance(t, IdentToken)]
            if len(words) == 2 and words[0] in PALETTE_ATTRIBUTES and words[1] not in keep:
                return True
    return False


def _kept(
    rules: list[Node], pattern: re.Pattern[str] | None, drop: Any = None, variables: tuple[str, ...] = ()
) -> list[Node]:
    out: list[Node] = []
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            selectors = [
                part
                for part in _selectors(rule.prelude)
                if not (pattern is not None and _requires(part, pattern)) and not (drop is not None and drop(part))
            ]
            if selectors and variables and any(start in tinycss2.serialize(rule.content) for start in variables):
                rule.content = _without_declarations(rule.content, variables)
            if selectors:
                rule.prelude = _joined(selectors)
                out.append(rule)
        elif isinstance(rule, AtRule) and rule.content is not None and rule.lower_at_keyword in ("media", "supports"):
            inner = _kept(
                tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True),
                pattern,
                drop,
                variables,
            )
            if inner:
                rule.content = inner
                out.append(rule)
        else:
            out.append(rule)  # @font-face, @keyframes, @charset...: kept as they are
    return out


def _without_declarations(content: list[Node], starts: tuple[str, ...]) -> list[Node]:
    """A rule's declarations without the custom properties whose names start with one of `starts`."""
    kept: list[Node] = []
    for declaration in tinycss2.parse_declaration_list(content, skip_comments=True, skip_whitespace=True):
        if isinstance(declaration, Declaration) and declaration.name.startswith(starts):
            continue
        if kept:
            kept.append(LiteralToken(0, 0, ";"))
        kept.append(declaration)
    return kept


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
