"""Many invented calls over the years, built at several moments: the home page follows the calls,
the index is grouped by state, stages and moved deadlines, the way around a call (issue 16)."""

from __future__ import annotations

import pytest
from icalendar import Calendar

from sitebuild import build, soup
from synthetic import call_yaml, make_site

REAL = "clusters-go-international-2020"
STAGES = [
    {"local": "2027-02-10 17:00", "zone": "Europe/Brussels", "label": {"it": "Prima fase", "en": "First stage"}},
    {
        "local": "2027-06-10 17:00",
        "zone": "Europe/Brussels",
        "previous": "2027-06-01 17:00",
        "label": {"it": "Seconda fase", "en": "Second stage"},
    },
]


def two_stage() -> dict:
    data = call_yaml("2000-01-01 00:00", "Two stages", pages=["index", "fase-due", "come-fare"])
    del data["deadline"]
    data["deadlines"] = STAGES
    return data


def extra_page(slug: str, name: str, title: str) -> dict[str, str]:
    return {
        f"docs/bandi/{slug}/{name}.{locale}.md": f"---\ntitle: {title} ({locale})\ndescription: x\ncall: {slug}\n---\n\n# {title} ({locale})\n\nText.\n"
        for locale in ("it", "en")
    }


CALLS = {
    "two-stage": two_stage(),
    "open-2027": call_yaml("2027-04-30 12:00", "Open 2027"),
    "forthcoming-2027": call_yaml("2027-12-01 17:00", "Forthcoming 2027", opening="2027-09-01 09:00"),
    "closed-2026": call_yaml("2026-10-01 12:00", "Closed 2026"),
    "extended": {
        **call_yaml("2027-03-20 17:00", "Extended"),
        "deadline": {"local": "2027-03-20 17:00", "zone": "Europe/Brussels", "previous": "2027-03-10 17:00"},
    },
}
PAGES = {**extra_page("two-stage", "come-fare", "Come fare"), **extra_page("two-stage", "fase-due", "Fase due")}


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("many")
    project = make_site(tmp, CALLS, PAGES)
    built = {}
    for name, now in {"march": "2027-03-01T12:00:00+01:00", "later": "2028-01-15T12:00:00+01:00"}.items():
        out = tmp / name
        result = build(project, out, site_now=now)
        assert result.returncode == 0, result.output
        built[name] = out
    return built


def slugs(items) -> list[str]:
    return [item.a["href"].rstrip("/").split("/")[-1] for item in items]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_home_page_leads_with_open_and_forthcoming_calls_nearest_deadline_first(sites, prefix):
    home = soup(sites["march"] / prefix / "index.html")
    live = home.select(".calls-index--live .calls-index__item")
    assert slugs(live) == ["extended", "open-2027", "two-stage", "forthcoming-2027"]
    assert [i["data-state"] for i in live] == ["open", "open", "open", "forthcoming"]
    assert all(i.select_one(".call-badge") and i.time for i in live)
    closed = home.select(".calls-index--closed .calls-index__item")
    assert slugs(closed) == ["closed-2026", REAL]  # latest first, after every open call
    article = str(home.select_one("article"))
    assert article.index("calls-index--live") < article.index("calls-index--closed")
    assert home.select_one(".calls-home__archive a")["href"] == "bandi/"


@pytest.mark.parametrize("prefix, says", [("", "non ci sono bandi aperti"), ("en/", "No call is open")])
def test_home_page_with_no_open_call_says_so_and_points_to_index_and_feed(sites, prefix, says):
    home = soup(sites["later"] / prefix / "index.html")
    assert not home.select(".calls-index--live")
    none = home.select_one(".calls-home__none")
    assert says in none.get_text()
    assert [a["href"] for a in none.select("a")] == ["bandi/", "calls.atom"]
    assert (sites["later"] / prefix / "calls.atom").exists()


def test_home_page_keeps_the_editors_markdown_introduction(sites):
    article = soup(sites["march"] / "index.html").select_one("article")
    assert article.h1.find_next_sibling("p").get_text().startswith("Questo sito spiega")


