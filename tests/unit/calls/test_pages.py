"""Markers, the deadline box and the calls index, rendered with the real partials."""

from datetime import UTC, datetime, timedelta

import markdown
import pytest
from bs4 import BeautifulSoup

from calldata import call_pages, make_call
from sitekit.calls.pages import CallPages, PageSource

NOW = datetime(2020, 11, 20, 11, 0, tzinfo=UTC)


def pages(calls, locale="it", now=NOW) -> CallPages:
    return call_pages(calls, now, locale)


def page(markdown: str, call: str | None = "test-call", url: str = "bandi/test-call/") -> PageSource:
    front = f"---\ntitle: T\ncall: {call}\n---\n" if call else "---\ntitle: T\n---\n"
    return PageSource(
        markdown, {"call": call} if call else {}, url, "docs/bandi/test-call/index.it.md", front + markdown
    )


def converted(p: CallPages, source: PageSource) -> str:
    """The page's Markdown with its blocks of HTML in place, as the built page has them."""
    return p.page_boxes(p.page_content(p.page_markdown(source), source.url))


def html(markdown: str) -> BeautifulSoup:
    return BeautifulSoup(markdown, "lxml")


EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "toc", "fenced_code", "tables"]


def built(p: CallPages, source: PageSource) -> str:
    """As MkDocs builds the page: Markdown, then the markers in its HTML, then the box."""
    return p.page_boxes(p.page_content(markdown.markdown(p.page_markdown(source), extensions=EXTENSIONS), source.url))


def test_markers_in_code_stay_as_written_whatever_the_fences():
    source = page(
        "# T\n\n<!-- call:budget -->\n\n~~~~\n```\n<!-- call:budget -->\n```\n~~~~\n\n"
        "```\n~~~\n<!-- call:budget -->\n~~~\n```\n\n    <!-- call:budget -->\n\n"
        "Inline `<!-- call:budget -->` code.\n\n- item <!-- call:budget -->\n"
    )
    p = pages([make_call()])
    out = html(built(p, source))
    assert p.problems == []
    assert len(out.select(".call-budget")) == 2  # the paragraph and the list item
    assert [c.get_text().count("<!-- call:budget -->") for c in out.select("code")] == [1, 1, 1, 1]


@pytest.mark.parametrize(
    "written, meant",
    [
        ("<!-- Call:facts -->", "call:facts"),
        ("<!-- cal:facts -->", "call:facts"),
        ("<!-- call:fact -->", "call:facts"),
        ("<!-- glossary:entry -->", "glossary:entries"),
    ],
)
def test_a_near_miss_of_a_marker_says_what_was_meant_at_its_line(written, meant):
    p = pages([make_call()])
    p.other_markers = ("glossary:entries",)
    built(p, page(f"# T\n\nTesto\n\n{written}\n\n<!-- a note for editors: keep -->\n"))
    assert [(x.line, x.field) for x in p.problems] == [(4 + 5, written)]
    assert f"did you mean <!-- {meant} -->?" in p.problems[0].message


def test_an_unclosed_comment_is_a_problem_at_its_line():
    p = pages([make_call()])
    built(p, page("# T\n\nTesto\n\nAltro <!-- da rivedere\n\nFine.\n\n`<!-- in code -->`\n"))
    assert [(x.line, x.field, x.message.split(";")[0]) for x in p.problems] == [
        (4 + 5, "<!--", "is never closed, so the page shows it as text")
    ]


def test_box_goes_right_after_the_first_heading_and_link_definitions_are_appended():
    call = make_call(links={"portal": {"url": "https://ec.europa.eu/x", "title": {"it": "Portale", "en": "Portal"}}})
    out = converted(pages([call]), page("# Titolo\n\nTesto [qui][portal].\n"))
    assert out.startswith("# Titolo\n")
    assert out.index('class="call-box call-box--deadline"') < out.index("Testo")
    assert out.rstrip().endswith('[portal]: https://ec.europa.eu/x "Portale"')


