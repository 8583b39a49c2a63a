// Attack: rows that poison other people's jams. A reply whose touches the domain accepts but whose CSV,
// as written, breaks the reader's limits (z = 1e308 writes 175 KB, over 128 KiB) was answered 400 but
// stored, and from then on the jam it replied to, the poster's export and the research export failed
// for everyone. Now it is refused before the transaction and nothing is stored.
package microjam.web;

import microjam.testing.Api;
import microjam.testing.DatabaseSnapshot;
import microjam.testing.Engine;
import microjam.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(Engine.class)
class PoisonedRowTest extends ServerTest {
    @Test
    void aReplyThatCouldNotBeReadBackIsRefusedAndOthersJamsStayReadable() {
        Api.Performer ada = api.newPerformer(), eve = api.newPerformer();
        UUID jam = api.publishOk(ada, "keys", Api.sampleCsv(20), null);
        StringBuilder poison = new StringBuilder("time,x,y,z,moving\n");
        for (int i = 0; i < 2000; i++) poison.append(i * 0.002).append(",0.5,0.5,1e308,1\n");
        assertThat(poison.length()).as("the attack fits the upload limit").isLessThan(microjam.performance.TouchCsv.MAX_BYTES);

        var before = DatabaseSnapshot.of(server.database);
        Api.Response r = api.publish(eve, "keys", poison.toString(), jam);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("touches");
        assertThat(r.json().get("error").asText()).contains("z");
        assertThat(DatabaseSnapshot.of(server.database)).as("nothing stored").isEqualTo(before);

        // Everyone else's reads of that jam still work.
        assertThat(api.get("/api/performances/" + jam).status()).isEqualTo(200);
        assertThat(api.get("/api/performances/" + jam + "/replies").status()).isEqualTo(200);
        assertThat(api.get("/api/performances?performer=" + ada.id()).status()).isEqualTo(200);
        assertThat(api.get("/api/me/export", eve.token()).status()).isEqualTo(200);
        // The largest touch size allowed is stored and reads back.
        String big = "time,x,y,z,moving\n0.0, 0.5, 0.5, " + (int) microjam.performance.Touch.MAX_Z + ", 0\n";
        UUID reply = api.publishOk(eve, "keys", big, jam);
        assertThat(api.get("/api/performances/" + reply).json().get("layers")).hasSize(2);
    }
}
