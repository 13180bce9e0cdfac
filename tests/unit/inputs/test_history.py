"""sitekit.inputs.history: the day each file last changed, from one `git log` per build command."""

from __future__ import annotations

import os
import subprocess
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from sitekit.inputs import history
from sitekit.inputs.history import History

ROME = timezone(timedelta(hours=1))


def git(repo: Path, *args: str, when: str | None = None) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    if when:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def commit(repo: Path, files: dict[str, str], when: str) -> None:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", f"change {', '.join(files)}", when=when)


@pytest.fixture(autouse=True)
def fresh_cache():
    history._read.cache_clear()
    yield
    history._read.cache_clear()


@pytest.fixture
def repo(tmp_path) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    commit(root, {"docs/a.it.md": "a", "data/calls/x.yml": "x: 1"}, "2020-11-02T10:00:00+01:00")
    commit(root, {"docs/b.it.md": "b"}, "2020-11-20T00:30:00+01:00")  # still the 19th in UTC
    commit(root, {"data/calls/x.yml": "x: 2"}, "2020-12-01T09:00:00+01:00")
    return root


def test_the_day_of_the_last_commit_of_a_file_in_the_commits_own_zone(repo):
    found = History.of(repo)
    assert found.last_changed("docs/a.it.md") == date(2020, 11, 2)
    assert found.last_changed("docs/b.it.md") == date(2020, 11, 20)
    assert found.last_commit("docs/b.it.md") == datetime(2020, 11, 20, 0, 30, tzinfo=ROME)


def test_the_newest_of_several_files_and_nothing_for_unknown_ones(repo):
    found = History.of(repo)
    assert found.last_changed("docs/a.it.md", "data/calls/x.yml") == date(2020, 12, 1)
    assert found.last_changed("docs/a.it.md", "docs/new.it.md") == date(2020, 11, 2)
    assert found.last_changed("docs/new.it.md") is None
    assert found.last_changed() is None


def test_uncommitted_edits_are_not_history(repo):
    (repo / "docs" / "a.it.md").write_text("edited", encoding="utf-8")
    assert History.of(repo).last_changed("docs/a.it.md") == date(2020, 11, 2)


def test_both_language_builds_share_one_git_log(repo, monkeypatch):
    calls: list[list[str]] = []
    run = subprocess.run

    def spy(args, **kwargs):
        calls.append(list(args))
        return run(args, **kwargs)

    monkeypatch.setattr(history.subprocess, "run", spy)
    first, second = History.of(repo), History.of(repo)
    assert first is second
    assert [c[1] for c in calls].count("log") == 1


def test_a_new_commit_is_read_by_the_next_build(repo):
    assert History.of(repo).last_changed("docs/b.it.md") == date(2020, 11, 20)
    commit(repo, {"docs/b.it.md": "b2"}, "2021-01-05T12:00:00+01:00")
    assert History.of(repo).last_changed("docs/b.it.md") == date(2021, 1, 5)


def test_without_a_repository_nothing_is_known(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.it.md").write_text("a", encoding="utf-8")
    assert History.of(tmp_path).last_changed("docs/a.it.md") is None


def test_without_git_nothing_is_known(repo, monkeypatch):
    monkeypatch.setenv("PATH", str(repo / "no-such-folder"))
    assert History.of(repo).last_changed("docs/a.it.md") is None


def test_a_shallow_clone_knows_only_the_files_of_the_commits_it_holds(repo, tmp_path):
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "2", repo.as_uri(), str(clone))
    found = History.of(clone)
    assert found.last_changed("data/calls/x.yml") == date(2020, 12, 1)  # in the newest commit
    # docs/b.it.md changed in the boundary commit, which seems to add every file: unknown
    assert found.last_changed("docs/b.it.md") is None
    assert found.last_changed("docs/a.it.md") is None  # its commit is not in the clone