def test_text_from_yaml_is_escaped_everywhere():
    evil = "<script>alert(1)</script> & <b>co</b>"
    call = make_call(
        title={"it": evil, "en": evil}, summary={"it": evil, "en": evil}, programme=evil, funder=evil, id="<i>ID</i>"
    )
    out = converted(pages([call]), page("# T\n\n<!-- call:facts -->\n\n<!-- calls:index -->\n", url="bandi/"))
    soup = html(out)
    assert not soup.find("script") and not soup.find("b") and not soup.find("i")
    assert evil in soup.select_one(".call-facts").get_text()
    assert evil in soup.select_one(".calls-index__title a").get_text()
    assert "<i>ID</i>" in soup.select_one(".call-facts").get_text()


def test_unknown_marker_is_a_problem_with_file_and_line():
    p = pages([make_call()])
    converted(p, page("# T\n\nTesto\n<!-- call:dedline-text -->\n"))
    [problem] = p.problems
    assert (problem.file, problem.line) == ("docs/bandi/test-call/index.it.md", 4 + 4)
    assert "call:dedline-text" in str(problem) and "call:deadline-text" in str(problem)


def test_page_naming_an_unknown_call_is_a_problem_at_its_front_matter_line():
    p = pages([make_call()])
    converted(p, page("# T\n", call="no-such-call"))
    [problem] = p.problems
    assert problem.line == 3 and problem.field == "call"
    assert '"no-such-call" is not a call in data/calls/' in str(problem) and "test-call" in str(problem)


def test_a_marker_may_name_its_call_on_pages_without_one():
    other = make_call(slug="other-call", deadline={"local": "2021-03-01 12:00", "zone": "Europe/Rome"})
    p = pages([make_call(), other])
    out = converted(p, page("# T\n\nEntro il <!-- call:deadline-text other-call -->.\n", call=None, url="chi-siamo/"))
    assert html(out).select_one(".call-deadline")["data-deadline"] == "2021-03-01T11:00:00Z"
    assert "call-box" not in out and not p.problems


def test_a_call_marker_without_any_call_is_a_problem():
    p = pages([make_call()])
    converted(p, page("# T\n\n<!-- call:budget -->\n", call=None, url="chi-siamo/"))
    [problem] = p.problems
    assert "names no call" in problem.message


@pytest.mark.parametrize(
    "now, state, left",
    [
        (datetime(2020, 11, 20, 11, 0, tzinfo=UTC), "open", "Tempo rimasto: 12 giorni e 5 ore"),
        (datetime(2020, 12, 2, 15, 59, 59, tzinfo=UTC), "closing", "Tempo rimasto: 0 minuti"),
        (datetime(2020, 12, 2, 16, 0, 0, tzinfo=UTC), "closed", None),
    ],
)
def test_deadline_box_as_of_the_build(now, state, left):
    out = html(converted(pages([make_call()], now=now), page("# T\n")))
    box = out.select_one(".call-box")
    assert box["data-state"] == state and box["data-deadline"] == "2020-12-02T16:00:00Z"
    assert box.time["datetime"] == "2020-12-02T17:00:00+01:00"
    left_el = box.select_one(".call-box__left")
    assert (left_el.get_text() if left_el else None) == left
    assert bool(box.select_one(".call-box__calendar a")) == (state != "closed")
    if state == "closed":
        assert "Il bando è chiuso dal 2 dicembre 2020" in box.get_text()


def test_webinar_with_an_exact_time_is_counted_down_and_gets_a_calendar_file():
    call = make_call(webinar={"local": "2020-11-25 10:00", "zone": "Europe/Brussels"})
    p = pages([call], locale="en")
    out = html(converted(p, page("# T\n\n<!-- call:webinar -->\n", url="en/bandi/test-call/webinar/")))
    assert out.select_one(".call-strip")  # a call's other page: the deadline in one line, the webinar's box
    [box] = out.select(".call-box")
    assert box["data-deadline"] == "2020-11-25T09:00:00Z" and box["data-state"] == "open"
    assert box.select_one(".call-box__left").get_text().startswith("Starts in: ")
    assert box.select_one(".call-box__calendar a")["href"] == "../../../calendar/test-call-webinar.ics"
    assert "en/calendar/test-call-webinar.ics" in p.calendar_files()


