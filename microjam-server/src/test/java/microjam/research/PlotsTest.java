// The box plots stay readable: the mean is a small marker of its own colour that leaves the box (the
// quartiles) visible, rather than a disc as wide as half the box drawn over it in the box's colour.
package microjam.research;

import microjam.performance.Instrument;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PlotsTest {
    @Test
    void theMeanIsASmallMarkerOfItsOwnColourThatLeavesTheBoxVisible() {
        // Narrow boxes (values close together) with a few large values pulling each mean above its median.
        Map<Instrument, List<Map<String, Double>>> features = new EnumMap<>(Instrument.class);
        Random random = new Random(1);
        for (Instrument i : List.of(Instrument.DRUMS, Instrument.KEYS, Instrument.CHIRP)) {
            List<Map<String, Double>> rows = new ArrayList<>();
            for (int k = 0; k < 20; k++) rows.add(Map.of("touches", 100 + random.nextGaussian() * 5 + (k < 3 ? 80 : 0) + i.ordinal() * 20));
            features.put(i, rows);
        }
        BufferedImage image = Plots.boxPlotChart("touches", features).createBufferedImage(Plots.BOX_WIDTH, Plots.BOX_HEIGHT);
        int mean = pixels(image, Plots.MEAN_PAINT.getRGB()), box = pixels(image, Plots.BOX_PAINT.getRGB());
        assertThat(mean).as("pixels of the mean markers, in their own colour").isGreaterThan(3 * 10);
        assertThat(box).as("pixels of the three boxes").isGreaterThan(3 * 400);
        assertThat((double) mean / box).as("share of the box area the mean markers take").isLessThan(0.1);
    }

    private static int pixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++)
            for (int x = 0; x < image.getWidth(); x++) if (image.getRGB(x, y) == rgb) n++;
        return n;
    }
}
