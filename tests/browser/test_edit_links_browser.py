""" "Edit this page" in the browser: the link is there in the page's language, and loading pages
sends nothing to GitHub (Material's repository widget would ask api.github.com; it is left out)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browsing import VIEWPORTS, new_tab
from conftest import SITE_NOW_DURING_CALL
from sitebuild import SubPathServer, build, copy_project

pytestmark = pytest.mark.browser

PAGES = {"it": ["", "chi-siamo/", "glossario/"], "en": ["en/", "en/chi-siamo/", "en/glossario/"]}
LABEL = {"it": "Modificate questa pagina su GitHub", "en": "Edit this page on GitHub"}


def github_requests(requests: list[str]) -> list[str]:
    return [
        url
        for url in requests
        if urlsplit(url).hostname
        and (urlsplit(url).hostname == "github.com" or urlsplit(url).hostname.endswith(".github.com"))
    ]


def visit(browser, site_url: str, paths: list[str]) -> tuple[list[str], dict[str, str]]:
    """Every request the pages make, and each page's first "edit" link: {path: "label -> href"}."""
    tab = new_tab(browser, VIEWPORTS["phone"])
    tab.page.route("**/*github.com/**", lambda route: route.abort())  # never leave the machine
    requests, links = [], {}
    for path in paths:
        tab.open(site_url + path, wait="settled")
        requests += tab.requests
        link = tab.page.locator("aside.edit-links a").first
        if link.count():
            assert link.is_visible(), path
            links[path] = f"{link.inner_text().strip()} -> {link.get_attribute('href')}"
    tab.close()
    return requests, links


@pytest.mark.parametrize("locale", PAGES)
def test_pages_show_the_edit_link_in_their_language_and_ask_nothing_of_github(browser, served_site, locale):
    requests, links = visit(browser, served_site.url, PAGES[locale])
    assert github_requests(requests) == []
    assert set(links) == set(PAGES[locale])
    for link in links.values():
        label, href = link.split(" -> ")
        assert label == LABEL[locale]
        assert href.startswith("https://github.com/clust-er/bandi/edit/main/docs/") and href.endswith(f".{locale}.md")


def test_materials_repository_widget_would_call_githubs_api(browser, tmp_path):
    """Why overrides/partials/source.html is empty: without it, the same page asks api.github.com."""
    project = copy_project(tmp_path / "project")
    (project / "overrides" / "partials" / "source.html").unlink()
    with SubPathServer(tmp_path / "site") as server:
        result = build(project, tmp_path / "site", site_now=SITE_NOW_DURING_CALL, extra_env={"SITE_URL": server.url})
        assert result.returncode == 0, result.output
        requests, _ = visit(browser, server.url, ["chi-siamo/"])
    assert any(urlsplit(url).hostname == "api.github.com" for url in github_requests(requests)), requests
