// The microjam CSV format, as the server reads and writes it: "time,x,y,z,moving", %f with 6 decimals.
export const HEADER = 'time,x,y,z,moving';

const f = (v) => (Math.round(v * 1e6) / 1e6).toFixed(6);

export function write(touches) {
  return HEADER + '\n' + touches.map((t) => `${f(t.time)}, ${f(t.x)}, ${f(t.y)}, ${f(t.z)}, ${t.moving ? 1 : 0}\n`).join('');
}

export function read(text) {
  const lines = text.trim().split(/\r?\n/).slice(1);
  return lines.filter((l) => l.trim()).map((line) => {
    const [time, x, y, z, moving] = line.split(',').map((s) => Number(s.trim()));
    return { time, x, y, z, moving: moving === 1 };
  });
}

/** All layers' touches in one time-ordered list, within a performance's limits (for RoboJam). */
export function merge(layers) {
  return layers.flatMap((l) => l.touches).sort((a, b) => a.time - b.time)
    .filter((t) => t.time <= 5).slice(0, 2000);
}
