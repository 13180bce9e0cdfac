"""Who publishes the site and how readers reach them: data/site.yml, read by hooks/about_hook.py,
shown in the footer of every page (overrides/partials/copyright.html) and at `<!-- site:contact -->`
(the accessibility statement's feedback section, overrides/partials/site-contact.html)."""
