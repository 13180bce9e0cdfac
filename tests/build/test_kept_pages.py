"""What a build keeps for the next one (sitekit.inputs.textmemo: pages minified, the glossary's marks,
each page's policy) never shows an old fact: the next build writes the same site as a first build,
and an edited glossary term is on the pages at once, though their text did not change."""

from __future__ import annotations

from conftest import SITE_NOW_DURING_CALL
from sitebuild import build, copy_project, soup

DEFINITION_START = "Partenariati strategici europei di cluster"  # escp-4i, in Italian


def site_files(site) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def marks_of(page, slug: str) -> set[str]:
    return {str(abbr["title"]) for abbr in soup(page).select(f"article abbr[data-entry$='#{slug}']")}


def test_the_next_build_writes_the_same_site_and_shows_an_edited_term_at_once(tmp_path):
    project = copy_project(tmp_path / "project")
    kept: dict[str, str | None] = {"SITEKIT_CACHE": str(tmp_path / "cache")}  # empty: the first build makes everything

    first = build(project, tmp_path / "first", SITE_NOW_DURING_CALL, kept)
    assert first.returncode == 0, first.output
    assert len(list((tmp_path / "cache" / "pages").iterdir())) > 20  # pages kept for the next build
    again = build(project, tmp_path / "again", SITE_NOW_DURING_CALL, kept)
    assert again.returncode == 0, again.output
    assert site_files(again.site_dir) == site_files(first.site_dir)

    home = first.site_dir / "index.html"
    [before] = marks_of(home, "escp-4i")
    assert DEFINITION_START in before
    glossary = project / "data" / "glossary.yml"
    glossary.write_text(
        glossary.read_text(encoding="utf-8").replace(DEFINITION_START, "Partenariati di cluster europei", 1),
        encoding="utf-8",
    )
    edited = build(project, tmp_path / "edited", SITE_NOW_DURING_CALL, kept)
    assert edited.returncode == 0, edited.output
    [after] = marks_of(edited.site_dir / "index.html", "escp-4i")
    assert after == before.replace(DEFINITION_START, "Partenariati di cluster europei")
