package xyz.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AggregateTest {
  private static final double[] KNOWN = {2, 4, 4, 4, 5, 5, 7, 9};

  @Test
  void meanSdAndSeOfKnownNumbers() {
    assertThat(Summary.mean(KNOWN, 0, 8)).isEqualTo(5.0);
    // Squared deviations sum to 32 over n - 1 = 7.
    assertThat(Summary.sd(KNOWN, 0, 8)).isCloseTo(Math.sqrt(32.0 / 7), within(1e-15));
    assertThat(Summary.se(KNOWN, 0, 8)).isCloseTo(Math.sqrt(32.0 / 7) / Math.sqrt(8),
        within(1e-15));
    assertThat(Summary.mean(KNOWN, 1, 4)).isEqualTo(4.0);
    assertThat(Summary.sd(KNOWN, 1, 4)).isZero();
    assertThat(Summary.sd(KNOWN, 7, 8)).isZero();
  }

  @Test
  void sdKeepsPrecisionForLargeCloseValues() {
    double[] values = {1e9 + 1, 1e9 + 2, 1e9 + 3};
    assertThat(Summary.sd(values, 0, 3)).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void bootstrapOfTwoValuesSpansBothEnds() {
    // Resample means are 0, 5 or 10, each end with probability 1/4, far above 2.5%.
    double[] out = new double[2];
    Bootstrap.interval(new double[] {0, 10}, 0, 2, out);
    assertThat(out).containsExactly(0, 10);
  }

  @Test
  void bootstrapOfOneValueIsThatValue() {
    double[] out = new double[2];
    Bootstrap.interval(new double[] {3, 0.7, 9}, 1, 2, out);
    assertThat(out).containsExactly(0.7, 0.7);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4, 5, 7, 10, 30})
  void bootstrapEqualsPlainResamplingWithTheSameDraws(int n) {
    double[] values = new Random(n).doubles(n, -5, 5).sorted().toArray();
    double[] out = new double[2];
    Bootstrap.interval(values, 0, n, out);
    double[] expected = plainBootstrap(values);
    assertThat(out[0]).isCloseTo(expected[0], within(1e-12));
    assertThat(out[1]).isCloseTo(expected[1], within(1e-12));
    assertThat(out[0]).isLessThanOrEqualTo(Summary.mean(values, 0, n));
    assertThat(out[1]).isGreaterThanOrEqualTo(Summary.mean(values, 0, n));
  }

  /** The textbook percentile bootstrap: 1,000 explicit resamples, sorted means, quantiles. */
  private static double[] plainBootstrap(double[] sorted) {
    int n = sorted.length;
    SplittableRandom random = new SplittableRandom(Bootstrap.SEED + n);
    double[] means = new double[Bootstrap.RESAMPLES];
    for (int b = 0; b < means.length; b++) {
      double sum = 0;
      for (int j = 0; j < n; j++) {
        sum += sorted[random.nextInt(n)];
      }
      means[b] = sum / n;
    }
    Arrays.sort(means);
    return new double[] {quantile(means, 0.025), quantile(means, 0.975)};
  }

  private static double quantile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    double fraction = position - below;
    return fraction == 0 ? sorted[below]
        : sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
  }

  @Test
  void bootstrapOfManyValuesIsCloseToTheNormalInterval() {
    Random random = new Random(11);
    double[] values = new double[200];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextGaussian();
    }
    Arrays.sort(values);
    double[] out = new double[2];
    Bootstrap.interval(values, 0, values.length, out);
    double halfWidth = 1.96 * Summary.se(values, 0, values.length);
    assertThat((out[1] - out[0]) / 2).isCloseTo(halfWidth, within(0.1 * halfWidth));
  }

  @Test
  void curveAveragesReplicatesPerX() {
    // Two seeds at x = 1 and 2, one at x = 3, delivered out of order.
    double[] x = {2, 1, 3, 1, 2};
    double[] v = {6, 1, 9, 3, 8};
    Curve curve = Aggregate.curve(4, x, v, 5, "sd");
    assertThat(curve.series()).isEqualTo(4);
    assertThat(curve.x()).containsExactly(1, 2, 3);
    assertThat(curve.mean()).containsExactly(2, 7, 9);
    double sd = Math.sqrt(2);
    assertThat(curve.lower()).containsExactly(2 - sd, 7 - sd, 9);
    assertThat(curve.upper()).containsExactly(2 + sd, 7 + sd, 9);
  }

  @Test
  void curveWithStandardErrorAndWithoutBand() {
    double[] x = {1, 1, 1, 1};
    double[] v = {1, 2, 3, 4};
    Curve se = Aggregate.curve(0, x.clone(), v.clone(), 4, "se");
    double expected = Math.sqrt(5.0 / 3) / 2;
    assertThat(se.upper()[0] - se.mean()[0]).isCloseTo(expected, within(1e-15));
    Curve none = Aggregate.curve(0, x.clone(), v.clone(), 4, "none");
    assertThat(none.mean()).containsExactly(2.5);
    assertThat(none.hasBand()).isFalse();
  }

  @Test
  void bootstrapBandIsTheSameWhateverTheOrderOfTheRows() {
    List<double[]> pairs = new ArrayList<>();
    Random random = new Random(5);
    for (int step = 1; step <= 20; step++) {
      for (int seed = 0; seed < 4; seed++) {
        pairs.add(new double[] {step, random.nextDouble()});
      }
    }
    Curve first = curveOf(pairs);
    Collections.shuffle(pairs, new Random(99));
    Curve second = curveOf(pairs);
    assertThat(second.lower()).containsExactly(first.lower());
    assertThat(second.upper()).containsExactly(first.upper());
    assertThat(first.lower()[0]).isLessThan(first.mean()[0]);
    assertThat(first.upper()[0]).isGreaterThan(first.mean()[0]);
  }

  private static Curve curveOf(List<double[]> pairs) {
    double[] x = new double[pairs.size()];
    double[] v = new double[pairs.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = pairs.get(i)[0];
      v[i] = pairs.get(i)[1];
    }
    return Aggregate.curve(0, x, v, x.length, "ci95");
  }

  @Test
  void pairSortOrdersByXThenValue() {
    Random random = new Random(3);
    int n = 1000;
    double[] x = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextInt(50);
      v[i] = random.nextInt(7);
    }
    double[] sum = {Arrays.stream(x).sum(), Arrays.stream(v).sum()};
    PairSort.sort(x, v, n);
    for (int i = 1; i < n; i++) {
      assertThat(x[i] > x[i - 1] || x[i] == x[i - 1] && v[i] >= v[i - 1]).isTrue();
    }
    assertThat(Arrays.stream(x).sum()).isEqualTo(sum[0]);
    assertThat(Arrays.stream(v).sum()).isEqualTo(sum[1]);
  }
}
