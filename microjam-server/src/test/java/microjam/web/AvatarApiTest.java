// Avatars are decoded safely and re-encoded as 256x256 PNG: no metadata such as a photo's GPS survives.
package microjam.web;

import microjam.testing.Api;
import microjam.testing.Engine;
import microjam.testing.ServerTest;
import microjam.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import static microjam.web.PublishingRulesTest.assertField;
import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(Engine.class)
class AvatarApiTest extends ServerTest {
    static final String GPS = "GPSLatitude 59/1 54/1 45/1 N GPSLongitude 10/1 44/1 20/1 E";

    Api.Performer ada;

    @BeforeEach
    void signUp() {
        ada = api.newPerformer();
    }

    @Test
    void aPhotoWithExifGpsComesBackAsA256PngWithoutMetadata() throws IOException {
        byte[] jpeg = withExif(image(800, 600, "jpeg"), GPS);
        assertThat(new String(jpeg, StandardCharsets.ISO_8859_1)).contains("Exif").contains("GPSLatitude");

        assertThat(api.putBytes("/api/me/avatar", ada.token(), "image/jpeg", jpeg).status()).isEqualTo(200);
        byte[] png = api.get("/api/performers/" + ada.id() + "/avatar.png").body();
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(stored.getWidth()).isEqualTo(256);
        assertThat(stored.getHeight()).isEqualTo(256);
        assertThat(pngChunks(png)).containsOnly("IHDR", "IDAT", "IEND");
        String text = new String(png, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("Exif").doesNotContain("GPS");
        Color centre = new Color(stored.getRGB(128, 128)), corner = new Color(stored.getRGB(4, 4));
        assertThat(centre.getBlue()).as("the blue centre of the photo survives").isGreaterThan(200);
        assertThat(centre.getRed()).isLessThan(60);
        assertThat(corner.getRed()).as("cropped to the middle square: the corner is the orange background").isGreaterThan(200);
    }

    @Test
    void pngAvatarsAreAcceptedToo() throws IOException {
        assertThat(api.putBytes("/api/me/avatar", ada.token(), "image/png", image(300, 500, "png")).status()).isEqualTo(200);
        BufferedImage avatar = ImageIO.read(new ByteArrayInputStream(api.get("/api/performers/" + ada.id() + "/avatar.png").body()));
        assertThat(avatar.getWidth()).isEqualTo(256);
        // Scaled 300 to 256 smoothly: the oval's edge blends its two flat colours (nearest-neighbour scaling keeps just the two).
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < avatar.getHeight(); y++)
            for (int x = 0; x < avatar.getWidth(); x++) colours.add(avatar.getRGB(x, y));
        assertThat(colours).as("colours in a smoothly scaled two-colour picture").hasSizeGreaterThan(10);
    }

    @Test
    void hugeDeclaredDimensionsAreRefusedBeforeDecoding() throws IOException {
        byte[] png = withDeclaredSize(image(16, 16, "png"), 50_000, 50_000);
        Api.Response r = api.putBytes("/api/me/avatar", ada.token(), "image/png", png);
        assertField(r, 400, "avatar");
        assertThat(r.json().get("error").asText()).contains("at most 4096x4096").contains("50000x50000");
    }

    @Test
    void nonImagesWrongTypesAndOversizedUploadsAreRefused() throws IOException {
        assertField(api.putBytes("/api/me/avatar", ada.token(), "image/png", "<svg onload=alert(1)>".getBytes()), 400, "avatar");
        byte[] truncated = java.util.Arrays.copyOf(image(64, 64, "png"), 60);
        assertField(api.putBytes("/api/me/avatar", ada.token(), "image/png", truncated), 400, "avatar");
        assertField(api.putBytes("/api/me/avatar", ada.token(), "image/gif", image(8, 8, "png")), 415, "Content-Type");
        assertThat(api.putBytes("/api/me/avatar", ada.token(), "image/png", new byte[2 * 1024 * 1024 + 1]).status()).isEqualTo(413);
        assertThat(api.putBytes("/api/me/avatar", null, "image/png", image(8, 8, "png")).status()).isEqualTo(401);
    }

