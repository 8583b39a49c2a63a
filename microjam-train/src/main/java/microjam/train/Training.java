// Trains the network with Adam and gradient clipping on windows of the training sessions, measures the
// validation loss after every epoch, keeps the best weights, stops early when validation stops improving,
// and writes a checkpoint (a model file and the loss history) every epoch so a run can be resumed.
// A --log-dt run learns the NLL of u but reports NLLs over dt (its windows' mean change of variables
// added: a constant, so the gradients and the plateau rule are the same), which compare across models.
package microjam.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import microjam.console.Progress;
import microjam.robojam.Contract;
import microjam.robojam.Model;
import microjam.robojam.ModelFile;
import microjam.robojam.PerformanceStyle;
import microjam.robojam.Weights;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;

public final class Training {
    public record Epoch(int epoch, double trainLoss, double validationLoss, double seconds) {
    }

    /** bestEpoch 0: no epoch beat the starting model (--init), whose weights are then the best. */
    public record Result(Weights best, List<Epoch> history, int bestEpoch, double bestValidationLoss, double seconds, boolean stoppedEarly) {
    }

    /**
     * Adam's learning rate and the plateau rule that drives it: each epoch's validation loss is recorded;
     * after every --lr-patience epochs in a row without a new best, the rate is halved. A resumed run
     * replays its history through the same rule, so it goes on at the rate the interrupted one had reached.
     * Adam's moments are not in a checkpoint, and restarted from zero on trained weights its first steps are
     * about ±rate for every parameter at once; so a resumed or --init run warms the rate up over its first
     * epoch (rate · update / warm-up steps).
     */
    static final class PlateauRate implements ai.djl.training.tracker.Tracker {
        private volatile float rate;
        private final int patience;
        private double best = Double.POSITIVE_INFINITY;
        private int sinceBest;
        private int warmUpSteps;

        PlateauRate(float rate, int patience) {
            this.rate = rate;
            this.patience = patience;
        }

        /** Counts one epoch's validation loss; answers whether it is the best so far. */
        boolean record(double validationLoss) {
            if (validationLoss < best) {
                best = validationLoss;
                sinceBest = 0;
                return true;
            }
            if (++sinceBest % patience == 0) rate /= 2; // the validation loss is noisy near the optimum: take smaller steps
            return false;
        }

        double best() {
            return best;
        }

        int sinceBest() {
            return sinceBest;
        }

        void warmUp(int steps) {
            warmUpSteps = steps;
        }

        @Override
        public float getNewValue(int numUpdate) {
            return numUpdate < warmUpSteps ? rate * numUpdate / warmUpSteps : rate;
        }
    }

    private final TrainConfig config;
    private final MdnLoss loss;
    private final Path checkpoints;
    private final PrintWriter err;

    public Training(TrainConfig config, Path checkpoints, PrintWriter err) {
        this.config = config;
        this.loss = new MdnLoss(config.shape().mixtures(), config.shape().dimensions());
        this.checkpoints = checkpoints;
        this.err = err;
    }

    public Result run(Split split, boolean resume, double maxMinutes) {
        return run(split, resume, maxMinutes, null);
    }

