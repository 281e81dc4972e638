/* This device's scans, newest first, each from "pending" to its answer, with an Undo
   button on a check-in (main.js listens for it); and answered(), where every answer
   lands: kept with its scan for an undo, logged, and shown. */
import { desk, clock } from "./state.js";
import { element, show } from "./screen.js";

const KEPT = 50;  /* entries the log shows */

export function logEntry(commandId, label) {
  const item = document.createElement("li");
  item.dataset.commandId = commandId;
  item.append(element("log-time", clock(new Date()), "span"), " ",
              element("log-verdict", desk.verdicts.pending, "span"), " ",
              element("log-who", label, "span"), " ", element("log-why", "", "span"));
  desk.el.log.prepend(item);
  while (desk.el.log.children.length > KEPT) desk.el.log.lastElementChild.remove();
  document.getElementById("log-heading").hidden = false;
  item.className = "log-pending";
  return item;
}

export function relog(commandId, answer, note) {
  const entry = desk.entries.get(commandId);
  if (!entry) return;
  const item = entry.item;
  item.className = "log-" + answer.outcome;
  item.querySelector(".log-verdict").textContent = desk.verdicts[answer.outcome];
  if (answer.name) item.querySelector(".log-who").textContent = answer.name;
  item.querySelector(".log-why").textContent = answer.message;
  item.querySelector(".log-note")?.remove();
  if (note) item.append(element("log-note", note, "span"));
  if (answer.outcome !== "checked_in") item.querySelector("button")?.remove();
  else if (!item.querySelector("button")) item.append(undoButton(answer));
}

function undoButton(answer) {
  const button = element("secondary", "Undo", "button");
  button.type = "button";
  button.setAttribute("aria-label", "Undo the check-in of " + (answer.name || "this ticket"));
  return button;
}

/* A scan let through offline on an earlier visit, still in the outbox. */
export function logQueued(item) {
  desk.entries.set(item.command_id, { scan: item.scan, answer: item.answer, before: item.before,
                                      item: logEntry(item.command_id, item.name) });
  relog(item.command_id, item.answer, "Queued on this device");
}

export function answered(scan, answer, note, before) {
  const entry = desk.entries.get(scan.command_id);
  if (entry) Object.assign(entry, { answer, before });
  relog(scan.command_id, answer, note);
  show(answer);
}
