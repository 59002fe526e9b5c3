package xyz.ml.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StandardizerTest {

  @Test
  void training_rows_get_mean_zero_and_sd_one_and_others_use_their_scale() {
    double[][] x = {{1, 10, 7}, {2, 20, 7}, {3, 60, 7}, {100, -50, 3}};
    int[] train = {0, 1, 2};

    Standardizer standardizer = Standardizer.fit(x, train);
    double[][] z = standardizer.apply(x, train);
    double[][] held = standardizer.apply(x, new int[] {3});

    for (int j = 0; j < 2; j++) {
      double mean = (z[0][j] + z[1][j] + z[2][j]) / 3;
      double var = (z[0][j] * z[0][j] + z[1][j] * z[1][j] + z[2][j] * z[2][j]) / 3 - mean * mean;
      assertThat(mean).isCloseTo(0, within(1e-12));
      assertThat(var).isCloseTo(1, within(1e-12));
    }
    // Column 0: mean 2, population sd sqrt(2/3).
    assertThat(held[0][0]).isCloseTo(98 / Math.sqrt(2.0 / 3), within(1e-9));
    // A constant training column is only centred.
    assertThat(z[0][2]).isEqualTo(0);
    assertThat(held[0][2]).isEqualTo(-4);
  }
}
