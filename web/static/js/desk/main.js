/* The check-in desk's entry, loaded by the desk page as a module (see module() in
   http/core/assets.py, which names it under the release's digest). It reads where the desk
   stands from the page, names this device, and wires the parts together: the always-
   focused code field a keyboard-wedge scanner types into (Enter sends), the search
   results' buttons, the camera, the log's Undo buttons, the network coming and going,
   and a tick every 15 s for the counts and, now and then, the event's list. */
import { desk, isCode } from "./state.js";
import { loadLocal, refreshList } from "./store.js";
import { submit, pump } from "./queue.js";
import { answered, logEntry, logQueued } from "./log.js";
import { onBack, setOnline } from "./network.js";
import { refreshCounts } from "./counts.js";
import { refocus, renderState } from "./screen.js";
import { startCamera } from "./camera.js";
import { undo } from "./undo.js";

const TICK_MS = 15000;  /* counts, and a look for the network, this often */
const LIST_TICKS = 4;   /* the event's list is asked for again every fourth tick */
const DEVICE_KEY = "goodwill-desk-device";
let ticks = 0;

function readPage(page, form) {
  const answer = document.getElementById("answer");
  Object.assign(desk, {
    conference: page.dataset.conference, listKey: page.dataset.list,
    direction: page.dataset.direction, pattern: new RegExp(page.dataset.codePattern),
    longest: Number(page.dataset.codeLength), namespace: page.dataset.ticketNamespace,
    decoder: page.dataset.decoder, verdicts: JSON.parse(answer.dataset.verdicts),
    el: { form, input: form.elements.code, answer, log: document.getElementById("desk-log"),
          state: document.getElementById("desk-state") } });
  desk.api = "/api/v1/events/" + desk.conference;
  desk.list.conference_id = desk.conference;
  desk.device = deviceName(page.dataset.device);
}

/* A name per browser, kept across visits, so scan logs and conflicts say which device;
   the address says it too, so a reload or a bookmark keeps this desk as it is. */
function deviceName(offered) {
  const name = localStorage.getItem(DEVICE_KEY) || offered;
  localStorage.setItem(DEVICE_KEY, name);
  for (const field of document.querySelectorAll('input[name="device"]')) field.value = name;
  const url = new URL(location.href);
  url.searchParams.set("list", desk.listKey);
  url.searchParams.set("direction", desk.direction);
  url.searchParams.set("device", name);
  history.replaceState(null, "", url);
  return name;
}

const scanCode = (code) => submit({ ticket_code: code }, "Code …" + code.slice(-4));

function typed(code) {
  if (isCode(code)) return scanCode(code);
  const scan = { command_id: crypto.randomUUID() };
  desk.entries.set(scan.command_id, { scan, item: logEntry(scan.command_id, "") });
  answered(scan, { outcome: "refused", status: 400, message:
    "That is not a ticket code: it has letters, digits, - and _ only." });
}

/* Taken and cleared at once: the scanner may already be typing the next code. */
function submitted(event) {
  const scanForm = event.target.closest("form.desk-scan");
  if (!scanForm) return;
  event.preventDefault();
  if (scanForm === desk.el.form) {
    const code = desk.el.input.value.trim();
    desk.el.input.value = "";
    if (code) typed(code);
    return;
  }
  const holder = scanForm.closest("li").querySelector("strong");
  submit({ ticket_id: scanForm.elements.ticket_id.value }, holder ? holder.textContent : "");
}

function listen() {
  document.addEventListener("submit", submitted);
  desk.el.input.addEventListener("blur", () => setTimeout(() => {
    if (!document.activeElement || document.activeElement === document.body) refocus();
  }, 0));
  desk.el.answer.addEventListener("click", () => (desk.el.answer.hidden = true));
  desk.el.log.addEventListener("click", (event) => {
    const button = event.target.closest("li[data-command-id] button");
    if (button) undo(button.closest("li").dataset.commandId);
  });
  onBack(pump);
  window.addEventListener("online", () => setOnline(true));
  window.addEventListener("offline", () => setOnline(false));
}

function tick() {
  ticks += 1;
  refreshCounts();
  if (desk.online && !desk.outbox.length && ticks % LIST_TICKS === 0) {
    refreshList().catch(() => {});
  }
  if (navigator.onLine && !desk.online) setOnline(true);
}

function start() {
  const page = document.getElementById("desk");
  const form = document.getElementById("scan-form");
  if (!page || !form || !window.indexedDB) return;
  readPage(page, form);
  listen();
  page.classList.add("live");
  startCamera(scanCode);
  setInterval(tick, TICK_MS);
  renderState();
  loadLocal()
    .then(() => desk.outbox.forEach(logQueued))
    .then(() => (desk.online ? refreshList() : null))
    .catch(() => {})
    .finally(() => {
      renderState();
      pump();
    });
}

start();
