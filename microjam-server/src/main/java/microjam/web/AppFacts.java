// What the browser needs to know that the Java source already says, served as a JavaScript module
// (/js/facts.js) so that the client never retypes it: the instruments in their order (Instrument), each
// pitched one's note range and the scale (NoteRules), and RoboJam's colours (RoboJam). The module is made
// once, from those classes, when the server starts.
package microjam.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import microjam.performance.Instrument;
import microjam.performance.NoteRules;
import microjam.robojam.RoboJam;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class AppFacts {
    static final String PATH = "/js/facts.js";
    private static final String MODULE = module();

    private AppFacts() {
    }

    static void serve(Context ctx) {
        ctx.contentType("text/javascript; charset=utf-8").header("Cache-Control", "no-cache").result(MODULE);
    }

    static String module() {
        List<String> instruments = Arrays.stream(Instrument.values()).map(Instrument::wireName).toList();
        Map<String, int[]> ranges = new LinkedHashMap<>();
        for (Instrument i : Instrument.values()) NoteRules.range(i).ifPresent(r -> ranges.put(i.wireName(), r));
        return "// Made by the server from its Java source (microjam.web.AppFacts): the facts the client shares with it.\n"
                + constant("INSTRUMENTS", instruments)
                + constant("RANGES", ranges)
                + constant("PENTATONIC", NoteRules.pentatonic())
                + constant("ROBOJAM", Map.of("colour", RoboJam.COLOUR_HEX, "background", RoboJam.BACKGROUND_HEX));
    }

    private static String constant(String name, Object value) {
        try {
            return "export const " + name + " = Object.freeze(" + Json.MAPPER.writeValueAsString(value) + ");\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
