/* What the desk's parts share: where it stands, read from the page once by main.js, and
   what it knows: the event's list and its tickets, the scans waiting for an answer, the
   outbox of scans let through offline. One object, so each module keeps to its own job
   and none reaches into another's variables. */

export const desk = {
  conference: "", api: "", listKey: "", direction: "in", device: "",
  pattern: /$^/, longest: 0, namespace: "", decoder: "", verdicts: {},
  el: {},                 /* the page's parts: form, input, answer, log, state line */
  tickets: new Map(),     /* ticket id → ticket, as the event's list has it */
  entries: new Map(),     /* command id → this page's log entry, its scan and answer */
  waiting: [],            /* scans made, not yet answered, in order */
  outbox: [],             /* scans let through offline, not yet sent, in order */
  list: { conference_id: "", lists: {}, timezone: "UTC", etag: null },
  online: navigator.onLine,
  signedOut: false,
  cameraOn: false,
  sequence: Date.now() * 1000,  /* orders the outbox, across visits too */
};

/* A time of day on the event's clock, as the server words its answers. */
export function clock(moment) {
  return new Intl.DateTimeFormat("en-GB", { timeZone: desk.list.timezone, hour: "2-digit",
                                            minute: "2-digit", hourCycle: "h23" })
    .format(new Date(moment));
}

export function isCode(text) {
  return text.length <= desk.longest && desk.pattern.test(text);
}
