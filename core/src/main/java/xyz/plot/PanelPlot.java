package xyz.plot;

import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;

/**
 * The JFreeChart plot of one panel, with x always at the bottom and y at the left. JFreeChart
 * resolves the axis edges again for every point it draws; answering directly removes a fifth of
 * the time of a million-point figure.
 */
final class PanelPlot extends XYPlot {
  private static final long serialVersionUID = 1L;

  @Override
  public RectangleEdge getDomainAxisEdge() {
    return RectangleEdge.BOTTOM;
  }

  @Override
  public RectangleEdge getDomainAxisEdge(int index) {
    return RectangleEdge.BOTTOM;
  }

  @Override
  public RectangleEdge getRangeAxisEdge() {
    return RectangleEdge.LEFT;
  }

  @Override
  public RectangleEdge getRangeAxisEdge(int index) {
    return RectangleEdge.LEFT;
  }

  /** Draws lines as one path each, and skips the per-point pass when there are no markers. */
  static final class Lines extends XYLineAndShapeRenderer {
    private static final long serialVersionUID = 1L;
    private final boolean markers;

    Lines(boolean markers) {
      super(true, markers);
      this.markers = markers;
      setDrawSeriesLineAsPath(true);
    }

    @Override
    public int getPassCount() {
      return markers ? 2 : 1;
    }
  }

  /** Draws a band under each line, the line as one path, and markers only when asked. */
  static final class Bands extends DeviationRenderer {
    private static final long serialVersionUID = 1L;
    private final boolean markers;

    Bands(boolean markers) {
      super(true, markers);
      this.markers = markers;
    }

    @Override
    public int getPassCount() {
      return markers ? 3 : 2;
    }
  }
}
