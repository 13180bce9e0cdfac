"""Several invented calls in a temporary copy of the site: the generator serves them unchanged."""

from __future__ import annotations

import pytest
from icalendar import Calendar

from sitebuild import build, soup
from synthetic import call_yaml, make_site

NOW = "2021-03-01T12:00:00+01:00"
REAL = "clusters-go-international-2020"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("synthetic")
    calls = {
        "far-away": call_yaml("2021-09-30 12:00", "Far away"),
        "tokyo-soon": call_yaml("2021-03-04 17:00", "Tokyo soon", zone="Asia/Tokyo"),
        "not-yet-open": call_yaml("2021-12-01 17:00", "Not yet open", opening="2021-06-01 09:00"),
        "just-closed": call_yaml("2021-02-26 17:00", "Just closed"),
        "with-webinar": call_yaml(
            "2021-05-01 17:00",
            "With <b>webinar</b> & co",
            webinar={"local": "2021-03-28 15:00", "zone": "Europe/Brussels", "registration": True},
        ),
    }
    pages = {
        "docs/chi-siamo.it.md": "---\ntitle: Chi siamo\ndescription: Chi siamo\n---\n\n# Chi siamo\n\nScade il <!-- call:deadline-text tokyo-soon -->.\n",
        "docs/chi-siamo.en.md": "---\ntitle: About\ndescription: About\n---\n\n# About\n\nDue on <!-- call:deadline-text tokyo-soon -->.\n",
    }
    project = make_site(tmp, calls, pages)
    out = tmp / "site"
    result = build(project, out, site_now=NOW)
    assert result.returncode == 0, result.output
    return out


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_index_lists_open_calls_by_deadline_then_closed_ones(site, prefix):
    items = soup(site / prefix / "bandi" / "index.html").select(".calls-index__item")
    slugs = [item.a["href"].strip("/") for item in items]
    assert slugs == ["tokyo-soon", "with-webinar", "far-away", "not-yet-open", "just-closed", REAL]
    states = [item["data-state"] for item in items]
    assert states == ["closing", "open", "open", "forthcoming", "closed", "closed"]


def test_badges_speak_each_language(site):
    it = [b.get_text() for b in soup(site / "bandi" / "index.html").select(".calls-index .call-badge")]
    en = [b.get_text() for b in soup(site / "en" / "bandi" / "index.html").select(".calls-index .call-badge")]
    assert it == ["In scadenza", "Aperto", "Aperto", "Di prossima apertura", "Chiuso", "Chiuso"]
    assert en == ["Closing soon", "Open", "Open", "Opening soon", "Closed", "Closed"]


def test_a_deadline_far_from_europe_keeps_its_zone(site):
    box = soup(site / "en" / "bandi" / "tokyo-soon" / "index.html").select_one(".call-box--deadline")
    assert box["data-deadline"] == "2021-03-04T08:00:00Z" and box["data-zone"] == "Asia/Tokyo"
    assert box.time["datetime"] == "2021-03-04T17:00:00+09:00"
    assert box.time.get_text() == "4 March 2021, 17:00\xa0JST"


def test_forthcoming_call_says_when_it_opens(site):
    box = soup(site / "bandi" / "not-yet-open" / "index.html").select_one(".call-box--deadline")
    assert box["data-opening"] == "2021-06-01T07:00:00Z"
    assert box.select_one(".call-box__state-text").get_text() == "Il bando apre il 1 giugno 2021, ore 09:00\xa0CEST"
    assert box.select_one(".call-box__opening time")["datetime"] == "2021-06-01T09:00:00+02:00"
    assert box.select_one(".call-box__left").get_text().startswith("Apre tra: ")  # to the opening, not the deadline


def test_a_marker_naming_a_call_works_on_a_page_without_one(site):
    el = soup(site / "en" / "chi-siamo" / "index.html").select_one("article .call-deadline")
    assert el["data-deadline"] == "2021-03-04T08:00:00Z" and el["data-state"] == "closing"
    assert not soup(site / "en" / "chi-siamo" / "index.html").select(".call-box")


def test_exact_webinar_time_is_counted_down_with_its_own_calendar_file(site):
    boxes = soup(site / "bandi" / "with-webinar" / "index.html").select(".call-box--event")
    [box] = boxes
    assert box["data-deadline"] == "2021-03-28T13:00:00Z"  # 15:00\xa0CEST, the day clocks go forward
    assert box.time.get_text() == "28 marzo 2021, ore 15:00\xa0CEST"
    assert (
        box.select_one(".call-box__left").get_text() == "Inizia tra: 27 giorni e 2 ore"
    )  # 11:00 UTC on 1 March to 13:00 UTC on 28 March
    href = box.select_one(".call-box__calendar a")["href"]
    ics = (site / "bandi" / "with-webinar" / href).resolve()
    vevent = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")[0]
    assert vevent["UID"] == "with-webinar-webinar@clust-er.github.io"
    assert vevent["DTSTART"].params["TZID"] == "Europe/Brussels"


def test_text_from_yaml_is_escaped_in_the_built_pages(site):
    for path in (site / "bandi" / "index.html", site / "en" / "bandi" / "with-webinar" / "index.html"):
        article = soup(path).select_one("article")
        assert not article.select("b")
    item = soup(site / "bandi" / "index.html").select(".calls-index__item")[1]
    assert item.a.get_text() == "With <b>webinar</b> & co (it)"


def test_every_call_page_resolves_its_reference_links(site):
    for slug in ("far-away", "tokyo-soon", "just-closed"):
        article = soup(site / "en" / "bandi" / slug / "index.html").select_one("article")
        assert article.select_one('a[href="https://example.org/"]').get_text() == "the site"


def test_the_closing_threshold_comes_from_mkdocs_yml(tmp_path):
    project = make_site(tmp_path, {})
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "closing_threshold_days: 7\n" in text
    config.write_text(text.replace("closing_threshold_days: 7\n", "closing_threshold_days: 14\n"), encoding="utf-8")
    result = build(project, tmp_path / "site", site_now="2020-11-20T12:00:00+01:00")  # 12 days left
    assert result.returncode == 0, result.output
    box = soup(tmp_path / "site" / "bandi" / REAL / "index.html").select_one(".call-box--deadline")
    assert box["data-state"] == "closing" and box["data-closing-days"] == "14.0"
