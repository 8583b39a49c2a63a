// microjam robojam: answer a call from the command line, and make random models for tests and benchmarks.
package microjam.cli;

import microjam.performance.TouchCsv;
import microjam.performance.Touches;
import microjam.robojam.Model;
import microjam.robojam.ModelFile;
import microjam.robojam.RandomModel;
import microjam.robojam.RoboJam;
import microjam.robojam.Settings;
import microjam.robojam.Shape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "robojam", description = "RoboJam, the AI that answers a performance.", mixinStandardHelpOptions = true,
        subcommands = {RoboJamCommand.Respond.class, RoboJamCommand.RandomModelCommand.class})
final class RoboJamCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "respond", mixinStandardHelpOptions = true,
            description = "Answer a call performance (microjam CSV) with a new one, written to standard output.",
            footer = {"", "Examples:", "  microjam robojam respond call.csv > response.csv",
                    "  microjam robojam respond call.csv --model robojam.model --temperature 1.0 --seed 7"})
    static final class Respond implements Callable<Integer> {
        @Parameters(paramLabel = "CALL.csv", description = "The call, as microjam CSV (an empty call gives an unconditioned response).")
        Path callFile;
        @Option(names = "--model", paramLabel = "FILE", description = "Model file (default: the shipped model, if any).")
        Path model;
        @Option(names = "--temperature", description = "Mixture temperature, 0 to 10 (default: the model's recommendation; the original's is 1.5).")
        Double temperature;
        @Option(names = "--sigma-temperature", description = "Spread temperature, 0 to 10 (default: the model's recommendation; the original's is 0.01).")
        Double sigmaTemperature;
        @Option(names = "--candidates", description = "Answers drawn, keeping the nearest to the call in character, 1 to 64 (default: the model's recommendation).")
        Integer candidates;
        @Option(names = "--seed", description = "Seed: the same seed gives the same response (default: random).")
        Long seed;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Touches call = TouchCsv.read(Files.readString(callFile, StandardCharsets.UTF_8));
            Model loaded = Models.load(model);
            Settings settings = loaded.recommended().or(temperature, sigmaTemperature, candidates)
                    .withSeed(seed != null ? seed : new SecureRandom().nextLong());
            try (RoboJam robojam = new RoboJam(loaded, 1)) {
                RoboJam.Answer answer = robojam.respond(call, settings);
                spec.commandLine().getOut().print(TouchCsv.write(answer.touches()));
                spec.commandLine().getOut().flush();
                spec.commandLine().getErr().printf(Locale.ROOT, "robojam: %d touches, %.2f s, in %.0f ms (model %s)%n", answer.touches().size(),
                        answer.touches().isEmpty() ? 0 : answer.touches().get(answer.touches().size() - 1).time(), answer.millis(), robojam.model().name());
            }
            return 0;
        }
    }

    @Command(name = "random-model", mixinStandardHelpOptions = true,
            description = "Write a valid model with random weights, for tests and benchmarks.",
            footer = {"", "Example:", "  microjam robojam random-model --layers 2 --units 512 --mixtures 5 -o random.model"})
    static final class RandomModelCommand implements Callable<Integer> {
        @Option(names = "--layers", defaultValue = "2", description = "LSTM layers (default ${DEFAULT-VALUE}).")
        int layers;
        @Option(names = "--units", defaultValue = "512", description = "Units per layer (default ${DEFAULT-VALUE}).")
        int units;
        @Option(names = "--mixtures", defaultValue = "5", description = "Mixture components (default ${DEFAULT-VALUE}).")
        int mixtures;
        @Option(names = "--seed", defaultValue = "1", description = "Seed of the weights (default ${DEFAULT-VALUE}).")
        long seed;
        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to write the model.")
        Path output;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Model model = RandomModel.create(new Shape(layers, units, mixtures, 3), seed);
            ModelFile.write(model, output);
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %s, %.1f MB%n", output, model.name(), Files.size(output) / 1e6);
            return 0;
        }
    }
}
