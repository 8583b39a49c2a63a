// The picture stored with every performance in the original app: its touch trails in its colour on
// its background. The web client draws with the same rule: a swipe (moving touches following a
// touch-down) is one round-capped line, a lone tap is a dot, the stroke 1/30 of the square's side.
package microjam.web;

import microjam.performance.Performance;
import microjam.performance.Touch;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

final class PerformancePicture {
    static final int SIZE = 512;
    static final float STROKE = SIZE / 30f;

    private PerformancePicture() {
    }

    static byte[] png(Performance performance) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(new Color(performance.background().rgb()));
            g.fillRect(0, 0, SIZE, SIZE);
            g.setColor(new Color(performance.colour().rgb()));
            g.setStroke(new BasicStroke(STROKE, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            drawTrails(g, performance.touches().list());
        } finally {
            g.dispose();
        }
        return encode(image);
    }

    private static void drawTrails(Graphics2D g, List<Touch> touches) {
        Path2D.Double path = null;
        Touch start = null;
        int points = 0;
        for (Touch t : touches) {
            if (!t.moving() || path == null) {
                finish(g, path, start, points);
                path = new Path2D.Double();
                path.moveTo(t.x() * SIZE, t.y() * SIZE);
                start = t;
                points = 1;
            } else {
                path.lineTo(t.x() * SIZE, t.y() * SIZE);
                points++;
            }
        }
        finish(g, path, start, points);
    }

    private static void finish(Graphics2D g, Path2D.Double path, Touch start, int points) {
        if (path == null) return;
        if (points == 1) {
            double r = STROKE / 2;
            g.fill(new Ellipse2D.Double(start.x() * SIZE - r, start.y() * SIZE - r, 2 * r, 2 * r));
        } else {
            g.draw(path);
        }
    }

    static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            if (!ImageIO.write(image, "png", out)) throw new IllegalStateException("no PNG writer");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
