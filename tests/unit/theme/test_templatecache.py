"""The process-wide cache of compiled templates: a later environment reuses the code, an edit does not."""

from __future__ import annotations

from jinja2 import Environment, FileSystemLoader

from sitekit.theme.templatecache import MemoryBytecodeCache, share_compiled_templates


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
