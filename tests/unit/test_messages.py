"""Editors' messages in their language: gettext catalogues (hooks/sitekit/locale), complete and true to
the code, and the language chosen by SITE_MESSAGES or the site's configuration."""

from __future__ import annotations

import ast
import os
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from sitekit import messages
from sitekit.messages import LOCALE_DIR, _, language, ngettext, use_site_language
from sitekit.problems import Problem, SiteDataError

ROOT = Path(__file__).resolve().parents[2]
PYBABEL = Path(sys.executable).parent / "pybabel"  # Babel's command, installed with it
CATALOGUES = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/sitekit.po"))


def read(path: Path):
    with path.open("rb") as file:
        return read_po(file)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict:
    """The messages in the code now, extracted as `make messages` does."""
    pot = tmp_path_factory.mktemp("messages") / "sitekit.pot"
    subprocess.run(
        [
            PYBABEL,
            "extract",
            "-F",
            "babel.cfg",
            "--no-location",
            "--sort-output",
            "--omit-header",
            "-o",
            str(pot),
            "hooks",
            "tools",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return {message.id: message for message in read(pot) if message.id}


def placeholders(text: str) -> set[str]:
    return {name for _text, name, _spec, _conversion in string.Formatter().parse(text) if name is not None}


def test_the_catalogues_are_there_and_italian_and_french_are_among_them():
    assert {path.parts[-3] for path in CATALOGUES} >= {"it", "fr"}


def test_the_committed_template_is_what_the_code_says(extracted):
    committed = {message.id for message in read(LOCALE_DIR / "sitekit.pot") if message.id}
    assert committed == set(extracted), (
        "hooks/sitekit/locale/sitekit.pot is stale: run `make messages`, then translate what is new\n"
        f"in the code only: {sorted(map(str, set(extracted) - committed))}\n"
        f"in the template only: {sorted(map(str, committed - set(extracted)))}"
    )


@pytest.mark.parametrize("po", CATALOGUES, ids=[path.parts[-3] for path in CATALOGUES])
def test_every_message_has_a_translation_with_the_same_placeholders(po, extracted):
    catalogue = {message.id: message for message in read(po) if message.id}
    untranslated, fuzzy, wrong = [], [], []
    for msgid in extracted:
        message = catalogue.get(msgid)
        forms = (
            message.string
            if message is not None and isinstance(message.string, tuple)
            else ((message.string,) if message is not None else ())
        )
        if not forms or not all(forms):
            untranslated.append(msgid)
        elif message.fuzzy:
            fuzzy.append(msgid)
        else:
            expected = set().union(*map(placeholders, msgid if isinstance(msgid, tuple) else (msgid,)))
            wrong += [(msgid, form) for form in forms if placeholders(form) != expected]
    assert not untranslated, f"{po.relative_to(ROOT)}: no translation for {untranslated} (run `make messages`)"
    assert not fuzzy, f"{po.relative_to(ROOT)}: fuzzy, to check: {fuzzy}"
    assert not wrong, f"{po.relative_to(ROOT)}: other {{placeholders}} than the message's: {wrong}"
    leftover = set(catalogue) - set(extracted)
    assert not leftover, f"{po.relative_to(ROOT)}: messages the code no longer has: {leftover} (make messages)"


def test_a_translation_with_other_placeholders_is_caught():
    """The check above can fail: a translated {placeholder} is another placeholder."""
    assert placeholders('"{testo}": il giorno {day} non esiste') != placeholders('"{text}": day {day} does not exist')
    assert placeholders("nessun {{segnaposto}}") == set()


def _calls_in(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "N_", "ngettext"):
            yield node


@pytest.mark.parametrize(
    "path",
    sorted([*ROOT.glob("hooks/**/*.py"), *ROOT.glob("tools/*.py")]),
    ids=lambda path: str(path.relative_to(ROOT)),
)
def test_messages_are_written_whole_with_named_placeholders(path):
    """No f-string inside _() (the catalogue would hold a message with its values in it), and no
    positional {} that a translation could not reorder."""
    for call in _calls_in(path):
        for argument in call.args[:2]:
            assert not isinstance(argument, ast.JoinedStr), f"{path.name}:{call.lineno}: an f-string inside _()"
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                assert "" not in placeholders(argument.value), f"{path.name}:{call.lineno}: {{}} without a name"
                assert not any(name.isdigit() for name in placeholders(argument.value)), f"{path.name}:{call.lineno}"


def test_the_language_is_site_messages_else_the_site_default(monkeypatch):
    monkeypatch.setattr(messages, "_site_language", None)
    monkeypatch.setenv("SITE_MESSAGES", "fr")
    assert language() == "fr"
    monkeypatch.delenv("SITE_MESSAGES")
    use_site_language("it")
    assert language() == "it"


def test_the_default_language_is_the_one_the_caller_read_from_the_configuration(monkeypatch, tmp_path):
    """No language is written in the code: the one with `default: true` in mkdocs.yml, as the checks
    read it and the caller (a hook, tools/new_call.py) hands it over; until then, the msgids."""
    from sitekit.checks.siteconfig import read_layout

    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "plugins:\n  - i18n:\n      languages:\n        - locale: en\n        - locale: fr\n          default: true\n",
        encoding="utf-8",
    )
    monkeypatch.delenv("SITE_MESSAGES")
    monkeypatch.setattr(messages, "_site_language", None)
    assert language() == "" and _("nothing") == "nothing"
    use_site_language(read_layout(config).default_locale)
    assert language() == "fr"
    assert _("nothing") == "rien"


FOUNDATION = ("languages", "messages", "problems", "strings")


@pytest.mark.parametrize("module", FOUNDATION)
def test_a_foundation_module_imports_no_feature_package(module):
    """The import circle messages -> checks.siteconfig -> ... -> messages is gone, and stays gone:
    the foundation modules import each other and the shared inputs package only."""
    tree = ast.parse((LOCALE_DIR.parent / f"{module}.py").read_text(encoding="utf-8"))
    features = {"calls", "checks", "glossary", "publish", "theme", "dates"}
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            imported.add((node.module or "").split(".")[0])
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sitekit."):
            imported.add(node.module.split(".")[1])
    assert not imported & features, imported & features


@pytest.mark.parametrize(
    "chosen, heading, empty",
    [
        ("it", "2 problemi da correggere prima di poter costruire il sito:", "(senza nome)"),
        ("en", "2 problems to fix before the site can be built:", "(no name)"),
        ("fr", "2 problèmes à corriger avant de pouvoir construire le site :", "(sans nom)"),
        ("de", "2 problems to fix before the site can be built:", "(no name)"),  # no catalogue: the msgids
        ("it_IT.UTF-8", "2 problemi da correggere prima di poter costruire il sito:", "(senza nome)"),
    ],
)
def test_messages_in_the_chosen_language(monkeypatch, chosen, heading, empty):
    monkeypatch.setenv("SITE_MESSAGES", chosen)
    error = SiteDataError([Problem("a.yml", 1, "", "x"), Problem("a.yml", 2, "b", "y")])
    assert str(error).splitlines()[:2] == [heading, f"  a.yml:1: {empty}: x"]


@pytest.mark.parametrize("count, italian", [(1, "1 problema"), (2, "2 problemi"), (0, "0 problemi")])
def test_plural_forms_follow_the_language(monkeypatch, count, italian):
    monkeypatch.setenv("SITE_MESSAGES", "it")
    text = ngettext(
        "{count} problem to fix before the site can be built:",
        "{count} problems to fix before the site can be built:",
        count,
    ).format(count=count)
    assert text.startswith(italian + " ")


def test_impossible_dates_say_the_day_does_not_exist_in_that_month_in_italian(monkeypatch):
    from sitekit.dates.localtime import parse_naive

    monkeypatch.setenv("SITE_MESSAGES", "it")
    with pytest.raises(ValueError) as raised:
        parse_naive("2021-02-30 10:00")
    assert str(raised.value) == (
        '"2021-02-30 10:00": il giorno 30 non esiste nel mese 2021-02 (quel mese ha 28 giorni); controllate la data'
    )


def test_invisible_characters_are_named_in_every_language(monkeypatch):
    monkeypatch.setenv("SITE_MESSAGES", "it")
    assert (
        str(Problem("a.yml", 3, "title", 'trovato "x\u200by"; serve un testo'))
        == 'a.yml:3: title: trovato "x<U+200B>y"; serve un testo'
    )


def test_cached_results_follow_a_change_of_language(monkeypatch):
    """Parsed files are cached: a message made in one language is not served in another."""
    from sitekit.inputs.yamlfile import parse_yaml

    monkeypatch.setenv("SITE_MESSAGES", "en")
    assert "appears twice" in parse_yaml("a: 1\na: 2\n", "x.yml").message
    monkeypatch.setenv("SITE_MESSAGES", "it")
    assert "compare due volte" in parse_yaml("a: 1\na: 2\n", "x.yml").message


def test_a_stale_compiled_catalogue_is_not_used(monkeypatch, tmp_path):
    """A .mo older than its .po (the .po edited, `make messages` not run) is compiled again in memory."""
    folder = tmp_path / "it" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / "sitekit.po"
    po.write_bytes((LOCALE_DIR / "it" / "LC_MESSAGES" / "sitekit.po").read_bytes())
    (folder / "sitekit.mo").write_bytes(messages.compiled(po, "it").replace(b"niente", b"NIENTE"))
    monkeypatch.setattr(messages, "LOCALE_DIR", tmp_path)
    messages._catalogue.cache_clear()
    try:
        assert messages.translations("it").gettext("nothing") == "NIENTE"  # up to date: the .mo is read
        later = (folder / "sitekit.mo").stat().st_mtime + 10
        os.utime(po, (later, later))
        messages._catalogue.cache_clear()
        assert messages.translations("it").gettext("nothing") == "niente"
    finally:
        monkeypatch.undo()
        messages._catalogue.cache_clear()
