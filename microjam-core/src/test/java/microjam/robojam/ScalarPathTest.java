// The scalar path (-Dmicrojam.robojam.scalar=true) and the vector path give the same bits, for every
// precision. The path is fixed when Kernels is loaded, so each one runs in a JVM of its own (KernelBits),
// started exactly as a server would be, apart from that one property.
package microjam.robojam;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ScalarPathTest {
    @ParameterizedTest
    @EnumSource(Precision.class)
    void scalarAndVectorPathsGiveTheSameBits(Precision precision, @TempDir Path dir) throws Exception {
        Run vector = run(precision, false, dir.resolve("vector.bits"));
        Run scalar = run(precision, true, dir.resolve("scalar.bits"));
        assertThat(vector.kernel()).startsWith("Vector API");
        assertThat(scalar.kernel()).isEqualTo("scalar");
        assertThat(vector.bits().length).isEqualTo(scalar.bits().length).isGreaterThan(0);
        int firstDifference = -1;
        for (int i = 0; i < vector.bits().length && firstDifference < 0; i++) if (vector.bits()[i] != scalar.bits()[i]) firstDifference = i;
        assertThat(firstDifference).as("first float that differs (step %d): vector %s, scalar %s", firstDifference / floatsPerStep(),
                        firstDifference < 0 ? "" : Float.intBitsToFloat(vector.bits()[firstDifference]),
                        firstDifference < 0 ? "" : Float.intBitsToFloat(scalar.bits()[firstDifference]))
                .isEqualTo(-1);
    }

    private static int floatsPerStep() {
        Shape s = KernelBits.SHAPE;
        int perState = s.headOutputs();
        for (int l = 0; l < s.layers(); l++) perState += s.inputSize(l) + 2 * s.units();
        return KernelBits.BATCH * perState;
    }

    record Run(String kernel, int[] bits) {
    }

    private static Run run(Precision precision, boolean scalar, Path file) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path")));
        if (scalar) command.add("-Dmicrojam.robojam.scalar=true");
        command.addAll(List.of(KernelBits.class.getName(), precision.label(), file.toString()));
        Path log = file.resolveSibling(file.getFileName() + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String path = scalar ? "scalar" : "vector";
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the %s run finished", path).isTrue();
        assertThat(process.exitValue()).as("the %s run's exit status; its output: %s", path, Files.readString(log)).isZero();
        byte[] bytes = Files.readAllBytes(file);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            String kernel = in.readUTF();
            int[] bits = new int[in.available() / Integer.BYTES];
            for (int i = 0; i < bits.length; i++) bits[i] = in.readInt();
            return new Run(kernel, bits);
        }
    }
}
