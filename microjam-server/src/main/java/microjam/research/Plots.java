// The report's pictures, drawn by JFreeChart: a box plot per feature across instruments, and a
// touch-density heat map per instrument.
package microjam.research;

import microjam.performance.Instrument;
import microjam.performance.Performance;
import microjam.performance.Touch;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.GrayPaintScale;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

final class Plots {
    static final int HEAT = 16;

    private Plots() {
    }

    static void boxPlot(String feature, Map<Instrument, List<Map<String, Double>>> features, Path png) {
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        features.forEach((instrument, rows) -> data.add(java.util.Arrays.stream(InstrumentComparison.values(rows, feature)).boxed().toList(),
                feature, instrument.wireName()));
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("instrument"), new NumberAxis(feature), new BoxAndWhiskerRenderer());
        JFreeChart chart = new JFreeChart(feature + " by instrument", plot);
        chart.removeLegend();
        save(chart, png, 720, 400);
    }

    static void heatMap(Instrument instrument, List<Performance> performances, Path png) {
        double[][] xyz = new double[3][HEAT * HEAT];
        double[] counts = new double[HEAT * HEAT];
        for (Performance p : performances)
            for (Touch t : p.touches().list()) counts[Math.min(HEAT - 1, (int) (t.y() * HEAT)) * HEAT + Math.min(HEAT - 1, (int) (t.x() * HEAT))]++;
        double max = java.util.Arrays.stream(counts).max().orElse(1);
        for (int i = 0; i < counts.length; i++) {
            xyz[0][i] = (i % HEAT + 0.5) / HEAT;
            xyz[1][i] = (i / HEAT + 0.5) / HEAT;
            xyz[2][i] = max == 0 ? 0 : counts[i] / max;
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("density", xyz);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(1.0 / HEAT);
        renderer.setBlockHeight(1.0 / HEAT);
        renderer.setPaintScale(new GrayPaintScale(0, 1));
        NumberAxis x = new NumberAxis("x"), y = new NumberAxis("y");
        x.setRange(0, 1);
        y.setRange(0, 1);
        y.setInverted(true); // the square's origin is top-left
        JFreeChart chart = new JFreeChart(instrument.wireName() + ": where touches land (" + performances.size() + " performances)",
                new XYPlot(data, x, y, renderer));
        chart.removeLegend();
        save(chart, png, 420, 440);
    }

    private static void save(JFreeChart chart, Path png, int w, int h) {
        try {
            ChartUtils.saveChartAsPNG(png.toFile(), chart, w, h);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
