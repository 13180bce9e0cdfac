"""Time as the site shows it: the build clock, SITE_NOW or now (clock), editors' wall times in an
IANA zone such as Europe/Brussels (localtime), and dates, durations and amounts written in the
page's language with Babel (formatting). Used by calls/ and publish/; no hook of its own.
"""
