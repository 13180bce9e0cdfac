"""Calls for proposals: the call model read from data/calls/*.yml (model), its status at the build
clock (status), the values the call partials render (view), the pages' markers and deadline box
(markers, pages), where its pages live (urls), its calendar files (ics) and when it last changed
for readers (changes). Driven by hooks/calls_hook.py (hooks/publish_hook.py reads the model for
feeds and open data); reads data/calls/*.yml and the `calls:` block of data/strings/<locale>.yml,
and renders overrides/partials/call-*.html, calls-index.html and calls-home.html (the home
page's calls, breadcrumb and the menu of a call's own pages included).
"""
