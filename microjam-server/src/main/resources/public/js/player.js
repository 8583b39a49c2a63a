// Plays layers together on the audio clock: a look-ahead scheduler (25 ms tick, 100 ms window) queues
// every touch at its exact time, so layers stay in time with each other on every loop; the touches
// also go into a queue that requestAnimationFrame drains for drawing, in step with what is heard.
// One rule for every jam, the original's: every layer starts together at t = 0 and plays once per cycle
// of CYCLE seconds; the jam loops as a whole. Recording, playback, the World and WAV (render.js) follow it,
// and the server's MIDI file lasts one cycle.
import { play } from './instruments.js';

const TICK = 25, WINDOW = 0.1;
/** Seconds in one cycle of a jam: the longest a performance may be. */
export const CYCLE = 5;
/** A touch due this many seconds ago still sounds (now); an older one is skipped. */
const LATE = 0.01;

export class Player {
  constructor(ctx, layers, { loop = false, onTouch = () => {}, onEnd = () => {} } = {}) {
    this.ctx = ctx;
    this.loop = loop;
    this.onTouch = onTouch;
    this.onEnd = onEnd;
    this.layers = layers.map((layer) => {
      const gain = new GainNode(ctx, { gain: layer.muted ? 0 : layer.volume ?? 1 });
      gain.connect(ctx.microjamOut);
      return { ...layer, gain };
    });
    this.length = CYCLE;
    this.drawQueue = [];
    this.playing = false;
  }

  /** Starts a cycle `delay` seconds from now, or at audio-clock time `at`: touches due before now sound at once. */
  start(delay = 0.05, at = undefined) {
    this.stop();
    this.playing = true;
    this.origin = at ?? this.ctx.currentTime + delay;
    this.late = Math.max(LATE, this.ctx.currentTime - this.origin + LATE);
    this.cursor = 0;
    this.layers.forEach((l) => { l.next = 0; l.gesture = {}; });
    this.timer = setInterval(() => this.schedule(), TICK);
    this.schedule();
    this.drawFrame();
  }

  schedule() {
    const horizon = this.ctx.currentTime + WINDOW - this.origin;
    for (const layer of this.layers) {
      while (layer.next < layer.touches.length && layer.touches[layer.next].time <= horizon) {
        const touch = layer.touches[layer.next++];
        const at = this.origin + touch.time;
        if (at >= this.ctx.currentTime - this.late) play(this.ctx, layer.gain, layer.instrument, touch, Math.max(at, this.ctx.currentTime), layer.gesture);
        this.drawQueue.push({ at, layer, touch });
      }
    }
    if (horizon >= this.length) {
      if (this.loop) {
        this.origin += this.length;
        this.late = LATE;
        this.layers.forEach((l) => { l.next = 0; l.gesture = {}; });
      } else if (this.ctx.currentTime >= this.origin + this.length) {
        this.stop();
        this.onEnd();
      }
    }
  }

  drawFrame() {
    if (!this.playing) return;
    const now = this.ctx.currentTime;
    while (this.drawQueue.length && this.drawQueue[0].at <= now) {
      const { layer, touch } = this.drawQueue.shift();
      this.onTouch(layer, touch);
    }
    requestAnimationFrame(() => this.drawFrame());
  }

  /** Seconds into the current pass, for the progress ring. */
  position() {
    return this.playing ? Math.max(0, this.ctx.currentTime - this.origin) : 0;
  }

  setVolume(index, volume, muted) {
    const layer = this.layers[index];
    if (!layer) return;
    layer.volume = volume;
    layer.muted = muted;
    layer.gain.gain.setTargetAtTime(muted ? 0 : volume, this.ctx.currentTime, 0.02);
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.playing = false;
    this.drawQueue = [];
  }

  dispose() {
    this.stop();
    this.layers.forEach((l) => l.gain.gain.setTargetAtTime(0, this.ctx.currentTime, 0.02));
  }
}
