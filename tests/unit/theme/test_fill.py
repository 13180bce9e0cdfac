"""Strings patterns put values in with their own punctuation and word order, escaped."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from sitekit.theme.partials import fill


def test_french_punctuation_comes_from_the_pattern_and_markup_stays_markup():
    out = fill("{label} : {value}", label="Date limite", value=Markup('<time datetime="x">2 déc.</time>'))
    assert str(out) == 'Date limite : <time datetime="x">2 déc.</time>'


def test_text_from_data_and_from_the_pattern_is_escaped():
    assert (
        str(fill("<b>{label}</b> & {value}", label="A<script>", value="&"))
        == "&lt;b&gt;A&lt;script&gt;&lt;/b&gt; &amp; &amp;"
    )


def test_an_unknown_place_in_the_pattern_is_named():
    with pytest.raises(KeyError, match=r"\{lable\}"):
        fill("{lable}: {value}", label="x", value="y")