@pytest.mark.parametrize(
    "prefix, headings",
    [
        ("", ["Aperti e in scadenza (3)", "Di prossima apertura (1)", "Chiusi nel 2026 (1)", "Chiusi nel 2020 (1)"]),
        ("en/", ["Open and closing soon (3)", "Opening soon (1)", "Closed in 2026 (1)", "Closed in 2020 (1)"]),
    ],
)
def test_calls_index_is_grouped_by_state_each_group_headed_and_counted(sites, prefix, headings):
    page = soup(sites["march"] / prefix / "bandi" / "index.html")
    groups = page.select("section.calls-group")
    assert [g.h2.get_text(" ", strip=True) for g in groups] == headings
    assert [slugs(g.select(".calls-index__item")) for g in groups] == [
        ["extended", "open-2027", "two-stage"],
        ["forthcoming-2027"],
        ["closed-2026"],
        [REAL],
    ]


def test_box_counts_down_to_the_next_stage_and_marks_the_passed_one(sites):
    page = soup(sites["march"] / "en" / "bandi" / "two-stage" / "index.html")
    box = page.select_one(".call-box--deadline")
    assert box["data-deadline"] == "2027-06-10T15:00:00Z" and box["data-state"] == "open"
    assert box.select_one(".call-box__label").get_text() == "Second stage"
    stages = box.select(".call-stage")
    assert [s["data-state"] for s in stages] == ["closed", "open"]
    assert [s.select_one(".call-stage__label").get_text() for s in stages] == ["First stage:", "Second stage:"]
    assert not stages[0].select_one(".call-stage__passed").has_attr("hidden")
    assert stages[1].select_one(".call-stage__passed").has_attr("hidden")
    for el in page.select("article [data-deadline]"):
        assert el.time["datetime"][:10] == el["data-deadline"][:10], el


def test_before_the_first_stage_the_box_counts_down_to_it(tmp_path):
    project = make_site(tmp_path, {"two-stage": two_stage()}, PAGES)
    result = build(project, tmp_path / "site", site_now="2027-01-05T12:00:00+01:00")
    assert result.returncode == 0, result.output
    box = soup(tmp_path / "site" / "bandi" / "two-stage" / "index.html").select_one(".call-box--deadline")
    assert box["data-deadline"] == "2027-02-10T16:00:00Z" and box["data-following"] == "2027-06-10T15:00:00Z"
    assert [s["data-state"] for s in box.select(".call-stage")] == ["open", "open"]


@pytest.mark.parametrize("prefix, word", [("", "prorogata"), ("en/", "extended")])
def test_extended_deadline_shows_the_earlier_date_struck_through(sites, prefix, word):
    page = soup(sites["march"] / prefix / "bandi" / "extended" / "index.html")
    for where in (".call-box--deadline .call-box__when", ".call-facts"):
        el = page.select_one(where)
        assert el.time["datetime"] == "2027-03-20T17:00:00+01:00"
        assert el.select_one("del time")["datetime"] == "2027-03-10T17:00:00+01:00"
        assert word in el.select_one(".call-moved").get_text()
    stage = soup(sites["march"] / prefix / "bandi" / "two-stage" / "index.html").select(".call-facts .call-stage")[1]
    assert stage.select_one("del time")["datetime"] == "2027-06-01T17:00:00+02:00"


def test_calendar_file_has_one_event_per_deadline(sites):
    box = soup(sites["march"] / "bandi" / "two-stage" / "index.html").select_one(".call-box--deadline")
    ics = (sites["march"] / "bandi" / "two-stage" / box.select_one(".call-box__calendar a")["href"]).resolve()
    events = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == [
        "Scadenza (Prima fase): Two stages (it)",
        "Scadenza (Seconda fase): Two stages (it)",
    ]
    assert len({str(e["UID"]) for e in events}) == 2


