/* Registers the service worker and shows what it holds: how many actions wait for the
   network, which of those the server refused when they were replayed, and, beside a form
   sent offline, that it was saved on this phone and later that it was sent. */
"use strict";

(function () {
  if (!("serviceWorker" in navigator)) return;
  const worker = navigator.serviceWorker;

  function ask(message) {
    worker.ready.then((registration) => registration.active.postMessage(message));
  }

  function showPending(count, signedOut) {
    const indicator = document.getElementById("pending");
    const when = signedOut ? "sign in again to send them" : "will be sent when you are online";
    indicator.textContent = count ? count + " pending: " + when : "";
  }

  /* The page hands the worker its session's CSRF token: queued forms may carry an older one. */
  function replay() {
    const found = /(?:^|; )goodwill_csrf=([^;]*)/.exec(document.cookie);
    ask({ replay: true, csrf: found ? decodeURIComponent(found[1]) : "" });
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

  /* The worker answered a form htmx sent offline with "queued" (202) and swapped nothing:
     the form says so, and is emptied with a new command id, ready for another action. */
  function showQueued(form, commandId) {
    form.reset();
    form.elements.command_id.value = crypto.randomUUID();
    const note = document.createElement("p");
    note.className = "queued";
    note.setAttribute("role", "status");
    note.dataset.commandId = commandId;
    note.textContent = "Saved on this phone: it will be sent when you are online.";
    form.append(note);
  }

  function showSent(sent, refusals) {
    const outcomes = new Map(sent.map((id) => [id, "Sent."]));
    for (const refused of refusals) outcomes.set(refused.command_id, "Not sent: see above.");
    for (const note of document.querySelectorAll("p.queued")) {
      if (outcomes.has(note.dataset.commandId)) {
        note.textContent = outcomes.get(note.dataset.commandId);
      }
    }
  }

  document.addEventListener("htmx:afterRequest", (event) => {
    const commandId = event.detail.xhr.getResponseHeader("Goodwill-Queued");
    if (commandId && event.detail.elt instanceof HTMLFormElement) {
      showQueued(event.detail.elt, commandId);
    }
  });

  worker.addEventListener("message", (event) => {
    showPending(event.data.pending, event.data.signedOut);
    showRefusals(event.data.refusals || []);
    showSent(event.data.sent || [], event.data.refusals || []);
  });
  window.addEventListener("online", replay);
  worker.register("/sw.js").then(() => (navigator.onLine ? replay() : ask({ count: true })));
})();
