"""Social cards: what a call's card says (both languages, no status), and the cache."""

import io
from pathlib import Path

from PIL import Image, ImageFont

from calldata import make_call, two_stage_call
from sitebuild import ROOT
from sitekit import messages
from sitekit.problems import SiteDataError
from sitekit.publish import cards
from sitekit.strings import load_strings

STRINGS = load_strings(ROOT / "data" / "strings", ["it", "en"])


def test_a_call_card_has_title_programme_and_every_deadline_in_both_languages():
    call = two_stage_call()
    texts = [line.text for line in cards.call_card_lines(call, STRINGS)]
    assert texts[0] == "COSME" and "Bando di prova" in texts and "Test call" in texts
    assert (
        "Scadenza: Prima fase: 10 febbraio 2021, ore 17:00\xa0CET; Seconda fase: 10 giugno 2021, ore 17:00\xa0CEST"
        in texts
    )
    assert "Deadline: First stage: 10 February 2021, 17:00\xa0CET; Second stage: 10 June 2021, 17:00\xa0CEST" in texts
    assert not any(word in " ".join(texts) for word in ("Aperto", "Open", "Chiuso", "Closed"))


def test_an_unchanged_card_comes_from_the_cache(tmp_path: Path, monkeypatch):
    lines = cards.call_card_lines(make_call(), STRINGS)
    first = cards.card_png(lines, tmp_path)
    monkeypatch.setattr(cards, "_draw", lambda *a: (_ for _ in ()).throw(AssertionError("redrawn")))
    monkeypatch.setattr(cards, "_known", {})  # another process: the card file is read
    assert cards.card_png(lines, tmp_path) == first
    assert first.startswith(b"\x89PNG")


def test_a_card_this_process_has_made_is_not_read_again(tmp_path: Path, monkeypatch):
    lines = cards.call_card_lines(make_call(), STRINGS)
    first = cards.card_png(lines, tmp_path)
    for made in tmp_path.iterdir():
        made.unlink()
    monkeypatch.setattr(cards, "_draw", lambda *a: (_ for _ in ()).throw(AssertionError("redrawn")))
    assert cards.card_png(lines, tmp_path) == first
    other = [*lines[:-1], cards.replace(lines[-1], text="Deadline: 11 June 2021")]
    monkeypatch.undo()
    assert cards.card_png(other, tmp_path) != first  # another text: another card


def test_a_missing_font_names_the_package_to_install(monkeypatch):
    monkeypatch.setattr(cards, "FONT_DIRS", ("/nonexistent/fonts",))
    try:
        cards.font_files()
    except cards.FontMissing as err:
        assert "fonts-dejavu-core" in str(err)
    else:
        raise AssertionError("no FontMissing")


# What a card looks like: read from its pixels, at full size and at the size a timeline shows it.

DARK = 100  # luminance below which a pixel is ink (every ink of the card is darker; white is 255)


def card_image(lines: list[cards.Line]) -> Image.Image:
    return Image.open(io.BytesIO(cards.card_png(lines))).convert("L")


def ink_box(image: Image.Image, below: int) -> tuple[int, int, int, int]:
    """The box around every ink pixel below the accent bar (`below`: its height)."""
    ink = image.crop((0, below, *image.size)).point(lambda v: 255 if v < DARK else 0)
    box = ink.getbbox()
    assert box is not None, "no ink at all"
    return (box[0], box[1] + below, box[2], box[3] + below)


def ink_bands(image: Image.Image, below: int) -> list[tuple[int, int]]:
    """(top, bottom) of each run of pixel rows holding ink, top to bottom."""
    width, height = image.size
    pixels = image.tobytes()  # one byte per pixel (mode L), row after row
    inked = [min(pixels[y * width : (y + 1) * width]) < DARK for y in range(height)]
    bands: list[tuple[int, int]] = []
    for y in range(below, height):
        if inked[y] and (not bands or bands[-1][1] != y - 1):
            bands.append((y, y))
        elif inked[y]:
            bands[-1] = (bands[-1][0], y)
    return bands


BAR = 15  # the accent bar at the top of a card, 14 pixels high
RIGHT_MARGIN = cards.SIZE[0] - cards.MARGIN


def test_a_300_character_unbroken_title_stays_inside_the_card():
    call = make_call(title={"it": "W" * 300, "en": "Supercalifragilistichespiralidoso" * 9 + "x" * 3})
    image = card_image(cards.call_card_lines(call, STRINGS))
    left, _top, right, bottom = ink_box(image, BAR)
    assert left >= cards.MARGIN - 2 and right <= RIGHT_MARGIN, (left, right)  # no ink in the right margin
    assert bottom <= cards.SIZE[1] - cards.MARGIN // 2, bottom
    assert right >= RIGHT_MARGIN - 60  # the rows are full: broken inside the word, not left short


def test_an_absurdly_long_title_is_cut_with_an_ellipsis_after_three_rows_each_within_the_width():
    call = make_call(title={"it": "parola " * 200, "en": "W" * 300})
    rows = cards.layout(cards.call_card_lines(call, STRINGS), cards.font_files())
    titles = [row for row in rows if row.bold and row.colour == cards.INK]
    assert len(titles) == 6  # three rows per title
    assert [row.text.endswith(cards.ELLIPSIS) for row in titles] == [False, False, True] * 2
    for row in rows:
        path = cards.font_files()["bold" if row.bold else "regular"]
        assert ImageFont.truetype(str(path), row.size).getlength(row.text) <= cards.WIDTH, row
    assert any(row.text.startswith("Scadenza:") for row in rows) and any(
        row.text.startswith("Deadline:") for row in rows
    )


