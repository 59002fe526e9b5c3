package xyz.plot;

import java.util.Arrays;

/** The raw (x, value) pairs of every series, as they come from the database. */
final class Samples {
  private final double[][] xs;
  private final double[][] values;
  private final int[] sizes;
  private long total;

  Samples(int seriesCount) {
    xs = new double[seriesCount][];
    values = new double[seriesCount][];
    sizes = new int[seriesCount];
  }

  void add(int series, double x, double value) {
    int size = sizes[series];
    if (xs[series] == null) {
      xs[series] = new double[16];
      values[series] = new double[16];
    } else if (size == xs[series].length) {
      xs[series] = Arrays.copyOf(xs[series], size * 2);
      values[series] = Arrays.copyOf(values[series], size * 2);
    }
    xs[series][size] = x;
    values[series][size] = value;
    sizes[series] = size + 1;
    total++;
  }

  int seriesCount() {
    return sizes.length;
  }

  int size(int series) {
    return sizes[series];
  }

  /** The x values of a series; only the first {@link #size} are its own. */
  double[] x(int series) {
    return xs[series];
  }

  /** The values of a series; only the first {@link #size} are its own. */
  double[] values(int series) {
    return values[series];
  }

  /** How many pairs all series hold together. */
  long total() {
    return total;
  }
}
