package xyz.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Draws a whole facet grid onto any Graphics2D (an image or an SVG document): title, strips,
 * panels, axis titles, caption and legend. Built once per figure; painting twice draws the same.
 */
final class FigurePainter {
  /** Below this many points, drawing the panels on one thread is as fast. */
  private static final long PARALLEL_FROM = 50_000;
  /** The widest a panel grows to fit the categories of its x axis. */
  private static final double MAX_CATEGORY_PANEL = 600;

  private final String title;
  private final String xTitle;
  private final String yTitle;
  private final String caption;
  private final String rowAxis;
  private final String colAxis;
  private final Frame frame;
  private final Scales scales;
  private final Layout layout;
  private final Legend legend;
  private final PanelPainter panels;
  private final boolean turnedX;
  private final Map<Integer, List<Tick>> xTicks = new HashMap<>();
  private final Map<Integer, List<Tick>> yTicks = new HashMap<>();
  private final List<List<Curve>> curvesByPanel = new ArrayList<>();
  private long points;

  /**
   * Prepares a figure.
   *
   * @param curves the curves in plot units (see {@link LogSpace}), in series order
   * @param caption a line for the reader under the grid, or null
   */
  FigurePainter(String title, Placement placement, Frame frame, Curve[] curves,
      String caption) {
    this.title = title;
    this.caption = caption;
    this.frame = frame;
    this.rowAxis = placement.rows() == null ? null : placement.rows().name();
    this.colAxis = placement.cols() == null ? null : placement.cols().name();
    this.xTitle = placement.xIsStep() ? "step" : placement.x().name();
    this.yTitle = String.join(", ", placement.y());
    this.scales = new Scales(frame, placement.scales(), curves);
    double[] panel = Layout.panelSize(frame.rows(), frame.cols());
    if (frame.categoricalX()) {
      // Many categories widen the panels, so that their turned labels stay readable.
      panel[0] = Math.max(panel[0], Math.min(MAX_CATEGORY_PANEL,
          frame.xLabels().size() * (Text.height(Theme.TICK) + 3)));
    }

    // Ticks: one set per shared range, sized to the panel.
    turnedX = frame.categoricalX() && AxisTicks.turnCategories(frame.xLabels(), panel[0]);
    double yTickWidth = 0;
    double xLabelHeight = Text.height(Theme.TICK);
    for (int r = 0; r < frame.rows(); r++) {
      for (int c = 0; c < frame.cols(); c++) {
        int gx = scales.xGroup(r, c);
        if (!xTicks.containsKey(gx)) {
          List<Tick> ticks = frame.categoricalX()
              ? AxisTicks.categories(frame.xLabels(), turnedX, panel[0])
              : AxisTicks.x(scales.x(r, c), panel[0], placement.logX(), integerX(placement));
          xTicks.put(gx, ticks);
          if (turnedX) {
            xLabelHeight = Math.max(xLabelHeight,
                Layout.widest(ticks.stream().map(Tick::label).toList(), Theme.TICK));
          }
        }
        int gy = scales.yGroup(r, c);
        if (!yTicks.containsKey(gy)) {
          List<Tick> ticks = AxisTicks.y(scales.y(r, c), panel[1], placement.logY());
          yTicks.put(gy, ticks);
          yTickWidth = Math.max(yTickWidth,
              Layout.widest(ticks.stream().map(Tick::label).toList(), Theme.TICK));
        }
      }
    }
    double tickRoom = Theme.TICK_LENGTH + 2 * Theme.TICK_PAD;

    // Curves: grouped by panel, thinned to what the panel can show.
    for (int p = 0; p < frame.rows() * frame.cols(); p++) {
      curvesByPanel.add(new ArrayList<>());
    }
    for (Curve curve : curves) {
      int r = frame.rowOf(curve.series());
      int c = frame.colOf(curve.series());
      Curve thin = Decimator.thin(curve, scales.x(r, c), panel[0]);
      curvesByPanel.get(r * frame.cols() + c).add(thin);
      points += thin.length();
    }

    Style style = new Style(frame, placement.color() == null ? null : placement.color().name());
    boolean band = !placement.band().equals("none");
    boolean markers = !placement.xIsStep();
    this.panels = new PanelPainter(style, band, markers);
    this.legend = new Legend(style.legend(), band, markers);
    this.layout = new Layout(frame, panel, yTickWidth + tickRoom, xLabelHeight + tickRoom,
        scales.yLabelsEverywhere(), scales.xLabelsEverywhere(), rowAxis != null,
        colAxis != null, caption, legend, Text.width(title, Theme.TITLE));
  }

  /** Whether x only takes whole numbers: steps, or an axis of integer levels. */
  private static boolean integerX(Placement placement) {
    return placement.xIsStep() || placement.x().levels().stream()
        .allMatch(v -> v instanceof Long || v instanceof Integer);
  }

  int width() {
    return layout.pixelWidth();
  }

  int height() {
    return layout.pixelHeight();
  }

  /** Draws the figure onto a canvas as large as the figure, such as an SVG document. */
  void paint(Graphics2D g) {
    paintFrame(g);
    for (int r = 0; r < frame.rows(); r++) {
      for (int c = 0; c < frame.cols(); c++) {
        paintPanel(g, r, c);
      }
    }
  }

  /**
   * Draws the figure onto an image as large as the figure, its rows of panels in parallel: the
   * panels do not overlap, and each thread draws through its own Graphics2D.
   */
  void paint(BufferedImage image) {
    paint(image, frame.rows() > 1 && points > PARALLEL_FROM);
  }

