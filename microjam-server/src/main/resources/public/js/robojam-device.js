// RoboJam on the device (issue 23): the same core the server runs, compiled to WebAssembly, in a worker
// (robojam-worker.js). The server's status names the model file; the service worker keeps it (sw.js), so
// RoboJam answers offline. Where RoboJam answers is the performer's choice:
//   'auto'   (the default) the server, or this device when it is offline or has shown it answers quickly;
//   'device' on this device only: the call is never sent anywhere (Keep, which publishes, excepted).
const WHERE = 'microjam.robojam.where', MODEL_FILE = 'microjam.robojam.modelFile', MILLIS = 'microjam.robojam.deviceMillis';
/** An answer on the device this quick (ms) or quicker, and the device answers even when the server could. */
export const QUICK_MS = 1500;

export const where = () => localStorage.getItem(WHERE) === 'device' ? 'device' : 'auto';
export const setWhere = (value) => localStorage.setItem(WHERE, value === 'device' ? 'device' : 'auto');

/** Remembers the served model's file from the server's status (GET /api/robojam), for offline. */
export function remember(status) {
  if (status && status.available && status.modelFile) localStorage.setItem(MODEL_FILE, status.modelFile);
}

/** Whether this browser can run it at all and knows a model file to load. */
export const possible = () => typeof WebAssembly === 'object' && typeof Worker === 'function' && !!localStorage.getItem(MODEL_FILE);

/** The device's last answer took at most QUICK_MS. */
export const quick = () => { const ms = Number(localStorage.getItem(MILLIS)); return ms > 0 && ms <= QUICK_MS; };
/** Whether the device's speed was ever measured. */
export const measured = () => localStorage.getItem(MILLIS) !== null;

let worker = null, next = 0;
const waiting = new Map();

function ask(message) {
  if (!worker) {
    worker = new Worker('/js/robojam-worker.js');
    worker.onmessage = ({ data }) => {
      const pending = waiting.get(data.id);
      waiting.delete(data.id);
      if (data.error) pending.reject(new Error(data.error)); else pending.resolve(data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      for (const pending of waiting.values()) pending.reject(new Error(event.message || 'RoboJam could not start on this device'));
      waiting.clear();
      worker = null;
    };
  }
  const id = ++next;
  return new Promise((resolve, reject) => { waiting.set(id, { resolve, reject }); worker.postMessage({ id, ...message }); });
}

/** RoboJam's answer from this device: {touches: CSV, model, millis}. The model is loaded on first use. */
export async function answer(call, seed) {
  if (!possible()) throw new Error('RoboJam has not been loaded on this device yet: connect once to fetch it');
  await ask({ load: localStorage.getItem(MODEL_FILE) });
  const result = await ask({ call, seed });
  localStorage.setItem(MILLIS, String(Math.round(result.millis)));
  return result;
}
