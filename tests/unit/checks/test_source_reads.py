"""Data files are read once while unchanged, and read again as soon as an editor changes them
(`mkdocs serve` rebuilds in the same process); one check pass lists the pages once and reads each once;
a call is validated once, whether asked for with every language or not, with the same messages."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from sitebuild import ROOT
from sitekit.calls.model import load_calls
from sitekit.checks.siteconfig import read_layout
from sitekit.checks.sources import markdown_files
from sitekit.checks.validation import check_front_matter, collect_problems
from sitekit.inputs import filecache
from sitekit.inputs.filecache import read_text
from sitekit.inputs.yamlfile import load_yaml
from sitekit.problems import Problem, SiteDataError

CALL = "clusters-go-international-2020"
LAST_YEAR = time.time_ns() - 365 * 24 * 3600 * 10**9


def calls_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "calls"
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "data" / "calls" / f"{CALL}.yml", folder)
    set_mtime(folder / f"{CALL}.yml", LAST_YEAR)  # an old file: it may be kept in memory
    return folder


def set_mtime(path: Path, ns: int) -> None:
    os.utime(path, ns=(ns, ns))


def test_a_call_edited_between_two_builds_is_read_again(tmp_path):
    folder = calls_folder(tmp_path)
    path = folder / f"{CALL}.yml"
    before = load_calls(folder, tmp_path)[CALL]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"id: {before.id}", "id: COS-EDITED-01"), encoding="utf-8")
    assert load_calls(folder, tmp_path)[CALL].id == "COS-EDITED-01"


def test_a_same_size_edit_is_read_again(tmp_path):
    path = tmp_path / "strings.yml"
    path.write_text("title: Bandi\n", encoding="utf-8")
    set_mtime(path, 1_600_000_000_000_000_000)
    assert load_yaml(path).data == {"title": "Bandi"}
    path.write_text("title: Calls\n", encoding="utf-8")
    set_mtime(path, 1_600_000_000_000_000_001)
    assert load_yaml(path).data == {"title": "Calls"}


def test_a_file_just_saved_twice_in_the_same_clock_tick_is_read_again(tmp_path):
    path, now = tmp_path / "strings.yml", time.time_ns()
    path.write_text("title: Bandi\n", encoding="utf-8")
    set_mtime(path, now)
    assert read_text(path) == "title: Bandi\n"
    path.write_text("title: Calls\n", encoding="utf-8")  # same size, same inode, same time
    set_mtime(path, now)
    assert read_text(path) == "title: Calls\n"


def test_a_file_replaced_by_rename_is_read_again_even_with_the_same_time_and_size(tmp_path):
    path, saved = tmp_path / "strings.yml", tmp_path / "strings.yml.new"
    path.write_text("title: Bandi\n", encoding="utf-8")
    set_mtime(path, 1_600_000_000_000_000_000)
    assert read_text(path) == "title: Bandi\n"
    saved.write_text("title: Calls\n", encoding="utf-8")
    set_mtime(saved, 1_600_000_000_000_000_000)
    keep = tmp_path / "keep"  # keeps the old inode in use, so the new file cannot reuse its number
    os.link(path, keep)
    os.replace(saved, path)
    assert read_text(path) == "title: Calls\n"


def test_an_unchanged_file_is_opened_once(tmp_path, monkeypatch):
    folder = calls_folder(tmp_path)
    load_calls(folder, tmp_path)
    opened: list[Path] = []
    original = Path.read_text
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: opened.append(self) or original(self, *a, **k))
    load_calls(folder, tmp_path)
    load_calls(folder, tmp_path, ["it", "en"])
    assert opened == []


def test_a_deleted_or_unreadable_file_is_still_a_problem(tmp_path):
    path = tmp_path / "strings.yml"
    path.write_text("title: Bandi\n", encoding="utf-8")
    assert load_yaml(path).data == {"title": "Bandi"}
    path.unlink()
    problem = load_yaml(path, "data/strings/it.yml")
    assert isinstance(problem, Problem) and problem.message.startswith("cannot be read")
    path.write_bytes(b"title: caff\xe8\n")  # Latin-1, not UTF-8
    problem = load_yaml(path, "data/strings/it.yml")
    assert isinstance(problem, Problem) and "UTF-8" in problem.message


def test_pages_are_listed_as_rglob_lists_them(tmp_path):
    for name in ("b.it.md", "a.en.md", "a.it.md", "z/x.it.md", "a-b/c.md", "a/b/d.en.md", "notes.txt", "z/y.yml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert markdown_files(tmp_path) == tuple(sorted(tmp_path.rglob("*.md")))
    assert markdown_files(tmp_path / "missing") == ()


def test_one_check_pass_lists_the_pages_once_and_reads_each_page_once(monkeypatch):
    every_page = sorted((ROOT / "docs").rglob("*.md"))
    filecache._texts.clear()  # pages are read through the cache: read by an earlier test, not opened again
    opened: list[Path] = []
    walked: list[str] = []
    original_read, original_walk = Path.read_text, os.walk
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: opened.append(self) or original_read(self, *a, **k))
    monkeypatch.setattr(os, "walk", lambda top, *a, **k: walked.append(str(top)) or original_walk(top, *a, **k))
    monkeypatch.setattr(Path, "rglob", lambda self, pattern: pytest.fail(f"{self} walked again for {pattern}"))
    assert collect_problems(read_layout(ROOT / "mkdocs.yml")) == []
    pages = [path for path in opened if path.suffix == ".md"]
    # docs/ once; overrides/ once, for the templates that name the project's own scripts (checks.scripts)
    assert walked == [str(ROOT / "docs"), str(ROOT / "overrides")]
    assert pages and sorted(pages) == sorted(set(pages)) == every_page


@pytest.mark.parametrize(
    "english, field, message",
    [
        ("  en: Clusters Go International 2020\n", "title", "has no text for the language 'en'; add `en: ...`"),
        ("  en: COSME funding for", "summary", "has no text for the language 'en'; add `en: ...`"),
        ("  en: European Commission\n", "funder", "has no text for the language 'en'; add `en: ...`"),
        (
            "      en: Call announcement on the ECCP\n",
            "links",
            "call-news.title: has no text for the language 'en'; add `en: ...`",
        ),
    ],
)
def test_a_call_checked_for_every_language_names_the_text_missing(tmp_path, english, field, message):
    folder = calls_folder(tmp_path)
    path = folder / f"{CALL}.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = [line for line in lines if not line.startswith(english)]
    path.write_text("".join(lines), encoding="utf-8")
    load_calls(folder, tmp_path)  # valid when no language is asked for
    with pytest.raises(SiteDataError) as err:
        load_calls(folder, tmp_path, ["it", "en"])
    assert [(p.field, p.message) for p in err.value.problems] == [(field, message)]


def test_a_call_in_every_language_is_validated_once(tmp_path):
    folder = calls_folder(tmp_path)
    assert load_calls(folder, tmp_path, ["it", "en"])[CALL] is load_calls(folder, tmp_path)[CALL]


def test_a_page_edited_between_two_check_passes_is_read_again(tmp_path):
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "data" / "calls").mkdir(parents=True)
    page = tmp_path / "docs" / "chi-siamo.it.md"
    page.parent.mkdir()
    page.write_text("---\ntitle: Chi siamo\ndescription: Il progetto\n---\n\nTesto\n", encoding="utf-8")
    assert check_front_matter(read_layout(tmp_path / "mkdocs.yml")) == []
    page.write_text("---\ntitle: Chi siamo\n---\n\nTesto\n", encoding="utf-8")
    (tmp_path / "docs" / "dati-aperti.it.md").write_text("Testo\n", encoding="utf-8")
    assert [str(p) for p in check_front_matter(read_layout(tmp_path / "mkdocs.yml"))] == [
        "docs/chi-siamo.it.md:2: description: is missing; add it",
        "docs/dati-aperti.it.md:1: front matter: not found; start the page with a line `---`, "
        "then `title:` and `description:`, then another line `---`",
    ]
