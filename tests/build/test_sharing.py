"""Sharing (DESIGN.md contract 10): Open Graph and Twitter card on every page, a card image per call."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import urlsplit

from PIL import Image

from sitebuild import build, html_pages, soup
from sitekit.inputs.cachedir import cache_dir
from synthetic import call_yaml, make_site

SITE_URL = "https://clust-er.github.io/bandi/"
OG_LOCALE = {"it": "it_IT", "en": "en_GB"}


def meta(page, name: str) -> list[str]:
    return [m["content"] for m in page.select(f'meta[property="{name}"], meta[name="{name}"]')]


def local_file(site: Path, url: str) -> Path:
    assert url.startswith(SITE_URL), url
    return site / urlsplit(url).path.removeprefix(urlsplit(SITE_URL).path)


def test_every_page_has_open_graph_and_twitter_card_metadata(site_dir):
    for path in html_pages(site_dir):
        page = soup(path)
        # the root 404 page is the default language's (its chrome Italian, its body both languages)
        locale = "en" if path.relative_to(site_dir).parts[0] == "en" else "it"
        for name in ("og:title", "og:description", "og:url", "og:image", "og:image:alt", "twitter:card"):
            assert len(meta(page, name)) == 1 and meta(page, name)[0].strip(), (path, name)
        assert meta(page, "og:locale") == [OG_LOCALE[locale]], path
        assert meta(page, "og:locale:alternate") == [v for k, v in OG_LOCALE.items() if k != locale], path
        canonical = page.select_one('link[rel="canonical"]')
        if canonical is not None:
            assert meta(page, "og:url") == [canonical["href"]], path
        image = local_file(site_dir, meta(page, "og:image")[0])
        with Image.open(image) as png:
            assert png.format == "PNG" and png.size[0] >= 1200 and png.size[1] >= 630, path


def test_og_title_and_description_speak_the_page_language(site_dir):
    it = soup(site_dir / "bandi" / "clusters-go-international-2020" / "sezione-a" / "index.html")
    en = soup(site_dir / "en" / "bandi" / "clusters-go-international-2020" / "sezione-a" / "index.html")
    assert meta(it, "og:title") == [it.title.get_text().split(" - ")[0]]
    assert meta(it, "og:description") == [it.select_one('meta[name="description"]')["content"]]
    assert meta(en, "og:description") == [en.select_one('meta[name="description"]')["content"]]
    assert meta(it, "og:title") != meta(en, "og:title")


def test_og_title_is_the_title_the_page_gives_itself_home_pages_included(site_dir):
    for path in html_pages(site_dir):
        page = soup(path)
        site_name = str(meta(page, "og:site_name")[0])
        title = page.title.get_text()
        own = title.removesuffix(f" - {site_name}") if title != site_name else site_name
        assert meta(page, "og:title") == [own], path
    homes = [soup(site_dir / "index.html"), soup(site_dir / "en" / "index.html")]
    assert [meta(home, "og:title")[0] for home in homes] == [home.select_one("h1").get_text() for home in homes]


def test_the_shared_image_says_what_it_shows_in_the_page_language(site_dir):
    it = soup(site_dir / "bandi" / "clusters-go-international-2020" / "index.html")
    en = soup(site_dir / "en" / "bandi" / "clusters-go-international-2020" / "index.html")
    assert meta(it, "og:image:alt") == [
        "COSME. Clusters Go International 2020. Scadenza: 2 dicembre 2020, ore 17:00\xa0CET"
    ]
    assert meta(en, "og:image:alt") == [
        "COSME. Clusters Go International 2020. Deadline: 2 December 2020, 17:00\xa0CET"
    ]
    home = meta(soup(site_dir / "en" / "index.html"), "og:image:alt")[0]
    assert "EU funding calls for the Emilia-Romagna clusters" in home


def test_a_call_page_shares_the_call_card_and_other_pages_the_site_card(site_dir):
    call = meta(
        soup(site_dir / "en" / "bandi" / "clusters-go-international-2020" / "webinar" / "index.html"), "og:image"
    )
    other = meta(soup(site_dir / "glossario" / "index.html"), "og:image")
    assert call == [SITE_URL + "assets/cards/clusters-go-international-2020.png"]
    assert other == [SITE_URL + "assets/cards/site.png"]


def test_call_cards_are_1200_by_630_and_do_not_change_with_the_status(tmp_path):
    calls = {"card-call": call_yaml("2027-04-30 12:00", "Card call")}
    project = make_site(tmp_path, calls)
    cards = []
    for now in ("2027-03-01T12:00:00+01:00", "2027-05-01T12:00:00+01:00"):  # open, then closed
        out = tmp_path / now[:10]
        result = build(project, out, site_now=now)
        assert result.returncode == 0, result.output
        cards.append((out / "assets" / "cards" / "card-call.png").read_bytes())
    assert cards[0] == cards[1]
    with Image.open(io.BytesIO(cards[0])) as png:
        assert png.size == (1200, 630)
    assert list(cache_dir(project, "cards").glob("*.png"))  # drawn once, then read from the cache


def test_a_title_the_card_cannot_draw_stops_the_build_naming_file_line_field_and_character(tmp_path):
    data = call_yaml("2027-04-30 12:00", "Card call")
    data["title"]["it"] = "Bando 🚀 per le imprese"
    project = make_site(tmp_path, {"card-emoji": data})
    text = (project / "data" / "calls" / "card-emoji.yml").read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "🚀" in row)
    result = build(project, tmp_path / "site", extra_env={"SITE_MESSAGES": None})  # the editors' language
    assert result.returncode != 0
    assert (
        f'data/calls/card-emoji.yml:{line}: title.it: contiene "🚀" (ROCKET, U+1F680), che il font '
        "dell'immagine per la condivisione (DejaVuSans-Bold) non sa disegnare" in result.output
    ), result.output
    assert "Traceback" not in result.output
    assert not list((tmp_path / "site").glob("**/*.png"))  # no site, no card with an empty box
