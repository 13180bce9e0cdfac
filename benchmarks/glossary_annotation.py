"""Benchmark: cost of the glossary annotation per page and for a 500-page site; prints a table.

Run: /work/main/.venv/bin/python benchmarks/glossary_annotation.py [site_dir]  (default: site/)
Feeds the annotator the article HTML of the built pages, cycled to 500 pages per language.
"""

from __future__ import annotations

import sys
import time
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "hooks")]

from bs4 import BeautifulSoup  # noqa: E402

from sitekit.glossary.annotate import Annotator  # noqa: E402
from sitekit.glossary.model import load_glossary  # noqa: E402

PAGES = 500


def contents(site: Path, locale: str) -> list[str]:
    out = []
    for page in sorted(site.rglob("index.html")):
        rel = page.relative_to(site).as_posix()
        if (locale == "en") != rel.startswith("en/") or "glossario" in rel:
            continue
        article = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml").select_one("article")
        if article is not None:
            for node in article.select("abbr, a.glossary-link"):  # start from text as Markdown leaves it
                node.unwrap()
            out.append(article.decode_contents())
    return out


def main() -> None:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    glossary = load_glossary(ROOT / "data" / "glossary.yml", ROOT, ["it", "en"])
    print("| language | compile (ms) | pages | total (s) | per page (ms) | KiB per page |")
    print("|---|---|---|---|---|---|")
    for locale in ("it", "en"):
        start = time.perf_counter()
        annotator = Annotator(glossary.terms(locale))
        compile_ms = (time.perf_counter() - start) * 1000
        pages = list(islice(cycle(contents(site, locale)), PAGES))
        size = sum(len(p.encode()) for p in pages) / len(pages) / 1024
        start = time.perf_counter()
        for html in pages:
            annotator.annotate(html, lambda slug: f"../glossario/#{slug}")
        total = time.perf_counter() - start
        print(f"| {locale} | {compile_ms:.2f} | {PAGES} | {total:.2f} | {total / PAGES * 1000:.2f} | {size:.1f} |")
        long_pages = ["".join(pages[i : i + 20]) for i in range(0, PAGES, 20)]  # pages 20 times longer
        start = time.perf_counter()
        for html in long_pages:
            annotator.annotate(html, lambda slug: f"../glossario/#{slug}")
        total = time.perf_counter() - start
        size = sum(len(p.encode()) for p in long_pages) / len(long_pages) / 1024
        print(
            f"| {locale} (long pages) | {compile_ms:.2f} | {len(long_pages)} | {total:.2f} | {total / len(long_pages) * 1000:.2f} | {size:.1f} |"
        )


if __name__ == "__main__":
    main()
