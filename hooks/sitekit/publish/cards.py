"""Social cards: a 1200×630 PNG per call (title, programme, deadline in every language) and one for
the site, drawn with Pillow and a font installed on the machine (Debian fonts-dejavu-core).

No status on a card: social networks keep an image for weeks. A card is redrawn only when what
it shows changes (a file cache keyed by its texts, the font and this module's layout version).
Every text fits: a line wraps, breaks inside a word wider than the card, shrinks down to a size still
legible at half scale, and is cut with an ellipsis past its rows. A character the font lacks is an
editor's problem (file, line, field, the character), never an empty box on a published card.
"""

from __future__ import annotations

import hashlib
import io
import os
import struct
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..calls.model import Call, read_call_yaml
from ..dates.formatting import format_moment
from ..inputs.yamlfile import load_yaml
from ..messages import _
from ..problems import Problem, SiteDataError

SIZE = (1200, 630)
FOLDER = "assets/cards"  # below the site root
SITE_CARD = f"{FOLDER}/site.png"
LAYOUT_VERSION = "3"  # change it when the drawing changes, so that cached cards are redrawn
FONT_DIRS = ("/usr/share/fonts/truetype/dejavu",)  # Debian fonts-dejavu-core (.ci/run installs it)
FONTS = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
BACKGROUND, INK, ACCENT, MUTED = "#ffffff", "#1a1a2e", "#3f51b5", "#4a4a5a"
MARGIN = 64
BOTTOM = 48  # the last row's descenders end above this strip
ELLIPSIS = "\u2026"


class FontMissing(RuntimeError):
    """The card font is not installed: the message says which package gives it."""


@dataclass(frozen=True)
class Line:
    text: str
    size: int  # the size it is drawn at when it fits; down to min_size, then cut with an ellipsis
    bold: bool = False
    colour: str = INK
    max_rows: int = 2
    min_size: int = 24
    # Where the text comes from, for an editor's message: (file, field, text) of each text the line is made of.
    # Not part of the cache key (compare=False, repr=False): moving a field does not change the card.
    origin: tuple[tuple[str, str, str], ...] = field(default=(), compare=False, repr=False)


def social_cards(
    calls: Iterable[Call],
    strings: Mapping[str, Mapping],
    site_name: str,
    cache_dir: Path | None = None,
    root: Path | None = None,
) -> dict[str, bytes]:
    """{path below the site root: PNG} for each call's card and the site's; SiteDataError naming every
    character a card's font cannot draw (its file's line read below `root`)."""
    cards = {SITE_CARD: site_card_lines([site_name], strings)}
    for call in calls:
        cards[call_card_path(call.slug)] = call_card_lines(call, strings)
    fonts = font_files()
    problems = [problem for lines in cards.values() for problem in undrawn_problems(lines, fonts, root)]
    if problems:
        raise SiteDataError(dict.fromkeys(problems))  # the same title on two cards: said once
    stamp = font_stamp(fonts)
    return {path: card_png(lines, cache_dir, fonts, stamp) for path, lines in cards.items()}


def call_card_path(slug: str) -> str:
    return f"{FOLDER}/{slug}.png"


def call_card_lines(call: Call, strings: Mapping[str, Mapping]) -> list[Line]:
    """What a call's card says, in every language (`strings`: {locale: that language's strings})."""
    data = f"data/calls/{call.slug}.yml"
    locales = list(strings)
    titles: dict[str, list[str]] = {}  # the same title once, with every language that writes it so
    for locale in locales:
        titles.setdefault(call.title[locale], []).append(locale)
    lines = [
        Line(call.programme, 30, True, ACCENT, max_rows=1, min_size=24, origin=((data, "programme", call.programme),))
    ]
    one = len(titles) == 1  # titles shrink to 36 px at the least: capitals 13 px high on a 600×315 preview
    for title, written_in in titles.items():
        origin = tuple((data, f"title.{locale}", title) for locale in written_in)
        lines.append(Line(title, 52 if one else 44, True, max_rows=3, min_size=36, origin=origin))
    stages_field = "deadlines" if call.deadlines is not None else "deadline"
    for locale in locales:
        s = strings[locale]
        texts = f"data/strings/{locale}.yml"
        sources = [(texts, "sharing.card_deadline", s["sharing"]["card_deadline"])]
        parts = []
        for index, stage in enumerate(call.stages):
            moment = format_moment(stage.instant, s["calls"]["formats"])
            sources.append((texts, "calls.formats", moment))
            if stage.label and len(call.stages) > 1:
                sources.append((data, f"{stages_field}.{index}.label.{locale}", stage.label[locale]))
                moment = f"{stage.label[locale]}: {moment}"
            parts.append(moment)
        text = f"{s['sharing']['card_deadline']}: {'; '.join(parts)}"
        lines.append(Line(text, 28, False, MUTED, max_rows=2, min_size=24, origin=tuple(sources)))
    return lines


