/* The check-in desk. Every scan — a keyboard-wedge scanner typing a code and Enter into the
   always-focused field, the camera reading a ticket's QR, a search result's button — joins
   one queue and is answered in the order it was made, full screen, with a sound and a buzz.

   Online, scans go to the server (several at once when they come fast). Offline, the desk
   answers from the event's list it keeps in IndexedDB (ticket ids, never codes: an id is
   derived from its code as the server derives it, see domain/ids.py) exactly as the server
   would, and queues what it let through, with its scan time, this device's name and a
   command id, until the network is back. The server applies each queued scan once; one it
   cannot take (the ticket was let in by another device meanwhile) comes back as a conflict
   recorded for the organizers. */
"use strict";

(function () {
  const desk = document.getElementById("desk");
  const form = document.getElementById("scan-form");
  if (!desk || !form || !window.indexedDB) return;
  const input = form.elements.code;
  const conference = desk.dataset.conference;
  const listKey = desk.dataset.list;
  const direction = desk.dataset.direction;
  const pattern = new RegExp(desk.dataset.codePattern);
  const longest = Number(desk.dataset.codeLength);
  const answerBox = document.getElementById("answer");
  const verdicts = JSON.parse(answerBox.dataset.verdicts);
  const log = document.getElementById("desk-log");
  const stateLine = document.getElementById("desk-state");
  const api = "/api/v1/events/" + conference;
  const SHOWN_MS = { ok: 1500, refused: 4000 };
  const BATCH = 100;           /* as many scans as the server takes in one request */
  const TICK_MS = 15000;       /* counts, and a look for the network, this often */
  const LIST_TICKS = 4;        /* the event's list is fetched again every fourth tick */
  const REPEAT_MS = 3000;      /* a QR held in view is one scan, not five a second */
  const DEVICE_KEY = "goodwill-desk-device";
  const device = deviceName();
  const tickets = new Map();   /* ticket id → ticket, as the event's list has it */
  const entries = new Map();   /* command id → this page's log entry and its scan */
  const waiting = [];          /* scans made, not yet answered, in order */
  let outbox = [];             /* scans let through offline, not yet sent, in order */
  let list = { conference_id: conference, lists: {}, timezone: "UTC", etag: null };
  let online = navigator.onLine;
  let pumping = false, hideTimer = null, audio = null, ticks = 0, countsAsked = 0;
  let signedOut = false;
  let sequence = Date.now() * 1000;  /* orders the queue, across visits too */

  /* A name per browser, kept across visits, so scan logs and conflicts say which device. */
  function deviceName() {
    const name = localStorage.getItem(DEVICE_KEY) || desk.dataset.device;
    localStorage.setItem(DEVICE_KEY, name);
    for (const field of document.querySelectorAll('input[name="device"]')) field.value = name;
    const url = new URL(location.href);
    url.searchParams.set("list", listKey);
    url.searchParams.set("direction", direction);
    url.searchParams.set("device", name);
    history.replaceState(null, "", url);
    return name;
  }

  /* ---- This device's copy: the event's list and the queue, in IndexedDB ---- */
  const database = new Promise((resolve, reject) => {
    const open = indexedDB.open("goodwill-desk", 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore("tickets", { keyPath: "key" });
      open.result.createObjectStore("lists", { keyPath: "conference_id" });
      open.result.createObjectStore("outbox", { keyPath: "command_id" });
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });

  async function store(name, mode, work) {
    const tx = (await database).transaction(name, mode);
    const request = work(tx.objectStore(name));
    return new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve(request && request.result);
      tx.onerror = () => reject(tx.error);
    });
  }

  const mine = () => IDBKeyRange.bound(conference + "/", conference + "/\uffff");
  const saveTicket = (ticket) => store("tickets", "readwrite",
    (s) => s.put({ ...ticket, key: conference + "/" + ticket.ticket_id }));

  async function loadLocal() {
    list = (await store("lists", "readonly", (s) => s.get(conference))) || list;
    for (const ticket of await store("tickets", "readonly", (s) => s.getAll(mine()))) {
      tickets.set(ticket.ticket_id, ticket);
    }
    outbox = (await store("outbox", "readonly", (s) => s.getAll()))
      .filter((item) => item.conference_id === conference).sort((a, b) => a.seq - b.seq);
    for (const item of outbox) logQueued(item);
  }

  /* Asked with the last ETag, so an unchanged list costs a 304. Only with an empty queue:
     the server's list does not have what this device let in offline yet. */
  async function refreshList() {
    const response = await fetch(api + "/desk/tickets", { cache: "no-store",
      headers: list.etag ? { "If-None-Match": list.etag } : {} });
    if (response.status === 304 || !response.ok || outbox.length) return;
    const fresh = await response.json();
    list = { conference_id: conference, name: fresh.name, timezone: fresh.timezone,
             lists: fresh.lists, etag: response.headers.get("ETag"),
             fetched_at: new Date().toISOString() };
    tickets.clear();
    for (const ticket of fresh.tickets) tickets.set(ticket.ticket_id, ticket);
    await store("tickets", "readwrite", (s) => {
      s.delete(mine());
      for (const ticket of fresh.tickets) s.put({ ...ticket, key: conference + "/" + ticket.ticket_id });
    });
    await store("lists", "readwrite", (s) => s.put(list));
    renderState();
  }

  /* uuid5 of "ticket/<code>" in the server's namespace: the ticket's id. */
  async function ticketId(code) {
    const hex = desk.dataset.ticketNamespace.replace(/-/g, "");
    const space = Uint8Array.from(hex.match(/../g), (pair) => parseInt(pair, 16));
    const name = new TextEncoder().encode("ticket/" + code);
    const bytes = new Uint8Array(space.length + name.length);
    bytes.set(space);
    bytes.set(name, space.length);
    const id = new Uint8Array(await crypto.subtle.digest("SHA-1", bytes)).slice(0, 16);
    id[6] = (id[6] & 0x0f) | 0x50;
    id[8] = (id[8] & 0x3f) | 0x80;
    const text = Array.from(id, (b) => b.toString(16).padStart(2, "0")).join("");
    return [text.slice(0, 8), text.slice(8, 12), text.slice(12, 16), text.slice(16, 20),
            text.slice(20)].join("-");
  }

  /* ---- Deciding offline, in the server's words (domain/ticket.py) ---- */
  function clock(moment) {
    return new Intl.DateTimeFormat("en-GB", { timeZone: list.timezone, hour: "2-digit",
                                              minute: "2-digit", hourCycle: "h23" })
      .format(new Date(moment));
  }

  function decide(ticket, scan) {
    const where = list.lists[listKey] || listKey;
    const refused = (message, status) => ({ outcome: "refused", message, status });
    if (!ticket) return refused("Unknown ticket code.", 404);
    if (ticket.revoked) return refused("This ticket has been revoked.", 422);
    if (ticket.lists.length && !ticket.lists.includes(listKey)) {
      return refused("This ticket is not valid for " + where + ".", 403);
    }
    const here = ticket.check_ins[listKey];
    if (scan.direction === "in" && here && here.inside) {
      return refused("Already checked in at " + clock(here.checked_in_at) + " at " + where +
                     " by device " + here.device + ".", 409);
    }
    if (scan.direction === "out" && !(here && here.inside)) {
      return refused("Not checked in at " + where + ".", 409);
    }
    return { outcome: "checked_" + scan.direction, status: 200,
             message: "Checked " + scan.direction + " at " + where + "." };
  }

  /* The ticket as this device now knows it; returns its state here before, for an undo. */
  function passed(ticket, scan, at) {
    const before = ticket.check_ins[listKey] || null;
    if (scan.direction === "in") {
      ticket.check_ins[listKey] = { inside: true, checked_in_at: at, device: scan.device };
    } else if (before) {
      ticket.check_ins[listKey] = { ...before, inside: false };
    }
    saveTicket(ticket);
    return before;
  }

  async function decideHere(scan) {
    let id = scan.ticket_id;
    try {
      id = id || await ticketId(scan.ticket_code);
    } catch (noCrypto) {
      return answered(scan, { outcome: "refused", status: 0, message:
        "This browser cannot check codes offline here (it needs HTTPS): search by name." });
    }
    const ticket = tickets.get(id);
    const answer = { ...decide(ticket, scan), ticket_id: id };
    if (ticket) Object.assign(answer, { name: ticket.name, company: ticket.company });
    if (answer.status === 200) {
      const item = { command_id: scan.command_id, conference_id: conference, seq: ++sequence,
                     before: passed(ticket, scan, scan.scanned_at),
                     name: ticket.name, answer,
                     scan: { command_id: scan.command_id, ticket_id: id, list_key: listKey,
                             direction: scan.direction, device: scan.device,
                             scanned_at: scan.scanned_at, offline: true } };
      outbox.push(item);
      await store("outbox", "readwrite", (s) => s.put(item));
      renderState();
      showCounts(localCounts());
    }
    answered(scan, answer, outbox.some((item) => item.command_id === scan.command_id)
                           ? "Queued on this device" : "");
  }

  /* ---- The queue: every scan in order, online or not ---- */
  function submit(fields, label) {
    const scan = { command_id: crypto.randomUUID(), list_key: listKey, direction, device,
                   scanned_at: new Date().toISOString(), ...fields };
    entries.set(scan.command_id, { scan, item: logEntry(scan.command_id, label) });
    waiting.push(scan);
    pump();
  }

  async function pump() {
    if (pumping) return;
    pumping = true;
    try {
      while (waiting.length || (online && outbox.length)) {
        if (online && outbox.length) await sync();
        else if (online) await send(waiting.splice(0, BATCH));
        else await decideHere(waiting.shift());
      }
    } finally {
      pumping = false;
    }
  }

  function csrf() {
    const found = /(?:^|; )goodwill_csrf=([^;]*)/.exec(document.cookie);
    return found ? decodeURIComponent(found[1]) : form.elements.csrf_token.value;
  }

  function post(url, body) {
    return fetch(url, { method: "POST", cache: "no-store", body: JSON.stringify(body),
                        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf() } });
  }

  /* Online scans carry no scan time: the server's clock is the one that counts. A network
     that fails, or a server that cannot answer, leaves them to this device. */
  async function send(scans) {
    let response;
    try {
      response = await post(api + "/desk/scans", { scans: scans.map((scan) => ({
        command_id: scan.command_id, ticket_code: scan.ticket_code, ticket_id: scan.ticket_id,
        list_key: scan.list_key, direction: scan.direction, device: scan.device })) });
    } catch (offline) {
      response = null;
    }
    if (!response || (!response.ok && response.status !== 400)) {
      unreachable(response);
      waiting.unshift(...scans);
      return;
    }
    if (response.status === 400) {
      const problem = await response.json();
      return scans.forEach((scan) => answered(scan, { outcome: "refused", status: 400,
                                                      message: problem.detail }));
    }
    signedOut = false;
    const result = await response.json();
    result.answers.forEach((answer, n) => {
      const ticket = answer.ticket_id && tickets.get(answer.ticket_id);
      const before = ticket && answer.outcome.startsWith("checked_")
        ? passed(ticket, scans[n], new Date().toISOString()) : null;
      answered(scans[n], answer, "", before);
    });
    refreshCounts(result.position).then(refreshResults);
  }

  /* Search results say whether each person is inside: asked again after a change, once
     the counts show the read side has it. */
  function refreshResults() {
    const search = document.getElementById("q");
    if (window.htmx && search && search.value.trim()) htmx.trigger(search, "refresh");
  }

  /* The queue goes out oldest first, each scan with its command id: sent twice, it is
     applied once. What the server says of each replaces what this device said. */
  async function sync() {
    const items = outbox.slice(0, BATCH);
    let response;
    try {
      response = await post(api + "/desk/scans", { scans: items.map((item) => item.scan) });
    } catch (offline) {
      response = null;
    }
    if (!response || !response.ok) return unreachable(response);
    signedOut = false;
    const result = await response.json();
    const sent = new Set(items.map((item) => item.command_id));
    outbox = outbox.filter((item) => !sent.has(item.command_id));
    await store("outbox", "readwrite", (s) => items.forEach((item) => s.delete(item.command_id)));
    result.answers.forEach((answer, n) => relog(items[n].command_id, answer,
                                                "Sent " + clockNow()));
    renderState();
    refreshCounts(result.position);
  }

  /* ---- Answers: full screen, heard and felt, and logged ---- */
  function answered(scan, answer, note, before) {
    const entry = entries.get(scan.command_id);
    if (entry) Object.assign(entry, { answer, before });
    relog(scan.command_id, answer, note);
    show(answer);
  }

  function show(answer) {
    const ok = answer.outcome !== "refused";
    answerBox.className = "answer answer-" + answer.outcome;
    answerBox.replaceChildren(line("verdict", verdicts[answer.outcome]));
    if (answer.name) {
      const who = line("who", answer.name);
      if (answer.company) who.append(" ", line("company", answer.company, "span"));
      answerBox.append(who);
    }
    answerBox.append(line("why", answer.message));
    answerBox.hidden = false;
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => (answerBox.hidden = true), ok ? SHOWN_MS.ok : SHOWN_MS.refused);
    beep(ok);
    if (navigator.vibrate) navigator.vibrate(ok ? 80 : [200, 100, 200]);
    refocus();
  }

  function line(className, text, tag) {
    const element = document.createElement(tag || "p");
    element.className = className;
    element.textContent = text;
    return element;
  }

  /* A short high tone for yes, two low ones for no: no sound files to fetch. */
  function beep(ok) {
    try {
      audio = audio || new AudioContext();
      const tones = ok ? [0] : [0, 0.25];
      for (const at of tones) {
        const tone = audio.createOscillator();
        const volume = audio.createGain();
        tone.type = ok ? "sine" : "square";
        tone.frequency.value = ok ? 880 : 220;
        volume.gain.value = 0.2;
        tone.connect(volume).connect(audio.destination);
        tone.start(audio.currentTime + at);
        tone.stop(audio.currentTime + at + (ok ? 0.12 : 0.18));
      }
    } catch (noSound) { /* the screen still says it */ }
  }

  const clockNow = () => clock(new Date());

  function logEntry(commandId, label) {
    const item = document.createElement("li");
    item.dataset.commandId = commandId;
    item.append(line("log-time", clockNow(), "span"), " ",
                line("log-verdict", verdicts.pending, "span"), " ",
                line("log-who", label, "span"), " ", line("log-why", "", "span"));
    log.prepend(item);
    while (log.children.length > 50) log.lastElementChild.remove();
    document.getElementById("log-heading").hidden = false;
    item.className = "log-pending";
    return item;
  }

  function relog(commandId, answer, note) {
    const entry = entries.get(commandId);
    if (!entry) return;
    const item = entry.item;
    item.className = "log-" + answer.outcome;
    item.querySelector(".log-verdict").textContent = verdicts[answer.outcome];
    if (answer.name) item.querySelector(".log-who").textContent = answer.name;
    item.querySelector(".log-why").textContent = answer.message;
    item.querySelector(".log-note") && item.querySelector(".log-note").remove();
    if (note) item.append(line("log-note", note, "span"));
    const undoable = answer.outcome === "checked_in" && !item.querySelector("button");
    if (undoable) {
      const button = line("secondary", "Undo", "button");
      button.type = "button";
      button.setAttribute("aria-label", "Undo the check-in of " + (answer.name || "this ticket"));
      button.addEventListener("click", () => undo(commandId));
      item.append(button);
    } else if (answer.outcome !== "checked_in") {
      item.querySelector("button") && item.querySelector("button").remove();
    }
  }

  function logQueued(item) {
    entries.set(item.command_id, { scan: item.scan, item: logEntry(item.command_id, item.name),
                                   answer: item.answer, before: item.before });
    relog(item.command_id, item.answer, "Queued on this device");
  }

  /* ---- Undo: a queued scan is simply not sent; a sent one is taken back on the server ---- */
  async function undo(commandId) {
    const entry = entries.get(commandId);
    const ticket = tickets.get(entry.answer.ticket_id);
    const queued = outbox.find((item) => item.command_id === commandId);
    let message = "Check-in undone: " + (entry.answer.name || "the ticket holder") +
                  " is not checked in here now.";
    let position = 0;
    if (queued) {
      outbox = outbox.filter((item) => item !== queued);
      await store("outbox", "readwrite", (s) => s.delete(commandId));
    } else {
      const done = await undoOnServer(commandId);
      if (done.refusal) return show({ outcome: "refused", message: done.refusal });
      position = done.position;
    }
    if (ticket) {
      if (entry.before) ticket.check_ins[listKey] = entry.before;
      else delete ticket.check_ins[listKey];
      saveTicket(ticket);
    }
    relog(commandId, { ...entry.answer, outcome: "undone", message }, "");
    show({ outcome: "undone", message, name: entry.answer.name });
    renderState();
    refreshCounts(position).then(() => online && refreshResults());
  }

  async function undoOnServer(commandId) {
    let response;
    try {
      response = await post("/api/v1/tickets/undo-check-in", {
        command_id: crypto.randomUUID(), conference_id: conference,
        check_in_command_id: commandId, device });
    } catch (offline) {
      setOnline(false);
      return { refusal: "Undo needs the network: this check-in was sent already." };
    }
    const body = await response.json();
    return response.ok ? { position: body.position } : { refusal: body.detail };
  }

  /* ---- What the desk shows besides answers: network, queue, counts ---- */
  function setOnline(value) {
    if (online === value) return;
    online = value;
    renderState();
    if (online) pump();
  }

  /* No answer, or none to use: the desk decides alone until the next try. A session that
     ended is said as such, since only signing in again sends the queue. */
  function unreachable(response) {
    signedOut = Boolean(response && response.status === 401);
    setOnline(false);
    renderState();
  }

  function renderState() {
    const size = tickets.size;
    stateLine.classList.toggle("offline", !online);
    const kept = size + (size === 1 ? " ticket" : " tickets");
    const away = signedOut ? "Signed out: sign in again to send the queue. Meanwhile answers"
                           : "Offline: answers";
    stateLine.replaceChildren(
      online ? "Online · " + kept + " kept for offline"
             : away + " come from this device's list of " + kept,
      " · Device ", line("device", device, "strong"), " · ",
      line("queue", outbox.length ? outbox.length + " queued" : "Nothing queued", "span"));
  }

  /* Only the latest answer is shown: an earlier one may arrive after it. */
  async function refreshCounts(after) {
    const asked = ++countsAsked;
    if (online) {
      try {
        const response = await fetch(api + "/check-ins" + (after ? "?after=" + after : ""),
                                     { cache: "no-store" });
        if (response.ok) {
          const counted = (await response.json())[listKey] || { checked_in: 0, inside: 0 };
          return asked === countsAsked && showCounts(counted);
        }
      } catch (offline) {
        setOnline(false);
      }
    }
    showCounts(localCounts());
  }

  function localCounts() {
    const counted = { checked_in: 0, inside: 0 };
    for (const ticket of tickets.values()) {
      const here = ticket.check_ins[listKey];
      if (here) counted.checked_in += 1;
      if (here && here.inside) counted.inside += 1;
    }
    return counted;
  }

  function showCounts(counted) {
    document.getElementById("count-checked-in").textContent = counted.checked_in;
    document.getElementById("count-inside").textContent = counted.inside;
  }

  /* ---- Input: the field keeps the keyboard, so a scanner's codes always land in it ---- */
  const touch = matchMedia("(pointer: coarse)").matches;
  let cameraOn = false;

  function refocus() {
    const active = document.activeElement;
    const typing = active && active !== input && /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName);
    if (!typing && !(touch && cameraOn)) input.focus({ preventScroll: true });
  }

  function isCode(text) {
    return text.length <= longest && pattern.test(text);
  }

  function typed(code) {
    if (isCode(code)) return submit({ ticket_code: code }, "Code …" + code.slice(-4));
    const scan = { command_id: crypto.randomUUID() };
    entries.set(scan.command_id, { scan, item: logEntry(scan.command_id, "") });
    answered(scan, { outcome: "refused", status: 400, message:
      "That is not a ticket code: it has letters, digits, - and _ only." });
  }

  /* Taken and cleared at once: the scanner may already be typing the next code. */
  document.addEventListener("submit", (event) => {
    const scanForm = event.target.closest("form.desk-scan");
    if (!scanForm) return;
    event.preventDefault();
    if (scanForm === form) {
      const code = input.value.trim();
      input.value = "";
      if (code) typed(code);
      return;
    }
    const holder = scanForm.closest("li").querySelector("strong");
    submit({ ticket_id: scanForm.elements.ticket_id.value }, holder ? holder.textContent : "");
  });
  input.addEventListener("blur", () => setTimeout(() => {
    if (!document.activeElement || document.activeElement === document.body) refocus();
  }, 0));
  answerBox.addEventListener("click", () => (answerBox.hidden = true));

  function startCamera() {
    const box = document.getElementById("desk-camera");
    if (!window.GoodwillQR || !navigator.mediaDevices) return;
    const video = box.querySelector("video");
    const toggle = document.getElementById("camera-toggle");
    const status = document.getElementById("camera-status");
    const seen = new Map();
    const camera = GoodwillQR.camera(video, {
      decoder: desk.dataset.decoder, say: (text) => (status.textContent = text),
      instead: "Use the scanner, or type the code.",
      onStarted() {
        cameraOn = true;
        video.hidden = false;
        toggle.textContent = "Stop camera";
        status.textContent = "Looking for a ticket's QR code.";
      },
      onTexts(texts) {
        const now = Date.now();
        for (const text of texts) {
          const last = seen.get(text);
          seen.set(text, now);
          if (!isCode(text)) status.textContent = "That QR code is not a ticket.";
          else if (!last || now - last > REPEAT_MS) submit({ ticket_code: text },
                                                           "Code …" + text.slice(-4));
        }
        return false;
      } });
    toggle.addEventListener("click", () => {
      if (!camera.running()) return camera.start();
      camera.stop();
      cameraOn = false;
      video.hidden = true;
      toggle.textContent = "Start camera";
      status.textContent = "";
    });
    box.hidden = false;
  }

  function tick() {
    ticks += 1;
    refreshCounts();
    if (online && !outbox.length && ticks % LIST_TICKS === 0) refreshList().catch(() => {});
    if (navigator.onLine && !online) setOnline(true);
  }

  desk.classList.add("live");
  startCamera();
  window.addEventListener("online", () => setOnline(true));
  window.addEventListener("offline", () => setOnline(false));
  setInterval(tick, TICK_MS);
  renderState();
  loadLocal()
    .then(() => (online ? refreshList() : null))
    .catch(() => {})
    .finally(() => {
      renderState();
      pump();
    });
})();
