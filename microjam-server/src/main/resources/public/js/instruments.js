// The nine instruments of the original app, synthesized in Web Audio. Each maps the square musically:
// x to a pentatonic note (pitch.js), y to timbre, a tap (moving 0) to an attack and a swipe to
// continuous control: a sideways drag bends the pitch up to an octave, the distance dragged drives an
// effect, z (touch size) drives vibrato. Drums map the four quadrants to snare, open hi-hat, kick and
// closed hi-hat, and dragging makes rolls. Every voice has an envelope (no clicks).
import { admit, mtof } from './audio.js';
import { note, bend, velocity, drum as drumAt, rollInterval } from './pitch.js';
import { RANGES } from './facts.js';

const REARTICULATE = 0.3;

/** Plays one touch of a layer at an audio-clock time; gesture keeps the layer's current voice. */
export function play(ctx, destination, instrument, touch, time, gesture) {
  if (instrument === 'drums') return drums(ctx, destination, touch, time, gesture);
  const spec = SPECS[instrument] || SPECS.chirp;
  if (!touch.moving || !gesture.voice) {
    gesture.x0 = touch.x; gesture.y0 = touch.y; gesture.articulated = time;
    gesture.note = note(...RANGES[instrument], touch.x);
    gesture.voice = start(ctx, destination, spec, gesture.note, touch, time);
    return;
  }
  const semitones = bend(touch.x, gesture.x0);
  const dragged = Math.min(1, Math.hypot(touch.x - gesture.x0, touch.y - gesture.y0));
  if (spec.retrigger && time - gesture.articulated >= REARTICULATE) {
    gesture.articulated = time;
    gesture.voice = start(ctx, destination, spec, gesture.note + semitones, touch, time);
  } else {
    gesture.voice.move(semitones, touch, dragged, time);
  }
}

function start(ctx, destination, spec, midi, touch, time) {
  const peak = (velocity(touch.y) / 127) * spec.level;
  const amp = new GainNode(ctx, { gain: 0 });
  const filter = new BiquadFilterNode(ctx, { type: spec.filter || 'lowpass', frequency: spec.cutoff(touch.y), Q: spec.q || 0.8 });
  let last = filter;
  if (spec.drive) {
    const shaper = new WaveShaperNode(ctx, { curve: driveCurve(spec.drive) });
    last.connect(shaper); last = shaper;
  }
  if (spec.echo) {
    const delay = new DelayNode(ctx, { delayTime: spec.echo });
    const feedback = new GainNode(ctx, { gain: 0.3 });
    last.connect(delay).connect(feedback).connect(delay);
    feedback.connect(amp);
  }
  last.connect(amp).connect(destination);
  const frequency = mtof(midi);
  const sources = [];
  const vibrato = new OscillatorNode(ctx, { frequency: 5.5 });
  const vibratoDepth = new GainNode(ctx, { gain: Math.min(touch.z / 120, 1) * 35 });
  vibrato.connect(vibratoDepth);
  for (const p of spec.partials) {
    const osc = new OscillatorNode(ctx, { type: p.type, frequency: frequency * p.ratio, detune: p.detune || 0 });
    const gain = new GainNode(ctx, { gain: p.gain });
    osc.connect(gain);
    if (p.formants) formants(ctx, gain, filter, touch.y);
    else gain.connect(filter);
    vibratoDepth.connect(osc.detune);
    if (p.fm) {
      const mod = new OscillatorNode(ctx, { type: 'sine', frequency: frequency * p.fm.ratio });
      const index = new GainNode(ctx, { gain: frequency * p.fm.index });
      index.gain.setValueAtTime(frequency * p.fm.index, time);
      index.gain.setTargetAtTime(frequency * p.fm.index * 0.2, time, p.fm.decay || 0.3);
      mod.connect(index).connect(osc.frequency);
      vibratoDepth.connect(mod.detune);
      sources.push(mod);
    }
    sources.push(osc);
  }
  if (spec.wobble) wobble(ctx, filter, touch.y, time, sources);
  sources.push(vibrato);
  for (const s of sources) s.start(time);
  const g = amp.gain;
  g.setValueAtTime(0, time);
  g.linearRampToValueAtTime(peak, time + spec.attack);
  g.setTargetAtTime(peak * spec.sustain, time + spec.attack, spec.decay);
  const releaseAt = time + spec.attack + spec.hold;
  g.setTargetAtTime(0, releaseAt, spec.release / 4);
  const end = releaseAt + spec.release + 0.05;
  for (const s of sources) s.stop(end);
  const voice = {
    move(semitones, t, dragged, at) {
      for (const s of sources) if (s !== vibrato) s.detune.setTargetAtTime(semitones * 100, at, spec.glide || 0.01);
      filter.frequency.setTargetAtTime(spec.cutoff(t.y, dragged), at, 0.03);
    },
    stop(at, fade) {
      g.cancelScheduledValues(at);
      g.setTargetAtTime(0, at, fade / 3);
      for (const s of sources) { try { s.stop(at + fade * 2); } catch { /* already stopped */ } }
    },
  };
  sources[0].onended = () => voice.onended && voice.onended();
  admit(ctx, voice);
  return voice;
}

