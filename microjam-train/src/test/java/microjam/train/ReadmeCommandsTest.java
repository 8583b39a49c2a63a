// The README's command lines are read by the command line they document, so that they cannot drift from it:
// every `./microjam …` line (continuations joined, the comment and a redirection left out) parses with
// MicroJam's picocli commands, the training ones (robojam train, evaluate) with the trainer's. Parsing
// checks every subcommand, option and value; nothing is run. Synopsis lines ([optional] parts) are skipped.
package microjam.train;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class ReadmeCommandsTest {
    static final Path README = Path.of("").toAbsolutePath().getParent().resolve("README.md");

    /** Each command's words after ./microjam, from lines that begin with it. */
    static List<List<String>> commands(String markdown) {
        List<List<String>> commands = new ArrayList<>();
        String[] lines = markdown.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith("./microjam ")) continue;
            StringBuilder command = new StringBuilder();
            String line = lines[i];
            while (withoutComment(line).stripTrailing().endsWith("\\") && i + 1 < lines.length) {
                command.append(withoutComment(line).stripTrailing(), 0, withoutComment(line).stripTrailing().length() - 1).append(' ');
                line = lines[++i];
            }
            command.append(withoutComment(line));
            if (command.indexOf("[") >= 0) continue; // a synopsis, not a command
            List<String> words = words(command.toString());
            int redirect = words.indexOf(">");
            commands.add(List.copyOf(words.subList(1, redirect < 0 ? words.size() : redirect)));
        }
        return commands;
    }

    static String withoutComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') quoted = !quoted;
            else if (c == '#' && !quoted && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) return line.substring(0, i);
        }
        return line;
    }

    /** Shell words: split on spaces, single quotes kept together and removed. */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false, any = false;
        for (char c : command.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) words.add(word.toString());
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) words.add(word.toString());
        return words;
    }

    @Test
    void everyCommandLineInTheReadmeParses() throws IOException {
        List<List<String>> commands = commands(Files.readString(README));
        assertThat(commands).as("command lines in %s", README).hasSizeGreaterThanOrEqualTo(12);
        for (List<String> words : commands) {
            boolean training = words.size() > 1 && words.get(0).equals("robojam") && List.of("train", "evaluate").contains(words.get(1));
            CommandLine cli = training ? TrainMain.commandLine() : microjam.cli.Main.commandLine();
            String[] args = (training ? words.subList(1, words.size()) : words).toArray(String[]::new);
            assertThatCode(() -> cli.parseArgs(args)).as("./microjam %s", String.join(" ", words)).doesNotThrowAnyException();
        }
    }

    @Test
    void commandsAreReadAsTheShellWould() {
        assertThat(commands("""
                text
                ./microjam serve     # a comment
                ./microjam robojam train --data d \\
                    --units 256 -o m.model   # also m.model.losses.csv
                ./microjam bench robojam [--threads N]
                ./microjam bench load --database 'jdbc:x?user=mj' --mix upload
                ./microjam robojam respond call.csv --seed 7 > response.csv
                """)).containsExactly(List.of("serve"), List.of("robojam", "train", "--data", "d", "--units", "256", "-o", "m.model"),
                List.of("bench", "load", "--database", "jdbc:x?user=mj", "--mix", "upload"), List.of("robojam", "respond", "call.csv", "--seed", "7"));
    }
}
