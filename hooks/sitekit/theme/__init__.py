"""What readers download and the templates that make it: the CSS and JavaScript bundles (bundles,
minify), exact repairs to Material's HTML (html_fixes), the theme's templates listed and compiled
once (loader, templatecache), Jinja2 partials rendered with autoescape (partials), editors' titles
kept as text (plaintext), generated files written below site/ (sitefiles), and no site left
behind after a failed build (outputdir). Driven by hooks/assets_hook.py, hooks/templates_hook.py,
hooks/quality_hook.py and hooks/validate_hook.py; reads mkdocs.yml's extra_css and
extra_javascript, docs/assets/ and overrides/.
"""
