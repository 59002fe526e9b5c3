package xyz.plot;

/**
 * Sorts pairs held in two parallel arrays by x, then by value, without boxing. A series arrives
 * as a few sorted runs, one per cell (its steps in order), so the sort merges the runs it finds:
 * one pass to confirm a sorted series, about log2(cells) passes otherwise.
 */
final class PairSort {
  private PairSort() {}

  /** Sorts the first {@code n} pairs of {@code x} and {@code v} in place. */
  static void sort(double[] x, double[] v, int n) {
    int[] runs = runs(x, v, n);
    int count = runs.length - 1;
    if (count <= 1) {
      return;
    }
    double[] fromX = x;
    double[] fromV = v;
    double[] toX = new double[n];
    double[] toV = new double[n];
    while (count > 1) {
      int merged = 0;
      for (int r = 0; r < count; r += 2) {
        int lo = runs[r];
        int mid = runs[Math.min(r + 1, count)];
        int hi = runs[Math.min(r + 2, count)];
        merge(fromX, fromV, toX, toV, lo, mid, hi);
        runs[merged++] = lo;
      }
      runs[merged] = n;
      count = merged;
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

  /** The starts of the ascending runs, followed by n. */
  private static int[] runs(double[] x, double[] v, int n) {
    int count = 1;
    for (int i = 1; i < n; i++) {
      if (less(x[i], v[i], x[i - 1], v[i - 1])) {
        count++;
      }
    }
    int[] starts = new int[count + 1];
    int k = 1;
    for (int i = 1; i < n; i++) {
      if (less(x[i], v[i], x[i - 1], v[i - 1])) {
        starts[k++] = i;
      }
    }
    starts[count] = n;
    return starts;
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

  private static boolean less(double x1, double v1, double x2, double v2) {
    return x1 < x2 || x1 == x2 && v1 < v2;
  }
}
