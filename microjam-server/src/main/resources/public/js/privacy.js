// The privacy policy, from the one source the server serves (/api/privacy), with its date and changes.
import * as api from './api.js';
import { el, screen } from './ui.js';

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
