package xyz.ml.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelNoiseTest {

  private static int[] randomLabels(int n, int classes, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextInt(classes);
    }
    return labels;
  }

  @ParameterizedTest
  @CsvSource({"2, 1", "3, 2", "10, 3"})
  void p_zero_keeps_every_label(int classes, long seed) {
    int[] labels = randomLabels(500, classes, seed);
    assertThat(LabelNoise.corrupt(labels, classes, 0, seed)).containsExactly(labels);
  }

  @ParameterizedTest
  @CsvSource({"2, 1", "3, 2", "3, 3", "10, 4"})
  void p_one_deals_every_true_class_evenly_over_all_classes(int classes, long seed) {
    int[] labels = randomLabels(400, classes, seed);

    int[] noisy = LabelNoise.corrupt(labels, classes, 1, seed);

    int[][] table = new int[classes][classes];
    int[] classSize = new int[classes];
    for (int i = 0; i < labels.length; i++) {
      table[labels[i]][noisy[i]]++;
      classSize[labels[i]]++;
    }
    for (int c = 0; c < classes; c++) {
      for (int r = 0; r < classes; r++) {
        assertThat(table[c][r]).as("true %d, drawn %d", c, r)
            .isBetween(classSize[c] / classes, classSize[c] / classes + 1);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"2, 0.3, 1", "3, 0.5, 2", "10, 0.8, 3", "4, 0.1, 4"})
  void each_label_changes_with_probability_p_times_the_share_of_other_classes(
      int classes, double p, long seed) {
    int n = 20_000;
    int[] labels = randomLabels(n, classes, seed);

    int[] noisy = LabelNoise.corrupt(labels, classes, p, seed);

    int changed = 0;
    for (int i = 0; i < n; i++) {
      changed += labels[i] != noisy[i] ? 1 : 0;
    }
    double expected = p * (classes - 1) / classes;
    // Four standard deviations of a binomial share.
    double sd = Math.sqrt(expected * (1 - expected) / n);
    assertThat((double) changed / n).isCloseTo(expected, within(4 * sd));
  }

  @ParameterizedTest
  @ValueSource(longs = {5, 6, 7})
  void levels_of_p_are_nested_for_one_seed(long seed) {
    int[] labels = randomLabels(1000, 3, seed);
    double[] levels = {0, 0.2, 0.4, 0.6, 0.8, 1};

    int[] previous = labels;
    for (double p : levels) {
      int[] noisy = LabelNoise.corrupt(labels, 3, p, seed);
      for (int i = 0; i < labels.length; i++) {
        // A row changed at a lower p keeps the same replacement at every higher p.
        if (previous[i] != labels[i]) {
          assertThat(noisy[i]).as("row %d at p = %s", i, p).isEqualTo(previous[i]);
        }
      }
      previous = noisy;
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, 1.5, Double.NaN})
  void p_outside_zero_to_one_is_refused(double p) {
    assertThatThrownBy(() -> LabelNoise.corrupt(new int[] {0, 1}, 2, p, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("p must lie in [0, 1], got " + p);
  }
}
