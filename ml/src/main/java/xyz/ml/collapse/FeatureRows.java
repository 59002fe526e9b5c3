package xyz.ml.collapse;

/**
 * Read access to an n x d feature matrix held as float or double rows, so that the metrics can
 * take either without copying a large matrix.
 */
abstract class FeatureRows {

  /** The number of rows (samples). */
  abstract int count();

  /** The number of columns (feature dimensions). */
  abstract int dim();

  /** Copies row {@code i} into {@code into}, which has length {@link #dim()}. */
  abstract void copy(int i, double[] into);

  static FeatureRows of(float[][] rows, String what) {
    int dim = checkRectangular(rows, what, r -> r.length);
    return new FeatureRows() {
      @Override
      int count() {
        return rows.length;
      }

      @Override
      int dim() {
        return dim;
      }

      @Override
      void copy(int i, double[] into) {
        float[] row = rows[i];
        for (int j = 0; j < dim; j++) {
          into[j] = row[j];
        }
      }
    };
  }

  static FeatureRows of(double[][] rows, String what) {
    int dim = checkRectangular(rows, what, r -> r.length);
    return new FeatureRows() {
      @Override
      int count() {
        return rows.length;
      }

      @Override
      int dim() {
        return dim;
      }

      @Override
      void copy(int i, double[] into) {
        System.arraycopy(rows[i], 0, into, 0, dim);
      }
    };
  }

  /** Whether every entry is finite. */
  final boolean finite() {
    double[] row = new double[dim()];
    for (int i = 0; i < count(); i++) {
      copy(i, row);
      for (double v : row) {
        if (!Double.isFinite(v)) {
          return false;
        }
      }
    }
    return true;
  }

  private static <T> int checkRectangular(T[] rows, String what,
      java.util.function.ToIntFunction<T> length) {
    if (rows == null) {
      throw new IllegalArgumentException(what + " is null");
    }
    if (rows.length == 0) {
      throw new IllegalArgumentException(what + " has no rows");
    }
    int dim = -1;
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] == null) {
        throw new IllegalArgumentException(what + ": row " + i + " is null");
      }
      int d = length.applyAsInt(rows[i]);
      if (dim < 0) {
        dim = d;
      } else if (d != dim) {
        throw new IllegalArgumentException(
            what + ": row " + i + " has " + d + " columns, row 0 has " + dim);
      }
    }
    if (dim == 0) {
      throw new IllegalArgumentException(what + " has rows of length 0");
    }
    return dim;
  }
}
