"""The cache of compiled templates: a later environment (or process, through the disk) reuses the code, an
edit does not, and an unreadable entry on disk is compiled again."""

from __future__ import annotations

from jinja2 import Environment, FileSystemLoader

from sitekit.theme.templatecache import MemoryBytecodeCache, share_compiled_templates, share_with_every_environment


def _env(folder, cache) -> Environment:
    return share_compiled_templates(Environment(loader=FileSystemLoader(str(folder))), cache)


def test_a_second_environment_renders_from_the_first_ones_compiled_code(tmp_path, monkeypatch):
    (tmp_path / "page.html").write_text("Hello {{ name }}")
    cache = MemoryBytecodeCache()
    assert _env(tmp_path, cache).get_template("page.html").render(name="it") == "Hello it"
    compiled = []
    monkeypatch.setattr(Environment, "compile", lambda *a, **k: compiled.append(a) or None)
    assert _env(tmp_path, cache).get_template("page.html").render(name="en") == "Hello en"
    assert compiled == [], "the second language's environment compiled the template again"


def test_an_edited_template_is_compiled_again(tmp_path):
    (tmp_path / "page.html").write_text("Old {{ name }}")
    cache = MemoryBytecodeCache()
    _env(tmp_path, cache).get_template("page.html")
    (tmp_path / "page.html").write_text("New {{ name }}")
    assert _env(tmp_path, cache).get_template("page.html").render(name="x") == "New x"


def _compiles(monkeypatch) -> list:
    compiled: list = []
    original = Environment.compile
    monkeypatch.setattr(Environment, "compile", lambda *a, **k: compiled.append(a) or original(*a, **k))
    return compiled


def test_a_later_process_renders_from_the_code_kept_on_disk(tmp_path, monkeypatch):
    (tmp_path / "page.html").write_text("Hello {{ name }}")
    first = share_compiled_templates(
        Environment(loader=FileSystemLoader(str(tmp_path))), MemoryBytecodeCache(), tmp_path / "c"
    )
    assert first.get_template("page.html").render(name="it") == "Hello it"
    compiled = _compiles(monkeypatch)
    later = share_compiled_templates(
        Environment(loader=FileSystemLoader(str(tmp_path))), MemoryBytecodeCache(), tmp_path / "c"
    )
    assert later.get_template("page.html").render(name="en") == "Hello en"
    assert compiled == [], "a new process compiled what the disk held"


def test_an_edit_or_a_damaged_entry_on_disk_is_compiled_again(tmp_path, monkeypatch):
    (tmp_path / "page.html").write_text("Old {{ name }}")
    folder = tmp_path / "c"
    new = lambda: share_compiled_templates(  # noqa: E731
        Environment(loader=FileSystemLoader(str(tmp_path))), MemoryBytecodeCache(), folder
    )
    new().get_template("page.html")
    (tmp_path / "page.html").write_text("New {{ name }}")
    assert new().get_template("page.html").render(name="x") == "New x"
    for entry in folder.iterdir():
        entry.write_bytes(entry.read_bytes()[:40])  # cut short: what a full disk might leave
    compiled = _compiles(monkeypatch)
    assert new().get_template("page.html").render(name="y") == "New y"
    assert len(compiled) == 1


class _Theme:
    """As MkDocs' Theme: a new environment each time it is asked."""

    def __init__(self, folder):
        self.folder = folder

    def get_env(self) -> Environment:
        return Environment(loader=FileSystemLoader(str(self.folder)))


def test_every_environment_the_theme_makes_reuses_the_code_even_before_on_env(tmp_path, monkeypatch):
    (tmp_path / "language.html").write_text("{{ lang }}")
    theme = _Theme(tmp_path)
    share_with_every_environment(theme)
    share_with_every_environment(theme)  # a second language's on_config: wrapped once
    assert theme.get_env().get_template("language.html").render(lang="it") == "it"
    compiled = _compiles(monkeypatch)
    assert _Theme.get_env(theme).bytecode_cache is None  # what MkDocs alone would hand a plugin
    assert theme.get_env().get_template("language.html").render(lang="en") == "en"
    assert compiled == [], "a later environment of the theme compiled the template again"
