// The policy, whole: every clause of the original MicroJam policy (../shared/docs/privacy-clauses.md,
// 20 clauses) is kept by a section of the served policy, with the operator's facts filled in; people
// who accepted an older version must accept the new one before they publish again; the export holds
// the version they accepted and when.
package microjam.web;

import com.fasterxml.jackson.databind.JsonNode;
import microjam.testing.Api;
import microjam.testing.DatabaseSnapshot;
import microjam.testing.Engine;
import microjam.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Engine.class)
class PolicyContractTest extends ServerTest {
    static final int ORIGINAL_CLAUSES = 20;

    @Test
    void theServedPolicyKeepsEveryClauseOfTheOriginalWithTheFactsFilledIn() {
        JsonNode policy = api.get("/api/privacy").json();
        assertThat(policy.get("version").asText()).isEqualTo(Api.POLICY);
        TreeSet<Integer> kept = new TreeSet<>();
        StringBuilder text = new StringBuilder();
        for (JsonNode section : policy.get("sections")) {
            section.get("clauses").forEach(c -> kept.add(c.asInt()));
            section.get("paragraphs").forEach(p -> text.append(p.asText()).append('\n'));
        }
        for (int clause = 1; clause <= ORIGINAL_CLAUSES; clause++) assertThat(kept).as("clause %d", clause).contains(clause);
        assertThat(text.toString()).doesNotContain("{").contains(PolicyFacts.DEFAULT.operator())
                .contains(PolicyFacts.DEFAULT.contact()).contains(PolicyFacts.DEFAULT.dataLocation())
                .contains("13").contains("HTTPS").contains("research").contains("without your consent");
        assertThat(policy.get("changes").get(0).get("version").asText()).isEqualTo(Api.POLICY);
    }

    @Test
    void theOperatorsFactsAreServedAsConfigured() {
        PolicyFacts facts = new PolicyFacts("the \"Tiny Music\" lab", "jam@example.org", "in Oslo, Norway", "Backups are kept 14 days.");
        try (var own = microjam.testing.TestServer.configured(engine, (config, dir) -> config.withPolicyFacts(facts))) {
            String text = own.http().get("/api/privacy").text();
            assertThat(own.http().get("/api/privacy").json().toString()).contains("Tiny Music").contains("jam@example.org")
                    .contains("in Oslo, Norway").contains("Backups are kept 14 days.");
            assertThat(text).doesNotContain(PolicyFacts.DEFAULT.operator());
        }
    }

    @Test
    void factsAreEscapedForJsonAndAnUnknownPlaceholderIsABuildError() {
        assertThat(PrivacyPolicy.fill("\"{operator}\"", Map.of("operator", "Ada \"the\" Band\n"))).isEqualTo("\"Ada \\\"the\\\" Band\\n\"");
        assertThatThrownBy(() -> PrivacyPolicy.fill("{nobody}", Map.of())).hasMessageContaining("nobody");
    }

    @Test
    void whoAcceptedAnOlderPolicyAcceptsTheNewOneBeforePublishing() throws IOException {
        Api.Performer ada = api.newPerformer();
        server.database.jdbi().useHandle(h -> h.createUpdate("UPDATE performer SET policy_version = '1.0' WHERE id = :id")
                .bind("id", ada.id().toString()).execute()); // as if she had accepted the first version
        var before = DatabaseSnapshot.of(server.database);
        Api.Response refused = api.publish(ada, "keys", Api.sampleCsv(5), null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("field").asText()).isEqualTo("acceptedPolicy");
        assertThat(refused.json().get("error").asText()).contains(Api.POLICY);
        assertThat(DatabaseSnapshot.of(server.database)).isEqualTo(before);

        assertThat(api.put("/api/me", ada.token(), Map.of("acceptedPolicy", Api.POLICY)).status()).isEqualTo(200);
        assertThat(api.publish(ada, "keys", Api.sampleCsv(5), null).status()).isEqualTo(201);

        JsonNode profile = profileInExport(api.get("/api/me/export", ada.token()).body());
        assertThat(profile.get("policyVersion").asText()).isEqualTo(Api.POLICY);
        assertThat(java.time.Instant.parse(profile.get("policyAcceptedAt").asText())).isAfter(java.time.Instant.now().minusSeconds(60));
        assertThat(profile.get("tokenSha256").asText()).isEqualTo(microjam.store.Tokens.hash(ada.token()));
    }

    private static JsonNode profileInExport(byte[] zip) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; )
                if (e.getName().equals("profile.json")) return Api.JSON.readTree(in.readAllBytes());
        }
        throw new AssertionError("no profile.json in the export");
    }
}
