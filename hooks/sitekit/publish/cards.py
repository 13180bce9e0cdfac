"""Social cards: a 1200×630 PNG per call (title, programme, deadline in every language) and one for
the site, drawn with Pillow and a font installed on the machine (Debian fonts-dejavu-core).

No status on a card: social networks keep an image for weeks. A card is redrawn only when what
it shows changes (a file cache keyed by its texts, the font and this module's layout version).
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..calls.model import Call
from ..dates.formatting import format_moment
from ..messages import _

SIZE = (1200, 630)
FOLDER = "assets/cards"  # below the site root
SITE_CARD = f"{FOLDER}/site.png"
LAYOUT_VERSION = "2"  # change it when the drawing changes, so that cached cards are redrawn
FONT_DIRS = ("/usr/share/fonts/truetype/dejavu",)  # Debian fonts-dejavu-core (.ci/run installs it)
FONTS = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
BACKGROUND, INK, ACCENT, MUTED = "#ffffff", "#1a1a2e", "#3f51b5", "#4a4a5a"
MARGIN = 64


class FontMissing(RuntimeError):
    """The card font is not installed: the message says which package gives it."""


@dataclass(frozen=True)
class Line:
    text: str
    size: int
    bold: bool = False
    colour: str = INK


def social_cards(
    calls: Iterable[Call], strings: Mapping[str, Mapping], site_name: str, cache_dir: Path | None = None
) -> dict[str, bytes]:
    """{path below the site root: PNG} for each call's card and the site's."""
    cards = {SITE_CARD: card_png(site_card_lines([site_name], strings), cache_dir)}
    for call in calls:
        cards[call_card_path(call.slug)] = card_png(call_card_lines(call, strings), cache_dir)
    return cards


def call_card_path(slug: str) -> str:
    return f"{FOLDER}/{slug}.png"


def call_card_lines(call: Call, strings: Mapping[str, Mapping]) -> list[Line]:
    """What a call's card says, in every language (`strings`: {locale: that language's strings})."""
    locales = list(strings)
    titles = list(dict.fromkeys(call.title[locale] for locale in locales))  # the same title once
    lines = [Line(call.programme, 30, True, ACCENT)]
    lines += [Line(title, 52 if len(titles) == 1 else 44, True) for title in titles]
    for locale in locales:
        s = strings[locale]
        dates = "; ".join(
            (f"{stage.label[locale]}: " if stage.label and len(call.stages) > 1 else "")
            + format_moment(stage.instant, s["calls"]["formats"])
            for stage in call.stages
        )
        lines.append(Line(f"{s['sharing']['card_deadline']}: {dates}", 28, False, MUTED))
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
    return [Line(name, 56, True) for name in names[:1]] + [
        Line(s["sharing"]["card_site"], 34, False, MUTED) for s in strings.values()
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


def card_png(lines: list[Line], cache_dir: Path | None = None) -> bytes:
    """The card as PNG bytes, from the cache when the same card was drawn before."""
    fonts = font_files()
    key = hashlib.sha256(
        repr((LAYOUT_VERSION, SIZE, lines, sorted((k, str(v), v.stat().st_size) for k, v in fonts.items()))).encode(
            "utf-8"
        )
    ).hexdigest()
    cached = cache_dir / f"{key}.png" if cache_dir else None
    if cached is not None and cached.exists():
        return cached.read_bytes()
    png = _draw(lines, fonts)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        temporary = cached.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(png)
        temporary.replace(cached)  # never a half-written card for a build running beside this one
    return png


def _draw(lines: list[Line], fonts: Mapping[str, Path]) -> bytes:
    from PIL import Image, ImageDraw, ImageFont  # only the build that draws a card pays for the import

    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, SIZE[0], 14), fill=ACCENT)
    width = SIZE[0] - 2 * MARGIN
    y = MARGIN
    for line in lines:
        size = line.size
        while True:  # wrap; shrink a line that would need more than three rows
            font = ImageFont.truetype(str(fonts["bold" if line.bold else "regular"]), size)
            rows = _wrap(draw, line.text, font, width)
            if len(rows) <= 3 or size <= 18:
                break
            size -= 4
        for row in rows[:4]:
            if y + size > SIZE[1] - MARGIN // 2:
                break
            draw.text((MARGIN, y), row, font=font, fill=line.colour)
            y += int(size * 1.25)
        y += int(size * 0.5)
    out = io.BytesIO()
    # 64 colours are plenty for text in three inks on white, and encode in a third of the time
    # (and a third of the bytes) of full colour: ~15 ms a card, drawing included.
    image.quantize(64, method=Image.Quantize.FASTOCTREE).save(out, "PNG", compress_level=6)
    return out.getvalue()


def _wrap(draw, text: str, font, width: int) -> list[str]:
    rows: list[str] = []
    for word in text.split():
        if rows and draw.textlength(f"{rows[-1]} {word}", font=font) <= width:
            rows[-1] = f"{rows[-1]} {word}"
        else:
            rows.append(word)
    return rows or [""]
