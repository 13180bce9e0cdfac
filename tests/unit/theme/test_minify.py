"""What readers download is minified: the site's own CSS and JavaScript lose comments and
indentation, never a rule or a statement; a page loses bytes, never a word, a space a reader
sees, an attribute, preformatted text or inline data."""

from __future__ import annotations

import json

import lxml.html

from sitekit.theme.minify import minify_page, minify_text


def test_css_loses_comments_and_spaces_but_keeps_its_rules():
    css = "/* why this rule */\n.md-header .md-select__inner {\n  left: auto;\n  right: 0;\n}\n"
    assert minify_text(css, ".css") == ".md-header .md-select__inner{left:auto;right:0}"


def test_javascript_loses_comments_but_keeps_strings_that_look_like_comments():
    js = '/* header */\nvar url = "http://example.org/*not a comment*/";  // trailing\n'
    out = minify_text(js, ".js")
    assert "header" not in out and "trailing" not in out
    assert '"http://example.org/*not a comment*/"' in out


# A call page as the theme and our hooks write it (deadline box, glossary terms, JSON-LD), with a
# code block and inline elements separated only by spaces or line breaks.
PAGE = """<!doctype html>
<html lang="it" class="no-js">
  <head>
    <meta charset="utf-8">
    <title>Clusters Go International 2020</title>
    <script type="application/ld+json">{"@type": "MonetaryGrant",  "name": "Clusters Go International 2020"}</script>
    <script id="__config" type="application/json">{"base": "../..", "features": ["content.tooltips"]}</script>
  </head>
  <body dir="ltr">
    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">
    <input type="text" class="md-search__input" name="query" placeholder="Cerca" required>
    <article class="md-content__inner md-typeset">
      <h1 id="clusters-go-international-2020">Clusters Go International 2020</h1>
<aside class="call-box call-box--deadline" data-deadline="2020-12-02T16:00:00Z" data-state="open">
<p class="call-box__when"><time datetime="2020-12-02T17:00:00+01:00">2 dicembre 2020, ore 17:00 CET</time></p>
<p class="call-box__yours" hidden></p>
<p class="call-box__status" aria-live="polite"><span class="call-badge" data-labels='{"closed": "Chiuso", "open": "Aperto"}'>Aperto</span> <span class="call-box__state-text">fino al 2 dicembre</span></p></aside>

<p>finanzia partenariati tra <abbr title="cluster: Un gruppo di imprese"><a href="../../glossario/#cluster" class="glossary-link">cluster</a></abbr>
<abbr title="European Cluster Collaboration Platform"><a href="../../glossario/#eccp">ECCP</a></abbr> e <em>PMI</em>   <strong>europee</strong>.</p>
<ul>
  <li><a href="a/">Sezione A</a></li>
  <li><code>COS-CLUSINT-2020-3-01</code> <kbd>Ctrl</kbd> + <kbd>K</kbd></li>
</ul>
<pre><code>id:   COS-CLUSINT-2020-3-01

    deadline:  2020-12-02 17:00
</code></pre>
    </article>
  </body>
</html>
"""
# Elements after which a browser starts a new line: their boundaries separate words even when
# the minifier removes the whitespace between them.
BLOCKS = {"p", "li", "ul", "aside", "h1", "pre", "article", "body", "head", "title", "script", "meta", "input"}


def visible_words(html: str) -> list[str]:
    root = lxml.html.document_fromstring(html)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in BLOCKS:
            element.text, element.tail = " " + (element.text or ""), " " + (element.tail or "")
    return root.body.text_content().split()


def elements(html: str) -> list[tuple[str, dict]]:
    return [(e.tag, dict(e.attrib)) for e in lxml.html.document_fromstring(html).iter() if isinstance(e.tag, str)]


def test_a_page_gets_smaller():
    assert len(minify_page(PAGE)) < len(PAGE) - 100


def test_a_minified_page_shows_the_same_words_with_the_same_spaces_between_them():
    small = minify_page(PAGE)
    assert visible_words(small) == visible_words(PAGE)
    assert "</abbr> <abbr" in small and "</span> <span" in small and "</kbd> + <kbd>" in small


def test_preformatted_text_keeps_every_space_and_line():
    before = lxml.html.document_fromstring(PAGE).xpath("//pre")[0].text_content()
    after = lxml.html.document_fromstring(minify_page(PAGE)).xpath("//pre")[0].text_content()
    assert after == before and "\n\n    deadline:  2020" in after


def test_inline_json_is_left_exactly_as_written():
    small = lxml.html.document_fromstring(minify_page(PAGE))
    scripts = [s.text for s in small.xpath("//script")]
    assert scripts == [s.text for s in lxml.html.document_fromstring(PAGE).xpath("//script")]
    assert json.loads(small.xpath("//span[@data-labels]")[0].get("data-labels")) == {
        "closed": "Chiuso",
        "open": "Aperto",
    }


def test_every_element_keeps_its_attributes_and_closing_tags_stay():
    small = minify_page(PAGE)
    assert elements(small) == elements(PAGE)
    assert small.count("</p>") == PAGE.count("</p>") and small.count("</li>") == PAGE.count("</li>")
    assert small.startswith("<!doctype html><html") and "<head>" in small


def test_minifying_twice_changes_nothing_more():
    assert minify_page(minify_page(PAGE)) == minify_page(PAGE)
