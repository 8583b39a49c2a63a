// MicroJam in the browser: screens by URL hash, audio unlocked on the first gesture, offline support.
import { showJam, leaveJam } from './jam.js';
import { showWorld, showThread, stopWorld } from './world.js';
import { showProfile } from './profile.js';
import { showPrivacy } from './privacy.js';
import { unlock } from './audio.js';

const routes = {
  jam: () => showJam(),
  world: () => showWorld(),
  profile: () => showProfile(),
  privacy: () => showPrivacy(),
  thread: (id) => showThread(id),
};

function route() {
  const [name, argument] = (location.hash.replace(/^#\/?/, '') || 'jam').split('/');
  leaveJam();
  stopWorld();
  const show = routes[name] || routes.jam;
  document.querySelectorAll('[data-nav]').forEach((a) => a.toggleAttribute('aria-current', a.dataset.nav === name));
  document.querySelectorAll('[data-nav]').forEach((a) => { if (a.dataset.nav === name) a.setAttribute('aria-current', 'page'); });
  show(argument);
}

window.addEventListener('hashchange', route);
window.addEventListener('pointerdown', () => unlock(), { once: true, capture: true });
route();

if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => { /* offline support is a bonus */ });
