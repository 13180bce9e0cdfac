"""Add a call in minutes: data/calls/<slug>.yml and its page in every language, from tools/templates/.

    python tools/new_call.py --slug horizon-cluster-2021 --title-it "..." --title-en "..." \
        --deadline "2021-03-04 17:00" --zone Europe/Brussels --id ... --programme ... \
        --funder-it "Commissione europea" --funder-en "European Commission" --budget 1000000

A call in two stages (or with several cut-off dates): one --deadline per stage, earliest first,
and its name in every language, in the same order:

    --deadline "2021-03-04 17:00" --stage-it "Prima fase" --stage-en "First stage" \
    --deadline "2021-09-16 17:00" --stage-it "Seconda fase" --stage-en "Second stage"

The call's opening, if known: --opening "2021-01-15 00:00" (same zone as the deadline); without it
the data file says `opening: null`.

Whatever is not given is asked for (when run in a terminal): an empty or wrong answer is asked again,
and nothing is written until every answer is right; Ctrl-D or Ctrl-C stops without writing anything.
See GUIDA-REDAZIONE.md / EDITING.md.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from sitekit.checks.github import report_on_github  # noqa: E402
from sitekit.checks.siteconfig import SiteLayout, read_layout  # noqa: E402
from sitekit.checks.validation import collect_problems  # noqa: E402
from sitekit.dates.localtime import parse_naive, parse_wall_time, parse_zone  # noqa: E402
from sitekit.messages import _, use_site_language  # noqa: E402

TEMPLATES = Path(__file__).resolve().parent / "templates"
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SLUG_MAX = 60  # a folder and a file name on every system, and an address readers can read
# Names Windows keeps for devices: a folder docs/bandi/con/ cannot be checked out there.
WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)), *(f"lpt{n}" for n in range(1, 10))}


class Refused(Exception):
    """A value the editor must correct; the message says how (`unnamed`: without the option's name)."""

    def __init__(self, message: str, unnamed: bool = False):
        super().__init__(message)
        self.unnamed = unnamed


class Stopped(Exception):
    """The editor ended the input (Ctrl-D) or stopped the command (Ctrl-C) before every answer."""

    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code


@dataclass
class Question:
    option: str
    prompt: str
    required: bool = True
    many: bool = False  # may be given more than once (one per stage)
    check: Callable[[str], str] | None = None  # the answer as written in the files, or Refused


def questions(locales: tuple[str, ...], layout: SiteLayout | None = None) -> list[Question]:
    return [
        Question(
            "slug",
            _("Short name for addresses, lowercase with hyphens (e.g. horizon-cluster-2021)"),
            check=lambda answer: check_slug(answer, layout),
        ),
        *(
            Question(f"title_{lang}", _("Title of the call ({language})").format(language=lang), check=_text)
            for lang in locales
        ),
        *(
            Question(
                f"summary_{lang}",
                _("One-sentence summary ({language}); empty: the title").format(language=lang),
                required=False,
                check=_one_line,
            )
            for lang in locales
        ),
        Question("zone", _("Time zone of the deadline (e.g. Europe/Brussels)"), check=check_zone),
        Question(
            "deadline",
            _("Deadline, local time (e.g. 2021-03-04 17:00)"),
            many=True,
            check=lambda answer: check_wall_time(answer, "--deadline"),
        ),
        *(
            Question(
                f"stage_{lang}",
                _("Name of each stage ({language}), only for a call with several deadlines").format(language=lang),
                required=False,
                many=True,
            )
            for lang in locales
        ),
        Question(
            "opening",
            _("Opening of the call, local time (e.g. 2021-01-15 00:00); empty: not known"),
            required=False,
            check=lambda answer: check_wall_time(answer, "--opening"),
        ),
        Question("id", _("Official identifier of the call (e.g. COS-CLUSINT-2020-3-01)"), check=_text),
        Question("programme", _("Programme (e.g. COSME)"), check=_text),
        *(
            Question(
                f"funder_{lang}",
                _("Who funds it, as written in this language ({language})").format(language=lang),
                check=_text,
            )
            for lang in locales
        ),
        Question("budget", _("Total budget in euro, digits only (e.g. 7500000)"), check=check_budget),
    ]


def check_slug(answer: str, layout: SiteLayout | None) -> str:
    slug = answer.strip()
    if not SLUG.match(slug):
        raise Refused(
            _('--slug "{slug}": use lowercase letters, digits and hyphens, e.g. horizon-cluster-2021').format(slug=slug)
        )
    if len(slug) > SLUG_MAX:
        raise Refused(
            _("--slug: {count} characters; keep it to {most} at most, e.g. horizon-cluster-2021").format(
                count=len(slug), most=SLUG_MAX
            )
        )
    if slug in WINDOWS_RESERVED:
        raise Refused(
            _('--slug "{slug}": Windows keeps this name for a device; add a word, e.g. {example}').format(
                slug=slug, example=f"{slug}-2021"
            )
        )
    if layout is not None:
        for existing in (layout.root / "data" / "calls" / f"{slug}.yml", layout.docs_dir / "bandi" / slug):
            if existing.exists():
                raise Refused(
                    _("{path} already exists: choose another --slug, or edit that call").format(
                        path=layout.shown(existing)
                    )
                )
    return slug


def check_zone(answer: str) -> str:
    try:
        parse_zone(answer.strip())
    except ValueError as err:
        raise Refused(f"--zone: {err}") from None  # err: in the messages' language
    return answer.strip()


def check_wall_time(answer: str, option: str) -> str:
    try:
        parse_naive(answer.strip())
    except ValueError as err:
        raise Refused(f"{option}: {err}") from None
    return answer.strip()


def check_budget(answer: str) -> str:
    budget = answer.strip()
    if not budget.isdigit() or not budget.isascii() or budget.startswith("0"):
        raise Refused(
            _(
                '--budget "{budget}": write the amount in whole euro with digits only, without points, commas or '
                "spaces: 7500000 for 7.5 million"
            ).format(budget=answer)
        )
    return budget


def _text(answer: str) -> str:
    text = _one_line(answer)
    if not text:
        raise Refused(_("write it: it cannot be empty"), unnamed=True)
    return text


def parse_args(argv: list[str], layout: SiteLayout) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=_("Add a call: its data file and its page in every language."))
    parser.add_argument("--config", default=str(ROOT / "mkdocs.yml"), help=_("the site's mkdocs.yml"))
    for question in questions(layout.locales, layout):
        parser.add_argument(
            "--" + question.option.replace("_", "-"),
            dest=question.option,
            help=question.prompt,
            action="append" if question.many else "store",
        )
    return parser.parse_args(argv)


