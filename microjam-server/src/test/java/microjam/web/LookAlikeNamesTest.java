// Impersonation by look-alike stage names: RoboJam (the built-in AI performer) and every performer keep
// their name in any disguise (invisible characters, other scripts' look-alike letters, fullwidth forms,
// case), while genuinely different names, in any script, are still welcome. Attacks go over HTTP, as
// an attacker would send them, on SQLite and PostgreSQL; a refused name changes nothing stored.
package microjam.web;

import microjam.store.PerformerStore;
import microjam.testing.Api;
import microjam.testing.DatabaseSnapshot;
import microjam.testing.Engine;
import microjam.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static microjam.web.PublishingRulesTest.assertField;
import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(Engine.class)
class LookAlikeNamesTest extends ServerTest {
    static final String NO_BREAK_SPACE = "\u00A0", ZERO_WIDTH_SPACE = "\u200B", BYTE_ORDER_MARK = "\uFEFF";
    static final String CYRILLIC_O = "\u043E", CYRILLIC_A = "\u0430";
    static final Duration GENEROUS = Duration.ofSeconds(5);

    /** RoboJam's name in every disguise an impersonator might try, by what the disguise is. */
    static Map<String, String> robojamDisguises() {
        String name = PerformerStore.ROBOJAM_NAME;
        Map<String, String> disguises = new LinkedHashMap<>();
        disguises.put("the name itself", name);
        disguises.put("a no-break space after it", name + NO_BREAK_SPACE);
        disguises.put("a zero-width space after it", name + ZERO_WIDTH_SPACE);
        disguises.put("a zero-width space inside it", "Robo" + ZERO_WIDTH_SPACE + "Jam");
        disguises.put("a byte-order mark before it", BYTE_ORDER_MARK + name);
        disguises.put("a Cyrillic о", "R" + CYRILLIC_O + "boJam");
        disguises.put("a Cyrillic а", "RoboJ" + CYRILLIC_A + "m");
        disguises.put("fullwidth letters", "\uFF32\uFF4F\uFF42\uFF4F\uFF2A\uFF41\uFF4D");
        disguises.put("upper case", "ROBOJAM");
        disguises.put("mixed case", "rOBOjAM");
        disguises.put("the digit 0 for o (UTS #39 data: 0 looks like O)", "R0boJam");
        disguises.put("rn for m (UTS #39 data)", "RoboJarn");
        return disguises;
    }

    @Test
    void nobodySignsUpAsRoboJamInAnyDisguise() {
        Api.Performer bystander = performerWithAPerformance();
        var before = DatabaseSnapshot.of(server.database);
        List<String> accepted = new ArrayList<>();
        robojamDisguises().forEach((disguise, name) -> {
            Api.Response r = api.post("/api/performers", null, Api.signUp(name, "#f44708"));
            if (r.status() < 300) accepted.add(disguise);
            else assertField(r, r.status(), "stageName");
            assertOthersAreServed();
        });
        assertThat(accepted).as("disguises of RoboJam accepted as a new performer's name (of " + robojamDisguises().size() + ")").isEmpty();
        assertThat(DatabaseSnapshot.of(server.database)).isEqualTo(before);
        assertStillThere(bystander);
    }

    @Test
    void nobodyRenamesThemselvesToRoboJamInAnyDisguise() {
        Api.Performer impostor = performerWithAPerformance();
        var before = DatabaseSnapshot.of(server.database);
        List<String> accepted = new ArrayList<>();
        robojamDisguises().forEach((disguise, name) -> {
            Api.Response r = api.put("/api/me", impostor.token(), Map.of("stageName", name));
            if (r.status() < 300) accepted.add(disguise);
            else assertField(r, r.status(), "stageName");
            assertOthersAreServed();
        });
        assertThat(accepted).as("disguises of RoboJam accepted as a rename (of " + robojamDisguises().size() + ")").isEmpty();
        assertThat(DatabaseSnapshot.of(server.database)).isEqualTo(before);
        assertStillThere(impostor);
    }

