"""A corpus of editors' mistakes: each changes a copy of the project and names the message it must get,
in Italian (the site's default language, what editors read: GUIDA-REDAZIONE.md quotes it) and in
English (SITE_MESSAGES=en: EDITING.md quotes it)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

CALL = "data/calls/clusters-go-international-2020.yml"
ABOUT_IT = "docs/chi-siamo.it.md"


@dataclass(frozen=True)
class Mistake:
    name: str
    make: Callable[[Path], None]
    expected: Mapping[str, tuple[str, ...]]  # by language: the lines the build must print, exactly
    # (after MkDocs' "ERROR -" prefix)


def _line_of(start: str, rel: str) -> int:
    """Line of the real file's first line starting with `start` (messages name lines that move)."""
    lines = (Path(__file__).resolve().parent.parent / rel).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(start))


def replace(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{rel} no longer contains {old!r}: update the corpus"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _bad_date(p: Path) -> None:
    replace(p, CALL, "local: 2020-12-02 17:00", "local: 2020-13-02 17:00")


def _unknown_zone(p: Path) -> None:
    replace(
        p,
        CALL,
        "  local: 2020-12-02 17:00\n  zone: Europe/Brussels",
        "  local: 2020-12-02 17:00\n  zone: Europe/Bruxelles",
    )


def _inverted_zone(p: Path) -> None:
    replace(
        p,
        CALL,
        "  local: 2020-12-02 17:00\n  zone: Europe/Brussels",
        "  local: 2020-12-02 17:00\n  zone: Etc/GMT-1",
    )


def _reversed_title(p: Path) -> None:
    # U+202E written as a double-quoted escape: the title would show backwards
    replace(p, CALL, "  en: Clusters Go International 2020\n", '  en: "\\u202eClusters Go International 2020"\n')


def _misspelt_call_field(p: Path) -> None:
    replace(p, CALL, "deadline:\n", "dealine:\n")


def _missing_call_translation(p: Path) -> None:
    replace(
        p,
        CALL,
        "  en: COSME funding for European cluster partnerships and for the internationalisation of SMEs beyond Europe.\n",
        "",
    )


def _missing_english_page(p: Path) -> None:
    (p / "docs/chi-siamo.en.md").unlink()


def _front_matter_not_yaml(p: Path) -> None:
    replace(p, ABOUT_IT, "title: Chi siamo e privacy", "title: Chi siamo: privacy")


def _misspelt_front_matter_field(p: Path) -> None:
    replace(p, ABOUT_IT, "description:", "descripton:")


SECTION_A_IT = "docs/bandi/clusters-go-international-2020/sezione-a.it.md"


def _unknown_call_in_page(p: Path) -> None:
    replace(p, SECTION_A_IT, "call: clusters-go-international-2020", "call: clusters-go-international-2021")


def _duplicate_link_key(p: Path) -> None:
    replace(p, CALL, "  call-news:\n", "  eccp:\n")


def _missing_nav_translation(p: Path) -> None:
    replace(p, "mkdocs.yml", "            Glossario: Glossary\n", "")


def _missing_interface_string(p: Path) -> None:
    replace(p, "data/strings/en.yml", "  home: Go to the English home page\n", "")


def _several_at_once(p: Path) -> None:
    _bad_date(p)
    _missing_english_page(p)
    _misspelt_front_matter_field(p)


DATE_MESSAGE = {
    "it": f'{CALL}:13: deadline.local: "2020-13-02 17:00" non è una data con ora; scrivetela come '
    "2020-12-02 17:00 (anno-mese-giorno ore:minuti, orologio a 24 ore)",
    "en": f'{CALL}:13: deadline.local: "2020-13-02 17:00" is not a date and time; write it as '
    "2020-12-02 17:00 (year-month-day hours:minutes, 24-hour clock)",
}
MISSING_PAGE_MESSAGE = {
    "it": 'docs/chi-siamo.en.md: pagina: manca (versione "en" di docs/chi-siamo.it.md); copiate chi-siamo.it.md '
    "in chi-siamo.en.md e traducetela",
    "en": 'docs/chi-siamo.en.md: page: is missing ("en" version of docs/chi-siamo.it.md); copy chi-siamo.it.md '
    "to chi-siamo.en.md and translate it",
}
FIELD_TYPO_MESSAGE = {
    "it": f"{ABOUT_IT}:3: descripton: non è un campo previsto in questo file; forse intendevate `description`?",
    "en": f"{ABOUT_IT}:3: descripton: is not a field this file knows; did you mean `description`?",
}
DESCRIPTION_MISSING = {
    "it": f"{ABOUT_IT}:2: description: manca; aggiungetelo",
    "en": f"{ABOUT_IT}:2: description: is missing; add it",
}
LINK_LINE, EARLIER_LINK_LINE = _line_of("  call-news:", CALL), _line_of("  eccp:", CALL)
NAV_LINE = _line_of("  - Glossario:", "mkdocs.yml")


def _in(language: str, *messages: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(message[language] for message in messages)


MISTAKES = [
    Mistake("bad date", _bad_date, {"it": _in("it", DATE_MESSAGE), "en": _in("en", DATE_MESSAGE)}),
    Mistake(
        "unknown time zone",
        _unknown_zone,
        {
            "it": (
                f'{CALL}:14: deadline.zone: "Europe/Bruxelles" non è un fuso orario conosciuto; scrivete un fuso '
                "orario dell'elenco IANA, per esempio Europe/Brussels",
            ),
            "en": (
                f'{CALL}:14: deadline.zone: "Europe/Bruxelles" is not a known time zone; '
                "expected an IANA time zone such as Europe/Brussels",
            ),
        },
    ),
    Mistake(
        "a zone that names no place",
        _inverted_zone,
        {
            "it": (
                f'{CALL}:14: deadline.zone: "Etc/GMT-1" non è il fuso orario di un luogo (Etc/GMT+1 significa '
                "perfino UTC-1); scrivete un fuso nella forma Area/Città, per esempio Europe/Brussels",
            ),
            "en": (
                f'{CALL}:14: deadline.zone: "Etc/GMT-1" is not the time zone of a place (Etc/GMT+1 even means '
                "UTC-1); write a zone of the form Area/City, such as Europe/Brussels",
            ),
        },
    ),
    Mistake(
        "a bidirectional control in a title",
        _reversed_title,
        {
            "it": (
                f"{CALL}:{_line_of('  en: Clusters Go International 2020', CALL)}: title.en: contiene il controllo "
                "di direzione U+202E RIGHT-TO-LEFT OVERRIDE, che cambia l'ordine in cui i lettori vedono il testo; "
                "cancellatelo (riscrivete il testo)",
            ),
            "en": (
                f"{CALL}:{_line_of('  en: Clusters Go International 2020', CALL)}: title.en: contains the "
                "bidirectional control U+202E RIGHT-TO-LEFT OVERRIDE, which changes the order readers see the text "
                "in; delete it (retype the text)",
            ),
        },
    ),
    Mistake(
        "misspelt field in a call",
        _misspelt_call_field,
        {
            "it": (
                f"{CALL}:12: dealine: non è un campo previsto in questo file; forse intendevate `deadline`?",
                f"{CALL}: deadline: manca; aggiungetelo (deadline: con local: e zone:, oppure deadlines: con una "
                "voce per fase)",
            ),
            "en": (
                f"{CALL}:12: dealine: is not a field this file knows; did you mean `deadline`?",
                f"{CALL}: deadline: is missing; add it (deadline: with local: and zone:, or deadlines: with one "
                "entry per stage)",
            ),
        },
    ),
    Mistake(
        "missing translation of a call text",
        _missing_call_translation,
        {
            "it": (f'{CALL}:25: summary.en: manca il testo "en"; aggiungete una riga `en: ...` sotto summary:',),
            "en": (f'{CALL}:25: summary.en: the "en" text is missing; add a line `en: ...` under summary:',),
        },
    ),
    Mistake(
        "missing English page",
        _missing_english_page,
        {"it": _in("it", MISSING_PAGE_MESSAGE), "en": _in("en", MISSING_PAGE_MESSAGE)},
    ),
    Mistake(
        "front matter that is not YAML",
        _front_matter_not_yaml,
        {
            "it": (
                f"{ABOUT_IT}:2: YAML: c'è un `:` seguito da uno spazio dentro un valore; mettete tutto il valore tra "
                'virgolette ("..."), oppure controllate il rientro di questa riga',
            ),
            "en": (
                f"{ABOUT_IT}:2: YAML: a `:` followed by a space inside a value; put the whole value in quotes "
                '("..."), or check the indentation of this line',
            ),
        },
    ),
    Mistake(
        "misspelt field in front matter",
        _misspelt_front_matter_field,
        {
            "it": _in("it", FIELD_TYPO_MESSAGE, DESCRIPTION_MISSING),
            "en": _in("en", FIELD_TYPO_MESSAGE, DESCRIPTION_MISSING),
        },
    ),
    Mistake(
        "page naming an unknown call",
        _unknown_call_in_page,
        {
            "it": (
                f'{SECTION_A_IT}:4: call: "clusters-go-international-2021" non corrisponde a nessun file di '
                "data/calls/; scrivete uno di questi: clusters-go-international-2020",
            ),
            "en": (
                f'{SECTION_A_IT}:4: call: "clusters-go-international-2021" names no file in data/calls/; '
                "expected one of: clusters-go-international-2020",
            ),
        },
    ),
    Mistake(
        "key written twice",
        _duplicate_link_key,
        {
            "it": (
                f"{CALL}:{LINK_LINE}: eccp: compare due volte (righe {EARLIER_LINK_LINE} e {LINK_LINE}); YAML "
                "terrebbe in silenzio solo l'ultima: tenetene una, o rinominatene una",
            ),
            "en": (
                f"{CALL}:{LINK_LINE}: eccp: appears twice (lines {EARLIER_LINK_LINE} and {LINK_LINE}); YAML would "
                "silently keep only the last one: keep one, or rename one",
            ),
        },
    ),
    Mistake(
        "missing navigation translation",
        _missing_nav_translation,
        {
            "it": (
                f'mkdocs.yml:{NAV_LINE}: nav_translations (en): "Glossario" non ha la traduzione "en"; aggiungete '
                '`Glossario: ...` sotto nav_translations della lingua "en"',
            ),
            "en": (
                f'mkdocs.yml:{NAV_LINE}: nav_translations (en): "Glossario" has no "en" translation; add '
                '`Glossario: ...` under nav_translations of the language "en"',
            ),
        },
    ),
    Mistake(
        "missing interface string",
        _missing_interface_string,
        {
            "it": (
                "data/strings/en.yml:2: not_found.home: manca; traducete il testo alla riga 5 di data/strings/it.yml",
            ),
            "en": (
                "data/strings/en.yml:2: not_found.home: is missing; translate the text at line 5 of "
                "data/strings/it.yml",
            ),
        },
    ),
    Mistake(
        "several mistakes at once",
        _several_at_once,
        {
            "it": (
                "4 problemi da correggere prima di poter costruire il sito:",
                *_in("it", DATE_MESSAGE, MISSING_PAGE_MESSAGE, FIELD_TYPO_MESSAGE, DESCRIPTION_MISSING),
            ),
            "en": (
                "4 problems to fix before the site can be built:",
                *_in("en", DATE_MESSAGE, MISSING_PAGE_MESSAGE, FIELD_TYPO_MESSAGE, DESCRIPTION_MISSING),
            ),
        },
    ),
]


def _page_without_its_call(p: Path) -> None:
    replace(p, "docs/bandi/clusters-go-international-2020/webinar.en.md", "call: clusters-go-international-2020\n", "")


MISTAKES.append(
    Mistake(
        "translation naming no call",
        _page_without_its_call,
        {
            "it": (
                "docs/bandi/clusters-go-international-2020/webinar.en.md:2: call: trovato: nessun bando; ci vuole "
                '"clusters-go-international-2020", come in docs/bandi/clusters-go-international-2020/webinar.it.md',
            ),
            "en": (
                "docs/bandi/clusters-go-international-2020/webinar.en.md:2: call: found no call; expected "
                '"clusters-go-international-2020", as in docs/bandi/clusters-go-international-2020/webinar.it.md',
            ),
        },
    )
)


def _duplicate_glossary_term(p: Path) -> None:
    """A small glossary of its own (whatever the real entries look like): a term key written twice
    is caught when the file is read, before any schema."""
    (p / "data" / "glossary.yml").write_text(
        "escp-4i:\n  it: Partenariato strategico europeo di cluster per l'internazionalizzazione\n"
        "  en: European Strategic Cluster Partnership for Internationalisation\n"
        "escp-4i:\n  it: ESCP-4i\n  en: ESCP-4i\n",
        encoding="utf-8",
    )


MISTAKES.append(
    Mistake(
        "glossary term written twice",
        _duplicate_glossary_term,
        {
            "it": (
                "data/glossary.yml:4: escp-4i: compare due volte (righe 1 e 4); YAML terrebbe in silenzio solo l'ultima: "
                "tenetene una, o rinominatene una",
            ),
            "en": (
                "data/glossary.yml:4: escp-4i: appears twice (lines 1 and 4); YAML would silently keep only the last one: "
                "keep one, or rename one",
            ),
        },
    )
)
