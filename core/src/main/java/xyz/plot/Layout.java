package xyz.plot;

import java.util.List;

/**
 * Where everything of a figure goes, in pixels at 1x: the title, the column strips on top, the
 * row strips on the right, the panel grid, the tick labels on the outer panels (or on every
 * panel whose scale differs from its neighbour's), the axis titles, the caption and the legend.
 */
final class Layout {
  private static final double STRIP_PAD = 6;
  private static final double TITLE_GAP = 8;
  private static final double LEGEND_GAP = 18;
  private static final double MAX_PIXELS = 40e6;

  final int rows;
  final int cols;
  final double panelWidth;
  final double panelHeight;
  final double yTickWidth;
  final double xTickHeight;
  final boolean yLabelsEverywhere;
  final boolean xLabelsEverywhere;
  final double stripHeight;
  final double headerHeight;
  final double titleY;
  final double colHeaderY;
  final double left;
  final double top;
  final double colStep;
  final double rowStep;
  final double gridRight;
  final double gridBottom;
  final double rowStripX;
  final double rowHeaderX;
  final double yTitleX;
  final double xTitleY;
  final double captionY;
  final List<String> captionLines;
  final boolean legendStacked;
  final double legendX;
  final double legendY;
  final double legendLimit;
  final double width;
  final double height;

  /** The size of one panel's data area for a grid of that many panels. */
  static double[] panelSize(int rows, int cols) {
    double w = Theme.PANEL_WIDTH;
    double h = Theme.PANEL_HEIGHT;
    double estimate = (cols * (w + 2 * Theme.PANEL_GAP) + 300) * (rows * (h + Theme.PANEL_GAP)
        + 150);
    if (estimate > MAX_PIXELS) {
      double shrink = Math.max(Theme.MIN_PANEL_WIDTH / w, Math.sqrt(MAX_PIXELS / estimate));
      w = Math.floor(w * shrink);
      h = Math.floor(h * shrink);
    }
    return new double[] {w, h};
  }

  /**
   * Lays a figure out.
   *
   * @param panel the panel size from {@link #panelSize}
   * @param yTickWidth the room the widest y tick label needs, tick mark included
   * @param xTickHeight the room the x tick labels need below a panel
   * @param hasRowStrips whether there is a row axis
   * @param hasColStrips whether there is a column axis
   * @param caption the text under the grid, wrapped to the figure's width, or null
   * @param titleWidth the width of the figure's title, which the figure is at least as wide as
   */
  Layout(Frame frame, double[] panel, double yTickWidth, double xTickHeight,
      boolean yLabelsEverywhere, boolean xLabelsEverywhere, boolean hasRowStrips,
      boolean hasColStrips, String caption, Legend legend, double titleWidth) {
    rows = frame.rows();
    cols = frame.cols();
    panelWidth = panel[0];
    panelHeight = panel[1];
    this.yTickWidth = yTickWidth;
    this.xTickHeight = xTickHeight;
    this.yLabelsEverywhere = yLabelsEverywhere;
    this.xLabelsEverywhere = xLabelsEverywhere;
    stripHeight = Math.ceil(Text.height(Theme.STRIP) + STRIP_PAD);
    headerHeight = Text.height(Theme.HEADER) + 4;
    double m = Theme.MARGIN;

    titleY = m;
    double y = m + Text.height(Theme.TITLE) + TITLE_GAP;
    colHeaderY = y;
    if (hasColStrips) {
      y += headerHeight + stripHeight;
    }
    top = Math.ceil(y);
    yTitleX = m;
    // Whole pixels, so that strips, borders and grid lines fall on the same pixel columns.
    left = Math.ceil(m + Text.height(Theme.AXIS_TITLE) + 4 + yTickWidth);
    colStep = Math.ceil(panelWidth + Theme.PANEL_GAP + (yLabelsEverywhere ? yTickWidth : 0));
    rowStep = Math.ceil(panelHeight + Theme.PANEL_GAP + (xLabelsEverywhere ? xTickHeight : 0));
    gridRight = left + (cols - 1) * colStep + panelWidth;
    gridBottom = top + (rows - 1) * rowStep + panelHeight;
    rowStripX = gridRight;
    rowHeaderX = gridRight + (hasRowStrips ? stripHeight + 2 : 0);
    double right = hasRowStrips ? rowHeaderX + headerHeight : gridRight;
    xTitleY = gridBottom + xTickHeight + 2;
    double belowTitle = xTitleY + Text.height(Theme.AXIS_TITLE) + 6;

    double gridWidth = gridRight - left;
    double gridHeight = gridBottom - top;
    double stackLimit = Math.max(gridHeight, 12 * 17);
    double[] stacked = legend.size(true, stackLimit);
    boolean wide = gridWidth > 1.5 * gridHeight && stacked[0] > 0.3 * gridWidth;
    legendStacked = !wide;
    double w;
    double legendBottom;
    if (legend.isEmpty()) {
      legendX = right;
      legendY = top;
      legendLimit = 0;
      w = right + m;
      legendBottom = 0;
    } else if (legendStacked) {
      legendX = right + LEGEND_GAP;
      legendY = top;
      legendLimit = stackLimit;
      w = legendX + stacked[0] + m;
      legendBottom = top + stacked[1];
    } else {
      legendLimit = Math.max(gridWidth, 300);
      double[] flowing = legend.size(false, legendLimit);
      legendX = left;
      legendY = belowTitle;
      belowTitle += flowing[1] + 6;
      w = Math.max(right, left + flowing[0]) + m;
      legendBottom = 0;
    }
    width = Math.max(w, titleWidth + 2 * m);
    captionY = belowTitle;
    captionLines = caption == null ? List.of()
        : Text.wrap(caption, Theme.CAPTION, width - left - m);
    double bottom = captionLines.isEmpty() ? belowTitle - 6
        : captionY + captionLines.size() * Text.height(Theme.CAPTION);
    height = Math.max(bottom, legendBottom) + m;
  }

  /** The left edge of the data area of the panels in column c. */
  double panelX(int c) {
    return left + c * colStep;
  }

  /** The top edge of the data area of the panels in row r. */
  double panelY(int r) {
    return top + r * rowStep;
  }

  int pixelWidth() {
    return (int) Math.ceil(width);
  }

  int pixelHeight() {
    return (int) Math.ceil(height);
  }

  /** The widest of some labels in a font. */
  static double widest(List<String> labels, java.awt.Font font) {
    double w = 0;
    for (String label : labels) {
      w = Math.max(w, Text.width(label, font));
    }
    return w;
  }
}
