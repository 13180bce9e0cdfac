"""The glossary's order per language: the expected orders below are what PyICU 2.17 (built against
Debian's ICU 72) gave before the switch to the pyicu-wheels wheel; a different collation library or
ICU release must still give them, for Italian, English and French."""

from __future__ import annotations

import random

import pytest

from sitekit.glossary.model import LocalTerm
from sitekit.glossary.page import collated

# Accents, case, apostrophes (straight and typographic), letters outside Italian, spaces and hyphens,
# digits and a symbol: what a reader of each of these languages expects, ICU's order.
WORDS = [
    "€",
    "1",
    "10",
    "2",
    "a",
    "à",
    "À",
    "Ä",
    "aerø",
    "Ærø",
    "angstrom",
    "Ångström",
    "ca",
    "çà",
    "co operation",
    "co-operation",
    "cooperation",
    "cote",
    "coté",
    "côte",
    "côté",
    "d'Italia",
    "d’Italia",
    "dall'Europa",
    "Dario",
    "dell'anno",
    "della",
    "e",
    "E",
    "é",
    "É",
    "è",
    "eliche",
    "elite",
    "élite",
    "Élite",
    "ESCP 4i",
    "ESCP-4i",
    "ESCP4i",
    "EUR",
    "l'Aquila",
    "L'Aquila",
    "l’Aquila",
    "la",
    "lago",
    "Lodz",
    "Łódź",
    "naive",
    "naïve",
    "nandu",
    "ñandú",
    "oeuvre",
    "Œuvre",
    "ol",
    "Ol",
    "öl",
    "Orsted",
    "Ørsted",
    "Oslo",
    "pmi",
    "Pmi",
    "PMI",
    "strasse",
    "straße",
    "z",
    "Z",
    "zucca",
    "Zucca",
    "Zurigo",
]

# The glossary's terms and aliases as of this test (data/glossary.yml), and French words with accents.
TERMS = {
    "it": [
        "azione di attuazione",
        "azione preparatoria",
        "azioni di attuazione",
        "azioni preparatorie",
        "azioni relative all'attuazione",
        "catena del valore",
        "catene del valore",
        "cluster",
        "consorzi",
        "consorzio",
        "COSME",
        "duplice uso",
        "ECCP",
        "ESCP-4",
        "ESCP-4i",
        "paese terzo",
        "Paese terzo",
        "paesi terzi",
        "Paesi terzi",
        "piccole e medie imprese",
        "PMI",
        "POR FESR",
        "value chain",
    ],
    "en": [
        "cluster",
        "clusters",
        "consortia",
        "consortium",
        "COSME",
        "dual-use",
        "ECCP",
        "ERDF Regional Operational Programme",
        "ESCP-4",
        "ESCP-4i",
        "implementation action",
        "implementation actions",
        "POR FESR",
        "preparatory action",
        "preparatory actions",
        "small and medium-sized enterprises",
        "SME",
        "SMEs",
        "third countries",
        "third country",
        "value chain",
        "value chains",
    ],
    "fr": [
        "à",
        "Ça",
        "cadre",
        "côté",
        "élève",
        "Élysée",
        "être",
        "étude",
        "l'Union européenne",
        "leçon",
        "lecture",
        "Oeuvre",
        "œuvre",
        "Paris",
        "partenariat",
        "pâte",
        "pâté",
        "pâtes",
        "PME",
        "zèbre",
        "Zoé",
    ],
}


def order(words: list[str], locale: str) -> list[str]:
    shuffled = random.Random(4287).sample(words, len(words))
    return [t.term for t in collated([LocalTerm(w, w, None, "d", (), ()) for w in shuffled], locale)]


@pytest.mark.parametrize("locale", TERMS)
def test_glossary_terms_sort_as_icu_sorts_them(locale):
    assert order(TERMS[locale], locale) == TERMS[locale]


@pytest.mark.parametrize("locale", TERMS)
def test_accented_apostrophe_and_foreign_words_sort_as_icu_sorts_them(locale):
    assert order(WORDS, locale) == WORDS
    assert order(WORDS, locale) != sorted(WORDS)  # the check itself: code-point order differs
