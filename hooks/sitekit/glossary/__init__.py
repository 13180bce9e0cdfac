"""The ESCP-4i glossary: the terms of data/glossary.yml in every language (model), wrapped in
`<abbr title="expansion: definition">` in each page's running text (annotate), and the generated
glossary page sorted by the language's collation (page). Driven by hooks/glossary_hook.py; reads
data/glossary.yml and the `glossary:` block of data/strings/<locale>.yml, and renders
overrides/partials/glossary.html.
"""
