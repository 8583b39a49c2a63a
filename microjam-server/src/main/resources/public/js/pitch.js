// The touch-to-note rules shared by the synths and the server's MIDI export (microjam.web.MidiFile):
// x picks a note of the major pentatonic scale within the instrument's range, a sideways drag bends
// by up to an octave: 12 · (x − x at touch-down) semitones, velocity = 47 + 80 · (1 − y); drums by quadrant,
// a drag repeating the hit every max(0.05, 0.25 − 0.4 · distance) s.
import { PENTATONIC } from './facts.js';

export function note(base, range, x) {
  const steps = Math.floor((range * PENTATONIC.length) / 12) + 1;
  const i = Math.min(steps - 1, Math.floor(x * steps));
  return base + 12 * Math.floor(i / PENTATONIC.length) + PENTATONIC[i % PENTATONIC.length];
}

export const bend = (x, x0) => 12 * (x - x0);
export const velocity = (y) => Math.round(47 + 80 * (1 - y));
/** Drums: the quadrant a touch lands in picks the drum; a drag repeats it faster the further it goes. */
export const drum = (x, y) => (y < 0.5 ? (x < 0.5 ? 'snare' : 'openhat') : (x < 0.5 ? 'kick' : 'closedhat'));
export const rollInterval = (distance) => Math.max(0.05, 0.25 - distance * 0.4);
