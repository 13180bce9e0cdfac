"""Settings checked before the build: SITE_URL, closing_threshold_days, and what front matter names."""

from __future__ import annotations

import pytest

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
