/* The scanner page: the rear camera reads a badge's QR and the badge's page opens. Reads
   with the browser's BarcodeDetector where it knows QR codes, else with jsQR, fetched only
   then, so no other page pays for it. Without a camera the typed-code form does the job. */
"use strict";

(function () {
  const scanner = document.getElementById("scanner");
  const status = document.getElementById("scan-status");
  if (!scanner || !status) return;
  const video = scanner.querySelector("video");
  const canvas = document.createElement("canvas");
  const pixels = canvas.getContext("2d", { willReadFrequently: true });
  const pattern = new RegExp(scanner.dataset.codePattern);
  const longest = Number(scanner.dataset.codeLength);
  const origins = [location.origin, scanner.dataset.badgeOrigin];
  const EVERY_MS = 200;  /* a frame this often feels instant and leaves the phone cool */
  const WIDTH = 640;     /* frames are scaled down to this: plenty for a badge held near */
  const TYPE_INSTEAD = " Type or paste the code from the badge below instead.";
  let stream = null;
  let timer = null;
  let reader = null;
  let starting = false;

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

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error("could not load " + src));
      document.head.append(script);
    });
  }

  async function nativeReader() {
    if (!("BarcodeDetector" in window)) return null;
    try {
      if (!(await BarcodeDetector.getSupportedFormats()).includes("qr_code")) return null;
    } catch (unsupported) {
      return null;
    }
    const detector = new BarcodeDetector({ formats: ["qr_code"] });
    return { name: "barcode-detector",
             read: async () => (await detector.detect(canvas)).map((found) => found.rawValue) };
  }

  async function jsqrReader() {
    await loadScript(scanner.dataset.decoder);
    return { name: "jsqr", read: async () => {
      const image = pixels.getImageData(0, 0, canvas.width, canvas.height);
      const found = window.jsQR(image.data, image.width, image.height,
                                { inversionAttempts: "dontInvert" });
      return found ? [found.data] : [];
    } };
  }

  function refusal(error) {
    if (error.name === "NotAllowedError" || error.name === "SecurityError")
      return "Camera access was refused." + TYPE_INSTEAD;
    if (error.name === "NotFoundError" || error.name === "OverconstrainedError")
      return "No camera was found." + TYPE_INSTEAD;
    if (error.name === "NotReadableError")
      return "The camera is in use by another app." + TYPE_INSTEAD;
    return "The camera could not start." + TYPE_INSTEAD;
  }

  function drawFrame() {
    const scale = Math.min(1, WIDTH / video.videoWidth);
    const width = Math.round(video.videoWidth * scale);
    const height = Math.round(video.videoHeight * scale);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    pixels.drawImage(video, 0, 0, width, height);
  }

  /* True once a badge was found and its page is opening. */
  function opened(texts) {
    if (!texts.length) return false;
    const code = texts.map((text) => badgeCode(text.trim())).find(Boolean);
    if (!code) {
      say("That is not a Goodwill badge. Point the camera at the QR code on a badge.");
      return false;
    }
    say("Badge found: opening it.");
    stop();
    location.assign("/c/" + encodeURIComponent(code));
    return true;
  }

  async function scanFrame() {
    if (!stream) return;
    if (video.readyState >= video.HAVE_CURRENT_DATA && video.videoWidth) {
      drawFrame();
      if (opened(await reader.read())) return;
    }
    if (stream) timer = setTimeout(scanFrame, EVERY_MS);
  }

  function stop() {
    clearTimeout(timer);
    if (stream) stream.getTracks().forEach((track) => track.stop());
    stream = null;
  }

  async function openCamera() {
    try {
      reader = reader || await nativeReader() || await jsqrReader();
    } catch (offline) {
      return say("The QR reader could not load." + TYPE_INSTEAD);
    }
    try {
      stream = await navigator.mediaDevices.getUserMedia(
        { video: { facingMode: "environment" }, audio: false });
      video.srcObject = stream;
      await video.play();
    } catch (error) {
      stop();
      return say(refusal(error));
    }
    scanner.dataset.reader = reader.name;
    scanner.hidden = false;
    /* On a touch screen the focused field's keyboard would cover the camera view. */
    if (matchMedia("(pointer: coarse)").matches && document.activeElement) {
      document.activeElement.blur();
    }
    say("Looking for a badge's QR code.");
    scanFrame();
  }

  async function start() {
    if (stream || starting || document.hidden) return;
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      return say("This browser cannot use the camera here." + TYPE_INSTEAD);
    }
    say("Starting the camera.");
    starting = true;
    await openCamera();
    starting = false;
    if (document.hidden) stop();
  }

  /* The camera is off whenever the page is out of sight, and back when it returns. */
  document.addEventListener("visibilitychange", () => (document.hidden ? stop() : start()));
  window.addEventListener("pagehide", stop);
  window.addEventListener("pageshow", (event) => event.persisted && start());
  start();
})();
