"""data/site.yml: who publishes the site, and a contact only with a confirmed address."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitekit.about.model import footer_view, load_site_info, relative_href
from sitekit.problems import SiteDataError

CONFIRMED = "  confirmed:\n    copy: https://example.org/copy\n    checked: 2026-11-30\n"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "data" / "site.yml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    return path


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(SiteDataError) as err:
        load_site_info(write(tmp_path, text), tmp_path, ["it", "en"])
    return [str(problem) for problem in err.value.problems]


def test_the_real_file_names_the_publisher_in_every_language():
    root = Path(__file__).resolve().parents[3]
    info = load_site_info(root / "data" / "site.yml", root, ["it", "en"])
    assert footer_view(info, "it")["publisher"].startswith("Clust-ER")
    assert footer_view(info, "en")["publisher"].startswith("Clust-ER")


def test_a_confirmed_e_mail_address_becomes_a_mailto_link(tmp_path):
    text = (
        "publisher:\n  it: A\n  en: A\ncontact:\n  email: info@example.org\n  title:\n    it: Scriveteci\n    en: Write to us\n"
        + CONFIRMED
    )
    info = load_site_info(write(tmp_path, text), tmp_path, ["it", "en"])
    assert footer_view(info, "en")["contact"] == {"href": "mailto:info@example.org", "title": "Write to us"}


def test_a_contact_without_confirmation_or_with_both_kinds_is_refused_at_its_line(tmp_path):
    text = "publisher:\n  it: A\n  en: A\ncontact:\n  url: https://example.org/\n  title:\n    it: C\n    en: C\n"
    [problem] = problems(tmp_path, text)
    assert problem.startswith("data/site.yml:4: contact.confirmed")


def test_a_malformed_e_mail_and_a_missing_language_are_named(tmp_path):
    text = "publisher:\n  it: A\ncontact:\n  email: 'a <b>'\n  title:\n    it: C\n    en: C\n" + CONFIRMED
    found = problems(tmp_path, text)
    assert any("contact.email" in p and "a <b>" in p for p in found), found


def test_a_language_without_the_publisher_is_named(tmp_path):
    [problem] = problems(tmp_path, "publisher:\n  it: A\n")
    assert problem.startswith("data/site.yml:1: publisher") and "'en'" in problem


@pytest.mark.parametrize(
    "target, page, expected",
    [
        ("chi-siamo/", "", "chi-siamo/"),
        ("chi-siamo/", "bandi/x/", "../../chi-siamo/"),
        ("en/chi-siamo/", "en/", "../en/chi-siamo/"),
    ],
)
def test_the_about_page_is_linked_relative_to_each_page(target, page, expected):
    assert relative_href(target, page) == expected
