package xyz.ml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import xyz.ml.data.Datasets;

/**
 * The result of Zhang et al. (ICLR 2017) as checks on a label-noise study's cells, so that a run
 * of the study can say whether it reproduced the paper:
 *
 * <ol>
 *   <li>the flexible methods ({@code tree}, {@code forest}, {@code knn1}) fit the training labels
 *       they were given, however random: train accuracy at least {@value #MEMORISED} at every p;
 *   <li>no method's test accuracy rises with p: at each p it is at most the test accuracy at any
 *       smaller p plus {@value #RISE_TOLERANCE};
 *   <li>at p = 1, where the training labels say nothing, every method's test accuracy is within
 *       {@value #CHANCE_MARGIN} of chance, 1 / (number of classes).
 * </ol>
 *
 * <p>Each check reads the mean over the seeds of a (method, dataset, p) group, since one split of
 * a small dataset is a noisy measurement. A cell without an accuracy (a failed cell) and a
 * (method, dataset) without cells at p = 1 are reported too: a result with holes does not hold.
 */
public final class LabelNoiseFindings {

  /** The methods that can memorise any labelling of the training set. */
  public static final Set<String> MEMORISERS = Set.of("tree", "forest", "knn1");

  /** The least mean train accuracy of a memoriser. */
  public static final double MEMORISED = 0.99;

  /** How much mean test accuracy may rise over that at a smaller p, as sampling noise. */
  public static final double RISE_TOLERANCE = 0.05;

  /** How far from chance mean test accuracy at p = 1 may lie. */
  public static final double CHANCE_MARGIN = 0.10;

  /**
   * One cell's outcome.
   *
   * @param method the method's id, such as {@code knn1}
   * @param dataset the dataset's name, such as {@code iris}
   * @param p the label corruption probability
   * @param seed the replicate's seed
   * @param trainAcc accuracy on the (corrupted) training labels; NaN when the cell has none
   * @param testAcc accuracy on the clean test labels; NaN when the cell has none
   */
  public record Row(
      String method, String dataset, double p, long seed, double trainAcc, double testAcc) {}

  private LabelNoiseFindings() {}

  /**
   * Every way the cells contradict the result, one readable line each, in the order of the
   * methods and datasets as the rows first name them; empty when the result holds.
   *
   * @throws xyz.UserError when a row names a dataset xyz does not ship (chance needs its classes)
   */
  public static List<String> violations(List<Row> rows) {
    List<String> found = new ArrayList<>();
    Map<String, Map<String, TreeMap<Double, Mean>>> groups = new LinkedHashMap<>();
    for (Row row : rows) {
      if (!Double.isFinite(row.trainAcc()) || !Double.isFinite(row.testAcc())) {
        found.add(String.format(Locale.ROOT, "%s: no train_acc or test_acc (train_acc = %s, "
            + "test_acc = %s): did the cell fail?", cell(row), row.trainAcc(), row.testAcc()));
        continue;
      }
      groups.computeIfAbsent(row.method(), m -> new LinkedHashMap<>())
          .computeIfAbsent(row.dataset(), d -> new TreeMap<>())
          .computeIfAbsent(row.p(), p -> new Mean())
          .add(row);
    }
    groups.forEach((method, byDataset) -> byDataset.forEach(
        (dataset, byP) -> check(method, dataset, byP, found)));
    return found;
  }

  private static void check(String method, String dataset, TreeMap<Double, Mean> byP,
      List<String> found) {
    String group = method + " on " + dataset;
    if (MEMORISERS.contains(method)) {
      byP.forEach((p, mean) -> {
        if (mean.train() < MEMORISED) {
          found.add(String.format(Locale.ROOT, "%s at p = %s: mean train_acc %.3f over %d seeds "
              + "is below %.2f, so it did not memorise", group, p, mean.train(), mean.n,
              MEMORISED));
        }
      });
    }

    double lowestSoFar = Double.POSITIVE_INFINITY;
    double lowestAt = Double.NaN;
    for (Map.Entry<Double, Mean> level : byP.entrySet()) {
      double test = level.getValue().test();
      if (test > lowestSoFar + RISE_TOLERANCE) {
        found.add(String.format(Locale.ROOT, "%s: mean test_acc rises with p, from %.3f at p = %s "
            + "to %.3f at p = %s (more than %.2f)", group, lowestSoFar, lowestAt, test,
            level.getKey(), RISE_TOLERANCE));
      }
      if (test < lowestSoFar) {
        lowestSoFar = test;
        lowestAt = level.getKey();
      }
    }

    Mean atOne = byP.get(1.0);
    if (atOne == null) {
      found.add(group + ": no cells at p = 1, so the fall to chance cannot be checked");
      return;
    }
    double chance = 1.0 / Datasets.load(dataset).classCount();
    if (Math.abs(atOne.test() - chance) > CHANCE_MARGIN) {
      found.add(String.format(Locale.ROOT, "%s at p = 1: mean test_acc %.3f over %d seeds is "
          + "more than %.2f from chance %.3f", group, atOne.test(), atOne.n, CHANCE_MARGIN,
          chance));
    }
  }

  private static String cell(Row row) {
    return String.format(Locale.ROOT, "cell method = %s, dataset = %s, p = %s, seed = %d",
        row.method(), row.dataset(), row.p(), row.seed());
  }

  /** The running means of one (method, dataset, p) group. */
  private static final class Mean {
    private double train;
    private double test;
    private int n;

    void add(Row row) {
      train += row.trainAcc();
      test += row.testAcc();
      n++;
    }

    double train() {
      return train / n;
    }

    double test() {
      return test / n;
    }
  }
}
