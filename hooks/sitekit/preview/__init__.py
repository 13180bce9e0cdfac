"""The live preview (`mkdocs serve`) follows the edit: after a save, only the pages the change can
show are rebuilt (MkDocs' dirty build, told which pages), the rest of the site stays as it was; any
change that is not known to be local (settings, strings, glossary, templates, hooks, a file added or
removed) rebuilds the whole site. `changes`: what changed since the last build and what that rebuilds;
`record`: what each page shows of the data (its call, the calls it names, every call); `search`: the
search index with the rebuilt pages' entries in place; `clock`: one build instant for every page;
`serving`: the live-reload server's rebuilds, planned, and its watcher paced; `filelists`: mkdocs-static-i18n's
copy of each file made once per process.
Driven by hooks/preview_hook.py; plain `mkdocs build` never uses it.
"""