def test_webinar_known_only_by_month_says_so_without_countdown_or_calendar_file():
    call = make_call(webinar={"approximate": "2020-11", "part": "early"})
    for locale, text in (
        ("it", "disponibile a inizio novembre 2020, data esatta da comunicare"),
        ("en", "available in early November 2020, exact date to be announced"),
    ):
        p = pages([call], locale=locale, now=datetime(2020, 11, 10, 22, 59, tzinfo=UTC))
        box = html(converted(p, page("# T\n\n<!-- call:webinar -->\n"))).select(".call-box")[1]
        assert text in box.get_text() and not box.has_attr("data-deadline")
        assert not any("webinar" in path for path in p.calendar_files())


def test_index_lists_open_calls_by_deadline_then_closed_calls_latest_first():
    def call(slug, local):
        return make_call(slug=slug, deadline={"local": local, "zone": "Europe/Brussels"})

    calls = [
        call("closed-old", "2019-01-10 12:00"),
        call("open-late", "2021-06-01 12:00"),
        call("closed-new", "2020-10-01 12:00"),
        call("open-soon", "2020-11-25 12:00"),
    ]
    out = html(converted(pages(calls), page("# T\n\n<!-- calls:index -->\n", call=None, url="bandi/")))
    items = out.select(".calls-index__item")
    assert [i.a["href"] for i in items] == ["open-soon/", "open-late/", "closed-new/", "closed-old/"]
    assert [i.select_one(".call-badge").get_text() for i in items] == ["In scadenza", "Aperto", "Chiuso", "Chiuso"]


@pytest.mark.parametrize(
    "part, over",
    [
        ("early", datetime(2020, 11, 11, tzinfo=UTC)),
        ("mid", datetime(2020, 11, 21, tzinfo=UTC)),
        ("late", datetime(2020, 12, 1, tzinfo=UTC)),
        (None, datetime(2020, 12, 1, tzinfo=UTC)),
    ],
)
def test_an_approximate_date_once_over_says_in_the_past_when_the_event_was_scheduled(part, over):
    call = make_call(webinar={"approximate": "2020-11", "part": part} if part else {"approximate": "2020-11"})
    when = {
        "early": "inizio novembre 2020",
        "mid": "metà novembre 2020",
        "late": "fine novembre 2020",
        None: "novembre 2020",
    }[part]
    before = html(converted(pages([call], now=over - timedelta(seconds=1)), page("# T\n\n<!-- call:webinar -->\n")))
    after = html(converted(pages([call], now=over), page("# T\n\n<!-- call:webinar -->\n")))
    assert before.select(".call-box")[1].get_text(" ", strip=True).endswith(f"{when}, data esatta da comunicare")
    text = after.select(".call-box")[1].get_text(" ", strip=True)
    assert f"annunciato come disponibile a {when};" in text and "da comunicare" not in text
    assert text.endswith("questo sito non ha il link per vederlo")
    en = html(converted(pages([call], locale="en", now=over), page("# T\n\n<!-- call:webinar -->\n")))
    assert "announced as available in" in en.select(".call-box")[1].get_text()


def test_an_exact_webinar_date_added_later_replaces_the_approximate_one():
    call = make_call(
        webinar={"approximate": "2020-11", "part": "early", "local": "2020-11-06 10:00", "zone": "Europe/Brussels"}
    )
    box = html(converted(pages([call]), page("# T\n\n<!-- call:webinar -->\n"))).select(".call-box")[1]
    assert box["data-deadline"] == "2020-11-06T09:00:00Z" and "inizio" not in box.get_text()
    assert "Il webinar si è tenuto il 6 novembre 2020" in box.get_text()


@pytest.mark.parametrize(
    "text",
    [
        "1. **Leggete.** I documenti dell'invito\n   <!-- call:id -->; l'annuncio ne riassume i punti.\n",
        "Il bilancio è di\n<!-- call:budget -->\nin tutto.\n",
    ],
)
def test_an_inline_marker_that_starts_a_line_of_running_text_is_a_problem_at_its_line(text):
    p = pages([make_call()])
    out = built(p, page("# T\n\n" + text))
    assert [(x.line, x.message.split(";")[0]) for x in p.problems] == [
        (4 + 4, "starts a line inside a sentence, so Markdown ends the sentence (or the list) before it")
    ]
    assert "call-" in out  # the marker is still replaced: the page is right once the line is moved


def test_an_inline_marker_inside_the_sentence_or_a_block_marker_alone_is_fine():
    p = pages([make_call()])
    built(
        p,
        page(
            "# T\n\nI documenti dell'invito <!-- call:id -->;\nl'annuncio.\n\n<!-- call:facts -->\n\n"
            "<!-- call:budget -->\n"
        ),
    )
    assert p.problems == []


