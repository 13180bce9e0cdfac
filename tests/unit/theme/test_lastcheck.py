"""The accessibility statement says, for each check, what its last recorded run found, and claims
nothing for a check without a complete record."""

from __future__ import annotations

from typing import Any

from sitekit.theme.lastcheck import CHECKS, FILE, last_check_html, last_check_items

STRINGS: dict[str, Any] = {
    "item": "{check}: {result}",
    "result": "{date} v{version} {pages} pages {problems} problems",
    "never": "never",
    "checks": {check: check.upper() for check in CHECKS},
}
FMT = {"locale": "en_GB", "date": "long"}


def _write(root, text):
    (root / FILE).parent.mkdir(parents=True)
    (root / FILE).write_text(text, encoding="utf-8")


def test_without_a_recorded_run_every_check_says_so(tmp_path):
    assert last_check_items(tmp_path, STRINGS, FMT) == [f"{check.upper()}: never" for check in CHECKS]


def test_each_check_shows_its_own_day_version_pages_and_problems(tmp_path):
    _write(
        tmp_path,
        "axe-core: {version: 4.10.2, date: '2026-11-30', pages: 46, problems: 0}\n"
        "nu-html-checker: {version: 26.9.27, date: '2026-11-29', pages: 23, problems: 2}\n"
        "print: {version: '131.0', date: '2026-11-28', pages: 10, problems: 1}\n",
    )
    items = dict(item.split(": ", 1) for item in last_check_items(tmp_path, STRINGS, FMT))
    assert items["AXE-CORE"] == "30 November 2026 v4.10.2 46 pages 0 problems"
    assert items["NU-HTML-CHECKER"] == "29 November 2026 v26.9.27 23 pages 2 problems"
    assert items["PRINT"] == "28 November 2026 v131.0 10 pages 1 problems"
    assert items["KEYBOARD"] == items["REFLOW"] == items["REQUESTS"] == "never"


def test_a_record_missing_a_field_claims_nothing_for_that_check(tmp_path):
    _write(tmp_path, "axe-core: {version: 4.10.2, date: '2026-11-30', problems: 0}\nkeyboard: 3\n")
    assert last_check_items(tmp_path, STRINGS, FMT) == [f"{check.upper()}: never" for check in CHECKS]


def test_the_list_is_escaped_html(tmp_path):
    strings = {**STRINGS, "checks": {**STRINGS["checks"], "print": "<b>print</b>"}}
    html = last_check_html(tmp_path, strings, FMT)
    assert '<ul class="quality-last-check">' in html and "&lt;b&gt;print&lt;/b&gt;" in html and "<b>" not in html


def test_every_check_the_tests_record_has_a_label_in_every_language():
    from sitebuild import ROOT
    from sitekit.strings import load_strings

    strings = load_strings(ROOT / "data" / "strings", ["it", "en"], ROOT)
    for locale in ("it", "en"):
        assert set(strings[locale]["quality"]["checks"]) == set(CHECKS), locale