    @Test
    void aPerformersNameIsTakenInAnyDisguiseAndADifferentNameIsNot() {
        String tail = randomLetters();
        Api.Response alice = api.post("/api/performers", null, Api.signUp("alice" + tail, "#336699"));
        assertThat(alice.status()).as(alice.text()).isEqualTo(201);
        Api.Performer bo = performerWithAPerformance();
        Map<String, String> disguises = new LinkedHashMap<>();
        disguises.put("a Cyrillic а", CYRILLIC_A + "lice" + tail);
        disguises.put("upper case", ("alice" + tail).toUpperCase(java.util.Locale.ROOT));
        disguises.put("a capital A", "Alice" + tail);
        disguises.put("fullwidth a", "\uFF41lice" + tail);
        disguises.put("a no-break space after it", "alice" + tail + NO_BREAK_SPACE);
        disguises.put("a zero-width space inside it", "ali" + ZERO_WIDTH_SPACE + "ce" + tail);
        disguises.put("a byte-order mark before it", BYTE_ORDER_MARK + "alice" + tail);
        disguises.put("a capital I for l", "aIice" + tail);

        var before = DatabaseSnapshot.of(server.database);
        List<String> accepted = new ArrayList<>();
        // Renames first, each undone if it went through, so that no accepted disguise hides the next one.
        disguises.forEach((disguise, name) -> {
            Api.Response rename = api.put("/api/me", bo.token(), Map.of("stageName", name));
            if (rename.status() < 300) {
                accepted.add("rename with " + disguise);
                api.put("/api/me", bo.token(), Map.of("stageName", bo.stageName()));
            } else assertField(rename, rename.status(), "stageName");
            assertOthersAreServed();
        });
        disguises.forEach((disguise, name) -> {
            Api.Response signUp = api.post("/api/performers", null, Api.signUp(name, "#000000"));
            if (signUp.status() < 300) accepted.add("sign-up with " + disguise);
            else assertField(signUp, signUp.status(), "stageName");
            assertOthersAreServed();
        });
        assertThat(accepted).as("disguises of another performer's name accepted (of " + 2 * disguises.size() + ")").isEmpty();
        assertThat(DatabaseSnapshot.of(server.database)).isEqualTo(before);

        Api.Response taken = api.post("/api/performers", null, Api.signUp(CYRILLIC_A + "lice" + tail, "#000000"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("error").asText()).as("says whose name it looks like").contains("alice" + tail);
        assertStillThere(bo);
        assertThat(api.post("/api/performers", null, Api.signUp("alison" + tail, "#000000")).status()).isEqualTo(201);
        assertThat(api.put("/api/me", bo.token(), Map.of("stageName", "alfred" + tail)).json().get("stageName").asText()).isEqualTo("alfred" + tail);
    }

    @Test
    void namesInEveryScriptAreWelcomeAndStoredAsTyped() {
        for (String name : List.of("Müller", "佐藤", "Ελένη", "Дмитрий", "José María", "محمد", "DJ 🎸", "I ❤️ jams", "👩‍🎤 Rocker", "1️⃣ Keycap")) {
            Api.Response r = api.post("/api/performers", null, Api.signUp(name, "#123456"));
            assertThat(r.status()).as(name + ": " + r.text()).isEqualTo(201);
            assertThat(api.get("/api/performers/" + r.json().get("id").asText()).json().get("stageName").asText()).isEqualTo(name);
        }
        // The same name typed with a combining diaeresis (as some keyboards send it) is the same name.
        assertField(api.post("/api/performers", null, Api.signUp("Mu\u0308ller", "#123456")), 409, "stageName");
    }

    @Test
    void invisibleCharactersAreRefusedAndNamed() {
        Map<String, String> invisible = new LinkedHashMap<>();
        invisible.put("U+200B", ZERO_WIDTH_SPACE);
        invisible.put("U+FEFF", BYTE_ORDER_MARK);
        invisible.put("U+00AD", "\u00AD");           // soft hyphen
        invisible.put("U+2060", "\u2060");           // word joiner
        invisible.put("U+200D", "\u200D");           // zero-width joiner outside an emoji sequence
        invisible.put("U+3164", "\u3164");           // Hangul filler: blank, yet a letter
        invisible.put("U+2800", "\u2800");           // braille blank: blank, yet a symbol
        invisible.put("U+FE0F", "\uFE0F");           // variation selector after a letter
        invisible.put("U+E0041", "\uDB40\uDC41");    // tag latin capital letter A
        var before = DatabaseSnapshot.of(server.database);
        List<String> accepted = new ArrayList<>();
        invisible.forEach((codePoint, character) -> {
            Api.Response r = api.post("/api/performers", null, Api.signUp("Quiet" + character + randomLetters(), "#000000"));
            if (r.status() < 300) accepted.add(codePoint);
            else {
                assertField(r, 400, "stageName");
                assertThat(r.json().get("error").asText()).contains(codePoint);
            }
        });
        assertThat(accepted).as("names with an invisible character accepted (of " + invisible.size() + ")").isEmpty();
        // 32 characters is the limit of the name as stored: U+FDFA is one character that NFKC spells in 18.
        assertField(api.post("/api/performers", null, Api.signUp("\uFDFA\uFDFA", "#000000")), 400, "stageName");
        assertThat(DatabaseSnapshot.of(server.database)).isEqualTo(before);
        Api.Response fullwidth = api.post("/api/performers", null, Api.signUp("\uFF58".repeat(30) + randomLetters().substring(0, 2), "#000000"));
        assertThat(fullwidth.status()).as(fullwidth.text()).isEqualTo(201);
        assertThat(fullwidth.json().get("stageName").asText()).as("stored in its NFKC form").startsWith("x".repeat(30));
    }

    private Api.Performer performerWithAPerformance() {
        Api.Performer p = api.newPerformer();
        api.publishOk(p, "keys", Api.sampleCsv(10), null);
        return p;
    }

    private void assertStillThere(Api.Performer p) {
        assertThat(api.get("/api/performers/" + p.id()).json().get("stageName").asText()).isEqualTo(p.stageName());
        assertThat(api.get("/api/performances?view=all&performer=" + p.id()).json().get("items")).hasSize(1);
    }

    /** Other clients are answered while names are tried: health and a feed page, within a generous bound. */
    private void assertOthersAreServed() {
        long start = System.nanoTime();
        assertThat(api.get("/health").status()).isEqualTo(200);
        assertThat(api.get("/api/performances?limit=5").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(GENEROUS);
    }

    /** Letters only: digits have look-alike letters, which would blur what each case tests. */
    private static String randomLetters() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) s.append("bcdfghkpqtvwxz".charAt(ThreadLocalRandom.current().nextInt(14)));
        return s.toString();
    }
}
