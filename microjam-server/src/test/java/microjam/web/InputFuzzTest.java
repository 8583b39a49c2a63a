// Seeded random damage to what clients send: JSON request bodies of every route and avatar images.
// Whatever arrives, the answer is the server's own 4xx naming what is wrong, never another exception,
// and an avatar that is accepted is always a clean 256x256 PNG. Seed: -Dfuzz.seed, cases: -Dfuzz.tries.
package microjam.web;

import microjam.performance.InvalidValue;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class InputFuzzTest {
    static final long SEED = Long.getLong("fuzz.seed", 20261129L);
    static final int TRIES = Integer.getInteger("fuzz.tries", 300);

    record Shape(Class<?> type, String valid) {}

    static final List<Shape> BODIES = List.of(
            new Shape(PerformanceRoutes.Submission.class, "{\"instrument\":\"keys\",\"colour\":\"#ff8800\",\"background\":\"#000000\",\"replyTo\":null,"
                    + "\"touches\":\"time,x,y,z,moving\\n0.1, 0.5, 0.5, 20.0, 0\\n\"}"),
            new Shape(PerformerRoutes.NewPerformer.class, "{\"stageName\":\"Ada\",\"colour\":\"#336699\",\"age13OrOver\":true,\"acceptedPolicy\":\"1.0\"}"),
            new Shape(PerformerRoutes.ProfileChange.class, "{\"stageName\":\"Bo\",\"colour\":\"#123456\"}"),
            new Shape(RoboJamRoutes.Request.class, "{\"touches\":\"time,x,y,z,moving\\n\",\"temperature\":1.5,\"sigmaTemperature\":0.01,\"seed\":7,\"candidates\":4,\"instrument\":\"drums\"}"),
            new Shape(RoboJamRoutes.Predict.class, "{\"perf\":\"time,x,y,z,moving\\n\"}"),
            new Shape(RoboJamRoutes.Keep.class, "{\"replyTo\":\"01a2261b-2ed8-72f3-aacc-6ce84a9b47bf\",\"touches\":\"t\",\"seed\":1}"));

    static final String[] TOKENS = {"{", "}", "[", "]", "\"", ":", ",", "null", "true", "1e999", "-0", "NaN", "Infinity", "\"\\u0000\"",
            "\\ud800", "\"a\":1", "\"stageName\":\"x\"", "[[[[[[[[[[[[[[[[[[[[", "9223372036854775808", "\u202e", "<script>", "' OR 1=1 --"};

    @Test
    void jsonBodiesEitherMapOrAreRefusedWithTheirOwn400() {
        Random random = new Random(SEED);
        int accepted = 0;
        for (int i = 0; i < TRIES * 10; i++) {
            Shape shape = BODIES.get(i % BODIES.size());
            byte[] body = damagedJson(shape.valid(), random);
            try {
                assertThat(Json.read(body, shape.type())).isNotNull();
                accepted++;
            } catch (InvalidValue refused) { // a 400 naming the field (or none, for the body as a whole)
                assertThat(refused.getMessage()).as(context(i, body)).isNotBlank().doesNotContain("\n").doesNotContain("microjam.web");
            } catch (RuntimeException | StackOverflowError other) {
                fail(context(i, body) + " raised " + other);
            }
        }
        assertThat(accepted).as("some damaged bodies are still valid JSON of the right shape").isPositive();
    }

    @Test
    void avatarsEitherBecomeA256PngOrAreRefusedWithTheirOwn4xx() throws IOException {
        Random random = new Random(SEED + 1);
        byte[] png = image("png"), jpeg = image("jpeg");
        int accepted = 0;
        for (int i = 0; i < TRIES; i++) {
            boolean isPng = i % 2 == 0;
            byte[] upload = damagedImage(isPng ? png : jpeg, random);
            String type = random.nextInt(20) == 0 ? "image/gif" : isPng ? "image/png" : "image/jpeg";
            try {
                byte[] out = Avatars.normalise(upload, type);
                BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(out));
                assertThat(decoded.getWidth()).isEqualTo(Avatars.SIZE);
                assertThat(decoded.getHeight()).isEqualTo(Avatars.SIZE);
                accepted++;
            } catch (ApiError refused) {
                assertThat(refused.status()).as("seed %d case %d", SEED + 1, i).isIn(400, 415);
                assertThat(refused.getMessage()).isNotBlank().doesNotContain("\n");
            } catch (InvalidValue refused) { // a 400
                assertThat(refused.field()).as("seed %d case %d", SEED + 1, i).isEqualTo("avatar");
                assertThat(refused.getMessage()).isNotBlank().doesNotContain("\n");
            } catch (RuntimeException | Error other) {
                fail("seed " + (SEED + 1) + " case " + i + " raised " + other);
            }
        }
        assertThat(accepted).as("lightly damaged images still decode").isPositive();
    }

    private static byte[] damagedJson(String valid, Random random) {
        StringBuilder text = new StringBuilder(valid);
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(5)) {
                case 0 -> text.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 1 -> { if (at < text.length()) text.deleteCharAt(at); }
                case 2 -> text.setLength(at);
                case 3 -> { if (at < text.length()) text.setCharAt(at, (char) random.nextInt(0x80)); }
                default -> text.insert(at, "[".repeat(random.nextInt(5_000)));
            }
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(10) == 0 && bytes.length > 0) bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80)); // invalid UTF-8
        return bytes;
    }

    private static byte[] damagedImage(byte[] valid, Random random) {
        byte[] bytes = valid.clone();
        switch (random.nextInt(4)) {
            case 0 -> { for (int n = 1 + random.nextInt(8); n > 0; n--) bytes[8 + random.nextInt(bytes.length - 8)] = (byte) random.nextInt(256); }
            case 1 -> bytes = java.util.Arrays.copyOf(bytes, 4 + random.nextInt(bytes.length - 4));
            case 2 -> { // a huge declared size: PNG width/height in IHDR, or anywhere in a JPEG header
                int at = valid[0] == (byte) 0x89 ? 16 + random.nextInt(8) : 2 + random.nextInt(Math.min(200, bytes.length - 2));
                bytes[at] = (byte) 0x7f;
            }
            default -> { } // the image as it is
        }
        return bytes;
    }

    private static byte[] image(String format) throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, 40, 30, Color.BLUE));
        g.fillRect(0, 0, 40, 30);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static String context(int i, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return "seed " + SEED + " case " + i + ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
    }
}
