// Model files round-trip exactly, and every kind of bad file fails at load with one line naming the problem.
package microjam.robojam;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

class ModelFileTest {
    static final Model MODEL = RandomModel.create(new Shape(2, 16, 3, 3), 9);

    @Test
    void writesAndReadsBackExactly() throws Exception {
        Path file = Files.createTempDirectory("models").resolve("m.model");
        Model named = new Model("tiny test", "made here\nwith a second line", 10f, Map.of("split.seed", "42", "note", " leading space"), MODEL.weights());
        ModelFile.write(named, file);
        Model read = ModelFile.read(file);
        assertThat(read.name()).isEqualTo("tiny test");
        assertThat(read.data()).isEqualTo("made here\nwith a second line");
        assertThat(read.metadata()).containsEntry("split.seed", "42").containsEntry("note", " leading space");
        assertThat(read.scale()).isEqualTo(10f);
        assertThat(read.shape()).isEqualTo(MODEL.shape());
        for (int i = 0; i < MODEL.weights().tensors().size(); i++)
            assertThat(read.weights().tensors().get(i).getValue()).isEqualTo(MODEL.weights().tensors().get(i).getValue());
        assertThat(Files.size(file)).isEqualTo(ModelFile.encode(named).length);
    }

    @Test
    void badFilesFailWithOneLineSayingWhy() {
        byte[] good = ModelFile.encode(MODEL);
        assertFails(Arrays.copyOf(good, 5), "not a RoboJam model file");
        assertFails("PK\u0003\u0004 a zip".getBytes(StandardCharsets.ISO_8859_1), "not a RoboJam model file");
        assertFails(withInt(good, 8, 3), "model format version 3 is not supported");
        assertFails(withInt(good, 12, 1 << 30), "truncated or damaged header");
        assertFails(Arrays.copyOf(good, good.length - 100), "truncated: 2x16 LSTM with 3 mixtures needs");
        assertFails(Arrays.copyOf(good, good.length + 3), "3 unexpected bytes after the checksum");
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 1;
        assertFails(flipped, "checksum mismatch");
        assertFails(rechecksummed(withFloat(good, headerEnd(good) + 40, Float.NaN)), "inputKernel[0] has a non-finite value at 10");
        assertFails(withHeader(good, "name=x\nlayers=2\nunits=16\nmixtures=3\ndimensions=3\n"), "'scale' is missing");
        assertFails(withHeader(good, "name=x\nlayers=two\nunits=16\nmixtures=3\ndimensions=3\nscale=10\n"), "'layers' must be a whole number");
        assertFails(withHeader(good, "name=x\nlayers=2\nunits=16\nmixtures=3\ndimensions=4\nscale=10\n"), "dimensions must be 3");
        assertFails(withHeader(good, "name=x\nlayers=2\nunits=16\nmixtures=3\ndimensions=3\nscale=-1\n"), "scale must be a positive number");
        assertFails(withHeaderLine(good, "output.dt=cubic"), "'output.dt' must be linear or log (was cubic)");
        assertFails(withHeaderLine(good, "input.start-steps=yes"), "'input.start-steps' must be true or false");
    }

    @Test
    void aKeyTheModelNeedsAndThisReaderDoesNotKnowIsALoadErrorNotIgnored() {
        // As a newer MicroJam would write a model whose inputs carry, say, pressure: running it without would be wrong.
        byte[] newer = withHeaderLine(ModelFile.encode(MODEL), "input.pressure=true");
        assertFails(newer, "'input.pressure' is required by this model and unknown to this MicroJam");
        byte[] annotated = withHeaderLine(ModelFile.encode(MODEL), "meta.pressure.note=free-form, changes nothing");
        assertThat(ModelFile.decode(annotated, "m.model").metadata()).containsEntry("pressure.note", "free-form, changes nothing");
    }

    @Test
    void aModelStoredInBfloat16IsHalfTheBytesReadsBackExactlyAndIsServedInIt() {
        Model half = MODEL.inPrecision(Precision.BFLOAT16);
        byte[] file = ModelFile.encode(half), full = ModelFile.encode(MODEL);
        int tensorBytes = (int) (4 * MODEL.shape().parameterCount());
        assertThat(file.length - headerEnd(file) - 4).isEqualTo(tensorBytes / 2);
        assertThat(full.length - headerEnd(full) - 4).isEqualTo(tensorBytes);
        assertThat(header(file)).contains("\nweights=bfloat16\n");
        Model read = ModelFile.decode(file, "m.model");
        assertThat(read.contract().weights()).isEqualTo(Precision.BFLOAT16);
        for (int i = 0; i < half.weights().tensors().size(); i++)
            assertThat(read.weights().tensors().get(i).getValue()).isEqualTo(half.weights().tensors().get(i).getValue());
        assertThat(read.weights().headBias()[0]).isEqualTo(Precision.BFLOAT16.stored(MODEL.weights().headBias()[0])).isNotEqualTo(MODEL.weights().headBias()[0]);
        try (RoboJam robojam = new RoboJam(read, 1)) {
            assertThat(robojam.precision()).as("served in the precision it is stored in").isEqualTo(Precision.BFLOAT16);
        }
        assertThatThrownBy(() -> new Model("m", "", MODEL.contract().withWeights(Precision.BFLOAT16), Map.of(), MODEL.weights()))
                .hasMessageContaining("not all bfloat16 values");
        assertFails(withHeaderLine(full, "weights=float16"), "'weights' must be float32 or bfloat16 (was float16)");
    }

