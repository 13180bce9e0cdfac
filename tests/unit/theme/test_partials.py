"""The partials renderer: a new one per build sees edited partials, and reuses compiled code."""

from __future__ import annotations

from jinja2 import Environment

from sitekit.theme.partials import renderer


def test_a_partial_edited_between_two_builds_renders_its_new_text(tmp_path):
    (tmp_path / "partials").mkdir()
    partial = tmp_path / "partials" / "x.html"
    partial.write_text("Old {{ name }}")
    assert renderer([tmp_path])("partials/x.html", name="<b>") == "Old &lt;b&gt;"
    partial.write_text("New {{ name }}")
    assert renderer([tmp_path])("partials/x.html", name="a") == "New a"


def test_the_next_build_does_not_compile_an_unchanged_partial_again(tmp_path, monkeypatch):
    (tmp_path / "y.html").write_text("{% if name %}\nHi {{ name }}\n{% endif %}\n")
    assert renderer([tmp_path])("y.html", name="it") == "Hi it\n"
    compiled = []
    monkeypatch.setattr(Environment, "compile", lambda *a, **k: compiled.append(a) or None)
    assert renderer([tmp_path])("y.html", name="en") == "Hi en\n"
    assert compiled == [], "the second build compiled the partial again"


def test_within_one_build_a_partial_is_read_once_not_checked_before_every_render(tmp_path):
    (tmp_path / "z.html").write_text("Z {{ n }}")
    render = renderer([tmp_path])
    assert render("z.html", n=1) == "Z 1"
    (tmp_path / "z.html").unlink()  # a file check before the next render would now fail
    assert [render("z.html", n=n) for n in (2, 3)] == ["Z 2", "Z 3"]
