// RoboJam's own model file format (see docs/model-format.md):
//   "ROBOJAM1"                    8 bytes, magic
//   version                       u32 little-endian, 2 (1 is still read)
//   header length N               u32, 1..65536
//   header                        N bytes UTF-8, "key=value" lines (java.util.Properties syntax):
//                                 name, data, layers, units, mixtures, dimensions, conditions, the Contract's keys,
//                                 meta.* (free-form, changing nothing about how the model runs). Every other key is
//                                 one this reader does not know and the file needs: a load error, never ignored.
//                                 Version 1 had no such rule and kept the contract's flags as meta.* entries.
//   tensors                       float32 little-endian (bfloat16, 2 bytes each, where the header says weights=bfloat16), in Weights.tensors() order
//   checksum                      u32, CRC-32C of every byte before it
// Loading checks everything up front, so a bad file fails here with one line, never later.
package microjam.robojam;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.CRC32C;

public final class ModelFile {
    static final byte[] MAGIC = "ROBOJAM1".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 2, FIRST_VERSION = 1;
    /** The header keys of the shape and the file's description; the Contract's keys and meta.* are the others. */
    private static final Set<String> STRUCTURE = Set.of("name", "data", "layers", "units", "mixtures", "dimensions", "conditions");
    static final int MAX_HEADER = 65536;
    static final long MAX_FILE = 1L << 30;
    private static final String META = "meta.";

    private ModelFile() {
    }

