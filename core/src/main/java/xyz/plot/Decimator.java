package xyz.plot;

/**
 * Thins a long line to what a panel can show: when a curve has more than two points per pixel
 * column, each column keeps only its lowest and highest mean, in x order, so that spikes stay
 * visible while the path shrinks to at most two points per column. The band keeps the widest
 * extent of the column.
 */
final class Decimator {
  private Decimator() {}

  /**
   * The curve as drawn in a panel {@code pixels} wide showing {@code span} of x.
   */
  static Curve thin(Curve curve, Span span, double pixels) {
    int n = curve.length();
    if (n <= 2 * pixels || span.length() <= 0) {
      return curve;
    }
    double[] x = curve.x();
    double[] mean = curve.mean();
    int capacity = (int) (2 * pixels) + 4;
    double[] ox = new double[capacity];
    double[] om = new double[capacity];
    double[] ol = curve.hasBand() ? new double[capacity] : null;
    double[] ou = curve.hasBand() ? new double[capacity] : null;
    int out = 0;
    double scale = pixels / span.length();
    int from = 0;
    while (from < n) {
      long column = (long) Math.floor((x[from] - span.min()) * scale);
      int to = from + 1;
      while (to < n && (long) Math.floor((x[to] - span.min()) * scale) == column) {
        to++;
      }
      int lowest = from;
      int highest = from;
      double bandLow = Double.POSITIVE_INFINITY;
      double bandHigh = Double.NEGATIVE_INFINITY;
      for (int i = from; i < to; i++) {
        if (mean[i] < mean[lowest]) {
          lowest = i;
        }
        if (mean[i] > mean[highest]) {
          highest = i;
        }
        if (ol != null) {
          bandLow = Math.min(bandLow, curve.lower()[i]);
          bandHigh = Math.max(bandHigh, curve.upper()[i]);
        }
      }
      if (out + 2 > ox.length) {
        ox = java.util.Arrays.copyOf(ox, ox.length * 2);
        om = java.util.Arrays.copyOf(om, om.length * 2);
        ol = ol == null ? null : java.util.Arrays.copyOf(ol, ol.length * 2);
        ou = ou == null ? null : java.util.Arrays.copyOf(ou, ou.length * 2);
      }
      int first = Math.min(lowest, highest);
      int second = Math.max(lowest, highest);
      for (int i : first == second ? new int[] {first} : new int[] {first, second}) {
        ox[out] = x[i];
        om[out] = mean[i];
        if (ol != null) {
          ol[out] = bandLow;
          ou[out] = bandHigh;
        }
        out++;
      }
      from = to;
    }
    return new Curve(curve.series(), java.util.Arrays.copyOf(ox, out),
        java.util.Arrays.copyOf(om, out), ol == null ? null : java.util.Arrays.copyOf(ol, out),
        ou == null ? null : java.util.Arrays.copyOf(ou, out));
  }
}
