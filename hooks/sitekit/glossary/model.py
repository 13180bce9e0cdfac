"""The glossary model: data/glossary.yml, one entry per term keyed by a stable slug, every language."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, ValidationError, ValidationInfo, field_validator

from ..inputs.characters import NAME, forbidden_message
from ..inputs.confirmation import Confirmation
from ..inputs.yamlfile import YamlDoc, load_yaml
from ..messages import _
from ..problems import Problem, SiteDataError, schema_words

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LINKS_KEY = "links"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _matchable(form: str) -> str:
    """A term or alias as it must be written to match running text: no zero-width or control characters."""
    found = NAME.search(form)
    if found:
        raise ValueError(forbidden_message(found.group()))
    return form


class TermText(_Strict):
    """What one language says about a term."""

    term: str
    expansion: str | None = None
    definition: str
    aliases: list[str] = []

    @field_validator("term", "definition")
    @classmethod
    def _not_empty(cls, value: str, info: ValidationInfo) -> str:
        value = _one_line(value)
        if info.field_name == "term":
            _matchable(value)
        if not value:
            raise ValueError(_("is empty; write it in this language"))
        return value

    @field_validator("expansion")
    @classmethod
    def _expansion(cls, value: str | None) -> str | None:
        value = _one_line(value) if value is not None else None
        if value == "":
            raise ValueError(_("is empty; write what the acronym stands for, or remove the line"))
        return value

    @field_validator("aliases")
    @classmethod
    def _aliases(cls, values: list[str]) -> list[str]:
        cleaned = [_matchable(_one_line(v)) for v in values]
        if any(not v for v in cleaned):
            raise ValueError(_("has an empty alias; remove it or write the other form of the term"))
        return cleaned


class SourceLink(_Strict):
    """An official source for an entry: a web address and its title in every language."""

    url: str
    title: dict[str, str]
    confirmed: Confirmation | None = None  # where the link was confirmed (a stored copy)

    @field_validator("url")
    @classmethod
    def _web_address(cls, url: str) -> str:
        parts = urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(
                _('"{url}" is not a web address; write the full link, starting with https://').format(url=url)
            )
        return url.strip()


@dataclass(frozen=True)
class LocalTerm:
    """One entry as one language shows it."""

    slug: str
    term: str
    expansion: str | None
    definition: str
    aliases: tuple[str, ...]
    links: tuple[tuple[str, str], ...]  # (url, title in this language)

    @property
    def forms(self) -> tuple[str, ...]:
        """Every way the term is written in running text: the term, then its aliases."""
        return (self.term, *self.aliases)

    @property
    def title(self) -> str:
        """The tooltip text of DESIGN contract 4: "expansion: short definition"."""
        return f"{self.expansion or self.term}: {self.definition}"


@dataclass(frozen=True)
class Entry:
    slug: str
    texts: dict[str, TermText]
    links: tuple[SourceLink, ...]


@dataclass(frozen=True)
class Glossary:
    entries: dict[str, Entry]

    def terms(self, locale: str) -> list[LocalTerm]:
        """The entries in `locale`, in the order of the data file."""
        return [
            LocalTerm(
                slug=entry.slug,
                term=text.term,
                expansion=text.expansion,
                definition=text.definition,
                aliases=tuple(text.aliases),
                links=tuple((link.url, link.title[locale]) for link in entry.links),
            )
            for entry in self.entries.values()
            for text in [entry.texts[locale]]
        ]


def load_glossary(path: Path, root: Path | None, locales: list[str]) -> Glossary:
    """The glossary in `path`, complete in every locale; SiteDataError listing every problem."""
    shown = str(path.relative_to(root)) if root else str(path)
    doc = load_yaml(path, shown)
    if isinstance(doc, Problem):
        raise SiteDataError([doc])
    problems: list[Problem] = []  # keys written twice: load_yaml reports them
    data = doc.data
    if data is None or data == {}:
        raise SiteDataError(
            [
                Problem(
                    shown,
                    None,
                    _("file"),
                    _(
                        "is empty, so no page would explain a term; write the entries (see the comment at the top of "
                        "the file in the repository), or restore the file"
                    ),
                )
            ]
        )
    if not isinstance(data, dict):
        raise SiteDataError(
            [
                Problem(
                    shown, 1, _("file"), _("is not a list of entries; start each entry with its key, e.g. `escp-4i:`")
                )
            ]
        )
    entries: dict[str, Entry] = {}
    for slug, raw in data.items():
        entry = _entry(doc, str(slug), raw, locales, problems)
        if entry is not None:
            entries[entry.slug] = entry
    problems.extend(_clashes(doc, entries, locales))
    if problems:
        raise SiteDataError(problems)
    return Glossary(entries)


# ---------------------------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------------------------


def _entry(doc: YamlDoc, slug: str, raw: Any, locales: list[str], problems: list[Problem]) -> Entry | None:
    line = doc.line_of((slug,))
    if not SLUG.match(slug):
        problems.append(
            Problem(
                doc.path,
                line,
                slug,
                _(
                    '"{key}" is not a usable key; write it in lower case letters, digits and hyphens, e.g. escp-4i'
                ).format(key=slug),
            )
        )
        return None
    if not isinstance(raw, dict):
        problems.append(
            Problem(
                doc.path,
                line,
                slug,
                _("has no languages; add {keys} each with term and definition").format(
                    keys=", ".join(f"{lang}:" for lang in locales)
                ),
            )
        )
        return None
    texts: dict[str, TermText] = {}
    ok = True
    for key in raw:
        if key not in locales and key != LINKS_KEY:
            problems.append(
                Problem(
                    doc.path,
                    doc.line_of((slug, key)),
                    f"{slug}.{key}",
                    _("is not a language of the site ({languages}) nor {links}; check its spelling").format(
                        languages=", ".join(locales), links=LINKS_KEY
                    ),
                )
            )
            ok = False
    for locale in locales:
        if locale not in raw:
            problems.append(
                Problem(
                    doc.path,
                    line,
                    f"{slug}.{locale}",
                    _("is missing; add the term in this language ({language}: with term and definition)").format(
                        language=locale
                    ),
                )
            )
            ok = False
            continue
        value = raw[locale]
        try:
            texts[locale] = TermText(**value) if isinstance(value, dict) else TermText.model_validate(value)
        except (ValidationError, TypeError) as err:
            problems.extend(_validation_problems(doc, (slug, locale), err))
            ok = False
    links: list[SourceLink] = []
    raw_links = raw.get(LINKS_KEY) or []
    if not isinstance(raw_links, list):
        problems.append(
            Problem(
                doc.path,
                doc.line_of((slug, LINKS_KEY)),
                f"{slug}.{LINKS_KEY}",
                _("is not a list; write each link on a line starting with `- url:`"),
            )
        )
        raw_links, ok = [], False
    for index, raw_link in enumerate(raw_links):
        try:
            link = SourceLink.model_validate(raw_link)
        except ValidationError as err:
            problems.extend(_validation_problems(doc, (slug, LINKS_KEY, index), err))
            ok = False
            continue
        missing = [locale for locale in locales if not _one_line(link.title.get(locale, ""))]
        if missing:
            problems.append(
                Problem(
                    doc.path,
                    doc.line_of((slug, LINKS_KEY, index, "title")),
                    f"{slug}.{LINKS_KEY}.{index}.title",
                    _("has no title in {languages}; add one line per language").format(languages=", ".join(missing)),
                )
            )
            ok = False
        links.append(link)
    return Entry(slug, texts, tuple(links)) if ok else None


def _validation_problems(doc: YamlDoc, prefix: tuple, err: ValidationError | TypeError) -> list[Problem]:
    field = ".".join(str(p) for p in prefix)
    if isinstance(err, TypeError):
        return [
            Problem(doc.path, doc.line_of(prefix), field, _("is not a block of fields; write term:, definition: ..."))
        ]
    out = []
    for e in err.errors():
        loc = prefix + tuple(p for p in e["loc"])
        message = e["msg"].removeprefix("Value error, ")
        found = e.get("input")
        if e["type"] == "extra_forbidden":
            message = _("is not a field of a glossary entry; use term, expansion, definition, aliases")
        elif e["type"] == "missing":
            message = _("is missing; add it")
        elif e["type"].startswith("date_"):
            message = _('is not a date; found "{found}"; write it as 2026-11-30').format(found=found)
        elif e["type"] == "list_type":
            message = _('is not a list; found "{found}"; write it as [{found}], forms separated by commas').format(
                found=found
            )
        elif e["type"] in ("dict_type", "model_type"):
            message = _(
                'is not a block of fields; found "{found}"; write term: and definition: on the lines below, indented'
            ).format(found=found)
        elif e["type"] == "string_type":
            message = _("is not text; found {found}; write it as text, in quotes if needed").format(found=repr(found))
        else:  # our own validators already say what was found
            message = schema_words(e)
        out.append(Problem(doc.path, doc.line_of(loc), ".".join(str(p) for p in loc), message))
    return out


def _clashes(doc: YamlDoc, entries: dict[str, Entry], locales: list[str]) -> list[Problem]:
    """A term or alias that names two entries in the same language."""
    problems: list[Problem] = []
    for locale in locales:
        owner: dict[str, tuple[str, str]] = {}  # folded form -> (slug, "term" or "aliases")
        for entry in entries.values():
            text = entry.texts[locale]
            seen_here: set[str] = set()
            for kind, form in [("term", text.term), *(("aliases", a) for a in text.aliases)]:
                folded = form.casefold()
                if folded in seen_here:
                    continue
                seen_here.add(folded)
                if folded in owner:
                    other_slug, other_kind = owner[folded]
                    line = doc.line_of((entry.slug, locale, kind))
                    if kind == "term" and other_kind == "term":
                        message = _(
                            '"{form}" is also the term of {entry}; each term has one entry: merge the two '
                            "entries or write a different term"
                        ).format(form=form, entry=other_slug)
                    elif other_kind == "term":
                        message = _(
                            '"{form}" is also the term of {entry}; a word can lead to one entry only: '
                            "remove it from one of the two"
                        ).format(form=form, entry=other_slug)
                    else:
                        message = _(
                            '"{form}" is also the alias of {entry}; a word can lead to one entry only: '
                            "remove it from one of the two"
                        ).format(form=form, entry=other_slug)
                    problems.append(Problem(doc.path, line, f"{entry.slug}.{locale}.{kind}", message))
                else:
                    owner[folded] = (entry.slug, kind)
    return problems
