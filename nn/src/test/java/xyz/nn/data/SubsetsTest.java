package xyz.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import xyz.UserError;

class SubsetsTest {

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 42, -7})
  void eachClassGetsExactlyItsShareAndTheSeedDecidesWhich(long seed) {
    int[] labels = new int[300];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = (i * 7) % 3;
    }
    int[] rows = BalancedSubset.pick(labels, 3, 40, seed, "toy");

    assertThat(rows).hasSize(120).isSorted().doesNotHaveDuplicates();
    int[] perClass = new int[3];
    for (int r : rows) {
      perClass[labels[r]]++;
    }
    assertThat(perClass).containsExactly(40, 40, 40);
    assertThat(BalancedSubset.pick(labels, 3, 40, seed, "toy")).containsExactly(rows);
    assertThat(BalancedSubset.pick(labels, 3, 40, seed + 1, "toy")).isNotEqualTo(rows);
  }

  @Test
  void askingForMoreThanTheSmallestClassHoldsNamesTheLimit() {
    ImageSet digits = ImageDatasets.load("digits");

    assertThatThrownBy(() -> Subsets.of(digits, 500, 10, 0)).isInstanceOf(UserError.class)
        .hasMessageContaining("controls.per_class: 500 examples per class, but class")
        .hasMessageContaining("of the digits training set has only 122")
        .hasMessageContaining("valid: 1 to 122 for the digits training set");
  }

  @Test
  void trainingPixelsAreStandardisedAndTestPixelsGetTheTrainingStatistics() {
    ImageSet mnist = ImageDatasets.load("mnist");
    Subsets s = Subsets.of(mnist, 20, 10, 3);

    assertThat(s.trainY()).hasSize(200);
    assertThat(s.testY()).hasSize(100);
    assertThat(s.trainX()).hasSize(200 * 784);
    double mean = 0;
    for (float v : s.trainX()) {
      mean += v;
    }
    mean /= s.trainX().length;
    double var = 0;
    for (float v : s.trainX()) {
      var += (v - mean) * (v - mean);
    }
    var /= s.trainX().length;
    assertThat(mean).isCloseTo(0, offset(1e-5));
    assertThat(var).isCloseTo(1, offset(1e-4));
    // A blank pixel maps to the same value in both parts: the one training mean and scale.
    float blankTrain = s.trainX()[0];
    float blankTest = s.testX()[0];
    assertThat(blankTest).isEqualTo(blankTrain);
    assertThat(blankTrain).isNegative();
    float max = Float.NEGATIVE_INFINITY;
    for (float v : s.testX()) {
      max = Math.max(max, v);
    }
    assertThat(max).isLessThan(5f);
    assertThat(Arrays.equals(Subsets.of(mnist, 20, 10, 3).trainX(), s.trainX())).isTrue();
  }
}
