"""Loading data/glossary.yml: the real file loads, and every editor's mistake gets one clear message."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from conftest import LOCALES, ROOT
from sitekit.glossary.model import load_glossary
from sitekit.glossary.page import collated
from sitekit.problems import SiteDataError

GOOD = """\
eccp:
  it:
    term: ECCP
    expansion: European Cluster Collaboration Platform
    definition: La piattaforma.
  en:
    term: ECCP
    expansion: European Cluster Collaboration Platform
    definition: The platform.
  links:
    - url: https://clustercollaboration.eu/
      title:
        it: Piattaforma
        en: Platform
sme:
  it:
    term: PMI
    definition: Piccole e medie imprese.
    aliases: [piccole e medie imprese]
  en:
    term: SME
    definition: Small and medium-sized enterprises.
    aliases: [SMEs]
"""


def load(tmp_path: Path, text: str):
    path = tmp_path / "data" / "glossary.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_glossary(path, tmp_path, LOCALES)


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(SiteDataError) as caught:
        load(tmp_path, text)
    return [str(p) for p in caught.value.problems]


def test_the_real_glossary_loads_with_every_term_in_every_language():
    glossary = load_glossary(ROOT / "data" / "glossary.yml", ROOT, LOCALES)
    required = {
        "escp-4i",
        "eccp",
        "cosme",
        "sme",
        "third-countries",
        "dual-use",
        "value-chain",
        "preparatory-actions",
        "implementation-actions",
        "consortium",
        "cluster",
        "por-fesr",
    }
    assert required <= set(glossary.entries)
    for locale in LOCALES:
        assert {t.slug for t in glossary.terms(locale)} == set(glossary.entries)
    assert {t.slug: t.term for t in glossary.terms("it")}["sme"] == "PMI"
    assert {t.slug: t.term for t in glossary.terms("en")}["sme"] == "SME"


def test_every_link_of_the_real_glossary_is_https():
    glossary = load_glossary(ROOT / "data" / "glossary.yml", ROOT, LOCALES)
    for locale in LOCALES:
        for t in glossary.terms(locale):
            assert all(url.startswith("https://") for url, _ in t.links), t.slug


def test_a_good_file_gives_each_language_its_terms_links_and_aliases(tmp_path):
    glossary = load(tmp_path, GOOD)
    en = {t.slug: t for t in glossary.terms("en")}
    assert en["eccp"].title == "European Cluster Collaboration Platform: The platform."
    assert en["eccp"].links == (("https://clustercollaboration.eu/", "Platform"),)
    assert en["sme"].forms == ("SME", "SMEs")


def test_a_term_missing_a_language_names_the_entry_and_the_language(tmp_path):
    text = GOOD.replace(
        "  en:\n    term: SME\n    definition: Small and medium-sized enterprises.\n    aliases: [SMEs]\n", ""
    )
    assert problems(tmp_path, text) == [
        "data/glossary.yml:15: sme.en: is missing; add the term in this language (en: with term and definition)"
    ]


def test_a_duplicate_slug_is_caught_although_yaml_keeps_only_the_last(tmp_path):
    text = GOOD + GOOD.split("sme:")[1].join(["sme:", ""])
    found = problems(tmp_path, text)
    assert found == [
        "data/glossary.yml:24: sme: appears twice (lines 15 and 24); "
        "YAML would silently keep only the last one: keep one, or rename one"
    ]


def test_a_duplicate_term_in_one_language_names_both_entries(tmp_path):
    text = (
        GOOD
        + "pmi-bis:\n  it:\n    term: PMI\n    definition: Ancora.\n  en:\n    term: Small business\n    definition: Again.\n"
    )
    assert problems(tmp_path, text) == [
        'data/glossary.yml:26: pmi-bis.it.term: "PMI" is also the term of sme; each term has one entry: '
        "merge the two entries or write a different term"
    ]


def test_an_alias_colliding_with_another_term_is_refused(tmp_path):
    text = GOOD.replace("aliases: [SMEs]", "aliases: [SMEs, ECCP]")
    assert problems(tmp_path, text) == [
        'data/glossary.yml:23: sme.en.aliases: "ECCP" is also the term of eccp; a word can lead to one entry only: '
        "remove it from one of the two"
    ]


def test_an_alias_colliding_with_another_alias_is_refused_whatever_its_capitals(tmp_path):
    text = GOOD.replace("    definition: The platform.\n", "    definition: The platform.\n    aliases: [smes]\n")
    found = problems(tmp_path, text)
    assert found == [
        'data/glossary.yml:24: sme.en.aliases: "SMEs" is also the alias of eccp; '
        "a word can lead to one entry only: remove it from one of the two"
    ]


def test_an_empty_definition_is_refused(tmp_path):
    text = GOOD.replace("definition: The platform.", 'definition: "  "')
    assert problems(tmp_path, text) == ["data/glossary.yml:9: eccp.en.definition: is empty; write it in this language"]


def test_a_missing_definition_is_refused(tmp_path):
    text = GOOD.replace("    definition: The platform.\n", "")
    assert problems(tmp_path, text) == ["data/glossary.yml:6: eccp.en.definition: is missing; add it"]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/x", "clustercollaboration.eu", "https://"])
def test_a_link_that_is_not_http_is_refused(tmp_path, url):
    text = GOOD.replace("https://clustercollaboration.eu/", url)
    assert problems(tmp_path, text) == [
        f'data/glossary.yml:11: eccp.links.0.url: "{url}" is not a web address; write the full link, starting with https://'
    ]


def test_a_link_without_a_title_in_one_language_is_refused(tmp_path):
    text = GOOD.replace("        en: Platform\n", "")
    assert problems(tmp_path, text) == [
        "data/glossary.yml:12: eccp.links.0.title: has no title in en; add one line per language"
    ]


def test_a_misspelt_field_is_named(tmp_path):
    text = GOOD.replace("    definition: La piattaforma.", "    definiton: La piattaforma.")
    found = problems(tmp_path, text)
    assert (
        "data/glossary.yml:5: eccp.it.definiton: is not a field of a glossary entry; use term, expansion, definition, aliases"
        in found
    )
    assert "data/glossary.yml:2: eccp.it.definition: is missing; add it" in found


def test_an_unknown_language_is_named(tmp_path):
    text = GOOD.replace("  links:\n", "  fr:\n    term: PME\n    definition: x\n  links:\n")
    assert problems(tmp_path, text) == [
        "data/glossary.yml:10: eccp.fr: is not a language of the site (it, en) nor links; check its spelling"
    ]


def test_a_slug_that_cannot_be_an_address_is_refused(tmp_path):
    text = GOOD.replace("sme:", "Small Firms:")
    assert problems(tmp_path, text) == [
        'data/glossary.yml:15: Small Firms: "Small Firms" is not a usable key; '
        "write it in lower case letters, digits and hyphens, e.g. escp-4i"
    ]


def test_every_problem_is_reported_at_once(tmp_path):
    text = GOOD.replace("definition: The platform.", 'definition: ""').replace(
        "https://clustercollaboration.eu/", "www.x"
    )
    assert len(problems(tmp_path, text)) == 2


def test_broken_yaml_names_the_line(tmp_path):
    found = problems(tmp_path, "eccp:\n  it: [unclosed\n")
    assert len(found) == 1 and found[0].startswith("data/glossary.yml:") and "YAML" in found[0]


def test_collation_follows_the_language_not_byte_order():
    from sitekit.glossary.model import LocalTerm

    words = ["Zeta", "àncora", "PMI", "azioni", "ECCP", "éclair", "catena"]
    terms = [LocalTerm(w, w, None, "d", (), ()) for w in words]
    assert [t.term for t in collated(terms, "it")] == ["àncora", "azioni", "catena", "ECCP", "éclair", "PMI", "Zeta"]
    assert sorted(words) != ["àncora", "azioni", "catena", "ECCP", "éclair", "PMI", "Zeta"]


def test_aliases_written_as_plain_text_are_explained(tmp_path):
    text = GOOD.replace("aliases: [SMEs]", "aliases: SMEs")
    assert problems(tmp_path, text) == [
        'data/glossary.yml:23: sme.en.aliases: is not a list; found "SMEs"; write it as [SMEs], forms separated by commas'
    ]


def test_a_language_written_as_plain_text_is_explained(tmp_path):
    text = GOOD.replace(
        "  en:\n    term: SME\n    definition: Small and medium-sized enterprises.\n    aliases: [SMEs]\n",
        "  en: Small and medium-sized enterprises\n",
    )
    assert problems(tmp_path, text) == [
        'data/glossary.yml:20: sme.en: is not a block of fields; found "Small and medium-sized enterprises"; '
        "write term: and definition: on the lines below, indented"
    ]