    /** initial: weights to start from (for example a model pre-trained on other data), or null. */
    public Result run(Split split, boolean resume, double maxMinutes, Weights initial) {
        Windows train = windows(Windows.balanced(split.training(), config.balance())), valid = windows(split.validation());
        if (train.size() == 0 || valid.size() == 0)
            throw new IllegalArgumentException("no " + (train.size() == 0 ? "training" : "validation") + " window: the sessions are shorter than --seq-len + 1 touches");
        List<Epoch> history = resume ? Checkpoint.history(checkpoints) : new ArrayList<>();
        Contract contract = contract(config, split); // the training performances' mean style: the same every epoch
        long started = System.nanoTime();
        // The engine's generator draws the initial weights: seeded, a run is repeated by its seed (it was not, and a tiny
        // test run's best epoch moved from run to run).
        ai.djl.engine.Engine.getInstance().setRandomSeed((int) config.seed());
        try (ai.djl.Model model = ai.djl.Model.newInstance("robojam")) {
            model.setBlock(MdnNetwork.block(config.shape()));
            // Replaying a resumed run's history keeps the rate it had reached: restarting Adam at the full rate
            // undid 19 epochs of progress in one epoch when tried.
            PlateauRate rate = new PlateauRate(config.learningRate(), config.ratePatience());
            history.forEach(e -> rate.record(e.validationLoss()));
            DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(loss).optOptimizer(Optimizer.adam()
                    .optLearningRateTracker(rate).optClipGrad(config.clip()).build());
            try (Trainer trainer = model.newTrainer(trainingConfig)) {
                trainer.initialize(new Shape(config.batch(), config.seqLen(), config.shape().inputSize(0)));
                if (resume) load(model.getBlock(), ModelFile.read(Checkpoint.model(checkpoints)).weights());
                else if (initial != null) load(model.getBlock(), initial);
                Weights best = resume ? ModelFile.read(Checkpoint.best(checkpoints)).weights() : null;
                int bestEpoch = history.stream().min((a, b) -> Double.compare(a.validationLoss(), b.validationLoss())).map(Epoch::epoch).orElse(0);
                if (!resume && initial != null) {
                    // The starting model is the one to beat: a fine-tune that only makes it worse (Adam at 1e-3 took
                    // the shipped model from -3.8 to +2.3 in one epoch on 40 new performances) must leave it as it was.
                    best = initial;
                    rate.record(validate(trainer, valid));
                }
                int first = history.isEmpty() ? 1 : history.getLast().epoch() + 1;
                int steps = (train.size() + config.batch() - 1) / config.batch();
                if (resume || initial != null) rate.warmUp(steps);
                boolean early = false;
                try (Progress progress = new Progress("training", (long) steps * (config.epochs() - first + 1), err)) {
                    for (int epoch = first; epoch <= config.epochs(); epoch++) {
                        long epochStart = System.nanoTime();
                        double trainLoss = trainEpoch(trainer, train, epoch, progress, rate.best());
                        double validationLoss = validate(trainer, valid);
                        history.add(new Epoch(epoch, trainLoss, validationLoss, (System.nanoTime() - epochStart) / 1e9));
                        Weights now = Exporter.weights(model.getBlock(), config.shape());
                        if (rate.record(validationLoss)) {
                            bestEpoch = epoch;
                            best = now;
                        }
                        Checkpoint.write(checkpoints, now, best, history, contract, metadata(config, split));
                        if (rate.sinceBest() >= config.patience()) {
                            early = true;
                            break;
                        }
                        if (maxMinutes > 0 && (System.nanoTime() - started) / 6e10 > maxMinutes) break;
                    }
                }
                return new Result(best, history, bestEpoch, rate.best(), (System.nanoTime() - started) / 1e9, early);
            }
        }
    }

    /**
     * How a model from this run is run: its inputs and outputs as configured, the training performances' mean style for
     * an empty call (a style-conditioned model), and the sampling it recommends (TrainConfig). The model file and its
     * checkpoints carry it.
     */
    static Contract contract(TrainConfig config, Split split) {
        return config.contract().withDefaultStyle(config.shape().conditions() > 0 ? meanStyle(split.training()) : null);
    }

    /** What evaluate needs of a model from this run beside its contract: its split, so it picks the held-out sessions. The trainer's model file adds
     * its history. */
    static Map<String, String> metadata(TrainConfig config, Split split) {
        Map<String, String> meta = new TreeMap<>();
        meta.put("split.seed", String.valueOf(config.seed()));
        meta.put("split.by", "session");
        meta.put("split.training.sessions", String.valueOf(split.training().size()));
        meta.put("split.validation.sessions", String.valueOf(split.validation().size()));
        meta.put("split.validation.ids", String.join(" ", split.validationIds()));
        if (config.balance() > 1) meta.put("hyper.balance", String.valueOf(config.balance()));
        return meta;
    }

    /** The training performances' mean style: what a style-conditioned model reads for an empty call. */
    static PerformanceStyle meanStyle(List<Session> sessions) {
        double rate = 0, moving = 0, spread = 0, x = 0, y = 0;
        for (Session s : sessions) {
            PerformanceStyle style = s.style();
            rate += style.rate() / sessions.size();
            moving += style.moving() / sessions.size();
            spread += style.spread() / sessions.size();
            x += style.meanX() / sessions.size();
            y += style.meanY() / sessions.size();
        }
        return new PerformanceStyle(rate, Math.min(moving, 1), spread, Math.min(x, 1), Math.min(y, 1));
    }

