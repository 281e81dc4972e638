/* The service worker: keeps the app shell and the pages an attendee has opened readable
   offline, and queues forms sent offline for replay. Replaying is safe because every form
   carries a command id: the server answers a command it has seen with its first answer. */
"use strict";

/* This release's scripts and pictures, each under a URL naming its content, and the cache
   that keeps them: the server writes both in as it sends this file, so a release is a new
   worker, which drops the last release's files. */
const ASSETS = [];
const SHELL = "shell";
const PAGES = "pages-v1";
/* The offline pages are plain files, and name what they load by its plain name. */
const SHELL_FILES = [...ASSETS, "/static/offline.html", "/static/queued.html",
                     "/static/app.css", "/static/app.js", "/static/icons/icon-192.png"];
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

/* The API's answers are data for scripts that keep their own offline copy (the check-in
   desk keeps its list and its queue in IndexedDB): they pass by untouched, so a script
   sees the network as it is, never a stale copy or a queued stand-in. */
self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin || url.pathname === "/sw.js" ||
      url.pathname.startsWith("/api/")) return;
  if (event.request.method === "GET" && url.pathname.startsWith("/assets/")) {
    event.respondWith(kept(event));
  } else if (event.request.method === "GET") event.respondWith(networkFirst(event));
  else if (event.request.method === "POST") event.respondWith(sendOrQueue(event.request));
});

/* A file named by its content never changes: the copy kept is the file, and a page never
   waits on the network for it. One not kept yet (the desk's script) is kept once fetched. */
async function kept(event) {
  const copy = await caches.match(event.request);
  if (copy) return copy;
  const response = await fetch(event.request);
  if (response.ok) {
    const keep = response.clone();
    event.waitUntil(caches.open(SHELL).then((shell) => shell.put(event.request, keep)));
  }
  return response;
}

/* Network first, so a page is never older than it must be; the copy is for when offline,
   kept while the worker lives on (waitUntil), so going offline right after a visit finds it.
   An htmx fragment has its page's URL: only whole pages are kept, and served as pages. */
async function networkFirst(event) {
  const request = event.request;
  const fragment = request.headers.get("HX-Request") === "true";
  try {
    const response = await fetch(request);
    if (response.ok && !fragment && !noStore(response)) {
      const copy = response.clone();
      event.waitUntil(caches.open(PAGES).then((pages) => pages.put(request, copy)));
    }
    return response;
  } catch (offline) {
    if (fragment) throw offline;
    const copy = await caches.match(request);
    if (copy) return withFreshCommandIds(copy);
    if (request.mode === "navigate") return caches.match("/static/offline.html");
    throw offline;
  }
}

/* What the server says must not be kept (a page with a ticket's code) is not kept here either. */
function noStore(response) {
  return /no-store/.test(response.headers.get("Cache-Control") || "");
}

/* A copy's forms carry the command ids of the render it was cached from, and those may
   have been sent since: the server would then take a new action for the old one and answer
   it as done. So every showing of a copy draws new ids, as every render on the server does. */
async function withFreshCommandIds(copy) {
  if (!(copy.headers.get("Content-Type") || "").startsWith("text/html")) return copy;
  const page = (await copy.text()).replace(/(name="\w*command_id" value=")[^"]*/g,
                                           (_, field) => field + crypto.randomUUID());
  return new Response(page, { status: copy.status, statusText: copy.statusText,
                              headers: copy.headers });
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
    return queued(request, commandId);
  }
}

/* htmx swaps nothing (HX-Reswap) and the page script says "saved" beside the form, which
   stays usable for the next action; a plain form post gets a page that says so. */
async function queued(request, commandId) {
  const headers = { "Content-Type": "text/html; charset=utf-8", "Goodwill-Queued": commandId };
  if (request.headers.get("HX-Request") === "true") {
    return new Response("", { status: 202, headers: { ...headers, "HX-Reswap": "none" } });
  }
  const page = await (await caches.match("/static/queued.html")).text();
  return new Response(page, { status: 202, headers });
}

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

/* One replay at a time: the online event and background sync may ask together, and two
   replays would report one refusal twice. */
let replaying = Promise.resolve();
function replay(csrf) {
  const send = () => sendQueued(csrf);
  replaying = replaying.then(send, send);
  return replaying;
}

/* Oldest first. A 4xx is the server refusing the command: it is dropped from the queue
   and shown to the attendee. Offline again or a 5xx: it stays, for the next try. A 401 is
   no refusal but an ended session: everything stays until the attendee signs in again,
   and is then sent with the new session's CSRF token, which the header carries. */
async function sendQueued(csrf) {
  const sent = [], refusals = [];
  const token = csrf || await csrfCookie();
  const queued = await store("readonly", (queue) => queue.getAll());
  queued.sort((a, b) => a.queued_at.localeCompare(b.queued_at));
  let signedOut = false;
  for (const item of queued) {
    let response;
    try {
      response = await fetch(item.url, { method: "POST", body: item.body,
        headers: token ? { "Content-Type": item.type, "X-CSRF-Token": token }
                       : { "Content-Type": item.type }, credentials: "same-origin" });
    } catch (offline) { break; }
    if (response.status === 401) { signedOut = true; break; }
    if (response.status >= 500) break;
    if (response.status >= 400) refusals.push({ command_id: item.command_id, url: item.url,
                                                status: response.status,
                                                detail: await refusal(response) });
    else sent.push(item.command_id);
    await store("readwrite", (queue) => queue.delete(item.command_id));
  }
  await tell({ pending: await pending(), sent, refusals, signedOut });
}

/* Background sync runs with no page to ask; where the browser lets a worker read cookies,
   the readable CSRF cookie is the token. */
async function csrfCookie() {
  const cookie = self.cookieStore && await self.cookieStore.get("goodwill_csrf");
  return cookie ? cookie.value : "";
}

/* A problem page says why in its detail, a form page next to the field it refused. */
async function refusal(response) {
  const text = await response.text();
  const found = /<p class="(?:detail|error)"[^>]*>([^<]*)<\/p>/.exec(text) ||
    /"detail":"([^"]*)"/.exec(text);
  return found ? found[1] : response.statusText;
}

self.addEventListener("sync", (event) => {
  if (event.tag === "replay") event.waitUntil(replay());
});

self.addEventListener("message", (event) => {
  if (event.data.replay) event.waitUntil(replay(event.data.csrf));
  if (event.data.count) event.waitUntil(pending().then((n) => tell({ pending: n })));
});
