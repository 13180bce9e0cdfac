"""Plain, MkDocs-free building blocks of the site generator; hooks/*.py are thin glue over them.

One package per feature: calls/ (a call from its YAML to its pages), glossary/ (terms and their
tooltips), checks/ (editors' checks before the build), publish/ (feeds, open data, sitemaps,
search, links), theme/ (what readers download and the templates that make it), and two small
shared ones, inputs/ (reading editors' files) and dates/ (the build clock, zones, formatting).
Four modules are shared by all of them: problems (what editors are told, and where), messages
(in which language: gettext catalogues in locale/), strings (the interface texts) and languages.
"""
