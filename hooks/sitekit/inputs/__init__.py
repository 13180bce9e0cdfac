"""Reading editors' files: YAML loaded with the line of every key, so that a problem can name it
(yamlfile), and each file's text read again only when it changed (filecache). Used by every
feature that reads data/ or front matter; no hook of its own.
"""
