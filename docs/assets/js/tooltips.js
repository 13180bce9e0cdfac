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

/* On a touch screen every glossary mark behaves the same: a tap opens a box with the term's
   explanation and a link to its glossary entry (instead of following the first mark's link, or
   opening Material's tooltip on the others); a second tap, a tap elsewhere or Escape closes it.
   Mouse, keyboard and screen readers keep Material's tooltip and the first mark's link. */
(function () {
  "use strict";
  var titles = new WeakMap(); /* abbr -> its explanation, read before Material takes the title */
  document.querySelectorAll("abbr[data-entry][title]").forEach(function (abbr) {
    titles.set(abbr, abbr.getAttribute("title"));
  });
  var open = null; /* [abbr, box] */

  function close() {
    if (!open) return;
    open[1].remove();
    open = null;
  }

  function show(abbr) {
    var box = document.createElement("div");
    box.className = "glossary-box";
    var text = document.createElement("p");
    text.textContent = titles.get(abbr);
    var link = document.createElement("a");
    link.href = abbr.dataset.entry;
    link.textContent = document.getElementById("glossary-open-entry").textContent; /* main.html */
    box.append(text, link);
    var rect = abbr.getBoundingClientRect();
    box.style.top = window.scrollY + rect.bottom + 6 + "px";
    document.body.append(box);
    box.style.left = Math.max(8, Math.min(window.scrollX + rect.left, document.documentElement.clientWidth - box.offsetWidth - 8)) + "px";
    open = [abbr, box];
  }

  /* The tap is decided when the finger lifts where it landed: a swipe that starts on a term still
     scrolls the page. Cancelling that touchend cancels the click (no link followed) and the
     emulated mouse (no Material tooltip). */
  var down = null;
  document.addEventListener("touchstart", function (event) {
    var t = event.touches[0];
    down = [event.target.closest("abbr[data-entry]"), t.clientX, t.clientY];
    if (!down[0] && !event.target.closest(".glossary-box")) close();
  }, { passive: true });
  document.addEventListener("touchend", function (event) {
    var t = event.changedTouches[0], abbr = down && down[0];
    if (!abbr || Math.abs(t.clientX - down[1]) + Math.abs(t.clientY - down[2]) > 10) return;
    event.preventDefault();
    var again = open && open[0] === abbr;
    close();
    if (!again) show(abbr);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") close();
  });
})();
