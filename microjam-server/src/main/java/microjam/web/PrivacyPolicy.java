// The privacy policy's one source of truth: resources/privacy/policy.json (version, date, sections,
// changes), served as /api/privacy and shown by the web app's Privacy screen.
package microjam.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

record PrivacyPolicy(String version, byte[] json) {
    static PrivacyPolicy load() {
        try (InputStream in = PrivacyPolicy.class.getResourceAsStream("/privacy/policy.json")) {
            if (in == null) throw new IllegalStateException("the privacy policy is missing from the build");
            byte[] bytes = in.readAllBytes();
            JsonNode policy = Json.MAPPER.readTree(bytes);
            return new PrivacyPolicy(policy.get("version").asText(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
