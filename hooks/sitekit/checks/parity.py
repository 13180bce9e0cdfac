"""Translation parity: every page, nav title, call text and interface string in every language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..calls.model import read_call_yaml
from ..inputs.yamlfile import YamlDoc, load_yaml
from ..messages import _
from ..problems import Problem, shown_text
from .fielderrors import close_match
from .interface import interface_problems, leaves
from .siteconfig import SiteLayout

_LOCALE_LIKE = re.compile(r"^[a-z]{2}(_[A-Z]{2})?$")


def page_language(path: Path) -> tuple[str, str | None]:
    """("chi-siamo", "it") for chi-siamo.it.md; (name, None) when the name carries no language."""
    stem = path.name.removesuffix(".md")
    base, dot, suffix = stem.rpartition(".")
    return (base, suffix) if dot and _LOCALE_LIKE.match(suffix) else (stem, None)


def _lower_language(stem: str) -> str:
    """ "chi-siamo.IT" -> "chi-siamo.it": a language suffix written in capitals, lowered."""
    base, dot, suffix = stem.rpartition(".")
    return f"{base}.{suffix.lower()}" if dot and re.fullmatch(r"[A-Za-z]{2}", suffix) else stem


def page_problems(layout: SiteLayout) -> list[Problem]:
    """Pages without a language in their name, in an unconfigured language, or missing a twin."""
    problems: list[Problem] = []
    found: dict[Path, dict[str, Path]] = {}
    for path in layout.pages.paths:
        base, locale = page_language(path)
        shown = layout.shown(path)
        if not path.name.endswith(".md"):
            stem = path.name[: path.name.lower().rindex(".m")]
            problems.append(
                Problem(
                    shown,
                    None,
                    _("file name"),
                    _("ends in {suffix}, which the site does not check or translate; rename it {name}").format(
                        suffix=path.name[len(stem) :], name=f"{_lower_language(stem)}.md"
                    ),
                )
            )
            continue
        if locale is None and _lower_language(base) != base:
            problems.append(
                Problem(
                    shown,
                    None,
                    _("file name"),
                    _("has its language in capitals; rename it {name}").format(name=f"{_lower_language(base)}.md"),
                )
            )
        elif locale is None:
            problems.append(
                Problem(
                    shown,
                    None,
                    _("file name"),
                    _("has no language; rename it {name} and write the other languages beside it").format(
                        name=f"{base}.{layout.default_locale}.md"
                    ),
                )
            )
        elif locale not in layout.locales:
            problems.append(
                Problem(
                    shown,
                    None,
                    _("file name"),
                    _('language "{language}" is not configured in {config}; expected one of: {languages}').format(
                        language=locale, config=layout.config_file, languages=", ".join(layout.locales)
                    ),
                )
            )
        else:
            found.setdefault(path.parent / base, {})[locale] = path
    for twin, versions in sorted(found.items()):
        source = versions.get(layout.default_locale) or next(iter(versions.values()))
        for locale in layout.locales:
            if locale not in versions:
                missing = twin.parent / f"{twin.name}.{locale}.md"
                problems.append(
                    Problem(
                        layout.shown(missing),
                        None,
                        _("page"),
                        _(
                            'is missing ("{language}" version of {source}); copy {name} to {copy} and translate it'
                        ).format(language=locale, source=layout.shown(source), name=source.name, copy=missing.name),
                    )
                )
    return problems


def page_call_problems(layout: SiteLayout) -> list[Problem]:
    """Every language version of a page names the same call (or none): else one language
    would show the call's deadline box and the other not."""
    problems: list[Problem] = []
    known = layout.call_slugs() | {None}
    pages = layout.pages
    for reference in pages.in_language(layout.default_locale):
        base, _locale = page_language(reference)
        expected, _read = pages.front_matter(reference)
        call = expected.data.get("call") if expected is not None else None
        if not isinstance(call, (str, type(None))) or call not in known:
            continue  # the front matter check names the unknown call: do not blame the translations
        for locale in layout.locales[1:]:
            other = reference.with_name(f"{base}.{locale}.md")
            found, _read = pages.front_matter(other) if other in pages else (None, [])
            if expected is None or found is None:
                continue  # a missing or unreadable page is reported by its own check
            if found.data.get("call") != expected.data.get("call"):
                problems.append(
                    Problem(
                        found.path,
                        found.line_of(("call",)),
                        "call",
                        _("found {found}; expected {expected}, as in {page}").format(
                            found=_shown_call(found.data.get("call")),
                            expected=_shown_call(expected.data.get("call")),
                            page=expected.path,
                        ),
                    )
                )
    return problems


def _shown_call(call: object) -> str:
    return f'"{call}"' if call else _("no call")


