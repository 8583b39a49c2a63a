// Avatars: an uploaded PNG or JPEG is checked before decoding (declared size), decoded, cropped to a
// square and re-encoded as a 256x256 PNG, so no metadata (EXIF, GPS, comments) ever survives.
// Performers without one get a symmetric pixel-art avatar made from their id and colour.
package microjam.web;

import microjam.performance.Colour;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.UUID;

final class Avatars {
    static final int SIZE = 256;
    static final int MAX_DIMENSION = 4096;

    static {
        ImageIO.setUseCache(false); // decode in memory, never into temporary files
    }

    private Avatars() {
    }

    static byte[] normalise(byte[] upload, String contentType) {
        String format = formatOf(contentType);
        if (!hasMagic(upload, format))
            throw ApiError.badRequest("avatar", "the body is not a " + format.toUpperCase(java.util.Locale.ROOT) + " image");
        return PerformancePicture.encode(squareThumbnail(decode(upload, format)));
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

    private static BufferedImage decode(byte[] upload, String format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) throw new IllegalStateException("no " + format + " reader");
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(in, true, true); // ignore metadata: it is never read, so never kept
            int width = reader.getWidth(0), height = reader.getHeight(0);
            if (width > MAX_DIMENSION || height > MAX_DIMENSION || width < 1 || height < 1)
                throw ApiError.badRequest("avatar", "an avatar must be at most " + MAX_DIMENSION + "x" + MAX_DIMENSION
                        + " pixels (declared " + width + "x" + height + ")");
            return reader.read(0);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiError api) throw api;
            throw ApiError.badRequest("avatar", "the image could not be decoded");
        } finally {
            reader.dispose();
        }
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
