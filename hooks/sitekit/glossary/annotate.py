"""Wrap glossary terms in a page's running text as <abbr title="expansion: definition">, first one linked."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from lxml import etree
from lxml import html as lxml_html

from .model import LocalTerm

# Text inside these elements is never annotated (DESIGN contract 4, plus what is not prose).
SKIP_TAGS = frozenset(
    {
        "a",
        "abbr",
        "acronym",
        "button",
        "code",
        "dfn",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "kbd",
        "label",
        "math",
        "nav",  # the breadcrumb and the call's pages: ways around the site, not prose
        "option",
        "pre",
        "samp",
        "script",
        "select",
        "style",
        "svg",
        "template",
        "textarea",
        "th",
        "title",
        "var",
    }
)
SKIP_CLASS = "no-glossary"
SKIP_ATTRIBUTE = "data-deadline"
LINK_CLASS = "glossary-link"

HrefFor = Callable[[str], str | None]  # slug -> link to its glossary entry, or None


class Annotator:
    """The terms of one language, compiled once into one pattern, longest form first."""

    def __init__(self, terms: Iterable[LocalTerm]):
        self.by_form: dict[str, LocalTerm] = {}
        for term in terms:
            for form in term.forms:
                self.by_form.setdefault(_normal(form), term)
        forms = sorted(self.by_form, key=lambda f: (-len(f), f))
        # Whole words: no letter, digit or hyphenated word part may touch the match on either side.
        alternatives = "|".join(r"\s+".join(map(_word, form.split())) for form in forms)
        # The look-ahead at a term's possible first letters adds no condition, but lets the regex
        # engine pass over every other position at once: half the time on a call page.
        first_letters = "".join(sorted({re.escape(form[0]) for form in forms}))
        self.pattern = (
            re.compile(rf"(?=[{first_letters}])(?<!\w)(?<!\w-)(?:{alternatives})(?!\w)(?!-\w)") if forms else None
        )

    def annotate(self, content: str, href_for: HrefFor = lambda slug: None) -> str:
        """`content` (an HTML fragment) with the first occurrence of each term in each section (up
        to the next `h2`) wrapped, so that a short section does not underline "cluster" three
        times; the first on the page also linked to its entry."""
        if self.pattern is None or not self.pattern.search(content):
            return content
        root = lxml_html.fragment_fromstring(content, create_parent="div")
        _Pass(self, href_for).element(root)
        out = lxml_html.tostring(root, encoding="unicode", method="html")
        return out[len("<div>") : -len("</div>")]


def _normal(form: str) -> str:
    return " ".join(form.replace("\u2019", "'").split())


def _skipped(el: etree._Element) -> bool:
    if not isinstance(el.tag, str):  # comments and processing instructions
        return True
    if el.tag.lower() in SKIP_TAGS or el.get(SKIP_ATTRIBUTE) is not None:
        return True
    return SKIP_CLASS in (el.get("class") or "").split()


SECTION = "h2"  # a new section: every term is marked again at its first occurrence in it


class _Pass:
    """One annotation pass over one page: remembers which terms are already linked, and which are
    marked in the current section."""

    def __init__(self, annotator: Annotator, href_for: HrefFor):
        self.annotator, self.href_for = annotator, href_for
        self.linked: set[str] = set()
        self.marked: set[str] = set()  # in this section

    def element(self, el: etree._Element) -> None:
        if el.text:
            pieces = self.split(el.text)
            if pieces is not None:
                el.text = pieces[0]
                for index, node in enumerate(pieces[1]):
                    el.insert(index, node)
        for child in list(el):
            if isinstance(child.tag, str) and child.tag.lower() == SECTION:
                self.marked.clear()
            if not _skipped(child):
                self.element(child)
            if child.tail:
                pieces = self.split(child.tail)
                if pieces is not None:
                    child.tail = pieces[0]
                    position = el.index(child)
                    for offset, node in enumerate(pieces[1], start=1):
                        el.insert(position + offset, node)

    def split(self, text: str) -> tuple[str, list[etree._Element]] | None:
        """(leading text, [abbr elements with the text that follows each as tail]), or None."""
        pattern = self.annotator.pattern
        matches = [m for m in (pattern.finditer(text) if pattern is not None else ()) if self.first_here(m.group(0))]
        if not matches:
            return None
        nodes: list[etree._Element] = []
        for i, match in enumerate(matches):
            node = self.wrap(match.group(0))
            end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
            node.tail = text[match.end() : end]
            nodes.append(node)
        return text[: matches[0].start()], nodes

    def first_here(self, words: str) -> bool:
        """True for a term's first occurrence in the current section (and remembers it)."""
        slug = self.annotator.by_form[_normal(words)].slug
        if slug in self.marked:
            return False
        self.marked.add(slug)
        return True

    def wrap(self, words: str) -> etree._Element:
        term = self.annotator.by_form[_normal(words)]
        abbr = etree.Element("abbr", title=term.title)
        entry = self.href_for(term.slug)
        if entry is not None:  # a tap on any mark opens a box that leads there (tooltips.js)
            abbr.set("data-entry", entry)
        href = entry if term.slug not in self.linked else None
        if href is None:
            abbr.text = words
            return abbr
        self.linked.add(term.slug)
        # The link sits inside the abbr so that focusing it opens Material's tooltip, which
        # follows focus within the abbr; the other occurrences stay out of the tab order.
        link = etree.SubElement(abbr, "a", href=href)
        link.set("class", LINK_CLASS)
        # Material moves the title into a tooltip described from the abbr, which a screen reader
        # does not announce on the focused link: the link carries the description itself.
        link.set("aria-description", term.title)
        link.text = words
        return abbr


def _word(word: str) -> str:
    """One word of a term as a pattern: an apostrophe matches the typographic one (’) that the
    Markdown typography (smarty) writes in running text, and the other way round."""
    return re.sub(r"['’]", "['’]", re.escape(word))
