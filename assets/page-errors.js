// Porthole's last line of defence in the page, loaded before the app's wasm so it works even when the wasm module
// has died. Every panic (reported by the app's panic hook through `portholePanic`) and every uncaught error or
// unhandled promise rejection goes to the app's log through the `report_page_error` command; a panic — after which
// the wasm module is dead — replaces the silent, half-working page with a clear "Something went wrong — Reload"
// (a reload starts the UI afresh and resyncs everything from the engine).
(function () {
  "use strict";
  // Not the page's own errors, so not reported: a ResizeObserver that could not deliver every notification in one
  // frame (harmless, it runs again next frame), and "Script error." — what the browser says, with no message, file
  // or stack, for an error in a script the page may not inspect (WebKit's injected user scripts, such as Tauri's
  // IPC glue or the test driver's). Every script of the page itself is same-origin and reports in full.
  const harmless = /^(ResizeObserver loop|Script error\.?$)/;

  // Also kept in the page, for a test that timed out to show what went wrong.
  window.__portholePageErrors = [];

  function report(kind, text) {
    window.__portholePageErrors.push(kind + ": " + String(text).slice(0, 2000));
    try {
      window.__TAURI__.core.invoke("report_page_error", { args: { kind: kind, text: String(text).slice(0, 8000) } });
    } catch (_) {
      // No IPC (the page opened outside the app): the console still has it.
    }
  }

  function showCrashed(text) {
    if (document.getElementById("page-crashed")) return;
    const box = document.createElement("div");
    box.id = "page-crashed";
    box.className = "page-crashed";
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-modal", "true");
    const card = document.createElement("div");
    card.className = "dialog";
    const title = document.createElement("h2");
    title.textContent = "Something went wrong";
    const said = document.createElement("p");
    said.textContent =
      "Porthole's window hit a bug and stopped responding. Nothing was done to your engine. Reload starts the " +
      "window afresh and reads everything from the engine again; the details are in Porthole's log.";
    const detail = document.createElement("pre");
    detail.className = "detail mono";
    detail.textContent = String(text).slice(0, 600);
    const reload = document.createElement("button");
    reload.id = "page-reload";
    reload.className = "primary";
    reload.textContent = "Reload";
    reload.addEventListener("click", function () { window.location.reload(); });
    card.append(title, said, detail, reload);
    box.append(card);
    (document.body || document.documentElement).append(box);
    reload.focus();
  }

  window.portholePanic = function (text) {
    report("panic", text);
    showCrashed(text);
  };

  window.addEventListener("error", function (event) {
    const stack = event.error && event.error.stack ? "\n" + event.error.stack : "";
    const text = event.message + stack;
    if (harmless.test(String(event.message)) && !event.error) {
      window.__portholePageErrors.push("ignored: " + event.message);
      return;
    }
    report("uncaught error", text);
    // A trap in the wasm module (what a panic ends in) leaves the module unusable.
    if (typeof WebAssembly !== "undefined" && event.error instanceof WebAssembly.RuntimeError) showCrashed(text);
  });

  window.addEventListener("unhandledrejection", function (event) {
    const reason = event.reason && event.reason.stack ? event.reason + "\n" + event.reason.stack : event.reason;
    report("unhandled rejection", reason);
  });
})();
