package xyz.ml.collapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import xyz.UserError;
import xyz.run.MemoryCellContext;

/** The sandbox run as a study would run it, with the authors' configuration by default. */
class UnconstrainedFeaturesExperimentTest {

  private static MemoryCellContext run(Map<String, Object> params) {
    MemoryCellContext cell = new MemoryCellContext(params);
    new UnconstrainedFeaturesExperiment().run(cell);
    // Every observable of the sandbox is a series: one recorded without a step is a slip.
    assertThat(cell.observations()).allSatisfy(o -> assertThat(o.step()).as(o.name()).isNotNull());
    return cell;
  }

  @ParameterizedTest(name = "{0}, weight decay {1}, seed {2}")
  @CsvSource({"ce, 0.005, 0", "ce, 0.005, 1", "ce, 0.001, 2", "mse, 0.005, 3"})
  void optimisationDrivesTheFeaturesToCollapse(String loss, double weightDecay, long seed) {
    MemoryCellContext cell = run(Map.of("method", loss, "dataset", "free",
        "weight_decay", weightDecay, "seed", seed));

    assertThat(SandboxFindings.violations(loss + "/" + seed, cell.series())).isEmpty();
    assertThat(cell.series("train_error").lastEntry().getValue()).isZero();
    // Past the first hundred steps NC1 only falls (within 1% between snapshots).
    NavigableMap<Long, Double> nc1 = cell.series("nc1").tailMap(100L, true);
    Double previous = null;
    for (double value : nc1.values()) {
      if (previous != null) {
        assertThat(value).isLessThanOrEqualTo(previous * 1.01);
      }
      previous = value;
    }
    assertThat(cell.log()).isEmpty();
  }

  @Test
  void everyMeasureIsRecordedAtLogSpacedSteps() {
    MemoryCellContext cell = run(Map.of("method", "ce", "steps", 2000L, "snapshots", 20L));

    List<String> expected = new java.util.ArrayList<>(List.of("loss", "data_loss", "train_error"));
    expected.addAll(CollapseMeasures.ALL_MEASURES);
    assertThat(cell.series().keySet()).containsExactlyElementsOf(expected);
    NavigableMap<Long, Double> loss = cell.series("loss");
    assertThat(loss).hasSize(20);
    assertThat(loss.firstKey()).isEqualTo(1L);
    assertThat(loss.lastKey()).isEqualTo(2000L);
    assertThat(loss.keySet()).startsWith(1L, 2L, 3L, 4L);
    assertThat(loss.lastEntry().getValue()).isLessThan(loss.firstEntry().getValue());
  }

  @Test
  void aSeedGivesTheSameNumbersAndAnotherSeedOthers() {
    Map<String, Object> params = new HashMap<>(Map.of("method", "ce", "steps", 500L, "seed", 7L));
    var first = run(params).series();
    var again = run(params).series();
    params.put("seed", 8L);
    var other = run(params).series();

    assertThat(again).isEqualTo(first);
    assertThat(other.get("nc1")).isNotEqualTo(first.get("nc1"));
  }

  @Test
  void aDivergingRunStopsWithFlaggedValuesAndSaysWhy() {
    MemoryCellContext cell = run(Map.of("method", "ce", "lr", 1000.0, "steps", 5000L));

    NavigableMap<Long, Double> nc1 = cell.series("nc1");
    assertThat(nc1.lastEntry().getValue()).isNaN();
    assertThat(nc1.lastKey()).isLessThan(5000L);
    assertThat(cell.log())
        .contains("missing: the features hold NaN or infinite values")
        .contains("the optimisation diverged (learning rate 1000.0 is too large); stopping");
  }

  @Test
  void parametersOutOfRangeAreRefusedWithTheFix() {
    assertThatThrownBy(() -> run(Map.of("method", "ce", "classes", 1L)))
        .isInstanceOf(UserError.class)
        .hasMessage("controls.classes: 1 is out of range for the unconstrained-features sandbox"
            + "\n  valid: whole numbers from 2 to 1000"
            + "\n  fix: choose levels in that range (default 10)");
    assertThatThrownBy(() -> run(Map.of("method", "hinge")))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("methods: 'hinge' is not a loss")
        .hasMessageContaining("valid: ce, mse");
    assertThatThrownBy(() -> run(Map.of("method", "ce", "dataset", "mnist")))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("valid: free");
    assertThatThrownBy(() -> run(Map.of("method", "ce", "lr", -0.1)))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("controls.lr: -0.1 is not a valid lr");
  }
}
