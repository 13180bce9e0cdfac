"""Several deadlines (DESIGN.md 6) and moved ones (7): the model, the status, editors' messages."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from calldata import STRINGS, make_call, two_stage_call
from sitekit.calls.model import load_call
from sitekit.calls.status import call_status, stage_status
from sitekit.calls.view import deadline_view

HEAD = """id: T-1
programme: COSME
funder: EC
budget: {amount: 1, currency: EUR}
title: {it: Titolo, en: Title}
summary: {it: Sintesi, en: Summary}
"""


def utc(*parts) -> datetime:
    return datetime(*parts).replace(tzinfo=UTC)  # noqa: DTZ001 (aware at once; mypy reads *parts as tzinfo)


@pytest.mark.parametrize(
    "now, state, stages",
    [
        (utc(2021, 1, 1), "open", ["open", "open"]),
        (utc(2021, 2, 5), "closing", ["closing", "open"]),
        (utc(2021, 2, 10, 16), "open", ["closed", "open"]),  # the first stage has passed: the call follows the second
        (utc(2021, 6, 5), "closing", ["closed", "closing"]),
        (utc(2021, 6, 10, 15), "closed", ["closed", "closed"]),
    ],
)
def test_the_call_follows_its_next_deadline_and_a_passed_stage_is_closed(now, state, stages):
    call = two_stage_call()
    assert call_status(call, now) == state
    assert [stage_status(call, stage, now) for stage in call.stages] == stages


def test_the_box_counts_down_to_the_next_deadline_and_lists_every_stage():
    view = deadline_view(two_stage_call(), "it", STRINGS["it"], utc(2021, 3, 1), 7)
    assert view["utc"] == "2021-06-10T15:00:00Z" and view["label"] == "Seconda fase"
    assert [s["label"] for s in view["stages"]] == ["Prima fase", "Seconda fase"]
    assert [s["stage_state"] for s in view["stages"]] == ["closed", "open"]
    assert view["following"] == []
    early = deadline_view(two_stage_call(), "en", STRINGS["en"], utc(2021, 1, 1), 7)
    assert early["utc"] == "2021-02-10T16:00:00Z" and early["following"] == ["2021-06-10T15:00:00Z"]


@pytest.mark.parametrize("previous, word", [("2021-06-01 17:00", "prorogata"), ("2021-06-20 17:00", "anticipata")])
def test_a_moved_deadline_keeps_the_earlier_date_and_says_which_way(previous, word):
    view = deadline_view(two_stage_call(second={"previous": previous}), "it", STRINGS["it"], utc(2021, 3, 1), 7)
    assert view["moved_word"] == word
    assert view["previous_text"].startswith(previous[8:10].lstrip("0") + " giugno 2021")


def test_a_single_deadline_keeps_working_as_before():
    call = make_call()
    assert call.stages == (call.deadline,) and call.final is call.deadline
    view = deadline_view(call, "it", STRINGS["it"], utc(2020, 11, 20), 7)
    assert view["stages"] == [] and view["label"] is None and view["previous_text"] is None


@pytest.mark.parametrize(
    "deadlines, line, field, says",
    [
        (
            """deadlines:
  - local: 2021-02-10 17:00
    zone: Europe/Brussels
    label: {it: Prima fase, en: First stage}
  - local: 2021-06-10 17:00
    zone: Europe/Brussels
    label: {it: Seconda fase}
""",
            13,
            "deadlines.1.label",
            "'en'",
        ),
        (
            """deadlines:
  - local: 2021-06-10 17:00
    zone: Europe/Brussels
    label: {it: Prima fase, en: First stage}
  - local: 2021-02-10 17:00
    zone: Europe/Brussels
    label: {it: Seconda fase, en: Second stage}
""",
            11,
            "deadlines.1.local",
            "earliest first",
        ),
        (
            """deadlines:
  - local: 2021-02-10 17:00
    zone: Europe/Brussels
    label: {it: Prima fase, en: First stage}
  - local: 2021-06-10 17:00
    zone: Europe/Brussels
""",
            11,
            "deadlines.1",
            "label",
        ),
        (
            """deadline:
  local: 2021-06-10 17:00
  zone: Europe/Brussels
  previous: 2021-06-10 17:00
""",
            10,
            "deadline.previous",
            "same time",
        ),
        (
            """deadline:
  local: 2021-06-10 17:00
  zone: Europe/Brussels
  previous: 2021-13-10 17:00
""",
            10,
            "deadline.previous",
            "2021-13-10",
        ),
        ("", 1, "deadline", "deadlines:"),
        (
            """deadline: {local: 2021-06-10 17:00, zone: Europe/Brussels}
deadlines:
  - {local: 2021-06-10 17:00, zone: Europe/Brussels}
""",
            8,
            "deadlines",
            "keep one",
        ),
    ],
)
def test_bad_stage_data_names_file_line_and_field(tmp_path: Path, deadlines, line, field, says):
    path = tmp_path / "bad.yml"
    path.write_text(HEAD + deadlines, encoding="utf-8")
    problems = load_call(path, "data/calls/bad.yml", ["it", "en"])
    assert isinstance(problems, list), problems
    text = [str(problem) for problem in problems]
    assert any(t.startswith(f"data/calls/bad.yml:{line}: {field}: ") and says in t for t in text), text
