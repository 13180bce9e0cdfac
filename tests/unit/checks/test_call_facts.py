"""Call facts that make sense together, checked before the build: each mistake one message at its line."""

from __future__ import annotations

import shutil

import pytest

from checkcopy import editable_copy, problems_after
from sitekit.checks.siteconfig import read_layout
from sitekit.checks.validation import collect_problems

CALL = "data/calls/clusters-go-international-2020.yml"


def line(start: str) -> int:
    """The line of the real call file that starts with `start` (messages name lines that move)."""
    from conftest import ROOT

    lines = (ROOT / CALL).read_text(encoding="utf-8").splitlines()
    return next(n for n, text in enumerate(lines, 1) if text.startswith(start))


@pytest.fixture
def project(tmp_path):
    return editable_copy(tmp_path / "project")


@pytest.mark.parametrize(
    "amount, found",
    [
        ("yes", '"yes"'),
        ("0x7500000", '"0x7500000"'),
        ("0750000", '"0750000"'),
        ("1:30", '"1:30"'),
        ("-5", "-5"),
        ("0", "0"),
        ("7.5e6", "7500000.0"),
        ("true", "true"),
        ("'7 500 000'", '"7 500 000"'),
    ],
)
def test_an_amount_not_written_plainly_is_refused(project, amount, found):
    assert problems_after(project, CALL, "amount: 7500000", f"amount: {amount}") == [
        f"{CALL}:{line('  amount:')}: budget.amount: found {found}; write the amount as a positive whole number, digits only, "
        "e.g. 7500000 or 7_500_000"
    ]


def test_an_amount_with_thousands_underscores_is_accepted(project):
    assert problems_after(project, CALL, "amount: 7500000", "amount: 7_500_000") == []


@pytest.mark.parametrize("currency", ["eur", "EURO", "XYZ", "1"])
def test_a_currency_is_an_iso_4217_code(project, currency):
    problems = problems_after(project, CALL, "currency: EUR", f"currency: {currency}")
    assert len(problems) == 1 and problems[0].startswith(f"{CALL}:{line('  currency:')}: budget.currency: found ")
    assert "three-letter ISO 4217 code" in problems[0]


def test_an_opening_after_the_deadline_is_refused(project):
    assert problems_after(
        project, CALL, "opening: null ", "opening: {local: 2020-12-03 09:00, zone: Europe/Brussels}"
    ) == [
        f'{CALL}:{line("  local: 2020-12-02 17:00")}: deadline.local: "2020-12-02 17:00" is not after the opening ("2020-12-03 09:00"); a call opens '
        "before its deadline: check both dates"
    ]


@pytest.mark.parametrize("field", ["id", "programme", "funder"])
def test_an_empty_id_programme_or_funder_is_refused(project, field):
    text = (project / CALL).read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith(f"{field}:"))
    old = next(row for row in text.splitlines() if row.startswith(f"{field}:")) + "\n"
    if field == "funder":
        old = "funder:\n  it: Commissione europea\n  en: European Commission\n"
    problems = problems_after(project, CALL, old, f'{field}: "  "\n')
    assert problems == [f"{CALL}:{line}: {field}: is empty; write it as in the call's official documents"]


def test_an_id_with_an_invisible_character_shows_it(project):
    problems = problems_after(project, CALL, "id: COS-CLUSINT-2020-3-01", 'id: "COS-CLUSINT-2020-3-01\\u200b"')
    assert problems == []  # an id may be any text; but a second call with the same id is refused:


def test_two_calls_with_the_same_id_are_refused(project):
    source = (project / CALL).read_text(encoding="utf-8")
    (project / "data/calls/copy-2021.yml").write_text(source, encoding="utf-8")
    shutil.copytree(project / "docs/bandi/clusters-go-international-2020", project / "docs/bandi/copy-2021")
    for page in (project / "docs/bandi/copy-2021").glob("*.md"):
        page.write_text(
            page.read_text(encoding="utf-8").replace("call: clusters-go-international-2020", "call: copy-2021"),
            encoding="utf-8",
        )
    problems = [str(p) for p in collect_problems(read_layout(project / "mkdocs.yml"))]
    assert problems == [
        'data/calls/copy-2021.yml:3: id: "COS-CLUSINT-2020-3-01" is also the id of '
        f"{CALL}; each call has its own id: check which file is right"
    ]


def test_a_call_file_name_that_is_no_address_is_refused(project):
    (project / CALL).rename(project / "data/calls/Clusters Go.yml")
    problems = [str(p) for p in collect_problems(read_layout(project / "mkdocs.yml"))]
    assert (
        'data/calls/Clusters Go.yml: file name: "Clusters Go" cannot be the address of a call; rename the file '
        "in lower-case letters, digits and hyphens, e.g. clusters-go-international-2020.yml (and its folder "
        "under docs/bandi/)" in problems
    )


def test_a_call_without_pages_is_refused(project):
    (project / "data/calls/lonely-2021.yml").write_text(
        (project / CALL).read_text(encoding="utf-8").replace("COS-CLUSINT-2020-3-01", "LONELY-1"), encoding="utf-8"
    )
    problems = [str(p) for p in collect_problems(read_layout(project / "mkdocs.yml"))]
    assert problems == [
        "data/calls/lonely-2021.yml: file: has no page: write docs/bandi/lonely-2021/index.it.md "
        "(and its translations), with `call: lonely-2021` in its front matter; the feed and "
        "calendars link to it"
    ]


@pytest.mark.parametrize(
    "local, says",
    [
        ("9999-12-31 23:59", "outside the years this site handles (1990-2100)"),
        ("2020-02-30 17:00", "day 30 does not exist in 2020-02 (that month has 29 days)"),
    ],
)
def test_out_of_range_and_impossible_dates_are_refused_at_the_line_of_the_value(project, local, says):
    problems = problems_after(project, CALL, "local: 2020-12-02 17:00", f"local: {local}")
    assert (
        len(problems) == 1
        and says in problems[0]
        and problems[0].startswith(f"{CALL}:{line('  local: 2020-12-02')}: deadline")
    )