    @Test
    void theContractTravelsAsTypedHeaderKeys() {
        Model full = new Model("full", "", MODEL.contract().withStartSteps(true).withDt(Contract.Dt.LOG).withSampling(new Sampling(0.9, 0.5, 3)),
                Map.of("split.seed", "1"), MODEL.weights());
        byte[] file = ModelFile.encode(full);
        assertThat(ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getInt(8)).isEqualTo(2);
        assertThat(header(file)).contains("\ninput.start-steps=true\n", "\noutput.dt=log\n", "\nsampling.candidates=3\n", "\nmeta.split.seed=1\n")
                .doesNotContain("meta.input", "meta.output", "meta.sampling");
        assertThat(ModelFile.decode(file, "m.model").contract()).isEqualTo(full.contract());
    }

    @Test
    void aVersionOneFileStillLoadsWithItsFlagsReadAsItsContract() {
        // Version 1 as the last reader of it wrote it: the contract's flags were free-form meta.* entries.
        String v1 = "name=old\ndata=\nlayers=2\nunits=16\nmixtures=3\ndimensions=3\nscale=10.0\nmeta.input.performance-start=true\n"
                + "meta.output.dt=log\nmeta.sampling.temperature=0.8\nmeta.split.seed=42\nmeta.some.future.flag=ignored by version 1\n";
        byte[] file = withInt(withHeader(ModelFile.encode(MODEL), v1), 8, 1);
        Model old = ModelFile.decode(rechecksummed(file), "old.model");
        assertThat(old.contract()).isEqualTo(new Contract(10f, true, Contract.Dt.LOG, null, Sampling.FOR_THE_SHIPPED_MODELS.or(0.8, null, null), Precision.FLOAT32));
        assertThat(old.metadata()).containsOnlyKeys("split.seed", "some.future.flag");
        assertThat(old.weights().headBias()).isEqualTo(MODEL.weights().headBias());
    }

    @Test
    void randomDamageNeverFailsAnyOtherWay() {
        long seed = Long.getLong("fuzz.seed", 20261129L);
        Random random = new Random(seed);
        byte[] good = ModelFile.encode(MODEL);
        for (int i = 0; i < Integer.getInteger("fuzz.tries", 300); i++) {
            byte[] bad = random.nextBoolean() ? Arrays.copyOf(good, random.nextInt(good.length)) : good.clone();
            for (int e = 0; e < 1 + random.nextInt(8); e++) if (bad.length > 0) bad[random.nextInt(bad.length)] = (byte) random.nextInt();
            if (random.nextInt(4) == 0) bad = rechecksummed(bad);
            try {
                ModelFile.decode(bad, "fuzz");
            } catch (ModelFileException expected) {
                assertThat(expected.getMessage()).startsWith("fuzz: ").doesNotContain("\n");
            } catch (RuntimeException e) {
                fail("seed " + seed + " case " + i + " threw " + e);
            }
        }
    }

    private static void assertFails(byte[] bytes, String message) {
        assertThatThrownBy(() -> ModelFile.decode(bytes, "m.model")).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("m.model: ").hasMessageContaining(message);
    }

    static int headerEnd(byte[] file) {
        return 16 + ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getInt(12);
    }

    static byte[] withInt(byte[] file, int at, int value) {
        byte[] copy = file.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
        return copy;
    }

    static byte[] withFloat(byte[] file, int at, float value) {
        byte[] copy = file.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putFloat(at, value);
        return copy;
    }

    static String header(byte[] file) {
        return new String(file, 16, headerEnd(file) - 16, StandardCharsets.UTF_8);
    }

    /** The file with one more header line (a later line replaces an earlier one with its key), lengths and checksum redone. */
    static byte[] withHeaderLine(byte[] file, String line) {
        return withHeader(file, header(file) + line + "\n");
    }

    static byte[] withHeader(byte[] file, String header) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        int end = headerEnd(file);
        ByteBuffer out = ByteBuffer.allocate(16 + h.length + file.length - end).order(ByteOrder.LITTLE_ENDIAN);
        out.put(file, 0, 12).putInt(h.length).put(h).put(file, end, file.length - end);
        return rechecksummed(out.array());
    }

    static byte[] rechecksummed(byte[] file) {
        if (file.length < 4) return file;
        CRC32C crc = new CRC32C();
        crc.update(file, 0, file.length - 4);
        return withInt(file, file.length - 4, (int) crc.getValue());
    }
}
