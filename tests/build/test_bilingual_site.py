"""The real site, built strict: both languages, right `lang`, alternates, facts, no third parties."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from conftest import LOCALES, PREFIX, ROOT
from sitebuild import html_pages, soup

SITE_URL = "https://clust-er.github.io/bandi/"
DOCS = ROOT / "docs"


def page_paths() -> list[str]:
    """Output path of every page below a language root: "", "bandi/", "chi-siamo/" ..."""
    paths = []
    for md in sorted(DOCS.rglob("*.it.md")):
        rel = md.relative_to(DOCS).as_posix().removesuffix(".it.md")
        rel = rel.removesuffix("index")
        paths.append(rel if rel == "" or rel.endswith("/") else rel + "/")
    return paths


def out_file(site: Path, locale: str, path: str) -> Path:
    return site / PREFIX[locale] / path / "index.html"


@pytest.mark.parametrize("path", page_paths())
def test_every_page_exists_in_both_languages_with_its_lang(site_dir, path):
    for locale in LOCALES:
        html = soup(out_file(site_dir, locale, path))
        assert html.html["lang"] == locale, (locale, path)


@pytest.mark.parametrize("path", page_paths())
def test_hreflang_alternates_are_absolute_and_point_at_the_same_page(site_dir, path):
    for locale in LOCALES:
        links = {
            link["hreflang"]: link["href"]
            for link in soup(out_file(site_dir, locale, path)).select("link[rel=alternate][hreflang]")
        }
        assert links == {
            "it": SITE_URL + path,
            "en": SITE_URL + "en/" + path,
            "x-default": SITE_URL + path,
        }


@pytest.mark.parametrize("path", page_paths())
def test_language_selector_goes_to_the_same_page(site_dir, path):
    html = soup(out_file(site_dir, "it", path))
    english = str(html.select_one('a.md-select__link[hreflang="en"]')["href"])
    target = (out_file(site_dir, "it", path).parent / english).resolve()
    assert target in (out_file(site_dir, "en", path).parent.resolve(), out_file(site_dir, "en", path).resolve())


def test_page_titles_follow_one_pattern_in_both_languages(site_dir):
    for locale, site_name in (("it", "Clust-ER · Bandi europei"), ("en", "Clust-ER · EU funding calls")):
        for path in page_paths():
            html = soup(out_file(site_dir, locale, path))
            h1 = html.select_one("article h1").get_text(" ", strip=True)
            assert html.title.string == f"{h1} - {site_name}", (locale, path)


def test_navigation_titles_are_translated(site_dir):
    it_nav = [
        a.get_text(strip=True) for a in soup(out_file(site_dir, "it", "")).select("nav.md-nav--primary > ul > li > a")
    ]
    en_nav = [
        a.get_text(strip=True) for a in soup(out_file(site_dir, "en", "")).select("nav.md-nav--primary > ul > li > a")
    ]
    assert "Glossario" in it_nav and "Glossary" in en_nav
    assert "Chi siamo" in it_nav and "About" in en_nav
    assert "Calls" in en_nav and "Bandi" not in en_nav


def test_material_interface_speaks_the_page_language(site_dir):
    it = soup(out_file(site_dir, "it", "")).select_one("input.md-search__input")["placeholder"]
    en = soup(out_file(site_dir, "en", "")).select_one("input.md-search__input")["placeholder"]
    assert it == "Cerca" and en == "Search"


KEY_FACTS = {
    "it": [
        "COSME",
        "Commissione europea",
        "ECCP",
        "ESCP-4i",
        "Sezione A",
        "Sezione B",
        "duplice uso",
        "almeno due paesi terzi",
        "al massimo due",
        "POR FESR 2014-2020",
    ],
    "en": [
        "COSME",
        "European Commission",
        "ECCP",
        "ESCP-4i",
        "Strand A",
        "Strand B",
        "dual-use",
        "at least two third countries",
        "up to two",
        "ERDF ROP 2014-2020",
    ],
}


@pytest.mark.parametrize("locale", LOCALES)
def test_key_facts_of_the_call_are_on_the_site_in_both_languages(site_dir, locale):
    text = " ".join(
        soup(out_file(site_dir, locale, path)).select_one("article").get_text(" ", strip=True) for path in page_paths()
    )
    for fact in KEY_FACTS[locale]:
        assert fact in text, (locale, fact)


def test_no_page_loads_anything_from_another_host(site_dir):
    for page in html_pages(site_dir):
        html = soup(page)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src")):
            for el in html.find_all(tag):
                url = el.get(attr)
                if not url or (tag == "link" and el.get("rel") in (["alternate"], ["canonical"])):
                    continue
                assert not urlparse(str(url)).netloc, f"{page}: <{tag} {attr}={url}>"
        assert "fonts.googleapis" not in page.read_text(encoding="utf-8"), page


@pytest.mark.parametrize("locale", LOCALES)
def test_each_language_has_its_own_search_index(site_dir, locale):
    index = json.loads((site_dir / PREFIX[locale] / "search" / "search_index.json").read_text())
    assert index["config"]["lang"] == [locale]
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert set(page_paths()) <= locations
    assert not any(loc.startswith("en/") for loc in locations)
    titles = " ".join(doc["title"] for doc in index["docs"])
    assert ("Glossario" in titles) == (locale == "it")
    assert ("Glossary" in titles) == (locale == "en")


@pytest.mark.parametrize("locale", LOCALES)
def test_search_results_of_call_pages_open_with_their_text_not_the_deadline_box(site_dir, locale):
    """The call's main page shows the deadline box, countdown included, its other pages a one-line
    strip; the index leaves both out (they would open every result, and "time left" as of the build
    is stale)."""
    index = json.loads((site_dir / PREFIX[locale] / "search" / "search_index.json").read_text())
    strings = yaml.safe_load((ROOT / "data" / "strings" / f"{locale}.yml").read_text(encoding="utf-8"))
    time_left = strings["calls"]["time_left"].split("{")[0].strip()  # "Tempo rimasto:" / "Time left:"
    call_pages = [
        d
        for d in index["docs"]
        if "bandi/clusters-go-international-2020/" in d["location"] and "#" not in d["location"]
    ]
    assert len(call_pages) == 5
    for doc in call_pages:
        page = out_file(site_dir, locale, doc["location"])
        top = soup(page).select_one("aside.call-box--deadline, p.call-strip")
        assert time_left in top.get_text() or "call-strip" in top["class"], page
        assert time_left not in doc["text"], doc["location"]
        assert top.select_one("time").get_text() not in doc["text"].split(".")[0], doc["location"]
    facts = next(d for d in call_pages if d["location"].endswith("clusters-go-international-2020/"))
    assert "COS-CLUSINT-2020-3-01" in facts["text"]  # the facts, deadline included, stay searchable


@pytest.mark.parametrize("locale", LOCALES)
def test_the_call_listings_are_shown_but_not_searched_each_call_is_found_on_its_own_pages(site_dir, locale):
    """The home page and the calls index list every call with its time left as of the build: in the
    search index they would answer every search for a call a second and third time, with a stale
    countdown (and, at 500 calls, a third of the index). They are put in after it read the pages."""
    index = json.loads((site_dir / PREFIX[locale] / "search" / "search_index.json").read_text())
    strings = yaml.safe_load((ROOT / "data" / "strings" / f"{locale}.yml").read_text(encoding="utf-8"))
    call = yaml.safe_load((ROOT / "data" / "calls" / "clusters-go-international-2020.yml").read_text(encoding="utf-8"))
    summary = call["summary"][locale].replace("\u2019", "'")
    time_left = strings["calls"]["time_left"].split("{")[0].strip()
    for path in ("", "bandi/"):
        shown = soup(out_file(site_dir, locale, path))
        listing = shown.select_one(".calls-index")
        assert listing is not None and summary in listing.get_text().replace("\u2019", "'"), path  # shown
        assert time_left in listing.get_text(), path
        searched = " ".join(d["text"] for d in index["docs"] if d["location"].split("#")[0] == path)
        assert searched, f"{path or 'home'}: the page's own text is still searched"
        assert summary not in searched.replace("\u2019", "'") and time_left not in searched, path
    assert any(d["location"].startswith("bandi/clusters-go-international-2020/") for d in index["docs"]), (
        "the call is found on its own pages"
    )


def test_english_pages_load_the_english_search_index(site_dir):
    for path in page_paths():
        page = out_file(site_dir, "en", path)
        config = json.loads(soup(page).select_one("script#__config").get_text())
        base = (page.parent / config["base"]).resolve()
        assert config["base"].endswith("/") and base == (site_dir / "en").resolve(), path


def test_each_language_root_has_a_sitemap_for_the_language_selector(site_dir):
    assert (site_dir / "sitemap.xml").exists()
    english = (site_dir / "en" / "sitemap.xml").read_text()
    assert SITE_URL + "en/glossario/" in english and SITE_URL + "glossario/" + "</loc>" not in english


def test_404_page_speaks_both_languages_with_absolute_links(site_dir):
    html = soup(site_dir / "404.html")
    sections = {s["lang"]: s for s in html.select("section.not-found")}
    assert set(sections) == set(LOCALES)
    assert sections["en"].a["href"] == SITE_URL + "en/"
    for tag in html.select("link[rel=stylesheet], script[src]"):
        assert (tag.get("href") or tag.get("src")).startswith("/bandi/"), tag


def test_pages_load_the_stemming_search_worker_which_wraps_materials_own(site_dir):
    worker = site_dir / "assets" / "javascripts" / "workers" / "search-stemmed.js"
    imported = re.search(r'importScripts\("([^"]+)"\)', worker.read_text(encoding="utf-8")).group(1)
    assert (worker.parent / imported).is_file(), f"Material's worker {imported} is gone: update search-stemmed.js"
    for locale in LOCALES:
        page = out_file(site_dir, locale, "glossario/")
        config = json.loads(soup(page).select_one("script#__config").get_text())
        assert (page.parent / config["search"]).resolve() == worker.resolve()
