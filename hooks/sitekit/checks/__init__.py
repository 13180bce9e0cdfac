"""The editors' checks: one pass over every page and data file before anything is built
(validation), reporting every problem at once as `file:line: field: found; what to do`. Parts:
translation parity between languages (parity), page front matter (frontmatter), schema complaints
turned into editors' words (fielderrors), what the checks need from mkdocs.yml (siteconfig) and
the docs folder walked once (sources), and the same problems on GitHub as annotations and a job
summary (github). Driven by hooks/validate_hook.py, first in `hooks:`; reads
mkdocs.yml, docs/**/*.md, data/calls/*.yml, data/glossary.yml and data/strings/*.yml.
"""
