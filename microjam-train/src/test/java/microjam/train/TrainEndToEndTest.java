// A tiny training run on a small sample the test makes itself lowers the loss, exports a model file,
// and the exported model answers through the server's /api/predict; --resume goes on from the checkpoint.
package microjam.train;

import microjam.robojam.ModelFile;
import microjam.robojam.PerformanceStyle;
import microjam.robojam.RoboJam;
import microjam.store.Database;
import microjam.web.ServerConfig;
import microjam.web.Tls;
import microjam.web.WebServer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class TrainEndToEndTest {
    /** Forty little performances: circles drawn at different speeds, with taps between them. */
    static Path sample() throws Exception {
        Path dir = Files.createTempDirectory("sample");
        for (int p = 0; p < 40; p++) {
            StringBuilder csv = new StringBuilder("time,x,y,z,moving\n");
            double time = 0, speed = 0.5 + p % 5 * 0.3;
            for (int i = 0; i < 80; i++) {
                boolean tap = i % 20 == 0;
                time += tap ? 0.3 : 0.02;
                double angle = i * speed / 6;
                csv.append(String.format(Locale.ROOT, "%f, %f, %f, 0, %d%n", time, 0.5 + 0.3 * Math.cos(angle), 0.5 + 0.3 * Math.sin(angle), tap ? 0 : 1));
            }
            Files.writeString(dir.resolve(String.format(Locale.ROOT, "perf-%02d.csv", p)), csv);
        }
        return dir;
    }

    @Test
    void aTinyRunLowersTheLossExportsAndAnswersThroughTheServer() throws Exception {
        Path data = sample();
        Path model = Files.createTempDirectory("trained").resolve("tiny.model");
        String[] args = {"train", "--data", data.toString(), "--units", "16", "--layers", "1", "--mixtures", "3", "--seq-len", "20",
                "--batch", "16", "--epochs", "12", "--patience", "20", "--lr", "0.01", "-o", model.toString()};
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cli = TrainMain.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute(args)).as(err.toString()).isZero();
        assertThat(err.toString()).contains("training [").contains("ETA");

        List<String> losses = Files.readAllLines(model.resolveSibling("tiny.model.losses.csv"));
        double first = Double.parseDouble(losses.get(1).split(",")[1]), last = Double.parseDouble(losses.getLast().split(",")[1]);
        assertThat(last).as("training loss, first epoch %s, last %s", first, last).isLessThan(first - 1);
        assertThat(Files.size(model.resolveSibling("tiny.model.curves.png"))).isPositive();
        var loaded = ModelFile.read(model);
        assertThat(loaded.metadata()).containsKeys("split.seed", "split.validation.ids", "validation.nll");
        assertThat(loaded.metadata().get("split.by")).isEqualTo("session");

        Path dir = Files.createTempDirectory("server");
        try (Database db = Database.open(Database.sqliteUrl(dir.resolve("m.db"))); RoboJam robojam = new RoboJam(loaded, 1)) {
            WebServer server = WebServer.start(new ServerConfig("127.0.0.1", 0, 0, false, Tls.selfSigned(dir)), db, robojam);
            try {
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/api/predict"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"perf\":\"time,x,y,z,moving\\n0.0, 0.8, 0.5, 0, 0\\n0.02, 0.79, 0.55, 0, 1\\n\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).contains("\"response\":\"time,x,y,z,moving\\n0.000000");
            } finally {
                server.close();
            }
        }

        String[] more = args.clone();
        more[java.util.Arrays.asList(more).indexOf("--epochs") + 1] = "14";
        String[] resumed = java.util.stream.Stream.concat(java.util.Arrays.stream(more), java.util.stream.Stream.of("--resume")).toArray(String[]::new);
        assertThat(cli.execute(resumed)).as(err.toString()).isZero();
        // Patience 20 outlasts the run, so the resumed run always adds its two epochs, wherever its best one fell.
        assertThat(Files.readAllLines(model.resolveSibling("tiny.model.losses.csv"))).as("epochs 1-12 kept, 13-14 added").hasSize(15);

        Path next = model.resolveSibling("next.model");
        assertThat(cli.execute("train", "--data", data.toString(), "--init", model.toString(), "--seq-len", "20", "--epochs", "1", "--stream", "--start-steps", "--log-dt", "-o", next.toString()))
                .as("--init alone takes the starting model's shape: " + err).isZero();
        assertThat(ModelFile.read(next).weights().shape()).isEqualTo(loaded.weights().shape());
        assertThat(ModelFile.read(next).contract().startSteps()).as("a model trained with --start-steps reads performance starts").isTrue();
        var checkpoint = ModelFile.read(next.resolveSibling("next.model.checkpoints").resolve("checkpoint.model"));
        assertThat(checkpoint.contract().startSteps()).as("so do its checkpoints, which are run as it is").isTrue();
        assertThat(checkpoint.metadata().get("split.validation.ids")).as("and they name the split, for evaluate")
                .isEqualTo(ModelFile.read(next).metadata().get("split.validation.ids"));
        assertThat(loaded.contract().startSteps()).as("one trained without them does not").isFalse();
        assertThat(ModelFile.read(next).contract().logDt()).as("--log-dt: the model and its checkpoints predict dt in log space").isTrue();
        assertThat(checkpoint.contract().logDt()).isTrue();
        assertThat(loaded.contract().logDt()).isFalse();
        Path again = next.resolveSibling("again.model");
        assertThat(cli.execute("train", "--data", data.toString(), "--init", next.toString(), "--seq-len", "20", "--epochs", "1", "--stream", "-o", again.toString()))
                .as(err.toString()).isZero();
        assertThat(ModelFile.read(again).contract().logDt()).as("fine-tuning a log-dt model keeps it one, without --log-dt").isTrue();
        assertThat(ModelFile.read(again).contract().startSteps()).as("and one that reads start steps goes on reading them").isTrue();
        assertThat(ModelFile.read(again).shape().conditions()).isZero();
        Path styled = next.resolveSibling("styled.model");
        assertThat(cli.execute("train", "--data", data.toString(), "--init", next.toString(), "--seq-len", "20", "--epochs", "1", "--stream", "--style", "-o", styled.toString()))
                .as(err.toString()).isZero();
        for (var m : List.of(ModelFile.read(styled), ModelFile.read(styled.resolveSibling("styled.model.checkpoints").resolve("checkpoint.model")))) {
            assertThat(m.shape().conditions()).as("--style: the model and its checkpoints read a style beside each touch").isEqualTo(PerformanceStyle.CODES);
            var fallback = m.contract().defaultStyle();
            assertThat(fallback.rate()).as("the default style is the training performances' mean: " + fallback).isBetween(1.0, 200.0);
            assertThat(m.contract().startSteps() && m.contract().logDt()).as("and keep the starting model's start steps and log dt").isTrue();
        }
        Path styledAgain = next.resolveSibling("styled-again.model");
        assertThat(cli.execute("train", "--data", data.toString(), "--init", styled.toString(), "--seq-len", "20", "--epochs", "1", "--stream", "-o", styledAgain.toString()))
                .as(err.toString()).isZero();
        assertThat(ModelFile.read(styledAgain).shape().conditions()).as("fine-tuning a style-conditioned model keeps it one").isEqualTo(PerformanceStyle.CODES);
        try (var robojam = new microjam.robojam.RoboJam(ModelFile.read(styledAgain), 1)) {
            assertThat(robojam.respond(microjam.performance.Touches.NONE, new microjam.robojam.Settings(1, 1, 3)).touches().size())
                    .as("an empty call is answered from the default style").isPositive();
        }
        Path placed = next.resolveSibling("placed.model");
        assertThat(cli.execute("train", "--data", data.toString(), "--init", styled.toString(), "--place", "--seq-len", "20", "--epochs", "1", "--stream", "-o", placed.toString()))
                .as(err.toString()).isZero();
        var withPlace = ModelFile.read(placed);
        assertThat(withPlace.shape().conditions()).as("--place: the style model now reads its place too").isEqualTo(PerformanceStyle.CODES_WITH_PLACE);
        assertThat(withPlace.contract().defaultStyle().meanX()).as("the default place is the training performances' mean: circles round the middle")
                .isBetween(0.4, 0.6);
        assertThat(cli.execute("train", "--data", data.toString(), "--init", model.toString(), "--seq-len", "20", "--epochs", "2", "--lr", "0.5",
                "--balance", "4", "-o", next.toString())).as(err.toString()).isZero();
        assertThat(ModelFile.read(next).metadata()).as("a balanced run says so").containsEntry("hyper.balance", "4");
        assertThat(Double.parseDouble(ModelFile.read(next).metadata().get("validation.nll")))
                .as("fine-tuning never hands back a model worse than the one it started from, on the same validation windows")
                .isLessThanOrEqualTo(Double.parseDouble(loaded.metadata().get("validation.nll")) + 1e-3);
        StringWriter refused = new StringWriter();
        cli.setErr(new PrintWriter(refused, true));
        assertThat(cli.execute("train", "--data", data.toString(), "--init", model.toString(), "--units", "32", "-o", next.toString())).isNotZero();
        assertThat(refused.toString()).contains("--init").contains("has shape");
        assertThat(cli.execute("train", "--data", data.toString(), "--start-steps", "-o", next.toString())).isNotZero();
        assertThat(refused.toString()).contains("--start-steps needs --stream");
        assertThat(cli.execute("train", "--data", data.toString(), "--balance", "17", "-o", next.toString())).isNotZero();
        assertThat(refused.toString()).contains("--balance must be between 1 (off) and 16");
        assertThat(cli.execute("train", "--data", data.toString(), "--init", again.toString(), "-o", next.toString())).isNotZero();
        assertThat(refused.toString()).contains("reads performance-start steps, so fine-tuning it needs --stream");
        cli.setErr(new PrintWriter(err, true));

        for (String split : List.of("validation", "training")) {
            StringWriter report = new StringWriter();
            cli.setOut(new PrintWriter(report, true));
            assertThat(cli.execute("evaluate", "--model", model.toString(), "--data", data.toString(), "--split", split, "--calls", "2"))
                    .as(err.toString()).isZero();
            assertThat(report.toString()).as("the model's recorded split: 4 of 40 performances held out")
                    .contains(split.equals("validation") ? "held-out sessions: 4;" : "training sessions: 36;")
                    .contains("| touches per second |").contains("| y |").contains("Percentiles 10 / 50 / 90").contains("moving rule")
                    .contains("Pauses (gaps over 0.1 s)").contains("Style (correlations over performances)")
                    .contains("mean over 200 random partitions of them into 2 calls and " + (split.equals("validation") ? "2" : "34") + " reference performances")
                    .contains("| a real " + (split.equals("validation") ? "training" : "held-out") + " performance |")
                    .containsPattern("answering with a real (training|held-out) performance does in \\d+ %");
        }
        StringWriter limited = new StringWriter();
        cli.setOut(new PrintWriter(limited, true));
        assertThat(cli.execute("evaluate", "--model", model.toString(), "--data", data.toString(), "--split", "training", "--limit", "6", "--calls", "2",
                "--partitions", "20")).as(err.toString()).isZero();
        assertThat(limited.toString()).contains("training sessions: 6;").contains("the mean over 20 random partitions of them into 2 calls and 4 reference performances");
    }
}
