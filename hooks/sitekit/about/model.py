"""data/site.yml: the publisher's name per language and, once an official address is confirmed,
a contact (a web address or an e-mail address, with `confirmed:` as official links have)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, HttpUrl, ValidationError, field_validator, model_validator

from ..dates.formatting import format_day
from ..inputs.confirmation import Confirmation
from ..inputs.yamlfile import YamlDoc, load_yaml
from ..messages import _
from ..problems import Problem, SiteDataError, schema_words

Texts = dict[str, str]
FILE = "data/site.yml"
CONTACT_MARKER = "<!-- site:contact -->"  # where a page shows the contact (the accessibility statement)
# An e-mail address as readers type it: something, one @, a host with a dot; no spaces or markup.
EMAIL = re.compile(r"[^\s@<>\"']+@[^\s@<>\"']+\.[^\s@<>\"']+\Z")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Contact(_Strict):
    url: HttpUrl | None = None
    email: str | None = None
    title: Texts  # what the link says, per language ("Contatti Clust-ER", "Clust-ER contacts")
    confirmed: Confirmation  # where the address was confirmed: no address nobody checked

    @field_validator("email")
    @classmethod
    def _an_address(cls, email: str | None) -> str | None:
        if email is not None and not EMAIL.match(email):
            raise ValueError(_('"{email}" is not an e-mail address; write it as name@example.org').format(email=email))
        return email

    @model_validator(mode="after")
    def _one_of_them(self) -> Contact:
        if (self.url is None) == (self.email is None):
            raise ValueError(_("write either url: (a web address) or email: (an e-mail address), one of them"))
        return self

    @property
    def href(self) -> str:
        return f"mailto:{self.email}" if self.email else str(self.url)


class SiteInfo(_Strict):
    publisher: Texts  # as the About page names it
    contact: Contact | None = None


def load_site_info(path: Path, root: Path | None, locales: list[str]) -> SiteInfo:
    """The site's data, with a text in each of `locales`; SiteDataError naming file, line and field."""
    shown = str(path.relative_to(root)) if root else str(path)
    doc = load_yaml(path, shown)
    if isinstance(doc, Problem):
        raise SiteDataError([doc])
    if not isinstance(doc.data, dict):
        raise SiteDataError([Problem(shown, 1, _("file"), _("is not a list of fields; start with `publisher:`"))])
    try:
        info = SiteInfo.model_validate(doc.data)
    except ValidationError as err:
        raise SiteDataError([_problem(doc, error) for error in err.errors()]) from None
    missing = [
        Problem(
            shown,
            doc.line_of(where),
            ".".join(where),
            _("has no text for the language '{language}'; add `{language}: ...`").format(language=locale),
        )
        for where, texts in _texts(info)
        for locale in locales
        if not (texts.get(locale) or "").strip()
    ]
    if missing:
        raise SiteDataError(missing)
    return info


def footer_view(info: SiteInfo, locale: str) -> dict[str, Any]:
    """What the footer and the contact marker show in `locale`."""
    contact = info.contact
    return {
        "publisher": info.publisher[locale],
        "contact": {"href": contact.href, "title": contact.title[locale]} if contact else None,
    }


def _texts(info: SiteInfo) -> list[tuple[tuple[str, ...], Texts]]:
    found: list[tuple[tuple[str, ...], Texts]] = [(("publisher",), info.publisher)]
    if info.contact is not None:
        found.append((("contact", "title"), info.contact.title))
    return found


def _problem(doc: YamlDoc, error: Any) -> Problem:
    loc = tuple(part for part in error["loc"] if part not in ("function-after",))
    field = ".".join(str(part) for part in loc) or _("file")
    return Problem(doc.path, doc.line_of(loc), field, schema_words(error))


def relative_href(target: str, page_url: str) -> str:
    """`target` (a folder below the site root, "chi-siamo/") relative to the page at `page_url`."""
    depth = len([part for part in page_url.split("/")[:-1] if part not in ("", ".")])
    return "../" * depth + target if target or depth else "./"


def last_updated_view(day: date | None, pattern: str, fmt: Mapping[str, str]) -> dict[str, str] | None:
    """ "Ultimo aggiornamento: 30 novembre 2026" for a page last changed on `day`; None when unknown."""
    if day is None:
        return None
    before, _, after = pattern.partition("{date}")
    return {"before": before, "date": day.isoformat(), "text": format_day(day, fmt), "after": after}
