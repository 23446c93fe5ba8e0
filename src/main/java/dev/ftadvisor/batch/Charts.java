package dev.ftadvisor.batch;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

import java.awt.Rectangle;
import java.util.Map;

/** Bar charts drawn by JFreeChart as inline SVG, so the HTML summary is one self-contained file. */
final class Charts {
    static final int WIDTH = 560;
    static final int HEIGHT = 320;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    static String bars(String title, String xLabel, String yLabel, Map<String, Long> values) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<String, Long> e : values.entrySet()) data.addValue(e.getValue(), yLabel, e.getKey());
        JFreeChart chart = ChartFactory.createBarChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                false, false, false);
        chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelWidthRatio(1.5f); // "feasible-with-changes" whole
        chart.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(
                values.size() > 6 ? CategoryLabelPositions.UP_45 : CategoryLabelPositions.STANDARD);
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g.getSVGElement();
    }
}
