"""Problems as GitHub workflow commands and as the job summary (sitekit.checks.github)."""

from __future__ import annotations

import io

from sitekit.checks.github import (
    escape_data,
    escape_property,
    markdown_text,
    report_build_error,
    report_on_github,
    step_summary,
    workflow_command,
)
from sitekit.problems import Problem, SiteDataError

DATE = Problem("data/calls/x.yml", 12, "deadline", '"2020-13-02" is not a date; write it as 2020-12-02 17:00')
PAGE = Problem("docs/chi-siamo.en.md", None, "page", "is missing; copy chi-siamo.it.md to chi-siamo.en.md")
ON_GITHUB = {"GITHUB_ACTIONS": "true"}


def test_escapes_follow_githubs_toolkit():
    assert escape_data("50% off\r\nnext") == "50%25 off%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_a_problem_with_a_line_becomes_an_error_on_that_line_titled_by_its_field():
    assert workflow_command(DATE) == (
        "::error file=data/calls/x.yml,line=12,title=deadline::"
        'deadline: "2020-13-02" is not a date; write it as 2020-12-02 17:00'
    )


def test_a_problem_without_a_line_names_the_file_only():
    assert workflow_command(PAGE) == (
        "::error file=docs/chi-siamo.en.md,title=page::page: is missing; copy chi-siamo.it.md to chi-siamo.en.md"
    )


def test_commas_colons_and_newlines_cannot_break_out_of_the_command():
    tricky = Problem("docs/a,b:c.it.md", 3, "links.x,y", "found 100%\n::warning::fake")
    assert workflow_command(tricky) == (
        "::error file=docs/a%2Cb%3Ac.it.md,line=3,title=links.x%2Cy::links.x,y: found 100%25<U+000A>::warning::fake"
    )  # a line break shown, never a new command


def test_markdown_keeps_the_messages_code_and_shows_what_editors_typed_as_text():
    assert markdown_text("did you mean `description`?") == "did you mean `description`?"
    assert markdown_text('found "<b>x</b> *y* [z](u)"') == 'found "&lt;b&gt;x&lt;/b&gt; \\*y\\* \\[z\\](u)"'


def test_summary_is_the_headline_and_a_list_placed_by_file_and_line():
    summary = step_summary([PAGE, DATE])
    assert summary.splitlines() == [
        f"### {str(SiteDataError([DATE, PAGE])).splitlines()[0]}",
        "",
        '- `data/calls/x.yml:12` deadline: "2020-13-02" is not a date; write it as 2020-12-02 17:00',
        "- `docs/chi-siamo.en.md` page: is missing; copy chi-siamo.it.md to chi-siamo.en.md",
        "",  # a blank line before whatever a later step adds
    ]


def test_nothing_is_printed_off_github():
    out = io.StringIO()
    report_on_github([DATE], {}, out)
    report_on_github([DATE], {"GITHUB_ACTIONS": "false"}, out)
    assert out.getvalue() == ""


def test_on_github_each_problem_is_printed_and_the_summary_appended(tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    out = io.StringIO()
    report_on_github([PAGE, DATE], {**ON_GITHUB, "GITHUB_STEP_SUMMARY": str(summary)}, out)
    assert out.getvalue().splitlines() == [workflow_command(DATE), workflow_command(PAGE)]
    assert summary.read_text(encoding="utf-8") == "earlier step\n" + step_summary([DATE, PAGE])


def test_a_build_error_nested_in_the_other_languages_build_is_reported_once():
    out = io.StringIO()
    try:
        try:
            try:
                raise SiteDataError([DATE])
            except SiteDataError as err:
                raise RuntimeError(str(err)) from None  # what the hooks raise for MkDocs
        except RuntimeError as inner:
            report_build_error(inner, ON_GITHUB, out)  # the English build's on_build_error
            raise SystemExit("Aborted") from None  # then MkDocs aborts that build
    except SystemExit as outer:
        report_build_error(outer, ON_GITHUB, out)  # and the Italian build's on_build_error
    assert out.getvalue().splitlines() == [workflow_command(DATE)]


def test_an_error_without_problems_prints_nothing():
    out = io.StringIO()
    report_build_error(ValueError("other"), ON_GITHUB, out)
    assert out.getvalue() == ""
