package xyz.plot;

/**
 * The x and y ranges of every panel. Panels that share a scale share a range: {@code shared}
 * shares x and y across the figure; {@code rows} gives each row its own y; {@code cols} gives
 * each column its own x and y; {@code free} gives each panel its own.
 */
final class Scales {
  private static final double PAD_X = 0.05;
  private static final double PAD_Y = 0.05;
  private static final double PAD_CATEGORIES = 0.4;

  private final Frame frame;
  private final String mode;
  private final Span[] x;
  private final Span[] y;

  /**
   * Computes the ranges from the curves in plot units.
   *
   * @param mode shared, rows, cols or free
   */
  Scales(Frame frame, String mode, Curve[] curves) {
    this.frame = frame;
    this.mode = mode;
    int panels = frame.rows() * frame.cols();
    double[] xLow = filled(panels, Double.POSITIVE_INFINITY);
    double[] xHigh = filled(panels, Double.NEGATIVE_INFINITY);
    double[] yLow = filled(panels, Double.POSITIVE_INFINITY);
    double[] yHigh = filled(panels, Double.NEGATIVE_INFINITY);
    for (Curve curve : curves) {
      int gx = xGroup(frame.rowOf(curve.series()), frame.colOf(curve.series()));
      int gy = yGroup(frame.rowOf(curve.series()), frame.colOf(curve.series()));
      for (int i = 0; i < curve.length(); i++) {
        xLow[gx] = Math.min(xLow[gx], curve.x()[i]);
        xHigh[gx] = Math.max(xHigh[gx], curve.x()[i]);
        yLow[gy] = low(yLow[gy], curve.mean()[i]);
        yHigh[gy] = high(yHigh[gy], curve.mean()[i]);
        if (curve.hasBand()) {
          yLow[gy] = low(yLow[gy], curve.lower()[i]);
          yHigh[gy] = high(yHigh[gy], curve.upper()[i]);
        }
      }
    }
    x = new Span[panels];
    y = new Span[panels];
    for (int g = 0; g < panels; g++) {
      x[g] = frame.categoricalX()
          ? new Span(-PAD_CATEGORIES, frame.xLabels().size() - 1 + PAD_CATEGORIES)
          : xLow[g] <= xHigh[g] ? Span.padded(xLow[g], xHigh[g], PAD_X) : new Span(0, 1);
      y[g] = yLow[g] <= yHigh[g] ? Span.padded(yLow[g], yHigh[g], PAD_Y) : new Span(0, 1);
    }
  }

  private static double[] filled(int n, double value) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, value);
    return a;
  }

  private static double low(double current, double value) {
    return Double.isFinite(value) ? Math.min(current, value) : current;
  }

  private static double high(double current, double value) {
    return Double.isFinite(value) ? Math.max(current, value) : current;
  }

  /** The index of the x range a panel uses. */
  int xGroup(int row, int col) {
    return switch (mode) {
      case "cols" -> col;
      case "free" -> row * frame.cols() + col;
      default -> 0;
    };
  }

  /** The index of the y range a panel uses. */
  int yGroup(int row, int col) {
    return switch (mode) {
      case "rows" -> row;
      case "cols" -> col;
      case "free" -> row * frame.cols() + col;
      default -> 0;
    };
  }

  Span x(int row, int col) {
    return x[xGroup(row, col)];
  }

  Span y(int row, int col) {
    return y[yGroup(row, col)];
  }

  /** Whether every panel shows its own y tick labels, because columns differ in y. */
  boolean yLabelsEverywhere() {
    return mode.equals("cols") || mode.equals("free");
  }

  /** Whether every panel shows its own x tick labels, because rows differ in x. */
  boolean xLabelsEverywhere() {
    return mode.equals("free");
  }
}
