// Which stage names are the same name: look-alikes by Unicode's confusable data, ignoring case, and
// nothing invisible anywhere (the core's own list of invisible characters checked against ICU's).
package microjam.store;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.UnicodeSet;
import com.ibm.icu.text.UnicodeSetIterator;
import microjam.performance.InvalidValue;
import microjam.performance.StageName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StageNameKeysTest {
    static boolean sameName(String a, String b) {
        return StageNameKeys.of(new StageName(a)).looksLike(StageNameKeys.of(new StageName(b)));
    }

    @Test
    void lookAlikesAreTheSameName() {
        for (String disguise : List.of("RoboJam", "ROBOJAM", "robojam", "R\u043EboJam", "RoboJ\u0430m", "\uFF32\uFF4F\uFF42\uFF4F\uFF2A\uFF41\uFF4D",
                "R0boJam", "RoboJarn", "RoboJam\u00A0", "\u211BoboJam"))
            assertThat(sameName(disguise, "RoboJam")).as(disguise).isTrue();
        for (String disguise : List.of("\u0430lice", "ALICE", "aIice", "a1ice", "\uFF41lice", "alic\u0435", "Mu\u0308ller"))
            assertThat(sameName(disguise, disguise.startsWith("M") ? "Müller" : "alice")).as(disguise).isTrue();
        assertThat(sameName("I ❤️ jams", "I ❤ jams")).as("the presentation selector is invisible to the keys").isTrue();
    }

    @Test
    void differentNamesAreDifferent() {
        List<String> names = List.of("RoboJam", "Robo Jam", "RoboJams", "alice", "alison", "Müller", "Muller", "佐藤", "Ελένη", "Дмитрий",
                "AIICE", "Agent 7", "Nil", "Nii");
        List<String> same = new ArrayList<>();
        for (int i = 0; i < names.size(); i++)
            for (int j = i + 1; j < names.size(); j++)
                if (sameName(names.get(i), names.get(j))) same.add(names.get(i) + " = " + names.get(j));
        assertThat(same).isEmpty();
        assertThat(sameName("ALICE", "AIICE")).as("each looks like alice one way (case, I for l), not like each other").isFalse();
    }

    @Test
    void everyInvisibleCharacterIcuKnowsIsRefused() {
        // Unicode's Default_Ignorable_Code_Point and format characters (Cf), as ICU has them; the core has
        // no ICU and keeps its own list, which must leave none out. Between letters, so no emoji needs them.
        UnicodeSet invisible = new UnicodeSet("[[:Default_Ignorable_Code_Point:][:gc=Cf:]]").freeze();
        List<String> accepted = new ArrayList<>();
        int tried = 0;
        for (UnicodeSetIterator it = new UnicodeSetIterator(invisible); it.next(); tried++) {
            try {
                new StageName("a" + UCharacter.toString(it.codepoint) + "b");
                accepted.add(String.format("U+%04X", it.codepoint));
            } catch (InvalidValue refused) {
                assertThat(refused.getMessage()).contains(String.format("U+%04X", it.codepoint));
            }
        }
        assertThat(tried).isGreaterThan(4000);
        assertThat(accepted).isEmpty();
    }

    @Test
    void theKeysOfAStoredNameAreTheKeysOfWhatWasSent() {
        for (String sent : List.of("ＲｏｂｏＪａｍ", "Mu\u0308ller", "Robo\u00A0\u00A0Jam", "I ❤️ jams"))
            assertThat(StageNameKeys.of(new StageName(new StageName(sent).value()))).as(sent).isEqualTo(StageNameKeys.of(new StageName(sent)));
    }
}
