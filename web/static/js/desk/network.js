/* The server as the desk reaches it: a JSON POST with the CSRF token, and whether the
   network is there, flipped in one place so the state line follows and the queue goes
   out as soon as it is back. */
import { desk } from "./state.js";
import { renderState } from "./screen.js";

let whenBack = () => {};

/* What to do when the network returns (main.js: send the queue). */
export function onBack(callback) {
  whenBack = callback;
}

export function setOnline(value) {
  if (desk.online === value) return;
  desk.online = value;
  renderState();
  if (value) whenBack();
}

/* No answer, or none to use: the desk decides alone until the next try. A session that
   ended is said as such, since only signing in again sends the queue. */
export function unreachable(response) {
  desk.signedOut = Boolean(response && response.status === 401);
  setOnline(false);
  renderState();
}

function csrf() {
  const found = /(?:^|; )goodwill_csrf=([^;]*)/.exec(document.cookie);
  return found ? decodeURIComponent(found[1]) : desk.el.form.elements.csrf_token.value;
}

/* The server's response, or null when the network did not carry the request. */
export async function post(url, body) {
  try {
    return await fetch(url, { method: "POST", cache: "no-store", body: JSON.stringify(body),
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf() } });
  } catch (offline) {
    return null;
  }
}
