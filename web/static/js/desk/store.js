/* This device's copy, in IndexedDB, for when the network is gone: the event's list and its
   tickets (ids, never codes), asked for again with the last ETag so an unchanged list
   costs a 304, and the outbox of scans let through offline, kept across visits. */
import { desk } from "./state.js";
import { renderState } from "./screen.js";

let database = null;

function opened() {
  database = database || new Promise((resolve, reject) => {
    const open = indexedDB.open("goodwill-desk", 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore("tickets", { keyPath: "key" });
      open.result.createObjectStore("lists", { keyPath: "conference_id" });
      open.result.createObjectStore("outbox", { keyPath: "command_id" });
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  return database;
}

async function store(name, mode, work) {
  const tx = (await opened()).transaction(name, mode);
  const request = work(tx.objectStore(name));
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve(request && request.result);
    tx.onerror = () => reject(tx.error);
  });
}

const mine = () => IDBKeyRange.bound(desk.conference + "/", desk.conference + "/\uffff");
const keyed = (ticket) => ({ ...ticket, key: desk.conference + "/" + ticket.ticket_id });

export const saveTicket = (ticket) => store("tickets", "readwrite", (s) => s.put(keyed(ticket)));
export const keepQueued = (item) => store("outbox", "readwrite", (s) => s.put(item));
export const dropQueued = (ids) => store("outbox", "readwrite",
                                         (s) => ids.forEach((id) => s.delete(id)));

/* What this device kept on an earlier visit: the list, its tickets, the outbox in order. */
export async function loadLocal() {
  desk.list = (await store("lists", "readonly", (s) => s.get(desk.conference))) || desk.list;
  for (const ticket of await store("tickets", "readonly", (s) => s.getAll(mine()))) {
    desk.tickets.set(ticket.ticket_id, ticket);
  }
  desk.outbox = (await store("outbox", "readonly", (s) => s.getAll()))
    .filter((item) => item.conference_id === desk.conference).sort((a, b) => a.seq - b.seq);
}

/* Only with an empty outbox: the server's list does not have what this device let in
   offline yet. */
export async function refreshList() {
  const etag = desk.list.etag;
  const response = await fetch(desk.api + "/desk/tickets", { cache: "no-store",
    headers: etag ? { "If-None-Match": etag } : {} });
  if (response.status === 304 || !response.ok || desk.outbox.length) return;
  const fresh = await response.json();
  desk.list = { conference_id: desk.conference, name: fresh.name, timezone: fresh.timezone,
                lists: fresh.lists, etag: response.headers.get("ETag"),
                fetched_at: new Date().toISOString() };
  desk.tickets.clear();
  for (const ticket of fresh.tickets) desk.tickets.set(ticket.ticket_id, ticket);
  await store("tickets", "readwrite", (s) => {
    s.delete(mine());
    for (const ticket of fresh.tickets) s.put(keyed(ticket));
  });
  await store("lists", "readwrite", (s) => s.put(desk.list));
  renderState();
}
