// The playground's service worker: makes the page work offline after its first visit,
// and (through worker/service_worker.js, imported) answers the worker backend's
// synchronous XHRs on pages that are not cross-origin isolated — one service worker,
// because a page has one per scope and the worker threads run inside this one.
//
//   install:  cache the shell (page, bundle, runtime) and the standard library's sources
//   message {type: "precache", backends}: cache those backends' files (the page sends
//             the ones detection says this engine can run; each is about a megabyte)
//   fetch:    same-origin GET → the cached copy at once if there is one, refreshed from
//             the network behind it (stale-while-revalidate); else the network, cached
//             on success. `__stackswitch__/` requests are the channel's, never cached.
//
// Invariant: a response is cached only if it is a complete same-origin 200, so the
// cache never serves an error page or a partial body; assets.js (written by the build)
// names the files, and a new build's version starts a fresh cache.

importScripts("stackswitch/worker/service_worker.js", "assets.js");

const { version, shell, stdlib, backends } = self.PLAYGROUND_ASSETS;
const CACHE = `stackswitch-playground-${version}`;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...shell, ...stdlib])));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((names) =>
      Promise.all(names.filter((n) => n.startsWith("stackswitch-playground-") && n !== CACHE).map((n) => caches.delete(n))),
    ),
  );
});

self.addEventListener("message", (event) => {
  if (event.data?.type !== "precache") return;
  // Without duplicates (two backends share raw-abi/): addAll refuses a list that has any.
  const files = [...new Set((event.data.backends ?? []).flatMap((name) => backends[name] ?? []))];
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(files)).catch(() => {}));
});

function cacheable(request) {
  const url = new URL(request.url);
  return request.method === "GET" && url.origin === self.location.origin && !url.pathname.includes("/__stackswitch__/");
}

async function refresh(cache, request) {
  const response = await fetch(request);
  if (response.status === 200 && response.type === "basic") await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  if (!cacheable(event.request)) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // Navigations match the page whatever the fragment or query (`?backend=`, `#code=`).
      const cached = await cache.match(event.request, { ignoreSearch: event.request.mode === "navigate" });
      const network = refresh(cache, event.request);
      if (cached) {
        event.waitUntil(network.catch(() => {}));
        return cached;
      }
      return network;
    })(),
  );
});
