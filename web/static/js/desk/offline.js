/* Deciding a scan on this device while the network is gone, exactly as the server would
   and in its words (domain/ticket.py), from the event's list this device keeps. A ticket
   is found by its id, derived from its code as the server derives it (domain/ids.py). A
   scan let through joins the outbox, with its scan time, this device's name and its
   command id; the server applies each once, and one it cannot take (let in by another
   device meanwhile) comes back as a conflict recorded for the organizers. */
import { desk, clock } from "./state.js";
import { saveTicket, keepQueued } from "./store.js";
import { answered } from "./log.js";
import { renderState } from "./screen.js";
import { localCounts, showCounts } from "./counts.js";

/* uuid5 of "ticket/<code>" in the server's namespace: the ticket's id. */
async function ticketId(code) {
  const hex = desk.namespace.replace(/-/g, "");
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

function decide(ticket, scan) {
  const listKey = desk.listKey, where = desk.list.lists[listKey] || listKey;
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
export function passed(ticket, scan, at) {
  const before = ticket.check_ins[desk.listKey] || null;
  if (scan.direction === "in") {
    ticket.check_ins[desk.listKey] = { inside: true, checked_in_at: at, device: scan.device };
  } else if (before) {
    ticket.check_ins[desk.listKey] = { ...before, inside: false };
  }
  saveTicket(ticket);
  return before;
}

export async function decideHere(scan) {
  let id = scan.ticket_id;
  try {
    id = id || await ticketId(scan.ticket_code);
  } catch (noCrypto) {
    return answered(scan, { outcome: "refused", status: 0, message:
      "This browser cannot check codes offline here (it needs HTTPS): search by name." });
  }
  const ticket = desk.tickets.get(id);
  const answer = { ...decide(ticket, scan), ticket_id: id };
  if (ticket) Object.assign(answer, { name: ticket.name, company: ticket.company });
  if (answer.status === 200) await queueHere(scan, ticket, answer);
  answered(scan, answer, answer.status === 200 ? "Queued on this device" : "");
}

async function queueHere(scan, ticket, answer) {
  const item = { command_id: scan.command_id, conference_id: desk.conference,
                 seq: ++desk.sequence, before: passed(ticket, scan, scan.scanned_at),
                 name: ticket.name, answer,
                 scan: { command_id: scan.command_id, ticket_id: answer.ticket_id,
                         list_key: desk.listKey, direction: scan.direction,
                         device: scan.device, scanned_at: scan.scanned_at, offline: true } };
  desk.outbox.push(item);
  await keepQueued(item);
  renderState();
  showCounts(localCounts());
}
