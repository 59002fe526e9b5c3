package xyz.ml.collapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogSpacedStepsTest {

  @ParameterizedTest(name = "{2} steps from {0} to {1}")
  @CsvSource({"1, 350, 50", "1, 20000, 49", "5, 100, 10", "1, 1, 3", "3, 1000000, 200"})
  void stepsIncreaseFromFirstToLastWithoutGaps(long first, long last, int count) {
    long[] steps = LogSpacedSteps.between(first, last, count);

    assertThat(steps[0]).isEqualTo(first);
    assertThat(steps[steps.length - 1]).isEqualTo(last);
    assertThat(steps.length).isEqualTo((int) Math.min(count, last - first + 1));
    for (int i = 1; i < steps.length; i++) {
      assertThat(steps[i]).isGreaterThan(steps[i - 1]);
    }
  }

  @Test
  void everyStepWhileTheSpacingIsUnderOneThenAConstantFactor() {
    // The authors' notebook: 50 snapshots over 350 epochs, every epoch at first.
    long[] steps = LogSpacedSteps.between(1, 350, 50);

    assertThat(steps).startsWith(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
    double ratio = (double) steps[49] / steps[48];
    double earlier = (double) steps[40] / steps[39];
    assertThat(ratio).isBetween(1.05, 1.12);
    assertThat(earlier).isBetween(1.05, 1.12);
  }

  @Test
  void aRangeWithFewerIntegersGivesEachOnce() {
    assertThat(LogSpacedSteps.between(1, 5, 10)).containsExactly(1, 2, 3, 4, 5);
    assertThat(LogSpacedSteps.between(4, 9, 1)).containsExactly(9);
    assertThatThrownBy(() -> LogSpacedSteps.between(0, 9, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
