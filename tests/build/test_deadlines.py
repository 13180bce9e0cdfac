"""The real call on the real site, built at several moments: state, texts, box, links, calendar files."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from icalendar import Calendar

from conftest import LOCALES, PREFIX, ROOT
from sitebuild import builds_at, soup
from sitekit.theme.minify import minify_text

CALL = "clusters-go-international-2020"
# The home page (it lists the call) and the call's own pages.
CALL_PAGES = [
    "",
    "bandi/clusters-go-international-2020/",
    "bandi/clusters-go-international-2020/sezione-a/",
    "bandi/clusters-go-international-2020/sezione-b/",
    "bandi/clusters-go-international-2020/come-partecipare/",
    "bandi/clusters-go-international-2020/webinar/",
]
DEADLINE_TEXT = {"it": "2 dicembre 2020, ore 17:00\xa0CET", "en": "2 December 2020, 17:00\xa0CET"}
CLOSED_TEXT = {"it": "Il bando è chiuso dal 2 dicembre 2020", "en": "This call closed on 2 December 2020"}
BADGE = {
    "it": {"open": "Aperto", "closing": "In scadenza", "closed": "Chiuso"},
    "en": {"open": "Open", "closing": "Closing soon", "closed": "Closed"},
}
MOMENTS = {  # SITE_NOW -> the state every deadline element must show
    "2020-11-20T12:00:00+01:00": "open",
    "2020-11-25T17:00:00+01:00": "open",  # exactly 7 days left: not yet "less than 7 days"
    "2020-11-25T17:00:01+01:00": "closing",
    "2020-12-02T16:59:59+01:00": "closing",
    "2020-12-02T17:00:01+01:00": "closed",
    None: "closed",  # today (unset SITE_NOW): the real call is long closed
}


@pytest.fixture(scope="module")
def sites(tmp_path_factory, site_dir):
    """{SITE_NOW: site dir}; each built once, on first use."""
    return builds_at(ROOT, tmp_path_factory, {"2020-11-20T12:00:00+01:00": site_dir})


def page(site: Path, locale: str, path: str):
    return soup(site / PREFIX[locale] / path / "index.html")


@pytest.mark.parametrize("now, state", MOMENTS.items())
@pytest.mark.parametrize("locale", LOCALES)
def test_every_deadline_shows_the_state_as_of_the_build(sites, now, state, locale):
    site = sites(now)
    for path in CALL_PAGES + ["bandi/"]:  # the home page, the call's pages, the calls index
        elements = page(site, locale, path).select("article [data-deadline]")
        assert elements, path
        for el in elements:
            assert el["data-deadline"] == "2020-12-02T16:00:00Z"
            assert el["data-state"] == state, (path, el)
            assert el.time["datetime"] == "2020-12-02T17:00:00+01:00"
            assert el.time.get_text(strip=True) == DEADLINE_TEXT[locale]
            for badge in el.select(".call-badge"):
                assert badge.get_text(strip=True) == BADGE[locale][state]


@pytest.mark.parametrize("locale", LOCALES)
def test_the_main_page_opens_with_the_box_and_the_others_with_a_one_line_strip(site_dir, locale):
    for path in CALL_PAGES[1:]:  # the home page lists calls instead (contract 9)
        article = page(site_dir, locale, path).select_one("article")
        menu = article.h1.find_next_sibling()
        assert "call-pages" in menu["class"], path  # the call's own pages, under the title
        first = menu.find_next_sibling()
        if path == CALL_PAGES[1]:
            assert "call-box--deadline" in first["class"] and len(article.select(".call-box--deadline")) == 1
        else:
            assert "call-strip" in first["class"] and not article.select(".call-box--deadline"), path
            details = first.select_one("a.call-strip__details")["href"]
            assert details.endswith("#call-deadline") and "call-deadline" in details


@pytest.mark.parametrize(
    "locale, left", [("it", "Tempo rimasto: 12 giorni e 5 ore"), ("en", "Time left: 12 days and 5 hours")]
)
def test_open_call_shows_time_left_and_a_calendar_link(site_dir, locale, left):
    box = page(site_dir, locale, CALL_PAGES[1]).select_one(".call-box--deadline")
    assert box.select_one(".call-box__left").get_text(strip=True) == left
    link = box.select_one(".call-box__calendar a")
    assert link.get_text(strip=True) == {"it": "Aggiungete al calendario", "en": "Add to calendar"}[locale]
    target = (site_dir / PREFIX[locale] / CALL_PAGES[1] / link["href"]).resolve()
    assert target == (site_dir / PREFIX[locale] / "calendar" / f"{CALL}-deadline.ics").resolve() and target.exists()
    assert not box.select_one(".call-box__state-text").get_text(strip=True)


@pytest.mark.parametrize("locale", LOCALES)
def test_closed_call_says_so_plainly_with_no_countdown(sites, locale):
    site = sites(None)
    box = page(site, locale, CALL_PAGES[1]).select_one(".call-box--deadline")
    assert (
        box.select_one(".call-box__status").get_text(" ", strip=True)
        == f"{BADGE[locale]['closed']} {CLOSED_TEXT[locale]}"
    )
    assert not box.select(".call-box__left") and not box.select(".call-box__calendar")
    for path in CALL_PAGES[2:]:
        strip = page(site, locale, path).select_one(".call-strip")
        assert strip["data-state"] == "closed" and strip.select_one(".call-badge").get_text() == BADGE[locale]["closed"]
    assert CLOSED_TEXT[locale] not in page(sites("2020-12-02T16:59:59+01:00"), locale, CALL_PAGES[1]).get_text()


@pytest.mark.parametrize(
    "locale, facts",
    [
        (
            "it",
            {
                "Programma": "COSME",
                "Finanziatore": "Commissione europea",
                "Codice del bando": "COS-CLUSINT-2020-3-01",
                "Dotazione complessiva": "7.500.000\xa0€",
                "Scadenza": DEADLINE_TEXT["it"],
                "Stato": "Aperto",
            },
        ),
        (
            "en",
            {
                "Programme": "COSME",
                "Funder": "European Commission",
                "Call identifier": "COS-CLUSINT-2020-3-01",
                "Total budget": "€7,500,000",
                "Deadline": DEADLINE_TEXT["en"],
                "Status": "Open",
            },
        ),
    ],
)
def test_key_facts_come_from_the_call_data(site_dir, locale, facts):
    dl = page(site_dir, locale, CALL_PAGES[1]).select_one("dl.call-facts")
    shown = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True) for dt in dl.select("dt")}
    for label, value in facts.items():
        assert shown[label] == value


@pytest.mark.parametrize("locale, budget", [("it", "7,5 milioni di euro"), ("en", "€7.5 million")])
def test_budget_and_deadline_markers_read_inline(site_dir, locale, budget):
    article = page(site_dir, locale, CALL_PAGES[1]).select_one("article")
    assert article.select_one(".call-budget").get_text() == budget
    assert article.select_one(".call-budget").parent.name == "p"
    paragraph = article.select_one(".call-sentence").parent
    # the deadline's sentence is a paragraph, the zone of the call's times after it
    assert paragraph.name == "p" and DEADLINE_TEXT[locale] in paragraph.get_text()
    assert paragraph.select_one(".call-zone") is not None


@pytest.mark.parametrize(
    "locale, text",
    [
        ("it", "disponibile a inizio novembre 2020, data esatta da comunicare"),
        ("en", "available in early November 2020, exact date to be announced"),
    ],
)
def test_webinar_date_not_yet_known_is_shown_honestly(sites, locale, text):
    site = sites("2020-11-10T23:59:00+01:00")  # "early November" is not over yet
    article = page(site, locale, CALL_PAGES[-1]).select_one("article")
    box = article.select_one(".call-box--approximate")
    assert text in box.get_text() and not box.select("[data-deadline], time")
    assert not list((site / PREFIX[locale] / "calendar").glob("*webinar*"))


@pytest.mark.parametrize(
    "locale, text",
    [
        ("it", "annunciato come disponibile a inizio novembre 2020; questo sito non ha il link per vederlo"),
        ("en", "announced as available in early November 2020; this site holds no link to the recording"),
    ],
)
def test_webinar_known_only_roughly_says_in_the_past_when_it_was_scheduled_once_that_time_is_over(
    site_dir, locale, text
):
    box = page(site_dir, locale, CALL_PAGES[-1]).select_one("article .call-box--approximate")  # 20 November 2020
    assert text in box.get_text()
    assert "comunicare" not in box.get_text() and "to be announced" not in box.get_text()
    assert "previsto" not in box.get_text() and "scheduled" not in box.get_text()


@pytest.mark.parametrize("locale", LOCALES)
def test_reference_links_resolve_to_the_official_sites(site_dir, locale):
    article = page(site_dir, locale, CALL_PAGES[4]).select_one("article")
    hrefs = {a["href"] for a in article.select("a")}
    assert "https://clustercollaboration.eu/" in hrefs
    assert "https://clustercollaboration.eu/content/eu75m-clusters-go-international-call-launched" in hrefs
    assert "][" not in article.get_text()


@pytest.mark.parametrize(
    "locale, heading", [("it", "Documenti ufficiali e candidatura"), ("en", "Official documents and how to apply")]
)
def test_the_main_page_lists_every_confirmed_official_link_under_a_real_heading(site_dir, locale, heading):
    built = page(site_dir, locale, CALL_PAGES[1])
    article = built.select_one("article")
    section = article.select_one("h2#call-documents")
    assert section.get_text(strip=True) == heading
    assert built.select_one('nav.md-nav--secondary a[href="#call-documents"]')  # in the table of contents
    assert article.select_one('.call-box a[href="#call-documents"]')  # reached from the box
    links = yaml.safe_load((ROOT / "data" / "calls" / "clusters-go-international-2020.yml").read_text())["links"]
    confirmed = {link["url"] for link in links.values() if link.get("confirmed")}
    assert confirmed and {a["href"] for a in article.select(".call-documents a")} == confirmed
    # no confirmed portal page, documents or submission service for 2020: said, not guessed
    assert "COS-CLUSINT-2020-3-01" in article.select_one(".call-documents__missing").get_text()


@pytest.mark.parametrize("locale", LOCALES)
def test_index_lists_the_call_with_its_badge_and_link(sites, locale):
    for now, state in (("2020-11-20T12:00:00+01:00", "open"), (None, "closed")):
        item = page(sites(now), locale, "bandi/").select_one(".calls-index__item")
        assert item.select_one(".call-badge").get_text(strip=True) == BADGE[locale][state]
        target = (sites(now) / PREFIX[locale] / "bandi" / item.a["href"] / "index.html").resolve()
        assert target == (sites(now) / PREFIX[locale] / CALL_PAGES[1] / "index.html").resolve()


@pytest.mark.parametrize("locale", LOCALES)
def test_deadline_calendar_file_parses_back_with_zone_and_stable_uid(sites, locale):
    files = [
        sites(now) / PREFIX[locale] / "calendar" / f"{CALL}-deadline.ics"
        for now in ("2020-11-20T12:00:00+01:00", "2020-12-02T16:59:59+01:00")
    ]
    events = [Calendar.from_ical(f.read_bytes()).walk("VEVENT")[0] for f in files]
    assert events[0]["UID"] == events[1]["UID"] == f"{CALL}-deadline@clust-er.github.io"
    for vevent in events:
        assert vevent["DTSTART"].params["TZID"] == "Europe/Brussels"
        assert vevent.decoded("DTSTART").astimezone(UTC) == datetime(2020, 12, 2, 16, tzinfo=UTC)
        assert str(vevent["URL"]) == f"https://clust-er.github.io/bandi/{PREFIX[locale]}bandi/{CALL}/"
    assert Calendar.from_ical(files[0].read_bytes()).walk("VTIMEZONE")[0]["TZID"] == "Europe/Brussels"


def test_countdown_is_one_small_static_script_on_every_page_with_a_deadline(site_dir):
    source = ROOT / "docs" / "assets" / "js" / "countdown.js"
    [bundle] = (site_dir / "assets").glob("site.*.js")  # the project's own JavaScript, as readers get it
    size = len(gzip.compress(bundle.read_bytes(), 9))
    print(f"\nthe site's own JavaScript: {bundle.stat().st_size} B, {size} B gzipped (budget 3072 B)")
    assert size <= 3072
    code = minify_text(source.read_text(encoding="utf-8"), ".js").strip()
    with_deadline = [p for p in site_dir.rglob("*.html") if soup(p).select("[data-deadline]")]
    assert len(with_deadline) >= 2 * len(CALL_PAGES)
    for path in with_deadline:
        html = soup(path)
        scripts = [(path.parent / s["src"]).resolve() for s in html.select("script[src]")]
        assert [s for s in scripts if s.is_file() and code in s.read_text(encoding="utf-8")], path
        assert not [s for s in html.select("script:not([src])") if "data-deadline" in (s.string or "")]