def test_the_index_offers_a_programme_filter_only_with_several_programmes():
    one = pages([make_call(), make_call(slug="other-call")])
    assert "calls-index" in one.page_boxes(one.index(None, "bandi/"))
    assert "calls-filter" not in one.page_boxes(one.index(None, "bandi/"))
    several = pages([make_call(), make_call(slug="other-call", programme="Horizon Europe")])
    out = html(several.page_boxes(several.index(None, "bandi/")))
    assert [label.get_text() for label in out.select(".calls-filter label")] == [
        "Tutti i programmi",
        "COSME (1)",
        "Horizon Europe (1)",
    ]
    assert sorted(item["data-programme-index"] for item in out.select(".calls-index__item")) == ["1", "2"]


def test_the_same_inline_marker_inside_a_sentence_and_alone_between_paragraphs_is_fine():
    p = pages([make_call()])
    built(p, page("# T\n\nIl bilancio è di <!-- call:budget --> in tutto.\n\nAltro testo.\n\n<!-- call:budget -->\n"))
    assert p.problems == []
    built(p, page("# T\n\nIl bilancio è di <!-- call:budget --> in tutto.\n\nOppure\n<!-- call:budget -->\n"))
    assert [(x.line, x.field) for x in p.problems] == [(4 + 6, "<!-- call:budget -->")]


def test_a_build_that_reads_some_pages_keeps_the_menu_entries_of_the_call_pages_it_did_not_read():
    """The live preview rebuilds only the pages a change shows (sitekit.preview): the menu of a page it
    rebuilds still lists the call's other pages, with their titles as last read; a page that is gone
    is not kept."""
    now = datetime(2020, 11, 20, 12, tzinfo=UTC)
    before = call_pages([make_call(pages=["index", "webinar", "faq"])], now)
    before.page_markdown(page("# Bando\n", url="bandi/test-call/"))
    before.page_markdown(page("# Webinar\n", url="bandi/test-call/webinar/"))
    before.page_markdown(page("# FAQ\n", url="bandi/test-call/faq/"))
    known = {"test-call": {**before.call_pages()["test-call"], "bandi/test-call/webinar/": "Il webinar"}}
    gone = "bandi/test-call/faq/"
    after = call_pages([make_call(pages=["index", "webinar", "faq"])], now, page_url_exists=lambda url: url != gone)
    after.page_markdown(page("# Bando nuovo\n", url="bandi/test-call/"))
    after.keep_unread_pages(known)
    assert after.call_pages() == {
        "test-call": {"bandi/test-call/": "Bando di prova", "bandi/test-call/webinar/": "Il webinar"}
    }
    menu = after.page_boxes("<h1>Bando nuovo</h1>", "bandi/test-call/", "test-call")
    assert "Il webinar" in menu and "FAQ" not in menu


def test_the_next_build_reuses_a_deadline_only_while_the_call_the_instant_and_the_strings_are_the_same(monkeypatch):
    """Under `mkdocs serve` a rebuild of some pages keeps the build instant: the calls it did not
    change keep their formatted deadline; any change to what a deadline shows formats it anew."""
    import sitekit.calls.pages as module

    made: list[str] = []
    real = module.deadline_view
    monkeypatch.setattr(module, "deadline_view", lambda call, *rest: made.append(call.slug) or real(call, *rest))
    same, moved = make_call(slug="same"), make_call(slug="moved")
    index = page("<!-- calls:index -->", call=None, url="bandi/")
    built(pages([same, moved]), index)
    assert sorted(made) == ["moved", "same"]
    made.clear()
    built(pages([same, moved]), index)
    assert made == []  # the same calls, instant and strings: nothing formatted again
    moved_again = make_call(slug="moved", deadline={"local": "2020-12-09 17:00", "zone": "Europe/Brussels"})
    built(pages([same, moved_again]), index)
    assert made == ["moved"]
    made.clear()
    built(pages([same, moved_again], now=NOW + timedelta(hours=1)), index)
    assert sorted(made) == ["moved", "same"]  # another instant: every time left differs
    made.clear()
    built(pages([same, moved_again], locale="en"), index)
    assert sorted(made) == ["moved", "same"]  # another language
