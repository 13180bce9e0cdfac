"""The built site served under a sub-path (/bandi/, as GitHub Pages serves a project site): an offline
crawl of every file finds no broken link, asset, feed, sitemap or open-data address."""

from __future__ import annotations

import json
import shutil
from urllib.parse import urljoin

from sitebuild import html_pages, soup
from sitekit.publish.linkcheck import broken_links

SITE_URL = "https://clust-er.github.io/bandi/"


def test_built_site_under_its_sub_path_has_no_broken_link_or_asset(site_dir):
    assert [str(b) for b in broken_links(site_dir, "/bandi/", SITE_URL)] == []


def test_crawler_reports_what_a_wrong_sub_path_would_break(site_dir, tmp_path):
    copy = shutil.copytree(site_dir, tmp_path / "site")
    page = copy / "chi-siamo" / "index.html"
    html = page.read_text(encoding="utf-8")
    for before, after in (
        ("href=../assets/stylesheets/", "href=/assets/stylesheets/"),  # root-absolute asset
        ("href=../glossario/>", "href=../glossario/#no-such-term>"),
    ):
        assert before in html  # the page as published: minified, attribute values unquoted where allowed
        html = html.replace(before, after, 1)
    page.write_text(html, encoding="utf-8")
    (copy / "en" / "calls.atom").unlink()
    (copy / "calls.atom").unlink()
    found = {(b.source, b.reason.split(" ")[0]) for b in broken_links(copy, "/bandi/", SITE_URL)}
    assert ("chi-siamo/index.html", "leaves") in found
    assert ("chi-siamo/index.html", "no") in found
    assert ("en/index.html", "no") in found  # its head links the English feed
    assert ("404.html", "no") in found  # the root 404 page (Italian chrome) links the Italian feed


def test_the_same_site_under_another_sub_path_breaks_its_absolute_links(site_dir):
    # site_url names /bandi/: served anywhere else, the 404 page's absolute links miss (README: set site_url).
    assert any(b.source == "404.html" for b in broken_links(site_dir, "/other/", "https://example.org/other/"))


def test_english_pages_give_material_a_base_that_resolves_to_the_english_root(site_dir):
    # Material resolves search/search_index.json against `base` as a URL: without its final slash,
    # "../en" would drop "en" and load the Italian index (a filesystem join would hide that).
    for page in html_pages(site_dir / "en"):
        served = "/bandi/" + page.relative_to(site_dir).as_posix()
        base = json.loads(soup(page).select_one("script#__config").get_text())["base"]
        assert urljoin(urljoin(served, base), "search/search_index.json") == "/bandi/en/search/search_index.json", page
