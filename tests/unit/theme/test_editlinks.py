""" "Edit this page" addresses from repo_url and edit_uri (sitekit.theme.editlinks)."""

from __future__ import annotations

from sitekit.theme.editlinks import edit_links, edit_root

REPO = "https://github.com/clust-er/bandi"
ROOT = "https://github.com/clust-er/bandi/edit/main/"
PAGE = ROOT + "docs/chi-siamo.it.md"


def test_the_root_is_edit_uri_without_the_docs_folder():
    assert edit_root(REPO, "edit/main/docs/", "docs") == ROOT
    assert edit_root(REPO + "/", "/edit/main/docs", "docs") == ROOT


def test_no_root_without_a_repository_an_edit_uri_or_one_that_names_another_folder():
    assert edit_root(None, "edit/main/docs/", "docs") is None
    assert edit_root(REPO, "", "docs") is None
    assert edit_root(REPO, "edit/main/site-src/", "docs") is None


def test_a_plain_page_links_to_its_own_file_only():
    assert edit_links(PAGE, ROOT, {"title": "Chi siamo"}) == [("page", PAGE)]


def test_a_page_showing_a_call_also_links_to_the_calls_data_file():
    assert edit_links(PAGE, ROOT, {"call": "clusters-go-international-2020"}) == [
        ("page", PAGE),
        ("call", ROOT + "data/calls/clusters-go-international-2020.yml"),
    ]


def test_a_generated_page_links_to_the_data_it_is_generated_from():
    assert edit_links(PAGE, ROOT, {}, ("data/glossary.yml",)) == [("page", PAGE), ("data", ROOT + "data/glossary.yml")]


def test_a_call_name_with_markup_or_spaces_stays_inside_the_address():
    assert edit_links(None, ROOT, {"call": 'x"><b>y z'}) == [("call", ROOT + "data/calls/x%22%3E%3Cb%3Ey%20z.yml")]


def test_a_page_without_a_source_file_and_no_repository_gets_no_link():
    assert edit_links(None, None, {"call": "x"}, ("data/glossary.yml",)) == []
