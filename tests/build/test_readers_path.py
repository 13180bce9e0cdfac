"""The reader's path at any date (issue 24): three calls (the real one, closed; one open with two
stages and a moved, announced stage; one forthcoming with an opening), built at fixed SITE_NOW
values and read in both languages: the home page from the data, openings, the closed notice, the
official documents section, every stage and move in the lists and the feed."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from sitebuild import ROOT, builds_at, soup
from synthetic import FORTHCOMING_CALL, OPEN_CALL, READERS_NOW, readers_path_site

REAL = "clusters-go-international-2020"
PREFIX = {"it": "", "en": "en/"}
LOCALES = ("it", "en")
# Before the opening of the forthcoming call, and years after: what the pages say must follow.
AFTER_OPENING = "2031-05-06T12:00:00+02:00"
BEFORE_DEADLINE = "2020-11-20T12:00:00+01:00"  # the real call open
DAY_AFTER = "2020-12-03T09:00:00+01:00"  # the real call closed the day before
YEARS_LATER = "2036-01-15T12:00:00+01:00"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    at = builds_at(readers_path_site(tmp_path_factory.mktemp("readers")), tmp_path_factory)
    return lambda now=READERS_NOW: at(now)


def page(site: Path, locale: str, path: str) -> Any:
    return read(site / PREFIX[locale] / path / "index.html")


def read(path: Path) -> Any:
    """The parsed page (shared: never change it), as a test reads it."""
    return soup(path)


def call_pages(site: Path, locale: str, slug: str) -> list[Path]:
    return sorted((site / PREFIX[locale] / "bandi" / slug).rglob("index.html"))


@pytest.mark.parametrize("locale", LOCALES)
def test_the_home_page_says_nothing_about_one_call_outside_its_lists(sites, locale):
    article = copy.copy(page(sites(), locale, "").select_one("article"))  # the parsed page is shared
    for listed in article.select(".calls-home"):
        listed.decompose()
    prose = article.get_text(" ")
    for title in ("Clusters Go International", "Open two stages", "Forthcoming call", "COSME", "2020"):
        assert title not in prose, title
    source = (ROOT / "docs" / f"index.{locale}.md").read_text(encoding="utf-8")
    assert not re.search(r"<!-- call:", source)  # no marker of one call either


@pytest.mark.parametrize("locale", LOCALES)
def test_the_home_page_lists_open_and_forthcoming_calls_first_with_every_stage_and_move(sites, locale):
    home = page(sites(), locale, "").select_one(".calls-home")
    live = home.select_one(".calls-index--live")
    items = live.select(":scope > li")
    assert [i.select_one(".calls-index__title a")["href"] for i in items] == [
        f"bandi/{OPEN_CALL}/",
        f"bandi/{FORTHCOMING_CALL}/",
    ]  # nearest deadline first
    two_stages = items[0]
    stages = two_stages.select(".call-stage")
    assert [s.select_one("time")["datetime"] for s in stages] == [
        "2031-03-10T17:00:00+01:00",
        "2031-06-10T17:00:00+02:00",
    ]
    assert stages[1].select_one("del time")["datetime"] == "2031-05-27T17:00:00+02:00"  # the earlier date, struck
    forthcoming = items[1]
    opening = forthcoming.select_one(".calls-index__opening time")
    assert opening["datetime"] == "2031-05-06T12:00:00+02:00"
    assert ("12:00" in opening.get_text()) and ("2031" in opening.get_text())  # date *and* time
    left = forthcoming.select_one(".call-left").get_text()
    assert left.startswith({"it": "Apre tra: 74 giorni", "en": "Opens in: 74 days"}[locale])  # to the opening
    assert [i.select_one("a")["href"] for i in home.select(".calls-index--closed > li")] == [f"bandi/{REAL}/"]
    follow = {a["href"] for a in page(sites(), locale, "").select("#calls-home-follow ~ ul a")}
    assert follow == {"bandi/", "calls.atom", "calendar/calls.ics"}
    assert (sites() / PREFIX[locale] / "calendar" / "calls.ics").read_text().count("BEGIN:VEVENT") == 4


@pytest.mark.parametrize("locale", LOCALES)
def test_the_calls_index_shows_every_stage_the_move_and_the_opening(sites, locale):
    index = page(sites(), locale, "bandi")
    [two_stages] = [i for i in index.select(".calls-index__item") if OPEN_CALL in i.select_one("a")["href"]]
    assert len(two_stages.select(".call-stage")) == 2 and two_stages.select_one(".call-moved del")
    [forthcoming] = [i for i in index.select(".calls-index__item") if FORTHCOMING_CALL in i.select_one("a")["href"]]
    assert forthcoming.select_one(".calls-index__opening time")["datetime"] == "2031-05-06T12:00:00+02:00"


@pytest.mark.parametrize("locale", LOCALES)
def test_a_forthcoming_call_shows_its_opening_and_counts_to_it(sites, locale):
    box = page(sites(), locale, f"bandi/{FORTHCOMING_CALL}").select_one("#call-deadline")
    assert box["data-state"] == "forthcoming" and box["data-opening"] == "2031-05-06T10:00:00Z"
    assert box.select_one(".call-box__opening time")["datetime"] == "2031-05-06T12:00:00+02:00"
    assert box.select_one(".call-box__left").get_text().startswith({"it": "Apre tra: ", "en": "Opens in: "}[locale])
    facts = page(sites(), locale, f"bandi/{FORTHCOMING_CALL}").select_one(".call-facts")
    assert "2031-05-06T12:00:00+02:00" in [t["datetime"] for t in facts.select("time")]
    # from the opening, it counts to the deadline
    opened = page(sites(AFTER_OPENING), locale, f"bandi/{FORTHCOMING_CALL}").select_one("#call-deadline")
    assert opened["data-state"] == "open" and not opened.select(".call-box__opening")
    assert (
        opened.select_one(".call-box__left")
        .get_text()
        .startswith({"it": "Tempo rimasto: 225 giorni", "en": "Time left: 225 days"}[locale])
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_every_page_of_a_closed_call_carries_one_notice_and_open_calls_none(sites, locale):
    notice_words = {"it": "chiuso dal 2 dicembre 2020", "en": "closed on 2 December 2020"}[locale]
    for path in call_pages(sites(), locale, REAL):
        article = read(path).select_one("article")
        [notice] = article.select(".call-closed-notice")
        assert notice_words in notice.get_text(), path
        assert notice.a["href"].rstrip("/").endswith("bandi") or notice.a["href"].endswith("../"), path
        top = article.find_all(recursive=False)[:6]  # the print line, breadcrumb, title, pages, notice
        assert article.find(class_="call-closed-notice") in top, path
    for slug in (OPEN_CALL, FORTHCOMING_CALL):
        for path in call_pages(sites(), locale, slug):
            assert not read(path).select(".call-closed-notice"), path
    # years later, everything is closed and says so
    for path in call_pages(sites(YEARS_LATER), locale, OPEN_CALL):
        assert read(path).select(".call-closed-notice"), path


@pytest.mark.parametrize("locale", LOCALES)
def test_a_closed_call_never_speaks_of_its_deadline_in_the_present(sites, locale):
    present = {
        "it": ("il termine per presentare le candidature è", "aperto solo"),
        "en": ("deadline for applications is", "open only"),
    }
    past = {"it": "era il 2 dicembre 2020", "en": "was 2 December 2020"}
    before = page(sites(BEFORE_DEADLINE), locale, f"bandi/{REAL}").select_one(".call-sentence").get_text(" ")
    assert {"it": "è il 2 dicembre 2020", "en": "is 2 December 2020"}[locale] in " ".join(before.split())
    assert not read(call_pages(sites(BEFORE_DEADLINE), locale, REAL)[0]).select(".call-closed-notice")
    for now in (DAY_AFTER, READERS_NOW, YEARS_LATER):
        for path in call_pages(sites(now), locale, REAL):
            text = " ".join(read(path).select_one("article").get_text(" ").split()).lower()
            for words in present[locale]:
                assert words not in text, (now, path, words)
        main = page(sites(now), locale, f"bandi/{REAL}").select_one(".call-sentence").get_text(" ")
        assert past[locale] in " ".join(main.split())


@pytest.mark.parametrize("locale", LOCALES)
def test_every_call_main_page_has_the_documents_section_in_its_table_of_contents(sites, locale):
    for slug in (REAL, OPEN_CALL, FORTHCOMING_CALL):
        built = page(sites(), locale, f"bandi/{slug}")
        assert built.select_one("article h2#call-documents"), slug
        assert built.select_one('nav.md-nav--secondary a[href="#call-documents"]'), slug
    open_call = page(sites(), locale, f"bandi/{OPEN_CALL}")
    hrefs = [a["href"] for a in open_call.select(".call-documents a")]
    assert hrefs == ["https://example.org/topic"]  # confirmed; the unconfirmed submission address never shown
    assert open_call.select_one(".call-facts a")["href"] == "https://example.org/topic"  # the identifier links it
    assert "example.org/unchecked" not in str(open_call)
    assert not page(sites(), locale, f"bandi/{FORTHCOMING_CALL}").select(".call-documents a")


@pytest.mark.parametrize("locale", LOCALES)
def test_a_moved_stage_with_its_announcement_day_is_listed_under_updates(sites, locale):
    built = page(sites(), locale, f"bandi/{OPEN_CALL}")
    assert built.select_one("article h2#call-updates")
    [item] = built.select(".call-updates li")
    assert item.time["datetime"] == "2031-02-01"
    assert {"it": "prorogata", "en": "extended"}[locale] in item.get_text()
    feed = etree.fromstring((sites() / PREFIX[locale] / "calls.atom").read_bytes())
    [entry] = [e for e in feed.iter(f"{ATOM}entry") if OPEN_CALL in (e.findtext(f"{ATOM}id") or "")]
    title = entry.findtext(f"{ATOM}title") or ""
    assert "10 " in title and "2031" in title and {"it": "prima era", "en": "was"}[locale] in title  # stages, the move
    assert entry.findtext(f"{ATOM}updated") == "2031-01-31T23:00:00+00:00"  # the day it was announced, in Brussels


@pytest.mark.parametrize("locale", LOCALES)
def test_the_call_pages_are_linked_under_the_title_and_sub_pages_have_a_one_line_strip(sites, locale):
    for path in call_pages(sites(), locale, OPEN_CALL):
        article = read(path).select_one("article")
        menu = article.h1.find_next_sibling()
        assert "call-pages" in menu["class"] and len(menu.select("a")) == 2
        assert menu.select_one("a[aria-current=page]")
    sub = page(sites(), locale, f"bandi/{OPEN_CALL}/dettagli").select_one("article")
    strip = sub.select_one(".call-strip")
    assert strip["data-state"] == "open" and not sub.select(".call-box")
    assert strip.select_one("a")["href"] == "../#call-deadline"
    assert not read(call_pages(sites(), locale, OPEN_CALL)[0]).select(".call-breadcrumb abbr")


# Issue 25: what stays true at any date. Words that were true only before the deadline, or only
# while a programme or a funding period lasted, per language.
NOT_AFTER_THE_DEADLINE = {
    "it": (
        "il termine per presentare le candidature è",
        "aperto solo",
        "era previsto per",
        "finanzia il bando",
        "sono finanziati dai",
        "guardate il webinar",
    ),
    "en": (
        "deadline for applications is",
        "open only",
        "was scheduled for",
        "funds the clusters",
        "are financed by",
        "watch the",
    ),
}


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("now", [DAY_AFTER, YEARS_LATER, AFTER_OPENING])
def test_no_page_says_in_the_present_what_ended_with_the_call_or_its_programme(sites, locale, now):
    site = sites(now)
    prefix = site / PREFIX[locale] if PREFIX[locale] else site
    pages = [p for p in prefix.rglob("index.html") if locale == "en" or "en" not in p.relative_to(site).parts[:1]]
    assert len(pages) > 10
    for path in pages:
        text = " ".join(read(path).get_text(" ").split()).lower()
        for words in NOT_AFTER_THE_DEADLINE[locale]:
            assert words not in text, (now, path, words)


@pytest.mark.parametrize("locale", LOCALES)
def test_the_webinar_is_said_as_announced_before_and_after_early_november_2020(sites, locale):
    box = "article .call-box--approximate"
    before = page(sites(BEFORE_DEADLINE), locale, f"bandi/{REAL}/webinar").select_one(box)
    assert before is not None  # 20 November 2020: "early November" is over, the deadline is not
    for now in (BEFORE_DEADLINE, DAY_AFTER, YEARS_LATER):
        text = " ".join(page(sites(now), locale, f"bandi/{REAL}/webinar").select_one(box).get_text(" ").split())
        assert {"it": "annunciato come disponibile a inizio novembre 2020", "en": "announced as available in early"}[
            locale
        ] in text, (now, text)
        assert {"it": "non ha il link", "en": "holds no link"}[locale] in text
        for invented in ("novembre 2020,", "November 2020,", " ore ", ":00"):
            assert invented not in text, (now, text)  # no day or hour the source does not give


@pytest.mark.parametrize("locale", LOCALES)
def test_the_open_data_page_says_the_json_ld_deadline_is_there_only_while_a_call_is_open(sites, locale):
    text = " ".join(page(sites(YEARS_LATER), locale, "dati-aperti").select_one("article").get_text(" ").split())
    assert {"it": "solo finché il bando non è chiuso", "en": "only while the call is not closed"}[locale] in text
    main = page(sites(YEARS_LATER), locale, f"bandi/{REAL}")
    data = " ".join(s.get_text() for s in main.select('script[type="application/ld+json"]'))
    assert "ApplyAction" not in data and "endTime" not in data
