"""Where an official link was confirmed: a stored copy of the page, the day it was looked at."""

from __future__ import annotations

from contextlib import suppress
from datetime import UTC, date, datetime, timedelta, timezone
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..dates.clock import site_now
from ..messages import _

# The zone where each day begins first (UTC+14): a check dated "today" where the editor is, is never
# in the future, whatever the zone of the machine that builds (a UTC runner, an editor in Italy).
EARLIEST_ZONE = timezone(timedelta(hours=14))


class Confirmation(BaseModel):
    """`confirmed:` under a link: `copy` (the stored copy's address), `checked` (a date), `note`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    stored_copy: str = Field(alias="copy")  # `copy` in YAML (the name would shadow BaseModel.copy)
    checked: date
    note: str | None = None

    @field_validator("stored_copy")
    @classmethod
    def _web_address(cls, url: str) -> str:
        parts = urlsplit(str(url).strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(
                _(
                    '"{url}" is not a web address; write the full address of the stored copy, starting with https://'
                ).format(url=url)
            )
        return str(url).strip()

    @field_validator("checked")
    @classmethod
    def _not_in_the_future(cls, day: date) -> date:
        if day > _today_somewhere():
            raise ValueError(
                _('"{day}" is in the future; write the day the copy was looked at').format(day=day.isoformat())
            )
        return day

    @field_validator("note")
    @classmethod
    def _note(cls, text: str | None) -> str | None:
        if text is not None and not " ".join(text.split()):
            raise ValueError(_("is empty; say what the copy shows, or remove the line"))
        return " ".join(text.split()) if text is not None else None


def _today_somewhere() -> date:
    """The latest date on Earth at the build clock's moment (SITE_NOW), or at the real moment when
    SITE_NOW is earlier: a build that shows the site as it was in 2020 still reads a check made
    today, and one that shows a later day accepts a check of that day."""
    now = datetime.now(UTC)
    with suppress(ValueError):  # a malformed SITE_NOW is reported once, by the calls hook
        now = max(now, site_now())
    return now.astimezone(EARLIEST_ZONE).date()
