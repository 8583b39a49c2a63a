// The touch-to-note rules shared by the web client's synths (js/pitch.js, js/instruments.js) and the
// MIDI export: x picks a note of the major pentatonic scale within the instrument's range, a sideways
// drag bends up to an octave (12·(x − x at touch-down) semitones), velocity = 47 + 80·(1 − y); drums
// map the quadrants to snare (top-left), open hi-hat (top-right), kick (bottom-left) and closed
// hi-hat (bottom-right), and a drag repeats the hit every max(0.05, 0.25 − 0.4·distance) seconds.
package microjam.performance;

import java.util.Optional;

public final class NoteRules {
    private static final int[] PENTATONIC = {0, 2, 4, 7, 9};
    /** Lowest MIDI note and range in semitones of each pitched instrument, in Instrument order (drums unused). */
    private static final int[][] RANGES = {{60, 24}, {25, 48}, {0, 0}, {48, 24}, {12, 49}, {20, 48}, {36, 24}, {36, 24}, {36, 36}};
    public static final double NOTE_LENGTH = 0.3;
    public static final int KICK = 36, SNARE = 38, CLOSED_HAT = 42, OPEN_HAT = 46;

    private NoteRules() {
    }

    /** The scale's steps, in semitones above each octave's first note. */
    public static int[] pentatonic() {
        return PENTATONIC.clone();
    }

    /** A pitched instrument's lowest MIDI note and range in semitones; drums have none. */
    public static Optional<int[]> range(Instrument instrument) {
        return instrument == Instrument.DRUMS ? Optional.empty() : Optional.of(RANGES[instrument.id()].clone());
    }

    public static int note(Instrument instrument, double x) {
        int base = RANGES[instrument.id()][0], range = RANGES[instrument.id()][1];
        int steps = range * PENTATONIC.length / 12 + 1;
        int i = Math.min(steps - 1, (int) Math.floor(x * steps));
        return base + 12 * (i / PENTATONIC.length) + PENTATONIC[i % PENTATONIC.length];
    }

    public static double bend(double x, double xAtTouchDown) {
        return 12 * (x - xAtTouchDown);
    }

    public static int velocity(double y) {
        return (int) Math.round(47 + 80 * (1 - y));
    }

    public static int drum(double x, double y) {
        return y < 0.5 ? (x < 0.5 ? SNARE : OPEN_HAT) : (x < 0.5 ? KICK : CLOSED_HAT);
    }

    public static double rollInterval(double distance) {
        return Math.max(0.05, 0.25 - distance * 0.4);
    }
}
