/* On paper (docs/assets/css/print.css): the day the page is printed, and the address of each link
   of the page's text after it, absolute (internal links too), once per address. */
(function () {
  "use strict";
  function init() {
    mark();
    var day = document.querySelector(".print-meta__date");
    if (day) {
      day.textContent = day.dataset.template.replace("{date}", new Intl.DateTimeFormat(day.dataset.locale,
        { day: "numeric", month: "long", year: "numeric" }).format(new Date()));
    }
  }
  function mark() {
    var seen = {};
    document.querySelectorAll("article a[href]").forEach(function (a) {
      if (a.closest("nav, .print-hidden")) return; /* not on paper (print.css) */
      var address = a.href.split("#")[0] === location.href.split("#")[0] ? "" : a.href;
      if (!address || seen[address]) return;
      seen[address] = true;
      a.setAttribute("data-print-href", address);
    });
  }
  window.addEventListener("beforeprint", mark); /* the page as it is when printed */
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