def test_feed_and_open_data_follow_the_next_deadline(sites):
    import json

    data = json.loads((sites["march"] / "calls.json").read_text(encoding="utf-8"))
    record = next(c for c in data["calls"] if c["slug"] == "two-stage")
    assert record["status"] == "open" and record["deadline"]["utc"] == "2027-06-10T15:00:00Z"
    assert [d["status"] for d in record["deadlines"]] == ["closed", "open"]
    feed = (sites["march"] / "en" / "calls.atom").read_text(encoding="utf-8")
    assert "Extended (en): open" in feed and "(extended; was 10 March 2027, 17:00\xa0CET)" in feed


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_page_of_a_call_shows_where_the_reader_is(sites, prefix):
    folder = sites["march"] / prefix / "bandi" / "two-stage"
    for name, crumbs in (("", 2), ("fase-due/", 3), ("come-fare/", 3)):
        page = soup(folder / name / "index.html")
        nav = page.select_one("article nav.call-breadcrumb")
        assert nav["aria-label"]
        hrefs = [a["href"] for a in nav.select("a")]
        assert len(hrefs) == crumbs
        assert (folder / name / hrefs[0] / "index.html").resolve() == (sites["march"] / prefix / "index.html").resolve()
        assert (folder / name / hrefs[1] / "index.html").resolve() == (
            sites["march"] / prefix / "bandi" / "index.html"
        ).resolve()
        if crumbs == 3:
            assert (folder / name / hrefs[2] / "index.html").resolve() == (folder / "index.html").resolve()
        active = page.select(".md-sidebar--primary .md-nav__item--active > a")
        assert [(folder / name / a["href"] / "index.html").resolve() for a in active] == [
            (sites["march"] / prefix / "bandi" / "index.html").resolve()
        ]


def test_the_call_pages_menu_follows_the_data_order_with_previous_and_next(sites):
    folder = sites["march"] / "bandi" / "two-stage"
    page = soup(folder / "fase-due" / "index.html")
    menu = page.select_one("nav.call-pages")
    assert [a.get_text() for a in menu.select("ul a")] == ["two-stage", "Fase due (it)", "Come fare (it)"]
    assert menu.select_one("[aria-current=page]").get_text() == "Fase due (it)"
    pager = page.select_one("nav.call-pager")
    assert (
        pager.select_one("a[rel=prev]")["href"] == "../" and pager.select_one("a[rel=next]")["href"] == "../come-fare/"
    )
    assert not soup(folder / "index.html").select_one("nav.call-pager a[rel=prev]")


def test_calls_stay_out_of_the_sidebar(sites):
    sidebar = soup(sites["march"] / "bandi" / "index.html").select_one(".md-sidebar--primary")
    assert not [a for a in sidebar.select("a") if "two-stage" in str(a.get("href", ""))]


def test_a_call_with_no_confirmed_official_link_says_so_and_shows_no_address(tmp_path):
    unconfirmed = {"url": "https://example.org/guess", "role": "portal", "title": {"it": "Forse", "en": "Maybe"}}
    project = make_site(
        tmp_path,
        {"no-links": call_yaml("2027-04-30 12:00", "No links", links={"guess": unconfirmed})},
        {
            f"docs/bandi/no-links/index.{loc}.md": "---\ntitle: x\ndescription: x\ncall: no-links\n---\n\n# x\n"
            for loc in ("it", "en")
        },
    )
    result = build(project, tmp_path / "site", site_now="2027-03-01T12:00:00+01:00")
    assert result.returncode == 0, result.output
    page = soup(tmp_path / "site" / "bandi" / "no-links" / "index.html")
    assert page.select_one("h2#call-documents")  # the section is always there
    assert "non abbiamo ancora link ufficiali verificati" in page.select_one(".call-documents").get_text()
    assert not page.select('a[href="https://example.org/guess"]')  # never an address nobody checked


def test_home_and_call_pages_stay_within_66_kib_gzipped(sites):
    import sys

    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from weight import page_weight

    site = sites["march"]
    for prefix in ("", "en/"):
        for path in ("", "bandi/", "bandi/two-stage/", "bandi/two-stage/fase-due/", "bandi/extended/"):
            weight = page_weight(site, site / prefix / path / "index.html")
            assert not weight.missing and not weight.third_party, weight
            assert weight.gz <= 66 * 1024, (prefix + path, weight.gz)


def test_a_misspelt_page_in_the_call_order_is_an_editors_error(tmp_path):
    data = two_stage()
    data["pages"] = ["index", "fase-2", "come-fare"]
    project = make_site(tmp_path, {"two-stage": data}, PAGES)
    result = build(project, tmp_path / "site", site_now="2027-03-01T12:00:00+01:00")
    assert result.returncode != 0
    assert "data/calls/two-stage.yml:" in result.output
    assert 'pages.1: "fase-2" is not a page of this call; expected one of: come-fare, fase-due, index' in result.output
    assert "Traceback" not in result.output
