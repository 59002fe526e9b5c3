package xyz.ml.collapse;

/**
 * The mean feature vector of each class of one split, kept so that another split can be measured
 * against it: the nearest-class-centre classifier of NC4 uses the <em>training</em> class means
 * also when it is evaluated on the test split (Papyan, Han and Donoho 2020, Fig. 7).
 *
 * <p>Compute it once per snapshot from the training features and pass it to
 * {@link CollapseMetrics#measure(float[][], int[], int, float[][], float[], ClassMeans)} for the
 * test split. A class without samples has a mean of NaN.
 */
public final class ClassMeans {

  private final double[][] means;
  private final int[] counts;

  private ClassMeans(double[][] means, int[] counts) {
    this.means = means;
    this.counts = counts;
  }

  /** The class means of {@code features} (n x d), with labels in [0, classes). */
  public static ClassMeans of(float[][] features, int[] labels, int classes) {
    return of(FeatureRows.of(features, "features"), labels, classes);
  }

  /** The class means of {@code features} (n x d), with labels in [0, classes). */
  public static ClassMeans of(double[][] features, int[] labels, int classes) {
    return of(FeatureRows.of(features, "features"), labels, classes);
  }

  static ClassMeans of(FeatureRows features, int[] labels, int classes) {
    checkLabels(labels, features.count(), classes);
    int dim = features.dim();
    double[][] sums = new double[classes][dim];
    int[] counts = new int[classes];
    double[] row = new double[dim];
    for (int i = 0; i < features.count(); i++) {
      features.copy(i, row);
      double[] sum = sums[labels[i]];
      for (int j = 0; j < dim; j++) {
        sum[j] += row[j];
      }
      counts[labels[i]]++;
    }
    for (int c = 0; c < classes; c++) {
      for (int j = 0; j < dim; j++) {
        sums[c][j] = counts[c] == 0 ? Double.NaN : sums[c][j] / counts[c];
      }
    }
    return new ClassMeans(sums, counts);
  }

  static void checkLabels(int[] labels, int rows, int classes) {
    if (classes < 2) {
      throw new IllegalArgumentException(
          "classes is " + classes + "; the measures need at least 2");
    }
    if (labels == null || labels.length != rows) {
      throw new IllegalArgumentException("labels has " + (labels == null ? "no" : labels.length)
          + " entries for " + rows + " feature rows");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException(
            "labels[" + i + "] is " + labels[i] + ", outside [0, " + classes + ")");
      }
    }
  }

  /** The number of classes. */
  public int classes() {
    return means.length;
  }

  /** The feature dimension. */
  public int dim() {
    return means[0].length;
  }

  /** The number of samples of class {@code c}. */
  public int count(int c) {
    return counts[c];
  }

  /** A copy of the mean of class {@code c} (NaN entries when the class has no samples). */
  public double[] mean(int c) {
    return means[c].clone();
  }

  /** The first class without samples, or -1 when every class has some. */
  int firstEmpty() {
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] == 0) {
        return c;
      }
    }
    return -1;
  }

  /** The mean of class {@code c} itself, not a copy: for the metrics' inner loops only. */
  double[] meanView(int c) {
    return means[c];
  }

  /** The class whose mean is nearest to {@code h} in Euclidean distance (lowest index on a tie). */
  int nearest(double[] h) {
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int c = 0; c < means.length; c++) {
      double[] mu = means[c];
      double d = 0;
      for (int j = 0; j < mu.length; j++) {
        double e = h[j] - mu[j];
        d += e * e;
      }
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }
}
