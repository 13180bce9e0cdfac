"""The front matter of a page (the fields between the two `---` lines at its top), checked by a schema."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ..inputs.filecache import read_text
from ..inputs.yamlfile import YamlDoc, parse_yaml
from ..messages import _
from ..problems import Problem
from .fielderrors import field_names, schema_problem

# The same opening and closing lines MkDocs accepts (mkdocs.utils.meta).
_OPENING = re.compile(r"\A-{3}[ \t]*\n")
_BLOCK = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(\n|\Z)", re.DOTALL)


class SearchOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")
    exclude: bool = False
    boost: float | None = None


class FrontMatter(BaseModel):
    """Ours: title, description, call. The rest: what Material for MkDocs 9 reads from a page
    (template, hide, icon, status, subtitle, search; see its "Reference" pages). mkdocs-static-i18n
    reads nothing from front matter: a page's language is the suffix of its file name."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True)
    title: str
    description: str
    call: str | None = None
    template: str | None = None
    hide: list[Literal["navigation", "toc", "footer", "path", "tags", "feedback"]] = []
    icon: str | None = None
    status: str | None = None
    subtitle: str | None = None
    search: SearchOptions | None = None

    @field_validator("title", "description")
    @classmethod
    def _not_blank(cls, text: str) -> str:
        if not text.strip():
            raise ValueError(_("expected a short text; it is shown in search results and browser tabs"))
        return text


KNOWN_FIELDS = field_names(FrontMatter)


def body_start(text: str) -> int:
    """Where the Markdown starts in a page's `text`: after its front matter block, if it has one."""
    block = _BLOCK.match(text)
    return block.end() if block else 0


def read_front_matter(path: Path, shown: str) -> tuple[YamlDoc | None, list[Problem]]:
    """The page's front matter with its line numbers, or the problems that prevent reading it."""
    try:
        text = read_text(path).removeprefix("\ufeff")  # a byte-order mark (Notepad) starts no text
    except UnicodeDecodeError as err:
        return None, [
            Problem(
                shown,
                None,
                _("file"),
                _("is not UTF-8 text (byte {byte} cannot be read); save it again choosing the UTF-8 encoding").format(
                    byte=err.start
                ),
            )
        ]
    if not _OPENING.match(text):
        return None, [
            Problem(
                shown,
                1,
                _("front matter"),
                _(
                    "not found; start the page with a line `---`, then "
                    "`title:` and `description:`, then another line `---`"
                ),
            )
        ]
    block = _BLOCK.match(text)
    if not block:
        return None, [
            Problem(
                shown,
                1,
                _("front matter"),
                _("starts with `---` but has no closing `---` line; add one after the last field"),
            )
        ]
    doc = parse_yaml(block.group(1) or "", shown, first_line=2)
    if isinstance(doc, Problem):
        return None, [doc]
    if not isinstance(doc.data, dict):
        return None, [
            Problem(
                shown,
                2,
                _("front matter"),
                _("is not a list of fields; write it as `title: ...` and `description: ...`, one per line"),
            )
        ]
    return doc, []


def front_matter_problems(path: Path, shown: str, call_slugs: set[str]) -> list[Problem]:
    """Every problem in the front matter of one page, including a `call:` naming no data file."""
    return front_matter_doc_problems(*read_front_matter(path, shown), shown, call_slugs)


def front_matter_doc_problems(
    doc: YamlDoc | None, problems: list[Problem], shown: str, call_slugs: set[str]
) -> list[Problem]:
    """front_matter_problems of a page already read by read_front_matter (its two results)."""
    if doc is None:
        return problems
    try:
        meta = FrontMatter(**doc.data)
    except ValidationError as err:
        return [schema_problem(doc, e, KNOWN_FIELDS) for e in err.errors()]
    except TypeError:  # keys that are not text, e.g. `1: x`
        return [
            Problem(shown, 2, _("front matter"), _("has a field whose name is not text; check the names before `:`"))
        ]
    if meta.call is not None and meta.call not in call_slugs:
        known = ", ".join(sorted(call_slugs)) or _("none yet")
        problems.append(
            Problem(
                shown,
                doc.line_of(("call",)),
                "call",
                _('"{call}" names no file in data/calls/; expected one of: {known}').format(
                    call=meta.call, known=known
                ),
            )
        )
    return problems
