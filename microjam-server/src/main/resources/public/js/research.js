// Research: the anonymous RoboJam statistics, the current instrument comparison's plots, and RoboJam's speed here.
import * as api from './api.js';
import { el, screen } from './ui.js';
import { speedSection } from './robojam-speed.js';

const PLOTS = ['touches', 'touches_per_second', 'fraction_moving', 'spatial_spread'];

export async function showResearch() {
  const main = screen('Research',
    el('p', { class: 'hint', text: 'Anonymous statistics only: no performer, no content. Data: ' },
      el('a', { href: '/api/research/robojam-stats?format=csv' }, 'RoboJam statistics (CSV)'), '.'),
    el('h2', { text: 'RoboJam requests' }), el('div', { id: 'robojam-stats' }, el('p', { class: 'hint', text: 'Loading…' })),
    el('h2', { text: 'Do performances differ by instrument?' }), el('div', { id: 'report' }), speedSection());
  try {
    const { rows } = await api.get('/api/research/robojam-stats');
    const table = el('table', { class: 'stats' }, el('tr', {}, ['day', 'instrument', 'model', 'requests', 'mean call', 'mean response'].map((h) => el('th', { text: h }))),
      rows.map((r) => el('tr', {}, [r.day, r.instrument, r.model, r.requests, r.meanCallTouches.toFixed(1), r.meanResponseTouches.toFixed(1)].map((v) => el('td', { text: String(v) })))));
    main.querySelector('#robojam-stats').replaceChildren(rows.length ? table : el('p', { class: 'hint', text: 'No RoboJam requests yet.' }));
  } catch (error) {
    main.querySelector('#robojam-stats').replaceChildren(el('p', { class: 'hint', text: error.message }));
  }
  const report = main.querySelector('#report');
  const probe = await fetch('/research-report/index.html', { method: 'HEAD' }).catch(() => null);
  if (!probe || !probe.ok) {
    // Also after a performance it was built from is deleted: the server withdraws that report.
    report.append(el('p', { class: 'hint', text: 'No current report: rebuild it with `microjam research compare` on the server.' }));
    return;
  }
  report.append(el('p', {}, el('a', { href: '/research-report/index.html', id: 'report-link' }, 'The latest full report'), ' (tables, all plots, CSV).'),
    // A report whose every instrument group is too small to show has no box plots.
    ...PLOTS.map((f) => el('img', { src: `/research-report/boxplot-${f}.png`, alt: `${f} by instrument`, class: 'plot', onerror: (e) => e.target.remove() })));
}
