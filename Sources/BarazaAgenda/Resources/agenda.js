// The agenda page's behaviour: day tabs, time-zone switch, filters and interface language.
// The page state lives in the URL hash (#tz=Africa/Lagos&lang=fr&day=2027-03-24&track=climate&session-lang=fr),
// so a link opens the same view and a headless browser can be put in any state without clicking.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  var strings = {};
  Array.prototype.forEach.call(document.querySelectorAll("#agenda-strings [data-key]"), function (el) {
    strings[el.getAttribute("data-key")] = { en: el.getAttribute("data-en"), fr: el.getAttribute("data-fr") };
  });
  var eventZone = root.getAttribute("data-event-zone");
  var eventLanguages = (root.getAttribute("data-event-languages") || "").split(" ");
  var serverLang = root.lang;
  var tabs = Array.prototype.slice.call(document.querySelectorAll('[role="tab"]'));
  var panels = Array.prototype.slice.call(document.querySelectorAll('[role="tabpanel"]'));
  var sessions = Array.prototype.slice.call(document.querySelectorAll("article.session"));
  var tzSelect = document.getElementById("tz");
  var trackSelect = document.getElementById("track");
  var langSelect = document.getElementById("session-lang");
  var state = { tz: "venue", lang: serverLang, day: "", track: "", sessionLang: "" };

  function t(key) {
    var entry = strings[key];
    if (!entry) return key;
    return entry[state.lang] || entry.en || key;
  }

  function isZone(name) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: name });
      return true;
    } catch (e) {
      return false;
    }
  }

  function detectedZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    } catch (e) {
      return "UTC";
    }
  }

  function browserLanguage() {
    var list = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    for (var i = 0; i < list.length; i++) {
      var primary = String(list[i]).toLowerCase().split("-")[0];
      if ((primary === "en" || primary === "fr") && eventLanguages.indexOf(primary) >= 0) return primary;
    }
    return serverLang;
  }

  function hasOption(select, value) {
    return Array.prototype.some.call(select.options, function (o) { return o.value === value; });
  }

  function readHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    var tz = params.get("tz") || "venue";
    if (tz !== "venue" && tz !== "local" && !isZone(tz)) tz = "venue";
    state.tz = tz;
    var lang = params.get("lang");
    state.lang = lang === "en" || lang === "fr" ? lang : browserLanguage();
    var day = params.get("day") || "";
    state.day = tabs.some(function (tab) { return tab.getAttribute("data-date") === day; }) ? day : "";
    var track = params.get("track") || "";
    state.track = hasOption(trackSelect, track) ? track : "";
    var sessionLang = params.get("session-lang") || "";
    state.sessionLang = hasOption(langSelect, sessionLang) ? sessionLang : "";
  }

  function writeHash() {
    var params = new URLSearchParams();
    if (state.tz !== "venue") params.set("tz", state.tz);
    params.set("lang", state.lang);
    if (state.day) params.set("day", state.day);
    if (state.track) params.set("track", state.track);
    if (state.sessionLang) params.set("session-lang", state.sessionLang);
    history.replaceState(null, "", "#" + params.toString());
  }

  var formats = {};
  function format(zone, kind) {
    var key = state.lang + "|" + zone + "|" + kind;
    if (!formats[key]) {
      var locale = state.lang === "fr" ? "fr-FR" : "en-GB";
      var options;
      if (kind === "time") options = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
      else if (kind === "ymd") options = { year: "numeric", month: "2-digit", day: "2-digit" };
      else if (kind === "short") options = { weekday: "short", day: "numeric", month: "short" };
      else if (kind === "tab") options = { weekday: "short", day: "numeric", month: "short" };
      else options = { weekday: "long", day: "numeric", month: "long", year: "numeric" };
      options.timeZone = zone;
      formats[key] = new Intl.DateTimeFormat(kind === "ymd" ? "en-CA" : locale, options);
    }
    return formats[key];
  }

  function zoneFor(session) {
    if (state.tz === "venue") return session.getAttribute("data-zone") || eventZone;
    if (state.tz === "local") return detectedZone();
    return state.tz;
  }

  function shownZone() {
    if (state.tz === "venue") return eventZone;
    if (state.tz === "local") return detectedZone();
    return state.tz;
  }

  function applyLanguage() {
    root.lang = state.lang;
    Array.prototype.forEach.call(document.querySelectorAll("[data-i18n]"), function (el) {
      el.textContent = t(el.getAttribute("data-i18n"));
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-i18n-aria]"), function (el) {
      el.setAttribute("aria-label", t(el.getAttribute("data-i18n-aria")));
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-i18n-label]"), function (el) {
      el.setAttribute("label", t(el.getAttribute("data-i18n-label")));
    });
    // Workspace names given in both languages where markup cannot switch them: the page title, track options.
    Array.prototype.forEach.call(document.querySelectorAll("[data-text-en]"), function (el) {
      el.textContent = el.getAttribute("data-text-" + state.lang);
    });
    var venueOption = tzSelect.querySelector('option[value="venue"]');
    var suffix = venueOption.getAttribute("data-suffix");
    venueOption.textContent = t("venueTime") + (suffix ? " (" + suffix + ")" : "");
    tzSelect.querySelector('option[value="local"]').textContent = t("yourTimeZone") + " (" + detectedZone() + ")";
    Array.prototype.forEach.call(document.querySelectorAll(".ui-lang"), function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-lang") === state.lang));
    });
    Array.prototype.forEach.call(document.querySelectorAll(".day-label"), function (el) {
      var noon = new Date(el.getAttribute("data-date") + "T12:00:00Z");
      el.textContent = format("UTC", el.getAttribute("data-format") === "short" ? "tab" : "long").format(noon);
    });
    var range = document.querySelector(".date-range");
    if (range) {
      var first = new Date(range.getAttribute("data-first") + "T12:00:00Z");
      var last = new Date(range.getAttribute("data-last") + "T12:00:00Z");
      var f = format("UTC", "long");
      range.textContent = first.getTime() === last.getTime() ? f.format(first) : f.format(first) + " – " + f.format(last);
    }
  }

  function applyZone() {
    if (state.tz !== "venue" && state.tz !== "local" && !hasOption(tzSelect, state.tz)) {
      var option = document.createElement("option");
      option.value = state.tz;
      option.textContent = state.tz;
      tzSelect.appendChild(option);
    }
    tzSelect.value = state.tz;
    sessions.forEach(function (session) {
      var zone = zoneFor(session);
      var start = new Date(session.getAttribute("data-start"));
      var end = new Date(session.getAttribute("data-end"));
      var panel = session.closest('[role="tabpanel"]');
      var day = panel ? panel.getAttribute("data-date") : "";
      var timeFormat = format(zone, "time");
      session.querySelector(".t-start").textContent = timeFormat.format(start);
      session.querySelector(".t-end").textContent = timeFormat.format(end);
      // Days follow venue time; when the chosen clock shows another date, say which.
      var localDay = format(zone, "ymd").format(start);
      session.querySelector(".t-date").textContent = localDay !== day ? format(zone, "short").format(start) + ", " : "";
      var note = state.tz === "venue" && zone !== eventZone ? " (" + zone + ")" : "";
      session.querySelector(".t-zone").textContent = note;
    });
    Array.prototype.forEach.call(document.querySelectorAll(".mark-time"), function (el) {
      el.textContent = format(shownZone(), "time").format(new Date(el.getAttribute("data-start")));
    });
    var status = document.getElementById("tz-status");
    // Venue time is stated as the event's zone (the grid's hours); a session on another clock says its own.
    var others = document.getElementById("tz-others");
    if (others) others.hidden = state.tz !== "venue";
    if (state.tz === "venue") {
      status.textContent = t("venueTime") + " (" + eventZone + ")";
    } else {
      var selected = tzSelect.options[tzSelect.selectedIndex];
      var zone = shownZone();
      status.textContent = state.tz === "local" || selected.textContent === zone ? zone : selected.textContent + " (" + zone + ")";
    }
    root.setAttribute("data-tz", shownZone());
  }

  function applyFilters() {
    trackSelect.value = state.track;
    langSelect.value = state.sessionLang;
    sessions.forEach(function (session) {
      var tags = Array.prototype.map.call(session.querySelectorAll("[data-tag]"), function (el) {
        return el.getAttribute("data-tag");
      });
      var langs = (session.getAttribute("data-langs") || "").split(" ").filter(Boolean);
      var general = session.getAttribute("data-general") === "true";
      var trackOK = !state.track || general || tags.indexOf(state.track) >= 0;
      var langOK = !state.sessionLang || langs.length === 0 || langs.indexOf(state.sessionLang) >= 0;
      session.hidden = !(trackOK && langOK);
    });
    panels.forEach(function (panel) {
      var visible = panel.querySelectorAll("article.session:not([hidden])").length;
      panel.querySelector(".empty").hidden = visible > 0;
    });
  }

  function applyTabs() {
    var selected = state.day || (tabs[0] && tabs[0].getAttribute("data-date")) || "";
    tabs.forEach(function (tab) {
      var on = tab.getAttribute("data-date") === selected;
      tab.setAttribute("aria-selected", String(on));
      tab.tabIndex = on ? 0 : -1;
    });
    panels.forEach(function (panel) {
      panel.hidden = panel.getAttribute("data-date") !== selected;
    });
    var current = panels.filter(function (p) { return !p.hidden; })[0];
    var count = current ? current.querySelectorAll("article.session:not([hidden])").length : 0;
    document.getElementById("shown-count").textContent = count + " " + t("sessionsShown");
  }

  function apply() {
    applyLanguage();
    applyZone();
    applyFilters();
    applyTabs();
    root.setAttribute("data-ready", "true");
  }

  function update(change) {
    for (var key in change) state[key] = change[key];
    apply();
    writeHash();
  }

  tzSelect.addEventListener("change", function () { update({ tz: tzSelect.value }); });
  trackSelect.addEventListener("change", function () { update({ track: trackSelect.value }); });
  langSelect.addEventListener("change", function () { update({ sessionLang: langSelect.value }); });
  Array.prototype.forEach.call(document.querySelectorAll(".ui-lang"), function (button) {
    button.addEventListener("click", function () { update({ lang: button.getAttribute("data-lang") }); });
  });
  tabs.forEach(function (tab, index) {
    tab.addEventListener("click", function () { update({ day: tab.getAttribute("data-date") }); });
    tab.addEventListener("keydown", function (event) {
      var next = null;
      if (event.key === "ArrowRight") next = tabs[(index + 1) % tabs.length];
      else if (event.key === "ArrowLeft") next = tabs[(index - 1 + tabs.length) % tabs.length];
      else if (event.key === "Home") next = tabs[0];
      else if (event.key === "End") next = tabs[tabs.length - 1];
      if (!next) return;
      event.preventDefault();
      update({ day: next.getAttribute("data-date") });
      next.focus();
    });
  });

  var wide = window.matchMedia("(min-width: 56em)");
  function applyLayout() { root.setAttribute("data-layout", wide.matches ? "grid" : "list"); }
  if (wide.addEventListener) wide.addEventListener("change", applyLayout);
  applyLayout();

  // Printing shows every day as a list with the abstracts open, then puts things back.
  var closedDetails = [];
  window.addEventListener("beforeprint", function () {
    closedDetails = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) { return !d.open; });
    closedDetails.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closedDetails.forEach(function (d) { d.open = false; });
  });

  window.addEventListener("hashchange", function () {
    readHash();
    apply();
  });
  readHash();
  apply();
})();
