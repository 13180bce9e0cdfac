"""The theme's stylesheet keeps the rules of every component the configuration turns on."""

from __future__ import annotations

from sitekit.theme.unused_css import (
    drop_unused_colours,
    drop_unused_rules,
    drop_unused_rules_cached,
    palette_colours,
    unused_classes,
    unused_variables,
)

CSS = (
    ".md-typeset .tabbed-set{display:flex}"
    ".md-tabs,.md-header{color:red}"
    "@media screen and (min-width:76.25em){.md-tabs__list{display:none}.md-nav{width:12rem}}"
    "@media print{.md-tags{display:none}}"
    ".md-typeset :is(.md-tag,.admonition){margin:0}"
    "@keyframes md-tabs{0%{opacity:0}}"
)
NOTHING_ON = {
    "markdown_extensions": ["abbr", "admonition"],
    "theme": {"features": []},
    "plugins": ["search"],
    "extra": {},
}


def test_rules_of_components_turned_on_nowhere_go_and_the_rest_stays_as_written():
    out = drop_unused_rules(CSS, unused_classes(NOTHING_ON))
    assert out == (
        ".md-header{color:red}"
        "@media screen and (min-width:76.25em){.md-nav{width:12rem}}"
        ".md-typeset :is(.md-tag,.admonition){margin:0}"  # a selector that may match something else stays
        "@keyframes md-tabs{0%{opacity:0}}"
    )


def test_an_extension_feature_plugin_or_extra_setting_keeps_its_component():
    on = {
        "markdown_extensions": [{"pymdownx.tabbed": {"alternate_style": True}}],
        "theme": {"features": ["navigation.tabs"]},
        "plugins": ["tags"],
        "extra": {"version": {"provider": "mike"}},
    }
    unused = unused_classes(on)
    assert not {"tabbed-", "md-tabs", "md-tag", "md-version"} & set(unused)
    assert "md-consent" in unused
    out = drop_unused_rules(CSS, unused)
    assert ".tabbed-set" in out and ".md-tabs__list" in out and ".md-tags" in out


def test_a_class_that_only_starts_like_a_component_is_not_one_of_its_classes():
    assert (
        drop_unused_rules(".md-top{a:b}.md-toggle{c:d}.md-tooltip{e:f}", ["md-top"])
        == ".md-toggle{c:d}.md-tooltip{e:f}"
    )


def test_a_class_inside_not_or_is_does_not_decide_the_selector():
    css = ".md-nav:not(.md-tabs){a:b}.md-typeset :where(.md-tag) .x{c:d}"
    assert drop_unused_rules(css, ["md-tabs", "md-tag"]) == css


def test_the_icons_of_unused_components_leave_the_root_rule_and_used_ones_stay():
    css = ":root{--md-tag-icon:url('data:image/svg+xml;x');--md-details-icon:url('data:d');--md-source-stars-icon:url('s')}"
    config = {"theme": {"features": [], "overrides": ["partials/source.html"]}}
    out = drop_unused_rules(css, unused_classes(config), unused_variables(config))
    assert "--md-tag-icon" not in out and "--md-source-stars-icon" not in out
    assert '--md-details-icon:url("data:d")' in out  # details are not a component switched off here
    with_widget: dict = {"theme": {"features": [], "overrides": []}}  # without the override, the widget shows
    assert "--md-source-stars-icon" in drop_unused_rules(css, (), unused_variables(with_widget))


def test_the_palette_keeps_only_the_colours_the_site_shows():
    css = (
        "[data-md-color-primary=red]{--md-primary-fg-color:red}"
        "[data-md-color-primary=indigo]{--md-primary-fg-color:#3f51b5}"
        "[data-md-color-accent=pink]{--md-accent-fg-color:pink}"
        "[data-md-color-scheme=slate]{--md-default-bg-color:#1e2129}"
        "@media screen{[data-md-color-primary=red] .md-header{color:red}}"
    )
    out = drop_unused_colours(css, palette_colours({"palette": [{"scheme": "default"}, {"scheme": "slate"}]}))
    assert "red" not in out and "pink" not in out
    assert "[data-md-color-primary=indigo]" in out and "[data-md-color-scheme=slate]" in out
    assert "teal" in drop_unused_colours(
        "[data-md-color-primary=teal]{a:b}", palette_colours({"palette": {"primary": "teal"}})
    )


def test_components_the_configuration_turns_on_nowhere_include_layout_variants_and_footnotes():
    plain: dict = {"theme": {"features": []}, "markdown_extensions": [], "extra": {}}
    unused = unused_classes(plain)
    for name in ("md-nav--lifted", "md-nav--integrated", "md-path", "md-progress", "md-status", "footnote"):
        assert name in unused
    turned_on: dict = {
        "theme": {"features": ["navigation.tabs", "toc.integrate", "navigation.path"]},
        "markdown_extensions": ["footnotes"],
        "extra": {"status": {"new": "Nuovo"}},
    }
    assert not {"md-nav--lifted", "md-nav--integrated", "md-path", "md-status", "footnote"} & set(
        unused_classes(turned_on)
    )


def test_a_stylesheet_trimmed_once_is_read_from_the_cache_while_nothing_it_depends_on_changes(tmp_path):
    names = unused_classes(NOTHING_ON)
    first = drop_unused_rules_cached(CSS, names, (), tmp_path)
    assert first == drop_unused_rules(CSS, names)
    [cached] = tmp_path.glob("*.css")
    cached.write_text("/* from the cache */", encoding="utf-8")
    assert drop_unused_rules_cached(CSS, names, (), tmp_path) == "/* from the cache */"
    # another stylesheet, or other names to drop, is another entry
    assert drop_unused_rules_cached(CSS + ".x{}", names, (), tmp_path) == drop_unused_rules(CSS + ".x{}", names)
    assert drop_unused_rules_cached(CSS, names[1:], (), tmp_path) == drop_unused_rules(CSS, names[1:])
    assert len(list(tmp_path.glob("*.css"))) == 3 and not list(tmp_path.glob("*.tmp"))
