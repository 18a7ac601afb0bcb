/* The timeline widget: shows a timeline.json, or a slice of it, inside another site's page.

     <div data-timeline-src="https://example.org/story/timeline.json"
          data-person="vladimir-putin" data-limit="10">
       <a href="https://example.org/story/">The timeline</a>
     </div>
     <script src="https://example.org/story/widget.js" defer></script>

   data-person / data-place keep the events that name that person or place (by slug), and
   data-limit keeps the latest N.  What the div holds is shown until the data has loaded, and
   for good if it cannot load (or JavaScript is off).

   Everything is drawn in a Shadow DOM, so the host page's CSS cannot reach in and ours cannot
   leak out.  Every value from the data goes in as text (textContent), never as HTML, and only
   http(s) links are followed.  Standard DOM only, no framework. */
(function () {
  "use strict";

  var STYLE = [
    ":host { all: initial !important; display: block !important; box-sizing: border-box !important;",
    "  max-width: 100% !important; margin: 0 0 16px !important; padding: 16px !important;",
    "  border: 1px solid #d0d7de !important; border-radius: 8px !important;",
    "  background: #ffffff !important; color: #1b1f24 !important; text-align: left !important;",
    "  font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif !important;",
    "  overflow-wrap: anywhere !important; contain: content !important; }",
    ":host::before, :host::after { content: none !important; display: none !important; }",
    "*, *::before, *::after { box-sizing: border-box; }",
    "h2 { margin: 0 0 12px; font-size: 18px; line-height: 1.3; font-weight: 700; }",
    "h2 a { color: inherit; }",
    "ol { list-style: none; margin: 0; padding: 0 0 0 20px; border-left: 2px solid #c9d1d9; }",
    "li { position: relative; margin: 0 0 16px; }",
    "li::before { content: ''; position: absolute; left: -27px; top: 0.45em; width: 12px; height: 12px;",
    "  border-radius: 50%; background: #0a58ca; border: 2px solid #0a58ca; }",
    "li.planned::before { background: #ffffff; }",
    "time { display: block; color: #59626d; font-size: 14px; font-variant-numeric: tabular-nums; }",
    "a { color: #0a58ca; text-decoration: underline; text-underline-offset: 0.15em; }",
    "a:hover { text-decoration-thickness: 2px; }",
    "a:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; border-radius: 2px; }",
    ".title { font-weight: 600; }",
    ".status { display: inline-block; margin-left: 0.5em; padding: 0 0.4em; border: 1px solid #59626d;",
    "  border-radius: 0.25em; color: #59626d; font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; }",
    "p { margin: 4px 0 0; }",
    ".more { margin: 0; font-size: 14px; }",
    "@media (prefers-color-scheme: dark) {",
    "  :host { background: #0d1117 !important; color: #e6edf3 !important; border-color: #3b434c !important; }",
    "  ol { border-left-color: #3b434c; } li::before { background: #79b8ff; border-color: #79b8ff; }",
    "  li.planned::before { background: #0d1117; }",
    "  a { color: #79b8ff; } time, .status { color: #a4afba; border-color: #a4afba; } }",
    "@media (prefers-reduced-motion: no-preference) {",
    "  a { transition: color 0.15s ease-in-out, text-decoration-color 0.15s ease-in-out; } }"
  ].join("\n");
  var DATETIME_PRECISIONS = ["day", "week", "month", "year"]; // the ISO forms <time datetime> takes
  var sheet = null;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function httpUrl(value, base) {
    if (typeof value !== "string" || !value) return null;
    try {
      var url = new URL(value, base);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  function link(text, href, className) {
    var node = element(href ? "a" : "span", className, text);
    if (href) {
      node.href = href;
      node.target = "_blank";
      node.rel = "noopener";
    }
    return node;
  }

  function isEntity(kind, slug) {
    return function (e) { return e.kind === kind && e.slug === slug; };
  }

  function named(event, kind, slug) {
    return (event.entities || []).some(isEntity(kind, slug));
  }

  /* The person or place {name, url} as the first event naming it has it. */
  function entity(events, kind, slug) {
    for (var i = 0; i < events.length; i++) {
      var found = (events[i].entities || []).find(isEntity(kind, slug));
      if (found) return found;
    }
    return null;
  }

  /* The events the host asked for: named by data-person and data-place, the latest data-limit. */
  function choose(data, host) {
    var person = host.getAttribute("data-person");
    var place = host.getAttribute("data-place");
    var limit = parseInt(host.getAttribute("data-limit"), 10);
    var events = (Array.isArray(data.events) ? data.events : []).filter(function (e) {
      return (!person || named(e, "person", person)) && (!place || named(e, "place", place));
    });
    return limit > 0 ? events.slice(-limit) : events;
  }

  function heading(data, host) {
    var person = host.getAttribute("data-person");
    var place = host.getAttribute("data-place");
    var subject = (person && entity(data.events || [], "person", person)) ||
      (place && entity(data.events || [], "place", place)) || data.slice;
    return subject ? { text: subject.name, url: subject.url } : { text: data.title, url: data.home };
  }

  function item(event, base) {
    var li = element("li", event.status === "planned" ? "planned" : "");
    var when = element("time", "", event.display_date || event.date);
    if (DATETIME_PRECISIONS.indexOf(event.precision) >= 0) when.dateTime = event.date;
    li.appendChild(when);
    li.appendChild(link(event.title, httpUrl(event.url, base), "title"));
    if (event.status === "planned") li.appendChild(element("span", "status", "planned"));
    if (event.summary) li.appendChild(element("p", "", event.summary));
    return li;
  }

  function adoptStyle(root) {
    if ("adoptedStyleSheets" in root && typeof CSSStyleSheet === "function") {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(STYLE);
      }
      root.adoptedStyleSheets = [sheet];
    } else {
      root.appendChild(element("style", "", STYLE));
    }
  }

  function render(host, data, base) {
    var events = choose(data, host);
    var title = heading(data, host);
    var root = host.shadowRoot || host.attachShadow({ mode: "open" });
    root.replaceChildren();
    adoptStyle(root);
    var section = element("section", "timeline");
    var h2 = element("h2");
    h2.appendChild(link(title.text, httpUrl(title.url, base)));
    section.appendChild(h2);
    section.setAttribute("aria-label", String(title.text || ""));
    if (events.length) {
      var list = element("ol");
      events.forEach(function (event) { list.appendChild(item(event, base)); });
      section.appendChild(list);
    } else {
      section.appendChild(element("p", "", "No events yet."));
    }
    var more = element("p", "more");
    more.appendChild(link("All events on " + data.title, httpUrl(data.home, base)));
    section.appendChild(more);
    root.appendChild(section);
  }

  function load(host) {
    var src = httpUrl(host.getAttribute("data-timeline-src"), document.baseURI);
    if (!src) {
      console.warn("timeline widget: data-timeline-src is not an http(s) URL");
      return;
    }
    fetch(src, { credentials: "omit" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (data) { render(host, data, src); })
      .catch(function (error) { console.warn("timeline widget: " + src + ": " + error.message); });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-timeline-src]"), load);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