// Quack: two vocal formants, moved by y.
// A Q-6 band-pass keeps a narrow slice of the sawtooth: each formant is made up by FORMANT_GAIN (+12 dB),
// or the duck is 15 dB quieter than the other instruments.
const FORMANT_GAIN = 4;

function formants(ctx, source, destination, y) {
  for (const [base, span] of [[300, 500], [900, 1500]]) {
    source.connect(new BiquadFilterNode(ctx, { type: 'bandpass', frequency: base + span * (1 - y), Q: 6 }))
      .connect(new GainNode(ctx, { gain: FORMANT_GAIN })).connect(destination);
  }
}

// Wub: the filter moves with an LFO at 140 BPM, its rate ×1, 1.5, 2, 3 or 4 picked by y.
function wobble(ctx, filter, y, time, sources) {
  const rates = [1, 1.5, 2, 3, 4];
  const lfo = new OscillatorNode(ctx, { frequency: (140 / 60) * rates[Math.min(4, Math.floor((1 - y) * 5))] });
  const depth = new GainNode(ctx, { gain: 900 });
  lfo.connect(depth).connect(filter.frequency);
  sources.push(lfo);
}

function driveCurve(amount) {
  const curve = new Float32Array(1024);
  for (let i = 0; i < curve.length; i++) { const x = (i / 1023) * 2 - 1; curve[i] = Math.tanh(x * amount) / Math.tanh(amount); }
  return curve;
}

// `level` balances the instruments' loudness: all within 3 dB RMS of each other on one reference
// performance (InstrumentsAudioTest measures it).
const SPECS = {
  chirp: { partials: [{ type: 'sine', ratio: 1, gain: 0.7 }, { type: 'sine', ratio: 0.5, gain: 0.5 }], cutoff: (y, d = 0) => 2000 + 6000 * (1 - y) + 4000 * d,
    attack: 0.004, hold: 0.12, decay: 0.08, sustain: 0.4, release: 0.12, level: 0.85, glide: 0.02 },
  keys: { partials: [{ type: 'sine', ratio: 1, gain: 0.8, fm: { ratio: 1, index: 1.5, decay: 0.4 } }, { type: 'sine', ratio: 4, gain: 0.08 }],
    cutoff: (y, d = 0) => 1500 + 5000 * (1 - y) + 3000 * d, attack: 0.003, hold: 0.3, decay: 0.6, sustain: 0.5, release: 0.5, level: 0.33, retrigger: true },
  strings: { partials: [{ type: 'sawtooth', ratio: 1, gain: 0.5 }, { type: 'triangle', ratio: 1, gain: 0.4, detune: 4 }],
    cutoff: (y, d = 0) => 700 + 3500 * (1 - y) + 2000 * d, q: 2, attack: 0.002, hold: 0.05, decay: 0.35, sustain: 0.15, release: 0.9, level: 0.54, retrigger: true, echo: 0.18 },
  quack: { partials: [{ type: 'sawtooth', ratio: 1, gain: 0.6, formants: true }], filter: 'lowpass', cutoff: (y) => 2500 + 2000 * (1 - y),
    attack: 0.01, hold: 0.25, decay: 0.15, sustain: 0.6, release: 0.1 + 0.3 * 0.5, level: 2.2, glide: 0.03 },
  wub: { partials: [{ type: 'sawtooth', ratio: 1, gain: 0.5 }, { type: 'square', ratio: 0.5, gain: 0.35 }], cutoff: () => 1000, q: 6,
    attack: 0.01, hold: 0.45, decay: 0.2, sustain: 0.8, release: 0.15, level: 0.39, glide: 0.06, wobble: true },
  pad: { partials: [{ type: 'sawtooth', ratio: 1, gain: 0.3, detune: -7 }, { type: 'sawtooth', ratio: 1, gain: 0.3, detune: 7 }, { type: 'triangle', ratio: 2, gain: 0.2 }],
    cutoff: (y, d = 0) => 500 + 2500 * (1 - y) + 2500 * d, attack: 0.18, hold: 0.6, decay: 0.5, sustain: 0.8, release: 0.8, level: 0.43, glide: 0.08 },
  fmlead: { partials: [{ type: 'sine', ratio: 1, gain: 0.5, fm: { ratio: 2, index: 3, decay: 1.5 } }, { type: 'sine', ratio: 0.5, gain: 0.35, fm: { ratio: 1, index: 2, decay: 1.5 } }],
    cutoff: (y, d = 0) => 3000 + 6000 * (1 - y) + 3000 * d, attack: 0.01, hold: 0.35, decay: 0.3, sustain: 0.7, release: 0.25, level: 0.39, glide: 0.02 },
  leadguitar: { partials: [{ type: 'sawtooth', ratio: 1, gain: 0.6 }, { type: 'square', ratio: 1, gain: 0.25, detune: 6 }],
    cutoff: (y, d = 0) => 1200 + 3500 * (1 - y) + 2000 * d, q: 1.5, attack: 0.003, hold: 0.25, decay: 0.4, sustain: 0.35, release: 0.6, level: 0.19,
    retrigger: true, drive: 4, echo: 0.24 },
};

