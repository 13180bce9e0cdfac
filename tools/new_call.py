"""Add a call in minutes: data/calls/<slug>.yml and its page in every language, from tools/templates/.

    python tools/new_call.py --slug horizon-cluster-2021 --title-it "..." --title-en "..." \
        --deadline "2021-03-04 17:00" --zone Europe/Brussels --id ... --programme ... \
        --funder "European Commission" --budget 1000000

Whatever is not given is asked for (when run in a terminal). See GUIDA-REDAZIONE.md / EDITING.md.
"""
from __future__ import annotations

import argparse
import html
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import jinja2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from sitekit.checks.github import report_on_github  # noqa: E402
from sitekit.checks.siteconfig import SiteLayout, read_layout  # noqa: E402
from sitekit.checks.validation import collect_problems  # noqa: E402
from sitekit.dates.localtime import parse_wall_time, parse_zone  # noqa: E402

TEMPLATES = Path(__file__).resolve().parent / "templates"
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class Refused(Exception):
    """A value the editor must correct; the message says how."""


@dataclass
class Question:
    option: str
    prompt: str
    required: bool = True


def questions(locales: tuple[str, ...]) -> list[Question]:
    return [
        Question("slug", "Short name for addresses, lowercase with hyphens (e.g. horizon-cluster-2021)"),
        *(Question(f"title_{l}", f"Title of the call ({l})") for l in locales),
        *(Question(f"summary_{l}", f"One-sentence summary ({l}); empty: the title", required=False) for l in locales),
        Question("deadline", "Deadline, local time (e.g. 2021-03-04 17:00)"),
        Question("zone", "Time zone of the deadline (e.g. Europe/Brussels)"),
        Question("id", "Official identifier of the call (e.g. COS-CLUSINT-2020-3-01)"),
        Question("programme", "Programme (e.g. COSME)"),
        Question("funder", "Who funds it (e.g. European Commission)"),
        Question("budget", "Total budget in euro, digits only (e.g. 7500000)"),
    ]


def parse_args(argv: list[str], layout: SiteLayout) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Add a call: its data file and its page in every language.")
    parser.add_argument("--config", default=str(ROOT / "mkdocs.yml"), help="the site's mkdocs.yml")
    for question in questions(layout.locales):
        parser.add_argument("--" + question.option.replace("_", "-"), dest=question.option, help=question.prompt)
    return parser.parse_args(argv)


def ask_missing(args: argparse.Namespace, locales: tuple[str, ...]) -> None:
    missing = [q for q in questions(locales) if getattr(args, q.option) is None]
    if not sys.stdin.isatty():
        required = [q for q in missing if q.required]
        if required:
            names = ", ".join("--" + q.option.replace("_", "-") for q in required)
            raise Refused(f"missing: {names}; give them on the command line, or run the command in a terminal to be asked")
        return
    for question in missing:
        answer = input(f"{question.prompt}: ").strip()
        setattr(args, question.option, answer or None)


def plan_files(layout: SiteLayout, args: argparse.Namespace) -> dict[Path, str]:
    """Every file to write, with its text; Refused if a value is wrong or the call exists."""
    slug = (args.slug or "").strip()
    if not SLUG.match(slug):
        raise Refused(f'--slug "{slug}": use lowercase letters, digits and hyphens, e.g. horizon-cluster-2021')
    data_file = layout.root / "data" / "calls" / f"{slug}.yml"
    page_dir = layout.docs_dir / "bandi" / slug
    for existing in (data_file, page_dir):
        if existing.exists():
            raise Refused(f"{layout.shown(existing)} already exists: choose another --slug, or edit that call")
    try:
        parse_wall_time(args.deadline, parse_zone(args.zone))
    except ValueError as err:
        raise Refused(f"--deadline/--zone: {err}") from None
    budget = re.sub(r"[ ._'’]", "", str(args.budget or ""))
    if not budget.isdigit():
        raise Refused(f'--budget "{args.budget}": write the amount in euro with digits only, e.g. 7500000')
    titles = {l: _one_line(getattr(args, f"title_{l}")) for l in layout.locales}
    for locale, title in titles.items():
        if not (title or "").strip():
            raise Refused(f"--title-{locale}: write the title of the call in this language")
    summaries = {l: _one_line(getattr(args, f"summary_{l}")) or titles[l] for l in layout.locales}
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
                             keep_trailing_newline=True)
    env.filters["yaml"] = lambda value: json.dumps(str(value), ensure_ascii=False)  # JSON strings are YAML
    env.filters["text"] = lambda value: html.escape(str(value), quote=False)  # Markdown passes HTML through
    facts = {"slug": slug, "id": args.id, "programme": args.programme, "funder": args.funder,
             "budget": int(budget), "deadline": args.deadline.strip(), "zone": args.zone.strip(),
             "title": titles, "summary": summaries, "locales": layout.locales}
    files = {data_file: env.get_template("call.yml.j2").render(facts)}
    for locale in layout.locales:
        name = f"call-page.{locale}.md.j2"
        if not (TEMPLATES / name).exists():
            raise Refused(f"tools/templates/{name} is missing: copy call-page.{layout.default_locale}.md.j2 "
                          "to that name and translate its texts")
        page = {**facts, "title": titles[locale], "summary": summaries[locale]}
        files[page_dir / f"index.{locale}.md"] = env.get_template(name).render(page)
    return files


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    first = argparse.ArgumentParser(add_help=False)
    first.add_argument("--config", default=str(ROOT / "mkdocs.yml"))
    layout = read_layout(Path(first.parse_known_args(argv)[0].config).resolve())  # its languages shape the options
    args = parse_args(argv, layout)
    try:
        ask_missing(args, layout.locales)
        files = plan_files(layout, args)
    except Refused as err:
        print(f"Nothing written. {err}", file=sys.stderr)
        return 2
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"written: {layout.shown(path)}")
    problems = collect_problems(layout)
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)
    report_on_github(problems, os.environ, sys.stdout)  # on GitHub Actions: on the files' lines too
    print("Next: complete the texts of the pages, add the official links under links: in the data file, "
          "then preview with `make serve`.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
