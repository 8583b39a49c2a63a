// The curl examples in docs/api.md are run, as written, against a real server (its ports in place of 8080
// and 8443), so the documentation cannot drift from the API: each must answer 2xx (curl --fail-with-body,
// from a curlrc of the test's own), the sign-up's token is what the later examples send as $TOKEN, and the
// answers carry the fields the examples show.
package microjam.web;

import com.fasterxml.jackson.databind.JsonNode;
import microjam.testing.Engine;
import microjam.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocExamplesTest {
    static final Path API_DOC = Path.of("").toAbsolutePath().getParent().resolve("docs/api.md");

    /** The shell commands of every ```sh block: continuation lines joined, comments left out. */
    static List<String> examples(String markdown) {
        List<String> commands = new ArrayList<>();
        Matcher block = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (block.find())
            for (String line : block.group(1).replace("\\\n", " ").split("\n"))
                if (!line.isBlank() && !line.strip().startsWith("#")) commands.add(line.strip());
        return commands;
    }

    @Test
    void everyCurlExampleRunsAsWritten(@TempDir Path home) throws Exception {
        TestServer server = TestServer.shared(Engine.SQLITE);
        Files.writeString(home.resolve(".curlrc"), "fail-with-body\nmax-time = 60\n");
        List<String> commands = examples(Files.readString(API_DOC));
        assertThat(commands).as("examples in %s", API_DOC).hasSizeGreaterThanOrEqualTo(6).allMatch(c -> c.startsWith("curl "));
        String token = null;
        for (String written : commands) {
            String command = written.replace("https://localhost:8443", "https://localhost:" + server.server.httpsPort())
                    .replace("localhost:8080", "127.0.0.1:" + server.server.httpPort());
            Path errors = home.resolve("stderr");
            ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).redirectError(errors.toFile());
            builder.environment().put("HOME", home.toString());
            if (token != null) builder.environment().put("TOKEN", token);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("%s%n answered:%n%s%s", written, output, Files.readString(errors)).isZero();
            if (written.contains("/api/performers")) {
                JsonNode created = Json.MAPPER.readTree(output);
                assertThat(created.fieldNames()).toIterable().contains("id", "token", "stageName", "colour", "avatarUrl");
                token = created.get("token").asText();
            }
            if (written.contains("/api/predict")) assertThat(output).startsWith("HTTP/").contains("\"response\"");
            if (written.contains("/api/robojam")) assertThat(Json.MAPPER.readTree(output).fieldNames()).toIterable().contains("touches", "model");
        }
        assertThat(token).as("an example signs up").isNotNull();
    }

    @Test
    void theExamplesAreReadWhole() throws IOException {
        List<String> commands = examples("""
                ```sh
                curl -s a \\
                     -d 'b'
                # a comment
                curl c
                ```
                text
                ```sh
                curl d
                ```
                """);
        assertThat(commands).containsExactly("curl -s a       -d 'b'", "curl c", "curl d");
    }
}
