// The report's pictures, drawn by JFreeChart: a box plot per feature across instruments, and a
// touch-density heat map per instrument. Only groups that may be published (Disclosure) are drawn.
// Box plots: the box spans the quartiles with a line at the median; the whiskers reach the 10th and 90th
// percentiles, and single extreme values are not drawn (each would be one performance); the mean is a
// small red diamond on top. JFreeChart's own mean marker is a disc half as wide as the box, in the box's
// colour, and covered the box whenever the quartiles were close together.
package microjam.research;

import microjam.performance.Features;
import microjam.performance.Instrument;
import microjam.performance.Performance;
import microjam.performance.Touch;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.GrayPaintScale;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

final class Plots {
    static final int HEAT = 16;
    static final int BOX_WIDTH = 720, BOX_HEIGHT = 420;
    static final double LOW_WHISKER = 0.10, HIGH_WHISKER = 0.90;
    static final Color BOX_PAINT = new Color(0x9ecae1), OUTLINE_PAINT = new Color(0x08306b), MEAN_PAINT = new Color(0xd62728);
    /** Half the diagonal of the mean's diamond, in pixels. */
    static final float MEAN_SIZE = 5f;

    private Plots() {
    }

    static void boxPlot(String feature, Map<Instrument, List<Map<String, Double>>> features, Path png) {
        save(boxPlotChart(feature, features), png, BOX_WIDTH, BOX_HEIGHT);
    }

    static JFreeChart boxPlotChart(String feature, Map<Instrument, List<Map<String, Double>>> features) {
        DefaultBoxAndWhiskerCategoryDataset boxes = new DefaultBoxAndWhiskerCategoryDataset();
        DefaultCategoryDataset means = new DefaultCategoryDataset();
        features.forEach((instrument, rows) -> {
            double[] v = InstrumentComparison.values(rows, feature);
            Arrays.sort(v);
            String label = instrument.wireName() + " (n = " + v.length + ")";
            double low = Quantiles.of(v, LOW_WHISKER), high = Quantiles.of(v, HIGH_WHISKER);
            boxes.add(new BoxAndWhiskerItem(Features.mean(v), Quantiles.of(v, 0.5), Quantiles.of(v, 0.25),
                    Quantiles.of(v, 0.75), low, high, low, high, List.of()), feature, label);
            means.addValue(Features.mean(v), "mean", label);
        });
        BoxAndWhiskerRenderer box = new BoxAndWhiskerRenderer();
        box.setMeanVisible(false);
        box.setMaximumBarWidth(0.12);
        box.setSeriesPaint(0, BOX_PAINT);
        box.setSeriesOutlinePaint(0, OUTLINE_PAINT);
        box.setUseOutlinePaintForWhiskers(true);
        box.setArtifactPaint(OUTLINE_PAINT);
        LineAndShapeRenderer mean = new LineAndShapeRenderer(false, true);
        mean.setSeriesShape(0, ShapeUtils.createDiamond(MEAN_SIZE));
        mean.setSeriesPaint(0, MEAN_PAINT);
        mean.setDrawOutlines(false);
        NumberAxis axis = new NumberAxis(feature);
        axis.setAutoRangeIncludesZero(false);
        CategoryPlot plot = new CategoryPlot(boxes, new CategoryAxis("instrument"), axis, box);
        plot.setDataset(1, means);
        plot.setRenderer(1, mean);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD); // the means over the boxes
        JFreeChart chart = new JFreeChart(feature + " by instrument", plot);
        chart.removeLegend();
        chart.addSubtitle(new TextTitle("box: quartiles, line: median, red diamond: mean, whiskers: 10th and 90th percentiles"));
        return chart;
    }

    static void heatMap(Instrument instrument, List<Performance> performances, Path png) {
        double[][] xyz = new double[3][HEAT * HEAT];
        double[] counts = new double[HEAT * HEAT];
        for (Performance p : performances)
            for (Touch t : p.touches().list()) counts[Math.min(HEAT - 1, (int) (t.y() * HEAT)) * HEAT + Math.min(HEAT - 1, (int) (t.x() * HEAT))]++;
        double max = Arrays.stream(counts).max().orElse(1);
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
