package xyz.plot;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The 95% percentile bootstrap interval of a mean: 1,000 resamples with replacement, the 2.5th
 * and 97.5th percentiles of their means (linear interpolation between order statistics).
 *
 * <p>The resamples are drawn from a fixed seed, so the same values give the same band every
 * time. They depend only on the group size: every group of {@code n} values reuses the same
 * 1,000 draws of positions, applied to its values in ascending order. That makes the interval a
 * function of the values alone, not of the order the database returned them in, and it makes
 * the bootstrap cheap: a resample is only a count of how often each position was drawn, and for
 * small groups most of the 1,000 resamples repeat a few patterns (3 values have only 10), so
 * each distinct pattern is evaluated once and weighted by how often it was drawn.
 */
final class Bootstrap {
  /** How many resamples each interval is computed from. */
  static final int RESAMPLES = 1000;

  /** The seed of the resample draws. */
  static final long SEED = 0x5EED_2024L;

  private static final double LOWER = 0.025;
  private static final double UPPER = 0.975;
  private static final Map<Integer, Plan> PLANS = new ConcurrentHashMap<>();

  private Bootstrap() {}

  /**
   * Writes the interval of the mean of {@code sorted[from, to)} into {@code out[0]} (lower) and
   * {@code out[1]} (upper). The values must be in ascending order; a single value gives a
   * zero-width interval.
   */
  static void interval(double[] sorted, int from, int to, double[] out) {
    interval(sorted, from, to, out, new Scratch());
  }

  /**
   * The same, reusing the buffers of one thread: a curve computes an interval at every x, and
   * allocating and looking up the resample plan for each took more time than the arithmetic.
   */
  static void interval(double[] sorted, int from, int to, double[] out, Scratch scratch) {
    int n = to - from;
    if (n == 1) {
      out[0] = sorted[from];
      out[1] = sorted[from];
      return;
    }
    Plan plan = scratch.plan(n);
    int distinct = plan.weights.length;
    double[] means = scratch.means;
    int[] counts = scratch.counts;
    for (int d = 0; d < distinct; d++) {
      int[] positions = plan.positions[d];
      int[] weights = plan.weights[d];
      double sum = 0;
      for (int j = 0; j < positions.length; j++) {
        sum += weights[j] * sorted[from + positions[j]];
      }
      means[d] = sum / n;
      counts[d] = plan.multiplicity[d];
    }
    sort(means, counts, distinct);
    out[0] = percentile(means, counts, distinct, LOWER);
    out[1] = percentile(means, counts, distinct, UPPER);
  }

  /** Buffers and the last plan used, for the intervals one thread computes. */
  static final class Scratch {
    private Plan plan;
    private int size;
    private double[] means = new double[0];
    private int[] counts = new int[0];

    private Plan plan(int n) {
      if (plan == null || size != n) {
        plan = PLANS.computeIfAbsent(n, Plan::draw);
        size = n;
        if (means.length < plan.weights.length) {
          means = new double[plan.weights.length];
          counts = new int[plan.weights.length];
        }
      }
      return plan;
    }
  }

  /**
   * The value at quantile q of the resample means, in ascending order, each counted as often as
   * its pattern was drawn.
   */
  private static double percentile(double[] means, int[] counts, int distinct, double q) {
    double position = q * (RESAMPLES - 1);
    int below = (int) Math.floor(position);
    double fraction = position - below;
    double low = orderStatistic(means, counts, distinct, below);
    if (fraction == 0) {
      return low;
    }
    double high = orderStatistic(means, counts, distinct, below + 1);
    return low + fraction * (high - low);
  }

  private static double orderStatistic(double[] means, int[] counts, int distinct, int k) {
    int seen = 0;
    for (int d = 0; d < distinct; d++) {
      seen += counts[d];
      if (k < seen) {
        return means[d];
      }
    }
    return means[distinct - 1];
  }

  /** Sorts the first {@code n} keys ascending, their counts along (a shell sort: n is small). */
  private static void sort(double[] keys, int[] counts, int n) {
    int gap = 1;
    while (gap < n / 3) {
      gap = 3 * gap + 1;
    }
    for (; gap > 0; gap /= 3) {
      for (int i = gap; i < n; i++) {
        double key = keys[i];
        int count = counts[i];
        int j = i;
        while (j >= gap && keys[j - gap] > key) {
          keys[j] = keys[j - gap];
          counts[j] = counts[j - gap];
          j -= gap;
        }
        keys[j] = key;
        counts[j] = count;
      }
    }
  }

  /**
   * The resamples of a group of n values, as distinct patterns: for each, the positions drawn at
   * least once, how often each was drawn, and how many of the resamples had this pattern.
   */
  private record Plan(int[][] positions, int[][] weights, int[] multiplicity) {
    static Plan draw(int n) {
      SplittableRandom random = new SplittableRandom(SEED + n);
      Map<String, Integer> index = new HashMap<>();
      int[][] positions = new int[RESAMPLES][];
      int[][] weights = new int[RESAMPLES][];
      int[] multiplicity = new int[RESAMPLES];
      int distinct = 0;
      int[] counts = new int[n];
      for (int b = 0; b < RESAMPLES; b++) {
        Arrays.fill(counts, 0);
        for (int j = 0; j < n; j++) {
          counts[random.nextInt(n)]++;
        }
        String key = Arrays.toString(counts);
        Integer known = index.get(key);
        if (known != null) {
          multiplicity[known]++;
          continue;
        }
        int used = 0;
        for (int c : counts) {
          used += c > 0 ? 1 : 0;
        }
        int[] p = new int[used];
        int[] w = new int[used];
        for (int j = 0, u = 0; j < n; j++) {
          if (counts[j] > 0) {
            p[u] = j;
            w[u++] = counts[j];
          }
        }
        positions[distinct] = p;
        weights[distinct] = w;
        multiplicity[distinct] = 1;
        index.put(key, distinct++);
      }
      return new Plan(Arrays.copyOf(positions, distinct),
          Arrays.copyOf(weights, distinct),
          Arrays.copyOf(multiplicity, distinct));
    }
  }
}
