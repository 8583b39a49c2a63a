// A progress bar with an ETA on standard error, redrawn at most ten times a second.
package microjam.console;

import java.io.PrintWriter;
import java.util.Locale;

public final class Progress implements AutoCloseable {
    private static final int WIDTH = 30;
    private final String label;
    private final long total;
    private final PrintWriter out;
    private final long started = System.nanoTime();
    private long done;
    private long lastDrawn;
    private String detail = "";

    public Progress(String label, long total, PrintWriter out) {
        this.label = label;
        this.total = Math.max(total, 1);
        this.out = out;
        draw();
    }

    public void step() {
        step("");
    }

    /** One more done; detail (for example the current loss) is shown after the bar. */
    public void step(String detail) {
        this.detail = detail;
        done++;
        long now = System.nanoTime();
        if (done == total || now - lastDrawn > 100_000_000L) draw();
    }

    private void draw() {
        lastDrawn = System.nanoTime();
        int filled = (int) (WIDTH * done / total);
        double elapsed = (lastDrawn - started) / 1e9;
        String eta = done == 0 ? "--:--" : clock(elapsed * (total - done) / done);
        out.print(String.format(Locale.ROOT, "\r%s [%s%s] %d/%d %3d%% ETA %s %s", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), done, total, 100 * done / total, eta, detail));
        out.flush();
    }

    public static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    @Override
    public void close() {
        draw();
        out.println();
    }
}
