"""The glossary on the real site, both languages: generated pages, tooltips in running text, errors."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urldefrag

import icu
import pytest

from conftest import LOCALES, PREFIX, ROOT, SITE_NOW_DURING_CALL
from sitebuild import build, copy_project, html_pages, soup
from sitekit.glossary.model import LocalTerm, load_glossary

GLOSSARY = load_glossary(ROOT / "data" / "glossary.yml", ROOT, LOCALES)
GLOSSARY_PATH = "glossario/index.html"


def terms(locale: str) -> dict[str, LocalTerm]:
    return {t.slug: t for t in GLOSSARY.terms(locale)}


def pages_of(site: Path, locale: str) -> list[Path]:
    """Every content page of one language (the English pages live under en/)."""
    out = []
    for page in html_pages(site):
        rel = page.relative_to(site).as_posix()
        if rel == "404.html" or "/assets/" in rel or rel.startswith("assets/"):
            continue
        if (locale == "en") == rel.startswith("en/"):
            out.append(page)
    return out


def article(path: Path):
    return soup(path).select_one("article")


@pytest.mark.parametrize("locale", LOCALES)
def test_glossary_page_has_one_entry_per_term_with_the_slug_as_id(site_dir, locale):
    entries = article(site_dir / PREFIX[locale] / GLOSSARY_PATH).select("dl.glossary-entries > dt")
    assert sorted(dt["id"] for dt in entries) == sorted(GLOSSARY.entries)
    by_slug = terms(locale)
    for dt in entries:
        term = by_slug[dt["id"]]
        assert dt.dfn.get_text() == term.term
        if term.expansion:
            assert term.expansion in dt.get_text()
        dd = dt.find_next_sibling("dd")
        assert dd.p.get_text() == term.definition
        assert [(a["href"], a.get_text()) for a in dd.select("a")] == list(term.links)


@pytest.mark.parametrize("locale", LOCALES)
def test_glossary_page_is_sorted_by_the_language_collation_not_byte_order(site_dir, locale):
    shown = [
        dt.dfn.get_text()
        for dt in article(site_dir / PREFIX[locale] / GLOSSARY_PATH).select("dl.glossary-entries > dt")
    ]
    collator = icu.Collator.createInstance(icu.Locale(locale))
    assert shown == sorted(shown, key=collator.getSortKey)
    if locale == "it":  # "PMI" and "POR FESR" among lower-case words: byte order would put them first
        assert shown != sorted(shown)
        assert shown.index("paesi terzi") < shown.index("PMI")


@pytest.mark.parametrize("locale", LOCALES)
def test_glossary_page_keeps_the_editors_introduction_above_the_entries(site_dir, locale):
    body = article(site_dir / PREFIX[locale] / GLOSSARY_PATH)
    intro = body.select_one("h1").find_next_sibling("p")
    assert intro is not None and intro.find_next_sibling("dl", class_="glossary-entries") is not None
    assert "<!-- glossary:entries -->" not in str(body)


@pytest.mark.parametrize("locale", LOCALES)
def test_glossary_entries_themselves_are_not_annotated(site_dir, locale):
    assert article(site_dir / PREFIX[locale] / GLOSSARY_PATH).select("dl.glossary-entries abbr") == []


@pytest.mark.parametrize(
    "locale,page,slug,text",
    [
        ("it", "bandi/clusters-go-international-2020/sezione-a/index.html", "escp-4i", "ESCP-4i"),
        ("it", "bandi/clusters-go-international-2020/index.html", "sme", "PMI"),
        ("it", "bandi/clusters-go-international-2020/sezione-b/index.html", "dual-use", "duplice uso"),
        ("it", "chi-siamo/index.html", "por-fesr", "POR FESR"),
        ("en", "bandi/clusters-go-international-2020/sezione-a/index.html", "escp-4i", "ESCP-4i"),
        ("en", "bandi/clusters-go-international-2020/index.html", "sme", "SMEs"),
        ("en", "bandi/clusters-go-international-2020/sezione-b/index.html", "dual-use", "dual-use"),
        ("en", "bandi/clusters-go-international-2020/index.html", "cosme", "COSME"),
    ],
)
def test_terms_in_running_text_carry_the_expansion_and_definition(site_dir, locale, page, slug, text):
    found = [a for a in article(site_dir / PREFIX[locale] / page).find_all("abbr") if a.get_text() == text]
    assert found, f"{text} is not annotated on {locale}/{page}"
    assert {a["title"] for a in found} == {terms(locale)[slug].title}


@pytest.mark.parametrize("locale", LOCALES)
def test_each_page_links_the_first_occurrence_of_each_term_to_its_entry(site_dir, locale):
    title_to_slug = {t.title: t.slug for t in GLOSSARY.terms(locale)}
    glossary_page = (site_dir / PREFIX[locale] / GLOSSARY_PATH).resolve()
    checked = 0
    for page in pages_of(site_dir, locale):
        seen: set[str] = set()
        for abbr in article(page).find_all("abbr", title=True):
            slug = title_to_slug.get(abbr["title"])
            if slug is None:
                continue
            link = abbr.find("a")
            if slug in seen:
                assert link is None, (page, slug)
                continue
            seen.add(slug)
            assert link is not None, (page, slug)
            target, fragment = urldefrag(link["href"])
            assert fragment == slug
            assert (page.parent / target / "index.html").resolve() == glossary_page, (page, link["href"])
            assert soup(glossary_page).find(id=slug) is not None
            checked += 1
    assert checked >= 20


@pytest.mark.parametrize("locale", LOCALES)
def test_no_term_is_annotated_inside_headings_code_links_or_another_abbr(site_dir, locale):
    for page in pages_of(site_dir, locale):
        body = article(page)
        assert body.select(":is(h1, h2, h3, h4, h5, h6, code, pre, a, abbr) abbr") == [], page
        assert body.select("a a") == [], page


def test_every_term_of_the_data_appears_annotated_somewhere_in_each_language(site_dir):
    for locale in LOCALES:
        titles = {a["title"] for page in pages_of(site_dir, locale) for a in article(page).find_all("abbr", title=True)}
        missing = [t.slug for t in GLOSSARY.terms(locale) if t.title not in titles]
        assert missing == [], (locale, missing)


def test_a_new_term_reaches_every_language_and_markup_in_it_stays_text(tmp_path):
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    data = project / "data" / "glossary.yml"
    data.write_text(
        data.read_text(encoding="utf-8")
        + (
            "\nwebinar:\n"
            "  it:\n    term: webinar\n    definition: 'Seminario <b>online</b> & registrato.'\n"
            "  en:\n    term: webinar\n    definition: 'An <script>alert(1)</script> online seminar.'\n"
        ),
        encoding="utf-8",
    )
    result = build(project, tmp_path / "site", site_now=SITE_NOW_DURING_CALL)
    assert result.returncode == 0, result.output
    for locale, definition in (
        ("it", "Seminario <b>online</b> & registrato."),
        ("en", "An <script>alert(1)</script> online seminar."),
    ):
        glossary = soup(tmp_path / "site" / PREFIX[locale] / GLOSSARY_PATH)
        entry = glossary.find(id="webinar")
        assert entry is not None
        assert entry.find_next_sibling("dd").p.get_text() == definition
        assert glossary.select("article dd b, article dd script") == []
        webinar_page = soup(
            tmp_path / "site" / PREFIX[locale] / "bandi/clusters-go-international-2020/webinar/index.html"
        )
        abbr = [a for a in webinar_page.select("article abbr") if a.get_text() == "webinar"]
        assert abbr and abbr[0]["title"] == f"webinar: {definition}"
        assert webinar_page.select("article abbr b, article abbr script") == []


def test_a_bad_glossary_stops_the_build_with_the_file_line_and_fix(tmp_path):
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    data = project / "data" / "glossary.yml"
    data.write_text(
        data.read_text(encoding="utf-8").replace(
            "url: https://clustercollaboration.eu/\n", "url: ftp://clustercollaboration.eu/\n"
        ),
        encoding="utf-8",
    )
    result = build(project, tmp_path / "site", site_now=SITE_NOW_DURING_CALL)
    assert result.returncode != 0
    assert "data/glossary.yml:" in result.output
    assert (
        'eccp.links.0.url: "ftp://clustercollaboration.eu/" is not a web address; write the full link, starting with https://'
        in result.output
    )
    assert not (tmp_path / "site" / "index.html").exists()


def test_the_entries_marker_in_two_pages_stops_the_build_naming_both(tmp_path):
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    about = project / "docs" / "chi-siamo.it.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n<!-- glossary:entries -->\n", encoding="utf-8")
    result = build(project, tmp_path / "site", site_now=SITE_NOW_DURING_CALL)
    assert result.returncode != 0
    assert (
        "<!-- glossary:entries --> appears in chi-siamo.it.md, glossario.it.md; keep it in the glossary page only"
        in result.output
    ), result.output
    assert "Traceback" not in result.output
