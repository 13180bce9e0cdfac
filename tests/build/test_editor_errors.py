"""Editors' mistakes stop the real build with one clear message each, and leave no site to publish."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, SITE_NOW_DURING_CALL
from mistakes import MISTAKES, Mistake, replace
from sitebuild import build, copy_project, soup


def broken_copy(tmp_path: Path, mistake: Mistake | None = None) -> Path:
    project = copy_project(tmp_path / "project")
    if mistake:
        mistake.make(project)
    return project


def printed_lines(output: str) -> list[str]:
    """What the editor reads, without MkDocs' "ERROR   -  " prefix and the indentation."""
    return [
        line.split("-  ", 1)[-1].strip() if line.startswith("ERROR") else line.strip() for line in output.splitlines()
    ]


@pytest.fixture
def tmp_path(tmp_path):
    (tmp_path / "project").mkdir()
    return tmp_path


PRINTED_PROBLEM = re.compile(r"^(?P<file>[^:]+?)(?::(?P<line>\d+))?: (?P<field>[^:]+): (?P<rest>.*)$")
# The language of the messages: the site's default (Italian) when SITE_MESSAGES is not set.
MESSAGES: dict[str, dict[str, str | None]] = {"it": {"SITE_MESSAGES": None}, "en": {"SITE_MESSAGES": "en"}}
GUIDES = {"GUIDA-REDAZIONE.md": "it", "EDITING.md": "en"}


def problem_lines(expected: tuple[str, ...]) -> list[str]:
    """The expected lines that are problems (not the heading "4 problems to fix ...:")."""
    return [line for line in expected if PRINTED_PROBLEM.match(line)]


def annotation(printed: str) -> str:
    """The workflow command GitHub must receive for a problem the editor reads as `printed`."""
    m = PRINTED_PROBLEM.match(printed)
    line = f",line={m['line']}" if m["line"] else ""
    return f"::error file={m['file']}{line},title={m['field']}::{m['field']}: {m['rest']}"


@pytest.mark.parametrize("language", MESSAGES)
@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.name for m in MISTAKES])
def test_mistake_stops_the_build_with_its_message_and_no_output_folder(tmp_path, mistake, language):
    """...in the editors' language (Italian unless SITE_MESSAGES says), on GitHub Actions as every
    build there: each problem also an annotation, exactly once, with the same words."""
    project = broken_copy(tmp_path, mistake)
    summary = tmp_path / "summary.md"
    result = build(
        project,
        tmp_path / "site",
        site_now=SITE_NOW_DURING_CALL,
        extra_env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary), **MESSAGES[language]},
    )
    assert result.returncode != 0
    lines = printed_lines(result.output)
    for expected in mistake.expected[language]:
        assert expected in lines, f"missing: {expected}\n--- got:\n{result.output}"
    problems = problem_lines(mistake.expected[language])
    assert sorted(line for line in lines if line.startswith("::")) == sorted(map(annotation, problems)), result.output
    assert summary.read_text(encoding="utf-8").count("\n- `") == len(problems)
    reported = re.search(r"^ERROR\s+-\s+(\d+) ", result.output, re.MULTILINE)
    assert int(reported.group(1)) == len(problems), f"other messages than the mistake's:\n{result.output}"
    assert "Traceback" not in result.output
    assert not (tmp_path / "site").exists(), "a half-built site was left to publish"


BROKEN_CALL = "data/calls/clusters-go-international-2020.yml:13: deadline.local: "
IN_EACH_LANGUAGE = {
    None: (
        "1 problema da correggere prima di poter costruire il sito:",
        BROKEN_CALL + '"2020-13-02 17:00" non è una data con ora; scrivetela come 2020-12-02 17:00 '
        "(anno-mese-giorno ore:minuti, orologio a 24 ore)",
    ),
    "en": (
        "1 problem to fix before the site can be built:",
        BROKEN_CALL + '"2020-13-02 17:00" is not a date and time; write it as 2020-12-02 17:00 '
        "(year-month-day hours:minutes, 24-hour clock)",
    ),
    # French has a catalogue (hooks/sitekit/locale/fr) and nothing else: no code knows French
    "fr": (
        "1 problème à corriger avant de pouvoir construire le site :",
        BROKEN_CALL + "« 2020-13-02 17:00 » n'est pas une date avec heure ; écrivez-la comme 2020-12-02 17:00 "
        "(année-mois-jour heures:minutes, sur 24 heures)",
    ),
}


@pytest.mark.parametrize("chosen", IN_EACH_LANGUAGE, ids=["default", "en", "fr"])
def test_a_broken_call_file_is_reported_in_the_chosen_language(tmp_path, chosen):
    """Italian (the site's default language) unless SITE_MESSAGES names another; French by its
    catalogue only. Off GitHub, too."""
    result = build(
        broken_copy(tmp_path, MISTAKES[0]),
        tmp_path / "site",
        site_now=SITE_NOW_DURING_CALL,
        extra_env={"SITE_MESSAGES": chosen},
    )
    assert result.returncode != 0
    heading, problem = IN_EACH_LANGUAGE[chosen]
    assert [heading, problem] == [line for line in printed_lines(result.output) if line in (heading, problem)], (
        result.output
    )


