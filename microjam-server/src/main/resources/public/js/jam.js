// The Jam screen: a square that records five seconds of touches from the first touch, plays them back
// with the layers it replies to, a mixer, RoboJam, and publishing. Nothing leaves the device until
// the performer publishes.
import { audioContext, unlock, latency, audioTimeOf } from './audio.js';
import { play } from './instruments.js';
import { INSTRUMENTS, ROBOJAM } from './facts.js';
import { Player, CYCLE } from './player.js';
import { Trails } from './draw.js';
import { render, wav, download } from './render.js';
import * as api from './api.js';
import * as csv from './csv.js';
import * as outbox from './outbox.js';
import * as device from './robojam-device.js';
import { el, screen, toast, count, expose } from './ui.js';

const LIMIT = CYCLE, MAX_TOUCHES = 2000;
/** The length of the progress ring's circle (r = 19): its dash offset runs from this (nothing) to 0 (a whole cycle). */
const RING = 119.4;
/** The original's dark square, for a performer without a background colour of their own. */
const DEFAULT_BACKGROUND = '#000000';

// The jam in progress survives moving between screens (but never leaves the device unpublished).
export const jam = { parents: [], recording: null, robo: null, instrument: localStorage.getItem('microjam.instrument') || 'chirp', colour: '#e6e0ff', background: undefined, loop: true };
let view = null;

export function replyTo(performance) {
  jam.parents = performance.layers.map((l) => ({ id: l.id, label: l.stageName, instrument: l.instrument, colour: l.colour,
    background: l.background, touches: csv.read(l.touches), volume: 1, muted: false }));
  jam.recording = null;
  jam.robo = null;
}

function layers() {
  const list = [];
  if (jam.recording) list.push({ key: 'mine', label: 'Your recording', ...jam.recording });
  jam.parents.forEach((p, i) => list.push({ key: 'parent' + i, ...p }));
  if (jam.robo) list.push({ key: 'robo', label: 'RoboJam (AI)', ...jam.robo });
  return list;
}

export async function showJam() {
  const canvas = el('canvas', { class: 'square', role: 'img', 'aria-label': 'Performance square: touch to play, the first touch records five seconds' });
  const ring = el('div', { class: 'ring', 'aria-hidden': 'true' });
  ring.innerHTML = `<svg viewBox="0 0 44 44"><circle cx="22" cy="22" r="19" fill="none" stroke="#333" stroke-width="4"/><circle class="progress" cx="22" cy="22" r="19" fill="none" stroke="${ROBOJAM.colour}" stroke-width="4" stroke-dasharray="${RING}" stroke-dashoffset="${RING}" transform="rotate(-90 22 22)"/></svg>`;
  const status = el('p', { class: 'status', id: 'jam-status', 'aria-live': 'polite' });
  const title = jam.parents.length ? `Reply to ${jam.parents[0].label}` : 'Jam';
  // The original's plain set in view (rewind, play, loop, RoboJam, publish); the rest one tap away under "More".
  // On a wide screen the controls sit beside the square (app.css: .jam-layout).
  const main = screen(title, el('div', { class: 'jam-layout' },
    el('div', { class: 'square-wrap' }, canvas, ring),
    el('div', { class: 'jam-side' }, status,
      el('div', { class: 'row', id: 'jam-controls' }), el('div', { class: 'row', id: 'robojam-controls' }),
      el('div', { class: 'row ask', id: 'discard-ask', role: 'alertdialog', 'aria-label': 'Discard this jam?', hidden: true }),
      el('details', { id: 'more' }, el('summary', {}, 'More'), el('div', { class: 'row', id: 'more-controls' })),
      el('h2', { text: 'Mixer' }), el('div', { class: 'mixer', id: 'mixer' }),
      el('details', { id: 'diagnostics', ontoggle: showLatency }, el('summary', {}, 'About this device\'s audio'), el('p', { id: 'latency', class: 'hint' })))));
  view = { canvas, ring: ring.querySelector('.progress'), status, main, trails: new Trails(canvas), player: null, recordingState: null, recordingFinger: null,
    roboStatus: null }; // RoboJam's status, asked once a visit to this screen (renderRoboControls)
  paintGround();
  expose({ jam, view });
  attachRecorder(canvas);
  await loadProfile();
  if (!onScreen()) return; // the performer moved on while the profile loaded
  paintGround();
  renderControls();
  renderMixer();
  describe();
}

