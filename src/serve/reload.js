// Injected by `pressroom serve` only, never by `build`: reloads the page when the site is
// rebuilt, swaps stylesheets without a reload when only CSS changed, and shows a build
// error over the page until it is fixed (the last good pages stay served meanwhile).
(() => {
  "use strict";
  let overlay = null;
  const showError = (message) => {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "pressroom-error";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
        "background:rgba(20,20,20,.92);color:#fff;font:14px/1.5 ui-monospace,monospace;padding:2rem";
      document.body.append(overlay);
    }
    overlay.replaceChildren();
    const heading = document.createElement("h2");
    heading.textContent = "The build failed; the last good site is shown";
    const text = document.createElement("pre");
    text.style.whiteSpace = "pre-wrap";
    text.textContent = message;
    overlay.append(heading, text);
  };
  const source = new EventSource("/__pressroom/events");
  source.addEventListener("reload", () => location.reload());
  source.addEventListener("css", () => {
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const url = new URL(link.href);
      url.searchParams.set("t", Date.now());
      link.href = url.href;
    }
  });
  source.addEventListener("error-message", (event) => showError(event.data));
  source.addEventListener("ok", () => { if (overlay) location.reload(); });
})();
