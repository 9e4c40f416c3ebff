// The worker backend's service worker (the "service-worker" channel of channel.js, for
// pages that are not cross-origin isolated and so have no SharedArrayBuffer). It answers
// the synchronous XHRs the worker threads block on, with what the page posts to it:
//
//   page ──postMessage {reply, channel, seq, bytes}──►  replies[channel/seq]  ─┐
//   worker ──sync XHR GET __stackswitch__/reply?channel&seq──► fetch event ─────┴─► 200 bytes
//                                           (no reply after LONG_POLL_MS: 204, ask again)
//   page ──postMessage {interrupt, channel, value}──►  interrupts[channel]
//   worker ──sync XHR GET __stackswitch__/interrupt?channel──► 200 "1" (then cleared) | "0"
//
// Every other request passes through untouched (no respondWith).
//
// Invariant: a reply is handed out once, to the XHR naming its channel and seq; replies and
// XHRs may arrive in either order. The state lives only as long as this service worker:
// it is never idle while a worker waits (an open fetch event keeps it alive), and a
// message event restarts it, so a reply posted to a stopped service worker is not lost.

const LONG_POLL_MS = 20_000; // = channel.js's LONG_POLL_MS (a classic script cannot import it)
const PATH = "/__stackswitch__/";

/** `${channel}/${seq}` -> reply bytes that arrived before the XHR asking for them. */
const replies = new Map();
/** `${channel}/${seq}` -> resolve of an XHR waiting for its reply. */
const waiting = new Map();
/** channel -> true once the page called interrupt() (cleared when read). */
const interrupts = new Map();

self.addEventListener("install", (event) => event.waitUntil(self.skipWaiting()));
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("message", (event) => {
  const message = event.data;
  if (message?.type === "reply") {
    const key = `${message.channel}/${message.seq}`;
    const resolve = waiting.get(key);
    if (resolve) {
      waiting.delete(key);
      resolve(message.bytes);
    } else {
      replies.set(key, message.bytes);
    }
  } else if (message?.type === "interrupt") {
    if (message.value) interrupts.set(message.channel, true);
    else interrupts.delete(message.channel);
  }
});

function reply(channel, seq) {
  const key = `${channel}/${seq}`;
  const ready = replies.get(key);
  if (ready) {
    replies.delete(key);
    return Promise.resolve(new Response(ready, { status: 200 }));
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      waiting.delete(key);
      resolve(new Response(null, { status: 204 }));
    }, LONG_POLL_MS);
    waiting.set(key, (bytes) => {
      clearTimeout(timer);
      resolve(new Response(bytes, { status: 200 }));
    });
  });
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  const at = url.pathname.indexOf(PATH);
  if (url.origin !== self.location.origin || at < 0) return;
  const what = url.pathname.slice(at + PATH.length);
  const channel = url.searchParams.get("channel");
  if (what === "reply") {
    event.respondWith(reply(channel, url.searchParams.get("seq")));
  } else if (what === "interrupt") {
    const raised = interrupts.get(channel) === true;
    interrupts.delete(channel);
    event.respondWith(new Response(raised ? "1" : "0", { status: 200 }));
  } else {
    event.respondWith(new Response(`unknown stackswitch request ${what}\n`, { status: 404 }));
  }
});
