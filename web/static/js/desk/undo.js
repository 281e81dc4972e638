/* Taking a check-in back from the log's Undo button: a queued scan is simply not sent; a
   sent one is undone on the server, which needs the network. Either way this device's
   copy of the ticket returns to its state before the scan. */
import { desk } from "./state.js";
import { post, setOnline } from "./network.js";
import { dropQueued, saveTicket } from "./store.js";
import { relog } from "./log.js";
import { renderState, show } from "./screen.js";
import { refreshCounts, refreshResults } from "./counts.js";

export async function undo(commandId) {
  const entry = desk.entries.get(commandId);
  const queued = desk.outbox.find((item) => item.command_id === commandId);
  const message = "Check-in undone: " + (entry.answer.name || "the ticket holder") +
                  " is not checked in here now.";
  let position = 0;
  if (queued) {
    desk.outbox = desk.outbox.filter((item) => item !== queued);
    await dropQueued([commandId]);
  } else {
    const done = await undoOnServer(commandId);
    if (done.refusal) return show({ outcome: "refused", message: done.refusal });
    position = done.position;
  }
  restore(entry);
  relog(commandId, { ...entry.answer, outcome: "undone", message }, "");
  show({ outcome: "undone", message, name: entry.answer.name });
  renderState();
  refreshCounts(position).then(() => desk.online && refreshResults());
}

function restore(entry) {
  const ticket = desk.tickets.get(entry.answer.ticket_id);
  if (!ticket) return;
  if (entry.before) ticket.check_ins[desk.listKey] = entry.before;
  else delete ticket.check_ins[desk.listKey];
  saveTicket(ticket);
}

async function undoOnServer(commandId) {
  const response = await post("/api/v1/tickets/undo-check-in", {
    command_id: crypto.randomUUID(), conference_id: desk.conference,
    check_in_command_id: commandId, device: desk.device });
  if (!response) {
    setOnline(false);
    return { refusal: "Undo needs the network: this check-in was sent already." };
  }
  const body = await response.json();
  return response.ok ? { position: body.position } : { refusal: body.detail };
}
