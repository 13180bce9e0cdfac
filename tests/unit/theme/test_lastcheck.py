"""The accessibility statement says what the last recorded run found, or that none was recorded."""

from __future__ import annotations

from sitekit.theme.lastcheck import FILE, last_check_text

STRINGS = {"last_check": "{date}: axe {axe_version} {axe_problems}, nu {nu_version} {nu_problems}", "never": "never"}
FMT = {"locale": "en_GB", "date": "long"}


def _write(root, text):
    (root / FILE).parent.mkdir(parents=True)
    (root / FILE).write_text(text, encoding="utf-8")


def test_without_a_recorded_run_the_statement_says_so(tmp_path):
    assert last_check_text(tmp_path, STRINGS, FMT) == "never"


def test_the_older_run_and_each_tool_version_and_count_are_shown(tmp_path):
    _write(
        tmp_path,
        "axe-core: {version: 4.10.2, date: '2026-11-30', pages: 46, problems: 0}\n"
        "nu-html-checker: {version: 26.9.27, date: '2026-11-29', pages: 23, problems: 2}\n",
    )
    assert last_check_text(tmp_path, STRINGS, FMT) == "29 November 2026: axe 4.10.2 0, nu 26.9.27 2"


def test_a_record_missing_a_tool_or_a_field_claims_nothing(tmp_path):
    _write(tmp_path, "axe-core: {version: 4.10.2, date: '2026-11-30', pages: 46, problems: 0}\n")
    assert last_check_text(tmp_path, STRINGS, FMT) == "never"
