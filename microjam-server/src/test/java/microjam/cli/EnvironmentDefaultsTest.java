// The environment sets every option of serve by one rule (EnvironmentDefaults): the command line wins over
// it, it wins over the option's default; and every MICROJAM_ variable the deployment files and docs name is
// one that some option reads (MICROJAM_JAVA_OPTS, the launcher's, aside), so they cannot drift apart.
package microjam.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentDefaultsTest {
    /** The whole command line, serve reading the given environment. */
    static CommandLine withEnvironment(Map<String, String> environment) {
        CommandLine cli = Main.commandLine();
        cli.getSubcommands().get("serve").setDefaultValueProvider(new EnvironmentDefaults(environment::get));
        return cli;
    }

    static CommandLine serve(Map<String, String> environment) {
        return withEnvironment(environment).getSubcommands().get("serve");
    }

    @Test
    void theCommandLineWinsOverTheEnvironmentWhichWinsOverTheDefault() {
        CommandLine cli = withEnvironment(Map.of("MICROJAM_PORT", "7000", "MICROJAM_ROBOJAM_BUDGET", "123456", "MICROJAM_HTTPS_ONLY", "true",
                "MICROJAM_DATABASE_URL", "jdbc:postgresql://db/microjam", "MICROJAM_DATA_DIR", "/srv/microjam", "MICROJAM_OPERATOR", "Ada's Jams"));
        cli.parseArgs("serve", "--port", "9000");
        ServeCommand command = cli.getSubcommands().get("serve").getCommand();
        assertThat(command.port).as("the command line").isEqualTo(9000);
        assertThat(command.robojamBudget).as("the environment").isEqualTo(123456);
        assertThat(command.httpsOnly).isTrue();
        assertThat(command.operator).isEqualTo("Ada's Jams");
        assertThat(command.storage.databaseUrl).as("--database reads MICROJAM_DATABASE_URL").isEqualTo("jdbc:postgresql://db/microjam");
        assertThat(command.storage.dataDir).isEqualTo(Path.of("/srv/microjam"));
        assertThat(command.httpsPort).as("the default").isEqualTo(8443);
        assertThat(command.contact).as("no default, no variable").isNull();
    }

    @Test
    void everyVariableTheDeploymentAndTheDocsNameIsReadByAnOption() throws IOException {
        Set<String> read = new HashSet<>();
        for (OptionSpec option : serve(Map.of()).getCommandSpec().options())
            if (!option.usageHelp() && !option.versionHelp()) read.add(EnvironmentDefaults.variable(option.longestName()));
        assertThat(read).contains("MICROJAM_PORT", "MICROJAM_DATABASE_URL", "MICROJAM_ROBOJAM_BUDGET", "MICROJAM_KEYSTORE_PASSWORD");

        Path root = Path.of("").toAbsolutePath().getParent();
        Set<String> named = new HashSet<>();
        Pattern variable = Pattern.compile("MICROJAM_[A-Z_]+");
        try (Stream<Path> files = Stream.concat(Stream.of(root.resolve("README.md")),
                Stream.of("deploy", "docs").flatMap(d -> walk(root.resolve(d))))) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.(md|ya?ml|sh|Caddyfile)$") || f.endsWith("Caddyfile")).toList()) {
                Matcher m = variable.matcher(Files.readString(file));
                while (m.find()) named.add(m.group());
            }
        }
        named.remove("MICROJAM_JAVA_OPTS"); // the launcher's own, not an option
        assertThat(named).as("variables the deployment files and docs name").hasSizeGreaterThan(10);
        assertThat(read).as("options that read them").containsAll(named);
        assertThat(serve(Map.of()).getUsageMessage()).contains(EnvironmentDefaults.RULE.substring(0, 40));
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir).filter(Files::isRegularFile).filter(f -> !f.toString().contains("/target/"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