def call_card_alt(call: Call, strings: Mapping[str, Any], locale: str) -> str:
    """What a call's card shows, in words, in one language (`strings`: that language's)."""
    dates = "; ".join(
        (f"{stage.label[locale]}: " if stage.label and len(call.stages) > 1 else "")
        + format_moment(stage.instant, strings["calls"]["formats"])
        for stage in call.stages
    )
    return f"{call.programme}. {call.title[locale]}. {strings['sharing']['card_deadline']}: {dates}"


def site_card_alt(site_name: str, strings: Mapping[str, Any]) -> str:
    """What the site's card shows, in words, in one language."""
    return f"{site_name}. {strings['sharing']['card_site']}"


def site_card_lines(site_names: Iterable[str], strings: Mapping[str, Mapping]) -> list[Line]:
    names = list(dict.fromkeys(site_names))
    return [
        Line(name, 56, True, max_rows=2, min_size=40, origin=(("mkdocs.yml", "site_name", name),)) for name in names[:1]
    ] + [
        Line(
            s["sharing"]["card_site"],
            34,
            False,
            MUTED,
            origin=((f"data/strings/{locale}.yml", "sharing.card_site", s["sharing"]["card_site"]),),
        )
        for locale, s in strings.items()
    ]


def font_files() -> dict[str, Path]:
    for folder in FONT_DIRS:
        paths = {style: Path(folder) / name for style, name in FONTS.items()}
        if all(path.exists() for path in paths.values()):
            return paths
    raise FontMissing(
        _(
            "social cards: the fonts {fonts} for the social cards are not installed; install the "
            "Debian package fonts-dejavu-core (apt-get install fonts-dejavu-core)"
        ).format(fonts=", ".join(FONTS.values()))
    )


def font_stamp(fonts: Mapping[str, Path]) -> list[tuple[str, str, int]]:
    """What a card's key says of its fonts: a changed font file draws the cards again."""
    return sorted((k, str(v), v.stat().st_size) for k, v in fonts.items())


# {key: PNG} of the cards this process has read or drawn: a preview rebuild (sitekit.preview) of 500 calls
# opens no card file again. Bounded: a long session that changes many cards starts it afresh.
_known: dict[str, bytes] = {}
KNOWN_CARDS = 4096


def card_png(
    lines: list[Line],
    cache_dir: Path | None = None,
    fonts: Mapping[str, Path] | None = None,
    stamp: list[tuple[str, str, int]] | None = None,
) -> bytes:
    """The card as PNG bytes, from the cache when the same card was drawn before (`fonts` and their
    `stamp`: font_files() and font_stamp() of them, when the caller has them)."""
    fonts = fonts or font_files()
    stamp = stamp if stamp is not None else font_stamp(fonts)
    key = hashlib.sha256(repr((LAYOUT_VERSION, SIZE, lines, stamp)).encode("utf-8")).hexdigest()
    if key in _known:
        return _known[key]
    cached = cache_dir / f"{key}.png" if cache_dir else None
    if cached is not None and cached.exists():
        return _keep(key, cached.read_bytes())
    png = _draw(lines, fonts)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        temporary = cached.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(png)
        temporary.replace(cached)  # never a half-written card for a build running beside this one
    return _keep(key, png)


def _keep(key: str, png: bytes) -> bytes:
    if len(_known) >= KNOWN_CARDS:
        _known.clear()
    _known[key] = png
    return png


@dataclass(frozen=True)
class Row:
    """One row of text as drawn: where its top is, its size and style."""

    text: str
    y: int
    size: int
    bold: bool
    colour: str


def _draw(lines: list[Line], fonts: Mapping[str, Path]) -> bytes:
    from PIL import Image, ImageDraw  # only the build that draws a card pays for the import

    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, SIZE[0], 14), fill=ACCENT)
    for row in layout(lines, fonts):
        draw.text((MARGIN, row.y), row.text, font=_font(_style(fonts, row.bold), row.size), fill=row.colour)
    out = io.BytesIO()
    # 64 colours are plenty for text in three inks on white, and encode in a third of the time
    # (and a third of the bytes) of full colour.
    image.quantize(64, method=Image.Quantize.FASTOCTREE).save(out, "PNG", compress_level=6)
    return out.getvalue()


