"""The annotation of glossary terms in a page's HTML, on tricky inputs."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from sitekit.glossary.annotate import Annotator
from sitekit.glossary.model import LocalTerm


def term(slug, text, definition="Definizione.", expansion=None, aliases=()):
    return LocalTerm(slug=slug, term=text, expansion=expansion, definition=definition, aliases=tuple(aliases), links=())


TERMS = [
    term("escp", "ESCP", "Sigla breve."),
    term(
        "escp-4i",
        "ESCP-4i",
        "Partenariati strategici.",
        expansion="European Strategic Cluster Partnerships for Going International",
        aliases=["ESCP-4"],
    ),
    term("sme", "PMI", "Piccole imprese.", expansion="piccole e medie imprese", aliases=["piccole e medie imprese"]),
    term("value-chain", "catena del valore", "Filiera.", aliases=["catene del valore"]),
    term("third-countries", "paesi terzi", "Fuori da COSME.", aliases=["paese terzo"]),
    term("city", "città", "Un luogo."),
    term("consortium", "consortium", "A group.", aliases=["consortia"]),
]
ANNOTATOR = Annotator(TERMS)


def href(slug: str) -> str:
    return f"../glossario/#{slug}"


def run(html: str) -> BeautifulSoup:
    return BeautifulSoup(ANNOTATOR.annotate(html, href), "lxml")


def abbrs(soup: BeautifulSoup) -> list[str]:
    return [a.get_text() for a in soup.find_all("abbr")]


def test_term_in_running_text_gets_an_abbr_with_expansion_and_definition():
    soup = run("<p>Le PMI europee.</p>")
    abbr = soup.find("abbr")
    assert abbr.get_text() == "PMI"
    assert abbr["title"] == "piccole e medie imprese: Piccole imprese."


def test_term_without_expansion_uses_the_term_itself_before_the_definition():
    assert run("<p>I paesi terzi.</p>").find("abbr")["title"] == "paesi terzi: Fuori da COSME."


def test_first_occurrence_is_linked_to_the_glossary_entry_and_later_ones_are_not():
    soup = run("<p>PMI e PMI.</p><h2>Due</h2><p>Ancora PMI.</p>")
    found = soup.find_all("abbr")
    assert len(found) == 2  # once per section
    assert found[0].a["href"] == "../glossario/#sme"
    assert found[0].a["aria-description"] == found[0]["title"]  # read out when the link has focus
    assert found[1].a is None
    assert len(soup.find_all("a")) == 1


def section(*parts: str) -> str:
    """Each part in a section of its own (a term is marked once per section)."""
    return "<h2>Sezione</h2>".join(parts)


def test_a_term_is_marked_once_in_each_section_and_never_in_headings_or_table_headers():
    soup = run(
        "<p>PMI, PMI e PMI.</p><table><tr><th>PMI</th></tr><tr><td>PMI</td></tr></table>"
        "<h2>Le PMI</h2><p>Altre PMI e PMI.</p><nav><a>x</a> PMI</nav>"
    )
    assert abbrs(soup) == ["PMI", "PMI"]  # the first in each section, in running text
    assert not soup.select("h2 abbr, th abbr, nav abbr")


def test_each_term_links_its_own_first_occurrence():
    soup = run("<p>PMI, paesi terzi, PMI, paesi terzi.</p>")
    assert [a["href"] for a in soup.find_all("a")] == ["../glossario/#sme", "../glossario/#third-countries"]


def test_without_a_glossary_page_terms_are_wrapped_but_not_linked():
    soup = BeautifulSoup(ANNOTATOR.annotate("<p>PMI</p>"), "lxml")
    assert abbrs(soup) == ["PMI"] and soup.find("a") is None


@pytest.mark.parametrize(
    "html",
    [
        "<p><code>PMI</code></p>",
        "<pre><code>PMI e ESCP-4i</code></pre>",
        '<p><a href="x">le PMI</a></p>',
        "<h1>PMI</h1>",
        "<h2>Le PMI</h2>",
        "<h3><em>PMI</em></h3>",
        "<h6>PMI</h6>",
        '<p><abbr title="già">PMI</abbr></p>',
        '<p><span data-deadline="2020-12-02T16:00:00Z">PMI</span></p>',
        '<div class="admonition no-glossary"><p>PMI</p></div>',
        "<p><kbd>PMI</kbd> <samp>PMI</samp></p>",
        "<script>var PMI = 1;</script>",
    ],
)
def test_terms_are_never_wrapped_inside_code_links_headings_abbr_or_marked_elements(html):
    before = BeautifulSoup(html, "lxml")
    after = run(html)
    assert len(after.find_all("abbr")) == len(before.find_all("abbr"))
    assert str(after) == str(before)


def test_text_after_a_skipped_element_is_still_annotated():
    soup = run("<p><code>PMI</code> e le PMI; <a href='x'>link</a> paesi terzi</p>")
    assert abbrs(soup) == ["PMI", "paesi terzi"]
    assert soup.find("code").get_text() == "PMI"


def test_adjacent_punctuation_does_not_stop_a_match():
    soup = run(section("<p>(PMI)</p>", "<p>«PMI»;</p>", "<p>PMI.</p>", "<p>PMI:</p>", "<p>PMI! dell'ESCP-4i?</p>"))
    assert abbrs(soup) == ["PMI"] * 5 + ["ESCP-4i"]
    assert soup.get_text() == "Sezione".join(["(PMI)", "«PMI»;", "PMI.", "PMI:", "PMI! dell'ESCP-4i?"])


def test_whole_words_only_including_accented_letters():
    soup = run("<p>PMIè cittàdina SPMI PMI2 città, èPMI</p>")
    assert abbrs(soup) == ["città"]


def test_accented_term_matches_before_punctuation_and_at_the_end():
    assert abbrs(run(section("<p>La città.</p>", "<p>Una città</p>"))) == ["città", "città"]


def test_longest_match_wins_and_a_shorter_term_inside_it_is_not_wrapped():
    soup = run(section("<p>Gli ESCP-4i</p>", "<p>e gli ESCP-4 e gli ESCP.</p>"))
    assert [(a.get_text(), a.a["href"] if a.a else None) for a in soup.find_all("abbr")] == [
        ("ESCP-4i", "../glossario/#escp-4i"),
        ("ESCP-4", None),
        ("ESCP", "../glossario/#escp"),
    ]


def test_a_term_joined_to_a_word_by_a_hyphen_is_part_of_that_word():
    assert abbrs(run("<p>PMI-friendly e non-PMI</p>")) == []


def test_plural_aliases_are_wrapped_with_the_entry_of_their_term():
    soup = run("<p>Le catene del valore e i consortia.</p>")
    assert abbrs(soup) == ["catene del valore", "consortia"]
    assert soup.find_all("abbr")[1].a["href"] == "../glossario/#consortium"


def test_spelled_out_alias_is_preferred_to_the_shorter_words_inside_it():
    soup = run(section("<p>Le piccole e medie imprese</p>", "<p>(PMI).</p>"))
    assert abbrs(soup) == ["piccole e medie imprese", "PMI"]


def test_multi_word_terms_match_across_a_line_break():
    soup = run("<p>nuove catene\n  del valore globali</p>")
    assert abbrs(soup) == ["catene\n  del valore"]


def test_matching_is_case_sensitive_as_written_in_the_data():
    assert abbrs(run("<p>pmi e Paesi Terzi</p>")) == []


def test_terms_inside_nested_inline_markup_and_tables_are_wrapped():
    soup = run("<table><tr><td><strong>Nuovi ESCP-4i</strong> per le <em>PMI</em></td></tr></table>")
    assert abbrs(soup) == ["ESCP-4i", "PMI"]


def test_markup_in_a_definition_comes_out_as_text():
    evil = Annotator([term("x", "XSS", 'Uses <script>alert("x")</script> & more.')])
    out = evil.annotate("<p>XSS</p>")
    soup = BeautifulSoup(out, "lxml")
    assert soup.find("script") is None
    assert soup.find("abbr")["title"] == 'XSS: Uses <script>alert("x")</script> & more.'
    assert "&lt;script&gt;" in out


def test_text_and_entities_around_terms_survive_unchanged():
    html = '<p>A &amp; B &lt;PMI&gt; <!-- keep --> x</p>\n<p class="c" id="i">Fine.</p>'
    out = ANNOTATOR.annotate(html, href)
    soup = BeautifulSoup(out, "lxml")
    assert soup.get_text() == BeautifulSoup(html, "lxml").get_text()
    assert "<!-- keep -->" in out and '<p class="c" id="i">Fine.</p>' in out


def test_page_without_any_term_is_returned_as_it_was():
    html = "<p>Nothing to see here &nbsp; <br>really</p>"
    assert ANNOTATOR.annotate(html, href) == html


def test_output_nests_no_link_in_a_link_and_no_abbr_in_an_abbr():
    soup = run("<ul><li>PMI <em>paesi terzi</em></li><li><a href='y'>x</a> PMI</li></ul>")
    assert not soup.select("a a, abbr abbr, a abbr")
