// The privacy policy, from the one source the server serves (/api/privacy), with its date and changes.
import * as api from './api.js';
import { el, screen } from './ui.js';

/** Whether policy version a comes after b: dotted numbers, compared part by part ("1.10" comes after "1.9"). */
export function newerVersion(a, b) {
  const x = a.split('.').map(Number), y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const difference = (x[i] || 0) - (y[i] || 0);
    if (difference) return difference > 0;
  }
  return false;
}

export async function showPrivacy() {
  try {
    const policy = await api.get('/api/privacy');
    screen('Privacy',
      el('p', { class: 'hint', id: 'policy-version', text: `Version ${policy.version}, ${policy.date}` }),
      el('div', { class: 'policy' }, policy.sections.map((s) => el('section', {}, el('h2', { text: s.title }), ...s.paragraphs.map((p) => el('p', { text: p }))))),
      el('h2', { text: 'Changes' }),
      el('ul', {}, policy.changes.map((c) => el('li', { text: `${c.version} (${c.date}): ${c.summary}` }))));
  } catch (error) {
    screen('Privacy', el('p', { class: 'hint', text: `The policy cannot be loaded offline: ${error.message}` }));
  }
}