def layout(lines: list[Line], fonts: Mapping[str, Path]) -> list[Row]:
    """Every row of the card, within its margins: each line at the largest size (down to its
    min_size) that fits its max_rows, cut with an ellipsis beyond them; while the whole is taller
    than the card, the line with the most rows gives one up."""
    limits = [line.max_rows for line in lines]
    while True:
        fitted = [_fit(line, fonts, limit) for line, limit in zip(lines, limits, strict=True)]
        # alike lines (the titles, the deadlines in each language) at one size: the smallest any of them needs
        alike: dict[tuple, int] = {}
        for line, (size, _rows) in zip(lines, fitted, strict=True):
            alike[_kind(line)] = min(size, alike.get(_kind(line), size))
        fitted = [
            _fit(replace(line, size=alike[_kind(line)]), fonts, limit) if alike[_kind(line)] < size else (size, rows)
            for line, limit, (size, rows) in zip(lines, limits, fitted, strict=True)
        ]
        height = sum(len(rows) * _advance(size) for size, rows in fitted)
        height += sum(_gap(size) for size, _rows in fitted[:-1])
        widest = max(range(len(lines)), key=lambda i: len(fitted[i][1]), default=0)
        if height <= SIZE[1] - MARGIN - BOTTOM or not lines or len(fitted[widest][1]) == 1:
            break
        limits[widest] = len(fitted[widest][1]) - 1
    placed: list[Row] = []
    y = MARGIN
    for line, (size, rows) in zip(lines, fitted, strict=True):
        for text in rows:
            if y + _advance(size) > SIZE[1] - BOTTOM:  # only six lines of the largest size could get here
                return placed
            placed.append(Row(text, y, size, line.bold, line.colour))
            y += _advance(size)
        y += _gap(size)
    return placed


def _kind(line: Line) -> tuple:
    return (line.size, line.bold, line.colour)


def _advance(size: int) -> int:
    return int(size * 1.25)


def _gap(size: int) -> int:
    return int(size * 0.5)


def _fit(line: Line, fonts: Mapping[str, Path], max_rows: int) -> tuple[int, list[str]]:
    """(size, rows): the largest size from line.size down to line.min_size, in steps of 2, whose
    rows are at most `max_rows`; else min_size, cut after `max_rows` rows with an ellipsis."""
    path = _style(fonts, line.bold)
    size = line.size
    while True:
        measure = _font(path, size).getlength
        rows = _wrap(line.text, measure, WIDTH, max_rows)
        if len(rows) <= max_rows:
            return size, rows
        if size - 2 < line.min_size:
            return size, [*rows[: max_rows - 1], _ellipsis(rows[max_rows - 1], measure, WIDTH)]
        size -= 2


def _wrap(text: str, measure: Callable[[str], float], width: int, limit: int) -> list[str]:
    """Rows of at most `width`: words as they come, a word wider than a row broken inside it. Stops
    once there are more than `limit` rows (the caller only needs to know that)."""
    rows: list[str] = []
    for word in text.split():
        if rows and measure(f"{rows[-1]} {word}") <= width:
            rows[-1] = f"{rows[-1]} {word}"
            continue
        while measure(word) > width:
            cut = _longest_prefix(word, measure, width)
            rows.append(word[:cut])
            word = word[cut:]
            if len(rows) > limit:
                return rows
        rows.append(word)
        if len(rows) > limit:
            return rows
    return rows or [""]


