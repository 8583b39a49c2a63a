// Drawing touches on the square: live trails that fade, and still pictures by the server's rule
// (docs/csv-format.md): a swipe is one round-capped line, a lone tap a dot, the stroke 1/30 of the side.
/** Trails fade 6% a frame; 8-bit blending stalls a few steps short of the background, so once nothing has
 * been drawn for this long (the trails are gone to the eye) the square shows its ground exactly. */
const SETTLE_MS = 1500;

/** Draws layers' still pictures on g (a square of side pixels), oldest first so the newest is on top, each in
 * its own colour: a swipe (a touch and the moving ones after it) is one round-capped line, a lone tap a dot. */
export function drawPictures(g, side, layers) {
  g.lineWidth = side / 30;
  g.lineCap = g.lineJoin = 'round';
  for (const layer of layers) {
    g.strokeStyle = g.fillStyle = layer.colour;
    const strokes = [];
    for (const t of layer.touches) {
      if (!t.moving || !strokes.length) strokes.push([t]);
      else strokes.at(-1).push(t);
    }
    for (const stroke of strokes) {
      g.beginPath();
      if (stroke.length === 1) { g.arc(stroke[0].x * side, stroke[0].y * side, side / 60, 0, Math.PI * 2); g.fill(); continue; }
      stroke.forEach((t, i) => (i ? g.lineTo(t.x * side, t.y * side) : g.moveTo(t.x * side, t.y * side)));
      g.stroke();
    }
  }
}

// The ground is what the square shows when nothing is being played: its background and the still pictures of
// the layers already there (a reply's parents, over the oldest one's background, as the original drew them).
// Trails fade into the ground, so the pictures stay readable while live touches come and go.
export class Trails {
  constructor(canvas, background = '#000000') {
    this.canvas = canvas;
    this.background = background;
    this.stills = [];
    this.ground = document.createElement('canvas');
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
    this.setGround(this.background, this.stills);
  }

  /** The background and the layers (oldest first) whose still pictures the square shows under the trails. */
  setGround(background, stills = []) {
    this.background = background;
    this.stills = stills;
    const side = this.canvas.width;
    this.ground.width = this.ground.height = side;
    const g = this.ground.getContext('2d');
    g.fillStyle = background;
    g.fillRect(0, 0, side, side);
    drawPictures(g, side, stills);
    this.clear();
  }

  clear() {
    this.canvas.getContext('2d').drawImage(this.ground, 0, 0);
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
      g.drawImage(this.ground, 0, 0);
      g.globalAlpha = 1;
      if (settled) this.drawnAt = null;
    }
    requestAnimationFrame(() => this.fade());
  }
}
