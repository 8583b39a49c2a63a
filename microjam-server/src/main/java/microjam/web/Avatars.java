// Avatars: an uploaded PNG or JPEG is checked before decoding, decoded off the request threads straight
// to the size it is shown at, cropped to a square and re-encoded as a 256x256 PNG, so no metadata (EXIF,
// GPS, comments) ever survives. Performers without one get a symmetric pixel-art avatar made from their
// id and colour.
//
// An upload can weigh little and cost a great deal to decode (a 100 KB progressive JPEG with one tiny scan
// repeated 100 times took 10-15 s; a 200 KB 16-bit PNG decoded to 128 MiB), so the work is bounded before
// it starts and while it runs:
// - the declared size (at most 4096x4096) and the bytes it decodes to, from the header (DECODED_BYTES);
// - the number of scans of a JPEG (MAX_JPEG_SCANS): the JDK's decoder turns every scan into pixels;
// - only the middle square is decoded, and only every n-th pixel of it (256-511 on a side): the full-size
//   image never exists;
// - decodes run in a small pool of their own (DecodePool), each with a deadline (DECODE_DEADLINE) after
//   which it is aborted.
package microjam.web;

import microjam.performance.Colour;
import microjam.performance.InvalidValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.stream.ImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.UUID;

final class Avatars {
    private static final Logger LOG = LoggerFactory.getLogger(Avatars.class);

    static final int SIZE = 256;
    static final int MAX_DIMENSION = 4096;
    /** Bytes an avatar may decode to at full size: a 4096x4096 image at 4 bytes a pixel (RGBA, or CMYK). */
    static final long DECODED_BYTES = (long) MAX_DIMENSION * MAX_DIMENSION * 4;
    /**
     * Scans (SOS markers) a JPEG avatar may have. Cameras and phones write baseline JPEGs (one scan); the
     * progressive JPEGs of libjpeg and libjpeg-turbo (ImageMagick, Pillow, the JDK) have 10 for colour and
     * 6 for grey, mozjpeg's 9 to 11. The JDK's decoder turns every scan into pixels, about 0.1 s each for
     * the largest image allowed on one core, so 16 leaves room and keeps that under 2 s.
     */
    static final int MAX_JPEG_SCANS = 16;
    /** A decode taking longer is aborted: the checks above hold the largest image allowed to about 2 s of one core. */
    static final Duration DECODE_DEADLINE = Duration.ofSeconds(5);
    /** Images decoded at once: one per two cores (at least one, at most two), so the request threads keep a core. */
    static final int DECODE_THREADS = Math.clamp(Runtime.getRuntime().availableProcessors() / 2, 1, 2);
    /** Uploads waiting for a decoding thread; more are answered 503. */
    static final int DECODE_QUEUE = 4;

    private static final DecodePool DECODING = new DecodePool("avatar-decode", DECODE_THREADS, DECODE_QUEUE,
            (int) DECODE_DEADLINE.toSeconds()); // a thread is free again within one deadline

    static {
        ImageIO.setUseCache(false); // decode in memory, never into temporary files
    }

    private Avatars() {
    }

    static byte[] normalise(byte[] upload, String contentType) {
        String format = formatOf(contentType);
        if (!hasMagic(upload, format))
            throw new InvalidValue("avatar", "the body is not a " + format.toUpperCase(Locale.ROOT) + " image");
        int scans = format.equals("jpeg") ? JpegScans.count(upload) : 1;
        if (scans > MAX_JPEG_SCANS)
            throw new InvalidValue("avatar", "a JPEG avatar may have at most " + MAX_JPEG_SCANS + " scans (a progressive photo has about 10); this one has " + scans);
        // The longest wait: every queued decode and this one each run to their deadline, with room for the crop and encode.
        return DECODING.call(() -> PerformancePicture.encode(squareThumbnail(decode(upload, format, DECODE_DEADLINE))),
                DECODE_DEADLINE.multipliedBy(DECODE_QUEUE + 2L));
    }

    private static String formatOf(String contentType) {
        return switch (MediaType.parse(contentType).map(MediaType::type).orElse("")) {
            case "image/png" -> "png";
            case "image/jpeg", "image/jpg" -> "jpeg";
            default -> throw new ApiError(415, "Content-Type", "an avatar must be sent as image/png or image/jpeg");
        };
    }

    private static boolean hasMagic(byte[] b, String format) {
        if (format.equals("png"))
            return b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
        return b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
    }

