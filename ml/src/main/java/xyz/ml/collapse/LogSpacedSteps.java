package xyz.ml.collapse;

import java.util.Arrays;

/**
 * Snapshot steps spaced evenly on a log axis, as the neural-collapse protocol measures: every
 * step at first, while the geometric spacing is under one step, then growing by a constant factor
 * (the authors' notebook takes every epoch to 14, then about 9% apart, up to 350).
 */
public final class LogSpacedSteps {

  private LogSpacedSteps() {}

  /**
   * At most {@code count} distinct steps from {@code first} to {@code last}, both included,
   * increasing. Each next step is the geometric one towards {@code last} for the points left,
   * or one more than the previous where that rounds to no progress, so fewer than {@code count}
   * come back only when the range holds fewer integers.
   *
   * @param first the first step, at least 1
   * @param last the last step, at least {@code first}
   * @param count how many steps, at least 1 (1 gives just {@code last})
   */
  public static long[] between(long first, long last, int count) {
    if (first < 1 || last < first || count < 1) {
      throw new IllegalArgumentException("steps between " + first + " and " + last + ", "
          + count + " of them: need 1 <= first <= last and count >= 1");
    }
    if (count == 1) {
      return new long[] {last};
    }
    long[] steps = new long[count];
    int n = 0;
    long previous = first;
    steps[n++] = first;
    for (int left = count - 1; left >= 1 && previous < last; left--) {
      double ratio = Math.pow((double) last / previous, 1.0 / left);
      long next = Math.max(previous + 1, Math.round(previous * ratio));
      next = Math.min(next, last);
      steps[n++] = next;
      previous = next;
    }
    return Arrays.copyOf(steps, n);
  }
}
