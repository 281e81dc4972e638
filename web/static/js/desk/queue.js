/* Every scan (a scanner's code, the camera's, a search result's button) joins one queue
   and is answered in the order it was made. Online, scans go to the server, up to 100 a
   request when they come fast; offline, this device decides them (offline.js); once the
   network is back, the outbox goes first, oldest first. */
import { desk, clock } from "./state.js";
import { post, unreachable } from "./network.js";
import { decideHere, passed } from "./offline.js";
import { answered, logEntry, relog } from "./log.js";
import { renderState } from "./screen.js";
import { refreshCounts, refreshResults } from "./counts.js";
import { dropQueued } from "./store.js";

const BATCH = 100;  /* as many scans as the server takes in one request */
let pumping = false;

export function submit(fields, label) {
  const scan = { command_id: crypto.randomUUID(), list_key: desk.listKey,
                 direction: desk.direction, device: desk.device,
                 scanned_at: new Date().toISOString(), ...fields };
  desk.entries.set(scan.command_id, { scan, item: logEntry(scan.command_id, label) });
  desk.waiting.push(scan);
  pump();
}

export async function pump() {
  if (pumping) return;
  pumping = true;
  try {
    while (desk.waiting.length || (desk.online && desk.outbox.length)) {
      if (desk.online && desk.outbox.length) await sync();
      else if (desk.online) await send(desk.waiting.splice(0, BATCH));
      else await decideHere(desk.waiting.shift());
    }
  } finally {
    pumping = false;
  }
}

/* Online scans carry no scan time: the server's clock is the one that counts. A network
   that fails, or a server that cannot answer, leaves them to this device. */
async function send(scans) {
  const response = await post(desk.api + "/desk/scans", { scans: scans.map((scan) => ({
    command_id: scan.command_id, ticket_code: scan.ticket_code, ticket_id: scan.ticket_id,
    list_key: scan.list_key, direction: scan.direction, device: scan.device })) });
  if (!response || (!response.ok && response.status !== 400)) {
    unreachable(response);
    desk.waiting.unshift(...scans);
    return;
  }
  if (response.status === 400) {
    const problem = await response.json();
    return scans.forEach((scan) => answered(scan, { outcome: "refused", status: 400,
                                                    message: problem.detail }));
  }
  desk.signedOut = false;
  const result = await response.json();
  result.answers.forEach((answer, n) => {
    const ticket = answer.ticket_id && desk.tickets.get(answer.ticket_id);
    const before = ticket && answer.outcome.startsWith("checked_")
      ? passed(ticket, scans[n], new Date().toISOString()) : null;
    answered(scans[n], answer, "", before);
  });
  refreshCounts(result.position).then(refreshResults);
}

/* Each queued scan carries its command id: sent twice, it is applied once. What the
   server says of each replaces what this device said. */
async function sync() {
  const items = desk.outbox.slice(0, BATCH);
  const response = await post(desk.api + "/desk/scans", { scans: items.map((item) => item.scan) });
  if (!response || !response.ok) return unreachable(response);
  desk.signedOut = false;
  const result = await response.json();
  const sent = new Set(items.map((item) => item.command_id));
  desk.outbox = desk.outbox.filter((item) => !sent.has(item.command_id));
  await dropQueued([...sent]);
  const note = "Sent " + clock(new Date());
  result.answers.forEach((answer, n) => relog(items[n].command_id, answer, note));
  renderState();
  refreshCounts(result.position);
}
