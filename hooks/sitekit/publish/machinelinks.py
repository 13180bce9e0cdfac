"""The machine-readable files every page announces in its head (<link rel="alternate">)."""

from __future__ import annotations

from dataclasses import dataclass

from ..languages import Language
from . import feeds, opendata


@dataclass(frozen=True)
class MachineLink:
    key: str  # names the link's title in data/strings/<locale>.yml: publishing.links.<key>
    path: str  # below the site root
    type: str


def machine_links(language: Language) -> list[MachineLink]:
    return [
        MachineLink("feed", language.prefix + feeds.FILE, "application/atom+xml"),
        MachineLink("data", opendata.FILE, "application/json"),
    ]
