package xyz.plot;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Averages the raw pairs of each series into a {@link Curve}: the values that share an x (the
 * replicates and every other averaged axis) become their mean, with a band of one standard
 * deviation, one standard error or a 95% bootstrap interval.
 */
final class Aggregate {
  /** Below this many pairs in all, one thread is faster than splitting the work. */
  private static final long PARALLEL_FROM = 200_000;

  private Aggregate() {}

  /**
   * The curve of every series that has data, indexed by series number (null where none).
   *
   * @param band none, sd, se or ci95
   */
  static Curve[] curves(Samples samples, String band) {
    Curve[] curves = new Curve[samples.seriesCount()];
    IntStream series = IntStream.range(0, samples.seriesCount());
    if (samples.total() >= PARALLEL_FROM) {
      series = series.parallel();
    }
    series.forEach(s -> {
      if (samples.size(s) > 0) {
        curves[s] = curve(s, samples.x(s), samples.values(s), samples.size(s), band);
      }
    });
    return curves;
  }

  /** Averages the first n pairs of one series; sorts them in place. */
  static Curve curve(int series, double[] x, double[] values, int n, String band) {
    PairSort.sort(x, values, n);
    int points = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || x[i] != x[i - 1]) {
        points++;
      }
    }
    double[] xs = new double[points];
    double[] mean = new double[points];
    boolean banded = !band.equals("none");
    double[] lower = banded ? new double[points] : null;
    double[] upper = banded ? new double[points] : null;
    double[] interval = new double[2];
    Bootstrap.Scratch scratch = new Bootstrap.Scratch();
    int p = 0;
    for (int from = 0; from < n; p++) {
      int to = from + 1;
      while (to < n && x[to] == x[from]) {
        to++;
      }
      xs[p] = x[from];
      double m = Summary.mean(values, from, to);
      mean[p] = m;
      switch (band) {
        case "sd" -> spread(lower, upper, p, m, Summary.sd(values, from, to));
        case "se" -> spread(lower, upper, p, m, Summary.se(values, from, to));
        case "ci95" -> {
          Bootstrap.interval(values, from, to, interval, scratch);
          lower[p] = interval[0];
          upper[p] = interval[1];
        }
        default -> { }
      }
      from = to;
    }
    return new Curve(series, xs, mean, lower, upper);
  }

  private static void spread(double[] lower, double[] upper, int p, double mean, double width) {
    lower[p] = mean - width;
    upper[p] = mean + width;
  }

  /** The curves that exist, in series order. */
  static Curve[] present(Curve[] curves) {
    return Arrays.stream(curves).filter(c -> c != null).toArray(Curve[]::new);
  }
}