def test_off_github_the_editor_reads_no_workflow_commands(tmp_path):
    result = build(broken_copy(tmp_path, MISTAKES[0]), tmp_path / "site", site_now=SITE_NOW_DURING_CALL)
    assert result.returncode != 0 and "problem" in result.output
    assert not [line for line in result.output.splitlines() if line.startswith("::")]


def test_the_unchanged_copy_builds(tmp_path):
    """The corpus breaks a copy that is otherwise sound: each failure above is its mistake's."""
    result = build(broken_copy(tmp_path), tmp_path / "site", site_now=SITE_NOW_DURING_CALL)
    assert result.returncode == 0, result.output
    assert (tmp_path / "site" / "index.html").exists()


def test_failed_build_removes_the_previous_site_from_the_output_folder(tmp_path):
    project = broken_copy(tmp_path)
    site = tmp_path / "site"
    assert build(project, site, site_now=SITE_NOW_DURING_CALL).returncode == 0
    (site / ".git").mkdir()  # what `mkdocs gh-deploy` keeps there: MkDocs' clean-up leaves it too
    MISTAKES[0].make(project)
    assert build(project, site, site_now=SITE_NOW_DURING_CALL).returncode != 0
    assert sorted(p.name for p in site.iterdir()) == [".git"]


def test_broken_internal_link_and_anchor_stop_the_build_naming_the_page(tmp_path):
    project = broken_copy(tmp_path)
    page = project / "docs" / "chi-siamo.it.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\nVedi [la pagina](non-esiste.md) e "
        "[la sezione](glossario.md#nessuna-sezione).\n",
        encoding="utf-8",
    )
    result = build(project, tmp_path / "site", site_now=SITE_NOW_DURING_CALL)
    assert result.returncode != 0
    assert (
        "Doc file 'chi-siamo.it.md' contains a link 'non-esiste.md', but the target is not found "
        "among documentation files."
    ) in result.output
    assert (
        "Doc file 'chi-siamo.it.md' contains a link 'glossario.md#nessuna-sezione', but the doc "
        "'glossario.it.md' does not contain an anchor '#nessuna-sezione'."
    ) in result.output
    assert "Aborted with 2 warnings in strict mode!" in result.output
    assert not (tmp_path / "site").exists()


def test_markup_in_a_page_title_is_shown_as_text(tmp_path):
    project = broken_copy(tmp_path)
    typed = 'Chi siamo <script>alert("x")</script> & <b>privacy</b>'
    replace(project, "docs/chi-siamo.it.md", "title: Chi siamo e privacy", f"title: '{typed}'")
    result = build(project, tmp_path / "site", site_now=SITE_NOW_DURING_CALL)
    assert result.returncode == 0, result.output
    html = soup(tmp_path / "site" / "chi-siamo" / "index.html")
    assert html.title.string == f"{typed} - Clust-ER · Bandi europei"
    assert typed in html.select_one("[data-md-component=header-topic] .md-ellipsis").get_text()
    assert not any("alert" in (s.string or "") for s in html.find_all("script"))
    assert html.find("b", string="privacy") is None


@pytest.mark.parametrize("guide", GUIDES)
def test_editor_guides_quote_the_real_messages(guide):
    """Each guide quotes every message of the corpus as the build prints it in the guide's language
    (the test above checks that the build does)."""
    # Line numbers move as the real files are edited: the guides quote a message, whatever its line.
    text = re.sub(r":\d+:", ":N:", (ROOT / guide).read_text(encoding="utf-8"))
    for mistake in MISTAKES:
        for expected in mistake.expected[GUIDES[guide]]:
            assert re.sub(r":\d+:", ":N:", expected) in text, f"{guide} does not quote: {expected}"


GITHUB_SECTION = {
    "GUIDA-REDAZIONE.md": "## Modificare il sito da GitHub, senza installare nulla",
    "EDITING.md": "## Edit the site on GitHub, with nothing to install",
}


@pytest.mark.parametrize("guide", GITHUB_SECTION)
def test_editor_guides_show_the_github_way_with_the_real_annotation_and_a_picture(guide):
    text = (ROOT / guide).read_text(encoding="utf-8")
    heading = GITHUB_SECTION[guide]
    assert heading in text, f"{guide}: the section {heading!r} is missing"
    section = text.split(heading, 1)[1].split("\n## ", 1)[0]
    # the steps, in their order: edit, commit on a branch, pull request, errors on the lines, fix, merge
    steps = ["*Commit changes…*", "*Create pull request*", "*Files changed*", "*Edit file*", "*Merge pull request*"]
    assert [section.index(s) for s in steps] == sorted(section.index(s) for s in steps)
    # what the build prints on GitHub for a wrong date, as the real build prints it (line numbers move)
    (bad_date,) = [m for m in MISTAKES if m.name == "bad date"]
    (printed,) = problem_lines(bad_date.expected[GUIDES[guide]])
    normal = lambda s: re.sub(r"(:|line=)\d+([:,])", r"\1N\2", s)  # noqa: E731
    assert normal(annotation(printed)) in normal(section), f"{guide} does not quote: {annotation(printed)}"
    assert normal(printed) in normal(section)
    # the picture: a file of the repository that the site does not publish, said to be an illustration
    (picture,) = re.findall(r"!\[[^\]]+\]\(([^)]+\.png)\)", section)
    assert (ROOT / picture).is_file() and not picture.startswith("docs/")
    assert re.search(r"Illustra(zione|tion)", section)
