"""Synthetic sites for the scaling benchmark: a copy of the project plus N generated calls."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from sitebuild import copy_project  # noqa: E402  (the one copy of the project's site sources)

# One call in the real format of data/calls/*.yml (model: hooks/sitekit/calls/model.py).
CALL_YAML = """\
# Synthetic call {n} for the scaling benchmark.
id: BENCH-{n:04d}
programme: COSME
funder: European Commission
budget:
  amount: {amount}
  currency: EUR
opening: null
deadline:
  local: {deadline}
  zone: Europe/Brussels
webinar:
  approximate: 2020-11
  part: early
  zone: Europe/Brussels
  registration: false
title:
  it: Bando di prova {n}
  en: Benchmark call {n}
summary:
  it: Fondi COSME per partenariati di cluster che portano le PMI nei paesi terzi ({n}).
  en: COSME funding for cluster partnerships that take SMEs to third countries ({n}).
links:
  eccp:
    url: https://clustercollaboration.eu/
    title:
      it: European Cluster Collaboration Platform (ECCP)
      en: European Cluster Collaboration Platform (ECCP)
  call-topic:
    url: https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/bench-{n:04d}
    title:
      it: Il bando BENCH-{n:04d} sul Funding & Tenders Portal (in inglese)
      en: Call BENCH-{n:04d} on the Funding & Tenders Portal
"""

# Pages as editors write them: glossary terms in running text, markers, reference links to data.
PAGE = {
    "it": """\
---
title: Bando di prova {n}
description: Bando di prova {n} per misurare la generazione del sito con molti bandi.
call: {slug}
---

# Bando di prova {n}

Il bando finanzia partenariati strategici ESCP-4i nell'ambito del programma COSME, per
portare le PMI sui mercati dei paesi terzi, anche con tecnologie a duplice uso.

<!-- call:facts -->

## Chi può partecipare

Le organizzazioni registrate alla [European Cluster Collaboration Platform][eccp] (ECCP),
cluster e reti di PMI di almeno tre paesi del programma COSME.

## Entro quando

Le domande si presentano entro il <!-- call:deadline-text -->, sul
[Funding & Tenders Portal][call-topic].

## Che cosa finanzia

Azioni preparatorie e di attuazione: strategie comuni verso i paesi terzi, missioni, servizi
per le PMI. Un ESCP-4i può lavorare anche su tecnologie a duplice uso.
""",
    "en": """\
---
title: Benchmark call {n}
description: Benchmark call {n}, to measure how the site builds with many calls.
call: {slug}
---

# Benchmark call {n}

The call funds ESCP-4i strategic partnerships under the COSME programme, to take SMEs to
markets in third countries, including with dual-use technologies.

<!-- call:facts -->

## Who can apply

Organisations registered on the [European Cluster Collaboration Platform][eccp] (ECCP),
clusters and networks of SMEs from at least three COSME countries.

## Until when

Applications must be submitted by <!-- call:deadline-text -->, on the
[Funding & Tenders Portal][call-topic].

## What it funds

Preparatory and implementation actions: joint strategies towards third countries, missions,
services for SMEs. An ESCP-4i may also work on dual-use technologies.
""",
}

FIRST_DEADLINE = datetime(2020, 11, 2, 17, 0, tzinfo=UTC)  # only its wall time is written out


def add_calls(project: Path, count: int) -> list[str]:
    """Write `count` calls (data file + Italian and English page) into `project`; their slugs."""
    slugs = []
    calls_dir = project / "data" / "calls"
    calls_dir.mkdir(parents=True, exist_ok=True)
    for n in range(1, count + 1):
        slug = f"bando-di-prova-{n:04d}"
        # Deadlines spread over months, so that calls are forthcoming, open, closing and closed.
        deadline = (FIRST_DEADLINE + timedelta(days=3 * n)).strftime("%Y-%m-%d %H:%M")
        (calls_dir / f"{slug}.yml").write_text(
            CALL_YAML.format(n=n, amount=100_000 * n, deadline=deadline), encoding="utf-8"
        )
        page_dir = project / "docs" / "bandi" / slug
        page_dir.mkdir(parents=True, exist_ok=True)
        for locale, text in PAGE.items():
            (page_dir / f"index.{locale}.md").write_text(text.format(n=n, slug=slug), encoding="utf-8")
        slugs.append(slug)
    return slugs


def make_site(dest: Path, calls_per_language: int, root: Path = ROOT) -> Path:
    """The project copied into `dest` with `calls_per_language` synthetic calls added."""
    copy_project(dest, root)
    add_calls(dest, calls_per_language)
    return dest
