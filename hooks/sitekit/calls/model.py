"""The call model: one YAML file per call in data/calls/, language-neutral facts written once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Literal

from babel.numbers import list_currencies
from pydantic import BaseModel, ConfigDict, HttpUrl, ValidationError, ValidationInfo, field_validator, model_validator
from pydantic_core import ErrorDetails

from ..dates.localtime import FIRST_YEAR, LAST_YEAR, parse_naive, parse_wall_time, parse_zone
from ..inputs.confirmation import Confirmation
from ..inputs.filecache import read_text
from ..inputs.yamlfile import YamlDoc, load_yaml, parse_yaml
from ..messages import N_, _, language
from ..problems import Problem, SiteDataError, schema_words, shown_text

Texts = dict[str, str]  # language code -> text
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")  # a call's file name: its address under bandi/
# 7500000 or 7_500_000: no sign, no leading zero, no 0x, no decimals, underscores between thousands
PLAIN_AMOUNT = re.compile(r"[1-9][0-9]*\Z|[1-9][0-9]{0,2}(?:_[0-9]{3})+\Z")


@lru_cache(maxsize=8192)  # pages, views and feeds ask for the same instants thousands of times
def _instant(local: str, zone: str) -> datetime:
    return parse_wall_time(local, parse_zone(zone))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Moment(_Strict):
    """A known instant, written as local wall time plus an IANA zone (never guessed: required)."""

    local: str
    zone: str

    @field_validator("local")
    @classmethod
    def _a_wall_time(cls, local: str) -> str:
        parse_naive(local)  # the date itself, reported at its own line; the zone's part below
        return local

    @field_validator("zone")
    @classmethod
    def _a_zone(cls, zone: str) -> str:
        parse_zone(zone)  # reported at the zone's own line
        return zone

    @model_validator(mode="after")
    def _parses(self) -> Moment:
        _ = self.instant  # raises ValueError with an editor's message
        return self

    @property
    def instant(self) -> datetime:
        return _instant(self.local, self.zone)


class At(ValueError):
    """A validation message about a field below the one being validated: `where` extends the
    location, so that the editor's message names the very line (deadlines.1.label)."""

    def __init__(self, where: tuple, message: str) -> None:
        super().__init__(message)
        self.where = where


class Deadline(Moment):
    """A deadline: a Moment, with the earlier time if it was moved (same zone) and, when a call
    has several, a label per language ("Prima fase", "First stage")."""

    previous: str | None = None
    changed: date | None = None  # the day the move was published (the call's "Updates")
    label: Texts | None = None

    @field_validator("previous")
    @classmethod
    def _previous_differs(cls, previous: str | None, info: ValidationInfo) -> str | None:
        local, zone = info.data.get("local"), info.data.get("zone")
        if previous is None or local is None or zone is None:
            return previous
        earlier = _instant(previous, zone)
        if earlier == _instant(local, zone):
            raise ValueError(
                _(
                    '"{previous}" is the same time as local; write the earlier deadline here, '
                    "or remove previous: if the deadline did not move"
                ).format(previous=previous)
            )
        return previous

    @field_validator("changed")
    @classmethod
    def _changed_with_previous(cls, changed: date | None, info: ValidationInfo) -> date | None:
        if changed is not None and info.data.get("previous") is None:
            raise ValueError(
                _(
                    "says when the deadline was moved, but there is no previous: (the earlier time); "
                    "add previous:, or remove changed:"
                )
            )
        return changed

    @field_validator("label")
    @classmethod
    def _label_in_every_language(cls, label: Texts | None, info: ValidationInfo) -> Texts | None:
        if label is not None:
            _check_languages(label, info)
        return label

    @property
    def previous_instant(self) -> datetime | None:
        return _instant(self.previous, self.zone) if self.previous else None


NO_DEADLINE = N_("is missing; add it (deadline: with local: and zone:, or deadlines: with one entry per stage)")
PART_ENDS = {"early": 11, "mid": 21}  # the day an approximate part of a month is over


