"""The theme's file listing without hidden folders: MkDocs copies exactly the same theme files."""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from conftest import ROOT
from sitekit.theme.loader import VisibleFilesLoader, list_visible_theme_files


def _theme_files(config) -> list[str]:
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    return sorted(file.src_uri for file in files)


def test_mkdocs_finds_the_same_theme_files_to_copy_for_this_site():
    config = load_config(str(ROOT / "mkdocs.yml"))
    walked = _theme_files(config)
    list_visible_theme_files(config.theme)
    assert isinstance(config.theme.get_env().loader, VisibleFilesLoader)
    assert _theme_files(config) == walked
    assert any(path.startswith("assets/javascripts/lunr/") for path in walked)  # Material's own files


def test_hidden_folders_are_not_listed_but_their_templates_still_load(tmp_path):
    (tmp_path / ".icons" / "set").mkdir(parents=True)
    (tmp_path / ".icons" / "set" / "a.svg").write_text("<svg>A</svg>")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "site.css").write_text("a{}")
    (tmp_path / ".hidden.css").write_text("b{}")
    env = Environment(loader=VisibleFilesLoader([str(tmp_path)]))
    assert env.list_templates() == ["assets/site.css"]
    assert env.get_template(".icons/set/a.svg").render() == "<svg>A</svg>"


def test_configuring_the_theme_again_for_the_second_language_changes_nothing_more():
    config = load_config(str(ROOT / "mkdocs.yml"))
    list_visible_theme_files(config.theme)
    once = config.theme.get_env
    list_visible_theme_files(config.theme)
    assert config.theme.get_env is once
