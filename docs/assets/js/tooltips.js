/* Text in a tooltip stays text. Material's content.tooltips reads an element's `title` and puts it
   into the tooltip as HTML (innerHTML): a glossary definition like "PMI (<250 dipendenti)", a link
   title or a truncated navigation title would be read as markup, and could run. Every title on the
   page is handed to Material escaped once more, so its tooltip shows it exactly as written; the
   page's HTML keeps the plain text (contract 4), which browsers without JavaScript show. */
(function () {
  "use strict";

  var escaped = new WeakMap(); /* element -> the title this script gave it */

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function guard(el) {
    var title = el.getAttribute("title");
    if (title === null || escaped.get(el) === title) return; /* none, or already ours */
    var safe = escapeHtml(title);
    escaped.set(el, safe);
    if (safe !== title) el.setAttribute("title", safe);
  }

  /* Before Material mounts its tooltips (on DOMContentLoaded, after this script has run) and for
     every title set later: Material writes one on each navigation entry it truncates, and reads it
     only when the tooltip opens, long after the observer below has escaped it. */
  /* The body only: the titles of <link>s in the head are for feed readers, and no tooltip. */
  document.body.querySelectorAll("[title]").forEach(guard);
  new MutationObserver(function (records) {
    records.forEach(function (record) { guard(record.target); });
  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["title"] });
})();
