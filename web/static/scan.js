/* The scanner page: the rear camera reads a badge's QR (with qr-reader.js) and the badge's
   page opens. Without a camera the typed-code form does the job. */
"use strict";

(function () {
  const scanner = document.getElementById("scanner");
  const status = document.getElementById("scan-status");
  if (!scanner || !status || !window.GoodwillQR) return;
  const pattern = new RegExp(scanner.dataset.codePattern);
  const longest = Number(scanner.dataset.codeLength);
  const origins = [location.origin, scanner.dataset.badgeOrigin];

  function say(text) {
    if (status.textContent !== text) status.textContent = text;
  }

  function isCode(text) {
    return text.length <= longest && pattern.test(text);
  }

  /* The connect code a QR names: a badge link of this site, or a bare code. */
  function badgeCode(text) {
    let url;
    try {
      url = new URL(text);
    } catch (notALink) {
      return isCode(text) ? text : null;
    }
    if (!origins.includes(url.origin) || !url.pathname.startsWith("/c/")) return null;
    const code = url.pathname.slice(3);
    return isCode(code) ? code : null;
  }

  /* True once a badge was found and its page is opening. */
  function opened(texts) {
    const code = texts.map(badgeCode).find(Boolean);
    if (!code) {
      say("That is not a Goodwill badge. Point the camera at the QR code on a badge.");
      return false;
    }
    say("Badge found: opening it.");
    location.assign("/c/" + encodeURIComponent(code));
    return true;
  }

  function started(readerName) {
    scanner.dataset.reader = readerName;
    scanner.hidden = false;
    /* On a touch screen the focused field's keyboard would cover the camera view. */
    if (matchMedia("(pointer: coarse)").matches && document.activeElement) {
      document.activeElement.blur();
    }
    say("Looking for a badge's QR code.");
  }

  GoodwillQR.camera(scanner.querySelector("video"), {
    decoder: scanner.dataset.decoder, say, onStarted: started, onTexts: opened,
    instead: "Type or paste the code from the badge below instead.",
  }).start();
})();
