"""Social cards: what a call's card says (both languages, no status), and the cache."""

from pathlib import Path

from calldata import make_call, two_stage_call
from sitebuild import ROOT
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
    assert cards.card_png(lines, tmp_path) == first
    assert first.startswith(b"\x89PNG")


def test_a_missing_font_names_the_package_to_install(monkeypatch):
    monkeypatch.setattr(cards, "FONT_DIRS", ("/nonexistent/fonts",))
    try:
        cards.font_files()
    except cards.FontMissing as err:
        assert "fonts-dejavu-core" in str(err)
    else:
        raise AssertionError("no FontMissing")
