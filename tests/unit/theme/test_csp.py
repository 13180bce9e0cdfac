"""The Content-Security-Policy of a page: its theme's inline scripts by hash, nothing else inline."""

from __future__ import annotations

import re

from sitekit.theme.csp import inline_script_hashes, policy, with_policy

# sha256 of the text `alert(1)`, as `echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64` gives it
ALERT_HASH = "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"

PAGE = """<!doctype html><html><head><meta charset=utf-8><title>t</title>
<script>alert(1)</script><script src=a.js></script>
<script id=__config type=application/json>{"a": 1}</script></head>
<body><article><script>window.fromMarkdown = 1</script><img src=x onerror="window.x=1"></article>
<script>alert(1)</script></body></html>"""


def test_the_theme_inline_scripts_are_allowed_by_hash_once_each():
    assert inline_script_hashes(PAGE) == [ALERT_HASH]


def test_a_script_in_the_page_content_gets_no_hash():
    assert inline_script_hashes("<body><article><div><script>alert(1)</script></div></article></body>") == []


def test_the_policy_never_allows_inline_code_or_any_host():
    text = policy(PAGE)
    script_src = re.search(r"script-src ([^;]*)", text)[1].split()
    assert script_src == ["'self'", ALERT_HASH]
    assert "unsafe-inline" not in text and "*" not in text and "object-src 'none'" in text


def test_the_policy_comes_right_after_the_charset_before_any_script():
    out = with_policy(PAGE)
    meta = out.index('<meta content="script-src')
    assert out[out.index(">", meta) - len("http-equiv=Content-Security-Policy") :].startswith(
        "http-equiv=Content-Security-Policy>"
    )
    assert out.index("<meta charset=utf-8>") < meta < out.index("<script")
    assert out.replace(out[meta : out.index(">", meta) + 1], "") == PAGE


def test_the_policy_tag_is_as_the_minifier_writes_it():
    from sitekit.theme.minify import minify_page

    out = with_policy(minify_page(PAGE))
    assert minify_page(out) == out
