// The privacy policy's one source of truth: resources/privacy/policy.json (version, date, sections,
// changes), served as /api/privacy and shown by the web app's Privacy screen. Each section names the
// clauses of the original MicroJam policy it keeps (docs/privacy.md). What only the people running a
// server can say (who they are, how to reach them, where the data lives, their backups) is configuration,
// filled into the {placeholders} here; so are the research thresholds and how long a shared cache may keep a
// public read, from the code that applies them.
package microjam.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

record PrivacyPolicy(String version, byte[] json) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    static PrivacyPolicy load(PolicyFacts facts, int minPerformances, int minPerformers) {
        try (InputStream in = PrivacyPolicy.class.getResourceAsStream("/privacy/policy.json")) {
            if (in == null) throw new IllegalStateException("the privacy policy is missing from the build");
            Map<String, String> values = new LinkedHashMap<>();
            values.put("operator", facts.operator());
            values.put("contact", facts.contact());
            values.put("dataLocation", facts.dataLocation());
            values.put("backups", facts.backups());
            values.put("minPerformances", String.valueOf(minPerformances));
            values.put("minPerformers", String.valueOf(minPerformers));
            values.put("sharedCacheSeconds", String.valueOf(ETags.SHARED_CACHE_SECONDS));
            byte[] bytes = fill(new String(in.readAllBytes(), StandardCharsets.UTF_8), values).getBytes(StandardCharsets.UTF_8);
            JsonNode policy = Json.MAPPER.readTree(bytes);
            return new PrivacyPolicy(policy.get("version").asText(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each {name} becomes its value, escaped for the JSON string it stands in; an unknown name is a build error. */
    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) throw new IllegalStateException("the privacy policy names an unknown fact {" + m.group(1) + "}");
            m.appendReplacement(out, Matcher.quoteReplacement(jsonStringContent(value)));
        }
        return m.appendTail(out).toString();
    }

    private static String jsonStringContent(String value) {
        try {
            String quoted = Json.MAPPER.writeValueAsString(value);
            return quoted.substring(1, quoted.length() - 1);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