def test_a_long_word_among_others_is_broken_where_the_row_ends():
    rows = cards._wrap("Bando " + "A" * 50 + " finale", lambda text: 10.0 * len(text), 200, 10)
    assert rows == ["Bando", "A" * 20, "A" * 20, "A" * 10 + " finale"]


def test_a_normal_title_stays_large_on_one_row_within_the_margins():
    lines = cards.call_card_lines(make_call(), STRINGS)
    rows = cards.layout(lines, cards.font_files())
    assert [(row.text, row.size) for row in rows[:3]] == [("COSME", 30), ("Bando di prova", 44), ("Test call", 44)]
    image = card_image(lines)
    left, top, right, bottom = ink_box(image, BAR)
    assert left >= cards.MARGIN - 2 and top >= cards.MARGIN and right <= RIGHT_MARGIN
    assert bottom <= cards.SIZE[1] // 2 + 100  # a short card: the text is not spread to fill it
    long_title = "Bando per la transizione digitale e verde delle piccole e medie imprese dei cluster regionali"
    rows = cards.layout(
        cards.call_card_lines(make_call(title={"it": long_title, "en": long_title}), STRINGS), cards.font_files()
    )
    assert {row.size for row in rows if row.colour == cards.INK} == {52}  # one title: the largest size, on two rows


def test_the_title_is_still_legible_at_half_size():
    # the smallest a title gets: two titles, each too long for three rows at the smallest size
    call = make_call(title={"it": "XXXXXXXX " * 40, "en": "XXXX " * 80})
    image = card_image(cards.call_card_lines(call, STRINGS)).resize((600, 315), Image.Resampling.LANCZOS)
    _programme, first_title_row, *_ = ink_bands(image, BAR // 2 + 1)
    assert first_title_row[1] - first_title_row[0] + 1 >= 12  # the capitals' height, in pixels of the small card


def test_the_coverage_of_the_font_agrees_with_what_it_draws():
    path = str(cards.font_files()["bold"])
    font = ImageFont.truetype(path, 40)
    empty_box = bytes(font.getmask("\U000f0000"))  # a private-use character no font here has
    for char in "Aé€…ΩЖ中🚀ǅ":
        assert (ord(char) in cards.coverage(path)) == (bytes(font.getmask(char)) != empty_box), char


def test_a_character_the_font_lacks_is_named_with_its_file_line_and_field(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("SITE_MESSAGES", "en")
    (tmp_path / "data" / "calls").mkdir(parents=True)
    (tmp_path / "data" / "calls" / "test-call.yml").write_text(
        "id: TEST-01\nprogramme: COSME\ntitle:\n  it: Bando 🚀 di prova\n  en: Call for 中文 partners\n",
        encoding="utf-8",
    )
    call = make_call(title={"it": "Bando 🚀 di prova", "en": "Call for 中文 partners"})
    try:
        cards.social_cards([call], STRINGS, "Clust-ER", tmp_path / "cache", tmp_path)
    except SiteDataError as err:
        problems = [str(problem) for problem in err.problems]
    else:
        raise AssertionError("no problem for characters the card cannot draw")
    assert problems == [
        'data/calls/test-call.yml:4: title.it: has "🚀" (ROCKET, U+1F680), which the font of the social card '
        "(DejaVuSans-Bold) cannot draw (it would be an empty box); write it in words or leave it out of this text",
        'data/calls/test-call.yml:5: title.en: has "中" (CJK UNIFIED IDEOGRAPH-4E2D, U+4E2D), "文" (CJK UNIFIED '
        "IDEOGRAPH-6587, U+6587), which the font of the social card (DejaVuSans-Bold) cannot draw (it would be an "
        "empty box); write it in words or leave it out of this text",
    ]
    assert not (tmp_path / "cache").exists()  # nothing drawn


def test_the_character_problem_is_in_italian_by_default(monkeypatch):
    monkeypatch.delenv("SITE_MESSAGES", raising=False)
    monkeypatch.setattr(messages, "_site_language", "it")  # the site's default language, as the hooks set it
    call = make_call(
        deadline={"local": "2020-12-02 17:00", "zone": "Europe/Brussels"}, programme="COSME \U0001f1ea\U0001f1fa"
    )
    try:
        cards.social_cards([call], STRINGS, "Clust-ER")
    except SiteDataError as err:
        message = str(err)
    else:
        raise AssertionError("no problem for a character the card cannot draw")
    assert (
        'data/calls/test-call.yml: programme: contiene "\U0001f1ea" (REGIONAL INDICATOR SYMBOL LETTER E, U+1F1EA)'
        in message
    ), message
    assert "scrivetelo a parole" in message


def test_joiners_and_variation_selectors_are_not_reported_the_text_shaper_hides_them():
    path = str(cards.font_files()["regular"])
    assert cards.undrawable("Bando\u200d di prova\ufe0f", path) == ()
    assert cards.undrawable("Bando \u2603\ufe0f", path) == ()  # a snowman the font has, asked in emoji style


def test_a_site_name_the_card_cannot_draw_is_named_at_its_line_in_mkdocs_yml(monkeypatch):
    monkeypatch.setenv("SITE_MESSAGES", "en")
    try:
        cards.social_cards([], STRINGS, "Clust-ER 🇪🇺", root=ROOT)  # mkdocs.yml has !ENV tags: found by its text
    except SiteDataError as err:
        (problem,) = err.problems
    else:
        raise AssertionError("no problem for a character the card cannot draw")
    line = next(
        n for n, row in enumerate((ROOT / "mkdocs.yml").read_text().splitlines(), 1) if row.startswith("site_name:")
    )
    assert (problem.file, problem.line, problem.field) == ("mkdocs.yml", line, "site_name")
    assert '"\U0001f1ea" (REGIONAL INDICATOR SYMBOL LETTER E, U+1F1EA), "\U0001f1fa"' in problem.message
