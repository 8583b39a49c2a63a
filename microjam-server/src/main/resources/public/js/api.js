// The server's API, with the performer's secret token from this browser's storage.
const TOKEN = 'microjam.token';

export const token = () => localStorage.getItem(TOKEN);
export function setToken(value) {
  const before = token();
  if (value) localStorage.setItem(TOKEN, value);
  else localStorage.removeItem(TOKEN);
  // Whoever was signed in is gone: what waits to be published as them goes too (outbox.js).
  if (before && before !== value) window.dispatchEvent(new Event('microjam:signed-out'));
}

export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.error ? body.error : `request failed (${status})`);
    this.status = status;
    this.field = body && body.field;
  }
}

/** The network is away and no copy of this was seen here before (the service worker keeps what was). */
export class OfflineError extends Error {
  constructor() {
    super('You are offline, and this was not seen on this device before.');
  }
}

/** The header the service worker puts on a copy it kept: the network was away (sw.js). */
const SEEN = 'X-MicroJam-Seen';
/** Tells the app whether answers come from the network or from what was seen (the offline line in app.js). */
const network = (online) => window.dispatchEvent(new CustomEvent('microjam:network', { detail: { online } }));

export async function request(method, path, body, { auth = false, raw = false, type } = {}) {
  const headers = {};
  if (auth && token()) headers.Authorization = `Bearer ${token()}`;
  let payload;
  if (body instanceof Blob) { payload = body; headers['Content-Type'] = type || body.type; }
  else if (body !== undefined) { payload = JSON.stringify(body); headers['Content-Type'] = 'application/json'; }
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload });
  } catch {
    network(false);
    throw new OfflineError();
  }
  network(!response.headers.has(SEEN));
  if (!response.ok) {
    let error = null;
    try { error = await response.json(); } catch { /* not JSON */ }
    throw new ApiError(response.status, error);
  }
  if (raw) return response;
  return response.status === 204 ? null : response.json();
}

export const get = (path, options) => request('GET', path, undefined, options);
export const post = (path, body, options) => request('POST', path, body, options);
