"""Reading editors' files: YAML loaded with the line of every key, so that a problem can name it
(yamlfile), each file's text read again only when it changed (filecache), and the `confirmed:`
record under an official link, shared by the call and glossary schemas (confirmation), and the folder
where builds keep what they reuse (cachedir). Used by every
feature that reads data/ or front matter; no hook of its own.
"""
