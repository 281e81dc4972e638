/* Registers the service worker and shows what it holds: how many actions wait for the
   network, and which of those the server refused when they were replayed. */
"use strict";

(function () {
  if (!("serviceWorker" in navigator)) return;
  const worker = navigator.serviceWorker;

  function ask(message) {
    worker.ready.then((registration) => registration.active.postMessage(message));
  }

  function showPending(count) {
    const indicator = document.getElementById("pending");
    indicator.textContent = count ? count + " pending: will be sent when you are online" : "";
  }

  /* The server's words arrive as page text, already escaped; parsed, never run. */
  function plain(detail) {
    return new DOMParser().parseFromString(detail, "text/html").body.textContent;
  }

  function showRefusals(refusals) {
    const list = document.getElementById("refusals");
    for (const refused of refusals) {
      const item = document.createElement("li");
      item.textContent = "Not done (" + refused.status + "): " + plain(refused.detail);
      list.append(item);
    }
  }

  worker.addEventListener("message", (event) => {
    showPending(event.data.pending);
    showRefusals(event.data.refusals || []);
  });
  window.addEventListener("online", () => ask("replay"));
  worker.register("/sw.js").then(() => ask(navigator.onLine ? "replay" : "count"));
})();