    @Test
    void anUploadMustBeginWithItsFormatsSignature() throws IOException {
        byte[] png = image(8, 8, "png");
        byte[] signatureOnly = java.util.Arrays.copyOf(png, 8), signaturePlusOne = java.util.Arrays.copyOf(png, 9), fourthByteWrong = png.clone();
        fourthByteWrong[3] = 'X';
        assertRefused(api.putBytes("/api/me/avatar", ada.token(), "image/png", "<svg onload=alert(1)>".getBytes()), "the body is not a PNG image");
        assertRefused(api.putBytes("/api/me/avatar", ada.token(), "image/png", fourthByteWrong), "the body is not a PNG image");
        assertRefused(api.putBytes("/api/me/avatar", ada.token(), "image/png", signatureOnly), "the body is not a PNG image");
        assertRefused(api.putBytes("/api/me/avatar", ada.token(), "image/png", signaturePlusOne), "could not be decoded");
        assertRefused(api.putBytes("/api/me/avatar", ada.token(), "image/jpeg", png), "the body is not a JPEG image");
        byte[] jpeg = image(8, 8, "jpeg");
        assertRefused(api.putBytes("/api/me/avatar", ada.token(), "image/jpeg", java.util.Arrays.copyOf(jpeg, 3)), "the body is not a JPEG image");
        assertRefused(api.putBytes("/api/me/avatar", ada.token(), "image/jpeg", java.util.Arrays.copyOf(jpeg, 4)), "could not be decoded");
    }

    @Test
    void aSideOfExactlyTheLargestSizeIsAcceptedAndOneMoreIsNot() throws IOException {
        int largest = Avatars.MAX_DIMENSION;
        assertThat(api.putBytes("/api/me/avatar", ada.token(), "image/png", image(largest, 1, "png")).status()).isEqualTo(200);
        assertThat(api.putBytes("/api/me/avatar", ada.token(), "image/png", image(1, largest, "png")).status()).isEqualTo(200);
        assertRefused(api.putBytes("/api/me/avatar", ada.token(), "image/png", image(largest + 1, 1, "png")), "at most 4096x4096");
        assertRefused(api.putBytes("/api/me/avatar", ada.token(), "image/png", image(1, largest + 1, "png")), "at most 4096x4096");
    }

    @Test
    void aPerformerWithoutAnUploadIsShownTheirGeneratedAvatar() {
        assertThat(api.get("/api/performers/" + ada.id() + "/avatar.png").body())
                .isEqualTo(Avatars.generated(ada.id(), new microjam.performance.Colour("#336699")));
    }

    private static void assertRefused(Api.Response r, String saying) {
        assertField(r, 400, "avatar");
        assertThat(r.json().get("error").asText()).contains(saying);
    }

    static byte[] image(int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** Inserts an APP1 Exif segment (a little-endian TIFF header and the text) right after SOI. */
    static byte[] withExif(byte[] jpeg, String text) {
        byte[] payload = ("Exif\0\0II*\0\u0008\0\0\0" + text).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer segment = ByteBuffer.allocate(4 + payload.length);
        segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (payload.length + 2)).put(payload);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(segment.array());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** Rewrites the IHDR width and height (and its CRC) without changing the pixels. */
    static byte[] withDeclaredSize(byte[] png, int width, int height) {
        byte[] copy = png.clone();
        ByteBuffer b = ByteBuffer.wrap(copy);
        b.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(copy, 12, 17);
        b.putInt(29, (int) crc.getValue());
        return copy;
    }

    static List<String> pngChunks(byte[] png) throws IOException {
        List<String> chunks = new ArrayList<>();
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(png));
        in.skipNBytes(8);
        while (in.available() > 0) {
            int length = in.readInt();
            chunks.add(new String(in.readNBytes(4), StandardCharsets.US_ASCII));
            in.skipNBytes(length + 4L);
        }
        return chunks;
    }
}