    private Windows windows(List<Session> sessions) {
        int conditions = config.shape().conditions();
        return config.stream() ? Windows.stream(sessions, config.seqLen(), config.seed(), config.startSteps(), conditions) : Windows.of(sessions, config.seqLen(), conditions);
    }

    private double trainEpoch(Trainer trainer, Windows train, int epoch, Progress progress, double bestLoss) {
        int[] order = permutation(train.size(), config.seed() * 31 + epoch);
        double shift = overDt(train), sum = 0;
        int seen = 0;
        for (int from = 0; from < train.size(); from += config.batch()) {
            int count = Math.min(config.batch(), train.size() - from);
            try (NDManager batch = trainer.getManager().newSubManager()) {
                NDArray[] xy = inputsAndTargets(batch, train, order, from, count);
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray out = trainer.forward(new NDList(xy[0])).singletonOrThrow();
                    NDArray l = loss.evaluate(new NDList(xy[1], xy[2]), new NDList(out));
                    collector.backward(l);
                    sum += l.getFloat() * count;
                    seen += count;
                }
                trainer.step();
            }
            progress.step(String.format(Locale.ROOT, "epoch %d/%d loss %.3f best val %s", epoch, config.epochs(), sum / seen + shift,
                    Double.isInfinite(bestLoss) ? "-" : String.format(Locale.ROOT, "%.3f", bestLoss)));
        }
        return sum / seen + shift;
    }

    /** Mean negative log-likelihood per touch over the validation windows. */
    public double validate(Trainer trainer, Windows valid) {
        int[] order = IntStream.range(0, valid.size()).toArray();
        double sum = 0;
        for (int from = 0; from < valid.size(); from += config.batch()) {
            int count = Math.min(config.batch(), valid.size() - from);
            try (NDManager batch = trainer.getManager().newSubManager()) {
                NDArray[] xy = inputsAndTargets(batch, valid, order, from, count);
                NDArray out = trainer.evaluate(new NDList(xy[0])).singletonOrThrow();
                sum += loss.evaluate(new NDList(xy[1], xy[2]), new NDList(out)).getFloat() * count;
            }
        }
        return sum / valid.size() + overDt(valid);
    }

    /** What turns a mean loss on these windows into an NLL over dt: 0, or for a LogDt run the change of variables. */
    private double overDt(Windows windows) {
        return config.logDt() ? windows.changeOfVariables() : 0;
    }

    /** Inputs, targets and the targets' weights in the loss. */
    private NDArray[] inputsAndTargets(NDManager manager, Windows windows, int[] order, int from, int count) {
        return new NDArray[]{manager.create(windows.inputs(order, from, count, config.contract()), new Shape(count, config.seqLen(), config.shape().inputSize(0))),
                manager.create(windows.targets(order, from, count, config.contract()), new Shape(count, config.seqLen(), 3)),
                manager.create(windows.weights(order, from, count), new Shape(count, config.seqLen()))};
    }

    /** Copies model-file weights into the DJL network (the summed bias goes to i2h, h2h is zero). */
    static void load(ai.djl.nn.Block block, Weights w) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            String name = p.getKey();
            NDArray array = p.getValue().getArray();
            float[] values = null;
            for (int l = 0; l < w.shape().layers(); l++) {
                if (name.endsWith("l_" + l + "_i2h_WEIGHT")) values = w.inputKernel()[l];
                else if (name.endsWith("l_" + l + "_h2h_WEIGHT")) values = w.recurrentKernel()[l];
                else if (name.endsWith("l_" + l + "_i2h_BIAS")) values = w.bias()[l];
                else if (name.endsWith("l_" + l + "_h2h_BIAS")) values = new float[w.bias()[l].length];
            }
            if (name.endsWith("Linear_weight")) values = w.headKernel();
            if (name.endsWith("Linear_bias")) values = w.headBias();
            if (values == null) throw new IllegalStateException("no weights for parameter " + name);
            array.set(FloatBuffer.wrap(values));
        }
    }

    static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Writes the learning curves as CSV next to the model. */
    public static void writeLosses(List<Epoch> history, Path file) {
        StringBuilder csv = new StringBuilder("epoch,train_loss,validation_loss,seconds\n");
        for (Epoch e : history) csv.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.1f%n", e.epoch(), e.trainLoss(), e.validationLoss(), e.seconds()));
        try {
            Files.writeString(file, csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
