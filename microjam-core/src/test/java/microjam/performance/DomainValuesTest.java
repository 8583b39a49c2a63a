// Instruments, colours and stage names validate themselves and name the field they concern.
package microjam.performance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainValuesTest {
    @Test
    void instrumentsKeepTheOriginalAppsOrderAndIds() {
        assertThat(Instrument.values()).extracting(Instrument::wireName).containsExactly(
                "chirp", "keys", "drums", "strings", "quack", "wub", "pad", "fmlead", "leadguitar");
        assertThat(Instrument.parse("leadguitar").id()).isEqualTo(8);
        assertThat(Instrument.parse(" Drums ")).isEqualTo(Instrument.DRUMS);
        assertThatThrownBy(() -> Instrument.parse("kazoo")).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("one of: chirp, keys").extracting(e -> ((InvalidValue) e).field()).isEqualTo("instrument");
    }

    @Test
    void coloursAreSixHexDigits() {
        assertThat(new Colour("#FFaa00").hex()).isEqualTo("#ffaa00");
        assertThat(new Colour("#102030").rgb()).isEqualTo(0x102030);
        for (String bad : new String[]{"red", "#fff", "#ffaa0011", "ffaa00", "#gg0000", ""})
            assertThatThrownBy(() -> new Colour(bad)).as(bad).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> Colour.of("x", "background")).hasMessageContaining("background must be #rrggbb")
                .extracting(e -> ((InvalidValue) e).field()).isEqualTo("background");
    }

    @Test
    void stageNamesAreTrimmedPrintableAndAtMost32Characters() {
        assertThat(new StageName("  Quack Master ").value()).isEqualTo("Quack Master");
        assertThat(new StageName("Ω".repeat(32)).value()).hasSize(32);
        assertThat(new StageName("🎸".repeat(32)).value().codePointCount(0, 64)).isEqualTo(32);
        for (String bad : new String[]{"", "   ", "x".repeat(33), "tab\there", "new\nline", "evil\u202Eeman", "nul\u0000"})
            assertThatThrownBy(() -> new StageName(bad)).as(bad).isInstanceOf(InvalidValue.class)
                    .extracting(e -> ((InvalidValue) e).field()).isEqualTo("stageName");
    }

    @Test
    void stageNamesAreStoredInTheirNfkcFormWithOrdinarySpaces() {
        assertThat(new StageName("\uFF32\uFF4F\uFF42\uFF4F\uFF2A\uFF41\uFF4D").value()).isEqualTo("RoboJam"); // fullwidth
        assertThat(new StageName("Mu\u0308ller").value()).isEqualTo("M\u00FCller"); // composed
        assertThat(new StageName("\uFB01ddle").value()).isEqualTo("fiddle"); // ligature
        assertThat(new StageName("RoboJam\u00A0").value()).isEqualTo("RoboJam"); // no-break space, trimmed once it is a space
        assertThat(new StageName("Robo\u3000\u2009 Jam").value()).isEqualTo("Robo Jam"); // odd spaces become one space
        for (String kept : new String[]{"Müller", "佐藤", "Ελένη", "Дмитрий", "محمد", "DJ 🎸", "I ❤️ jams", "👩‍🎤 Rocker", "1️⃣", "👍🏽‍🔥"})
            assertThat(new StageName(kept).value()).as(kept).isEqualTo(kept);
        assertThat(new StageName("x".repeat(32)).value()).hasSize(32);
        assertThat(new StageName("\uFF58".repeat(32)).value()).isEqualTo("x".repeat(32));
        assertThat(new StageName("\u1100\u1161\u11A8".repeat(32)).value()).as("jamo compose into 32 syllables").hasSize(32);
        assertThat(new StageName("\u03B1\u0314\u0342\u0345".repeat(32)).value()).as("four code points compose into one").isEqualTo("\u1F87".repeat(32));
        for (String tooLong : new String[]{"\uFDFA\uFDFA", "\u3300".repeat(9), "x".repeat(33), "e\u0301".repeat(65)})
            assertThatThrownBy(() -> new StageName(tooLong)).as(tooLong).isInstanceOf(InvalidValue.class).hasMessageContaining("1 to 32 characters");
    }

    @Test
    void invisibleCharactersAreRefusedAndNamed() {
        String[][] cases = {{"Robo\u200BJam", "U+200B"}, {"\uFEFFRoboJam", "U+FEFF"}, {"Robo\u00ADJam", "U+00AD"}, {"a\u2060b", "U+2060"},
                {"RoboJam\u200D", "U+200D"}, {"Robo\u200DJam", "U+200D"}, {"a\uFE0Fb", "U+FE0F"}, {"\u3164", "U+3164"}, {"a\uFFA0", "U+FFA0"},
                {"a\u2800", "U+2800"}, {"a\u034Fb", "U+034F"}, {"a\uDB40\uDC41", "U+E0041"}, {"a\u180E", "U+180E"}, {"a\uE000", "U+E000"},
                {"a\u1680b", "U+1680"}, {"a\u202Eb", "U+202E"}, {"a\u0085b", "U+0085"}};
        for (String[] c : cases)
            assertThatThrownBy(() -> new StageName(c[0])).as(c[1]).isInstanceOf(InvalidValue.class).hasMessageContaining(c[1])
                    .extracting(e -> ((InvalidValue) e).field()).isEqualTo("stageName");
    }

    @Test
    void aStoredNameReadsBackAsItself() {
        for (String name : new String[]{"ＲｏｂｏＪａｍ", "Robo\u00A0\u00A0Jam", "Mu\u0308ller", "I ❤️ jams", "\u1100\u1161\u11A8"}) {
            String stored = new StageName(name).value();
            assertThat(new StageName(stored).value()).as(name).isEqualTo(stored);
        }
    }

    @Test
    void aNameStoredUnderOlderRulesIsSalvagedToItsVisiblePart() {
        assertThat(StageName.salvage("RoboJam\u200B")).contains(new StageName("RoboJam"));
        assertThat(StageName.salvage("ＲｏｂｏＪａｍ")).contains(new StageName("RoboJam"));
        assertThat(StageName.salvage("Ada")).contains(new StageName("Ada"));
        assertThat(StageName.salvage("a\u3164\u2800 \u00AD b")).contains(new StageName("a b"));
        assertThat(StageName.salvage("\uFDFA".repeat(2)).orElseThrow().value()).as("cut to 32, then trimmed").hasSize(31).startsWith("\u0635\u0644\u0649 ");
        assertThat(StageName.salvage("a\u1680b")).contains(new StageName("a b"));
        assertThat(StageName.salvage("\u200B\uFEFF")).isEmpty();
        assertThat(StageName.salvage("\u3164")).isEmpty();
    }

    @Test
    void aPublishedPerformanceHasAtLeastOneTouch() {
        assertThatThrownBy(() -> new NewPerformance(Instrument.KEYS, new Colour("#ffffff"), null, null, Touches.NONE))
                .hasMessageContaining("at least one touch");
    }
}
