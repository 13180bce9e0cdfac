"""Under `mkdocs serve`, mkdocs-static-i18n's copy of each file is made once: every later build gets a
copy equal to what the plugin itself makes, and its own (a build's changes do not reach the next)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs_static_i18n.suffix import create_i18n_file  # type: ignore[import-untyped]

from sitekit.preview.filelists import remembering


def config(tmp_path) -> MkDocsConfig:
    cfg = MkDocsConfig()
    cfg.load_dict({"site_name": "x", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site")})
    cfg.validate()
    return cfg


def plain(file: File) -> dict:
    return {k: v for k, v in vars(file).items() if k != "alternates"} | {"alternates": sorted(vars(file)["alternates"])}


def test_a_remembered_file_is_what_the_plugin_makes_and_each_build_gets_its_own(tmp_path):
    cfg = config(tmp_path)
    (tmp_path / "docs" / "bandi").mkdir(parents=True)
    source = File("bandi/index.en.md", cfg.docs_dir, cfg.site_dir, cfg.use_directory_urls)
    remembered = remembering(create_i18n_file)
    first = remembered(source, "en", "it", ["it", "en"], cfg)
    first.page = "a page of the first build"
    first.alternates["it"] = "an alternate of the first build"
    again = remembered(source, "en", "it", ["it", "en"], cfg)
    made = create_i18n_file(source, "en", "it", ["it", "en"], cfg)
    assert again is not first
    assert again.page is None and again.alternates == {"en": again}
    assert plain(again) == plain(made)
    assert again.url == made.url == "en/bandi/" and again.abs_dest_path == made.abs_dest_path


def test_another_language_or_file_is_made_anew(tmp_path):
    cfg = config(tmp_path)
    remembered = remembering(create_i18n_file)
    page = File("chi-siamo.it.md", cfg.docs_dir, cfg.site_dir, cfg.use_directory_urls)
    assert remembered(page, "it", "it", ["it", "en"], cfg).url == "chi-siamo/"
    assert remembered(page, "en", "it", ["it", "en"], cfg).url == "en/chi-siamo/"
    other = File("glossario.it.md", cfg.docs_dir, cfg.site_dir, cfg.use_directory_urls)
    assert remembered(other, "it", "it", ["it", "en"], cfg).url == "glossario/"
