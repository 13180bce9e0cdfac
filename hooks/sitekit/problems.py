"""Problems found in editors' files, reported all at once as `file:line: field: found; expected`."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .messages import N_, _, ngettext


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    field: str
    message: str  # "what was found; what is expected", in plain words

    def __str__(self) -> str:
        where = f"{visible(self.file)}:{self.line}" if self.line else visible(self.file)
        field = visible(self.field) or _("(no name)")
        return f"{where}: {field}: {visible(self.message)}"


class SiteDataError(Exception):
    """Raised with every problem found, so that an editor fixes them in one go."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.field))
        count = len(self.problems)
        head = ngettext(
            "{count} problem to fix before the site can be built:",
            "{count} problems to fix before the site can be built:",
            count,
        ).format(count=count)
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))


def visible(text: str) -> str:
    """`text` with every invisible character (line breaks, tabs, U+200B, ...) shown as <U+XXXX>, and in
    a word that mixes Latin, Cyrillic and Greek letters (a Cyrillic U+0456 in "international") each letter of
    the word's lesser alphabet followed by its code and name: two names that look alike are told apart."""
    shown = "".join(f"<U+{ord(c):04X}>" if _invisible(c) else c for c in str(text))
    return _LETTERS.sub(_mark_mixed_scripts, shown) if not shown.isascii() else shown


_LETTERS = re.compile(r"[^\W\d_]+")
_LOOK_ALIKE_SCRIPTS = {"LATIN", "CYRILLIC", "GREEK"}


def _script(char: str) -> str:
    return unicodedata.name(char, "").split(" ", 1)[0]


def _mark_mixed_scripts(word: re.Match[str]) -> str:
    scripts = [_script(c) for c in word.group()]
    mixed = set(scripts) & _LOOK_ALIKE_SCRIPTS
    if len(mixed) < 2:
        return word.group()
    main = max(mixed, key=scripts.count)
    return "".join(
        f"{c}<U+{ord(c):04X} {unicodedata.name(c)}>" if script in mixed and script != main else c
        for c, script in zip(word.group(), scripts, strict=True)
    )


# What the schema library (pydantic) says, by kind of complaint, in editors' words: "found ...; what to do".
_SCHEMA_WORDS = {
    "missing": N_("is missing; add it"),
    "extra_forbidden": N_("is not a field this file knows; check its spelling"),
    "string_type": N_("found {found}; expected text: put the value in quotes"),
    "int_type": N_("found {found}; expected a whole number, digits only"),
    "int_parsing": N_("found {found}; expected a whole number, digits only"),
    "int_from_float": N_("found {found}; expected a whole number, digits only"),
    "float_type": N_("found {found}; expected a number"),
    "float_parsing": N_("found {found}; expected a number"),
    "bool_type": N_("found {found}; expected true or false"),
    "bool_parsing": N_("found {found}; expected true or false"),
    "dict_type": N_("found {found}; expected a block of fields, on the lines below, indented"),
    "model_type": N_("found {found}; expected a block of fields, on the lines below, indented"),
    "model_attributes_type": N_("found {found}; expected a block of fields, on the lines below, indented"),
    "list_type": N_("found {found}; expected a list: [a, b] or one `- item` per line"),
    "literal_error": N_("found {found}; expected one of: {expected}"),
    "url_parsing": N_("found {found}; expected a web address starting with https://"),
    "url_scheme": N_("found {found}; expected a web address starting with https://"),
    "url_type": N_("found {found}; expected a web address starting with https://"),
}


def schema_words(error: Mapping[str, Any]) -> str:
    """One pydantic error's complaint, in editors' words."""
    kind = error["type"]
    if kind == "value_error":  # our own validators: already in editors' words
        return error["msg"].removeprefix("Value error, ")
    if kind.startswith("date_"):  # a date field (date_parsing, date_from_datetime_parsing, ...)
        words = _("is not a date; found {found}; write it as 2026-11-30")
    else:
        words = _(_SCHEMA_WORDS.get(kind, N_("found {found}; check this value against the guide (EDITING.md)")))
    expected = (error.get("ctx") or {}).get("expected", "")
    return words.format(found=shown_text(error.get("input")), expected=str(expected).replace("'", ""))


def shown_text(value: Any) -> str:
    """A value as a message shows it: text in quotes with invisible characters named (U+200B),
    nothing as "nothing", a block or list as such."""
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return _("a block of fields")
    if isinstance(value, list):
        return _("a list")
    if not isinstance(value, str):
        return str(value)
    return f'"{visible(value)}"'


def _invisible(char: str) -> bool:
    return unicodedata.category(char) in ("Cf", "Cc", "Zl", "Zp") or (char.isspace() and char != " ")
