// MicroJam in the browser: screens by URL hash, audio unlocked on the first gesture, offline support.
import { showJam, leaveJam } from './jam.js';
import { showWorld, showThread, showPerformer, stopWorld, stopFeed } from './world.js';
import { showProfile } from './profile.js';
import { showPrivacy, newerVersion } from './privacy.js';
import { showResearch } from './research.js';
import { unlockOnGestures } from './audio.js';
import * as api from './api.js';
import * as outbox from './outbox.js';
import { el } from './ui.js';
import { ROBOJAM } from './facts.js';

// RoboJam's colours come from the server's one source (microjam.robojam.RoboJam) for the style sheet too.
document.documentElement.style.setProperty('--robo', ROBOJAM.colour);
document.documentElement.style.setProperty('--robo-bg', ROBOJAM.background);

const routes = {
  jam: () => showJam(),
  world: () => showWorld(),
  profile: () => showProfile(),
  privacy: () => showPrivacy(),
  research: () => showResearch(),
  thread: (id) => showThread(id),
  performer: (id) => showPerformer(id),
};

function route() {
  const [name, argument] = (location.hash.replace(/^#\/?/, '') || 'jam').split('/');
  leaveJam();
  stopWorld();
  stopFeed();
  const show = routes[name] || routes.jam;
  document.querySelectorAll('[data-nav]').forEach((a) => {
    if (a.dataset.nav === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  show(argument);
}

// A returning performer whose accepted policy is older than the current one sees what changed.
async function checkPolicy() {
  if (!api.token()) return;
  try {
    const [me, policy] = await Promise.all([api.get('/api/me', { auth: true }), api.get('/api/privacy')]);
    if (me.policyVersion === policy.version) return;
    const changes = policy.changes.filter((c) => !me.policyVersion || newerVersion(c.version, me.policyVersion));
    const box = el('section', { class: 'card policy-update', id: 'policy-update', role: 'dialog', 'aria-label': 'The privacy policy changed' },
      el('h2', { text: `The privacy policy changed (version ${policy.version})` }),
      el('ul', {}, changes.map((c) => el('li', { text: `${c.version} (${c.date}): ${c.summary}` }))),
      el('div', { class: 'row' }, el('a', { class: 'button', href: '#/privacy' }, 'Read it'),
        el('button', { class: 'primary', id: 'accept-policy', onclick: async () => {
          await api.request('PUT', '/api/me', { acceptedPolicy: policy.version }, { auth: true });
          box.remove();
        } }, 'Accept')));
    document.body.insertBefore(box, document.getElementById('screen'));
  } catch { /* offline: ask next time */ }
}

// Offline, the screens show what this device saw before (the service worker kept it), and say so.
const offlineLine = document.getElementById('offline');
window.addEventListener('microjam:network', (e) => { offlineLine.hidden = e.detail.online; });
window.addEventListener('offline', () => { offlineLine.hidden = false; });
window.addEventListener('online', () => { offlineLine.hidden = true; });
offlineLine.hidden = navigator.onLine;
outbox.start();

window.addEventListener('hashchange', route);
window.addEventListener('microjam:policy-changed', () => { if (!document.getElementById('policy-update')) checkPolicy(); });
checkPolicy();
// Sound starts on the first gesture that browsers allow; if one did not start it, a banner says so until it runs.
const soundLine = document.getElementById('sound-blocked');
unlockOnGestures((state) => { soundLine.hidden = state !== 'blocked'; document.body.dataset.sound = state; });
route();

if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => { /* offline support is a bonus */ });
