"""Who publishes the site and how to write to them (issue 24, point 7): the footer of every page
names the publisher as data/site.yml (and the About page) does and links the About page in the
page's language; the accessibility statement's feedback section gives the way to write; every page
says when its files last changed (from git; nothing without history)."""

from __future__ import annotations

import subprocess

import pytest
import yaml

from sitebuild import ROOT, build, copy_project, html_pages, soup

PUBLISHER = yaml.safe_load((ROOT / "data" / "site.yml").read_text(encoding="utf-8"))["publisher"]


def test_every_page_names_the_publisher_and_links_about_and_a_way_to_report(site_dir):
    for path in html_pages(site_dir):
        page = soup(path)
        footer = page.select_one("footer .md-copyright")
        assert footer is not None, path
        english = path.relative_to(site_dir).parts[0] == "en"
        assert PUBLISHER["en" if english else "it"] in footer.get_text(), path
        about = footer.select_one(".site-footer-links a")
        assert about is not None, path
        target = (path.parent / str(about["href"]) / "index.html").resolve()
        expected = site_dir / ("en/chi-siamo" if english else "chi-siamo") / "index.html"
        assert target == expected.resolve() or path.name == "404.html", path
        assert footer.select_one('a[href$="/issues"]'), path


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_accessibility_statement_says_where_to_write(site_dir, prefix):
    article = soup(site_dir / prefix / "accessibilita" / "index.html").select_one("article")
    assert article is not None
    link = article.select_one(".site-contact a")
    assert link is not None and str(link["href"]).startswith("https://github.com/")
    assert "<!--" not in str(article)


def _last_commit_day(*paths: str) -> str:
    out = subprocess.run(
        ["git", "log", "-1", "--format=%cs", "--", *paths], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


@pytest.mark.parametrize(
    "page, sources",
    [
        ("index.html", ["docs/index.it.md"]),
        ("en/glossario/index.html", ["docs/glossario.en.md", "data/glossary.yml"]),
        (
            "bandi/clusters-go-international-2020/sezione-a/index.html",
            [
                "docs/bandi/clusters-go-international-2020/sezione-a.it.md",
                "data/calls/clusters-go-international-2020.yml",
            ],
        ),
    ],
)
def test_every_page_says_when_its_files_last_changed_from_git(site_dir, page, sources):
    shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=ROOT, capture_output=True, text=True)
    if shallow.returncode or shallow.stdout.strip() == "true" or not _last_commit_day(*sources):
        pytest.skip("no whole git history here (a source tree without .git, or a shallow clone)")
    updated = soup(site_dir / page).select_one("article .page-updated time")
    assert updated is not None and updated["datetime"] == _last_commit_day(*sources)


def test_without_git_history_a_page_says_nothing_of_when_it_changed(tmp_path):
    project = copy_project(tmp_path / "project")  # the site's sources, no .git
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    assert not soup(tmp_path / "site" / "index.html").select(".page-updated")
