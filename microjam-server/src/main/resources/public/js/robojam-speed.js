// How fast RoboJam answers on this device, beside the server (Research screen): the same made-up call (a
// circle, not anyone's playing) answered ROUNDS times in this browser's worker and ROUNDS times by the server,
// with the download sizes of the compiled core and the model. Nothing is kept; the server counts its answers
// in its anonymous statistics like any other RoboJam request.
import * as api from './api.js';
import * as csv from './csv.js';
import * as device from './robojam-device.js';
import { el } from './ui.js';

const ROUNDS = 5;
const CIRCLE = csv.write(Array.from({ length: 40 }, (_, i) => ({ time: i * 0.1, x: 0.5 + 0.3 * Math.cos(i / 6), y: 0.5 + 0.3 * Math.sin(i / 6), z: 20, moving: i > 0 })));

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const kilobytes = (n) => `${Math.round(n / 1024).toLocaleString('en')} KB`;

export function speedSection() {
  const out = el('div', { id: 'robojam-speed' });
  const bar = el('progress', { max: String(2 * ROUNDS), value: '0', hidden: true, 'aria-label': 'Measuring RoboJam' });
  const eta = el('span', { class: 'hint', id: 'robojam-speed-eta' });
  const button = el('button', { id: 'robojam-speed-start', onclick: () => measure(out, bar, eta, button) }, 'Measure');
  return el('section', {}, el('h2', { text: 'RoboJam on this device' }),
    el('p', { class: 'hint', text: `Answers a made-up call ${ROUNDS} times here and ${ROUNDS} times on the server, and compares.` }),
    el('div', { class: 'row' }, button, bar, eta), out);
}

async function measure(out, bar, eta, button) {
  button.disabled = true;
  bar.hidden = false;
  const started = performance.now();
  let done = 0;
  const step = () => {
    bar.value = ++done;
    const left = (performance.now() - started) / done * (2 * ROUNDS - done);
    eta.textContent = done < 2 * ROUNDS ? `about ${Math.ceil(left / 1000)} s left` : '';
  };
  try {
    const status = await api.get('/api/robojam');
    if (!status.available) throw new Error(status.reason);
    device.remember(status);
    const here = [], server = [], trips = [];
    for (let i = 0; i < ROUNDS; i++) { here.push((await device.answer(CIRCLE, i + 1)).millis); step(); }
    for (let i = 0; i < ROUNDS; i++) {
      const t = performance.now();
      server.push((await api.post('/api/robojam', { touches: CIRCLE, seed: i + 1 })).millis);
      trips.push(performance.now() - t);
      step();
    }
    const core = (await (await fetch('/robojam/robojam.wasm')).arrayBuffer()).byteLength;
    out.replaceChildren(el('table', { class: 'stats' },
      el('tr', {}, ['where', 'median ms an answer', 'first', 'answers'].map((h) => el('th', { text: h }))),
      el('tr', { id: 'speed-device' }, ['this device', median(here.slice(1)).toFixed(0), here[0].toFixed(0), ROUNDS].map((v) => el('td', { text: String(v) }))),
      el('tr', { id: 'speed-server' }, ['the server', median(server.slice(1)).toFixed(0), server[0].toFixed(0), ROUNDS].map((v) => el('td', { text: String(v) }))),
      el('tr', {}, ['the server, with the network', median(trips.slice(1)).toFixed(0), trips[0].toFixed(0), ROUNDS].map((v) => el('td', { text: String(v) })))),
    el('p', { class: 'hint', text: `Model ${status.model} (${status.sampling.candidates} candidates an answer). Downloaded once and kept for offline: `
      + `the compiled RoboJam core ${kilobytes(core)}, the model ${kilobytes(status.modelFileBytes)}. `
      + `This device reports ${navigator.hardwareConcurrency || 'an unknown number of'} cores.` }));
  } catch (error) {
    out.replaceChildren(el('p', { class: 'hint', text: `Could not measure: ${error.message}` }));
  } finally {
    button.disabled = false;
    bar.hidden = true;
    eta.textContent = '';
  }
}
