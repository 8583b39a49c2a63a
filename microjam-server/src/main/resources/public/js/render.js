// Renders one cycle of a jam offline with the same synthesis as live playback (OfflineAudioContext): for
// "download as WAV", and for the tests that check every instrument sounds.
import { outputChain } from './audio.js';
import { play } from './instruments.js';
import { CYCLE } from './player.js';

/** Seconds rendered after the cycle, for the last notes' release and reverb. */
const TAIL = 1.5;

export async function render(layers, sampleRate = 44100) {
  const seconds = CYCLE + TAIL;
  const ctx = new OfflineAudioContext(1, Math.ceil(sampleRate * seconds), sampleRate);
  const out = outputChain(ctx, ctx.destination);
  for (const layer of layers) {
    const gain = new GainNode(ctx, { gain: layer.muted ? 0 : layer.volume ?? 1 });
    gain.connect(out);
    const gesture = {};
    for (const touch of layer.touches) play(ctx, gain, layer.instrument, touch, 0.02 + touch.time, gesture);
  }
  return ctx.startRendering();
}

/** 16-bit PCM WAV of a rendered buffer. */
export function wav(buffer) {
  const samples = buffer.getChannelData(0);
  const bytes = new DataView(new ArrayBuffer(44 + samples.length * 2));
  const text = (at, s) => [...s].forEach((c, i) => bytes.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF'); bytes.setUint32(4, 36 + samples.length * 2, true); text(8, 'WAVE'); text(12, 'fmt ');
  bytes.setUint32(16, 16, true); bytes.setUint16(20, 1, true); bytes.setUint16(22, 1, true);
  bytes.setUint32(24, buffer.sampleRate, true); bytes.setUint32(28, buffer.sampleRate * 2, true);
  bytes.setUint16(32, 2, true); bytes.setUint16(34, 16, true); text(36, 'data'); bytes.setUint32(40, samples.length * 2, true);
  samples.forEach((v, i) => bytes.setInt16(44 + i * 2, Math.max(-1, Math.min(1, v)) * 0x7fff, true));
  return new Blob([bytes], { type: 'audio/wav' });
}

/** Peak, RMS and the energy in 32 log-spaced bands (Goertzel), for comparing instruments. */
export function analyse(buffer) {
  const data = buffer.getChannelData(0);
  let peak = 0, sum = 0;
  for (const v of data) { peak = Math.max(peak, Math.abs(v)); sum += v * v; }
  const bands = [];
  const n = Math.min(data.length, 65536);
  for (let b = 0; b < 32; b++) {
    const frequency = 40 * 2 ** (b / 3.2);
    const w = (2 * Math.PI * frequency) / buffer.sampleRate, c = 2 * Math.cos(w);
    let s1 = 0, s2 = 0;
    for (let i = 0; i < n; i++) { const s = data[i] + c * s1 - s2; s2 = s1; s1 = s; }
    bands.push(Math.sqrt(Math.max(0, s1 * s1 + s2 * s2 - c * s1 * s2)) / n);
  }
  return { peak, rms: Math.sqrt(sum / data.length), bands };
}

export function download(blob, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 5000);
}
