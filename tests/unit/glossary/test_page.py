"""The glossary entries partial: one entry per term, ids = slugs, every value escaped."""

from __future__ import annotations

from bs4 import BeautifulSoup

from conftest import ROOT
from sitekit.glossary.model import LocalTerm
from sitekit.glossary.page import INDEX_FROM, collated, letter_index, render_entries
from sitekit.theme.partials import renderer

RENDER = renderer([ROOT / "overrides"])
STRINGS = {
    "sources": "Fonti ufficiali: {links}",
    "separator": "; ",
    "expansion": "({expansion})",
    "letters": "Indice alfabetico",
}


def render(terms: list[LocalTerm]) -> BeautifulSoup:
    return BeautifulSoup(render_entries(RENDER, terms, STRINGS), "lxml")


def test_each_term_is_an_entry_with_its_slug_as_id_in_the_given_order():
    terms = [LocalTerm("b", "Beta", "B long", "Second.", (), ()), LocalTerm("a", "alfa", None, "First.", (), ())]
    html = render(terms)
    assert [dt["id"] for dt in html.select("dl.glossary-entries.no-glossary > dt")] == ["b", "a"]
    assert html.select_one("#b dfn").get_text() == "Beta"
    assert "(B long)" in html.select_one("#b").get_text()
    assert html.select_one("#a .glossary-entry__expansion") is None
    assert [dd.p.get_text() for dd in html.select("dd")] == ["Second.", "First."]


def test_links_are_listed_with_their_titles_after_the_label():
    term = LocalTerm("x", "X", None, "Def.", (), (("https://a.eu/", "A"), ("https://b.eu/", "B")))
    sources = render([term]).select_one(".glossary-entry__sources")
    assert sources.get_text(" ", strip=True).startswith("Fonti ufficiali:")
    assert [(a["href"], a.get_text()) for a in sources.select("a")] == [("https://a.eu/", "A"), ("https://b.eu/", "B")]


def test_markup_written_in_the_data_comes_out_as_text():
    term = LocalTerm(
        'x"><script>',
        "<b>T</b>",
        "<i>E</i>",
        "<script>alert(1)</script>",
        (),
        (('https://a.eu/"onclick="x', "<img src=x>"),),
    )
    html = render([term])
    assert html.select("script, b, i, img") == []
    assert html.select_one("dd p").get_text() == "<script>alert(1)</script>"
    assert html.select_one("dd a").get("onclick") is None


def test_a_language_without_the_glossary_strings_gets_a_clear_error():
    import pytest

    from sitekit.glossary.page import glossary_strings
    from sitekit.problems import SiteDataError

    with pytest.raises(SiteDataError) as caught:
        glossary_strings({"not_found": {}}, "data/strings/fr.yml", "data/strings/it.yml")
    assert str(caught.value.problems[0]) == (
        "data/strings/fr.yml: glossary: is missing; copy the glossary block of "
        "data/strings/it.yml to the end of this file and translate it"
    )
    with pytest.raises(SiteDataError) as caught:
        glossary_strings(
            {"glossary": {"sources": "Sources: {links}", "expansion": "({expansion})", "letters": "Index"}},
            "data/strings/fr.yml",
            "data/strings/it.yml",
        )
    assert [str(p) for p in caught.value.problems] == [
        "data/strings/fr.yml: glossary.separator: is missing; add it, as in data/strings/it.yml"
    ]
    assert glossary_strings({"glossary": STRINGS}, "x", "y") == STRINGS


def test_punctuation_around_the_expansion_and_the_sources_comes_from_the_strings():
    term = LocalTerm("x", "X", "Ex & Co", "Def.", (), (("https://a.eu/", "A<"),))
    html = BeautifulSoup(
        render_entries(
            RENDER, [term], {**STRINGS, "sources": "Sources officielles : {links}", "expansion": "« {expansion} »"}
        ),
        "lxml",
    )
    assert html.select_one(".glossary-entry__expansion").get_text() == "« Ex & Co »"
    sources = html.select_one(".glossary-entry__sources")
    assert sources.get_text(" ", strip=True) == "Sources officielles : A<"
    assert sources.a["href"] == "https://a.eu/"


def test_a_long_glossary_gets_an_index_of_letters_leading_to_the_first_entry_of_each():
    words = ["àncora", "azioni", "catena", "ECCP", "éclair", "PMI", "paesi", "Zeta"]
    terms = [LocalTerm(f"t{i}", word, None, "Def.", (), ()) for i, word in enumerate(words)]
    letters = letter_index(terms, "it")
    assert letters == [("A", "t0"), ("C", "t2"), ("E", "t3"), ("P", "t6"), ("Z", "t7")]
    html = BeautifulSoup(render_entries(RENDER, collated(terms, "it"), STRINGS, letters), "lxml")
    nav = html.select_one("nav.glossary-letters")
    assert nav["aria-label"] == "Indice alfabetico"
    assert [(a.get_text(), a["href"]) for a in nav.select("a")] == [(letter, f"#{s}") for letter, s in letters]
    assert letter_index(terms[: INDEX_FROM - 1], "it") == []
