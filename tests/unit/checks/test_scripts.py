"""Scripts the project did not write never reach a page: no script file under docs/ beside the
project's own, no <script> in a page, no markup in the texts of mkdocs.yml that Material prints as HTML."""

from __future__ import annotations

import pytest

from checkcopy import editable_copy, problems_after
from sitekit.checks.siteconfig import read_layout
from sitekit.checks.validation import collect_problems


@pytest.fixture
def project(tmp_path):
    return editable_copy(tmp_path / "project")


def _problems(project) -> list[str]:
    return [str(p) for p in collect_problems(read_layout(project / "mkdocs.yml"))]


@pytest.mark.parametrize("name", ["assets/js/steal.js", "bandi/x.mjs", "assets/javascripts/workers/other.JS"])
def test_a_script_file_dropped_under_docs_is_refused(project, name):
    (project / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
    (project / "docs" / name).write_text("alert(1)\n", encoding="utf-8")
    assert _problems(project) == [
        f"docs/{name}: file: is a script the site does not ship; pages cannot load scripts of their own: delete "
        "the file (a maintainer adds the site's scripts to extra_javascript in mkdocs.yml)"
    ]


def test_the_project_s_own_scripts_pass(project):
    assert _problems(project) == []  # the search worker (named in overrides/main.html), extra_javascript


@pytest.mark.parametrize(
    "html", ['<script src="../assets/x.txt"></script>', "<SCRIPT>alert(1)</SCRIPT>", "< script >x</script>"]
)
def test_a_script_element_in_a_page_is_refused_with_its_line(project, html):
    problems = problems_after(project, "docs/chi-siamo.it.md", "\n# ", f"\n{html}\n\n# ")
    assert len(problems) == 1 and problems[0].startswith("docs/chi-siamo.it.md:"), problems
    line = int(problems[0].split(":")[1])
    assert html in (project / "docs/chi-siamo.it.md").read_text(encoding="utf-8").splitlines()[line - 1]
    assert "<script>: a page cannot run scripts of its own" in problems[0]


def test_a_script_shown_as_code_passes(project):
    text = "\nWrite `<script>` here, or:\n\n```html\n<script src=x.js></script>\n```\n\n# "
    assert problems_after(project, "docs/chi-siamo.it.md", "\n# ", text) == []


@pytest.mark.parametrize(
    "old, new, field",
    [
        ("site_name: Clust-ER · Bandi europei", "site_name: Clust-ER <script>alert(1)</script>", "site_name"),
        # the footer prints data/site.yml's publisher, but a copyright: an editor adds is checked too
        ("strict: true", "copyright: <img src=x onerror=alert(1)> Clust-ER\nstrict: true", "copyright"),
        ("site_name: Clust-ER · EU funding calls", 'site_name: Clust-ER "EU" <b>calls</b>', "site_name (en)"),
    ],
)
def test_markup_in_a_text_material_prints_as_html_is_refused(project, old, new, field):
    problems = problems_after(project, "mkdocs.yml", old, new)
    first = new.splitlines()[0]
    line = next(n for n, text in enumerate((project / "mkdocs.yml").read_text().splitlines(), 1) if first in text)
    assert len(problems) == 1 and problems[0].startswith(f"mkdocs.yml:{line}: {field}: found "), problems
    assert problems[0].endswith(
        "the theme prints this text as HTML, so it must be plain text: no < > markup and no straight double "
        "quote (write “ ” instead)"
    )


def test_a_page_status_text_is_plain_text_too(project):
    problems = problems_after(
        project,
        "mkdocs.yml",
        "  generator: false\n",
        "  generator: false\n  status:\n    draft: 'x\" onmouseover=\"y'\n",
    )
    assert len(problems) == 1 and ": extra.status.draft: found " in problems[0], problems


def test_plain_text_with_an_ampersand_passes(project):
    assert problems_after(project, "mkdocs.yml", "strict: true", "copyright: © Clust-ER & partners\nstrict: true") == []


def test_a_script_written_in_a_title_is_text_not_refused(project):
    # titles are escaped (theme.plaintext): the page shows the text as typed
    new = "title: 'Chi siamo <script>alert(1)</script>'"
    assert problems_after(project, "docs/chi-siamo.it.md", "title: Chi siamo e privacy", new) == []
