// Drawing touches on the square: live trails that fade, and still pictures by the server's rule
// (docs/csv-format.md): a swipe is one round-capped line, a lone tap a dot, the stroke 1/30 of the side.
/** Trails fade 6% a frame; 8-bit blending stalls a few steps short of the background, so once nothing has
 * been drawn for this long (the trails are gone to the eye) the square is filled with it exactly. */
const SETTLE_MS = 1500;

export class Trails {
  constructor(canvas, background = '#000000') {
    this.canvas = canvas;
    this.background = background;
    this.last = new Map();
    this.drawnAt = null; // when a touch was last drawn; null once the square is plain again
    this.resize();
    this.fade();
  }

  resize() {
    const ratio = window.devicePixelRatio || 1;
    const side = Math.round(this.canvas.clientWidth * ratio) || 300;
    this.canvas.width = side;
    this.canvas.height = side;
    this.clear();
  }

  clear() {
    const g = this.canvas.getContext('2d');
    g.fillStyle = this.background;
    g.fillRect(0, 0, this.canvas.width, this.canvas.height);
    this.last.clear();
  }

  touch(key, touch, colour) {
    const g = this.canvas.getContext('2d');
    const side = this.canvas.width, x = touch.x * side, y = touch.y * side;
    g.strokeStyle = g.fillStyle = colour;
    g.lineWidth = side / 30;
    g.lineCap = g.lineJoin = 'round';
    const previous = this.last.get(key);
    g.beginPath();
    if (touch.moving && previous) { g.moveTo(previous.x, previous.y); g.lineTo(x, y); g.stroke(); }
    else { g.arc(x, y, side / 60, 0, Math.PI * 2); g.fill(); }
    this.last.set(key, { x, y });
    this.drawnAt = performance.now();
  }

  fade() {
    if (!this.canvas.isConnected && this.started) return;
    this.started = true;
    const g = this.canvas.getContext('2d');
    if (this.drawnAt !== null) {
      const settled = performance.now() - this.drawnAt > SETTLE_MS;
      g.globalAlpha = settled ? 1 : 0.06;
      g.fillStyle = this.background;
      g.fillRect(0, 0, this.canvas.width, this.canvas.height);
      g.globalAlpha = 1;
      if (settled) this.drawnAt = null;
    }
    requestAnimationFrame(() => this.fade());
  }
}