    public static Model read(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE) throw new ModelFileException(file + ": larger than a model file can be (" + size + " bytes)");
            return decode(Files.readAllBytes(file), file.getFileName().toString());
        } catch (IOException e) {
            throw new ModelFileException(file + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    public static Model decode(byte[] bytes, String source) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < MAGIC.length + 12 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length))
            throw fail(source, "not a RoboJam model file (it does not start with ROBOJAM1)");
        in.position(MAGIC.length);
        int version = in.getInt();
        if (version != VERSION && version != FIRST_VERSION)
            throw fail(source, "model format version " + version + " is not supported (this MicroJam reads versions " + FIRST_VERSION + " and " + VERSION + ")");
        int headerLength = in.getInt();
        if (headerLength < 1 || headerLength > MAX_HEADER || headerLength > in.remaining())
            throw fail(source, "truncated or damaged header (declared " + headerLength + " bytes)");
        Properties header = header(new String(bytes, in.position(), headerLength, StandardCharsets.UTF_8), source);
        in.position(in.position() + headerLength);
        if (version == VERSION) for (String key : header.stringPropertyNames())
            if (!STRUCTURE.contains(key) && !Contract.Key.known(key) && !key.startsWith(META))
                throw fail(source, "header: '" + key + "' is required by this model and unknown to this MicroJam (a newer one wrote it);"
                        + " running the model without it would give wrong answers");
        Shape shape = shape(header, source);
        Precision stored;
        try {
            stored = version == FIRST_VERSION ? Precision.FLOAT32 : Contract.weights(header.getProperty(Contract.Key.WEIGHTS.header));
        } catch (IllegalArgumentException e) {
            throw fail(source, "header: " + e.getMessage());
        }
        long expected = (long) in.position() + (long) stored.bytesPerWeight() * shape.parameterCount() + 4;
        if (bytes.length < expected)
            throw fail(source, "truncated: " + describe(shape) + " needs " + expected + " bytes, the file has " + bytes.length);
        if (bytes.length > expected)
            throw fail(source, (bytes.length - expected) + " unexpected bytes after the checksum");
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        int checksum = ByteBuffer.wrap(bytes, bytes.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if ((int) crc.getValue() != checksum) throw fail(source, "checksum mismatch: the file is damaged");
        Weights weights;
        try {
            weights = weights(shape, in, stored);
        } catch (IllegalArgumentException e) {
            throw fail(source, e.getMessage());
        }
        Map<String, String> metadata = new TreeMap<>();
        for (String key : header.stringPropertyNames()) if (key.startsWith(META)) metadata.put(key.substring(META.length()), header.getProperty(key));
        String name = required(header, "name", source), data = header.getProperty("data", "");
        try {
            if (version == FIRST_VERSION) return new Model(name, data, number(header, "scale", source), metadata, weights);
            Map<String, String> entries = new TreeMap<>();
            for (String key : header.stringPropertyNames()) entries.put(key, header.getProperty(key));
            return new Model(name, data, Contract.read(entries, key -> key.header), metadata, weights);
        } catch (IllegalArgumentException e) {
            throw fail(source, "header: " + e.getMessage());
        }
    }

    public static void write(Model model, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, encode(model));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static byte[] encode(Model model) {
        Shape shape = model.shape();
        StringBuilder header = new StringBuilder();
        line(header, "name", model.name());
        line(header, "data", model.data());
        line(header, "layers", String.valueOf(shape.layers()));
        line(header, "units", String.valueOf(shape.units()));
        line(header, "mixtures", String.valueOf(shape.mixtures()));
        line(header, "dimensions", String.valueOf(shape.dimensions()));
        if (shape.conditions() > 0) line(header, "conditions", String.valueOf(shape.conditions())); // files without it read as 0
        model.contract().asHeader().forEach((k, v) -> line(header, k, v));
        model.metadata().forEach((k, v) -> line(header, META + k, v));
        byte[] headerBytes = header.toString().getBytes(StandardCharsets.UTF_8);
        if (headerBytes.length > MAX_HEADER) throw new IllegalArgumentException("the model's header is over " + MAX_HEADER + " bytes");
        Precision stored = model.contract().weights();
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 8 + headerBytes.length + (int) model.sizeInBytes() + 4).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).putInt(VERSION).putInt(headerBytes.length).put(headerBytes);
        for (Map.Entry<String, float[]> tensor : model.weights().tensors()) {
            float[] values = tensor.getValue();
            if (stored == Precision.BFLOAT16) for (float v : values) out.putShort(Precision.toBfloat16(v));
            else {
                out.asFloatBuffer().put(values);
                out.position(out.position() + 4 * values.length);
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.position());
        out.putInt((int) crc.getValue());
        return out.array();
    }

    private static Weights weights(Shape shape, ByteBuffer in, Precision stored) {
        int layers = shape.layers();
        float[][] input = new float[layers][], recurrent = new float[layers][], bias = new float[layers][];
        for (int l = 0; l < layers; l++) {
            input[l] = floats(in, shape.gateRows() * shape.inputSize(l), stored);
            recurrent[l] = floats(in, shape.gateRows() * shape.units(), stored);
            bias[l] = floats(in, shape.gateRows(), stored);
        }
        float[] headKernel = floats(in, shape.headOutputs() * shape.units(), stored);
        float[] headBias = floats(in, shape.headOutputs(), stored);
        return new Weights(shape, input, recurrent, bias, headKernel, headBias);
    }

    private static float[] floats(ByteBuffer in, int count, Precision stored) {
        float[] values = new float[count];
        if (stored == Precision.BFLOAT16) {
            for (int i = 0; i < count; i++) values[i] = Precision.fromBfloat16(in.getShort());
            return values;
        }
        // One at a time, not through asFloatBuffer: TeaVM's JavaScript class library views a little-endian buffer's
        // floats as a Float32Array, which throws when the weights do not start at a multiple of 4 bytes (the
        // header's length decides). A model loads once, so the few milliseconds this costs do not matter.
        for (int i = 0; i < count; i++) values[i] = in.getFloat();
        return values;
    }

    private static Properties header(String text, String source) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw fail(source, "the header cannot be read (" + e.getMessage() + ")");
        }
        return properties;
    }

    private static Shape shape(Properties header, String source) {
        try {
            return new Shape(integer(header, "layers", source), integer(header, "units", source),
                    integer(header, "mixtures", source), integer(header, "dimensions", source),
                    header.getProperty("conditions") == null ? 0 : integer(header, "conditions", source));
        } catch (IllegalArgumentException e) {
            throw fail(source, "header: " + e.getMessage());
        }
    }

    private static String required(Properties header, String key, String source) {
        String value = header.getProperty(key);
        if (value == null || value.isBlank()) throw fail(source, "header: '" + key + "' is missing");
        return value.strip();
    }

    private static int integer(Properties header, String key, String source) {
        return parsed(header, key, source, Integer::parseInt, "a whole number");
    }

    private static float number(Properties header, String key, String source) {
        return parsed(header, key, source, Float::parseFloat, "a number");
    }

    private static <T> T parsed(Properties header, String key, String source, Function<String, T> parse, String kind) {
        String value = required(header, key, source);
        try {
            return parse.apply(value);
        } catch (NumberFormatException e) {
            throw fail(source, "header: '" + key + "' must be " + kind + " (was " + value + ")");
        }
    }

    private static void line(StringBuilder header, String key, String value) {
        header.append(key).append('=');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> header.append("\\\\");
                case '\n' -> header.append("\\n");
                case '\r' -> header.append("\\r");
                case '\t' -> header.append("\\t");
                case '\f' -> header.append("\\f");
                case ' ' -> header.append(i == 0 ? "\\ " : " ");
                default -> header.append(c);
            }
        }
        header.append('\n');
    }

    private static String describe(Shape shape) {
        return shape.layers() + "x" + shape.units() + " LSTM with " + shape.mixtures() + " mixtures" + (shape.conditions() > 0 ? " and " + shape.conditions() + " conditions" : "");
    }

    private static ModelFileException fail(String source, String message) {
        return new ModelFileException(source + ": " + message);
    }
}