def ask_missing(args: argparse.Namespace, locales: tuple[str, ...], layout: SiteLayout | None = None) -> None:
    """Ask in the terminal for what the command line did not give, again until the answer is right."""
    missing = [q for q in questions(locales, layout) if getattr(args, q.option) is None]
    if not sys.stdin.isatty():
        required = [q for q in missing if q.required]
        if required:
            names = ", ".join("--" + q.option.replace("_", "-") for q in required)
            raise Refused(
                _(
                    "missing: {options}; give them on the command line, or run the command in a terminal to be asked"
                ).format(options=names)
            )
        return
    for question in missing:
        if question.many and not question.required:  # stage names: only on the command line
            continue
        answer = _ask(question, args)
        setattr(args, question.option, ([answer] if question.many else answer) if answer else None)


def _ask(question: Question, args: argparse.Namespace) -> str:
    while True:
        try:
            answer = input(f"{question.prompt}: ").strip()
        except EOFError:
            raise Stopped(_("the input ended (Ctrl-D) before every answer was given"), 2) from None
        except KeyboardInterrupt:
            raise Stopped(_("stopped (Ctrl-C)"), 130) from None
        if not answer:
            if not question.required:
                return ""
            print(_("This answer is needed; write it, or press Ctrl-C to stop."), file=sys.stderr)
            continue
        try:
            checked = question.check(answer) if question.check else answer
            if question.option == "deadline" and args.zone:
                parse_wall_time(checked, parse_zone(args.zone))
            if question.option == "opening" and args.zone and args.deadline:
                plan_opening(argparse.Namespace(opening=checked, zone=args.zone), [{"local": args.deadline[0]}])
        except Refused as err:
            print(err, file=sys.stderr)
            continue
        except ValueError as err:  # a time that does not exist in the zone (clocks go forward)
            print(f"--deadline: {err}", file=sys.stderr)
            continue
        return checked


def plan_files(layout: SiteLayout, args: argparse.Namespace) -> dict[Path, str]:
    """Every file to write, with its text; Refused if a value is wrong or the call exists."""
    for question in questions(layout.locales, layout):
        value = getattr(args, question.option)
        if question.check is None or question.many:
            continue
        if value is None and question.required:
            raise Refused(f"--{question.option.replace('_', '-')}: " + _("write it: it cannot be empty"))
        if value is not None:
            try:
                setattr(args, question.option, question.check(value) or None)
            except Refused as err:
                named = f"--{question.option.replace('_', '-')}: {err}" if err.unnamed else str(err)
                raise Refused(named) from None
    slug = args.slug
    data_file = layout.root / "data" / "calls" / f"{slug}.yml"
    page_dir = layout.docs_dir / "bandi" / slug
    stages = plan_stages(args, layout.locales)
    opening = plan_opening(args, stages)
    budget = args.budget
    titles = {lang: _one_line(getattr(args, f"title_{lang}")) for lang in layout.locales}
    for locale, title in titles.items():
        if not (title or "").strip():
            raise Refused(f"--title-{locale}: " + _("write the title of the call in this language"))
    summaries = {lang: _one_line(getattr(args, f"summary_{lang}")) or titles[lang] for lang in layout.locales}
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )
    env.filters["yaml"] = lambda value: json.dumps(str(value), ensure_ascii=False)  # JSON strings are YAML
    env.filters["text"] = lambda value: html.escape(str(value), quote=False)  # Markdown passes HTML through
    funders = {loc: _one_line(getattr(args, f"funder_{loc}")) for loc in layout.locales}
    for locale, funder in funders.items():
        if not funder:
            raise Refused(f"--funder-{locale}: " + _("write who funds the call as written in this language"))
    facts = {
        "slug": slug,
        "id": args.id,
        "programme": args.programme,
        "funder": funders,
        "budget": int(budget),
        "stages": stages,
        "opening": opening,
        "zone": args.zone.strip(),
        "title": titles,
        "summary": summaries,
        "locales": layout.locales,
    }
    files = {data_file: env.get_template("call.yml.j2").render(facts)}
    for locale in layout.locales:
        name = f"call-page.{locale}.md.j2"
        if not (TEMPLATES / name).exists():
            raise Refused(
                _("{template} is missing: copy {source} to that name and translate its texts").format(
                    template=f"tools/templates/{name}", source=f"call-page.{layout.default_locale}.md.j2"
                )
            )
        page = {**facts, "title": titles[locale], "summary": summaries[locale]}
        files[page_dir / f"index.{locale}.md"] = env.get_template(name).render(page)
    return files


