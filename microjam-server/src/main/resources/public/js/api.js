// The server's API, with the performer's secret token from this browser's storage.
const TOKEN = 'microjam.token';

export const token = () => localStorage.getItem(TOKEN);
export const setToken = (value) => value ? localStorage.setItem(TOKEN, value) : localStorage.removeItem(TOKEN);

export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.error ? body.error : `request failed (${status})`);
    this.status = status;
    this.field = body && body.field;
  }
}

export async function request(method, path, body, { auth = false, raw = false, type } = {}) {
  const headers = {};
  if (auth && token()) headers.Authorization = `Bearer ${token()}`;
  let payload;
  if (body instanceof Blob) { payload = body; headers['Content-Type'] = type || body.type; }
  else if (body !== undefined) { payload = JSON.stringify(body); headers['Content-Type'] = 'application/json'; }
  const response = await fetch(path, { method, headers, body: payload });
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
