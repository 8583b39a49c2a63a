// A model recommends how it is sampled; the recommendation travels in its file, a model without one is
// sampled as the shipped models are best sampled, and one that cannot be used is refused when the file loads.
package microjam.robojam;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SamplingTest {
    static final Shape SHAPE = new Shape(1, 8, 2, 3);

    @Test
    void aModelsRecommendationTravelsInItsFile() {
        Sampling chosen = new Sampling(0.6, 0.5, 3);
        Model model = PerformanceStartTest.model(SHAPE, c -> c.withSampling(chosen));
        Model read = ModelFile.decode(ModelFile.encode(model), "m.model");
        assertThat(read.recommended()).isEqualTo(chosen);
        assertThat(chosen.withSeed(7)).isEqualTo(new Settings(0.6, 0.5, 7, 3));
        assertThat(chosen.or(null, null, null)).isEqualTo(chosen);
        assertThat(chosen.or(1.5, null, 1)).as("what is given replaces, the rest is recommended").isEqualTo(new Sampling(1.5, 0.5, 1));
        assertThat(chosen.or(null, 0.01, null)).isEqualTo(new Sampling(0.6, 0.01, 3));
    }

    @Test
    void aRecommendationWrittenIntoAModelKeepsEverythingElseAndReplacesAnEarlierOne() throws Exception {
        Model marked = PerformanceStartTest.model(SHAPE, c -> c.withStartSteps(true));
        Sampling first = new Sampling(0.9, 0.6, 2), second = new Sampling(1.0, 0.4, 5);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("recommending", ".model");
        try {
            ModelFile.write(marked.recommending(first).recommending(second), file);
            Model read = ModelFile.read(file);
            assertThat(read.recommended()).isEqualTo(second);
            assertThat(read.contract().startSteps()).isTrue();
            assertThat(read.weights().headBias()).isEqualTo(marked.weights().headBias());
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void aModelThatRecommendsNothingIsSampledAsTheShippedModelsAre() {
        assertThat(PerformanceStartTest.model(SHAPE, c -> c).recommended()).isEqualTo(Sampling.FOR_THE_SHIPPED_MODELS);
        // A version-1 model kept its recommendation as metadata, and could leave a setting out.
        assertThat(new Model("m", "", 10, Map.of("sampling.candidates", "2"), RandomModel.create(SHAPE, 1).weights()).recommended())
                .isEqualTo(new Sampling(Sampling.FOR_THE_SHIPPED_MODELS.temperature(), Sampling.FOR_THE_SHIPPED_MODELS.sigmaTemperature(), 2));
        assertThat(Sampling.ORIGINAL).isEqualTo(new Sampling(1.5, 0.01, 1));
    }

    @Test
    void aRecommendationThatCannotBeUsedIsRefusedWhenTheFileLoads() {
        for (Map.Entry<String, String> bad : Map.of(Contract.Key.TEMPERATURE.header, "warm", Contract.Key.SIGMA_TEMPERATURE.header, "-1",
                Contract.Key.CANDIDATES.header, "99").entrySet()) {
            Map<String, String> metadata = new HashMap<>();
            metadata.put(bad.getKey(), bad.getValue());
            byte[] file = ModelFile.encode(new Model("m", "", 10, Map.of(), RandomModel.create(SHAPE, 1).weights()));
            // Written by hand, as a careless tool might: the header's entry is replaced by the bad one (a later line wins).
            byte[] withBad = ModelFileTest.withHeaderLine(file, bad.getKey() + "=" + bad.getValue());
            assertThatThrownBy(() -> ModelFile.decode(withBad, "m.model")).as(bad.toString())
                    .isInstanceOf(ModelFileException.class).hasMessageContaining("m.model").hasMessageContaining("sampling");
            assertThatThrownBy(() -> new Model("m", "", 10, metadata, RandomModel.create(SHAPE, 1).weights()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
