/* The service worker: keeps the app shell and the pages an attendee has opened readable
   offline, and queues forms sent offline for replay. Replaying is safe because every form
   carries a command id: the server answers a command it has seen with its first answer. */
"use strict";

const SHELL = "shell-v1";
const PAGES = "pages-v1";
const SHELL_FILES = ["/static/app.css", "/static/vendor/htmx/htmx-2.0.11.min.js",
                     "/static/app.js", "/static/offline.html", "/static/icons/icon-192.png"];
const LEAVING = ["/auth/sign-out", "/me/forget"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(SHELL_FILES))
    .then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n !== SHELL && n !== PAGES)
      .map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin || url.pathname === "/sw.js") return;
  if (event.request.method === "GET") event.respondWith(networkFirst(event.request));
  else if (event.request.method === "POST") event.respondWith(sendOrQueue(event.request));
});

/* Network first, so a page is never older than it must be; the copy is for when offline. */
async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok) (await caches.open(PAGES)).put(request, response.clone());
    return response;
  } catch (offline) {
    const copy = await caches.match(request);
    if (copy) return copy;
    if (request.mode === "navigate") return caches.match("/static/offline.html");
    throw offline;
  }
}

/* Signing out, or being forgotten, drops the cached pages: they are the attendee's own data. */
async function sendOrQueue(request) {
  const body = await request.clone().text();
  try {
    const response = await fetch(request);
    if (LEAVING.includes(new URL(request.url).pathname)) await caches.delete(PAGES);
    return response;
  } catch (offline) {
    const commandId = new URLSearchParams(body).get("command_id");
    if (!commandId) throw offline;
    await store("readwrite", (queue) => queue.put({
      command_id: commandId, url: request.url, body, queued_at: new Date().toISOString(),
      type: request.headers.get("Content-Type") || "application/x-www-form-urlencoded"}));
    if (self.registration.sync) self.registration.sync.register("replay").catch(() => {});
    await tell({ pending: await pending() });
    return new Response(QUEUED, { status: 202, headers: { "Content-Type": "text/html" } });
  }
}

const QUEUED = '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
  '<meta name="viewport" content="width=device-width, initial-scale=1">' +
  '<link rel="stylesheet" href="/static/app.css"><title>Queued · Goodwill</title></head>' +
  '<body><main><h1>Saved on this phone</h1><p>You are offline. This will be sent when the ' +
  'network returns, once, however often it is tried.</p><p><a href="/">Home</a></p>' +
  '</main></body></html>';

function store(mode, work) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open("goodwill", 1);
    open.onupgradeneeded = () => open.result.createObjectStore("queue", { keyPath: "command_id" });
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction("queue", mode);
      const request = work(tx.objectStore("queue"));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
    };
  });
}

const pending = () => store("readonly", (queue) => queue.count());

async function tell(message) {
  for (const client of await self.clients.matchAll()) client.postMessage(message);
}

/* Oldest first. A 4xx is the server refusing the command: it is dropped from the queue
   and shown to the attendee. Offline again or a 5xx: it stays, for the next try. */
async function replay() {
  const refusals = [];
  const queued = await store("readonly", (queue) => queue.getAll());
  queued.sort((a, b) => a.queued_at.localeCompare(b.queued_at));
  for (const item of queued) {
    let response;
    try {
      response = await fetch(item.url, { method: "POST", body: item.body,
        headers: { "Content-Type": item.type }, credentials: "same-origin" });
    } catch (offline) { break; }
    if (response.status >= 500) break;
    if (response.status >= 400) refusals.push({ url: item.url, status: response.status,
                                                detail: await refusal(response) });
    await store("readwrite", (queue) => queue.delete(item.command_id));
  }
  await tell({ pending: await pending(), refusals });
}

async function refusal(response) {
  const text = await response.text();
  const found = /<p class="detail">([^<]*)<\/p>/.exec(text) || /"detail":"([^"]*)"/.exec(text);
  return found ? found[1] : response.statusText;
}

self.addEventListener("sync", (event) => {
  if (event.tag === "replay") event.waitUntil(replay());
});

self.addEventListener("message", (event) => {
  if (event.data === "replay") event.waitUntil(replay());
  if (event.data === "count") event.waitUntil(pending().then((n) => tell({ pending: n })));
});
