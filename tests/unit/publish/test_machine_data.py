"""Plain functions behind the feeds, open data and JSON-LD, tested without MkDocs."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import UTC, datetime, timedelta

import jsonschema
import pytest
from lxml import etree

from calldata import two_stage_call
from sitebuild import ROOT
from sitekit.calls.changes import last_changed, last_commit_times
from sitekit.calls.model import load_calls
from sitekit.languages import Language
from sitekit.publish.feeds import FeedTexts, calls_feed, deadline_text
from sitekit.publish.jsonld import call_jsonld
from sitekit.publish.opendata import calls_document
from sitekit.publish.robots import robots_txt
from sitekit.strings import load_strings

SITE_URL = "https://example.org/bandi/"
LANGS = [Language("it", "/", True), Language("en", "/en/", False)]
SLUG = "clusters-go-international-2020"
DEADLINE = datetime(2020, 12, 2, 16, 0, tzinfo=UTC)
ATOM = "{http://www.w3.org/2005/Atom}"
SCHEMA = json.loads((ROOT / "docs" / "schemas" / "calls.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def calls():
    return load_calls(ROOT / "data" / "calls", ROOT)


@pytest.fixture(scope="module")
def strings():
    return load_strings(ROOT / "data" / "strings", ["it", "en"], ROOT)


def closed(schema):
    """The schema with every described object closed (`additionalProperties: false`): what the site
    writes must all be described, while the published schema stays open to fields added later."""
    if isinstance(schema, dict):
        schema = {key: closed(value) for key, value in schema.items()}
        if "properties" in schema and "additionalProperties" not in schema:
            schema["additionalProperties"] = False
        return schema
    return [closed(item) for item in schema] if isinstance(schema, list) else schema


def validate(document, schema=None) -> None:
    jsonschema.Draft202012Validator(
        closed(SCHEMA) if schema is None else schema, format_checker=jsonschema.FormatChecker()
    ).validate(document)


def test_open_data_gives_the_deadline_in_utc_and_in_brussels_time(calls):
    doc = calls_document(calls.values(), DEADLINE - timedelta(days=12), 7, SITE_URL, LANGS)
    validate(doc)
    call = next(c for c in doc["calls"] if c["slug"] == SLUG)
    assert call["deadline"] == {
        "utc": "2020-12-02T16:00:00Z",
        "local": "2020-12-02T17:00:00+01:00",
        "zone": "Europe/Brussels",
        "label": None,
        "status": "open",
        "previous": None,
    }
    assert call["deadlines"] == [call["deadline"]]
    assert call["id"] == "COS-CLUSINT-2020-3-01"
    assert call["budget"] == {"amount": 7500000, "currency": "EUR"}
    assert call["pages"] == {"it": SITE_URL + "bandi/" + SLUG + "/", "en": SITE_URL + "en/bandi/" + SLUG + "/"}
    assert set(call["title"]) == {"it", "en"}


@pytest.mark.parametrize(
    "now, status",
    [
        (DEADLINE - timedelta(days=12), "open"),
        (DEADLINE - timedelta(days=2), "closing"),
        (DEADLINE, "closed"),
    ],
)
def test_open_data_status_follows_the_build_clock(calls, now, status):
    doc = calls_document(calls.values(), now, 7, SITE_URL, LANGS)
    assert doc["generated"] == now.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert doc["calls"][0]["status"] == status


def test_schema_rejects_a_call_without_deadline_or_with_an_unknown_status(calls):
    doc = calls_document(calls.values(), DEADLINE, 7, SITE_URL, LANGS)
    broken = json.loads(json.dumps(doc))
    del broken["calls"][0]["deadline"]
    with pytest.raises(jsonschema.ValidationError):
        validate(broken)
    broken = json.loads(json.dumps(doc))
    broken["calls"][0]["status"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        validate(broken)


@pytest.mark.parametrize(
    "field, value",
    [
        ("generated", "2020-13-45T25:61:00Z"),  # the pattern's shape, not a date and time
        ("site", "clust-er.github.io/bandi/"),  # no scheme: not a URI
        ("$schema", "::"),
    ],
)
def test_schema_checks_the_formats_of_dates_and_addresses(calls, field, value):
    # FormatChecker() checks date-time and uri only with rfc3339-validator and rfc3986-validator
    # installed (requirements-test.in); without them these pass.
    broken = calls_document(calls.values(), DEADLINE, 7, SITE_URL, LANGS) | {field: value}
    with pytest.raises(jsonschema.ValidationError, match="is not a"):
        validate(broken)


def test_schema_keeps_its_promise_that_fields_may_be_added_within_a_version(calls):
    doc = calls_document(calls.values(), DEADLINE, 7, SITE_URL, LANGS)
    assert SCHEMA["properties"]["version"]["const"] == doc["version"] == 1
    later = json.loads(json.dumps(doc)) | {"licence": "CC-BY-4.0"}
    later["calls"][0]["deadline"]["note"] = {"it": "Nuovo campo", "en": "A new field"}
    validate(later, SCHEMA)  # a reader of version 1 accepts a document of version 1 with more fields
    with pytest.raises(jsonschema.ValidationError):
        validate(later)  # while every field the site writes today is described


@pytest.mark.parametrize(
    "locale, text", [("it", "2 dicembre 2020, ore 17:00\xa0CET"), ("en", "2 December 2020, 17:00\xa0CET")]
)
def test_feed_writes_the_deadline_as_the_pages_do_in_its_language_and_brussels_time(calls, strings, locale, text):
    assert deadline_text(calls[SLUG], locale, FeedTexts.from_strings(strings[locale])) == text


def test_feed_entry_names_the_status_and_links_the_page_in_its_language(calls, strings):
    changed = {SLUG: DEADLINE}
    xml = calls_feed(calls.values(), LANGS[1], FeedTexts.from_strings(strings["en"]), SITE_URL, DEADLINE, 7, changed)
    feed = etree.fromstring(xml)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    entry = feed.find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "Clusters Go International 2020: closed (2 December 2020, 17:00\xa0CET)"
    link = entry.find(f"{ATOM}link")
    assert link.attrib == {
        "href": SITE_URL + "en/bandi/" + SLUG + "/",
        "rel": "alternate",
        "type": "text/html",
        "hreflang": "en",
    }
    assert entry.findtext(f"{ATOM}updated").startswith("2020-12-02T16:00:00")
    assert "2 December 2020, 17:00\xa0CET" in entry.findtext(f"{ATOM}summary", "")


def test_a_call_changes_when_its_status_flips_or_its_data_is_committed(calls):
    call = calls[SLUG]
    before_closing = DEADLINE - timedelta(days=8)
    assert last_changed(call, before_closing, 7, None) == before_closing  # nothing known yet: now
    assert last_changed(call, DEADLINE - timedelta(days=2), 7, None) == DEADLINE - timedelta(days=7)
    assert last_changed(call, DEADLINE + timedelta(days=30), 7, None) == DEADLINE
    committed = DEADLINE + timedelta(days=10)
    assert last_changed(call, DEADLINE + timedelta(days=30), 7, committed) == committed
    assert last_changed(call, DEADLINE + timedelta(days=5), 7, committed) == DEADLINE  # not yet committed then


def test_commit_times_come_from_git_newest_commit_per_file(tmp_path):
    def git(*args, when="2021-01-01T10:00:00+01:00"):
        env = {
            **os.environ,
            "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_DATE": when,
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@t",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@t",
        }
        subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True, capture_output=True)

    (tmp_path / "calls").mkdir()
    assert last_commit_times(tmp_path / "calls") == {}  # not a repository yet
    git("init", "-q")
    (tmp_path / "calls" / "a.yml").write_text("id: a\n")
    (tmp_path / "calls" / "b.yml").write_text("id: b\n")
    git("add", ".")
    git("commit", "-qm", "both")
    (tmp_path / "calls" / "b.yml").write_text("id: b2\n")
    git("commit", "-qam", "b again", when="2021-02-01T10:00:00+01:00")
    times = last_commit_times(tmp_path / "calls")
    assert times == {
        "a.yml": datetime.fromisoformat("2021-01-01T10:00:00+01:00"),
        "b.yml": datetime.fromisoformat("2021-02-01T10:00:00+01:00"),
    }


def test_json_ld_describes_the_call_and_its_deadline_with_its_offset(calls):
    page = call_jsonld(calls[SLUG], LANGS[0], SITE_URL, DEADLINE - timedelta(days=3), 7)
    assert page["@type"] == "WebPage" and page["inLanguage"] == "it"
    assert page["url"] == page["@id"] == SITE_URL + "bandi/" + SLUG + "/"
    data = page["mainEntity"]
    assert data["@type"] == "MonetaryGrant" and data["identifier"] == "COS-CLUSINT-2020-3-01"
    assert data["url"] == SITE_URL + "bandi/" + SLUG + "/"
    assert data["potentialAction"]["endTime"] == "2020-12-02T17:00:00+01:00"
    assert data["amount"] == {"@type": "MonetaryAmount", "currency": "EUR", "value": 7500000}
    assert "inLanguage" not in data and data["name"] == "Clusters Go International 2020"


def test_json_ld_of_a_closed_call_offers_no_way_to_apply(calls):
    data = call_jsonld(calls[SLUG], LANGS[0], SITE_URL, DEADLINE, 7)["mainEntity"]
    assert "potentialAction" not in data and data["identifier"] == "COS-CLUSINT-2020-3-01"


VOCABULARY = json.loads((ROOT / "tests" / "schemas" / "schemaorg-vocabulary.json").read_text(encoding="utf-8"))


def vocabulary_mistakes(node, where: str = "") -> list[str]:
    """Each property of each typed node that schema.org does not allow on its type (nor on any of the
    type's supertypes), and each unknown type: the blocks read against the vocabulary itself
    (tests/schemas/schemaorg-vocabulary.json, from schema.org's own type and property tables)."""
    types, properties = VOCABULARY["types"], VOCABULARY["properties"]
    mistakes: list[str] = []
    if isinstance(node, list):
        for i, item in enumerate(node):
            mistakes += vocabulary_mistakes(item, f"{where}[{i}]")
        return mistakes
    if not isinstance(node, dict):
        return mistakes
    kind = node.get("@type")
    lineage: set[str] = set()
    if kind is not None:
        if kind not in types:
            return [f"{where}: {kind} is not a schema.org type"]
        todo = [kind]
        while todo:
            lineage.add(current := todo.pop())
            todo += [parent for parent in types.get(current, []) if parent not in lineage]
    for key, value in node.items():
        if key.startswith("@"):
            continue
        if kind is not None and (key not in properties or not lineage & set(properties[key])):
            mistakes.append(f"{where}: {key} is not a property of {kind}")
        mistakes += vocabulary_mistakes(value, f"{where}.{key}")
    return mistakes


@pytest.mark.parametrize("days_before", [3, 0])  # open (with the way to apply) and closed
def test_json_ld_uses_each_property_only_on_a_type_that_has_it(calls, days_before):
    for language in LANGS:
        data = call_jsonld(calls[SLUG], language, SITE_URL, DEADLINE - timedelta(days=days_before), 7)
        assert vocabulary_mistakes(data) == []


def test_the_vocabulary_check_finds_a_property_on_the_wrong_type():
    grant = {"@type": "MonetaryGrant", "name": "x", "inLanguage": "it", "funder": {"@type": "Organization"}}
    assert vocabulary_mistakes(grant) == [": inLanguage is not a property of MonetaryGrant"]
    assert vocabulary_mistakes({"@type": "WebPage", "inLanguage": "it", "mainEntity": grant}) == [
        ".mainEntity: inLanguage is not a property of MonetaryGrant"
    ]


def test_robots_txt_names_the_sitemap():
    assert robots_txt(SITE_URL).splitlines()[-1] == "Sitemap: https://example.org/bandi/sitemap.xml"


def test_open_data_and_feed_follow_stages_and_a_moved_deadline():
    two = two_stage_call(second={"previous": "2021-06-01 17:00"}, slug="two-stage")
    now = datetime(2021, 3, 1, 12, tzinfo=UTC)
    doc = calls_document([two], now, 7, SITE_URL, LANGS)
    validate(doc)
    [record] = doc["calls"]
    assert record["status"] == "open"
    assert [d["status"] for d in record["deadlines"]] == ["closed", "open"]
    assert record["deadline"] == record["deadlines"][1]
    assert record["deadline"]["label"] == {"it": "Seconda fase", "en": "Second stage"}
    assert record["deadline"]["previous"] == {
        "utc": "2021-06-01T15:00:00Z",
        "local": "2021-06-01T17:00:00+02:00",
        "zone": "Europe/Brussels",
    }
    feed = calls_feed(
        [two],
        LANGS[1],
        FeedTexts.from_strings(load_strings(ROOT / "data" / "strings", ["it", "en"])["en"]),
        SITE_URL,
        now,
        7,
        {"two-stage": now},
    ).decode()
    assert (
        "First stage: 10 February 2021, 17:00\xa0CET; Second stage: 10 June 2021, 17:00\xa0CEST "
        "(extended; was 1 June 2021, 17:00\xa0CEST)"
    ) in feed