// The performer's colours: their touches are drawn in one, a new jam's square in the other (as in the original).
async function loadProfile() {
  if (!api.token()) return;
  try {
    const me = await api.get('/api/me', { auth: true });
    jam.colour = me.colour;
    jam.background = me.background;
  } catch { /* offline or signed out: keep the defaults */ }
}

// What the square shows under the live trails, as the original did: a reply's layers already there, each in its
// performer's colour, over the oldest layer's background (the jam's square); a new jam on the performer's own
// background; and the take, once recorded.
function paintGround() {
  const background = (jam.parents.length ? jam.parents.at(-1).background : jam.background) || DEFAULT_BACKGROUND;
  const stills = jam.parents.toReversed(); // the server lists the jam newest first; the oldest is drawn first
  if (jam.recording) stills.push(jam.recording);
  view.trails.setGround(background, stills);
}

/** Whether the Jam screen is still shown: answers that arrive after the performer left change nothing. */
const onScreen = () => view !== null && view.canvas.isConnected;

function describe(message) {
  if (!onScreen()) return;
  const r = jam.recording;
  view.status.textContent = message || (r ? `Recorded ${count(r.touches.length, 'touch', 'touches')} (${r.touches.at(-1).time.toFixed(1)} s). Play it, record again or publish.`
    : 'Armed: your first touch starts a five-second recording.');
  view.main.dataset.state = view.recordingState === 'recording' ? 'recording' : view.player?.playing ? 'playing' : 'idle';
}

