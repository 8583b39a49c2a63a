// Offline support: the app shell is cached on install; performances and pictures already seen are
// served from the cache when the network is away. API writes always go to the network.
// The build fills in its time (Maven resource filtering): a new build is a new service worker with a new
// shell cache, and the older builds' shell caches are dropped when it takes over.
const SHELL = 'microjam-shell-${microjam.build}', SEEN = 'microjam-seen-v1';
const FILES = ['/', '/index.html', '/css/app.css', '/manifest.webmanifest', '/icons/icon.svg', '/icons/icon-192.png',
  '/js/app.js', '/js/api.js', '/js/audio.js', '/js/csv.js', '/js/draw.js', '/js/instruments.js', '/js/jam.js', '/js/names.js',
  '/js/pitch.js', '/js/player.js', '/js/privacy.js', '/js/profile.js', '/js/research.js', '/js/render.js', '/js/ui.js', '/js/world.js'];

self.addEventListener('install', (event) => event.waitUntil(caches.open(SHELL).then((c) => c.addAll(FILES)).then(() => self.skipWaiting())));
self.addEventListener('activate', (event) => event.waitUntil(caches.keys()
  .then((names) => Promise.all(names.filter((n) => n.startsWith('microjam-shell-') && n !== SHELL).map((n) => caches.delete(n))))
  .then(() => self.clients.claim())));

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== location.origin) return;
  const seen = /^\/api\/performances\/[0-9a-f-]{36}(\.png|\.csv)?$/.test(url.pathname) || url.pathname === '/api/privacy';
  if (seen) event.respondWith(networkThenCache(event.request, SEEN));
  else if (!url.pathname.startsWith('/api/')) event.respondWith(networkThenCache(event.request, SHELL));
});

async function networkThenCache(request, name) {
  try {
    const response = await fetch(request);
    if (response.ok) (await caches.open(name)).put(request, response.clone());
    return response;
  } catch (offline) {
    const cached = await caches.match(request, { ignoreSearch: request.url.includes('/index.html') });
    if (cached) return cached;
    if (request.mode === 'navigate') return caches.match('/index.html');
    throw offline;
  }
}
