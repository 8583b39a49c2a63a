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
        assertThat(new StageName("Ada").key()).isEqualTo(new StageName("ADA").key());
        for (String bad : new String[]{"", "   ", "x".repeat(33), "tab\there", "new\nline", "evil\u202Eeman", "nul\u0000"})
            assertThatThrownBy(() -> new StageName(bad)).as(bad).isInstanceOf(InvalidValue.class)
                    .extracting(e -> ((InvalidValue) e).field()).isEqualTo("stageName");
    }

    @Test
    void aPublishedPerformanceHasAtLeastOneTouch() {
        assertThatThrownBy(() -> new NewPerformance(Instrument.KEYS, new Colour("#ffffff"), null, null, Touches.NONE))
                .hasMessageContaining("at least one touch");
    }
}
