"""`python tools/new_call.py` adds a call (data file + pages in every language) that builds at once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import LOCALES, PREFIX, ROOT, SITE_NOW_DURING_CALL
from sitebuild import build, copy_project, soup

sys.path.insert(0, str(ROOT / "tools"))

SLUG = "cluster-excellence-2021"
ARGS = [
    "--slug",
    SLUG,
    "--title-it",
    "Eccellenza dei cluster 2021",
    "--title-en",
    "Cluster Excellence 2021",
    "--deadline",
    "2021-03-04 17:00",
    "--zone",
    "Europe/Brussels",
    "--id",
    "TEST-CALL-2021",
    "--programme",
    "COSME",
    "--funder-it",
    "Commissione europea",
    "--funder-en",
    "European Commission",
    "--budget",
    "1000000",
]
TITLES = {"it": "Eccellenza dei cluster 2021", "en": "Cluster Excellence 2021"}


def new_call(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "tools" / "new_call.py"), "--config", str(project / "mkdocs.yml"), *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env=env,
    )


def files_in(project: Path) -> set[Path]:
    return {p.relative_to(project) for p in project.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def new_call_site(tmp_path_factory) -> tuple[Path, Path, subprocess.CompletedProcess]:
    project = copy_project(tmp_path_factory.mktemp("project"))
    made = new_call(project, *ARGS)
    site = tmp_path_factory.mktemp("site") / "out"
    result = build(project, site, site_now=SITE_NOW_DURING_CALL)
    assert result.returncode == 0, made.stdout + made.stderr + result.output
    return project, site, made


def test_new_call_writes_the_data_file_and_a_page_per_language(new_call_site):
    project, _, made = new_call_site
    assert made.returncode == 0, made.stderr
    assert (project / "data" / "calls" / f"{SLUG}.yml").exists()
    for locale in LOCALES:
        page = project / "docs" / "bandi" / SLUG / f"index.{locale}.md"
        assert f"call: {SLUG}" in page.read_text(encoding="utf-8")
        assert f"written: docs/bandi/{SLUG}/index.{locale}.md" in made.stdout


def test_new_call_page_exists_in_both_languages(new_call_site):
    _, site, _ = new_call_site
    for locale in LOCALES:
        html = soup(site / PREFIX[locale] / "bandi" / SLUG / "index.html")
        assert html.html["lang"] == locale
        assert html.select_one("article h1").get_text(strip=True) == TITLES[locale]


def test_new_call_is_listed_counted_down_and_in_the_calendar(new_call_site):
    _, site, _ = new_call_site
    for locale in LOCALES:
        index = soup(site / PREFIX[locale] / "bandi" / "index.html")
        assert index.select_one(f'a[href*="{SLUG}"]') is not None
        page = soup(site / PREFIX[locale] / "bandi" / SLUG / "index.html")
        assert page.select_one('[data-deadline="2021-03-04T16:00:00Z"][data-state="open"]') is not None
        calendar = page.select_one('a[href$=".ics"]')
        assert calendar is not None
        ics = (site / PREFIX[locale] / "bandi" / SLUG / calendar["href"]).resolve()
        assert "DTSTART;TZID=Europe/Brussels:20210304T170000" in ics.read_text(encoding="utf-8")


REFUSALS = [
    (
        ["--slug", "clusters-go-international-2020"],
        "data/calls/clusters-go-international-2020.yml already exists: choose another --slug, or edit that call",
    ),
    (["--slug", "Nuovo Bando"], '--slug "Nuovo Bando": use lowercase letters, digits and hyphens'),
    (
        ["--deadline", "2021-02-30 17:00"],
        '--deadline/--zone: "2021-02-30 17:00": day 30 does not exist in 2021-02 (that month has 28 days)',
    ),
    (["--deadline", "4 March 2021"], '--deadline/--zone: "4 March 2021" is not a date and time'),
    (
        ["--deadline", "2021-03-28 02:30"],
        '--deadline/--zone: "2021-03-28 02:30" does not exist in Europe/Brussels '
        "(clocks go forward that night); choose a time one hour later",
    ),
    (["--zone", "Brussels"], '--zone: "Brussels" is not a known time zone'),
    (["--zone", "Etc/GMT+1"], '--zone: "Etc/GMT+1" is not the time zone of a place'),
    (["--budget", "un milione"], '--budget "un milione": write the amount in whole euro with digits only'),
    (["--budget", "2.5"], '--budget "2.5": write the amount in whole euro with digits only, without points, commas'),
    (["--budget", "1.000.000"], "without points, commas or spaces: 7500000 for 7.5 million"),
    (["--budget", "7 500 000"], "without points, commas or spaces: 7500000 for 7.5 million"),
    (["--slug", "a" * 300], "--slug: 300 characters; keep it to 60 at most"),
    (["--slug", "con"], '--slug "con": Windows keeps this name for a device; add a word, e.g. con-2021'),
    (["--id", ""], "--id: write it: it cannot be empty"),
    (["--programme", "  "], "--programme: write it: it cannot be empty"),
    (["--deadline", ""], "--deadline: write the deadline, local time"),
]


@pytest.mark.parametrize("change, message", REFUSALS, ids=[r[1][:40] for r in REFUSALS])
def test_new_call_refuses_a_wrong_value_and_writes_nothing(tmp_path, change, message):
    project = copy_project(tmp_path)
    before = files_in(project)
    args = list(ARGS)
    args[args.index(change[0]) + 1] = change[1]
    made = new_call(project, *args)
    assert made.returncode == 2
    assert message in made.stderr
    assert made.stderr.startswith("Nothing written.")
    assert files_in(project) == before


def test_new_call_names_what_is_missing_when_not_asked_in_a_terminal(tmp_path):
    project = copy_project(tmp_path)
    made = new_call(project, "--slug", SLUG, "--title-it", "X")
    assert made.returncode == 2
    assert (
        "missing: --title-en, --zone, --deadline, --id, --programme, --funder-it, --funder-en, --budget" in made.stderr
    )


# What new_call.py asks first, and for the deadline: in the site's default language (Italian) unless
# SITE_MESSAGES names another.
PROMPTS = {
    None: ("Titolo del bando (en): ", "Scadenza, ora locale (per esempio 2021-03-04 17:00): ", "scritto: "),
    "en": ("Title of the call (en): ", "Deadline, local time (e.g. 2021-03-04 17:00): ", "written: "),
}


@pytest.mark.parametrize("chosen", PROMPTS, ids=["default", "en"])
def test_new_call_asks_for_what_is_missing_in_a_terminal(tmp_path, monkeypatch, capsys, chosen):
    import new_call as tool

    project = copy_project(tmp_path)
    answers = iter(
        [
            "Cluster Excellence 2021",
            "",
            "",
            "Europe/Brussels",
            "2021-03-04 17:00",
            "",
            "TEST-CALL-2021",
            "COSME",
            "Commissione europea",
            "European Commission",
            "1000000",
        ]
    )
    prompts = []
    if chosen is None:
        monkeypatch.delenv("SITE_MESSAGES")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: prompts.append(prompt) or next(answers))
    code = tool.main(["--config", str(project / "mkdocs.yml"), "--slug", SLUG, "--title-it", TITLES["it"]])
    out, err = capsys.readouterr()
    assert code == 0, err
    first, deadline, written = PROMPTS[chosen]
    assert prompts[0] == first
    assert deadline in prompts
    assert f"{written}data/calls/{SLUG}.yml" in out.splitlines()
    data = (project / "data" / "calls" / f"{SLUG}.yml").read_text(encoding="utf-8")
    assert 'en: "Cluster Excellence 2021"' in data and 'local: "2021-03-04 17:00"' in data


def test_new_call_refuses_and_helps_in_the_site_language_by_default(tmp_path):
    project = copy_project(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "SITE_MESSAGES"}
    made = new_call(project, "--slug", SLUG, "--title-it", "X", env=env)
    assert made.returncode == 2
    assert made.stderr.startswith(
        "Nessun file scritto. mancano: --title-en, --zone, --deadline, --id, --programme, "
        "--funder-it, --funder-en, --budget; indicateli sulla riga di comando"
    ), made.stderr
    wrong = new_call(project, *ARGS[:-1], "un milione", env=env)
    assert '--budget "un milione": scrivete l\'importo in euro interi solo con le cifre' in wrong.stderr, wrong.stderr
    existing = new_call(project, "--slug", "clusters-go-international-2020", *ARGS[2:], env=env)
    refusal = (
        "Nessun file scritto. data/calls/clusters-go-international-2020.yml esiste già: scegliete un altro "
        "--slug, o modificate quel bando"
    )
    assert existing.stderr.strip() == refusal
    assert refusal in (ROOT / "GUIDA-REDAZIONE.md").read_text(encoding="utf-8")  # as the guide quotes it
    helped = new_call(project, "--help", env=env)
    assert "Aggiunge un bando: il suo file di dati e la sua pagina in ogni lingua." in helped.stdout
    assert "Titolo del bando (en)" in helped.stdout


@pytest.mark.parametrize("locale, funder", [("it", "Commissione europea"), ("en", "European Commission")])
def test_new_call_writes_the_funder_in_each_language(new_call_site, locale, funder):
    _, site, _ = new_call_site
    facts = soup(site / PREFIX[locale] / "bandi" / SLUG / "index.html").select_one(".call-facts")
    values = [dd.get_text(strip=True) for dd in facts.select("dd")]
    assert values[1] == funder


def test_new_call_can_create_a_two_stage_call(tmp_path):
    project = copy_project(tmp_path / "project")
    args = list(ARGS)
    at = args.index("--deadline")
    args[at : at + 2] = [
        "--deadline",
        "2021-03-04 17:00",
        "--stage-it",
        "Prima fase",
        "--stage-en",
        "First stage",
        "--deadline",
        "2021-09-16 17:00",
        "--stage-it",
        "Seconda fase",
        "--stage-en",
        "Second stage",
    ]
    made = new_call(project, *args)
    assert made.returncode == 0, made.stdout + made.stderr
    result = build(project, tmp_path / "site", site_now="2021-04-01T12:00:00+02:00")
    assert result.returncode == 0, result.output
    page = soup(tmp_path / "site" / "en" / "bandi" / SLUG / "index.html")
    assert [s.select_one(".call-stage__label").get_text() for s in page.select(".call-box .call-stage")] == [
        "First stage:",
        "Second stage:",
    ]
    assert page.select_one(".call-box--deadline")["data-deadline"] == "2021-09-16T15:00:00Z"
    assert not page.select(".call-links__heading")  # no official links yet: no empty heading


@pytest.mark.parametrize(
    "change, message",
    [
        (
            ["--deadline", "2021-09-16 17:00", "--stage-it", "Prima fase"],
            "--stage-it: give the name of each of the 2 stages",
        ),
        (["--stage-en", "First stage"], "--stage-en: stage names are for a call with several deadlines"),
        (
            [
                "--deadline",
                "2021-01-16 17:00",
                "--stage-it",
                "A",
                "--stage-it",
                "B",
                "--stage-en",
                "A",
                "--stage-en",
                "B",
            ],
            '--deadline "2021-01-16 17:00": it is not after the deadline before it',
        ),
    ],
)
def test_new_call_refuses_bad_stages_and_writes_nothing(tmp_path, change, message):
    project = copy_project(tmp_path)
    before = files_in(project)
    made = new_call(project, *ARGS, *change)
    assert made.returncode == 2 and message in made.stderr, made.stderr
    assert files_in(project) == before


def _run_in_a_terminal(project: Path, monkeypatch, capsys, answers: list) -> tuple[int, list[str], str]:
    """new_call.py's main with the given answers typed in a terminal (an exception: what typing does)."""
    import new_call as tool

    typed = iter(answers)
    prompts: list[str] = []

    def answer(prompt: str) -> str:
        prompts.append(prompt)
        value = next(typed)
        if isinstance(value, BaseException):
            raise value
        return value

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", answer)
    code = tool.main(["--config", str(project / "mkdocs.yml")])
    return code, prompts, capsys.readouterr().err


