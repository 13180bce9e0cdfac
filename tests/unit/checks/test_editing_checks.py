"""The editors' checks as plain functions, without MkDocs: parity, front matter, hints, clean-up, links."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import ROOT
from sitebuild import SubPathServer
from sitekit.checks.fielderrors import did_you_mean
from sitekit.checks.frontmatter import front_matter_problems
from sitekit.checks.parity import page_language, page_problems
from sitekit.checks.siteconfig import read_layout
from sitekit.checks.validation import check_data_file_names, check_glossary, collect_problems
from sitekit.problems import Problem, SiteDataError
from sitekit.publish.external_links import collect_external_links
from sitekit.theme.outputdir import discard_output
from sitekit.theme.plaintext import escape_meta

sys.path.insert(0, str(ROOT / "tools"))
from check_external_links import status_of


def test_the_real_site_has_no_problem():
    assert collect_problems(read_layout(ROOT / "mkdocs.yml")) == []


def test_layout_reads_languages_default_first_and_nav_lines():
    layout = read_layout(ROOT / "mkdocs.yml")
    assert layout.locales == ("it", "en")
    lines = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    for nav in layout.nav:
        assert nav.line is not None and nav.title in lines[nav.line - 1]


@pytest.mark.parametrize(
    "name, expected",
    [
        ("chi-siamo.it.md", ("chi-siamo", "it")),
        ("index.pt_BR.md", ("index", "pt_BR")),
        ("chi-siamo.md", ("chi-siamo", None)),
        ("release.v2.md", ("release.v2", None)),
    ],
)
def test_page_language_comes_from_the_file_name(name, expected):
    assert page_language(Path(name)) == expected


def test_pages_without_language_or_in_an_unconfigured_one_are_reported(tmp_path):
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a.it.md", "a.en.md", "b.md", "c.it.md", "c.en.md", "c.de.md"):
        (docs / name).write_text("x", encoding="utf-8")
    problems = {str(p) for p in page_problems(read_layout(tmp_path / "mkdocs.yml"))}
    assert problems == {
        "docs/b.md: file name: has no language; rename it b.it.md and write the other languages beside it",
        'docs/c.de.md: file name: language "de" is not configured in mkdocs.yml; expected one of: it, en',
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "# Titolo\n",
            "docs/p.it.md:1: front matter: not found; start the page with a line `---`, "
            "then `title:` and `description:`, then another line `---`",
        ),
        (
            "---\ntitle: T\ndescription: D\n\n# T\n",
            "docs/p.it.md:1: front matter: starts with `---` but has no "
            "closing `---` line; add one after the last field",
        ),
        (
            "---\n- T\n---\n",
            "docs/p.it.md:2: front matter: is not a list of fields; write it as "
            "`title: ...` and `description: ...`, one per line",
        ),
        (
            "---\ntitle: T\ndescription: '  '\n---\n",
            'docs/p.it.md:3: description: found "  "; expected a short '
            "text; it is shown in search results and browser tabs",
        ),
        (
            "---\ntitle: 2021\ndescription: true\n---\n",
            "docs/p.it.md:3: description: found true; expected text: put the value in quotes",
        ),
        (
            b"---\ntitle: Citt\xe0\n---\n",
            "docs/p.it.md: file: is not UTF-8 text (byte 15 cannot be read); save it again choosing the UTF-8 encoding",
        ),
        (
            "---\ntitle: T\ndescription: D\nhide: [sidebar]\n---\n",
            'docs/p.it.md:4: hide.0: found "sidebar"; expected one of: navigation, toc, footer, path, tags or feedback',
        ),
    ],
)
def test_front_matter_problems_name_line_and_field(tmp_path, text, expected):
    page = tmp_path / "p.it.md"
    page.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    assert [str(p) for p in front_matter_problems(page, "docs/p.it.md", set())] == [expected]


def test_material_front_matter_fields_are_accepted(tmp_path):
    page = tmp_path / "p.it.md"
    page.write_text(
        "---\ntitle: T\ndescription: D\ntemplate: main.html\nhide: [toc, navigation]\nicon: "
        "material/home\nstatus: new\nsubtitle: S\nsearch:\n  boost: 2\n---\n",
        encoding="utf-8",
    )
    assert front_matter_problems(page, "p", set()) == []


def test_did_you_mean_suggests_the_closest_field_or_lists_them():
    assert did_you_mean("dealine", ["deadline", "title"]) == "did you mean `deadline`?"
    assert did_you_mean("xyz", ["title", "deadline"]) == "the fields this file knows are: deadline, title"


def test_glossary_problems_come_through_the_adapter(monkeypatch, tmp_path):
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "glossary.yml").write_text("x: 1\n", encoding="utf-8")
    seen: dict[str, object] = {}

    def load_glossary(path, root, locales):
        seen.update(path=path, root=root, locales=locales)
        raise SiteDataError([Problem("data/glossary.yml", 9, "escp-4i.en", "is missing")])

    monkeypatch.setattr("sitekit.checks.validation.load_glossary", load_glossary)
    assert [str(p) for p in check_glossary(read_layout(tmp_path / "mkdocs.yml"))] == [
        "data/glossary.yml:9: escp-4i.en: is missing"
    ]
    assert seen == {"path": tmp_path / "data" / "glossary.yml", "root": tmp_path, "locales": ["it", "en"]}


def test_failed_build_output_is_discarded_but_hidden_entries_stay(tmp_path):
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text("x")
    (site / ".git").mkdir()
    discard_output(site)
    assert [p.name for p in site.iterdir()] == [".git"]
    (site / ".git").rmdir()
    (site / "index.html").write_text("x")
    discard_output(site)
    assert not site.exists()


def test_page_titles_are_escaped_once():
    meta = escape_meta({"title": "R&D <b>x</b>", "call": "a<b", "hide": ["toc"]})
    assert meta == {"title": "R&amp;D &lt;b&gt;x&lt;/b&gt;", "call": "a<b", "hide": ["toc"]}
    assert str(escape_meta(meta)["title"]) == "R&amp;D &lt;b&gt;x&lt;/b&gt;"


def test_external_links_are_collected_with_where_they_are_written(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.it.md").write_text(
        "Vedi [il portale](https://ec.europa.eu/info/a) e <https://example.org/b>.\n\n"
        "[ref]: https://example.org/c\nTesto https://example.org/d, poi fine.\n",
        encoding="utf-8",
    )
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "x.yml").write_text(
        "links:\n  a:\n    url: https://example.org/b\nlist:\n"
        "  - http://example.org/e\nnot: ftp://example.org/f\n"
        "more:\n  url: https://example.org/g\n  confirmed:\n"
        "    copy: https://copy.example/g\n    checked: 2026-11-30\n",
        encoding="utf-8",
    )
    assert collect_external_links(tmp_path) == {
        "http://example.org/e": ["data/x.yml:5 (list.0)"],
        "https://ec.europa.eu/info/a": ["docs/a.it.md:1"],
        "https://example.org/b": [
            "docs/a.it.md:1",
            "data/x.yml:3 (links.a.url; not confirmed: add confirmed: with the address of a stored copy)",
        ],
        "https://example.org/c": ["docs/a.it.md:3"],
        "https://example.org/d": ["docs/a.it.md:4"],
        "https://example.org/g": ["data/x.yml:8 (more.url; confirmed: https://copy.example/g, 2026-11-30)"],
    }


def test_external_link_status_on_a_local_server(tmp_path):
    (tmp_path / "here.html").write_text("ok")
    with SubPathServer(tmp_path, "/") as server:
        assert status_of(server.url + "here.html", timeout=5) == "200"
        assert status_of(server.url + "gone.html", timeout=5) == "404"


def test_data_files_the_site_would_not_read_are_reported(tmp_path):
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "data" / "calls").mkdir(parents=True)
    for name in ("a.yml", "b.yaml", ".gitkeep"):
        (tmp_path / "data" / "calls" / name).write_text("", encoding="utf-8")
    assert [str(p) for p in check_data_file_names(read_layout(tmp_path / "mkdocs.yml"))] == [
        "data/calls/b.yaml: file name: is never read: only .yml files are; rename it b.yml"
    ]


def test_an_interface_string_under_a_wrong_name_gets_a_hint(tmp_path):
    from sitekit.checks.parity import strings_problems

    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    strings = tmp_path / "data" / "strings"
    strings.mkdir(parents=True)
    (strings / "it.yml").write_text("not_found:\n  title: T\n  home: H\n", encoding="utf-8")
    (strings / "en.yml").write_text("not_found:\n  title: T\n  hom: H\n", encoding="utf-8")
    assert [str(p) for p in strings_problems(read_layout(tmp_path / "mkdocs.yml"), strings)] == [
        "data/strings/en.yml:1: not_found.home: is missing; translate the text at line 3 of data/strings/it.yml",
        "data/strings/en.yml:3: not_found.hom: is not in data/strings/it.yml; did you mean `not_found.home`?",
    ]


def test_pages_with_a_suffix_the_site_does_not_check_are_refused(tmp_path):
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a.it.markdown", "b.it.MD", "c.IT.md", "c.en.md"):
        (docs / name).write_text("x", encoding="utf-8")
    problems = {str(p) for p in page_problems(read_layout(tmp_path / "mkdocs.yml"))}
    assert {
        "docs/a.it.markdown: file name: ends in .markdown, which the site does not check or translate; rename it a.it.md",
        "docs/b.it.MD: file name: ends in .MD, which the site does not check or translate; rename it b.it.md",
        "docs/c.IT.md: file name: has its language in capitals; rename it c.it.md",
    } <= problems
