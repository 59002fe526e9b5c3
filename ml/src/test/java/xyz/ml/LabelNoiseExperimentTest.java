package xyz.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import xyz.UserError;
import xyz.ml.method.Method;
import xyz.run.MemoryCellContext;

class LabelNoiseExperimentTest {

  private final LabelNoiseExperiment experiment = new LabelNoiseExperiment();

  private Map<String, Double> run(String method, String dataset, double p, long seed) {
    MemoryCellContext cell = new MemoryCellContext(
        Map.of("method", method, "dataset", dataset, "p", p, "seed", seed));
    experiment.run(cell);
    return cell.last();
  }

  @ParameterizedTest
  @ValueSource(strings = {"logreg", "tree", "forest", "knn1", "svm", "gbt"})
  void each_method_records_the_three_observables_and_repeats_them_exactly(String method) {
    Map<String, Double> first = run(method, "wine", 0.4, 7);
    Map<String, Double> again = run(method, "wine", 0.4, 7);

    assertThat(first).containsOnlyKeys("train_acc", "test_acc", "fit_seconds");
    assertThat(first.get("train_acc")).isBetween(0.0, 1.0);
    assertThat(first.get("test_acc")).isBetween(0.0, 1.0);
    assertThat(first.get("fit_seconds")).isPositive();
    assertThat(again.get("train_acc")).isEqualTo(first.get("train_acc"));
    assertThat(again.get("test_acc")).isEqualTo(first.get("test_acc"));
  }

  @Test
  void clean_labels_are_learnt_and_random_ones_only_memorised() {
    Map<String, Double> clean = run("knn1", "digits", 0, 0);
    Map<String, Double> random = run("knn1", "digits", 1, 0);

    assertThat(clean.get("test_acc")).isGreaterThan(0.95);
    assertThat(random.get("train_acc")).isEqualTo(1.0);
    assertThat(random.get("test_acc")).isBetween(0.0, 0.2);
  }

  @Test
  void seeds_give_their_own_split_and_labels() {
    // The linear model fits neither set exactly, so each seed leaves its mark on both numbers.
    List<List<Double>> outcomes = new ArrayList<>();
    for (long seed = 0; seed < 5; seed++) {
      Map<String, Double> observed = run("logreg", "wine", 0.4, seed);
      outcomes.add(List.of(observed.get("train_acc"), observed.get("test_acc")));
    }
    assertThat(outcomes).doesNotHaveDuplicates();
  }

  @Test
  void p_given_as_an_integer_level_is_accepted() {
    MemoryCellContext cell =
        new MemoryCellContext(Map.of("method", "tree", "dataset", "iris", "p", 1L, "seed", 0L));
    experiment.run(cell);
    assertThat(cell.last().get("train_acc")).isGreaterThan(0.99);
  }

  @Test
  void unknown_method_lists_the_valid_ones() {
    assertThatThrownBy(() -> run("knn", "iris", 0, 0))
        .isInstanceOf(UserError.class)
        .hasMessage("""
            methods: unknown method 'knn'
              valid: logreg, tree, forest, knn1, svm, gbt
              did you mean 'knn1'?
              fix: replace 'knn' with 'knn1' in the study's `methods`""");
  }

  @Test
  void unknown_dataset_lists_the_valid_ones() {
    assertThatThrownBy(() -> run("tree", "wines", 0, 0))
        .isInstanceOf(UserError.class)
        .hasMessage("""
            datasets: unknown dataset 'wines'
              valid: iris, wine, breast_cancer, digits, penguins
              did you mean 'wine'?
              fix: replace 'wines' with 'wine' in the study's `datasets`""");
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.2, 1.01, Double.NaN})
  void p_outside_zero_to_one_fails_the_cell(double p) {
    assertThatThrownBy(() -> run("tree", "iris", p, 0))
        .isInstanceOf(UserError.class)
        .hasMessage("controls.p: " + p + " is not a probability (the share of training labels"
            + " replaced by random classes)\n  valid: numbers from 0 to 1\n  fix: keep the levels"
            + " of p within [0, 1], such as `p: [0, 0.2, 0.4, 0.6, 0.8, 1]`");
  }

  @Test
  void methods_print_nothing_and_log_nothing_below_warning() {
    List<LogRecord> records = new ArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        synchronized (records) {
          records.add(record);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger root = Logger.getLogger("");
    Level rootLevel = root.getLevel();
    root.setLevel(Level.ALL);
    root.addHandler(handler);
    PrintStream stdout = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      for (String method : Method.ids()) {
        run(method, "breast_cancer", 0.5, 3);
      }
    } finally {
      System.setOut(stdout);
      root.removeHandler(handler);
      root.setLevel(rootLevel);
    }

    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(records)
        .filteredOn(r -> r.getLevel().intValue() < Level.WARNING.intValue())
        .filteredOn(r -> r.getLoggerName() != null && !r.getLoggerName().startsWith("java."))
        .extracting(r -> r.getLoggerName() + ": " + r.getMessage())
        .isEmpty();
  }
}
