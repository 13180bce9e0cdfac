"""The site says what the call says, in natural Italian and English: no stronger claim, no calque,
times from the data, punctuation from the strings (issue 17), on the built pages."""

from __future__ import annotations

import pytest

from conftest import LOCALES, PREFIX
from sitebuild import html_pages, soup

# Claims stronger than the source, calques and terms the Commission does not use, per language.
FORBIDDEN = {
    "it": [
        "solo di attuazione",
        "solo azioni di attuazione",
        "non sono previste azioni preparatorie",
        "deve fare un progetto",
        "tutti i settori",
        "call per proposte",
        "registrate alla",
        "registrazione all'ECCP",
        "per andare sui mercati internazionali",
        "sarà disponibile",
        "Paesi",
        "Torna ",
        "vai a ",
        "senza registrazione",
        "(strand) (strand)",
        # issue 25: the Italian a native editor writes
        "Il progetto è di un consorzio",
        "stabiliscono il partenariato",
        "nell'ambito del programma COSME",
        "nell’ambito del programma COSME",
        "partenariati, e più forti",
        "non è richiesta alcuna iscrizione",
        "Dove andare",
        "Guardate il webinar",
    ],
    "en": [
        "implementation only",
        "implementation actions only",
        "no preparatory actions",
        "must do",
        "all sectors",
        "Section A",
        "Section B",
        "call for proposal ",
        "will be available",
        "before the deadline",
        "POR FESR 2014-2020 (ERDF",
        # issue 25: the Commission's English
        "prevail",
        "A project belongs to",
        "Watch the",
        "Recommendation 2003/361.",
    ],
}
SOURCE_WORDING = {  # "dovrebbero basarsi sulle strategie ... e concentrarsi sulle azioni relative all'attuazione"
    "it": ["strategie di internazionalizzazione esistenti", "concentrarsi sulle azioni di attuazione"],
    "en": ["existing internationalisation strategies", "focus on implementation actions"],
}
ZONE_NOTE = {
    "it": "Gli orari sono quelli di Bruxelles (CET, UTC+1).",
    "en": "All times are Brussels time (CET, UTC+1).",
}


def _pages(site_dir, locale):
    pages = [p for p in html_pages(site_dir) if p.name == "index.html"]
    return [p for p in pages if (p.relative_to(site_dir).parts[0] == "en") == (locale == "en")]


def _text(path) -> str:
    return " ".join(soup(path).select_one("article").get_text(" ").split())


@pytest.mark.parametrize("locale", LOCALES)
def test_no_page_says_more_than_the_source_or_reads_translated(site_dir, locale):
    for path in _pages(site_dir, locale):
        text = _text(path)
        for phrase in FORBIDDEN[locale]:
            assert phrase not in text, (path, phrase)


@pytest.mark.parametrize("locale", LOCALES)
def test_strand_b_is_worded_as_the_source_on_its_page_and_the_call_table(site_dir, locale):
    for path in ("bandi/clusters-go-international-2020/", "bandi/clusters-go-international-2020/sezione-b/"):
        text = _text(site_dir / PREFIX[locale] / path / "index.html").lower()
        for words in SOURCE_WORDING[locale]:
            assert words in text, (locale, path, words)


@pytest.mark.parametrize("locale", LOCALES)
def test_times_are_said_from_the_data_never_as_a_hard_coded_cet(site_dir, locale):
    home = _text(site_dir / PREFIX[locale] / "index.html")
    call = _text(site_dir / PREFIX[locale] / "bandi/clusters-go-international-2020/index.html")
    assert ZONE_NOTE[locale] in call  # the home page only lists calls (contract 9)
    for text in (home, call):
        assert "(CET)" not in text


@pytest.mark.parametrize("locale", LOCALES)
def test_webinar_page_is_true_before_and_after_november_2020(site_dir, locale):
    text = _text(site_dir / PREFIX[locale] / "bandi/clusters-go-international-2020/webinar/index.html")
    assert ("annunciato" in text) if locale == "it" else ("announced" in text)
    assert ("Iscrizione : non richiesta" in text) if locale == "it" else ("Registration : not required" in text)


@pytest.mark.parametrize("locale, label", [("it", "Scadenza: "), ("en", "Deadline: ")])
def test_the_calls_index_puts_the_label_and_its_colon_from_the_strings(site_dir, locale, label):
    item = soup(site_dir / PREFIX[locale] / "bandi/index.html").select_one(".calls-index__deadline")
    assert item.get_text().startswith(label) and item.time is not None


@pytest.mark.parametrize("locale, label", [("it", "Indice alfabetico"), ("en", "Index by letter")])
def test_the_glossary_has_an_index_of_letters_leading_to_its_entries(site_dir, locale, label):
    html = soup(site_dir / PREFIX[locale] / "glossario/index.html")
    nav = html.select_one("article nav.glossary-letters")
    assert nav is not None and nav["aria-label"] == label
    letters = [a.get_text() for a in nav.select("a")]
    assert letters == sorted(letters) and len(letters) >= 5
    for a in nav.select("a"):
        entry = html.select_one(str(a["href"]))
        assert entry is not None and entry.name == "dt"
        assert entry.dfn.get_text().upper().startswith(a.get_text()) or a.get_text() == "…"


