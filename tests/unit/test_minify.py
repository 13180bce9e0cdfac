"""The site's own CSS and JavaScript lose comments and indentation, never a rule or a statement."""
from __future__ import annotations

from sitekit.minify import minify_text


def test_css_loses_comments_and_spaces_but_keeps_its_rules():
    css = "/* why this rule */\n.md-header .md-select__inner {\n  left: auto;\n  right: 0;\n}\n"
    assert minify_text(css, ".css") == ".md-header .md-select__inner{left:auto;right:0}"


def test_javascript_loses_comments_but_keeps_strings_that_look_like_comments():
    js = '/* header */\nvar url = "http://example.org/*not a comment*/";  // trailing\n'
    out = minify_text(js, ".js")
    assert "header" not in out and "trailing" not in out
    assert '"http://example.org/*not a comment*/"' in out

