/* Corrections to Material's scripts and header, loaded after its bundle and before the page is ready. */
(function () {
  "use strict";

  /* The HTML fix that drops the invalid autocomplete="off" from the drawer and search toggles
     (hooks/sitekit/theme/html_fixes.py) would let a browser restore them ticked on back/forward
     navigation: start every page with both closed, as Material intends. */
  function closeToggles() {
    ["__drawer", "__search"].forEach(function (id) {
      var toggle = document.getElementById(id);
      if (toggle) toggle.checked = false;
    });
  }
  closeToggles();
  window.addEventListener("pageshow", function (event) { if (event.persisted) closeToggles(); });

  /* On narrow screens Material opens the navigation drawer and the search with <label>s, which
     the keyboard cannot reach: replace each with a real button, named like what it opens, that
     ticks the same toggle (quality.css shows it at the same screen widths as the label). */
  var names = {
    __drawer: document.querySelector("nav.md-nav--primary"),
    __search: document.querySelector("input.md-search__input")
  };
  document.querySelectorAll("label.md-header__button[for]").forEach(function (label) {
    var toggle = document.getElementById(label.htmlFor);
    var named = names[label.htmlFor];
    if (!toggle || !named) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className;
    button.setAttribute("data-quality-for", label.htmlFor);
    button.setAttribute("aria-label", named.getAttribute("aria-label"));
    button.setAttribute("aria-expanded", String(toggle.checked));
    button.innerHTML = label.innerHTML;
    button.addEventListener("click", function () {
      toggle.click();
      if (toggle.checked && toggle.id === "__search") names.__search.focus();
    });
    toggle.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(toggle.checked));
    });
    label.replaceWith(button);
  });

  /* The colour toggle from the keyboard: Space or Enter on it switches to the other colours, as a
     click on its icon does, and the focus stays on the toggle (quality.css shows it). */
  document.addEventListener("keydown", function (event) {
    var input = event.target;
    if ((event.key !== " " && event.key !== "Enter") || !input.matches("[data-md-component=palette] .md-option")) return;
    event.preventDefault();
    input.nextElementSibling.click();
    setTimeout(function () { document.querySelector("[data-md-component=palette] label:not([hidden])").previousElementSibling.focus(); });
  });
})();
