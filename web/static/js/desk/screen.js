/* What the steward sees and hears: the answer over the whole screen, in the markup the
   server renders for it (desk/_desk_answer.html, kept in a <template> for this script),
   a beep and a buzz, the state line, and the code field kept focused so a keyboard-wedge
   scanner's codes always land in it. */
import { desk } from "./state.js";

const SHOWN_MS = { ok: 1500, refused: 4000 };
const touch = matchMedia("(pointer: coarse)").matches;
let hideTimer = null, audio = null;

export function element(className, text, tag) {
  const made = document.createElement(tag || "p");
  made.className = className;
  made.textContent = text;
  return made;
}

export function show(answer) {
  const ok = answer.outcome !== "refused";
  const box = desk.el.answer;
  box.className = "answer answer-" + answer.outcome;
  box.replaceChildren(answerLines(answer));
  box.hidden = false;
  clearTimeout(hideTimer);
  hideTimer = setTimeout(() => (box.hidden = true), ok ? SHOWN_MS.ok : SHOWN_MS.refused);
  beep(ok);
  if (navigator.vibrate) navigator.vibrate(ok ? 80 : [200, 100, 200]);
  refocus();
}

/* The server's lines for an answer, with this answer's words in them. */
function answerLines(answer) {
  const lines = document.getElementById("answer-lines").content.cloneNode(true);
  lines.querySelector(".verdict").textContent = desk.verdicts[answer.outcome];
  const who = lines.querySelector(".who"), company = who.querySelector(".company");
  who.querySelector("bdi").textContent = answer.name || "";
  company.querySelector("bdi").textContent = answer.company || "";
  if (!answer.company) {
    if (company.previousSibling.nodeType === Node.TEXT_NODE) company.previousSibling.remove();
    company.remove();
  }
  if (!answer.name) who.remove();
  lines.querySelector(".why").textContent = answer.message;
  return lines;
}

/* A short high tone for yes, two low ones for no: no sound files to fetch. */
function beep(ok) {
  try {
    audio = audio || new AudioContext();
    for (const at of ok ? [0] : [0, 0.25]) {
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

/* Back to the code field, unless the steward is typing elsewhere or holding a phone's
   camera up (the keyboard would cover the view). */
export function refocus() {
  const active = document.activeElement, input = desk.el.input;
  const typing = active && active !== input && /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName);
  if (!typing && !(touch && desk.cameraOn)) input.focus({ preventScroll: true });
}

export function renderState() {
  const size = desk.tickets.size, queued = desk.outbox.length;
  desk.el.state.classList.toggle("offline", !desk.online);
  const kept = size + (size === 1 ? " ticket" : " tickets");
  const away = desk.signedOut ? "Signed out: sign in again to send the queue. Meanwhile answers"
                              : "Offline: answers";
  desk.el.state.replaceChildren(
    desk.online ? "Online · " + kept + " kept for offline"
                : away + " come from this device's list of " + kept,
    " · Device ", element("device", desk.device, "strong"), " · ",
    element("queue", queued ? queued + " queued" : "Nothing queued", "span"));
}