const DRUM_LEVEL = 1.4; // as loud as the pitched instruments (see SPECS)

// --- drums: quadrants, rolls that speed up with the distance dragged, sideways drag shifts pitch ---
function drums(ctx, destination, touch, time, gesture) {
  const drum = drumAt(touch.x, touch.y);
  if (!touch.moving) {
    gesture.x0 = touch.x; gesture.y0 = touch.y; gesture.lastHit = time;
    return hit(ctx, destination, drum, touch, time, 0);
  }
  const distance = Math.hypot(touch.x - gesture.x0, touch.y - gesture.y0);
  const interval = rollInterval(distance);
  if (time - gesture.lastHit >= interval) {
    gesture.lastHit = time;
    hit(ctx, destination, drum, touch, time, bend(touch.x, gesture.x0));
  }
}

function hit(ctx, destination, drum, touch, time, semitones) {
  const level = (velocity(touch.y) / 127) * DRUM_LEVEL;
  const shift = 2 ** (semitones / 12);
  const amp = new GainNode(ctx, { gain: 0 });
  amp.connect(destination);
  const sources = [];
  const envelope = (length) => {
    amp.gain.setValueAtTime(0, time);
    amp.gain.linearRampToValueAtTime(level, time + 0.002);
    amp.gain.setTargetAtTime(0, time + 0.003, length / 4);
    return time + length + 0.05;
  };
  let end;
  if (drum === 'kick') {
    const osc = new OscillatorNode(ctx, { type: 'sine', frequency: 150 * shift });
    osc.frequency.setValueAtTime(150 * shift, time);
    osc.frequency.exponentialRampToValueAtTime(45 * shift, time + 0.12);
    osc.connect(amp);
    sources.push(osc);
    end = envelope(0.35);
  } else {
    const noise = new AudioBufferSourceNode(ctx, { buffer: noiseBuffer(ctx), playbackRate: shift });
    const filter = new BiquadFilterNode(ctx, drum === 'snare' ? { type: 'bandpass', frequency: 1800, Q: 0.7 } : { type: 'highpass', frequency: drum === 'openhat' ? 6000 : 8000 });
    noise.connect(filter).connect(amp);
    sources.push(noise);
    if (drum === 'snare') {
      const body = new OscillatorNode(ctx, { type: 'triangle', frequency: 190 * shift });
      body.connect(amp);
      sources.push(body);
    }
    end = envelope(drum === 'snare' ? 0.18 : drum === 'openhat' ? 0.4 : 0.06);
  }
  for (const s of sources) { s.start(time); s.stop(end); }
  const voice = { stop(at, fade) { amp.gain.cancelScheduledValues(at); amp.gain.setTargetAtTime(0, at, fade / 3); } };
  sources[0].onended = () => voice.onended && voice.onended();
  admit(ctx, voice);
}

function noiseBuffer(ctx) {
  if (!ctx.microjamNoise) {
    const buffer = ctx.createBuffer(1, ctx.sampleRate, ctx.sampleRate);
    const data = buffer.getChannelData(0);
    let seed = 1;
    for (let i = 0; i < data.length; i++) { seed = (seed * 16807) % 2147483647; data[i] = (seed / 2147483647) * 2 - 1; }
    ctx.microjamNoise = buffer;
  }
  return ctx.microjamNoise;
}
