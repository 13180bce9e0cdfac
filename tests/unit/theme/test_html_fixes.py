"""The HTML repairs change exactly the tags they name and nothing else."""

from sitekit.theme.html_fixes import drop_checkbox_autocomplete

MATERIAL_BODY = (
    '<body dir="ltr">\n'
    '    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
    '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">\n'
    '<input type="text" class="md-search__input" name="query" autocomplete="off" required>\n'
)


def test_checkbox_inputs_lose_autocomplete_and_keep_everything_else():
    fixed = drop_checkbox_autocomplete(MATERIAL_BODY)
    assert fixed == (
        '<body dir="ltr">\n'
        '    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">\n'
        '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">\n'
        '<input type="text" class="md-search__input" name="query" autocomplete="off" required>\n'
    )


def test_a_page_without_such_inputs_is_returned_unchanged():
    html = '<p>Scadenza: <time datetime="2020-12-02T17:00:00+01:00">2 dicembre 2020</time> & più</p>'
    assert drop_checkbox_autocomplete(html) == html


def test_self_closing_and_uppercase_checkbox_is_repaired_too():
    assert (
        drop_checkbox_autocomplete('<INPUT TYPE="CHECKBOX" AUTOCOMPLETE="off" checked/>')
        == '<input type="CHECKBOX" checked>'
    )


def test_in_a_material_page_the_toggles_are_repaired_and_the_rest_is_left_byte_for_byte():
    head = '<!doctype html><html><head><meta charset="utf-8"></head>\n'
    rest = (
        '<label class="md-overlay" for="__drawer"></label>\n<div data-md-component="skip"></div>\n'
        "<p>Tom &amp; Jerry<br/></p>\n</body></html>\n"
    )
    fixed = drop_checkbox_autocomplete(head + MATERIAL_BODY.rsplit("<input type", 1)[0] + rest)
    assert fixed == (
        head + '<body dir="ltr">\n'
        '    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">\n'
        '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">\n' + rest
    )
