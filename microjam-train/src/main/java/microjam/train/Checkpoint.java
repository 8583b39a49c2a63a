// What a training run leaves after every epoch in its checkpoint directory, so --resume can go on:
// the latest weights and the best so far as model files, and the loss history as CSV. (Adam's moment
// estimates are not kept: a resumed run restarts them, at the learning rate the history implies.)
package microjam.train;

import microjam.robojam.Contract;
import microjam.robojam.Model;
import microjam.robojam.ModelFile;
import microjam.robojam.Weights;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

final class Checkpoint {
    private Checkpoint() {
    }

    static Path model(Path dir) {
        return dir.resolve("checkpoint.model");
    }

    static Path best(Path dir) {
        return dir.resolve("best.model");
    }

    static Path losses(Path dir) {
        return dir.resolve("losses.csv");
    }

    /** The run's contract and metadata (Training.contract, Training.metadata), so a checkpoint can be evaluated and served like the final model. */
    static void write(Path dir, Weights latest, Weights best, List<Training.Epoch> history, Contract contract, Map<String, String> metadata) {
        try {
            Files.createDirectories(dir);
            ModelFile.write(new Model("checkpoint", "", contract, metadata, latest), model(dir));
            ModelFile.write(new Model("best", "", contract, metadata, best), best(dir));
            Training.writeLosses(history, losses(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint in " + dir, e);
        }
    }

    static List<Training.Epoch> history(Path dir) {
        if (!Files.exists(model(dir)) || !Files.exists(losses(dir)))
            throw new IllegalArgumentException("--resume: no checkpoint in " + dir);
        try {
            List<Training.Epoch> history = new ArrayList<>();
            for (String line : Files.readAllLines(losses(dir)).stream().skip(1).toList()) {
                String[] f = line.split(",");
                history.add(new Training.Epoch(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])));
            }
            return history;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
