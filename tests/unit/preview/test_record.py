"""Which pages show a change: a page's call, the calls its markers name, the lists of every call."""

from __future__ import annotations

from sitekit.preview.record import page_facts, pages_to_rebuild, shared_facts_changed

GLOSSARY = "<!-- glossary:entries -->"
FACTS = {
    "index.it.md": page_facts("# Home\n\n<!-- calls:home -->\n", {}, GLOSSARY),
    "bandi/index.en.md": page_facts("# Calls\n\n<!-- calls:index -->\n", {}, GLOSSARY),
    "bandi/x/index.it.md": page_facts("# X\n\n<!-- call:facts -->\n", {"call": "x"}, GLOSSARY),
    "bandi/x/webinar.it.md": page_facts("# Webinar\n", {"call": "x"}, GLOSSARY),
    "bandi/x/index.en.md": page_facts("# X\n", {"call": "x"}, GLOSSARY),
    "bandi/y/index.it.md": page_facts("# Y\n\nCome <!-- call:deadline-text x -->.\n", {"call": "y"}, GLOSSARY),
    "bandi/y/webinar.it.md": page_facts("# Y\n", {"call": "y"}, GLOSSARY),
    "chi-siamo.it.md": page_facts("# Chi siamo\n", {}, GLOSSARY),
}


def test_a_call_data_change_rebuilds_its_pages_in_every_language_the_pages_naming_it_and_the_lists():
    assert pages_to_rebuild(FACTS, [], ["x"]) == {
        "index.it.md",
        "bandi/index.en.md",
        "bandi/x/index.it.md",
        "bandi/x/webinar.it.md",
        "bandi/x/index.en.md",
        "bandi/y/index.it.md",
    }


def test_a_page_change_rebuilds_it_and_its_calls_other_pages_whose_menu_shows_its_title():
    assert pages_to_rebuild(FACTS, ["bandi/y/webinar.it.md"], []) == {"bandi/y/index.it.md", "bandi/y/webinar.it.md"}
    assert pages_to_rebuild(FACTS, ["chi-siamo.it.md"], []) == {"chi-siamo.it.md"}


def test_a_page_moved_to_another_call_or_taking_the_glossary_asks_for_a_whole_rebuild():
    before = FACTS["chi-siamo.it.md"]
    assert not shared_facts_changed(before, page_facts("# Chi siamo\n\nAltro testo.\n", {}, GLOSSARY))
    assert shared_facts_changed(before, page_facts("# Chi siamo\n", {"call": "x"}, GLOSSARY))
    assert shared_facts_changed(before, page_facts(f"# Chi siamo\n\n{GLOSSARY}\n", {}, GLOSSARY))
