// GET /api/performances/{id}.mid: the whole jam as a standard MIDI file, one track per layer, with the
// instruments' touch-to-note rules, drums on General MIDI channel 10; read back with javax.sound.midi.
package microjam.web;

import microjam.performance.Instrument;
import microjam.performance.NoteRules;
import microjam.testing.Api;
import microjam.testing.Engine;
import microjam.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(Engine.class)
class MidiExportTest extends ServerTest {
    static final String KEYS = "time,x,y,z,moving\n0.0, 0.10, 0.2, 20, 0\n0.1, 0.15, 0.2, 20, 1\n0.2, 0.30, 0.2, 20, 1\n1.0, 0.90, 0.8, 20, 0\n";
    static final String DRUMS = "time,x,y,z,moving\n0.0, 0.2, 0.2, 20, 0\n0.5, 0.8, 0.2, 20, 0\n1.0, 0.2, 0.8, 20, 0\n1.5, 0.8, 0.8, 20, 0\n";

    @Test
    void aJamBecomesOneTrackPerLayerWithTheInstrumentsNotes() throws Exception {
        Api.Performer ada = api.newPerformer();
        UUID keys = api.publishOk(ada, "keys", KEYS, null);
        UUID drums = api.publishOk(ada, "drums", DRUMS, keys);
        Api.Response r = api.get("/api/performances/" + drums + ".mid");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("audio/midi");
        Sequence sequence = MidiSystem.getSequence(new ByteArrayInputStream(r.body()));
        assertThat(sequence.getTracks()).as("tempo track and one per layer").hasSize(3);

        List<ShortMessage> drumNotes = notesOn(sequence.getTracks()[1]);
        assertThat(drumNotes).extracting(ShortMessage::getChannel).containsOnly(9);
        assertThat(drumNotes).extracting(ShortMessage::getData1)
                .as("General MIDI: snare, open hi-hat, kick, closed hi-hat").containsExactly(38, 46, 36, 42);

        List<ShortMessage> keyNotes = notesOn(sequence.getTracks()[2]);
        assertThat(keyNotes).extracting(ShortMessage::getData1)
                .as("keys from MIDI 25 over 48 semitones, 21 pentatonic steps: x 0.10 is the third (F1), x 0.90 the 19th (G#4)")
                .containsExactly(29, 68);
        assertThat(keyNotes.get(0).getData2()).as("47 + 80 · (1 − 0.2)").isEqualTo(111);
        assertThat(keyNotes).extracting(ShortMessage::getChannel).doesNotContain(9);
        long bends = events(sequence.getTracks()[2]).stream().filter(m -> m.getCommand() == ShortMessage.PITCH_BEND && m.getData2() > 64).count();
        assertThat(bends).as("the swipe to the right bends up").isEqualTo(2);
        assertThat(sequence.getMicrosecondLength()).as("one cycle of the jam").isEqualTo(5_000_000L);
        assertThat(api.get("/api/performances/" + UUID.randomUUID() + ".mid").status()).isEqualTo(404);
    }

    @Test
    void notesFollowThePentatonicRulesOfTheSynths() {
        assertThat(NoteRules.note(Instrument.CHIRP, 0)).isEqualTo(60);
        assertThat(NoteRules.note(Instrument.CHIRP, 0.99)).isEqualTo(84);
        assertThat(NoteRules.note(Instrument.CHIRP, 0.5)).isEqualTo(72);
        assertThat(NoteRules.velocity(0)).isEqualTo(127);
        assertThat(NoteRules.velocity(1)).isEqualTo(47);
    }

    private static List<ShortMessage> notesOn(Track track) {
        return events(track).stream().filter(m -> m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0).toList();
    }

    private static List<ShortMessage> events(Track track) {
        List<ShortMessage> messages = new ArrayList<>();
        for (int i = 0; i < track.size(); i++) {
            MidiEvent e = track.get(i);
            if (e.getMessage() instanceof ShortMessage m) messages.add(m);
        }
        return messages;
    }
}
