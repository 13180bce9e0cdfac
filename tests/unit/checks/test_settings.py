"""Settings checked before the build: SITE_URL, closing_threshold_days, and what front matter names."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checkcopy import editable_copy, problems_after
from conftest import ROOT
from sitekit.checks.environment import site_url_problems
from sitekit.checks.siteconfig import read_layout

LAYOUT = read_layout(ROOT / "mkdocs.yml")


@pytest.mark.parametrize(
    "url, wrong",
    [
        ("clust-er.github.io/bandi/", "is not a web address"),
        ("ftp://clust-er.github.io/bandi/", "is not a web address"),
        ("https:///bandi/", "is not a web address"),
        ("https://clust-er.github.io/bandi/?x=1", "has a query (?…) or a fragment (#…)"),
        ("https://clust-er.github.io/bandi/#top", "has a query (?…) or a fragment (#…)"),
        ("https://clust-er.github.io/my bandi/", "has a space in it"),
    ],
)
def test_a_site_url_that_is_no_published_address_is_refused(url, wrong):
    problems = [str(p) for p in site_url_problems(url, True, LAYOUT)]
    assert problems == [
        f'environment variable SITE_URL: SITE_URL: "{url}" {wrong}; write the address the site '
        "is published at, e.g. https://clust-er.github.io/bandi/"
    ]


def test_a_good_site_url_passes():
    assert site_url_problems("http://127.0.0.1:8000/bandi/", True, LAYOUT) == []


@pytest.fixture
def project(tmp_path):
    return editable_copy(tmp_path / "project")


@pytest.mark.parametrize("value, found", [("0", "0"), ("-3", "-3"), ("sette", '"sette"'), ("true", "true")])
def test_closing_threshold_days_is_a_positive_number(project, value, found):
    line = next(
        n
        for n, row in enumerate((ROOT / "mkdocs.yml").read_text().splitlines(), 1)
        if row.strip().startswith("closing_threshold_days:")
    )
    assert problems_after(project, "mkdocs.yml", "closing_threshold_days: 7", f"closing_threshold_days: {value}") == [
        f"mkdocs.yml:{line}: extra.closing_threshold_days: found {found}; write a number of days greater than 0, e.g. 7"
    ]


@pytest.mark.parametrize(
    "field, value, says",
    [
        ("template", "nonexistent.html", '"nonexistent.html" is not a template of the theme'),
        ("icon", "material/no-such-icon", '"material/no-such-icon" is not an icon of the theme'),
        (
            "status",
            "'\"><img src=x>'",
            '""><img src=x>" is not a status the theme knows; write one of: new, deprecated',
        ),
    ],
)
def test_front_matter_names_something_the_theme_has(project, field, value, says):
    problems = problems_after(
        project,
        "docs/chi-siamo.it.md",
        "title: Chi siamo e privacy\n",
        f"title: Chi siamo e privacy\n{field}: {value}\n",
    )
    assert len(problems) == 1 and problems[0].startswith(f"docs/chi-siamo.it.md:3: {field}: ") and says in problems[0]


def test_front_matter_naming_real_theme_things_passes(project):
    assert (
        problems_after(
            project,
            "docs/chi-siamo.it.md",
            "title: Chi siamo e privacy\n",
            "title: Chi siamo e privacy\ntemplate: main.html\nicon: material/calendar\nstatus: new\n",
        )
        == []
    )


@pytest.mark.parametrize(
    "url, wrong",
    [
        ("", "is missing or empty; write the address the site is published at"),
        ("http://[::1/bandi/", "has a host or port that cannot be read"),
        ("http://[fe80::1%25eth0/bandi/", "has a host or port that cannot be read"),
        ("https://clust-er.github.io:99999/bandi/", "has a host or port that cannot be read"),
        ("https://clust-er.github.io:0/bandi/", "has a host or port that cannot be read"),
        ("https://clust-er.github.io:porta/bandi/", "has a host or port that cannot be read"),
        ("https://editor:s3cret@clust-er.github.io/bandi/", "has a user name or password in it"),
        ("https://clust-er.github.io/bandi/index.html/", "ends with a file name"),
    ],
)
def test_a_site_url_that_would_break_or_leak_into_every_page_is_refused(url, wrong):
    problems = [str(p) for p in site_url_problems(url, True, LAYOUT)]
    assert len(problems) == 1 and wrong in problems[0], problems
    assert problems[0].startswith("environment variable SITE_URL: SITE_URL: ")


def test_a_missing_site_url_names_mkdocs_yml_and_a_well_formed_ipv6_one_passes():
    assert [str(p) for p in site_url_problems(None, False, LAYOUT)] == [
        f"mkdocs.yml:{LAYOUT.lines[('site_url',)]}: site_url: is missing or empty; write the address the site is published at, e.g. "
        "https://clust-er.github.io/bandi/"
    ]
    assert site_url_problems("http://[::1]:8000/bandi/", True, LAYOUT) == []
    assert site_url_problems("https://bandi.example.org/v1.0/", True, LAYOUT) == []


@given(
    st.one_of(
        st.text(max_size=40),
        st.builds(
            lambda scheme, user, host, port, path: f"{scheme}://{user}{host}{port}/{path}",
            st.sampled_from(["http", "https", "ftp", "HTTP"]),
            st.sampled_from(["", "a@", "a:b@", ":@"]),
            st.sampled_from(["example.org", "[::1]", "[::1", "::1]", "127.0.0.1", "", "exa mple.org", "[v1.x]"]),
            st.sampled_from(["", ":80", ":0", ":65535", ":65536", ":-1", ":x", ":"]),
            st.text("abc./?#%-_ ", max_size=12),
        ),
    )
)
def test_any_site_url_the_check_passes_gives_readable_absolute_addresses(url):
    from sitekit.calls.urls import absolute
    from sitekit.publish.robots import robots_txt

    if site_url_problems(url, True, LAYOUT):
        return
    parts = urlsplit(url)
    assert parts.scheme in ("http", "https") and parts.hostname and parts.port != 0
    assert parts.username is None and parts.password is None and not parts.query and not parts.fragment
    page = urlsplit(absolute(url + "/", "bandi/x/"))
    assert page.hostname == parts.hostname and page.port == parts.port
    assert robots_txt(url + "/")


@pytest.mark.parametrize("value, found", [("tre", '"tre"'), ("-1", "-1"), ("2.5", "2.5"), ("true", "true")])
def test_home_closed_calls_is_a_whole_number(project, value, found):
    problems = problems_after(project, "mkdocs.yml", "home_closed_calls: 3", f"home_closed_calls: {value}")
    line = next(
        n for n, row in enumerate((project / "mkdocs.yml").read_text().splitlines(), 1) if "home_closed_calls" in row
    )
    assert problems == [
        f"mkdocs.yml:{line}: extra.home_closed_calls: found {found}; write how many closed calls the home page "
        "names: a whole number from 0 to 100, e.g. 3"
    ]
    assert problems_after(project, "mkdocs.yml", f"home_closed_calls: {value}", "home_closed_calls: 0") == []


def test_a_language_the_theme_has_no_texts_for_is_refused(project):
    problems = problems_after(project, "mkdocs.yml", "  language: it\n", "  language: italiano\n")
    assert len(problems) == 1 and problems[0].startswith('mkdocs.yml:26: theme.language: found "italiano", a language')
    problems = problems_after(project, "mkdocs.yml", "  language: italiano\n", "  language: it\n")
    problems = problems_after(project, "mkdocs.yml", "        - locale: en\n", "        - locale: english\n")
    assert any('locale (english): found "english", a language the theme has no texts for' in p for p in problems)


def test_two_default_languages_are_refused(project):
    problems = problems_after(
        project, "mkdocs.yml", "          name: English\n", "          name: English\n          default: true\n"
    )
    assert problems and problems[-1].endswith(
        "default: more than one language says default: true (it, en); keep it on the language at the site's root only"
    ), problems