class Event(_Strict):
    """An event whose date may not be known yet: then `approximate` says what is known."""

    local: str | None = None
    zone: str | None = None  # required with `local`: a time without its zone is ambiguous
    approximate: str | None = None  # "2020-11": the month, when the day is not announced
    part: Literal["early", "mid", "late"] | None = None
    registration: bool | None = None

    @field_validator("local")
    @classmethod
    def _a_wall_time(cls, local: str | None) -> str | None:
        if local is not None:
            parse_naive(local)
        return local

    @model_validator(mode="after")
    def _known_or_approximate(self) -> Event:
        if self.local is None and self.approximate is None:
            raise ValueError(_("write either local (the exact date and time) or approximate (the month, e.g. 2020-11)"))
        if self.local is not None:
            if self.zone is None:
                raise ValueError(
                    _(
                        'local: "{local}" has no zone; add `zone:` with an IANA time zone such as Europe/Brussels'
                    ).format(local=self.local)
                )
            parse_wall_time(self.local, parse_zone(self.zone))
        if self.approximate is not None:
            try:
                month = datetime.strptime(self.approximate, "%Y-%m").replace(tzinfo=UTC)
            except ValueError:
                raise ValueError(
                    _('approximate: "{month}" is not a month; write it as 2020-11').format(month=self.approximate)
                ) from None
            if not FIRST_YEAR <= month.year <= LAST_YEAR:
                raise ValueError(
                    _(
                        'approximate: "{month}" is outside the years this site handles ({first}-{last}); check the year'
                    ).format(month=self.approximate, first=FIRST_YEAR, last=LAST_YEAR)
                )
        return self

    @property
    def instant(self) -> datetime | None:
        return _instant(self.local, self.zone) if self.local else None

    @property
    def approximate_end(self) -> datetime | None:
        """When the approximate period is surely over: "early" ends after the 10th, "mid" after
        the 20th, "late" or a whole month with the month (in the event's zone, else UTC)."""
        if self.approximate is None:
            return None
        year, month = (int(part) for part in self.approximate.split("-"))
        zone = parse_zone(self.zone) if self.zone else UTC
        if self.part in PART_ENDS:
            return datetime(year, month, PART_ENDS[self.part], tzinfo=zone)
        return datetime(year + month // 12, month % 12 + 1, 1, tzinfo=zone)


class Budget(_Strict):
    amount: int
    currency: str = "EUR"

    @field_validator("amount", mode="before")
    @classmethod
    def _plain_whole_number(cls, value: object) -> int:
        text = str(value) if isinstance(value, (int, str)) and not isinstance(value, bool) else ""
        if not PLAIN_AMOUNT.match(text):
            raise ValueError(
                _(
                    "found {found}; write the amount as a positive whole number, digits only, e.g. 7500000 or 7_500_000"
                ).format(found=shown_text(value))
            )
        return int(text.replace("_", ""))

    @field_validator("currency", mode="before")
    @classmethod
    def _iso_4217(cls, value: object) -> str:
        if not isinstance(value, str) or value not in list_currencies():
            raise ValueError(
                _("found {found}; write the currency as its three-letter ISO 4217 code in capitals, e.g. EUR").format(
                    found=shown_text(value)
                )
            )
        return value


# What an official link is for a reader: the call's page on the Funding & Tenders portal, the call
# documents, the submission service, official news, anything else (calls/view.py, LINK_ROLES).
LinkRole = Literal["portal", "documents", "submission", "news", "info"]


class Link(_Strict):
    url: HttpUrl
    title: Texts
    role: LinkRole = "info"
    confirmed: Confirmation | None = None  # where the link was confirmed (a stored copy)

    @field_validator("url")
    @classmethod
    def _http_only(cls, url: HttpUrl) -> HttpUrl:
        if url.scheme not in ("http", "https"):
            raise ValueError(_("links must start with https://"))
        return url


class Call(_Strict):
    slug: str  # the file name, which is also the folder of the call's pages under docs/bandi/
    id: str
    programme: str
    funder: str | Texts  # a name that is the same in every language, or one per language

    def funder_in(self, locale: str) -> str:
        """The funder's name as written in `locale`."""
        return self.funder if isinstance(self.funder, str) else self.funder[locale]

    budget: Budget
    opening: Moment | None = None
    deadline: Deadline | None = None  # one deadline, or
    deadlines: tuple[Deadline, ...] | None = None  # several (stages, cut-off dates), earliest first
    webinar: Event | None = None
    title: Texts
    summary: Texts
    links: dict[str, Link] = {}
    # The order of the call's pages in its own menu, by file name (index, sezione-a, ...): pages
    # left out follow, by address.
    pages: tuple[str, ...] = ()

    @field_validator("id", "programme", "funder", mode="before")
    @classmethod
    def _not_blank(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            raise ValueError(_("is empty; write it as in the call's official documents"))
        return value

    @field_validator("title", "summary", "funder")
    @classmethod
    def _every_language(cls, texts: str | Texts, info: ValidationInfo) -> str | Texts:
        if isinstance(texts, dict):
            _check_languages(texts, info)
        return texts

    @model_validator(mode="after")
    def _one_way_of_deadlines(self) -> Call:
        if self.deadline is None and self.deadlines is None:
            raise At(("deadline",), _(NO_DEADLINE))
        if self.deadline is not None and self.deadlines is not None:
            raise At(
                ("deadlines",),
                _(
                    "is written together with deadline:; keep one of them "
                    "(deadlines: for several stages, deadline: for one)"
                ),
            )
        stages = self.deadlines or ()
        if self.deadlines is not None and not stages:
            raise At(("deadlines",), _("is an empty list; add one entry per stage, or write deadline: instead"))
        first = self.stages[0]
        if self.opening is not None and self.opening.instant >= first.instant:
            where = ("deadline", "local") if self.deadline is not None else ("deadlines", 0, "local")
            raise At(
                where,
                _(
                    '"{deadline}" is not after the opening ("{opening}"); a call opens before its '
                    "deadline: check both dates"
                ).format(deadline=first.local, opening=self.opening.local),
            )
        for index, stage in enumerate(stages):
            if len(stages) > 1 and stage.label is None:
                raise At(
                    ("deadlines", index),
                    _(
                        "has no label; add label: with the stage's name in every "
                        "language (it: Prima fase, en: First stage)"
                    ),
                )
            if index and stage.instant <= stages[index - 1].instant:
                raise At(
                    ("deadlines", index, "local"),
                    _(
                        '"{deadline}" is not after the stage before it ({before}); list the stages in '
                        "order, earliest first"
                    ).format(deadline=stage.local, before=stages[index - 1].local),
                )
        return self

    @property
    def stages(self) -> tuple[Deadline, ...]:
        """Every deadline, earliest first (one for a call with a single deadline)."""
        if self.deadlines is not None:
            return self.deadlines
        assert self.deadline is not None  # _one_way_of_deadlines: a valid call has one or the other
        return (self.deadline,)

    @property
    def final(self) -> Deadline:
        """The last deadline: when the call closes for good."""
        return self.stages[-1]

    def next_deadline(self, now: datetime) -> Deadline:
        """The first deadline still ahead at `now`; the last one once every deadline has passed."""
        return next((stage for stage in self.stages if stage.instant > now), self.stages[-1])

    @field_validator("links")
    @classmethod
    def _every_language_of_links(cls, links: dict[str, Link], info: ValidationInfo) -> dict[str, Link]:
        for key, link in links.items():
            _check_languages(link.title, info, f"{key}.title: ")
        return links


def _check_languages(texts: Texts, info: ValidationInfo, where: str = "") -> None:
    """With `locales` in the validation context, every one of them needs a text."""
    locale = _first_missing(texts, (info.context or {}).get("locales", []))
    if locale is not None:
        raise ValueError(
            where + _("has no text for the language '{language}'; add `{language}: ...`").format(language=locale)
        )


def _first_missing(texts: Texts, locales: Iterable[str]) -> str | None:
    return next(
        (locale for locale in locales if not isinstance(texts.get(locale), str) or not texts[locale].strip()), None
    )


def _speaks(call: Call, locales: tuple[str, ...]) -> bool:
    """What the validators above ask of `locales`, on a call already validated without them."""
    texts = [
        call.title,
        call.summary,
        *(link.title for link in call.links.values()),
        *(stage.label for stage in call.stages if stage.label is not None),
    ]
    if isinstance(call.funder, dict):
        texts.append(call.funder)
    return all(_first_missing(text, locales) is None for text in texts)


def load_call(path: Path, display_path: str | None = None, locales: list[str] | None = None) -> Call | list[Problem]:
    shown = display_path or str(path)
    try:
        text = read_text(path)
    except (OSError, UnicodeDecodeError):
        unreadable = load_yaml(path, shown)  # the Problem saying why it cannot be read
        return (
            [unreadable] if isinstance(unreadable, Problem) else [Problem(shown, None, _("file"), _("cannot be read"))]
        )
    result = _call_from_text(text, path.stem, shown, tuple(locales or ()), language())
    return list(result) if isinstance(result, tuple) else result


def read_call_yaml(path: Path, shown: str) -> YamlDoc | Problem:
    """A call file as parsed YAML with its lines, shared with every other reader of the same text:
    read it, never change it."""
    try:
        text = read_text(path)
    except (OSError, UnicodeDecodeError):
        return load_yaml(path, shown)
    return _parsed(text, shown, language())


# The checks, several hooks and both language builds read every call file: the same text gives
# the same YAML and the same (frozen) Call, so each is parsed and validated once per text (and
# language of the messages: `messages_in`).
@lru_cache(maxsize=4096)
def _parsed(text: str, shown: str, messages_in: str) -> YamlDoc | Problem:
    return parse_yaml(text, shown)


@lru_cache(maxsize=4096)
def _call_from_text(
    text: str, slug: str, shown: str, locales: tuple[str, ...], messages_in: str
) -> Call | tuple[Problem, ...]:
    if locales:  # the checks ask without locales, the call pages with them: validate once
        call = _call_from_text(text, slug, shown, (), messages_in)
        if isinstance(call, Call) and _speaks(call, locales):
            return call
        # else validate with them, for the very messages the validators give
    doc = _parsed(text, shown, messages_in)
    if isinstance(doc, Problem):
        return (doc,)
    if not isinstance(doc.data, dict):
        return (Problem(doc.path, 1, _("file"), _("is not a list of fields; start with `id:`, `deadline:` ...")),)
    try:
        return Call.model_validate({**doc.data, "slug": slug}, context={"locales": list(locales)})
    except ValidationError as err:
        problems = tuple(_problem(doc, e) for e in err.errors())
        if (
            "deadline" not in doc.data
            and "deadlines" not in doc.data
            and not any(p.field.startswith("deadline") for p in problems)
        ):
            # other mistakes stop pydantic before the check of the whole call: say this one too
            problems += (Problem(doc.path, 1, "deadline", _(NO_DEADLINE)),)
        return problems


def load_calls(calls_dir: Path, root: Path | None = None, locales: list[str] | None = None) -> dict[str, Call]:
    """Every call in `calls_dir`, by slug; SiteDataError listing every problem in every file.
    With `locales`, every title, summary and link title must have a text in each of them."""
    calls: dict[str, Call] = {}
    problems: list[Problem] = []
    ids: dict[str, str] = {}  # call id -> the file that has it
    for path in sorted(calls_dir.glob("*.yml")):
        shown = str(path.relative_to(root)) if root else str(path)
        if not SLUG.match(path.stem):
            problems.append(
                Problem(
                    shown,
                    None,
                    _("file name"),
                    _(
                        "{name} cannot be the address of a call; rename the file in lower-case letters, digits and "
                        "hyphens, e.g. clusters-go-international-2020.yml (and its folder under docs/bandi/)"
                    ).format(name=shown_text(path.stem)),
                )
            )
            continue
        result = load_call(path, shown, locales)
        if isinstance(result, Call):
            calls[result.slug] = result
            if result.id in ids:
                problems.append(
                    Problem(
                        shown,
                        _line(path, shown, ("id",)),
                        "id",
                        _(
                            '"{id}" is also the id of {file}; each call has its own id: check which file is right'
                        ).format(id=result.id, file=ids[result.id]),
                    )
                )
            ids.setdefault(result.id, shown)
        else:
            problems.extend(result)
    if problems:
        raise SiteDataError(problems)
    return calls


def _line(path: Path, shown: str, loc: tuple) -> int | None:
    doc = read_call_yaml(path, shown)
    return doc.line_of(loc) if isinstance(doc, YamlDoc) else None


def _problem(doc: YamlDoc, error: ErrorDetails) -> Problem:
    loc = tuple(part for part in error["loc"] if part not in ("function-after",))
    cause = (error.get("ctx") or {}).get("error")
    if isinstance(cause, At):
        loc += cause.where
    field = ".".join(str(part) for part in loc) or _("file")
    return Problem(doc.path, doc.line_of(loc), field, schema_words(error))
