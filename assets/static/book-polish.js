/* Widgets rendered from saved state, loaded lazily and made accessible (see tools/book_polish.py). */
(function () {
  "use strict";
  const VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]';
  const types = document.currentScript.dataset;  // set by book_polish.py, which writes these scripts
  const LAZY = 'script[type="' + types.lazyType + '"][src]';
  const STATE_LINK = 'script[type="' + types.stateType + '"][data-src]';
  let requested = false;

  /* Load the widget bundle once. It renders the saved widgets from a window "load" listener;
   * the page has loaded long before, so that listener is caught and called when the bundle runs. */
  function loadWidgets() {
    const lazy = document.querySelector(LAZY);
    if (requested || !lazy) return;
    requested = true;
    const add = window.addEventListener;
    const caught = [];
    window.addEventListener = function (type, listener, options) {
      if (type === "load") { caught.push(listener); return; }
      return add.call(this, type, listener, options);
    };
    const script = document.createElement("script");
    script.src = lazy.src;
    script.onload = function () {
      window.addEventListener = add;
      caught.forEach(function (listener) { listener.call(window, new Event("load")); });
    };
    script.onerror = function () { window.addEventListener = add; };
    /* The saved state is a file beside the page (book_polish.py): put it back where the bundle looks. */
    const links = Array.from(document.querySelectorAll(STATE_LINK));
    Promise.all(links.map(function (link) {
      return fetch(link.dataset.src).then(function (response) {
        if (!response.ok) throw new Error(link.dataset.src + ": HTTP " + response.status);
        return response.text();
      }).then(function (text) {
        const state = document.createElement("script");
        state.type = "application/vnd.jupyter.widget-state+json";
        state.textContent = text;
        link.replaceWith(state);
      });
    })).catch(function (error) {
      console.warn("Widget previews could not load their saved state:", error);
    }).then(function () { document.head.appendChild(script); });
  }
  window.pmLoadWidgets = loadWidgets;

  /* ipywidgets' slider handle (a div with role="slider") is not tied to the widget's <label>,
   * so screen readers announce an unnamed slider: name it after its label. */
  let counter = 0;
  function nameSliders(root) {
    root.querySelectorAll(".widget-slider [role=slider]:not([aria-labelledby]):not([aria-label])").forEach(function (handle) {
      const label = handle.closest(".widget-slider").querySelector(".widget-label");
      if (!label || !label.textContent.trim()) return;
      if (!label.id) label.id = "pm-widget-label-" + (++counter);
      handle.setAttribute("aria-labelledby", label.id);
    });
  }

  function start() {
    const views = document.querySelectorAll(VIEW);
    if (!views.length) return;
    new MutationObserver(function () { nameSliders(document); })
      .observe(document.body, { childList: true, subtree: true });
    window.addEventListener("beforeprint", loadWidgets);
    if (!("IntersectionObserver" in window)) { loadWidgets(); return; }
    const observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        observer.disconnect();
        loadWidgets();
      }
    }, { rootMargin: "1200px 0px" });  // start well before the reader reaches a widget
    views.forEach(function (view) { observer.observe(view.parentElement); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
