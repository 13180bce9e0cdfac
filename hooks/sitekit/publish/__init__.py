"""What the site publishes for machines and search: Atom feeds (feeds), calls.json (opendata),
schema.org JSON-LD (jsonld), the <link rel="alternate"> list in every head (machinelinks),
Open Graph and Twitter card values (sharing), a social card image per call and one for the
site (cards, Pillow and the DejaVu fonts), robots.txt (robots), one sitemap and one search index per language cut from the merged ones
(sitemaps, search_index), and the link checkers: the offline one over a built site (linkcheck)
and the list of external links in pages and data (external_links, for
tools/check_external_links.py). Driven by hooks/publish_hook.py and hooks/i18n_hook.py; reads
the call model and the `publishing:` and `sharing:` blocks of data/strings/<locale>.yml, and renders
overrides/partials/machine-data.html.
"""
