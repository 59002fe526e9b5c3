package xyz.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DecimatorTest {
  @Test
  void shortLinesAreLeftAlone() {
    Curve curve = new Curve(0, new double[] {0, 1, 2}, new double[] {5, 6, 7}, null, null);
    assertThat(Decimator.thin(curve, new Span(0, 2), 100)).isSameAs(curve);
  }

  @Test
  void longLinesKeepTheLowAndHighOfEachPixelColumn() {
    int n = 10_000;
    double[] x = new double[n];
    double[] y = new double[n];
    double[] lower = new double[n];
    double[] upper = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
      y[i] = Math.sin(i / 50.0) + (i == 4321 ? 10 : 0);
      lower[i] = y[i] - 1;
      upper[i] = y[i] + 1;
    }
    Curve thin = Decimator.thin(new Curve(3, x, y, lower, upper), new Span(0, n), 200);
    assertThat(thin.series()).isEqualTo(3);
    assertThat(thin.length()).isBetween(200, 400);
    // The spike at 4321 survives, and the extremes of the line are kept exactly.
    assertThat(thin.x()).contains(4321.0);
    assertThat(Arrays.stream(thin.mean()).max().getAsDouble())
        .isEqualTo(Arrays.stream(y).max().getAsDouble());
    assertThat(Arrays.stream(thin.mean()).min().getAsDouble())
        .isEqualTo(Arrays.stream(y).min().getAsDouble());
    for (int i = 1; i < thin.length(); i++) {
      assertThat(thin.x()[i]).isGreaterThan(thin.x()[i - 1]);
    }
    assertThat(Arrays.stream(thin.upper()).max().getAsDouble())
        .isEqualTo(Arrays.stream(upper).max().getAsDouble());
  }
}
