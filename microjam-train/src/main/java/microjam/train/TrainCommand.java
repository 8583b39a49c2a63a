// microjam robojam train: trains RoboJam on real touch data and writes a model file, its loss CSV
// and a learning-curve plot next to it.
package microjam.train;

import microjam.robojam.LogDt;
import microjam.robojam.Model;
import microjam.robojam.ModelFile;
import microjam.robojam.PerformanceStyle;
import microjam.robojam.Shape;
import microjam.robojam.Weights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train RoboJam (LSTM + mixture density head) on touch performances; writes MODEL, MODEL.losses.csv and MODEL.curves.png.",
        footer = {"", "Examples:", "  microjam robojam train --data ../shared/data/microjam --only ../shared/data/microjam/cc0.txt -o robojam.model",
                "  microjam robojam train --from-database jdbc:sqlite:microjam-data/microjam.db --units 128 -o robojam.model",
                "  microjam robojam train --data ../shared/data/metatone --epochs 5 -o pretrained.model"})
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "PATH", description = "A directory or file of microjam CSVs or Metatone logs (repeatable).")
    List<Path> data = new ArrayList<>();
    @Option(names = "--only", paramLabel = "LIST", description = "Use only the microjam files this list names (e.g. cc0.txt).")
    Path only;
    @Option(names = "--from-database", paramLabel = "JDBC-URL", description = "Also train on the public performances of a MicroJam database.")
    String database;
    @Option(names = "--layers", defaultValue = "2") int layers;
    @Option(names = "--units", defaultValue = "128") int units;
    @Option(names = "--mixtures", defaultValue = "5") int mixtures;
    @Option(names = "--seq-len", defaultValue = "50") int seqLen;
    @Option(names = "--stream", description = "Cut windows from all sessions joined in a seeded random order, so the network learns to go on from one performance into another (as when answering a call), instead of from each session alone.")
    boolean stream;
    @Option(names = "--start-steps", description = "With --stream: put a performance-start step before each performance, which RoboJam then also reads before the call and before its response. A model --init starts from keeps its own.")
    boolean startSteps;
    @Option(names = "--style", description = "Condition the network on each performance's style (touch rate, moving share, spread), read beside every touch; RoboJam reads the call's, so it answers in kind. A model --init starts from keeps its own; one without gets zero weights for the new inputs.")
    boolean style;
    @Option(names = "--place", description = "With --style: condition on each performance's mean place (x, y) too, so RoboJam answers where the call played. "
            + "A style-conditioned model --init starts from gets zero weights for the two new inputs.")
    boolean place;
    @Option(names = "--log-dt", description = "Predict dt in log space (LogDt): swipes at 60 Hz and pauses of a second are then not one Gaussian scale. A model --init starts from keeps its own.")
    boolean logDt;
    @Option(names = "--balance", defaultValue = "1", paramLabel = "N", description = "Repeat each training performance with fewer touches than the median about median/touches times, at most N, "
            + "so sparse tap performances weigh about as much in the loss as long swipes (validation is never repeated). Default ${DEFAULT-VALUE}: off.")
    int balance;
    @Option(names = "--batch", defaultValue = "64") int batch;
    @Option(names = "--epochs", defaultValue = "30") int epochs;
    @Option(names = "--lr", defaultValue = "0.001") float lr;
    @Option(names = "--clip", defaultValue = "1.0", description = "Gradient clipping (default ${DEFAULT-VALUE}).") float clip;
    @Option(names = "--patience", defaultValue = "6", description = "Epochs without a better validation loss before stopping (default ${DEFAULT-VALUE}).") int patience;
    @Option(names = "--lr-patience", defaultValue = "1", description = "Epochs without a better validation loss before the learning rate is halved (default ${DEFAULT-VALUE}).") int ratePatience;
    @Option(names = "--validation", defaultValue = "0.1", description = "Share of sessions held out (default ${DEFAULT-VALUE}).") double validation;
    @Option(names = "--seed", defaultValue = "1") long seed;
    @Option(names = "--scale", defaultValue = "10") float scale;
    @Option(names = "--max-minutes", defaultValue = "0", description = "Stop after the epoch that passes this many minutes (0: no limit).") double maxMinutes;
    @Option(names = "--name", description = "Model name (default: from the shape).") String name;
    @Option(names = "--resume", description = "Go on from the checkpoint in MODEL.checkpoints.") boolean resume;
    @Option(names = "--init", paramLabel = "FILE", description = "Start from this model's weights (e.g. pre-trained on Metatone), and its shape unless --layers, --units or --mixtures is given.") Path init;
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "MODEL") Path output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The shape asked for; with --init and no shape option given, the starting model's own. */
    private Shape shape(Weights initial) {
        var parsed = spec.commandLine().getParseResult();
        boolean asked = parsed.hasMatchedOption("--layers") || parsed.hasMatchedOption("--units") || parsed.hasMatchedOption("--mixtures");
        Shape shape = initial != null && !asked ? initial.shape() : new Shape(layers, units, mixtures, 3);
        return shape.withConditions(conditions(initial));
    }

    /** The conditions the trained model reads: its starting model's at least, a style's with --style, and its place's too with --place. */
    private int conditions(Weights initial) {
        int asked = place ? PerformanceStyle.CODES_WITH_PLACE : style ? PerformanceStyle.CODES : 0;
        return Math.max(asked, initial == null ? 0 : initial.shape().conditions());
    }

    @Override
    public Integer call() {
        if (data.isEmpty() && database == null) throw new IllegalArgumentException("give training data with --data PATH and/or --from-database JDBC-URL");
        Model starting = init == null ? null : ModelFile.read(init);
        Weights initial = starting == null ? null : starting.weights();
        // A model that reads fewer conditions starts one that reads more as it was: the new inputs' weights are zero.
        if (initial != null && conditions(initial) > initial.shape().conditions()) initial = initial.withConditions(conditions(initial));
        // A model goes on as it was trained: predicting dt in log space (its head's third output means u, not dt),
        // and reading performance-start steps (it is served with them).
        boolean logDtOutput = logDt || starting != null && starting.contract().logDt();
        boolean starts = startSteps || starting != null && starting.contract().startSteps();
        if (starts && !stream && !startSteps)
            throw new IllegalArgumentException("--init: " + init + " reads performance-start steps, so fine-tuning it needs --stream");
        TrainConfig config = new TrainConfig(shape(initial), seqLen, batch, epochs, lr, clip, patience, ratePatience, seed, validation, scale, stream, starts, logDtOutput, balance,
                starting == null ? null : starting.recommended());
        List<Session> sessions = Sources.read(data, only == null ? null : MicrojamReader.list(only), database);
        Split split = Split.of(sessions, validation, seed);
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "data: %d sessions, %d touches; %d for training, %d held out (seed %d)%n", sessions.size(),
                sessions.stream().mapToInt(Session::length).sum(), split.training().size(), split.validation().size(), seed);
        Path checkpoints = output.resolveSibling(output.getFileName() + ".checkpoints");
        if (initial != null && !initial.shape().equals(config.shape()))
            throw new IllegalArgumentException("--init: " + init + " has shape " + initial.shape() + ", not " + config.shape());
        Training.Result result = new Training(config, checkpoints, spec.commandLine().getErr()).run(split, resume, maxMinutes, initial);
        Map<String, String> meta = new TreeMap<>(Training.metadata(config, split));
        meta.put("trained", Instant.now().toString());
        meta.put("hyper.seq-len", String.valueOf(seqLen));
        meta.put("hyper.windows", stream ? "stream" : "session");
        meta.put("hyper.batch", String.valueOf(batch));
        meta.put("hyper.lr", String.valueOf(lr));
        meta.put("hyper.lr-patience", String.valueOf(ratePatience));
        meta.put("hyper.clip", String.valueOf(clip));
        meta.put("epochs", String.valueOf(result.history().size()));
        meta.put("best.epoch", String.valueOf(result.bestEpoch()));
        meta.put("validation.nll", String.format(Locale.ROOT, "%.4f", result.bestValidationLoss()));
        meta.put("training.seconds", String.format(Locale.ROOT, "%.0f", result.seconds()));
        if (starting != null) meta.put("init", starting.name());
        String modelName = name != null ? name : "robojam-" + layers + "x" + units + "x" + mixtures;
        String dataNote = String.join(", ", data.stream().map(p -> p.getFileName().toString()).toList())
                + (only != null ? " (only " + only.getFileName() + ")" : "") + (database != null ? " + database" : "");
        Model model = new Model(modelName, dataNote, Training.contract(config, split), meta, result.best());
        try {
            ModelFile.write(model, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Training.writeLosses(result.history(), output.resolveSibling(output.getFileName() + ".losses.csv"));
        Plots.learningCurves(result.history(), modelName, output.resolveSibling(output.getFileName() + ".curves.png"));
        if (result.bestEpoch() == 0)
            out.printf(Locale.ROOT, "wrote %s: no epoch of %d beat the starting model (validation NLL %.4f per touch), so its weights are kept; try a lower --lr%n",
                    output, result.history().size(), result.bestValidationLoss());
        else out.printf(Locale.ROOT, "wrote %s: best validation NLL %.4f per touch at epoch %d of %d%s, %.0f s%n", output, result.bestValidationLoss(),
                result.bestEpoch(), result.history().size(), result.stoppedEarly() ? " (stopped early)" : "", result.seconds());
        return 0;
    }
}
