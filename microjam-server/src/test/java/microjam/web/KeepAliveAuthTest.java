// A request is authenticated by its own token only: on a kept-alive connection, a request with a
// wrong token after one with a right token is refused (nothing of the first request's identity is kept),
// also when the wrong token differs from the right one only in the case of a letter.
package microjam.web;

import microjam.testing.Api;
import microjam.testing.Engine;
import microjam.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(Engine.class)
class KeepAliveAuthTest extends ServerTest {
    @Test
    void aWrongTokenAfterARightOneOnTheSameConnectionIsRefused() throws Exception {
        Api.Performer ada = api.newPerformer();
        UUID adas = api.publishOk(ada, "keys", Api.sampleCsv(10), null);
        String token = ada.token();
        // Jetty's per-connection header cache once matched values ignoring case: a token that differs only in
        // the case of one letter was taken for the token sent before it on the connection.
        String caseFlipped = flipCaseOfFirstLetter(token);
        String oneOff = (token.charAt(0) == 'a' ? "b" : "a") + token.substring(1);
        try (Socket socket = new Socket("127.0.0.1", server.server.httpPort())) {
            socket.setSoTimeout(10_000);
            for (int i = 0; i < 20; i++) {
                String wrong = i % 2 == 0 ? caseFlipped : oneOff;
                String right = "GET /api/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\n\r\n";
                String bad = "DELETE /api/performances/" + adas + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + wrong + "\r\n\r\n";
                socket.getOutputStream().write((right + bad).getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                assertThat(status(socket.getInputStream())).isEqualTo(200);
                assertThat(status(socket.getInputStream())).as("round %d: the DELETE with the wrong token %s", i, i % 2 == 0 ? "(case flipped)" : "(one letter off)")
                        .isEqualTo(401);
            }
        }
        assertThat(api.get("/api/performances/" + adas).status()).isEqualTo(200);
    }

    @Test
    void aTokenThatDiffersOnlyInCaseIsAnotherToken() {
        Api.Performer ada = api.newPerformer();
        UUID adas = api.publishOk(ada, "keys", Api.sampleCsv(10), null);
        assertThat(api.get("/api/me", ada.token()).status()).isEqualTo(200);
        assertThat(api.delete("/api/performances/" + adas, flipCaseOfFirstLetter(ada.token())).status()).isEqualTo(401);
        assertThat(api.get("/api/performances/" + adas).status()).isEqualTo(200);
    }

    private static String flipCaseOfFirstLetter(String token) {
        int at = 0;
        while (!Character.isLetter(token.charAt(at))) at++;
        char c = token.charAt(at);
        return token.substring(0, at) + (Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c)) + token.substring(at + 1);
    }

    private static int status(InputStream in) throws Exception {
        return Integer.parseInt(RoboJamOverloadTest.readResponse(in).substring(9, 12));
    }
}