@pytest.mark.parametrize(
    "ending, code, says",
    [
        (EOFError(), 2, "the input ended (Ctrl-D) before every answer was given"),
        (KeyboardInterrupt(), 130, "stopped (Ctrl-C)"),
    ],
)
def test_end_of_input_or_ctrl_c_stops_with_a_message_and_writes_nothing(
    tmp_path, monkeypatch, capsys, ending, code, says
):
    project = copy_project(tmp_path)
    before = files_in(project)
    result, _prompts, err = _run_in_a_terminal(project, monkeypatch, capsys, [SLUG, "Titolo", ending])
    assert result == code and err.strip() == f"Nothing written. {says}" and "Traceback" not in err
    assert files_in(project) == before


def test_an_empty_or_wrong_answer_is_asked_again(tmp_path, monkeypatch, capsys):
    project = copy_project(tmp_path)
    answers = [
        "",  # slug: asked again
        "con",  # reserved on Windows: asked again
        SLUG,
        "Eccellenza dei cluster 2021",
        "Cluster Excellence 2021",
        "",
        "",
        "Etc/GMT+1",  # no place: asked again
        "Europe/Brussels",
        "",  # the deadline: asked again
        "2021-03-28 02:30",  # does not exist in Brussels: asked again
        "2021-03-04 17:00",
        "2021-05-01 00:00",  # an opening after the deadline: asked again
        "2021-01-15 00:00",
        "",  # the id: asked again (it used to be written as "None")
        "TEST-CALL-2021",
        "",
        "COSME",
        "Commissione europea",
        "European Commission",
        "2.5",  # asked again (it used to be written as 25)
        "1.000.000",
        "1000000",
    ]
    code, prompts, err = _run_in_a_terminal(project, monkeypatch, capsys, answers)
    assert code == 0, err
    assert len(prompts) == len(answers)
    assert "This answer is needed" in err and '--zone: "Etc/GMT+1" is not the time zone of a place' in err
    assert '--opening "2021-05-01 00:00": it is not before the deadline' in err
    data = (project / "data" / "calls" / f"{SLUG}.yml").read_text(encoding="utf-8")
    assert 'id: "TEST-CALL-2021"' in data and "amount: 1000000" in data
    assert 'opening:\n  local: "2021-01-15 00:00"\n  zone: "Europe/Brussels"' in data


def test_the_opening_is_written_with_the_deadline_s_zone_or_as_null(tmp_path):
    from sitekit.calls.model import load_calls

    project = copy_project(tmp_path / "project")
    made = new_call(project, *ARGS, "--opening", "2021-01-15 09:00")
    assert made.returncode == 0, made.stderr
    calls = load_calls(project / "data" / "calls", project)
    assert calls[SLUG].opening is not None and calls[SLUG].opening.local == "2021-01-15 09:00"
    other = copy_project(tmp_path / "other")
    assert new_call(other, *ARGS).returncode == 0
    assert "\nopening: null" in (other / "data" / "calls" / f"{SLUG}.yml").read_text(encoding="utf-8")
    late = new_call(copy_project(tmp_path / "late"), *ARGS, "--opening", "2021-05-01 09:00")
    assert late.returncode == 2 and '--opening "2021-05-01 09:00": it is not before the deadline' in late.stderr
