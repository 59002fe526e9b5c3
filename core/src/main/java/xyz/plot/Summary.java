package xyz.plot;

/**
 * The statistics of one group of values (the replicates of one point of a line): mean,
 * standard deviation and standard error. The range {@code [from, to)} of an array is the group.
 */
final class Summary {
  private Summary() {}

  /** The arithmetic mean. */
  static double mean(double[] values, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += values[i];
    }
    return sum / (to - from);
  }

  /** The sample standard deviation (n - 1 in the denominator); 0 for a single value. */
  static double sd(double[] values, int from, int to) {
    int n = to - from;
    if (n < 2) {
      return 0;
    }
    // Two passes: summing squares about the mean keeps the precision that the one-pass
    // formula loses when the values are large and close together.
    double mean = mean(values, from, to);
    double squares = 0;
    for (int i = from; i < to; i++) {
      double d = values[i] - mean;
      squares += d * d;
    }
    return Math.sqrt(squares / (n - 1));
  }

  /** The standard error of the mean: sd / sqrt(n); 0 for a single value. */
  static double se(double[] values, int from, int to) {
    return sd(values, from, to) / Math.sqrt(to - from);
  }
}