def plan_opening(args: argparse.Namespace, stages: list[dict]) -> str | None:
    """The opening's local time (the deadline's zone), before the first deadline; None: not known."""
    if not args.opening:
        return None
    zone = parse_zone(args.zone)
    try:
        opens = parse_wall_time(args.opening, zone)
    except ValueError as err:
        raise Refused(f"--opening: {err}") from None
    if opens >= parse_wall_time(stages[0]["local"], zone):
        raise Refused(
            _(
                '--opening "{opening}": it is not before the deadline ("{deadline}"); a call opens before it closes'
            ).format(opening=args.opening, deadline=stages[0]["local"])
        )
    return str(args.opening)


def plan_stages(args: argparse.Namespace, locales: tuple[str, ...]) -> list[dict]:
    """[{local, label}] for each --deadline, earliest first; several need a name per language."""
    deadlines = [d.strip() for d in args.deadline or [] if d and d.strip()]
    if not deadlines:
        raise Refused("--deadline: " + _("write the deadline, local time (e.g. 2021-03-04 17:00)"))
    instants = []
    for deadline in deadlines:
        try:
            instants.append(parse_wall_time(deadline, parse_zone(args.zone)))
        except ValueError as err:
            raise Refused(f"--deadline/--zone: {err}") from None  # err: in the messages' language
    for before, after, text in zip(instants, instants[1:], deadlines[1:], strict=False):
        if after <= before:
            raise Refused(
                _(
                    '--deadline "{deadline}": it is not after the deadline before it; give the stages in '
                    "order, earliest first"
                ).format(deadline=text)
            )
    labels = {lang: [_one_line(x) for x in getattr(args, f"stage_{lang}") or []] for lang in locales}
    if len(deadlines) == 1:
        given = [loc for loc in locales if labels[loc]]
        if given:
            raise Refused(
                f"--stage-{given[0]}: "
                + _(
                    "stage names are for a call with several deadlines; give "
                    "one --deadline per stage, or leave the names out"
                )
            )
        return [{"local": deadlines[0], "label": None}]
    for locale in locales:
        if len(labels[locale]) != len(deadlines) or not all(labels[locale]):
            raise Refused(
                f"--stage-{locale}: "
                + _(
                    "give the name of each of the {count} stages in this language, in the order of the --deadline "
                    'options (e.g. {option} "..." once per --deadline)'
                ).format(count=len(deadlines), option=f"--stage-{locale}")
            )
    return [{"local": d, "label": {lang: labels[lang][i] for lang in locales}} for i, d in enumerate(deadlines)]


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    first = argparse.ArgumentParser(add_help=False)
    first.add_argument("--config", default=str(ROOT / "mkdocs.yml"))
    layout = read_layout(Path(first.parse_known_args(argv)[0].config).resolve())  # its languages shape the options
    use_site_language(layout.default_locale)  # messages in the site's language, unless SITE_MESSAGES says
    args = parse_args(argv, layout)
    try:
        ask_missing(args, layout.locales, layout)
        files = plan_files(layout, args)
    except KeyboardInterrupt:  # Ctrl-C anywhere else before the files are written
        print(_("Nothing written. {reason}").format(reason=_("stopped (Ctrl-C)")), file=sys.stderr)
        return 130
    except (Refused, Stopped) as err:
        print(_("Nothing written. {reason}").format(reason=err), file=sys.stderr)
        return err.code if isinstance(err, Stopped) else 2
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(_("written: {path}").format(path=layout.shown(path)))
    problems = collect_problems(layout)
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)
    report_on_github(problems, os.environ, sys.stdout)  # on GitHub Actions: on the files' lines too
    print(
        _(
            "Next: complete the texts of the pages, add the official links under links: in the data file, "
            "then preview with `make serve`."
        )
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
