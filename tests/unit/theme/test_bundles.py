"""The site's own stylesheets and scripts become one file each: every source, minified, in order,
under a name that changes whenever the content does."""

from __future__ import annotations

import hashlib
import re

import pytest

from sitekit.theme.bundles import Source, bundle
from sitekit.theme.minify import minify_text

CSS = [
    Source("assets/css/a.css", "/* first */\n.a {\n  color: red;\n}\n"),
    Source("assets/css/b.css", "/* second */\n.b { color: blue; }\n"),
]
# The first script ends without a semicolon and the second starts with "(": glued together as
# written, the second would call the first's result.
JS = [
    Source("assets/js/a.js", "// one\nvar a = function () { return 1 }\n"),
    Source("assets/js/b.js", "/* two */\n(function () { window.b = a(); })()\n"),
]


def test_css_sources_are_minified_and_joined_in_their_order():
    made = bundle(CSS, ".css")
    assert made.text == ".a{color:red}\n.b{color:blue}\n"
    assert made.sources == ("assets/css/a.css", "assets/css/b.css")
    assert made.text.index(".a{") < made.text.index(".b{")


def test_the_name_is_the_hash_of_the_content():
    made = bundle(CSS, ".css")
    assert re.fullmatch(r"assets/site\.[0-9a-f]{8}\.css", made.path)
    assert made.path == f"assets/site.{hashlib.sha256(made.text.encode()).hexdigest()[:8]}.css"
    changed = bundle([CSS[0], Source(CSS[1].path, ".b { color: green; }")], ".css")
    assert changed.path != made.path
    assert bundle(CSS, ".css").path == made.path  # same sources, same name: every language shares it


def test_scripts_are_kept_apart_by_a_semicolon_so_one_cannot_run_into_the_next():
    made = bundle(JS, ".js")
    first, second = (minify_text(s.text, ".js").strip() for s in JS)
    assert made.text == first + ";\n" + second + "\n"
    assert "one" not in made.text and "two" not in made.text
    assert made.path.endswith(".js")


def test_no_sources_make_an_empty_bundle():
    assert bundle([], ".js").sources == ()


def test_a_file_of_another_kind_is_refused():
    with pytest.raises(ValueError, match=re.escape("assets/js/a.js")):
        bundle([CSS[0], JS[0]], ".css")


def test_a_relative_url_in_a_stylesheet_is_refused_since_the_bundle_lives_elsewhere():
    with pytest.raises(ValueError, match=re.escape("assets/css/icons.css: a relative url")):
        bundle([Source("assets/css/icons.css", ".i { background: url('../img/i.svg'); }")], ".css")
    ok = bundle([Source("assets/css/ok.css", ".i { background: url(data:image/svg+xml,x); }")], ".css")
    assert "data:image" in ok.text
