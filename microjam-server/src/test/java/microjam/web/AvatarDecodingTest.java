// The avatar decoder's own rules, without a server: real photos (progressive and baseline JPEG, 8- and
// 16-bit PNG) still become 256x256 avatars; the checks that bound the work refuse what is over them
// before decoding, with a 400 that says which; a decode past its deadline is aborted and says so.
package microjam.web;

import microjam.performance.InvalidValue;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AvatarDecodingTest {
    @Test
    void aRealProgressivePhotoBecomesAnAvatar() throws IOException {
        byte[] jpeg = ImageBombs.progressiveJpeg(ImageBombs.picture(640, 480));
        assertThat(JpegScans.count(jpeg)).as("libjpeg's standard progression for colour").isEqualTo(10).isEqualTo(ImageBombs.scans(jpeg));
        BufferedImage avatar = avatar(jpeg, "image/jpeg");
        Color centre = new Color(avatar.getRGB(128, 128)), corner = new Color(avatar.getRGB(4, 4));
        assertThat(centre.getBlue()).as("the blue disc in the middle").isGreaterThan(200);
        assertThat(centre.getRed()).isLessThan(60);
        assertThat(corner.getRed()).as("the orange of the cropped square's corner").isGreaterThan(200);
        assertThat(corner.getBlue()).isLessThan(80);
    }

    @Test
    void everyScanOfAProgressivePhotoIsDecodedNotJustTheFirst() throws IOException {
        // 4-pixel squares: detail inside each 8x8 block, which only the later (AC) scans carry.
        BufferedImage checks = new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 512; y++)
            for (int x = 0; x < 512; x++) checks.setRGB(x, y, (x / 4 + y / 4) % 2 == 0 ? 0xF0F0F0 : 0x101010);
        ByteArrayOutputStream baseline = new ByteArrayOutputStream();
        ImageIO.write(checks, "jpeg", baseline);
        BufferedImage fromProgressive = avatar(ImageBombs.progressiveJpeg(checks), "image/jpeg");
        BufferedImage fromBaseline = avatar(baseline.toByteArray(), "image/jpeg");
        long difference = 0;
        for (int y = 0; y < Avatars.SIZE; y++)
            for (int x = 0; x < Avatars.SIZE; x++)
                difference += Math.abs((fromProgressive.getRGB(x, y) & 0xFF) - (fromBaseline.getRGB(x, y) & 0xFF));
        assertThat(difference / (double) (Avatars.SIZE * Avatars.SIZE)).as("mean difference from the same picture sent as baseline").isLessThan(4);
        assertThat(new Color(fromProgressive.getRGB(0, 0)).getRed() - new Color(fromProgressive.getRGB(2, 0)).getRed())
                .as("the squares survive").isGreaterThan(150);
    }

    @Test
    void aGreyProgressivePhotoBecomesAnAvatar() throws IOException {
        BufferedImage grey = new BufferedImage(500, 700, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.drawImage(ImageBombs.picture(500, 700), 0, 0, null);
        g.dispose();
        byte[] jpeg = ImageBombs.progressiveJpeg(grey);
        assertThat(JpegScans.count(jpeg)).isEqualTo(6);
        assertThat(avatar(jpeg, "image/jpeg").getWidth()).isEqualTo(Avatars.SIZE);
    }

    @Test
    void normalPngsAndBaselineJpegsBecomeAvatars() throws IOException {
        for (String format : new String[]{"png", "jpeg"}) {
            BufferedImage avatar = avatar(AvatarApiTest.image(300, 500, format), "image/" + format);
            Color centre = new Color(avatar.getRGB(128, 128));
            assertThat(centre.getBlue()).as(format).isGreaterThan(200);
            assertThat(centre.getRed()).as(format).isLessThan(60);
        }
        assertThat(avatar(AvatarApiTest.image(4096, 3000, "png"), "image/png").getHeight()).as("the largest size allowed").isEqualTo(Avatars.SIZE);
        assertThat(avatar(AvatarApiTest.image(40, 30, "jpeg"), "image/jpeg").getHeight()).as("smaller than an avatar: scaled up").isEqualTo(Avatars.SIZE);
    }

    @Test
    void aSixteenBitPngWithinTheBudgetIsAnAvatarToo() throws IOException {
        BufferedImage avatar = avatar(ImageBombs.png16Bomb(1500, 1000), "image/png"); // 12 MB decoded
        assertThat(new Color(avatar.getRGB(100, 100))).isEqualTo(new Color(0x40, 0x40, 0x40));
    }

    @Test
    void whatWouldDecodeToMoreThanTheBudgetIsRefusedFromItsHeader() {
        InvalidValue refused = refusal(ImageBombs.png16Bomb(4096, 4096), "image/png");
        assertThat(refused.field()).isEqualTo("avatar");
        assertThat(refused.getMessage()).isEqualTo("an avatar may decode to at most 64 MiB; this one is 4096x4096 at 8 bytes a pixel, 128 MiB");
    }

    @Test
    void jpegsWithMoreScansThanAPhotoHasAreRefusedBeforeDecoding() throws IOException {
        byte[] atTheLimit = ImageBombs.progressiveJpegBomb(1024, Avatars.MAX_JPEG_SCANS - 10);
        assertThat(JpegScans.count(atTheLimit)).isEqualTo(Avatars.MAX_JPEG_SCANS);
        assertThat(avatar(atTheLimit, "image/jpeg").getWidth()).isEqualTo(Avatars.SIZE);

        InvalidValue refused = refusal(ImageBombs.progressiveJpegBomb(4096, 100), "image/jpeg");
        assertThat(refused.field()).isEqualTo("avatar");
        assertThat(refused.getMessage()).contains("at most 16 scans").contains("this one has 110");
        assertThat(refusal(ImageBombs.progressiveJpegBomb(1024, Avatars.MAX_JPEG_SCANS - 9), "image/jpeg").getMessage()).contains("has 17");
    }

    @Test
    void everyScanIsCountedAndOnlyScans() {
        byte[] jpeg = ImageBombs.progressiveJpeg(ImageBombs.picture(64, 48));
        assertThat(JpegScans.count(jpeg)).isEqualTo(10);
        byte[] withMarkerBytesInExif = AvatarApiTest.withExif(jpeg, "\u00ff\u00da inside a segment is data");
        assertThat(ImageBombs.scans(withMarkerBytesInExif)).isEqualTo(11);
        assertThat(JpegScans.count(withMarkerBytesInExif)).as("an SOS inside a segment is not a scan").isEqualTo(10);
        ByteArrayOutputStream twice = new ByteArrayOutputStream();
        twice.writeBytes(jpeg);
        twice.writeBytes(new byte[]{0x12, 0x34, (byte) 0xFF, (byte) 0xFF}); // junk and fill bytes, as libjpeg skips them
        twice.writeBytes(jpeg);
        assertThat(JpegScans.count(twice.toByteArray())).as("scans after an EOI still count").isEqualTo(20);
        assertThat(JpegScans.count(java.util.Arrays.copyOf(jpeg, 700))).as("a truncated file").isBetween(0, 10);
    }

    @Test
    @org.junit.jupiter.api.Tag("timing") // measures wall time: left out of mutation testing, whose instrumentation slows it
    void aDecodePastItsDeadlineIsAbortedAndSaysSo() throws IOException {
        // The JPEG bomb decoded as if the scan check had missed it: 10 s and more in full.
        byte[] bomb = ImageBombs.progressiveJpegBomb(4096, 100);
        long start = System.nanoTime();
        InvalidValue refused = catchThrowableOfType(InvalidValue.class, () -> Avatars.decode(bomb, "jpeg", Duration.ofSeconds(1)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(refused).isNotNull();
        assertThat(refused.field()).isEqualTo("avatar");
        assertThat(refused.getMessage()).isEqualTo("the image took longer than 1 s to decode; send a smaller or simpler one");
        assertThat(took).as("aborted in the middle of the decode").isLessThan(Duration.ofSeconds(5));

        // Past at the first check: the PNG reader is aborted through the same calls.
        byte[] png = AvatarApiTest.image(4096, 4096, "png");
        assertThat(catchThrowableOfType(InvalidValue.class, () -> Avatars.decode(png, "png", Duration.ZERO)).getMessage())
                .contains("took longer than 0 s");
        assertThat(catchThrowableOfType(InvalidValue.class, () -> Avatars.decode(bomb, "jpeg", Duration.ZERO)).getMessage())
                .contains("took longer than");
    }

    private static BufferedImage avatar(byte[] upload, String type) throws IOException {
        byte[] png = Avatars.normalise(upload, type);
        BufferedImage avatar = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(avatar.getWidth()).isEqualTo(Avatars.SIZE);
        assertThat(avatar.getHeight()).isEqualTo(Avatars.SIZE);
        return avatar;
    }

    /** A 400 naming the avatar (WebServer answers every InvalidValue so). */
    private static InvalidValue refusal(byte[] upload, String type) {
        InvalidValue refused = catchThrowableOfType(InvalidValue.class, () -> Avatars.normalise(upload, type));
        assertThat(refused).as("refused").isNotNull();
        return refused;
    }
}
