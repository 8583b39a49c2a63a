// The audio context and the shared output chain. Every voice ends in: high-pass, compressor and a soft
// clip (never past full scale). Voices are limited and recycled so long swipes and many layers never
// overload the audio thread.
let context = null;
export const MAX_VOICES = 24;

export function audioContext() {
  if (!context) {
    const Context = window.AudioContext || window.webkitAudioContext;
    context = new Context({ latencyHint: 'interactive' });
    if (navigator.audioSession) navigator.audioSession.type = 'playback'; // iOS: play with the silent switch on
    context.microjamOut = outputChain(context, context.destination);
  }
  return context;
}

/**
 * Resumes audio inside a gesture, as browsers require. WebKit (Safari, every browser on iOS) starts sound
 * only from inside the gesture's own handler and only once something plays there: so a silent sample is
 * started with the resume, in the same handler. Returns the context (it may still be starting).
 */
export function unlock() {
  const ctx = audioContext();
  if (ctx.state !== 'running') {
    const silence = ctx.createBufferSource(); // (the factory methods, which older Safari has; the constructors it lacks)
    silence.buffer = ctx.createBuffer(1, 1, ctx.sampleRate);
    silence.connect(ctx.destination);
    silence.start();
    ctx.resume().catch(() => { /* soundState says so */ });
  }
  return ctx;
}

/**
 * Whether sound plays: 'running'; 'waiting' before the first gesture; 'blocked' when a gesture did not
 * start it (the browser or the system refused, or iOS interrupted it, for a call say).
 */
export function soundState() {
  if (!context) return 'waiting';
  if (context.state === 'running') return 'running';
  return context.microjamTried ? 'blocked' : 'waiting';
}

/**
 * Unlocks audio on every gesture until it runs (one gesture may not be enough: iOS counts a tap's touchend
 * or click, not its pointerdown), and calls onChange with soundState() whenever that changes.
 */
export function unlockOnGestures(onChange) {
  const gestures = ['pointerdown', 'touchend', 'click', 'keydown'];
  let last = null;
  const report = () => {
    const state = soundState();
    if (state !== last) onChange(last = state);
  };
  const tryNow = () => {
    const ctx = unlock();
    if (!ctx.microjamWatched) {
      ctx.microjamWatched = true;
      ctx.addEventListener('statechange', report);
    }
    // A refused resume leaves the context suspended: give it a moment, then say so.
    setTimeout(() => { ctx.microjamTried = true; report(); }, 600);
  };
  for (const type of gestures) window.addEventListener(type, () => { if (soundState() === 'running') report(); else tryNow(); }, { capture: true, passive: true });
  report();
}

export function outputChain(ctx, destination) {
  const highpass = new BiquadFilterNode(ctx, { type: 'highpass', frequency: 30 });
  const compressor = new DynamicsCompressorNode(ctx, { threshold: -14, knee: 8, ratio: 4, attack: 0.003, release: 0.2 });
  const clip = new WaveShaperNode(ctx, { curve: softClipCurve(), oversample: '2x' });
  const trim = new GainNode(ctx, { gain: 0.9 });
  highpass.connect(compressor).connect(clip).connect(trim).connect(destination);
  ctx.microjamVoices = [];
  return highpass;
}

function softClipCurve() {
  const curve = new Float32Array(2048);
  for (let i = 0; i < curve.length; i++) curve[i] = Math.tanh(((i / (curve.length - 1)) * 2 - 1) * 1.5) / Math.tanh(1.5);
  return curve;
}

/** Registers a voice; past the limit the oldest is faded out in 15 ms and recycled. */
export function admit(ctx, voice) {
  const voices = ctx.microjamVoices;
  voices.push(voice);
  while (voices.length > MAX_VOICES) voices.shift().stop(ctx.currentTime, 0.015);
  voice.onended = () => { const i = voices.indexOf(voice); if (i >= 0) voices.splice(i, 1); };
}

export const mtof = (midi) => 440 * 2 ** ((midi - 69) / 12);

/**
 * The time from the audio clock to the ears: baseLatency (the engine's own buffering) plus outputLatency
 * (the device and its driver, e.g. Bluetooth headphones). `output` is null where the engine does not report
 * it (Safari and WebKitGTK, Firefox on some systems), or not yet (Chromium before sound starts): then only the
 * base latency is known.
 */
export function latency(ctx) {
  const base = ctx.baseLatency || 0;
  // WebKit has the property but answers 0 (it does not know); a running engine that knows says more than 0.
  const output = typeof ctx.outputLatency === 'number' && ctx.outputLatency > 0 ? ctx.outputLatency : null;
  return { base, output, total: base + (output || 0) };
}

/** The audio-clock time at which an input event happened (its timeStamp is on the performance clock). */
export function audioTimeOf(ctx, event) {
  return ctx.currentTime - Math.max(0, performance.now() - event.timeStamp) / 1000;
}
