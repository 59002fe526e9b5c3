package xyz.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import xyz.ml.collapse.CollapseMeasures;
import xyz.run.MemoryCellContext;

/** The experiment on the 8x8 digits, small enough to train in seconds. */
class NeuralCollapseExperimentTest {

  private static MemoryCellContext digits(String net, double lr, int epochs, long seed) {
    Map<String, Object> p = new HashMap<>(Map.of("method", net, "dataset", "digits", "lr", lr,
        "epochs", (long) epochs, "seed", seed));
    p.put("per_class", 40L);
    p.put("batch", 32L);
    p.put("width", 64L);
    p.put("snapshots", 12L);
    return new MemoryCellContext(p);
  }

  private static MemoryCellContext run(MemoryCellContext cell) {
    new NeuralCollapseExperiment().run(cell);
    return cell;
  }

  @Test
  void everyMeasuredEpochRecordsTheLossesErrorsAndEveryMeasure() {
    MemoryCellContext cell = run(digits("mlp3", 0.05, 40, 0));

    List<String> expected = new ArrayList<>(
        List.of("epoch_lr", "train_loss", "train_error", "test_loss", "test_error"));
    CollapseMeasures.ALL_MEASURES.forEach(m -> expected.add("train_" + m));
    CollapseMeasures.ALL_MEASURES.stream()
        .filter(m -> !NeuralCollapseExperiment.CLASSIFIER_ONLY.contains(m))
        .forEach(m -> expected.add("test_" + m));
    NavigableMap<Long, Double> error = cell.series("train_error");
    for (String name : expected) {
      assertThat(cell.series(name).keySet()).as(name).isEqualTo(error.keySet());
    }
    assertThat(error.firstKey()).isEqualTo(1);
    assertThat(error.lastKey()).isEqualTo(40);
    assertThat(error.size()).isBetween(12, 13);
    assertThat(cell.observations().stream().filter(o -> o.step() == null)
        .map(MemoryCellContext.Observation::name)).containsExactly("tpt_epoch", "tpt_test_error");
  }

  @Test
  void theTerminalPhaseStartsAtTheFirstEpochOfZeroTrainingErrorWhichIsAlwaysMeasured() {
    MemoryCellContext cell = run(digits("mlp3", 0.05, 40, 0));

    double tpt = cell.last().get("tpt_epoch");
    NavigableMap<Long, Double> error = cell.series("train_error");
    assertThat(tpt).isBetween(1.0, 40.0);
    assertThat(error).containsEntry((long) tpt, 0.0);
    assertThat(error.headMap((long) tpt).values()).allMatch(e -> e > 0);
    assertThat(cell.last().get("tpt_test_error"))
        .isEqualTo(cell.series("test_error").get((long) tpt));
    // The rate of the last third is a hundredth of the first.
    assertThat(cell.series("epoch_lr").get(1L)).isEqualTo(0.05);
    assertThat(cell.series("epoch_lr").get(40L)).isCloseTo(0.0005, offset(1e-12));
  }

  @Test
  void theSameSeedGivesTheSameNumbersEvenWithTwoCellsTrainingAtOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<MemoryCellContext> a = pool.submit(() -> run(digits("cnn", 0.03, 6, 7)));
      Future<MemoryCellContext> b = pool.submit(() -> run(digits("cnn", 0.03, 6, 7)));
      List<MemoryCellContext.Observation> first = a.get().observations();

      assertThat(first).hasSizeGreaterThan(100);
      assertThat(b.get().observations()).containsExactlyElementsOf(first);
    } finally {
      pool.shutdown();
    }
    MemoryCellContext other = run(digits("cnn", 0.03, 6, 8));
    assertThat(other.series("train_loss")).isNotEqualTo(run(digits("cnn", 0.03, 6, 7))
        .series("train_loss"));
  }

  @Test
  void aDivergedRunStopsAndSaysWhyItsMeasuresAreMissing() {
    MemoryCellContext cell = run(digits("mlp6", 1e4, 50, 0));

    assertThat(cell.log()).contains("training diverged (try a smaller lr), so it stops here");
    assertThat(cell.log()).contains("missing: the features hold NaN or infinite values");
    long last = cell.series("train_loss").lastKey();
    assertThat(last).isLessThan(50);
    assertThat(cell.series("train_loss").get(last)).isNaN();
    assertThat(cell.series("train_nc1").get(last)).isNaN();
    assertThat(cell.last().get("tpt_epoch")).isNaN();
  }
}
