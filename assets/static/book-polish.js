/* Accessibility fixes for widgets rendered from saved state (see tools/book_polish.py).
 * The slider handle of ipywidgets (a div with role="slider") is not tied to the widget's
 * <label>, so screen readers announce an unnamed slider: name it after its label. */
(function () {
  "use strict";
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
    if (!document.querySelector('script[type="application/vnd.jupyter.widget-state+json"]')) return;
    nameSliders(document);
    new MutationObserver(function () { nameSliders(document); })
      .observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
