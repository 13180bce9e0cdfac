"""Official links say where they were confirmed; a wrong `confirmed:` is an editor's message."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from pydantic import ValidationError

from conftest import ROOT
from sitekit.calls.model import Link, load_call, load_calls
from sitekit.glossary.model import SourceLink, load_glossary
from sitekit.inputs.confirmation import Confirmation
from sitekit.problems import Problem

CALL = ROOT / "data" / "calls" / "clusters-go-international-2020.yml"


def test_every_official_link_of_the_site_names_the_stored_copy_that_confirms_it():
    calls = load_calls(ROOT / "data" / "calls", ROOT, ["it", "en"])
    links: list[Link | SourceLink] = [link for call in calls.values() for link in call.links.values()]
    links += [
        link
        for entry in load_glossary(ROOT / "data" / "glossary.yml", ROOT, ["it", "en"]).entries.values()
        for link in entry.links
    ]
    assert links
    for link in links:
        assert link.confirmed is not None, link.url
        assert link.confirmed.stored_copy.startswith("https://"), link.url
    assert not any("easme" in str(link.url) for link in links)


def _problems(tmp_path, confirmed: str) -> list[str]:
    text = CALL.read_text(encoding="utf-8")
    start = text.index("    confirmed:\n", text.index("  eccp:"))
    end = text.index("  call-news:")
    path = tmp_path / "x.yml"
    path.write_text(text[:start] + confirmed + text[end:], encoding="utf-8")
    result = load_call(path, "data/calls/x.yml")
    assert isinstance(result, list) and all(isinstance(p, Problem) for p in result)
    return [str(p) for p in result]


def test_a_confirmation_that_is_not_a_web_address_or_a_date_is_named_with_its_line(tmp_path):
    problems = _problems(tmp_path, "    confirmed:\n      copy: somewhere\n      checked: 30/11/2026\n")
    assert any(
        p.startswith("data/calls/x.yml:") and "links.eccp.confirmed.copy" in p and "https://" in p for p in problems
    ), problems
    assert any("links.eccp.confirmed.checked" in p and "is not a date" in p and "30/11/2026" in p for p in problems), (
        problems
    )


def test_a_misspelt_field_of_a_confirmation_is_refused(tmp_path):
    problems = _problems(
        tmp_path, "    confirmed:\n      copy: https://a.eu/\n      checked: 2026-01-01\n      nota: x\n"
    )
    assert any("links.eccp.confirmed.nota" in p and "is not a field" in p for p in problems), problems


@pytest.fixture
def machine_zone(monkeypatch):
    """Set the zone of the machine that builds (the process's TZ), as on a runner elsewhere."""

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


def _checked(day: date) -> Confirmation:
    return Confirmation.model_validate({"copy": "https://web.archive.org/x", "checked": day.isoformat()})


def test_a_check_dated_today_where_the_editor_is_passes_on_a_machine_whose_day_has_not_begun(machine_zone, monkeypatch):
    monkeypatch.delenv("SITE_NOW", raising=False)
    machine_zone("Etc/GMT+12")  # UTC-12: the last zone where a day begins; the editor is in UTC+14
    editors_today = datetime.now(timezone(timedelta(hours=14))).date()
    assert _checked(editors_today).checked == editors_today


def test_the_future_is_judged_by_the_build_clock(monkeypatch):
    monkeypatch.setenv("SITE_NOW", "2099-03-01T09:00:00+01:00")  # a build as of a later day
    assert _checked(date(2099, 3, 1)).checked == date(2099, 3, 1)
    with pytest.raises(ValidationError, match="in the future"):
        _checked(date(2099, 3, 3))
    monkeypatch.delenv("SITE_NOW")
    with pytest.raises(ValidationError, match="in the future"):
        _checked(datetime.now(UTC).date() + timedelta(days=2))
