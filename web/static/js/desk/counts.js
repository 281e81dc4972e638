/* How many are checked in and inside at this entrance: asked of the server (after a
   change, once its read side has that change), or counted from this device's list while
   offline; and the search results, asked again once the counts show the change. */
import { desk } from "./state.js";
import { setOnline } from "./network.js";

let countsAsked = 0;

/* Only the latest answer is shown: an earlier one may arrive after it. */
export async function refreshCounts(after) {
  const asked = ++countsAsked;
  if (desk.online) {
    try {
      const response = await fetch(desk.api + "/check-ins" + (after ? "?after=" + after : ""),
                                   { cache: "no-store" });
      if (response.ok) {
        const counted = (await response.json())[desk.listKey] || { checked_in: 0, inside: 0 };
        return asked === countsAsked && showCounts(counted);
      }
    } catch (offline) {
      setOnline(false);
    }
  }
  showCounts(localCounts());
}

export function localCounts() {
  const counted = { checked_in: 0, inside: 0 };
  for (const ticket of desk.tickets.values()) {
    const here = ticket.check_ins[desk.listKey];
    if (here) counted.checked_in += 1;
    if (here && here.inside) counted.inside += 1;
  }
  return counted;
}

export function showCounts(counted) {
  document.getElementById("count-checked-in").textContent = counted.checked_in;
  document.getElementById("count-inside").textContent = counted.inside;
}

/* Search results say whether each person is inside: asked again after a change, while
   there is a network to ask. */
export function refreshResults() {
  const search = document.getElementById("q");
  if (!desk.online || !window.htmx || !search || !search.value.trim()) return;
  window.htmx.trigger(search, "refresh");
}
