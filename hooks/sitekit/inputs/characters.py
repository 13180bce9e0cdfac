"""The characters no text an editor writes may hold (data, strings, front matter, mkdocs.yml texts,
page bodies outside code): control characters (C0 but tab and line feed, DEL, C1), lone surrogates
and bidirectional controls; in a term, a key, a slug or a file name also zero-width characters. The
writers (lxml's feeds, the calendar files) refuse the first two; the others change what readers see
(U+202E shows a title backwards) or what matches (a term with U+200B is never found)."""

from __future__ import annotations

import re
import unicodedata

from ..messages import _

_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
_SURROGATES = "\ud800-\udfff\ufffe\uffff"  # with the two noncharacters XML cannot hold either
_BIDI = "\u202a-\u202e\u2066-\u2069"
_ZERO_WIDTH = "\u200b-\u200d\u2060\ufeff"

TEXT = re.compile(f"[{_CONTROLS}{_SURROGATES}{_BIDI}]")
NAME = re.compile(f"[{_CONTROLS}{_SURROGATES}{_BIDI}{_ZERO_WIDTH}]")
# A page's body: files are read with universal line ends, so a carriage return is a line end there.
PAGE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_SURROGATES}{_BIDI}]")

# Control characters have no name in Unicode's character names, only aliases: the usual ones.
_CONTROL_NAMES = {
    0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x0B: "LINE TABULATION", 0x0C: "FORM FEED",
    0x0D: "CARRIAGE RETURN", 0x1B: "ESCAPE", 0x7F: "DELETE", 0x85: "NEXT LINE",
}  # fmt: skip


def describe(char: str) -> str:
    """`char` as a message names it: U+202E RIGHT-TO-LEFT OVERRIDE."""
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        name = _("lone surrogate, half of a character")
    elif code in (0xFFFE, 0xFFFF):
        name = _("noncharacter")
    else:
        name = unicodedata.name(char, "") or _CONTROL_NAMES.get(code) or _("control character")
    return f"U+{code:04X} {name}"


def first_forbidden(text: str, pattern: re.Pattern[str] = TEXT) -> re.Match[str] | None:
    return pattern.search(text)


def forbidden_message(char: str) -> str:
    """What an editor reads about a forbidden character."""
    if ord(char) in range(0x200B, 0x200E) or char in "\u2060\ufeff":
        return _(
            "contains the invisible character {character}, which a term, key or name cannot hold (it would never "
            "match); delete it (retype the word)"
        ).format(character=describe(char))
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        return _(
            "contains the bidirectional control {character}, which changes the order readers see the text in; "
            "delete it (retype the text)"
        ).format(character=describe(char))
    return _(
        "contains the character {character}, which no published text can hold; delete it (in double quotes, "
        "check the escapes written with a backslash)"
    ).format(character=describe(char))


def line_of(text: str, index: int, first_line: int) -> int:
    return first_line + text.count("\n", 0, index)
