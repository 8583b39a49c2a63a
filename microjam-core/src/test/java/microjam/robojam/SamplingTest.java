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
        Model model = PerformanceStartTest.model(SHAPE, chosen.asMetadata());
        Model read = ModelFile.decode(ModelFile.encode(model), "m.model");
        assertThat(read.recommended()).isEqualTo(chosen);
        assertThat(chosen.withSeed(7)).isEqualTo(new Settings(0.6, 0.5, 7, 3));
        assertThat(chosen.or(null, null, null)).isEqualTo(chosen);
        assertThat(chosen.or(1.5, null, 1)).as("what is given replaces, the rest is recommended").isEqualTo(new Sampling(1.5, 0.5, 1));
        assertThat(chosen.or(null, 0.01, null)).isEqualTo(new Sampling(0.6, 0.01, 3));
    }

    @Test
    void aRecommendationWrittenIntoAModelKeepsEverythingElseAndReplacesAnEarlierOne() throws Exception {
        Model marked = PerformanceStartTest.model(SHAPE, Map.of(PerformanceStart.METADATA_KEY, "true"));
        Sampling first = new Sampling(0.9, 0.6, 2), second = new Sampling(1.0, 0.4, 5);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("recommending", ".model");
        try {
            ModelFile.write(marked.recommending(first).recommending(second), file);
            Model read = ModelFile.read(file);
            assertThat(read.recommended()).isEqualTo(second);
            assertThat(read.metadata()).containsEntry(PerformanceStart.METADATA_KEY, "true");
            assertThat(read.weights().headBias()).isEqualTo(marked.weights().headBias());
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void aModelThatRecommendsNothingIsSampledAsTheShippedModelsAre() {
        assertThat(PerformanceStartTest.model(SHAPE, Map.of()).recommended()).isEqualTo(Sampling.FOR_THE_SHIPPED_MODELS);
        assertThat(PerformanceStartTest.model(SHAPE, Map.of(Sampling.CANDIDATES_KEY, "2")).recommended())
                .isEqualTo(new Sampling(Sampling.FOR_THE_SHIPPED_MODELS.temperature(), Sampling.FOR_THE_SHIPPED_MODELS.sigmaTemperature(), 2));
        assertThat(Sampling.ORIGINAL).isEqualTo(new Sampling(1.5, 0.01, 1));
    }

    @Test
    void aRecommendationThatCannotBeUsedIsRefusedWhenTheFileLoads() {
        for (Map.Entry<String, String> bad : Map.of(Sampling.TEMPERATURE_KEY, "warm", Sampling.SIGMA_TEMPERATURE_KEY, "-1",
                Sampling.CANDIDATES_KEY, "99").entrySet()) {
            Map<String, String> metadata = new HashMap<>();
            metadata.put(bad.getKey(), bad.getValue());
            byte[] file = ModelFile.encode(new Model("m", "", 10, Map.of(), RandomModel.create(SHAPE, 1).weights()));
            // Written by hand, as a newer or careless tool might: the header holds the bad entry.
            byte[] withBad = withMetadata(file, bad.getKey(), bad.getValue());
            assertThatThrownBy(() -> ModelFile.decode(withBad, "m.model")).as(bad.toString())
                    .isInstanceOf(ModelFileException.class).hasMessageContaining("m.model").hasMessageContaining("sampling");
            assertThatThrownBy(() -> new Model("m", "", 10, metadata, RandomModel.create(SHAPE, 1).weights()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** The file with one more meta.KEY=VALUE line in its header (lengths and checksum redone). */
    private static byte[] withMetadata(byte[] file, String key, String value) {
        var in = java.nio.ByteBuffer.wrap(file).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int headerLength = in.getInt(12);
        String header = new String(file, 16, headerLength, java.nio.charset.StandardCharsets.UTF_8) + "meta." + key + "=" + value + "\n";
        byte[] headerBytes = header.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tensors = java.util.Arrays.copyOfRange(file, 16 + headerLength, file.length - 4);
        var out = java.nio.ByteBuffer.allocate(16 + headerBytes.length + tensors.length + 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        out.put(file, 0, 12).putInt(headerBytes.length).put(headerBytes).put(tensors);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(out.array(), 0, out.position());
        out.putInt((int) crc.getValue());
        return out.array();
    }
}
