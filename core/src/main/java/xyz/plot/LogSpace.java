package xyz.plot;

/**
 * Moves curves onto logarithmic axes: x, y or both become log10 of the values, so that axes and
 * ranges work in plain units. A band edge at or below zero has no logarithm and becomes
 * negative infinity, which the panel clips to its lower edge.
 */
final class LogSpace {
  private LogSpace() {}

  /** The curves with log10 applied where the figure asks. */
  static Curve[] apply(Curve[] curves, boolean logX, boolean logY) {
    if (!logX && !logY) {
      return curves;
    }
    Curve[] moved = new Curve[curves.length];
    for (int i = 0; i < curves.length; i++) {
      Curve c = curves[i];
      moved[i] = new Curve(c.series(), logX ? log(c.x()) : c.x(),
          logY ? log(c.mean()) : c.mean(),
          logY && c.hasBand() ? log(c.lower()) : c.lower(),
          logY && c.hasBand() ? log(c.upper()) : c.upper());
    }
    return moved;
  }

  private static double[] log(double[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] > 0 ? Math.log10(values[i]) : Double.NEGATIVE_INFINITY;
    }
    return out;
  }
}
