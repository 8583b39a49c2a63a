// Plots for people: learning curves, and call/response pictures (with JFreeChart).
package microjam.train;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

public final class Plots {
    private Plots() {
    }

    public static void learningCurves(List<Training.Epoch> history, String title, Path png) {
        XYSeries train = new XYSeries("training"), validation = new XYSeries("validation");
        for (Training.Epoch e : history) {
            train.add(e.epoch(), e.trainLoss());
            validation.add(e.epoch(), e.validationLoss());
        }
        XYSeriesCollection data = new XYSeriesCollection(train);
        data.addSeries(validation);
        JFreeChart chart = ChartFactory.createXYLineChart(title, "epoch", "negative log-likelihood per touch", data,
                PlotOrientation.VERTICAL, true, false, false);
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        save(chart, png, 800, 500);
    }

    /** Touch trails of calls (grey) and RoboJam's responses (orange), one panel each, in the unit square. */
    public static void callsAndResponses(List<float[][]> calls, List<float[][]> responses, Path png) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int i = 0; i < calls.size(); i++) {
            data.addSeries(series("call " + (i + 1), calls.get(i), i * 1.2));
            data.addSeries(series("RoboJam " + (i + 1), responses.get(i), i * 1.2));
        }
        JFreeChart chart = ChartFactory.createScatterPlot("Calls (held out) and RoboJam's responses, side by side", "x (each panel 0-1)",
                "y", data, PlotOrientation.VERTICAL, false, false, false);
        chart.getXYPlot().getRangeAxis().setInverted(true);
        var renderer = chart.getXYPlot().getRenderer();
        for (int i = 0; i < data.getSeriesCount(); i++) renderer.setSeriesPaint(i, i % 2 == 0 ? Color.GRAY : new Color(0xF44708));
        save(chart, png, 300 * calls.size(), 360);
    }

    // xy positions of a [x, y, dt] sequence, shifted right by offset (responses a little lower is not needed: colour tells them apart).
    private static XYSeries series(String name, float[][] touches, double offset) {
        XYSeries s = new XYSeries(name, false);
        for (float[] t : touches) s.add(t[0] + offset, t[1]);
        return s;
    }

    private static void save(JFreeChart chart, Path png, int width, int height) {
        try {
            ChartUtils.saveChartAsPNG(png.toFile(), chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
