/* Reads QR codes from the rear camera, for the badge scanner and the check-in desk alike.
   Uses the browser's BarcodeDetector where it knows QR codes, else jsQR, fetched only then,
   so no page pays for it before its camera starts. The camera is off whenever the page is
   out of sight, and comes back with it. */
"use strict";

window.GoodwillQR = (function () {
  const EVERY_MS = 200;  /* a frame this often feels instant and leaves the phone cool */
  const WIDTH = 640;     /* frames are scaled down to this: plenty for a code held near */

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error("could not load " + src));
      document.head.append(script);
    });
  }

  async function nativeReader(canvas) {
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

  async function jsqrReader(canvas, pixels, decoder) {
    await loadScript(decoder);
    return { name: "jsqr", read: async () => {
      const image = pixels.getImageData(0, 0, canvas.width, canvas.height);
      const found = window.jsQR(image.data, image.width, image.height,
                                { inversionAttempts: "dontInvert" });
      return found ? [found.data] : [];
    } };
  }

  function refusal(error) {
    if (error.name === "NotAllowedError" || error.name === "SecurityError")
      return "Camera access was refused.";
    if (error.name === "NotFoundError" || error.name === "OverconstrainedError")
      return "No camera was found.";
    if (error.name === "NotReadableError") return "The camera is in use by another app.";
    return "The camera could not start.";
  }

  /* options: decoder (jsQR's URL), say(text) for the status line, instead (what to do
     without a camera), onStarted(readerName), onTexts(texts): true when done reading. */
  function camera(video, options) {
    const canvas = document.createElement("canvas");
    const pixels = canvas.getContext("2d", { willReadFrequently: true });
    const say = (text) => options.say(text + (options.instead ? " " + options.instead : ""));
    let stream = null, timer = null, reader = null, starting = false, wanted = false;

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

    async function scanFrame() {
      if (!stream) return;
      if (video.readyState >= video.HAVE_CURRENT_DATA && video.videoWidth) {
        drawFrame();
        const texts = await reader.read();
        if (texts.length && options.onTexts(texts.map((text) => text.trim()))) return stop();
      }
      if (stream) timer = setTimeout(scanFrame, EVERY_MS);
    }

    function pause() {
      clearTimeout(timer);
      if (stream) stream.getTracks().forEach((track) => track.stop());
      stream = null;
    }

    function stop() {
      wanted = false;
      pause();
    }

    async function open() {
      try {
        reader = reader || await nativeReader(canvas) ||
          await jsqrReader(canvas, pixels, options.decoder);
      } catch (offline) {
        return say("The QR reader could not load.");
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia(
          { video: { facingMode: "environment" }, audio: false });
        video.srcObject = stream;
        await video.play();
      } catch (error) {
        pause();
        return say(refusal(error));
      }
      options.onStarted(reader.name);
      scanFrame();
    }

    async function start() {
      wanted = true;
      if (stream || starting || document.hidden) return;
      if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
        return say("This browser cannot use the camera here.");
      }
      options.say("Starting the camera.");
      starting = true;
      await open();
      starting = false;
      if (document.hidden || !wanted) pause();
    }

    document.addEventListener("visibilitychange", () => {
      if (document.hidden) pause();
      else if (wanted) start();
    });
    window.addEventListener("pagehide", pause);
    window.addEventListener("pageshow", (event) => event.persisted && wanted && start());
    return { start, stop, running: () => stream !== null };
  }

  return { camera };
})();