// --- recording ---
// One finger records, as in the original app: the CSV has no finger id, so two fingers stored together
// would read as one stroke jumping between them. The finger that touches down when none is recording
// records until it lifts; other fingers sound and draw but are not stored.
function attachRecorder(canvas) {
  const gestures = new Map();
  const live = () => {
    const ctx = audioContext();
    if (!view.liveGain) { view.liveGain = new GainNode(ctx, { gain: 1 }); view.liveGain.connect(ctx.microjamOut); }
    return view.liveGain;
  };
  const touchOf = (event, moving, at) => {
    const box = canvas.getBoundingClientRect();
    const x = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
    const y = Math.min(1, Math.max(0, (event.clientY - box.top) / box.height));
    const z = event.width > 1 ? event.width / 2 : event.pressure > 0 && event.pressure !== 0.5 ? event.pressure * 50 : 20;
    // Jam time is audio-clock time since the first touch: see startRecording.
    const time = view.recordingState === 'recording' ? at - view.takeStart : 0;
    return { time: Math.min(LIMIT, Math.max(0, time)), x, y, z, moving };
  };
  const handle = (event, moving) => {
    const ctx = unlock();
    const at = audioTimeOf(ctx, event); // read once: the audio clock moves in steps of one audio buffer
    if (!moving && !jam.recording && view.recordingState !== 'recording') startRecording(ctx, at);
    const touch = touchOf(event, moving, at);
    const gesture = gestures.get(event.pointerId) || {};
    gestures.set(event.pointerId, gesture);
    play(ctx, live(), jam.instrument, touch, ctx.currentTime, gesture);
    view.trails.touch('live' + event.pointerId, touch, jam.colour);
    if (!moving && view.recordingFinger === null) view.recordingFinger = event.pointerId;
    if (view.recordingState === 'recording' && event.pointerId === view.recordingFinger && view.taken.length < MAX_TOUCHES) {
      // The audio clock moves in buffer-sized steps while event ages are finer, so a later event can read an
      // earlier time: a take's times never decrease (the CSV's rule; the server refuses a take that breaks it).
      const last = view.taken[view.taken.length - 1];
      view.taken.push(last && touch.time < last.time ? { ...touch, time: last.time } : touch);
    }
  };
  canvas.addEventListener('pointerdown', (e) => {
    e.preventDefault();
    try { canvas.setPointerCapture(e.pointerId); } catch { /* the pointer is already gone: nothing to capture */ }
    handle(e, false);
  });
  canvas.addEventListener('pointermove', (e) => { if (e.buttons || e.pointerType === 'touch' && gestures.has(e.pointerId)) handle(e, true); });
  const end = (e) => {
    gestures.delete(e.pointerId);
    if (e.pointerId === view.recordingFinger) view.recordingFinger = null;
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  canvas.addEventListener('lostpointercapture', end);
}

// The first touch is t = 0 of the take, on the audio clock. The performer plays along to what reaches the
// ears, which is the audio clock less the output latency: so the backing layers start that much earlier
// (their t = 0 is heard with the first touch), and every touch's time, read on the audio clock, then lines
// up with the notes it was played against. The take and the backing last one cycle.
/** Seconds past a take's five on the page's clock after which it ends even if the audio clock has not reached them. */
const STALLED_CLOCK_GRACE = 1;

function startRecording(ctx, at) {
  view.recordingState = 'recording';
  view.recordingFinger = null; // the finger that starts the take records it
  view.takeStart = at;
  view.taken = [];
  const take = view.take = (view.take || 0) + 1; // a take rewound and started again has a new number
  const rewindButton = view.main.querySelector('#rewind');
  if (rewindButton) rewindButton.disabled = false;
  const backing = layers().filter((l) => l.key !== 'mine');
  if (backing.length) startPlayer(backing, false, 0, view.takeStart - latency(ctx).total);
  showLatency();
  // Where sound could not start, the audio clock stands still: the take still ends after its five seconds
  // on the page's clock (a little later than on the audio clock, which may start late), so nobody is stuck
  // in "Recording…" (the banner says why there is no sound).
  const wallStart = performance.now();
  const tick = () => {
    if (take !== view.take || view.recordingState !== 'recording') return;
    const elapsed = ctx.currentTime - view.takeStart;
    view.ring.setAttribute('stroke-dashoffset', String(RING * (1 - Math.min(1, elapsed / LIMIT))));
    if (elapsed >= LIMIT || performance.now() - wallStart > (LIMIT + STALLED_CLOCK_GRACE) * 1000) return stopRecording();
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  describe('Recording… five seconds from your first touch.');
}

function stopRecording() {
  view.recordingState = null;
  view.ring.setAttribute('stroke-dashoffset', String(RING));
  if (view.player) view.player.stop();
  const touches = view.taken.map((t, i) => ({ ...t, moving: i === 0 ? false : t.moving }));
  jam.recording = touches.length ? { instrument: jam.instrument, colour: jam.colour, touches, volume: 1, muted: false } : null;
  paintGround();
  renderControls();
  renderMixer();
  describe();
}

// --- playback ---
function startPlayer(list, loop, delay = 0.05, at = undefined) {
  if (view.player) view.player.dispose();
  const ctx = unlock();
  view.player = new Player(ctx, list, {
    loop,
    onTouch: (layer, touch) => view.trails.touch(layer.key, touch, layer.colour),
    onEnd: () => { renderControls(); describe(); },
  });
  expose({ player: view.player });
  view.player.start(delay, at);
  if (view.recordingState !== 'recording') showProgress(view.player);
}

// While a jam plays, the ring shows how far through the cycle it is.
function showProgress(player) {
  const tick = () => {
    if (view?.player !== player || !player.playing || view.recordingState === 'recording') {
      if (view && view.recordingState !== 'recording') view.ring.setAttribute('stroke-dashoffset', String(RING));
      return;
    }
    const through = Math.min(1, Math.max(0, player.position() / CYCLE));
    view.ring.setAttribute('stroke-dashoffset', String(RING * (1 - through)));
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

function togglePlay() {
  if (view.player?.playing) view.player.stop();
  else if (layers().length) startPlayer(layers(), jam.loop);
  renderControls();
  describe();
}

// --- controls ---
function renderControls() {
  if (!onScreen()) return;
  const playing = view.player?.playing;
  const has = layers().length > 0;
  const controls = view.main.querySelector('#jam-controls');
  controls.replaceChildren(
    el('button', { id: 'rewind', disabled: !jam.recording && view.recordingState !== 'recording', onclick: rewind }, 'Rewind'),
    el('button', { id: 'play', onclick: togglePlay, disabled: !has, 'aria-pressed': playing ? 'true' : 'false' }, playing ? 'Stop' : 'Play'),
    el('button', { id: 'loop', 'aria-pressed': String(jam.loop), onclick: () => { jam.loop = !jam.loop; renderControls(); } }, jam.loop ? 'Loop: on' : 'Loop: off'),
    el('button', { id: 'publish', class: 'primary', disabled: !jam.recording && !jam.robo, onclick: publish }, 'Publish'));
  view.main.querySelector('#more-controls').replaceChildren(
    el('label', { class: 'sr-only', for: 'instrument' }, 'Instrument'),
    instrumentSelect('instrument', jam.instrument, (value) => { jam.instrument = value; localStorage.setItem('microjam.instrument', value); if (jam.recording) jam.recording.instrument = value; }),
    el('button', { id: 'wav', disabled: !has, onclick: downloadWav }, 'Download WAV'),
    el('button', { id: 'discard', disabled: !has && view.recordingState !== 'recording', onclick: askDiscard }, 'Discard'),
    el('label', { for: 'robojam-where' }, 'RoboJam answers'),
    el('select', { id: 'robojam-where', onchange: (e) => { device.setWhere(e.target.value); renderRoboControls(); } },
      el('option', { value: 'auto', selected: device.where() === 'auto' }, 'where it is quicker: the server or this device'),
      el('option', { value: 'device', selected: device.where() === 'device' }, 'on this device only: your call never leaves it')));
  renderRoboControls();
}

// Rewind, as in the original: the take is gone and the square is armed again; in the middle of a take, the
// touches so far go and the next touch starts a new one.
function rewind() {
  if (view.recordingState === 'recording') {
    view.recordingState = null;
    view.taken = [];
    view.take++; // the take's ring and timer stop
    view.ring.setAttribute('stroke-dashoffset', String(RING));
  }
  jam.recording = null;
  stopAll();
}

// Discard throws away the take, RoboJam's answer and the jam replied to: it asks first.
function askDiscard() {
  const ask = view.main.querySelector('#discard-ask');
  const what = jam.parents.length ? 'your take and the jam you reply to' : 'your take';
  ask.replaceChildren(el('span', { text: `Discard ${what}?` }),
    el('button', { id: 'discard-confirm', onclick: () => { jam.parents = []; jam.recording = null; jam.robo = null; stopAll(); showJam(); } }, 'Discard'),
    el('button', { id: 'discard-cancel', onclick: () => { ask.hidden = true; } }, 'Keep'));
  ask.hidden = false;
}

function stopAll() {
  if (view.player) view.player.stop();
  paintGround();
  renderControls();
  renderMixer();
  describe();
}

// The latency taken off every recorded touch, shown so that people with Bluetooth headphones can see it.
function showLatency() {
  const box = view.main.querySelector('#latency');
  if (!box) return;
  const ctx = audioContext();
  const { base, output, total } = latency(ctx);
  const ms = (seconds) => `${Math.round(seconds * 1000)} ms`;
  box.textContent = output === null && ctx.state !== 'running'
    ? 'Sound has not started yet: the output latency is known once it plays (tap the square or Play).'
    : output === null
    ? `This browser does not report its output latency (outputLatency): only its base latency, ${ms(base)}, is taken off your touches, so replies may land a little late over Bluetooth.`
    : `Output latency: ${ms(total)} (base ${ms(base)} + output ${ms(output)}), taken off your touches so they line up with what you heard.`;
}

export function instrumentSelect(id, value, onchange, exclude) {
  return el('select', { id, 'aria-label': 'Instrument', onchange: (e) => onchange(e.target.value) },
    INSTRUMENTS.filter((i) => i !== exclude).map((name) => el('option', { value: name, selected: name === value }, name)));
}

function renderMixer() {
  if (!onScreen()) return;
  const mixer = view.main.querySelector('#mixer');
  const list = layers();
  if (!list.length) { mixer.replaceChildren(el('p', { class: 'hint', text: 'Layers appear here: your recording, the performances you reply to, RoboJam.' })); return; }
  mixer.replaceChildren(...list.map((layer, index) => {
    const source = layer.key === 'mine' ? jam.recording : layer.key === 'robo' ? jam.robo : jam.parents[Number(layer.key.slice(6))];
    const update = () => { if (view.player) view.player.setVolume(index, source.volume, source.muted); };
    return el('div', { class: 'layer', dataset: { layer: layer.key } },
      el('span', {}, el('span', { class: 'swatch', style: null, 'data-colour': layer.colour }), el('span', { class: layer.key === 'robo' ? 'robo' : '', text: `${layer.label} · ${layer.instrument}` })),
      el('label', { class: 'check' }, el('input', { type: 'checkbox', class: 'mute', checked: source.muted, 'aria-label': `Mute ${layer.label}`,
        onchange: (e) => { source.muted = e.target.checked; update(); } }), 'Mute'),
      el('input', { type: 'range', min: '0', max: '1', step: '0.05', value: String(source.volume), 'aria-label': `Volume of ${layer.label}`,
        oninput: (e) => { source.volume = Number(e.target.value); update(); } }));
  }));
  mixer.querySelectorAll('.swatch').forEach((s) => { s.style.background = s.dataset.colour; });
}

// --- RoboJam ---
async function renderRoboControls() {
  const row = view.main.querySelector('#robojam-controls');
  row.setAttribute('aria-busy', 'true'); // until it says whether and where RoboJam can answer
  view.roboStatus ??= api.get('/api/robojam').then((status) => { device.remember(status); return status; },
    () => ({ available: false, reason: 'RoboJam is unavailable offline: it has not been loaded on this device yet.' }));
  let status = await view.roboStatus;
  if (!row.isConnected) return;
  // Offline, or on this device only: RoboJam answers here if this device has its model.
  if (!status.available || device.where() === 'device') {
    const reason = status.available ? 'RoboJam cannot run on this device.' : status.reason || 'RoboJam is unavailable.';
    status = device.possible() ? { available: true } : { available: false, reason };
  }
  if (!status.available) {
    row.replaceChildren(el('button', { id: 'robojam', disabled: true }, 'RoboJam'), el('span', { class: 'hint', id: 'robojam-reason', text: status.reason }));
    row.removeAttribute('aria-busy');
    return;
  }
  const source = layers().filter((l) => l.key !== 'robo');
  const buttons = [el('button', { id: 'robojam', disabled: !source.length, onclick: () => askRoboJam() }, jam.robo ? 'RoboJam: again' : 'RoboJam')];
  if (jam.robo) {
    buttons.push(
      el('label', { class: 'sr-only', for: 'robo-instrument' }, 'RoboJam instrument'),
      instrumentSelect('robo-instrument', jam.robo.instrument, (value) => { jam.robo.instrument = value; renderMixer(); }, jam.instrument),
      el('button', { id: 'robojam-remove', onclick: () => { jam.robo = null; stopAll(); } }, 'Remove RoboJam'),
      el('label', { class: 'check' }, el('input', { type: 'checkbox', id: 'robojam-keep', checked: jam.robo.keep, onchange: (e) => { jam.robo.keep = e.target.checked; } }), 'Keep (published as a reply by RoboJam, the AI)'));
  }
  row.replaceChildren(...buttons);
  row.removeAttribute('aria-busy');
}

async function askRoboJam() {
  const call = csv.write(csv.merge(layers().filter((l) => l.key !== 'robo')));
  const seed = Math.floor(Math.random() * 2 ** 31);
  describe('RoboJam is listening…');
  try {
    // No sampling settings: the server, or this device, samples as the model recommends (microjam.robojam.Sampling),
    // and Keep does the same. An answer made here names its model, so Keep draws it again with that one.
    const answer = await roboAnswer(call, seed);
    const others = INSTRUMENTS.filter((i) => i !== jam.instrument);
    const instrument = jam.robo?.instrument && jam.robo.instrument !== jam.instrument ? jam.robo.instrument : others[Math.floor(Math.random() * others.length)];
    jam.robo = { label: 'RoboJam (AI)', instrument, colour: ROBOJAM.colour, touches: csv.read(answer.touches), call, seed, keep: jam.robo?.keep || false, volume: 1, muted: false,
      model: answer.onDevice ? answer.model : undefined };
    renderControls();
    renderMixer();
    startPlayer(layers(), jam.loop);
    const here = answer.onDevice ? ` on this device in ${(answer.millis / 1000).toFixed(1)} s` : '';
    describe(`RoboJam answered${here} with ${count(jam.robo.touches.length, 'touch', 'touches')} on ${instrument}.`);
  } catch (error) {
    describe(`RoboJam could not answer: ${error.message}`);
  }
}

/**
 * RoboJam's answer, from the server or from this device (robojam-device.js): on this device only when the performer
 * chose so (nothing is sent), else on the device when it is offline or has answered quickly before, else the server,
 * falling back to the device when the network is away. After a first answer from the server, the device answers
 * the same call once in its worker to learn its speed (that answer stays on the device, unused).
 */
async function roboAnswer(call, seed) {
  const onDevice = async () => ({ ...(await device.answer(call, seed)), onDevice: true });
  if (device.where() === 'device' || (device.possible() && (!navigator.onLine || device.quick()))) return onDevice();
  try {
    const answer = await api.post('/api/robojam', { touches: call, seed, instrument: jam.instrument });
    if (device.possible() && !device.measured()) device.answer(call, seed).catch(() => { /* it cannot: the server answers */ });
    return answer;
  } catch (error) {
    if (error instanceof api.OfflineError && device.possible()) return onDevice();
    throw error;
  }
}

// --- publish ---
async function publish() {
  if (!api.token()) {
    toast('Choose a stage name first: your jam waits here.');
    location.hash = '#/profile';
    return;
  }
  const replyTo = jam.parents[0]?.id;
  const made = {
    replyTo,
    performance: jam.recording ? { instrument: jam.recording.instrument, colour: jam.colour, background: jam.background, replyTo,
      touches: csv.write(jam.recording.touches) } : null,
    robo: jam.robo?.keep ? { touches: jam.robo.call, seed: jam.robo.seed, instrument: jam.robo.instrument, model: jam.robo.model } : null,
  };
  try {
    await outbox.publish(made);
    jam.parents = []; jam.recording = null; jam.robo = null;
    if (view.player) view.player.dispose();
    toast('Published to World.');
    location.hash = '#/world';
  } catch (error) {
    if (error instanceof api.OfflineError) {
      // Kept on this device by the outbox, which sends it when the connection returns and says so.
      jam.parents = []; jam.recording = null; jam.robo = null;
      stopAll();
      describe('You are offline: your jam is kept on this device and will be published when you are back online.');
    } else if (error.field === 'acceptedPolicy') {
      // The policy changed since this performer accepted it: show what changed; the jam waits here.
      window.dispatchEvent(new Event('microjam:policy-changed'));
      describe('The privacy policy changed: accept the new version above, then publish again.');
    } else describe(`Not published: ${error.message}`);
  }
}

async function downloadWav() {
  describe('Rendering…');
  const buffer = await render(layers());
  download(wav(buffer), 'microjam.wav');
  describe();
}

export function leaveJam() {
  if (view?.player) view.player.dispose();
  if (view?.recordingState === 'recording') stopRecording();
}
