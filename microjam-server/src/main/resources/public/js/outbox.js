// Publishing that waits for the network: a jam published offline is kept on this device (localStorage) and sent
// when the connection returns. Only what the performer chose to publish is kept, and only until it is sent.
import * as api from './api.js';
import { toast, count } from './ui.js';

const OUTBOX = 'microjam.outbox';
/** While jams wait and no online event comes (the network is up but the server was not), try again this often. */
const RETRY_MS = 15000;

const waiting = () => JSON.parse(localStorage.getItem(OUTBOX) || '[]');
const save = (list) => { if (list.length) localStorage.setItem(OUTBOX, JSON.stringify(list)); else localStorage.removeItem(OUTBOX); show(); };

/**
 * Publishes a jam: { performance } (the POST /api/performances body) or { replyTo } when only RoboJam's answer is
 * kept, and { robo } (the POST /api/robojam/keep body without replyTo) when the performer keeps RoboJam's answer.
 * Throws api.OfflineError, with the part not yet sent kept on the device, when the network is away.
 */
export async function publish(jam) {
  try {
    await send(jam);
  } catch (error) {
    if (!(error instanceof PartlySent) || !(error.cause instanceof api.OfflineError)) throw error.cause || error;
    save([...waiting(), error.rest]);
    throw error.cause;
  }
}

class PartlySent extends Error {
  constructor(rest, cause) {
    super(cause.message, { cause });
    this.rest = rest;
  }
}

async function send(jam) {
  let replyTo = jam.replyTo;
  if (jam.performance) {
    try {
      replyTo = (await api.post('/api/performances', jam.performance, { auth: true })).id;
    } catch (error) {
      throw new PartlySent(jam, error);
    }
  }
  if (jam.robo && replyTo) {
    try {
      await api.post('/api/robojam/keep', { ...jam.robo, replyTo }, { auth: true });
    } catch (error) {
      throw new PartlySent({ replyTo, robo: jam.robo }, error); // the take is out: only the answer waits
    }
  }
}

let sending = false;
/** Sends the jams that wait, oldest first; stops at the first that cannot go yet. */
export async function flush() {
  if (sending || !waiting().length || !api.token()) return;
  sending = true;
  let sent = 0;
  try {
    while (waiting().length) {
      try {
        await send(waiting()[0]);
        sent++;
        save(waiting().slice(1));
      } catch (error) {
        const cause = error.cause;
        // The network, a changed policy, or a temporary refusal (a rate limit, a busy or failing server): try again later.
        const later = cause instanceof api.OfflineError || cause.field === 'acceptedPolicy' || !(cause instanceof api.ApiError)
          || cause.status === 408 || cause.status === 429 || cause.status >= 500;
        if (later) {
          save([error.rest, ...waiting().slice(1)]); // what is not sent yet waits
          if (cause.field === 'acceptedPolicy') window.dispatchEvent(new Event('microjam:policy-changed'));
          break;
        }
        // Refused for good (its parent was deleted, a limit): say so rather than try for ever.
        toast(`A jam made offline could not be published: ${cause.message}`);
        save(waiting().slice(1));
      }
    }
  } finally {
    sending = false;
  }
  if (sent) toast(`Back online: ${count(sent, 'jam')} made offline ${sent === 1 ? 'was' : 'were'} published.`);
}

/** The line that says how many jams wait for the network. */
export function show() {
  const box = document.getElementById('outbox');
  if (!box) return;
  const n = waiting().length;
  box.hidden = n === 0;
  box.textContent = n ? `${count(n, 'jam')} ${n === 1 ? 'waits' : 'wait'} on this device, to be published when you are back online.` : '';
}

export function start() {
  show();
  window.addEventListener('online', flush);
  // Jams kept for a performer who deleted their account or signed out are theirs: never sent as someone else.
  window.addEventListener('microjam:signed-out', () => save([]));
  setInterval(() => { if (waiting().length) flush(); }, RETRY_MS);
  flush();
}