def nav_problems(layout: SiteLayout) -> list[Problem]:
    """Every navigation title of mkdocs.yml translated for every language but the default."""
    problems: list[Problem] = []
    for locale in layout.locales[1:]:
        translations = layout.nav_translations.get(locale, {})
        for nav in layout.nav:
            if not str(translations.get(nav.title, "")).strip():
                problems.append(
                    Problem(
                        layout.config_file,
                        nav.line,
                        f"nav_translations ({locale})",
                        _(
                            '"{title}" has no "{language}" translation; add `{title}: ...` under nav_translations of the '
                            'language "{language}"'
                        ).format(title=nav.title, language=locale),
                    )
                )
    return problems


def call_text_problems(layout: SiteLayout, calls_dir: Path) -> list[Problem]:
    """Title, summary, funder, every link title and stage label of every call, in every language."""
    problems: list[Problem] = []
    for path in sorted(calls_dir.glob("*.yml")):
        doc = read_call_yaml(path, layout.shown(path))
        if isinstance(doc, Problem) or not isinstance(doc.data, dict):
            continue  # load_calls reports it
        texts: list[tuple[str | int, ...]] = [("title",), ("summary",)]
        links = doc.data.get("links") or {}
        if isinstance(links, dict):
            texts += [("links", key, "title") for key in links]
        if isinstance(doc.data.get("funder"), dict):
            texts.append(("funder",))
        stages = doc.data.get("deadlines")
        if isinstance(stages, list):
            texts += [
                ("deadlines", index, "label")
                for index, stage in enumerate(stages)
                if isinstance(stage, dict) and isinstance(stage.get("label"), dict)
            ]
        for loc in texts:
            problems.extend(_missing_texts(doc, loc, layout.locales))
    return problems


def _missing_texts(doc: YamlDoc, loc: tuple, locales: tuple[str, ...]) -> Iterator[Problem]:
    value: Any = doc.data
    for part in loc:
        if isinstance(value, dict):
            value = value.get(part)
        elif isinstance(value, list) and isinstance(part, int) and part < len(value):
            value = value[part]
        else:
            value = None
    if not isinstance(value, dict) or not loc:
        return  # absent or not a per-language text: the file's schema reports it
    field = ".".join(str(part) for part in loc)
    for locale in locales:
        if not str(value.get(locale) or "").strip():
            message = (
                _('the "{language}" text is missing; add a line `{language}: ...` in this entry')
                if isinstance(loc[-1], int)
                else _('the "{language}" text is missing; add a line `{language}: ...` under {key}:')
            )
            yield Problem(
                doc.path,
                doc.line_of(loc + (locale,)),
                f"{field}.{locale}",
                message.format(language=locale, key=loc[-1]),
            )


def strings_problems(layout: SiteLayout, strings_dir: Path) -> list[Problem]:
    """Every interface string of the default language in every other language, and no extra one;
    each string as the code that uses it expects (sitekit.checks.interface)."""
    docs: dict[str, YamlDoc] = {}
    problems: list[Problem] = []
    for locale in layout.locales:
        path = strings_dir / f"{locale}.yml"
        if not path.exists():
            problems.append(
                Problem(
                    layout.shown(path),
                    None,
                    _("file"),
                    _("is missing; copy {file} and translate it").format(
                        file=layout.shown(strings_dir / (layout.default_locale + ".yml"))
                    ),
                )
            )
            continue
        doc = load_yaml(path, layout.shown(path))
        if isinstance(doc, Problem):
            problems.append(doc)
        elif not isinstance(doc.data, dict) or not doc.data:
            problems.append(
                Problem(
                    doc.path,
                    1,
                    _("file"),
                    _(
                        "found {found}, but a strings file is a block of keys (`not_found:`, `calls:` ...); copy {file} "
                        "and translate its texts"
                    ).format(
                        found=shown_text(doc.data) if doc.data else _("nothing"),
                        file=layout.shown(strings_dir / (layout.default_locale + ".yml")),
                    ),
                )
            )
        else:
            docs[locale] = doc
    reference = docs.get(layout.default_locale)
    if reference is None:
        return problems
    expected = dict(leaves(reference.data))
    for doc in docs.values():
        problems.extend(interface_problems(doc))
        have = dict(leaves(doc.data))
        for key in expected:
            if key not in have or not str(have[key] or "").strip():
                problems.append(
                    Problem(
                        doc.path,
                        doc.line_of(key),
                        ".".join(key),
                        _("is missing; translate the text at line {line} of {file}").format(
                            line=reference.line_of(key), file=reference.path
                        ),
                    )
                )
        for key in have:
            if key not in expected:
                close = close_match(".".join(key), [".".join(k) for k in expected if k[:-1] == key[:-1]])
                message = (
                    _("is not in {file}; did you mean `{name}`?")
                    if close
                    else _("is not in {file}; remove it or add it there too")
                )
                problems.append(
                    Problem(doc.path, doc.line_of(key), ".".join(key), message.format(file=reference.path, name=close))
                )
    return problems
