// Uploads that weigh little and cost a great deal to decode, made as an attacker would make them:
// a progressive JPEG whose last (tiny) scan is repeated many times, each repeat one more full decoding
// pass over every pixel, and a 16-bit RGBA PNG of one flat colour, 8 bytes a pixel once decoded.
package microjam.web;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

final class ImageBombs {
    private static final int SOS = 0xDA, EOI = 0xD9;

    private ImageBombs() {
    }

    /** A side x side picture (a gradient with a disc) as a progressive JPEG from the JDK's own writer. */
    static byte[] progressiveJpeg(int side) {
        return progressiveJpeg(picture(side, side));
    }

    static byte[] progressiveJpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT); // libjpeg's standard progression
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * A side x side progressive JPEG of one flat colour whose last scan (with the tables written for it) follows
     * itself `repeats` more times: a flat picture makes that scan a few bytes of end-of-block runs.
     */
    static byte[] progressiveJpegBomb(int side, int repeats) {
        BufferedImage flat = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = flat.createGraphics();
        g.setColor(new Color(0x33, 0x66, 0x99));
        g.fillRect(0, 0, side, side);
        g.dispose();
        byte[] jpeg = progressiveJpeg(flat);
        int pos = 2, afterPreviousScan = -1, lastScanFrom = -1, eoi = -1;
        while (pos + 1 < jpeg.length) {
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker == EOI) {
                eoi = pos;
                break;
            }
            int length = (jpeg[pos + 2] & 0xFF) << 8 | jpeg[pos + 3] & 0xFF;
            if (marker == SOS) {
                lastScanFrom = afterPreviousScan < 0 ? pos : afterPreviousScan;
                pos = endOfEntropyData(jpeg, pos + 2 + length);
                afterPreviousScan = pos;
            } else {
                pos += 2 + length;
            }
        }
        if (eoi < 0 || lastScanFrom < 0) throw new IllegalStateException("no scan or no EOI in the writer's JPEG");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, eoi);
        for (int i = 0; i < repeats; i++) out.write(jpeg, lastScanFrom, eoi - lastScanFrom);
        out.write(jpeg, eoi, jpeg.length - eoi);
        return out.toByteArray();
    }

    private static int endOfEntropyData(byte[] jpeg, int pos) {
        for (; pos + 1 < jpeg.length; pos++) {
            if ((jpeg[pos] & 0xFF) != 0xFF) continue;
            int next = jpeg[pos + 1] & 0xFF;
            if (next != 0 && (next < 0xD0 || next > 0xD7)) return pos; // not a stuffed 0xFF, not a restart marker
        }
        return jpeg.length;
    }

    /** A width x height 16-bit RGBA PNG of one colour: 8 bytes a pixel decoded, about 1/1000 of that compressed. */
    static byte[] png16Bomb(int width, int height) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 16).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0).array()); // 16 bits, RGBA, no interlace
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] row = new byte[1 + width * 8]; // filter byte 0 (none), then the pixels
        for (int i = 0; i < width * 8; i++) row[1 + i] = (byte) (i % 8 < 6 ? 0x40 : 0xFF); // RGB 0x4040 each, opaque
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION), 64 * 1024)) {
            for (int y = 0; y < height; y++) z.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** Orange to purple from corner to corner with a blue disc in the middle: enough detail for every scan to carry data. */
    static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, new Color(0x80, 0x20, 0x80)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    /** The number of SOS markers, counted the slow and obvious way: for the tests' own checks. */
    static int scans(byte[] jpeg) {
        int count = 0;
        for (int i = 0; i + 1 < jpeg.length; i++)
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == SOS) count++;
        return count;
    }
}
