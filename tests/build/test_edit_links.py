""" "Edit this page" (DESIGN.md contract 12) on the real site: every page, both languages, links to
GitHub's editor for its own source file and the data it shows, labelled in its language, and
nothing in a page calls GitHub."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import LOCALES, ROOT
from sitebuild import html_pages, soup

CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # !ENV stays a string
REPO = CONFIG["repo_url"].rstrip("/")
EDITOR = re.compile(re.escape(REPO) + r"/edit/main/(?P<path>.+)$")


def strings(locale: str) -> dict:
    return yaml.safe_load((ROOT / "data" / "strings" / f"{locale}.yml").read_text(encoding="utf-8"))["edit"]


def page_locale(page) -> str:
    return str(soup(page).html["lang"])


def edit_links(page) -> list[tuple[str, str]]:
    return [(a.get_text(" ", strip=True), str(a["href"])) for a in soup(page).select("aside.edit-links a[href]")]


def content_pages(site_dir):
    return [p for p in html_pages(site_dir) if p.name == "index.html" and soup(p).select_one("article")]


def test_the_repository_is_the_one_site_url_names():
    site_url = CONFIG["site_url"]  # !ENV [SITE_URL, default]: the default is the published address
    site_url = site_url[-1] if isinstance(site_url, list) else site_url
    owner, name = re.fullmatch(r"https://([^.]+)\.github\.io/([^/]+)/", site_url).groups()
    assert f"https://github.com/{owner}/{name}" == REPO


def test_every_page_links_to_githubs_editor_for_its_own_file_in_its_language(site_dir):
    pages = content_pages(site_dir)
    assert len(pages) >= 2 * 10
    for page in pages:
        locale = page_locale(page)
        label, href = edit_links(page)[0]
        assert label == strings(locale)["page"], page
        path = EDITOR.match(href)["path"]
        assert path.startswith("docs/") and path.endswith(f".{locale}.md"), (page, href)
        assert (ROOT / path).is_file(), f"{page}: {href} names no file of the repository"
        assert soup(page).select_one("aside.edit-links")["aria-label"] == strings(locale)["label"]


@pytest.mark.parametrize("locale", LOCALES)
def test_pages_of_a_call_also_link_to_the_calls_data_file(site_dir, locale):
    prefix = "" if locale == LOCALES[0] else f"{locale}/"
    page = site_dir / prefix / "bandi" / "clusters-go-international-2020" / "sezione-a" / "index.html"
    assert edit_links(page)[1] == (
        strings(locale)["call"],
        f"{REPO}/edit/main/data/calls/clusters-go-international-2020.yml",
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_the_glossary_page_links_to_its_page_and_to_the_entries_it_is_generated_from(site_dir, locale):
    (page,) = [
        p
        for p in content_pages(site_dir)
        if page_locale(p) == locale
        and any(EDITOR.match(h)["path"] == f"docs/glossario.{locale}.md" for _, h in edit_links(p))
    ]
    assert edit_links(page)[1] == (strings(locale)["data"], f"{REPO}/edit/main/data/glossary.yml")
    assert soup(page).find(id="escp-4i"), "the generated entries are on that page"


def test_the_404_page_has_no_edit_link_it_has_no_source_file(site_dir):
    assert edit_links(site_dir / "404.html") == []


def test_no_page_carries_materials_repository_widget_or_any_github_address_but_the_editor(site_dir):
    """Plain links only: the editor, and the issue tracker where readers report a problem (the
    footer, the accessibility statement). Nothing that loads from GitHub."""
    issues = f"{REPO}/issues"
    for page in html_pages(site_dir):
        html = soup(page)
        assert not html.select('[data-md-component="source"], .md-source'), page
        for element in html.find_all(href=True) + html.find_all(src=True):
            address = str(element.get("href") or element.get("src"))
            if "github.com" in address:
                assert (EDITOR.match(address) or address == issues) and element.name == "a", (page, address)