  /** Draws the figure onto an image, its rows of panels in parallel or not. */
  void paint(BufferedImage image, boolean parallel) {
    Graphics2D g = image.createGraphics();
    try {
      paintFrame(g);
    } finally {
      g.dispose();
    }
    IntStream rows = IntStream.range(0, frame.rows());
    if (parallel) {
      rows = rows.parallel();
    }
    rows.forEach(r -> {
      Graphics2D row = image.createGraphics();
      try {
        Text.hints(row);
        for (int c = 0; c < frame.cols(); c++) {
          paintPanel(row, r, c);
        }
      } finally {
        row.dispose();
      }
    });
  }

  /** Draws everything but the panels. */
  private void paintFrame(Graphics2D g) {
    Text.hints(g);
    g.setColor(Theme.BACKGROUND);
    g.fill(new Rectangle2D.Double(0, 0, layout.width, layout.height));
    g.setColor(Theme.TEXT);
    Text.draw(g, title, Theme.TITLE, Theme.MARGIN, layout.titleY, 0, 0);
    paintStrips(g);
    paintAxisTitles(g);
    g.setColor(Theme.MUTED);
    double y = layout.captionY;
    for (String line : layout.captionLines) {
      Text.draw(g, line, Theme.CAPTION, layout.left, y, 0, 0);
      y += Text.height(Theme.CAPTION);
    }
    if (!legend.isEmpty()) {
      legend.draw(g, layout.legendX, layout.legendY, layout.legendStacked, layout.legendLimit);
    }
  }

  private void paintPanel(Graphics2D g, int r, int c) {
    boolean xLabels = layout.xLabelsEverywhere || r == frame.rows() - 1;
    boolean yLabels = layout.yLabelsEverywhere || c == 0;
    Rectangle2D data = new Rectangle2D.Double(layout.panelX(c), layout.panelY(r),
        layout.panelWidth, layout.panelHeight);
    Span xSpan = scales.x(r, c);
    Span ySpan = scales.y(r, c);
    // Labels may reach past the outer edges of the grid, where no other labels are.
    List<Tick> x = turnedX ? xTicks.get(scales.xGroup(r, c))
        : AxisTicks.inside(xTicks.get(scales.xGroup(r, c)), xSpan, layout.panelWidth, c == 0,
            c == frame.cols() - 1, true);
    List<Tick> y = AxisTicks.inside(yTicks.get(scales.yGroup(r, c)), ySpan, layout.panelHeight,
        r == frame.rows() - 1, r == 0, false);
    List<Curve> lines = curvesByPanel.get(r * frame.cols() + c);
    panels.paint(g, data, xSpan, ySpan, x, y, xLabels, yLabels, turnedX, layout.xTickHeight,
        layout.yTickWidth, lines);
    if (lines.isEmpty()) {
      g.setColor(Theme.MUTED);
      Text.draw(g, "no data", Theme.TICK, data.getCenterX(), data.getCenterY(), 0.5, 0.5);
    }
  }

  private void paintStrips(Graphics2D g) {
    double strip = layout.stripHeight;
    if (colAxis != null) {
      double gridWidth = layout.gridRight - layout.left;
      g.setColor(Theme.MUTED);
      Text.draw(g, Text.fit(colAxis, Theme.HEADER, gridWidth), Theme.HEADER,
          layout.left + gridWidth / 2, layout.colHeaderY, 0.5, 0);
      for (int c = 0; c < frame.cols(); c++) {
        double x = layout.panelX(c);
        double y = layout.top - strip;
        g.setColor(Theme.STRIP_FILL);
        g.fill(new Rectangle2D.Double(x, y, layout.panelWidth, strip));
        g.setColor(Theme.TEXT);
        String label = Text.fit(frame.colLabels().get(c), Theme.STRIP, layout.panelWidth - 6);
        Text.draw(g, label, Theme.STRIP, x + layout.panelWidth / 2, y + strip / 2, 0.5, 0.5);
      }
    }
    if (rowAxis != null) {
      double gridHeight = layout.gridBottom - layout.top;
      g.setColor(Theme.MUTED);
      Text.drawTurned(g, Text.fit(rowAxis, Theme.HEADER, gridHeight), Theme.HEADER,
          layout.rowHeaderX + layout.headerHeight / 2, layout.top + gridHeight / 2, false);
      for (int r = 0; r < frame.rows(); r++) {
        double y = layout.panelY(r);
        g.setColor(Theme.STRIP_FILL);
        g.fill(new Rectangle2D.Double(layout.rowStripX, y, strip, layout.panelHeight));
        g.setColor(Theme.TEXT);
        String label = Text.fit(frame.rowLabels().get(r), Theme.STRIP, layout.panelHeight - 6);
        Text.drawTurned(g, label, Theme.STRIP, layout.rowStripX + strip / 2,
            y + layout.panelHeight / 2, false);
      }
    }
  }

  private void paintAxisTitles(Graphics2D g) {
    g.setColor(Theme.TEXT);
    double gridWidth = layout.gridRight - layout.left;
    double gridHeight = layout.gridBottom - layout.top;
    Text.draw(g, Text.fit(xTitle, Theme.AXIS_TITLE, gridWidth), Theme.AXIS_TITLE,
        layout.left + gridWidth / 2, layout.xTitleY, 0.5, 0);
    Text.drawTurned(g, Text.fit(yTitle, Theme.AXIS_TITLE, gridHeight), Theme.AXIS_TITLE,
        layout.yTitleX + Text.height(Theme.AXIS_TITLE) / 2, layout.top + gridHeight / 2, true);
  }
}