def _longest_prefix(word: str, measure: Callable[[str], float], width: float) -> int:
    """How many characters of `word` fit in `width` (at least one), not cutting before a combining mark."""
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if measure(word[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    while 1 < low < len(word) and unicodedata.combining(word[low]):
        low -= 1
    return low


def _ellipsis(row: str, measure: Callable[[str], float], width: int) -> str:
    """`row` cut where an ellipsis after it still fits in `width`: after a whole word when the row
    has more than one, else inside its only word."""
    cut = _longest_prefix(row, lambda text: measure(text.rstrip() + ELLIPSIS), width)
    if cut < len(row) and not row[cut].isspace() and " " in row[:cut].strip():
        cut = row[:cut].rstrip().rfind(" ")
    return row[:cut].rstrip() + ELLIPSIS


WIDTH = SIZE[0] - 2 * MARGIN


def _style(fonts: Mapping[str, Path], bold: bool) -> str:
    return str(fonts["bold" if bold else "regular"])


@lru_cache(maxsize=64)
def _font(path: str, size: int) -> Any:
    from PIL import ImageFont

    return ImageFont.truetype(path, size)


# Characters a card's font lacks: an editor's problem before anything is drawn.


def undrawn_problems(lines: Iterable[Line], fonts: Mapping[str, Path], root: Path | None = None) -> list[Problem]:
    """One problem per field whose text has a character the line's font cannot draw (it would be an
    empty box): the field's file and line (read below `root`), the character, its name and code."""
    problems = []
    for line in lines:
        path = _style(fonts, line.bold)
        missing = undrawable(line.text, path)
        if not missing:
            continue
        origin = line.origin or (("", _("social card"), line.text),)
        left = list(missing)
        for file, name, text in origin:
            own = [c for c in left if c in text]
            if own:
                left = [c for c in left if c not in own]
                problems.append(_undrawn(file, name, text, own, path, root))
        if left:  # in what the card adds between the fields (": ", "; "): said at the line's first field
            file, name, text = origin[0]
            problems.append(_undrawn(file, name, text, left, path, root))
    return problems


def _undrawn(file: str, name: str, text: str, characters: list[str], font: str, root: Path | None) -> Problem:
    shown = ", ".join(
        f'"{c}" ({unicodedata.name(c, "")}, U+{ord(c):04X})'.replace(" (, ", " (") for c in characters[:5]
    )
    return Problem(
        file,
        _line_of(file, name, text, root),
        name,
        _(
            "has {characters}, which the font of the social card ({font}) cannot draw (it would be an empty box); "
            "write it in words or leave it out of this text"
        ).format(characters=shown + (", …" if len(characters) > 5 else ""), font=Path(font).stem),
    )


def _line_of(file: str, name: str, text: str, root: Path | None) -> int | None:
    if root is None or not file:
        return None
    loc = tuple(int(part) if part.isdigit() else part for part in name.split("."))
    read = read_call_yaml if file.startswith("data/calls/") else load_yaml
    doc = read(root / file, file)
    if not isinstance(doc, Problem):
        return doc.line_of(loc)
    try:  # mkdocs.yml, which our YAML reader refuses for its !ENV tags: the key, found by its text
        rows = (root / file).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    key = f"{name.rsplit('.', 1)[-1]}:"
    written = [n for n, row in enumerate(rows, 1) if row.strip().startswith(key) and text in row]  # a translation's too
    return next(iter(written), next((n for n, row in enumerate(rows, 1) if row.startswith(key)), None))


@lru_cache(maxsize=4096)
def undrawable(text: str, font: str) -> tuple[str, ...]:
    """The characters of `text` that `font` (a TrueType file) has no glyph for, each once; spaces
    and format characters (joiners, variation selectors), which the text shaper leaves invisible,
    are not among them. Once per distinct text and font."""
    have = coverage(font)
    return tuple(dict.fromkeys(c for c in text if ord(c) not in have and not _invisible(c)))


def _invisible(c: str) -> bool:
    return c.isspace() or unicodedata.category(c) == "Cf" or 0xFE00 <= ord(c) <= 0xFE0F or 0xE0100 <= ord(c) <= 0xE01EF


@lru_cache(maxsize=8)
def coverage(font: str) -> frozenset[int]:
    """Every code point the font maps to a glyph, from its `cmap` table (formats 4 and 12, the
    Unicode subtables): read once per font file and process."""
    data = Path(font).read_bytes()
    tables = struct.unpack_from(">H", data, 4)[0]
    cmap = next(
        struct.unpack_from(">I", data, 12 + 16 * i + 8)[0]
        for i in range(tables)
        if data[12 + 16 * i : 12 + 16 * i + 4] == b"cmap"
    )
    codes: set[int] = set()
    for i in range(struct.unpack_from(">H", data, cmap + 2)[0]):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
        if (platform, encoding) not in ((3, 1), (3, 10), (0, 3), (0, 4)):
            continue
        at = cmap + offset
        kind = struct.unpack_from(">H", data, at)[0]
        if kind == 4:
            codes |= _format_4(data, at)
        elif kind == 12:
            for group in range(struct.unpack_from(">I", data, at + 12)[0]):
                first, last, glyph = struct.unpack_from(">III", data, at + 16 + 12 * group)
                codes.update(range(first, last + 1) if glyph else range(first + 1, last + 1))
    return frozenset(codes)


def _format_4(data: bytes, at: int) -> set[int]:
    count = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends = struct.unpack_from(f">{count}H", data, at + 14)
    starts = struct.unpack_from(f">{count}H", data, at + 16 + 2 * count)
    deltas = struct.unpack_from(f">{count}h", data, at + 16 + 4 * count)
    ranges_at = at + 16 + 6 * count
    range_offsets = struct.unpack_from(f">{count}H", data, ranges_at)
    codes = set()
    for i in range(count):
        for code in range(starts[i], ends[i] + 1):
            if code == 0xFFFF:
                continue
            if range_offsets[i] == 0:
                glyph = (code + deltas[i]) & 0xFFFF
            else:
                where = ranges_at + 2 * i + range_offsets[i] + 2 * (code - starts[i])
                glyph = struct.unpack_from(">H", data, where)[0]
                glyph = (glyph + deltas[i]) & 0xFFFF if glyph else 0
            if glyph:
                codes.add(code)
    return codes