    /** The middle square of the image, every n-th pixel of it: 256-511 pixels on a side (a smaller image whole). */
    static BufferedImage decode(byte[] upload, String format, Duration deadline) {
        long start = System.nanoTime();
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) throw new IllegalStateException("no " + format + " reader");
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(in, true, true); // ignore metadata: it is never read, so never kept
            int width = reader.getWidth(0), height = reader.getHeight(0);
            if (width > MAX_DIMENSION || height > MAX_DIMENSION || width < 1 || height < 1)
                throw new InvalidValue("avatar", "an avatar must be at most " + MAX_DIMENSION + "x" + MAX_DIMENSION
                        + " pixels (declared " + width + "x" + height + ")");
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0); // the first is what read() decodes into
            if (!types.hasNext()) throw undecodable();
            int bytesPerPixel = bytesPerPixel(types.next());
            long decodedBytes = (long) width * height * bytesPerPixel;
            if (decodedBytes > DECODED_BYTES)
                throw new InvalidValue("avatar", "an avatar may decode to at most " + (DECODED_BYTES >> 20) + " MiB; this one is "
                        + width + "x" + height + " at " + bytesPerPixel + " bytes a pixel, " + (decodedBytes >> 20) + " MiB");
            ImageReadParam param = reader.getDefaultReadParam();
            int side = Math.min(width, height);
            param.setSourceRegion(new Rectangle((width - side) / 2, (height - side) / 2, side, side));
            int step = Math.max(1, side / SIZE);
            param.setSourceSubsampling(step, step, 0, 0);
            // Not setSourceProgressivePasses: the JDK's JPEG reader then decodes the first scan only, and calls back
            // into Java to skip the rest while it holds the heap (a JNI critical region): with the serial collector
            // a collection needed there waits forever, and the whole server with it.
            Deadline watch = new Deadline(reader, start + deadline.toNanos());
            reader.addIIOReadProgressListener(watch);
            BufferedImage image = reader.read(0, param);
            if (watch.passed) {
                LOG.warn("event=avatar_decode_aborted format={} width={} height={} ms={}", format, width, height, deadline.toMillis());
                throw new InvalidValue("avatar", "the image took longer than " + deadline.toSeconds() + " s to decode; send a smaller or simpler one");
            }
            return image;
        } catch (ApiError | InvalidValue refused) { // ours, not the decoder's (InvalidValue is an IllegalArgumentException too)
            throw refused;
        } catch (OutOfMemoryError e) {
            throw shortOfMemory(format);
        } catch (IOException | RuntimeException e) {
            if (causedByOutOfMemory(e)) throw shortOfMemory(format);
            throw undecodable();
        } finally {
            reader.dispose();
        }
    }

    private static int bytesPerPixel(ImageTypeSpecifier type) {
        int bytes = 0;
        for (int band = 0; band < type.getNumBands(); band++) bytes += (type.getBitsPerBand(band) + 7) / 8;
        return Math.max(1, bytes);
    }

    private static InvalidValue undecodable() {
        return new InvalidValue("avatar", "the image could not be decoded");
    }

    // The checks keep a decode to a few MiB, so this means the heap was full of something else: not the image's fault.
    private static ApiError shortOfMemory(String format) {
        LOG.error("event=avatar_decode_out_of_memory format={}", format);
        return ApiError.unavailable("the server is short of memory; try again shortly", (int) DECODE_DEADLINE.toSeconds());
    }

    private static boolean causedByOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof OutOfMemoryError) return true;
        return false;
    }

    /**
     * Aborts a read once its deadline has passed. It runs on the decoding thread, from the reader's progress
     * calls (every row of a PNG, every 20th of a JPEG pass): the JPEG reader refuses abort() from another
     * thread while it reads.
     */
    private static final class Deadline implements IIOReadProgressListener {
        private final ImageReader reader;
        private final long endNanos;
        boolean passed;

        Deadline(ImageReader reader, long endNanos) {
            this.reader = reader;
            this.endNanos = endNanos;
        }

        private void check() {
            if (!passed && System.nanoTime() - endNanos > 0) {
                passed = true;
                reader.abort();
            }
        }

        @Override public void imageStarted(ImageReader source, int imageIndex) { check(); }
        @Override public void imageProgress(ImageReader source, float percentageDone) { check(); }
        @Override public void sequenceStarted(ImageReader source, int minIndex) { }
        @Override public void sequenceComplete(ImageReader source) { }
        @Override public void imageComplete(ImageReader source) { }
        @Override public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) { }
        @Override public void thumbnailProgress(ImageReader source, float percentageDone) { }
        @Override public void thumbnailComplete(ImageReader source) { }
        @Override public void readAborted(ImageReader source) { }
    }

    private static BufferedImage squareThumbnail(BufferedImage source) {
        int side = Math.min(source.getWidth(), source.getHeight());
        int x = (source.getWidth() - side) / 2, y = (source.getHeight() - side) / 2;
        BufferedImage out = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, SIZE, SIZE, x, y, x + side, y + side, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** An 8x8 mirrored pixel pattern in the performer's colour, stable for their id. */
    static byte[] generated(UUID id, Colour colour) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(0x15151f));
            g.fillRect(0, 0, SIZE, SIZE);
            g.setColor(new Color(colour.rgb()));
            long bits = id.getLeastSignificantBits() ^ Long.rotateLeft(id.getMostSignificantBits(), 17);
            int cell = SIZE / 8;
            for (int row = 0; row < 8; row++) {
                for (int col = 0; col < 4; col++) {
                    if ((bits >>> (row * 4 + col) & 1) == 0) continue;
                    g.fillRect(col * cell, row * cell, cell, cell);
                    g.fillRect((7 - col) * cell, row * cell, cell, cell);
                }
            }
        } finally {
            g.dispose();
        }
        return PerformancePicture.encode(image);
    }
}
