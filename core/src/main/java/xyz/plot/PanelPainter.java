package xyz.plot;

import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultIntervalXYDataset;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Draws one panel with JFreeChart: its lines (each one path), bands, grid and, where the layout
 * asks, tick labels. The data area lands exactly on the rectangle the layout gave it, because
 * the room for tick labels is fixed rather than measured by each plot.
 */
final class PanelPainter {
  /** The opacity of a band. */
  static final float BAND_ALPHA = 0.2f;
  /** The radius of the marker at each level of an x axis. */
  static final double MARKER_RADIUS = 2.5;

  private final Style style;
  private final boolean band;
  private final boolean markers;

  /**
   * Prepares the painting of a figure's panels.
   *
   * @param band whether the lines carry bands
   * @param markers whether each point gets a marker (x is an axis with few levels)
   */
  PanelPainter(Style style, boolean band, boolean markers) {
    this.style = style;
    this.band = band;
    this.markers = markers;
  }

  /**
   * Draws a panel.
   *
   * @param data the panel's data area
   * @param xSpan the x range shown, in plot units
   * @param ySpan the y range shown, in plot units
   * @param xTicks the x ticks, drawn as grid lines and, where shown, labels
   * @param yTicks the y ticks
   * @param xLabels whether the x tick labels are shown
   * @param yLabels whether the y tick labels are shown
   * @param verticalX whether x labels are turned a quarter
   * @param xTickHeight the room below the data area that x labels take
   * @param yTickWidth the room left of the data area that y labels take
   * @param curves the lines, in plot units
   */
  void paint(Graphics2D g, Rectangle2D data, Span xSpan, Span ySpan, List<Tick> xTicks,
      List<Tick> yTicks, boolean xLabels, boolean yLabels, boolean verticalX,
      double xTickHeight, double yTickWidth, List<Curve> curves) {
    NumberAxis xAxis = axis(xTicks, verticalX, xSpan, xLabels);
    NumberAxis yAxis = axis(yTicks, false, ySpan, yLabels);
    XYPlot plot = new PanelPlot();
    plot.setDomainAxis(xAxis);
    plot.setRangeAxis(yAxis);
    plot.setInsets(RectangleInsets.ZERO_INSETS);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    plot.setBackgroundPaint(Theme.BACKGROUND);
    plot.setOutlinePaint(Theme.BORDER);
    plot.setOutlineStroke(Theme.BORDER_STROKE);
    plot.setDomainGridlinePaint(Theme.GRID);
    plot.setRangeGridlinePaint(Theme.GRID);
    plot.setDomainGridlineStroke(Theme.GRID_STROKE);
    plot.setRangeGridlineStroke(Theme.GRID_STROKE);
    AxisSpace below = new AxisSpace();
    below.setBottom(xLabels ? xTickHeight : 0);
    plot.setFixedDomainAxisSpace(below);
    AxisSpace beside = new AxisSpace();
    beside.setLeft(yLabels ? yTickWidth : 0);
    plot.setFixedRangeAxisSpace(beside);
    if (!curves.isEmpty()) {
      addLines(plot, curves, ySpan);
    }
    Rectangle2D area = new Rectangle2D.Double(data.getX() - beside.getLeft(), data.getY(),
        data.getWidth() + beside.getLeft(), data.getHeight() + below.getBottom());
    plot.draw(g, area, null, null, null);
  }

  private static NumberAxis axis(List<Tick> ticks, boolean vertical, Span span,
      boolean labels) {
    TickAxis axis = new TickAxis(ticks, vertical);
    axis.setRange(span.min(), span.max());
    axis.setAxisLineVisible(false);
    axis.setTickLabelsVisible(labels);
    axis.setTickMarksVisible(labels);
    axis.setTickMarkOutsideLength(Theme.TICK_LENGTH);
    axis.setTickMarkInsideLength(0);
    axis.setTickMarkPaint(Theme.BORDER);
    axis.setTickLabelFont(Theme.TICK);
    axis.setTickLabelPaint(Theme.TICK_TEXT);
    axis.setTickLabelInsets(new RectangleInsets(Theme.TICK_PAD, Theme.TICK_PAD, Theme.TICK_PAD,
        Theme.TICK_PAD));
    return axis;
  }

  private void addLines(XYPlot plot, List<Curve> curves, Span ySpan) {
    XYLineAndShapeRenderer renderer;
    if (band) {
      DefaultIntervalXYDataset dataset = new DefaultIntervalXYDataset();
      for (Curve c : curves) {
        double[] mean = clipped(c.mean(), ySpan);
        dataset.addSeries(c.series(), new double[][] {
          c.x(), c.x(), c.x(), mean, clipped(c.lower(), ySpan), clipped(c.upper(), ySpan)});
      }
      DeviationRenderer deviation = new PanelPlot.Bands(markers);
      deviation.setAlpha(BAND_ALPHA);
      renderer = deviation;
      plot.setDataset(dataset);
    } else {
      DefaultXYDataset dataset = new DefaultXYDataset();
      for (Curve c : curves) {
        dataset.addSeries(c.series(), new double[][] {c.x(), clipped(c.mean(), ySpan)});
      }
      renderer = new PanelPlot.Lines(markers);
      plot.setDataset(dataset);
    }
    double r = MARKER_RADIUS;
    Ellipse2D dot = new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
    for (int i = 0; i < curves.size(); i++) {
      int series = curves.get(i).series();
      renderer.setSeriesPaint(i, style.color(series), false);
      renderer.setSeriesFillPaint(i, style.color(series), false);
      renderer.setSeriesStroke(i, style.stroke(series), false);
      renderer.setSeriesShape(i, dot, false);
    }
    renderer.setDefaultCreateEntities(false, false);
    renderer.setDrawOutlines(false);
    renderer.setUseFillPaint(false);
    plot.setRenderer(renderer);
  }

  /** The values with infinities (log of zero) moved to the edges of the panel. */
  private static double[] clipped(double[] values, Span span) {
    double[] out = values;
    for (int i = 0; i < values.length; i++) {
      if (Double.isInfinite(values[i])) {
        if (out == values) {
          out = values.clone();
        }
        out[i] = values[i] < 0 ? span.min() : span.max();
      }
    }
    return out;
  }
}
