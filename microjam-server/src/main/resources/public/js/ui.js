// Small DOM helpers: every user text goes in through textContent, never as HTML.
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'text') node.textContent = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

// An avatar keeps its URL when it changes, and a page reuses the image it loaded for a URL: so avatar URLs
// carry the time of the last avatar change made in this browser, and a change shows at once.
const AVATAR_VERSION = 'microjam.avatarVersion';
export const avatarSrc = (url) => `${url}?v=${localStorage.getItem(AVATAR_VERSION) || 0}`;
export const avatarChanged = () => localStorage.setItem(AVATAR_VERSION, String(Date.now()));

/** "1 layer", "2 layers". */
export const count = (n, one, many = one + 's') => `${n} ${n === 1 ? one : many}`;

// The journey tests read the app's state through window.microjam; a page gets it only when the test
// browser set window.microjamTestHooks before any script ran (Chromium's driver can), or put
// microjam.testHooks in this tab's sessionStorage and reloaded (WebKit's driver cannot run a script first).
// People's browsers have neither unless they put it there themselves; it exposes nothing of anyone else.
const testHooks = !!window.microjamTestHooks || sessionStorage.getItem('microjam.testHooks') === '1';
if (testHooks && !window.microjamErrors) {
  // What went wrong on the page, for engines whose driver does not hand over the console (WebKit's).
  window.microjamErrors = [];
  addEventListener('error', (e) => window.microjamErrors.push(String(e.message || e)));
  addEventListener('unhandledrejection', (e) => window.microjamErrors.push('unhandled rejection: ' + String(e.reason && (e.reason.stack || e.reason))));
  const consoleError = console.error.bind(console);
  console.error = (...args) => { window.microjamErrors.push(args.map(String).join(' ')); consoleError(...args); };
}

export function expose(values) {
  if (testHooks) window.microjam = Object.assign(window.microjam || {}, values);
}

export function toast(message) {
  const box = document.getElementById('toast');
  box.textContent = message;
  box.classList.add('show');
  clearTimeout(box.timer);
  box.timer = setTimeout(() => box.classList.remove('show'), 3500);
}

export function timeAgo(iso) {
  const seconds = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
  for (const [unit, size] of [['day', 86400], ['hour', 3600], ['minute', 60]]) {
    if (seconds >= size) { const n = Math.floor(seconds / size); return `${n} ${unit}${n > 1 ? 's' : ''} ago`; }
  }
  return 'just now';
}

export function screen(title, ...children) {
  const main = document.getElementById('screen');
  main.replaceChildren(el('h1', { text: title }), ...children);
  return main;
}
