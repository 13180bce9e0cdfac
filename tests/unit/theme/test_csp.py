"""The Content-Security-Policy of a page: its theme's inline scripts by hash, nothing else inline."""

from __future__ import annotations

import re
from pathlib import Path

from sitekit.theme.csp import TemplateScripts, inline_script_hashes, policy, with_policy

# sha256 of the text `alert(1)`, as `echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64` gives it
ALERT_HASH = "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"

# The theme's templates as the hook reads them: one static script, one with a URL inside a string.
THEME = TemplateScripts(
    [
        "{% if x %}<script>alert(1)</script>{% endif %}",
        '<script>scope=new URL("{{ config.extra.scope | d(base_url) }}",location)</script>',
        "<script>var n={{ count }}</script>",  # an expression outside a string: never allowed
    ]
)

PAGE = """<!doctype html><html><head><meta charset=utf-8><title>t</title>
<script>alert(1)</script><script src=a.js></script>
<script id=__config type=application/json>{"a": 1}</script></head>
<body><article><script>window.fromMarkdown = 1</script><img src=x onerror="window.x=1"></article>
<script>alert(1)</script></body></html>"""


def test_the_theme_inline_scripts_are_allowed_by_hash_once_each():
    assert inline_script_hashes(PAGE, THEME) == [ALERT_HASH]


def test_a_script_in_the_page_content_gets_no_hash():
    assert inline_script_hashes("<body><article><div><script>alert(1)</script></div></article></body>", THEME) == []


def test_a_script_no_template_writes_gets_no_hash_wherever_it_is():
    # site_name or copyright in mkdocs.yml, printed by Material as HTML in the header and footer
    page = "<head><title>Site <script>steal()</script></title></head><body><header>Site<script>steal()</script>"
    page += "</header><footer><script>alert(1);steal()</script></footer></body>"
    assert inline_script_hashes(page, THEME) == []


def test_a_template_value_inside_a_string_is_allowed_only_while_it_stays_inside():
    assert inline_script_hashes('<script>scope=new URL("../..",location)</script>', THEME) != []
    for breakout in ['",alert(1),"', "\\\\", "x\n", "</script>"]:
        script = f'<script>scope=new URL("{breakout}",location)</script>'
        assert inline_script_hashes(script, THEME) == [], breakout
    assert inline_script_hashes("<script>var n=1;alert(1)</script>", THEME) == []
    assert inline_script_hashes("<script>var n=1</script>", THEME) == []


def test_the_real_theme_allows_every_inline_script_of_a_built_page_and_nothing_else(site_dir):
    import importlib.util

    from bs4 import BeautifulSoup

    from sitebuild import ROOT
    from sitekit.theme.csp import theme_scripts

    theme = theme_scripts(
        (
            str(ROOT / "overrides"),
            str(Path(getattr(importlib.util.find_spec("material"), "origin", "")).parent / "templates"),
        )
    )
    for page in [site_dir / "index.html", site_dir / "en" / "bandi" / "index.html", site_dir / "404.html"]:
        html = page.read_text(encoding="utf-8")
        scripts = [s for s in BeautifulSoup(html, "html.parser").find_all("script") if not s.get("src")]
        runnable = [s for s in scripts if s.get("type") is None]
        assert runnable and len(inline_script_hashes(html, theme)) == len({s.string for s in runnable}), page


def test_the_policy_never_allows_inline_code_or_any_host():
    text = policy(PAGE, THEME)
    script_src = re.search(r"script-src ([^;]*)", text)[1].split()
    assert script_src == ["'self'", ALERT_HASH]
    assert "unsafe-inline" not in text and "*" not in text and "object-src 'none'" in text


def test_the_policy_comes_right_after_the_charset_before_any_script():
    out = with_policy(PAGE, THEME)
    meta = out.index('<meta content="script-src')
    assert out[out.index(">", meta) - len("http-equiv=Content-Security-Policy") :].startswith(
        "http-equiv=Content-Security-Policy>"
    )
    assert out.index("<meta charset=utf-8>") < meta < out.index("<script")
    assert out.replace(out[meta : out.index(">", meta) + 1], "") == PAGE


def test_the_policy_tag_is_as_the_minifier_writes_it():
    from sitekit.theme.minify import minify_page

    out = with_policy(minify_page(PAGE), THEME)
    assert minify_page(out) == out


def test_a_template_script_where_no_browser_runs_it_or_with_attributes_gets_no_hash():
    for where in [
        "<!-- <script>alert(1)</script> -->",
        "<title>t <script>alert(1)</script></title>",
        "<textarea><script>alert(1)</script></textarea>",
        "<style>/* <script>alert(1)</script> */</style>",
        '<meta content="About <script>alert(1)</script>" property=og:title>',  # the minifier leaves `<` there
        "<a title='<script>alert(1)</script>' href=x>x</a>",
        "<script type=module>alert(1)</script>",
        '<script data-from="page">alert(1)</script>',
    ]:
        assert inline_script_hashes(f"<head>{where}</head><body></body>", THEME) == [], where


def test_a_script_is_in_the_article_until_the_article_that_holds_it_ends():
    nested = "<article><article></article><script>alert(1)</script></article>"
    assert inline_script_hashes(nested, THEME) == []
    # an </article> inside a script's text or a comment ends nothing
    for closer in [
        '<script type=application/ld+json>{"a": "</article>"}</script>',
        "<!-- </article> -->",
        '<a title="</article>" href=x>x</a>',
    ]:
        assert inline_script_hashes(f"<article>{closer}<script>alert(1)</script></article>", THEME) == [], closer
    assert inline_script_hashes("<article></article ><script>alert(1)</script>", THEME) == [ALERT_HASH]
