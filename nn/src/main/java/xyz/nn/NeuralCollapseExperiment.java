package xyz.nn;

import static xyz.ml.Seeds.mix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import xyz.ml.collapse.ClassMeans;
import xyz.ml.collapse.CollapseMeasures;
import xyz.ml.collapse.CollapseMetrics;
import xyz.ml.collapse.LogSpacedSteps;
import xyz.nn.data.ImageDatasets;
import xyz.nn.data.ImageSet;
import xyz.nn.data.Subsets;
import xyz.run.CellContext;
import xyz.run.Experiment;

/**
 * One cell of the neural-collapse study of Papyan, Han and Donoho (PNAS 2020): trains a network
 * on a balanced subset of an image dataset well past zero training error, and measures the
 * geometry of its last layer at log-spaced epochs.
 *
 * <p>Parameters: see {@link NeuralCollapseSettings}. Observables at each measured epoch (the
 * step): {@code epoch_lr}, the learning rate of that epoch; {@code train_loss},
 * {@code train_error}, {@code test_loss}, {@code test_error}; every measure of
 * {@link CollapseMeasures} on the training images as {@code train_<name>}; and on the test
 * images as {@code test_<name>}, with NCC mismatch against the training class means, and
 * without the three measures of the classifier alone, which do not depend on the images.
 * Without a step: {@code tpt_epoch}, the first epoch of zero training error (the onset of the
 * terminal phase of training; NaN when it never comes), and
 * {@code tpt_test_error}, the test error then. The training error is checked after every epoch
 * until it reaches zero, and that epoch is always measured.
 *
 * <p>The seed picks the images (the same for every network and learning rate of one seed), the
 * initial weights and the order of the images in each epoch; the same seed gives the same numbers.
 */
public final class NeuralCollapseExperiment implements Experiment {

  /** The measures of the classifier alone: the same on both splits, so recorded once. */
  static final Set<String> CLASSIFIER_ONLY =
      Set.of("cv_classifier", "cos_std_classifier", "max_angle_classifier");

  private static final long SUBSET_SALT = 0x5b5e7L;
  private static final long INIT_SALT = 0x1417L;
  private static final long ORDER_SALT = 0x0dde5L;

  /** Creates the experiment and gives DJL its settings before its engine loads. */
  public NeuralCollapseExperiment() {
    DjlSettings.apply();
  }

  @Override
  public void run(CellContext cell) {
    NeuralCollapseSettings settings = NeuralCollapseSettings.of(cell);
    ImageSet data = ImageDatasets.load(settings.dataset());
    long seed = settings.seed();
    Subsets subsets = Subsets.of(data, settings.perClass(), settings.testPerClass(),
        mix(seed, SUBSET_SALT));
    Schedule schedule = settings.schedule();
    Set<Long> measured = new TreeSet<>();
    for (long epoch : LogSpacedSteps.between(1, schedule.epochs(), settings.snapshots())) {
      measured.add(epoch);
    }
    cell.out().printf(Locale.ROOT, "%s on %s: %d training and %d test images, %d epochs,"
            + " lr %s, measured at epochs %s%n", settings.net().id(), data.name(),
        subsets.trainY().length, subsets.testY().length, schedule.epochs(), schedule.lr(),
        measured);

    int tptEpoch = 0;
    double tptTestError = Double.NaN;
    try (NetTraining training = new NetTraining(settings.net(), settings.width(), subsets,
        schedule, mix(seed, INIT_SALT), mix(seed, ORDER_SALT))) {
      for (int epoch = 1; epoch <= schedule.epochs(); epoch++) {
        if (cell.cancelled()) {
          return;
        }
        long start = System.nanoTime();
        training.epoch();
        NetTraining.View train = null;
        if (tptEpoch == 0) {
          train = training.train();
          if (train.error() == 0) {
            tptEpoch = epoch;
          }
        }
        if (!measured.contains((long) epoch) && epoch != tptEpoch) {
          continue;
        }
        if (train == null) {
          train = training.train();
        }
        NetTraining.View test = training.test();
        if (epoch == tptEpoch) {
          tptTestError = test.error();
        }
        snapshot(cell, epoch, training, subsets, train, test, start);
        if (!Double.isFinite(train.loss())) {
          cell.out().println("epoch " + epoch + ": the training loss is " + train.loss()
              + "; training diverged (try a smaller lr), so it stops here");
          break;
        }
      }
    }
    if (tptEpoch == 0) {
      cell.out().println("the training error never reached 0 in " + schedule.epochs()
          + " epochs: no terminal phase of training");
    }
    cell.observe("tpt_epoch", tptEpoch == 0 ? Double.NaN : tptEpoch);
    cell.observe("tpt_test_error", tptTestError);
  }

  private static void snapshot(CellContext cell, int epoch, NetTraining training,
      Subsets subsets, NetTraining.View train, NetTraining.View test, long start) {
    int classes = subsets.dataset().classCount();
    float[][] w = training.classifier();
    float[] b = training.bias();
    CollapseMeasures onTrain = CollapseMetrics.measure(train.features(), subsets.trainY(),
        classes, w, b);
    ClassMeans trainMeans = ClassMeans.of(train.features(), subsets.trainY(), classes);
    CollapseMeasures onTest = CollapseMetrics.measure(test.features(), subsets.testY(),
        classes, w, b, trainMeans);

    Map<String, Double> values = new LinkedHashMap<>();
    values.put("epoch_lr", training.lr());
    values.put("train_loss", train.loss());
    values.put("train_error", train.error());
    values.put("test_loss", test.loss());
    values.put("test_error", test.error());
    values.putAll(onTrain.observables("train_"));
    onTest.observables().forEach((name, value) -> {
      if (!CLASSIFIER_ONLY.contains(name)) {
        values.put("test_" + name, value);
      }
    });
    values.forEach((name, value) -> cell.observe(epoch, name, value));

    cell.out().printf(Locale.ROOT, "epoch %d: lr %.3g, train loss %.4g error %.4f, test loss"
            + " %.4g error %.4f, nc1 %.4g, self-duality %.4g, ncc mismatch %.4f (%.2f s)%n",
        epoch, training.lr(), train.loss(), train.error(), test.loss(), test.error(),
        values.get("train_nc1"), values.get("train_self_duality"),
        values.get("train_ncc_mismatch"), (System.nanoTime() - start) / 1e9);
    logMissing(cell, epoch, onTrain, "train_");
    logMissing(cell, epoch, onTest, "test_");
  }

  private static void logMissing(CellContext cell, int epoch, CollapseMeasures measures,
      String prefix) {
    Map<String, List<String>> byReason = new LinkedHashMap<>();
    measures.missing().forEach((name, reason) -> {
      if (!(prefix.equals("test_") && CLASSIFIER_ONLY.contains(name))) {
        byReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(prefix + name);
      }
    });
    byReason.forEach((reason, names) -> cell.out().println(
        "epoch " + epoch + ": " + String.join(", ", names) + " missing: " + reason));
  }
}
