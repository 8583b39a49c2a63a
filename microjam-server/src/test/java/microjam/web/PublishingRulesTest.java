// A submitted performance is checked whole: each broken rule is a 400 naming the field and the rule,
// and nothing is stored.
package microjam.web;

import microjam.testing.Api;
import microjam.testing.Engine;
import microjam.testing.ServerTest;
import microjam.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(Engine.class)
class PublishingRulesTest extends ServerTest {
    Api.Performer ada;

    @BeforeEach
    void signUp() {
        ada = api.newPerformer();
    }

    @Test
    void eachBrokenCsvRuleIsA400WithItsLine() {
        String[][] cases = {
                {"0.1, 0.2, 0.3, 0, 0\n", "line 1: the first line must be the header"},
                {"time,x,y,z,moving\n0.1, 0.2, 0.3, 0\n", "line 2: each touch has 5 fields"},
                {"time,x,y,z,moving\n0.1, 1.2, 0.3, 0, 0\n", "line 2: x must be between 0 and 1"},
                {"time,x,y,z,moving\n0.1, 0.2, 0.3, 0, 0\n6.0, 0.2, 0.3, 0, 1\n", "line 3: time must be at most 5.0 s"},
                {"time,x,y,z,moving\n0.1, 0.2, NaN, 0, 0\n", "line 2: y must be a finite number"},
                {"time,x,y,z,moving\n0.1, 0.2, 0.3, 0, 7\n", "line 2: moving must be 0 or 1"},
                {"time,x,y,z,moving\n", "a performance needs at least one touch"},
        };
        for (String[] c : cases) {
            Api.Response r = api.publish(ada, "keys", c[0], null);
            assertThat(r.status()).as(c[1]).isEqualTo(400);
            assertThat(r.json().get("error").asText()).as(c[1]).contains(c[1]);
            assertThat(r.json().get("field").asText()).isEqualTo("touches");
        }
        assertThat(api.get("/api/performances?view=all&performer=" + ada.id()).json().get("items")).isEmpty();
    }

    @Test
    void fieldsAreCheckedByNameAndType() {
        String csv = "time,x,y,z,moving\\n0.1,0.1,0.1,0,0\\n";
        assertField(api.post("/api/performances", ada.token(), "{\"instrument\":\"kazoo\",\"colour\":\"#ffffff\",\"touches\":\"" + csv + "\"}"), 400, "instrument");
        assertField(api.post("/api/performances", ada.token(), "{\"instrument\":\"keys\",\"colour\":\"white\",\"touches\":\"" + csv + "\"}"), 400, "colour");
        assertField(api.post("/api/performances", ada.token(), "{\"instrument\":\"keys\",\"colour\":\"#ffffff\"}"), 400, "touches");
        assertField(api.post("/api/performances", ada.token(), "{\"instrument\":\"keys\",\"colour\":\"#ffffff\",\"touches\":42}"), 400, "touches");
        assertField(api.post("/api/performances", ada.token(), "{\"instrument\":\"keys\",\"colour\":\"#ffffff\",\"touches\":\"" + csv + "\",\"location\":\"home\"}"), 400, "location");
        assertThat(api.post("/api/performances", ada.token(), "{\"instrument\":\"keys\",\"instrument\":\"drums\"}").json().get("error").asText()).contains("Duplicate field");
        assertThat(api.post("/api/performances", ada.token(), "{not json").status()).isEqualTo(400);
        assertThat(api.post("/api/performances", ada.token(), "[]").status()).isEqualTo(400);
    }

    @Test
    void writesNeedAValidToken() {
        assertField(api.publish(new Api.Performer(ada.id(), null, "x"), "keys", Api.sampleCsv(3), null), 401, "Authorization");
        assertField(api.publish(new Api.Performer(ada.id(), "A".repeat(43), "x"), "keys", Api.sampleCsv(3), null), 401, "Authorization");
        assertField(api.publish(new Api.Performer(ada.id(), "not a token", "x"), "keys", Api.sampleCsv(3), null), 401, "Authorization");
    }

    @Test
    void bodiesHaveLimitsAndTypes() {
        Api.Response tooLarge = api.send(api.request("/api/performances", ada.token()).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[3 * 1024 * 1024])));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("error").asText()).contains("limit");
        Api.Response wrongType = api.send(api.request("/api/performances", ada.token()).header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("time,x,y,z,moving\n")));
        assertField(wrongType, 415, "Content-Type");
    }

    static void assertField(Api.Response r, int status, String field) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.json().get("field").asText()).as(r.text()).isEqualTo(field);
        assertThat(r.json().get("error").asText()).isNotBlank();
    }
}
