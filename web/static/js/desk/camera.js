/* The camera, where the browser has one: reads tickets' QR codes through qr-reader.js
   (window.GoodwillQR, loaded by the page before the desk) and hands each code to the
   queue. A QR held in view is one scan, not five a second. */
import { desk, isCode } from "./state.js";

const REPEAT_MS = 3000;

export function startCamera(scanned) {
  const box = document.getElementById("desk-camera");
  if (!window.GoodwillQR || !navigator.mediaDevices) return;
  const parts = { video: box.querySelector("video"), status: document.getElementById("camera-status"),
                  toggle: document.getElementById("camera-toggle") };
  const camera = window.GoodwillQR.camera(parts.video, {
    decoder: desk.decoder, say: (text) => (parts.status.textContent = text),
    instead: "Use the scanner, or type the code.",
    onStarted: () => showing(parts, true),
    onTexts: reader(parts.status, scanned) });
  parts.toggle.addEventListener("click", () => {
    if (!camera.running()) return camera.start();
    camera.stop();
    showing(parts, false);
  });
  box.hidden = false;
}

function showing({ video, status, toggle }, on) {
  desk.cameraOn = on;
  video.hidden = !on;
  toggle.textContent = on ? "Stop camera" : "Start camera";
  status.textContent = on ? "Looking for a ticket's QR code." : "";
}

/* What the camera read: each ticket code once, until it has been out of view 3 s. */
function reader(status, scanned) {
  const seen = new Map();
  return (texts) => {
    const now = Date.now();
    for (const text of texts) {
      const last = seen.get(text);
      seen.set(text, now);
      if (!isCode(text)) status.textContent = "That QR code is not a ticket.";
      else if (!last || now - last > REPEAT_MS) scanned(text);
    }
    return false;
  };
}
