package xyz.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import xyz.UserError;
import xyz.ml.LabelNoiseFindings.Row;

class LabelNoiseFindingsTest {

  private static final double[] PS = {0, 0.2, 0.4, 0.6, 0.8, 1};

  /**
   * Rows shaped like the paper's result on iris (3 classes): test accuracy falls linearly from
   * 0.95 to chance, the memoriser fits everything and the linear model does not.
   */
  private static List<Row> paperLike() {
    List<Row> rows = new ArrayList<>();
    for (String method : List.of("knn1", "logreg")) {
      for (double p : PS) {
        for (long seed = 0; seed < 3; seed++) {
          double train = method.equals("knn1") ? 1.0 : 0.95 - 0.5 * p;
          double test = 0.95 - (0.95 - 1.0 / 3) * p + (seed - 1) * 0.01;
          rows.add(new Row(method, "iris", p, seed, train, test));
        }
      }
    }
    return rows;
  }

  private static List<Row> replace(List<Row> rows, String method, double p, long seed,
      double train, double test) {
    List<Row> out = new ArrayList<>();
    for (Row row : rows) {
      boolean hit = row.method().equals(method) && row.p() == p && row.seed() == seed;
      out.add(hit ? new Row(method, row.dataset(), p, seed, train, test) : row);
    }
    return out;
  }

  @Test
  void paper_like_rows_hold() {
    assertThat(LabelNoiseFindings.violations(paperLike())).isEmpty();
  }

  @Test
  void memoriser_below_the_bar_is_reported_with_its_mean() {
    // Mean of 1.0, 1.0 and 0.94 is 0.98.
    List<Row> rows = replace(paperLike(), "knn1", 0.6, 2, 0.94, 0.57);

    assertThat(LabelNoiseFindings.violations(rows)).containsExactly(
        "knn1 on iris at p = 0.6: mean train_acc 0.980 over 3 seeds is below 0.99, "
            + "so it did not memorise");
  }

  @Test
  void linear_model_is_not_held_to_memorising() {
    List<Row> rows = replace(paperLike(), "logreg", 1.0, 0, 0.2, 1.0 / 3);
    assertThat(LabelNoiseFindings.violations(rows)).isEmpty();
  }

  @Test
  void test_accuracy_rising_over_an_earlier_level_is_reported() {
    // Means fall to 0.580 at p = 0.6; lift p = 0.8 from 0.457 to 0.800.
    List<Row> rows = paperLike();
    for (long seed = 0; seed < 3; seed++) {
      rows = replace(rows, "logreg", 0.8, seed, 0.55, 0.80);
    }

    assertThat(LabelNoiseFindings.violations(rows)).containsExactly(
        "logreg on iris: mean test_acc rises with p, from 0.580 at p = 0.6 to 0.800 at p = 0.8 "
            + "(more than 0.05)");
  }

  @Test
  void a_rise_within_the_tolerance_is_noise() {
    List<Row> rows = paperLike();
    for (long seed = 0; seed < 3; seed++) {
      // p = 0.6 has mean 0.580: 0.62 lies within 0.05 of it.
      rows = replace(rows, "logreg", 0.8, seed, 0.55, 0.62);
    }
    assertThat(LabelNoiseFindings.violations(rows)).isEmpty();
  }

  @Test
  void test_accuracy_far_from_chance_at_p_one_is_reported() {
    List<Row> rows = paperLike();
    for (long seed = 0; seed < 3; seed++) {
      rows = replace(rows, "knn1", 1.0, seed, 1.0, 0.45);
    }

    assertThat(LabelNoiseFindings.violations(rows)).containsExactly(
        "knn1 on iris at p = 1: mean test_acc 0.450 over 3 seeds is more than 0.10 from "
            + "chance 0.333");
  }

  @Test
  void missing_p_one_and_failed_cells_are_reported() {
    List<Row> rows = new ArrayList<>(paperLike());
    rows.removeIf(r -> r.method().equals("logreg") && r.p() == 1.0);
    rows.add(new Row("knn1", "iris", 0.2, 3, Double.NaN, Double.NaN));

    assertThat(LabelNoiseFindings.violations(rows)).containsExactly(
        "cell method = knn1, dataset = iris, p = 0.2, seed = 3: no train_acc or test_acc "
            + "(train_acc = NaN, test_acc = NaN): did the cell fail?",
        "logreg on iris: no cells at p = 1, so the fall to chance cannot be checked");
  }

  @Test
  void chance_comes_from_the_dataset_classes() {
    // Digits has 10 classes: 0.15 is within 0.10 of chance there, and would not be on iris.
    List<Row> rows = new ArrayList<>();
    for (double p : PS) {
      rows.add(new Row("tree", "digits", p, 0, 1.0, 0.85 - 0.7 * p));
    }
    assertThat(LabelNoiseFindings.violations(rows)).isEmpty();
  }

  @Test
  void unknown_dataset_is_a_user_error() {
    List<Row> rows = List.of(new Row("tree", "cifar10", 1.0, 0, 1.0, 0.1));
    assertThatThrownBy(() -> LabelNoiseFindings.violations(rows))
        .isInstanceOf(UserError.class)
        .hasMessage("""
            datasets: unknown dataset 'cifar10'
              valid: iris, wine, breast_cancer, digits, penguins
              fix: list only valid datasets in the study's `datasets`""");
  }
}