def test_the_root_404_page_has_italian_chrome_and_offers_both_languages(site_dir):
    html = soup(site_dir / "404.html")
    assert html.html["lang"] == "it"
    assert html.select_one("input.md-search__input")["placeholder"] == "Cerca"
    nav = [a.get_text(strip=True) for a in html.select("nav.md-nav--primary > ul > li > a")]
    assert "Glossario" in nav and "Glossary" not in nav
    assert [s["lang"] for s in html.select("section.not-found")] == LOCALES


def test_the_accessibility_statement_says_the_last_recorded_check_from_the_file(tmp_path):
    from conftest import SITE_NOW_DURING_CALL
    from sitebuild import build, copy_project

    project = copy_project(tmp_path / "project")
    record = project / "data" / "quality" / "last-check.yml"
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text(
        "axe-core: {version: 9.8.7, date: '2026-03-04', pages: 46, problems: 3}\n"
        "nu-html-checker: {version: 1.2.3, date: '2026-03-05', pages: 23, problems: 0}\n"
        "keyboard: {version: '131.0.1', date: '2026-03-06', pages: 46, problems: 0}\n",
        encoding="utf-8",
    )
    result = build(project, tmp_path / "site", site_now=SITE_NOW_DURING_CALL)
    assert result.returncode == 0, result.output
    items = {}
    for locale, prefix in (("it", ""), ("en", "en/")):
        html = soup(tmp_path / "site" / prefix / "accessibilita" / "index.html")
        items[locale] = [" ".join(li.get_text(" ").split()) for li in html.select("article ul.quality-last-check li")]
        # one per check: axe-core, Nu, keyboard, reflow, requests, print, axe-core in dark colours
        assert len(items[locale]) == 7, items[locale]
    it, en = items["it"], items["en"]
    assert "4 marzo 2026" in it[0] and "9.8.7" in it[0] and "problemi trovati: 3" in it[0]
    assert "wcag22aa" in it[0] and "best-practice" in it[0]
    assert "5 marzo 2026" in it[1] and "1.2.3" in it[1]
    assert "tastiera" in it[2] and "6 marzo 2026" in it[2] and "131.0.1" in it[2]
    assert "4 March 2026" in en[0] and "problems found: 3" in en[0] and "6 March 2026" in en[2]
    # reflow, requests and print have no record here: the statement does not claim them as checked
    for item in it[3:]:
        assert "Nessuna verifica registrata" in item and "2026" not in item, item
    for item in en[3:]:
        assert "No run recorded" in item and "2026" not in item, item
    # and the prose around the list claims no check of its own
    for locale, prefix in (("it", ""), ("en", "en/")):
        article = soup(tmp_path / "site" / prefix / "accessibilita" / "index.html").select_one("article")
        for ul in article.select("ul.quality-last-check"):
            ul.decompose()
        prose = " ".join(article.get_text(" ").split())
        for claim in ("320", "200%", "Tab", "stampa", "print", "altri siti", "other sites", "WCAG 2.2 A e AA"):
            assert claim not in prose, (locale, claim)


@pytest.mark.parametrize("locale", LOCALES)
def test_the_interface_speaks_to_readers_as_the_pages_do(site_dir, locale):
    """Italian pages say "voi": no button or link of the theme in the "tu" form (issue 25)."""
    tu = ("Aggiungi al calendario", "Modifica questa pagina", "Modifica i dati", "Modifica le voci")
    for path in _pages(site_dir, locale):
        text = " ".join(soup(path).get_text(" ").split())
        for words in tu:
            assert words not in text, (path, words)


@pytest.mark.parametrize("locale", LOCALES)
def test_the_budget_in_a_sentence_is_said_as_the_source_says_it(site_dir, locale):
    text = _text(site_dir / PREFIX[locale] / "bandi/clusters-go-international-2020/index.html")
    assert {"it": "complessiva è di 7,5 milioni di euro", "en": "total budget is €7.5 million"}[locale] in text
    assert {"it": "è di 7.500.000", "en": "is €7,500,000"}[locale] not in text


def test_italian_prose_has_typographic_apostrophes_and_code_keeps_its_own(site_dir):
    article = soup(site_dir / "bandi/clusters-go-international-2020/sezione-a/index.html").select_one("article")
    prose = " ".join(p.get_text(" ") for p in article.select("p, li"))
    assert "aperta a un’ampia gamma" in prose and "aperta a un'ampia" not in prose
    for page in _pages(site_dir, "it"):
        for code in soup(page).select("article code"):
            assert "’" not in code.get_text() and "“" not in code.get_text(), (page, code)
