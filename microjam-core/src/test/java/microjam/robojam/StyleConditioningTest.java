// A style-conditioned model reads the call's PerformanceStyle beside every input, the call's touches and
// its own alike; a model that reads touches alone becomes one that computes exactly what it did.
package microjam.robojam;

import microjam.performance.Touches;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StyleConditioningTest {
    static final Shape CONDITIONED = PerformanceStartTest.SHAPE.withConditions(PerformanceStyle.CODES);
    static final PerformanceStyle FALLBACK = new PerformanceStyle(30, 0.9, 0.4);

    static Model model() {
        return PerformanceStartTest.model(CONDITIONED, c -> c.withDefaultStyle(FALLBACK));
    }

    static float[][] withCodes(float[][] rows, float[] codes) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = java.util.Arrays.copyOf(rows[i], 3 + codes.length);
            System.arraycopy(codes, 0, out[i], 3, codes.length);
        }
        return out;
    }

    @Test
    void theAnswerIsDrawnFromTheStateAfterTheCallReadWithItsStyleBesideEveryTouch() {
        Touches call = RoboJamTest.call(40);
        Model model = model();
        float[][] rows = PerformanceStartTest.rows(call, false);
        try (RoboJam robojam = new RoboJam(model, 1)) {
            var answer = robojam.respond(call, new Settings(0, 0, 1)).touches();
            double[] expected = PerformanceStartTest.greedyMean(model, withCodes(rows, PerformanceStyle.of(call).codes()));
            assertThat(answer.get(0).x()).isCloseTo(expected[0], within(1e-5));
            assertThat(answer.get(0).y()).isCloseTo(expected[1], within(1e-5));
            // the second touch: the first fed back, still beside the call's style
            float[][] more = java.util.Arrays.copyOf(rows, rows.length + 1);
            more[rows.length] = new float[]{(float) answer.get(0).x(), (float) answer.get(0).y(), (float) (answer.get(1).time())};
            double[] second = PerformanceStartTest.greedyMean(model, withCodes(more, PerformanceStyle.of(call).codes()));
            assertThat(answer.get(1).x()).isCloseTo(second[0], within(1e-4));
            double[] otherStyle = PerformanceStartTest.greedyMean(model, withCodes(rows, new float[]{0.9f, 0.1f, 0.05f}));
            assertThat(Math.abs(answer.get(0).x() - otherStyle[0]) + Math.abs(answer.get(0).y() - otherStyle[1])).as("another style, another answer").isGreaterThan(1e-4);

            var unconditioned = robojam.respond(Touches.NONE, new Settings(0, 0, 1)).touches().get(0);
            double[] fromDefault = PerformanceStartTest.greedyMean(model, new float[][]{{0, 0, 0, FALLBACK.codes()[0], FALLBACK.codes()[1], FALLBACK.codes()[2]}});
            assertThat(unconditioned.x()).as("an empty call is answered in the default style").isCloseTo(fromDefault[0], within(1e-5));
        }
    }

    @Test
    void aConditionedModelWithoutADefaultStyleIsRefusedWhenLoaded() {
        assertThatThrownBy(() -> PerformanceStartTest.model(CONDITIONED, c -> c.withDefaultStyle(null))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Contract.Key.DEFAULT_STYLE.header);
        byte[] file = ModelFile.encode(model());
        assertThatThrownBy(() -> ModelFile.decode(ModelFileTest.withHeaderLine(file, "input.style.default=fast"), "m.model"))
                .isInstanceOf(ModelFileException.class).hasMessageContaining("three numbers");
        byte[] withoutStyle = ModelFileTest.withHeader(file, ModelFileTest.header(file).replaceAll("(?m)^input\\.style\\.default=.*\n", ""));
        assertThatThrownBy(() -> ModelFile.decode(withoutStyle, "m.model")).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("m.model: ").hasMessageContaining(Contract.Key.DEFAULT_STYLE.header);
        assertThatThrownBy(() -> new Shape(2, 32, 3, 3, 2)).hasMessageContaining("conditions must be 0, 3 (a performance style) or 5");
    }

    @Test
    void zeroWeightsForTheConditionsComputeWhatTheModelDidWhateverTheStyle() {
        Model plain = RandomModel.create(PerformanceStartTest.SHAPE, 3);
        Weights wider = plain.weights().withConditions(PerformanceStyle.CODES);
        assertThat(wider.shape()).isEqualTo(CONDITIONED);
        Model conditioned = new Model(plain.name(), plain.data(), plain.contract().withDefaultStyle(FALLBACK), Map.of(), wider);
        SplittableRandom random = new SplittableRandom(4);
        float[][] touches = new float[60][];
        for (int i = 0; i < touches.length; i++) touches[i] = new float[]{(float) random.nextDouble(10), (float) random.nextDouble(10), (float) random.nextDouble(0.5)};
        float[][] expected = new Network(plain).headOutputs(touches);
        float[][] actual = new Network(conditioned).headOutputs(withCodes(touches, new float[]{0.7f, 0.2f, 0.9f}));
        for (int t = 0; t < touches.length; t++)
            for (int j = 0; j < expected[t].length; j++) assertThat(actual[t][j]).as("step %d output %d", t, j).isCloseTo(expected[t][j], within(1e-5f));
        assertThatThrownBy(() -> wider.withConditions(3)).hasMessageContaining("already read 3 conditions");

        // A style model widened to read its place too computes what it did, whatever the place.
        Weights placed = wider.withConditions(PerformanceStyle.CODES_WITH_PLACE);
        Model withPlace = new Model(plain.name(), plain.data(), plain.contract().withDefaultStyle(FALLBACK), Map.of(), placed);
        float[][] placedOutputs = new Network(withPlace).headOutputs(withCodes(touches, new float[]{0.7f, 0.2f, 0.9f, 0.1f, 0.8f}));
        for (int t = 0; t < touches.length; t++)
            for (int j = 0; j < expected[t].length; j++) assertThat(placedOutputs[t][j]).as("placed: step %d output %d", t, j).isCloseTo(expected[t][j], within(1e-5f));
    }

    @Test
    void aModelConditionedOnPlaceReadsTheCallsMeanPlaceBesideItsStyle() {
        Touches call = RoboJamTest.call(40);
        PerformanceStyle style = PerformanceStyle.of(call);
        float[] codes = style.codes(PerformanceStyle.CODES_WITH_PLACE);
        assertThat(java.util.Arrays.copyOf(codes, 3)).containsExactly(style.codes());
        double meanX = call.list().stream().mapToDouble(microjam.performance.Touch::x).average().orElseThrow();
        assertThat(codes[3]).isCloseTo((float) meanX, within(1e-6f));
        assertThat(codes[4]).isCloseTo((float) style.meanY(), within(1e-6f));
        Model placed = PerformanceStartTest.model(PerformanceStartTest.SHAPE.withConditions(PerformanceStyle.CODES_WITH_PLACE), c -> c);
        assertThat(new Network(placed).conditionsFor(call, style)).containsExactly(codes);
        assertThat(new Network(placed).conditionsFor(Touches.NONE, null)).as("an empty call: the default style, played around the middle")
                .containsExactly(placed.contract().defaultStyle().codes(PerformanceStyle.CODES_WITH_PLACE));
    }

    @Test
    void theModelFileKeepsTheConditionsAndFilesWithoutThemReadAsTouchesAlone() {
        Model model = model();
        byte[] bytes = ModelFile.encode(model);
        Model back = ModelFile.decode(bytes, "conditioned");
        assertThat(back.shape()).isEqualTo(CONDITIONED);
        assertThat(back.weights().inputKernel()[0]).containsExactly(model.weights().inputKernel()[0]);
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("conditions=3");
        assertThat(new String(ModelFile.encode(RandomModel.create(PerformanceStartTest.SHAPE, 1)), java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("a model without conditions writes the header it always did").doesNotContain("conditions");
    }
}
