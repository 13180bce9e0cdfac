/* Live deadlines: progressive enhancement over the build-time text of every [data-deadline]
   element (DESIGN.md contract 3). Texts come from the page (data-* attributes), never from here. */
(function () {
  "use strict";
  var timers = [];
  var DAY = 864e5;

  function stateAt(el, now) {
    var end = Date.parse(el.dataset.deadline);
    var opening = el.dataset.opening ? Date.parse(el.dataset.opening) : null;
    if (now >= end) return "closed";
    if (opening !== null && now < opening) return "forthcoming";
    if (end - now < parseFloat(el.dataset.closingDays || "0") * DAY) return "closing";
    return "open";
  }

  function duration(ms, locale, seconds) {
    var s = Math.floor(ms / 1000);
    var parts = [["day", Math.floor(s / 86400)], ["hour", Math.floor(s / 3600) % 24],
                 ["minute", Math.floor(s / 60) % 60]];
    if (seconds) parts.push(["second", s % 60]);
    while (parts.length > 1 && parts[0][1] === 0) parts.shift();
    var words = parts.map(function (p) {
      return new Intl.NumberFormat(locale, { style: "unit", unit: p[0], unitDisplay: "long" }).format(p[1]);
    });
    return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(words);
  }

  function yourZone(el) {
    var out = el.querySelector(".call-box__yours");
    if (!out) return;
    var when = new Date(Date.parse(el.dataset.deadline));
    var opts = { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" };
    var locale = el.dataset.locale;
    var theirs = new Intl.DateTimeFormat(locale, Object.assign({ timeZone: el.dataset.zone }, opts)).format(when);
    if (theirs === new Intl.DateTimeFormat(locale, opts).format(when)) return;
    opts.timeZoneName = "short";
    out.textContent = el.dataset.yourZoneTemplate.replace("{moment}", new Intl.DateTimeFormat(locale, opts).format(when));
    out.hidden = false;
  }

  // A box or strip with later deadlines (data-following) moves on to the next when its own
  // passes: the box takes the stage's date from its own list, the strip from data-stages.
  function advance(el, now) {
    var rest = el.dataset.following.split(" ");
    var texts = el.dataset.stages ? JSON.parse(el.dataset.stages) : {};
    while (rest.length && Date.parse(el.dataset.deadline) <= now) {
      var at = (el.dataset.deadline = rest.shift());
      var stage = el.querySelector('.call-stage[data-deadline="' + at + '"]');
      var when = el.querySelector(".call-box__when, .call-strip__date");
      var label = el.querySelector(".call-box__label, .call-strip__label");
      if (stage) {
        when.replaceChildren(stage.querySelector("time").cloneNode(true));
        label.textContent = stage.dataset.label;
      } else if (texts[at]) {
        when.textContent = texts[at].text;
        when.setAttribute("datetime", texts[at].local);
        label.textContent = texts[at].label;
      }
    }
    el.dataset.following = rest.join(" ");
  }

  // On paper the box says the state as of the day it is printed (the countdown is not printed).
  function printState(el, state, now) {
    var out = el.querySelector(".call-box__print-state");
    var badge = el.querySelector(".call-badge");
    if (!out || !badge) return;
    var day = new Intl.DateTimeFormat(el.dataset.locale, { day: "numeric", month: "long", year: "numeric" }).format(now);
    out.textContent = out.dataset.template.replace("{date}", day).replace("{state}", JSON.parse(badge.dataset.labels)[state]);
  }

  function update(el, now, reduced) {
    if (el.dataset.following) advance(el, now);
    var state = stateAt(el, now);
    printState(el, state, now);
    if (state !== el.dataset.state) {
      el.dataset.state = state;
      el.querySelectorAll(".call-badge").forEach(function (badge) {
        badge.textContent = JSON.parse(badge.dataset.labels)[state];
      });
      var passed = el.classList.contains("call-stage") && el.querySelector(".call-stage__passed");
      if (passed) passed.hidden = state !== "closed";
      var text = el.querySelector(".call-box__state-text");
      if (text && state === "closed") text.textContent = el.dataset.endedText;
      else if (text && state !== "forthcoming") text.textContent = "";
    }
    var left = el.querySelector(".call-left");
    if (!left || !el.dataset.leftTemplate) return;
    if (state === "closed") {
      left.remove();
      var cal = el.querySelector(".call-box__calendar");
      if (cal) cal.remove();
      return;
    }
    // Until a forthcoming call opens, nobody can apply: count to the opening, then to the deadline.
    var opening = state === "forthcoming" && el.dataset.opensInTemplate;
    var text2 = (opening ? el.dataset.opensInTemplate : el.dataset.leftTemplate).replace("{left}",
      duration(Date.parse(opening ? el.dataset.opening : el.dataset.deadline) - now, el.dataset.locale, !reduced));
    if (left.textContent !== text2) left.textContent = text2;
  }

  // The reader's own variant of the page's language (en-US reading /en/), else the page's.
  function readerLocale(el) {
    var page = el.dataset.locale || document.documentElement.lang;
    var mine = (navigator.languages || []).filter(function (l) {
      return l.split("-")[0] === page.split("-")[0];
    })[0];
    return mine || page;
  }

  function init() {
    timers.forEach(clearTimeout);
    timers = [];
    var els = Array.prototype.slice.call(document.querySelectorAll("[data-deadline]"));
    if (!els.length || !window.Intl || !Intl.ListFormat) return;
    var reduced = window.matchMedia && matchMedia("(prefers-reduced-motion: reduce)").matches;
    els.forEach(function (el) {
      el.dataset.locale = readerLocale(el);
      if (el.dataset.zone) yourZone(el);
    });
    function tick() {
      var now = Date.now();
      els.forEach(function (el) { update(el, now, reduced); });
    }
    tick();
    timers.push(setInterval(tick, 1000));
    // Ticks may fall up to a second late: also wake up when a state changes (closing starts
    // once *less* than the threshold is left, hence the extra millisecond).
    els.forEach(function (el) {
      var end = Date.parse(el.dataset.deadline);
      [end, end - parseFloat(el.dataset.closingDays || "0") * DAY + 1, Date.parse(el.dataset.opening || "")]
        .forEach(function (at) {
          var wait = at - Date.now();
          if (wait > 0 && wait < 2147483647) timers.push(setTimeout(tick, wait));
        });
    });
  }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
