// Offline support: the app shell is cached on install; every public API answer already seen (feed pages,
// threads, performances, pictures, performers' pages, avatars) is served from the cache when the network is
// away, marked as such. Answers to signed-in requests (the performer's own data) are never kept, nor
// RoboJam's status (it needs the network); API writes always go to the network. RoboJam for the device (its
// compiled core in the shell, its model file in a cache of its own, fetched on install) answers offline.
// The build fills in its time (Maven resource filtering): a new build is a new service worker with a new
// shell cache, and the older builds' shell caches are dropped when it takes over.
const SHELL = 'microjam-shell-${microjam.build}', SEEN = 'microjam-seen-v1', MODELS = 'microjam-robojam-models';
/** The most API answers kept; the oldest kept go first. */
const MAX_SEEN = 500;
/** Put on a kept copy served while the network is away, so the app can say it shows what was seen (api.js). */
const SEEN_HEADER = 'X-MicroJam-Seen';
const FILES = ['/', '/index.html', '/css/app.css', '/manifest.webmanifest', '/icons/icon.svg', '/icons/icon-192.png',
  '/js/app.js', '/js/api.js', '/js/audio.js', '/js/csv.js', '/js/draw.js', '/js/facts.js', '/js/instruments.js', '/js/jam.js', '/js/names.js', '/js/outbox.js',
  '/js/pitch.js', '/js/player.js', '/js/privacy.js', '/js/profile.js', '/js/research.js', '/js/render.js', '/js/ui.js', '/js/world.js',
  '/js/robojam-device.js', '/js/robojam-speed.js', '/js/robojam-worker.js', '/robojam/classes.wasm-runtime.js', '/robojam/robojam.wasm'];
/** Where the server serves model files, each named by its digest (RoboJamRoutes.MODEL_FILES). */
const MODEL_FILES = '/robojam/models/';

// The shell is fetched past the HTTP cache: a new build's shell must be that build's files, not copies revalidated
// from the browser's cache (WebKitGTK's install also stalled now and then on such revalidations).
// The served model is fetched too, without holding the install up if it cannot be (no model, or offline).
self.addEventListener('install', (event) => event.waitUntil(caches.open(SHELL)
  .then((c) => c.addAll(FILES.map((file) => new Request(file, { cache: 'reload' }))))
  .then(() => fetch('/api/robojam').then((r) => r.json()).then((status) => status.modelFile && modelFile(new Request(status.modelFile))).catch(() => null))
  .then(() => self.skipWaiting())));
self.addEventListener('activate', (event) => event.waitUntil(caches.keys()
  .then((names) => Promise.all(names.filter((n) => n.startsWith('microjam-shell-') && n !== SHELL).map((n) => caches.delete(n))))
  .then(() => self.clients.claim())));

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== location.origin) return;
  const seen = url.pathname.startsWith('/api/') && url.pathname !== '/api/robojam' && !event.request.headers.has('Authorization');
  if (url.pathname.startsWith(MODEL_FILES)) event.respondWith(modelFile(event.request));
  else if (seen) event.respondWith(networkThenCache(event, SEEN));
  else if (!url.pathname.startsWith('/api/')) event.respondWith(networkThenCache(event, SHELL));
});

async function networkThenCache(event, name) {
  const request = event.request;
  try {
    const response = await fetch(request);
    // Kept after answering, not before. A 404 (deleted since) drops the device's copy: deleted means gone here too.
    if (response.ok) event.waitUntil(keep(name, request, response.clone()));
    else if (response.status === 404) event.waitUntil(caches.open(name).then((c) => c.delete(request)));
    return response;
  } catch (offline) {
    const cached = await caches.match(request, { ignoreSearch: request.url.includes('/index.html') });
    if (cached && name === SEEN) return marked(cached);
    if (cached) return cached;
    if (request.mode === 'navigate') return caches.match('/index.html');
    throw offline;
  }
}

// A model file never changes (named by its digest): kept once fetched, and only the newest one is kept.
async function modelFile(request) {
  const cache = await caches.open(MODELS);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(request, response.clone());
    for (const old of await cache.keys()) if (old.url !== response.url && old.url !== request.url) await cache.delete(old);
  }
  return response;
}

async function keep(name, request, response) {
  const cache = await caches.open(name);
  await cache.put(request, response);
  if (name !== SEEN) return;
  const keys = await cache.keys(); // in the order they were first put
  await Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_SEEN)).map((k) => cache.delete(k)));
}

function marked(cached) {
  const headers = new Headers(cached.headers);
  headers.set(SEEN_HEADER, 'offline');
  return new Response(cached.body, { status: cached.status, statusText: cached.statusText, headers });
}
