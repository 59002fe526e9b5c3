package xyz.plot;

/**
 * Sorts pairs held in two parallel arrays by x, then by value, without boxing. Series usually
 * arrive in step order already, which costs one pass to confirm.
 */
final class PairSort {
  private PairSort() {}

  /** Sorts the first {@code n} pairs of {@code x} and {@code v} in place. */
  static void sort(double[] x, double[] v, int n) {
    if (sorted(x, v, n)) {
      return;
    }
    double[] xs = new double[n];
    double[] vs = new double[n];
    // Bottom-up merge sort, alternating between the arrays and the scratch copies.
    double[] fromX = x;
    double[] fromV = v;
    double[] toX = xs;
    double[] toV = vs;
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        merge(fromX, fromV, toX, toV, lo, mid, hi);
      }
      double[] t = fromX;
      fromX = toX;
      toX = t;
      t = fromV;
      fromV = toV;
      toV = t;
    }
    if (fromX != x) {
      System.arraycopy(fromX, 0, x, 0, n);
      System.arraycopy(fromV, 0, v, 0, n);
    }
  }

  private static void merge(double[] fx, double[] fv, double[] tx, double[] tv, int lo, int mid,
      int hi) {
    int i = lo;
    int j = mid;
    for (int k = lo; k < hi; k++) {
      if (i < mid && (j >= hi || !less(fx[j], fv[j], fx[i], fv[i]))) {
        tx[k] = fx[i];
        tv[k] = fv[i++];
      } else {
        tx[k] = fx[j];
        tv[k] = fv[j++];
      }
    }
  }

  private static boolean sorted(double[] x, double[] v, int n) {
    for (int i = 1; i < n; i++) {
      if (less(x[i], v[i], x[i - 1], v[i - 1])) {
        return false;
      }
    }
    return true;
  }

  private static boolean less(double x1, double v1, double x2, double v2) {
    return x1 < x2 || x1 == x2 && v1 < v2;
  }
}
