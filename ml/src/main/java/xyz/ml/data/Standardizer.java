package xyz.ml.data;

/**
 * Centres each feature on a mean and scales it by a standard deviation, both learnt from the
 * training rows only so that nothing of the test rows leaks into training.
 */
public final class Standardizer {

  private final double[] mean;
  private final double[] scale;

  private Standardizer(double[] mean, double[] scale) {
    this.mean = mean;
    this.scale = scale;
  }

  /**
   * Learns the mean and the (population) standard deviation of each feature over {@code rows}.
   * A constant feature, such as a border pixel of the digits, keeps a scale of 1 so it becomes 0
   * instead of a division by zero.
   */
  public static Standardizer fit(double[][] features, int[] rows) {
    int width = features[rows[0]].length;
    double[] mean = new double[width];
    double[] scale = new double[width];
    for (int i : rows) {
      for (int j = 0; j < width; j++) {
        mean[j] += features[i][j];
      }
    }
    for (int j = 0; j < width; j++) {
      mean[j] /= rows.length;
    }
    for (int i : rows) {
      for (int j = 0; j < width; j++) {
        double d = features[i][j] - mean[j];
        scale[j] += d * d;
      }
    }
    for (int j = 0; j < width; j++) {
      double sd = Math.sqrt(scale[j] / rows.length);
      scale[j] = sd > 0 ? sd : 1;
    }
    return new Standardizer(mean, scale);
  }

  /** The standardised copies of the given rows, in the order given. */
  public double[][] apply(double[][] features, int[] rows) {
    double[][] out = new double[rows.length][mean.length];
    for (int r = 0; r < rows.length; r++) {
      double[] x = features[rows[r]];
      for (int j = 0; j < mean.length; j++) {
        out[r][j] = (x[j] - mean[j]) / scale[j];
      }
    }
    return out;
  }
}
