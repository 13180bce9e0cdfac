"""Files as editors' tools leave them: a symbolic link out of the project or in a loop is refused, a
byte-order mark (Notepad) is accepted everywhere, and a name mixing alphabets is shown with its codes."""

from __future__ import annotations

import os
import time

import pytest

from checkcopy import editable_copy
from sitekit.checks.siteconfig import read_layout
from sitekit.checks.validation import collect_problems
from sitekit.problems import Problem


@pytest.fixture
def project(tmp_path):
    return editable_copy(tmp_path / "project")


def problems(project) -> list[str]:
    return [str(p) for p in collect_problems(read_layout(project / "mkdocs.yml"))]


def test_a_link_to_a_file_outside_the_project_is_refused(project, tmp_path):
    secret = tmp_path / "hostname"
    secret.write_text("build-machine\n", encoding="utf-8")
    (project / "docs" / "assets" / "hostname.txt").symlink_to(secret)
    (project / "docs" / "outside").symlink_to(tmp_path, target_is_directory=True)
    assert problems(project) == [
        f"docs/assets/hostname.txt: file: is a link to {secret}, outside the project, which the site would "
        "publish; copy the file into docs/ instead, or delete the link",
        f"docs/outside: file: is a link to {tmp_path}, outside the project, which the site would publish; copy "
        "the file into docs/ instead, or delete the link",
    ]


def test_a_link_loop_is_refused_at_once_in_one_short_line(project):
    (project / "docs" / "bandi" / "again").symlink_to("..", target_is_directory=True)
    start = time.monotonic()
    found = problems(project)
    assert time.monotonic() - start < 10
    assert found == ["docs/bandi/again: file: is a link to a folder it is inside of (..), a loop; delete the link"]


def test_a_link_inside_the_project_passes(project):
    os.symlink("../../data/calls/clusters-go-international-2020.yml", project / "docs" / "assets" / "call.yml")
    assert problems(project) == []


@pytest.mark.parametrize(
    "rel",
    [
        "docs/chi-siamo.it.md",
        "data/calls/clusters-go-international-2020.yml",
        "data/strings/it.yml",
        "data/glossary.yml",
        "mkdocs.yml",
    ],
)
def test_a_file_saved_with_a_byte_order_mark_is_read_as_without(project, rel):
    path = project / rel
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert problems(project) == []


def test_a_name_mixing_alphabets_is_shown_with_the_codes_of_its_odd_letters(project):
    page = project / "docs" / "chi-siamo.it.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("title:", "call: clusters-go-\u0456nternational-2020\ntitle:", 1),
        encoding="utf-8",
    )
    found = problems(project)
    assert (
        len(found) == 1
        and (
            '"clusters-go-\u0456<U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I>nternational-2020" names no file'
        )
        in found[0]
    ), found
    assert str(Problem("docs/Москва.it.md", 1, "title", "Città")) == "docs/Москва.it.md:1: title: Città"
