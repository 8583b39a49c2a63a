// Plays layers together on the audio clock: a look-ahead scheduler (25 ms tick, 100 ms window) queues
// every touch at its exact time, so layers stay in time with each other on every loop; the touches
// also go into a queue that requestAnimationFrame drains for drawing, in step with what is heard.
import { play } from './instruments.js';

const TICK = 25, WINDOW = 0.1;

export function loopLength(layers) {
  const end = Math.max(0, ...layers.map((l) => (l.touches.length ? l.touches[l.touches.length - 1].time : 0)));
  return Math.min(5, Math.max(1, end + 0.4));
}

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
    this.length = loopLength(layers);
    this.drawQueue = [];
    this.playing = false;
  }

  start(delay = 0.05) {
    this.stop();
    this.playing = true;
    this.origin = this.ctx.currentTime + delay;
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
        if (at >= this.ctx.currentTime - 0.01) play(this.ctx, layer.gain, layer.instrument, touch, Math.max(at, this.ctx.currentTime), layer.gesture);
        this.drawQueue.push({ at, layer, touch });
      }
    }
    if (horizon >= this.length) {
      if (this.loop) {
        this.origin += this.length;
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
