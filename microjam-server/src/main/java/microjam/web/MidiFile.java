// A jam as a standard MIDI file (type 1): one track per layer, with the instruments' touch-to-note
// rules (NoteRules): a touch-down plays a note for 0.3 s (or until the next touch-down), a drag bends
// it (pitch-bend range set to ±12 semitones), drums play General MIDI percussion on channel 10.
// 120 BPM at 480 ticks per quarter note: 960 ticks per second. Every layer starts at 0 and the file lasts
// one cycle of a jam (Touches.MAX_SECONDS), so a player that loops it loops the jam as the app does.
package microjam.web;

import microjam.performance.Instrument;
import microjam.performance.NoteRules;
import microjam.performance.Performance;
import microjam.performance.Touch;
import microjam.performance.Touches;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

final class MidiFile {
    static final int TICKS_PER_SECOND = 960, DRUM_CHANNEL = 9, END_OF_TRACK = 0x2F;
    /** General MIDI programs nearest to each instrument's sound, in Instrument order. */
    private static final int[] PROGRAMS = {80, 4, 0, 45, 85, 38, 88, 81, 29};
    private static final int[] PITCHED_CHANNELS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15};

    private MidiFile() {
    }

    /** layers: the performance first, then its parents (as GET /api/performances/{id} lists them). */
    static byte[] write(List<Performance> layers) {
        try {
            Sequence sequence = new Sequence(Sequence.PPQ, 480);
            Track tempo = sequence.createTrack();
            tempo.add(new MidiEvent(new MetaMessage(0x51, new byte[]{0x07, (byte) 0xA1, 0x20}, 3), 0)); // 500,000 µs per quarter
            tempo.add(new MidiEvent(new MetaMessage(END_OF_TRACK, new byte[0], 0), ticks(Touches.MAX_SECONDS)));
            int channel = 0;
            for (Performance layer : layers) {
                boolean drums = layer.instrument() == Instrument.DRUMS;
                int ch = drums ? DRUM_CHANNEL : PITCHED_CHANNELS[channel++ % PITCHED_CHANNELS.length];
                Track track = sequence.createTrack();
                byte[] name = (layer.instrument().wireName() + " " + layer.id()).getBytes(StandardCharsets.US_ASCII);
                track.add(new MidiEvent(new MetaMessage(0x03, name, name.length), 0));
                if (drums) drumTrack(track, layer.touches().list());
                else pitchedTrack(track, ch, layer.instrument(), layer.touches().list());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MidiSystem.write(sequence, 1, out);
            return out.toByteArray();
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pitchedTrack(Track track, int ch, Instrument instrument, List<Touch> touches) throws InvalidMidiDataException {
        add(track, ShortMessage.PROGRAM_CHANGE, ch, PROGRAMS[instrument.id()], 0, 0);
        // RPN 0 (pitch-bend sensitivity) = 12 semitones, so a full bend is an octave as in the synths.
        add(track, ShortMessage.CONTROL_CHANGE, ch, 101, 0, 0);
        add(track, ShortMessage.CONTROL_CHANGE, ch, 100, 0, 0);
        add(track, ShortMessage.CONTROL_CHANGE, ch, 6, 12, 0);
        int sounding = -1;
        double x0 = 0, noteOff = 0;
        for (Touch t : touches) {
            if (!t.moving() || sounding < 0) {
                if (sounding >= 0) add(track, ShortMessage.NOTE_OFF, ch, sounding, 0, ticks(Math.min(noteOff, t.time())));
                sounding = NoteRules.note(instrument, t.x());
                x0 = t.x();
                noteOff = t.time() + NoteRules.NOTE_LENGTH;
                add(track, ShortMessage.PITCH_BEND, ch, 0, 64, ticks(t.time()));
                add(track, ShortMessage.NOTE_ON, ch, sounding, NoteRules.velocity(t.y()), ticks(t.time()));
            } else {
                int bend = (int) Math.round(8192 + 8191 * Math.max(-1, Math.min(1, NoteRules.bend(t.x(), x0) / 12)));
                add(track, ShortMessage.PITCH_BEND, ch, bend & 0x7F, bend >> 7, ticks(t.time()));
                noteOff = Math.max(noteOff, t.time());
            }
        }
        if (sounding >= 0) add(track, ShortMessage.NOTE_OFF, ch, sounding, 0, ticks(noteOff));
    }

    private static void drumTrack(Track track, List<Touch> touches) throws InvalidMidiDataException {
        double x0 = 0, y0 = 0, lastHit = -1;
        for (Touch t : touches) {
            boolean hit = !t.moving() || lastHit < 0;
            if (!hit && t.time() - lastHit >= NoteRules.rollInterval(Math.hypot(t.x() - x0, t.y() - y0))) hit = true;
            if (!t.moving() || lastHit < 0) {
                x0 = t.x();
                y0 = t.y();
            }
            if (!hit) continue;
            lastHit = t.time();
            int drum = NoteRules.drum(t.x(), t.y());
            add(track, ShortMessage.NOTE_ON, DRUM_CHANNEL, drum, NoteRules.velocity(t.y()), ticks(t.time()));
            add(track, ShortMessage.NOTE_OFF, DRUM_CHANNEL, drum, 0, ticks(t.time() + 0.1));
        }
    }

    private static void add(Track track, int command, int channel, int data1, int data2, long tick) throws InvalidMidiDataException {
        track.add(new MidiEvent(new ShortMessage(command, channel, data1, data2), tick));
    }

    private static long ticks(double seconds) {
        return Math.round(seconds * TICKS_PER_SECOND);
    }
}
