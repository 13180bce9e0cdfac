"""Editors' problems where editors are on GitHub: each one as an `::error` workflow command, so that
it shows on the changed line of the pull request, and all of them as a list in the job summary."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Mapping
from typing import TextIO

from ..problems import Problem, SiteDataError

# An exception whose problems went out already: the language builds of mkdocs-static-i18n nest,
# and the same error reaches every level's on_build_error.
_REPORTED = "_sitekit_reported_on_github"


def escape_data(text: str) -> str:
    """The message of a workflow command, as GitHub's toolkit escapes it (command.ts)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property (file, title) of a workflow command: also `:` and `,`, which end a property."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _located(problem: Problem) -> tuple[str, str]:
    """(`file:line` as the editor reads it, the rest: `field: what was found; what to do`)."""
    text = str(problem)
    where = f"{problem.file}:{problem.line}" if problem.line else problem.file
    return where, text.removeprefix(f"{where}: ")


def workflow_command(problem: Problem) -> str:
    """`::error file=PATH,line=N,title=FIELD::field: message` (no `line=` when the line is unknown)."""
    properties = [f"file={escape_property(problem.file)}"]
    if problem.line:
        properties.append(f"line={int(problem.line)}")
    properties.append(f"title={escape_property(problem.field)}")
    return f"::error {','.join(properties)}::{escape_data(_located(problem)[1])}"


_CODE_SPAN = re.compile(r"(`[^`\n]*`)")
_MARKDOWN = str.maketrans({c: f"\\{c}" for c in "\\*_[]~|#"} | {"<": "&lt;", ">": "&gt;", "&": "&amp;"})


def markdown_text(text: str) -> str:
    """Text that reads the same in GitHub's Markdown: the messages' `code` stays code, anything an
    editor typed (`<b>`, `*`, `[x](y)`) stays text."""
    parts = _CODE_SPAN.split(" ".join(text.split()))
    return "".join(
        part if part.startswith("`") and part.endswith("`") and len(part) > 1 else part.translate(_MARKDOWN)
        for part in parts
    )


def step_summary(problems: Iterable[Problem]) -> str:
    """The job summary: the build's headline, then one list item per problem, its place first."""
    error = SiteDataError(problems)
    head = str(error).splitlines()[0]
    items = [f"- `{where}` {markdown_text(rest)}" for where, rest in map(_located, error.problems)]
    return "\n".join([f"### {markdown_text(head)}", "", *items, ""]) + "\n"


def report_on_github(problems: list[Problem], environ: Mapping[str, str], out: TextIO) -> None:
    """On GitHub Actions (GITHUB_ACTIONS=true): each problem as a workflow command on `out`, and the
    list appended to the file named by GITHUB_STEP_SUMMARY. Elsewhere: nothing."""
    if environ.get("GITHUB_ACTIONS") != "true" or not problems:
        return
    for problem in SiteDataError(problems).problems:
        print(workflow_command(problem), file=out)
    out.flush()
    summary = environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as file:
            file.write(step_summary(problems))


def problems_of(error: BaseException) -> list[Problem] | None:
    """The problems behind a build error (a SiteDataError it was raised from, or in its context),
    or None when they were reported already or there are none."""
    seen: BaseException | None = error
    while seen is not None:
        if getattr(seen, _REPORTED, False):
            return None
        if isinstance(seen, SiteDataError):
            return list(seen.problems)
        seen = seen.__cause__ or seen.__context__
    return None


def report_build_error(error: BaseException, environ: Mapping[str, str], out: TextIO) -> None:
    """What on_build_error does: report the error's problems on GitHub, once however deep the nesting."""
    problems = problems_of(error)
    if problems:
        report_on_github(problems, environ, out)
    link: BaseException | None = error
    while link is not None:
        with contextlib.suppress(AttributeError):  # an exception type with __slots__
            setattr(link, _REPORTED, True)
        link = link.__cause__ or link.__context__
