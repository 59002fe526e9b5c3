package xyz.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class NeuralCollapseFindingsTest {

  private static TreeMap<Long, Double> series(double... byEpoch) {
    TreeMap<Long, Double> s = new TreeMap<>();
    for (int i = 0; i < byEpoch.length; i++) {
      s.put((long) (i + 1), byEpoch[i]);
    }
    return s;
  }

  private static List<String> check(double tpt, TreeMap<Long, Double> ncc,
      TreeMap<Long, Double> duality) {
    return NeuralCollapseFindings.violations(
        List.of(new NeuralCollapseFindings.Run("net on data", tpt, ncc, duality)));
  }

  @Test
  void aRunThatCollapsesPasses() {
    assertThat(check(2, series(0.3, 0.01, 0, 0, 0, 0), series(1, 0.9, 0.5, 0.3, 0.2, 0.29)))
        .isEmpty();
  }

  @Test
  void zeroTrainingErrorMustCome() {
    assertThat(check(Double.NaN, series(0.3, 0), series(1, 0.1)))
        .containsExactly("net on data: the training error never reached 0");
  }

  @Test
  void theMismatchMustEndAtZeroAndStayThereOverTheLastThird() {
    assertThat(check(1, series(0.3, 0, 0, 0, 0, 0.002), series(1, 0.5, 0.3, 0.3, 0.3, 0.3)))
        .containsExactly("net on data: the train NCC mismatch is 0.002 at the end (epoch 6),"
            + " not 0");
    assertThat(check(1, series(0.3, 0, 0.1, 0.1, 0.1, 0), series(1, 0.5, 0.3, 0.3, 0.3, 0.3)))
        .containsExactly("net on data: the train NCC mismatch is 0 only from epoch 6 of 6 on;"
            + " it should be 0 for good by two thirds of training");
  }

  @Test
  void selfDualityMustFallThreefoldFromTheOnset() {
    assertThat(check(3, series(0.3, 0.1, 0, 0, 0, 0), series(1, 0.8, 0.6, 0.4, 0.3, 0.25)))
        .containsExactly("net on data: self-duality fell only 2.40x, from 0.6 at epoch 3 (zero"
            + " training error) to 0.25 at epoch 6; expected at least 3x");
  }
}
