"""Empty or misshapen files get one message that says what the file must be, not a silent site or a
list of consequences."""

from __future__ import annotations

import pytest

from checkcopy import editable_copy
from sitekit.checks.siteconfig import read_layout
from sitekit.checks.validation import collect_problems
from sitekit.inputs.yamlfile import parse_yaml


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return editable_copy(tmp_path_factory.mktemp("misshapen") / "project")


def problems_with_text(project, rel: str, text: str) -> list[str]:
    path = project / rel
    original = path.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    try:
        return [str(p) for p in collect_problems(read_layout(project / "mkdocs.yml"))]
    finally:
        path.write_text(original, encoding="utf-8")


@pytest.mark.parametrize("text", ["", "# the entries will come\n", "{}\n"])
def test_an_empty_glossary_is_refused_rather_than_a_site_without_tooltips(project, text):
    assert problems_with_text(project, "data/glossary.yml", text) == [
        "data/glossary.yml: file: is empty, so no page would explain a term; write the entries (see the comment at "
        "the top of the file in the repository), or restore the file"
    ]


@pytest.mark.parametrize(
    "text, found", [("- Pagina non trovata\n- Bandi\n", "a list"), ("", "nothing"), ("Bandi\n", '"Bandi"')]
)
def test_a_strings_file_that_is_no_block_of_keys_gets_one_message(project, text, found):
    assert problems_with_text(project, "data/strings/en.yml", text) == [
        f"data/strings/en.yml:1: file: found {found}, but a strings file is a block of keys (`not_found:`, `calls:` "
        "...); copy data/strings/it.yml and translate its texts"
    ]


def test_a_merge_key_is_refused_by_name_without_the_list_of_fields(project):
    call = "data/calls/clusters-go-international-2020.yml"
    text = (project / call).read_text(encoding="utf-8").replace("funder:\n", "<<: {programme: COSME}\nfunder:\n", 1)
    line = text.splitlines().index("<<: {programme: COSME}") + 1
    assert problems_with_text(project, call, text) == [
        f"{call}:{line}: <<: is a merge key (<<:), which copies fields from elsewhere; write the fields out in full "
        "instead"
    ]


@pytest.mark.parametrize(
    "text, line, field",
    [('title: "Prova" (bis)\nb: 1\n', 1, "title"), ("a:\n  title: 'Prova' bis\n  b: 2\n", 2, "title")],
)
def test_text_after_a_closing_quote_is_named_as_such(text, line, field):
    assert str(parse_yaml(text, "f.yml")) == (
        f"f.yml:{line}: {field}: has text after the closing quote; put the whole value inside the quotes, or "
        "remove what follows them"
    )
