package xyz.ml;

import static xyz.ml.Seeds.mix;

import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import xyz.UserError;
import xyz.ml.data.ClassificationData;
import xyz.ml.data.Datasets;
import xyz.ml.data.LabelNoise;
import xyz.ml.data.Standardizer;
import xyz.ml.data.StratifiedSplit;
import xyz.ml.method.Method;
import xyz.ml.method.QuietLibraries;
import xyz.ml.method.TribuoData;
import xyz.run.CellContext;
import xyz.run.Experiment;

/**
 * One cell of the label-noise study of Zhang et al. (ICLR 2017): fits a classifier to training
 * labels of which a share p was replaced by random classes, and measures how well it fits them and
 * how well it predicts the clean test labels.
 *
 * <p>Parameters: {@code method} (see {@link Method#ids()}), {@code dataset} (see
 * {@link Datasets#names()}), {@code p} in [0, 1] and {@code seed}. The seed fixes the 70/30
 * stratified split, the corrupted labels and the trainer's random choices, so a cell gives the
 * same numbers each time it runs, and the cells of one seed share their split and, across methods,
 * their corrupted labels. Observables: {@code train_acc} (against the corrupted training labels,
 * the labels the model was fitted to), {@code test_acc} (against the clean test labels) and
 * {@code fit_seconds} (the wall time of the fit alone).
 */
public final class LabelNoiseExperiment implements Experiment {

  /** The share of each class held out for testing. */
  public static final double TEST_FRACTION = 0.3;

  // Distinct salts keep the split, the noise and the trainer from drawing the same numbers.
  private static final long SPLIT_SALT = 0x5a17L;
  private static final long NOISE_SALT = 0x4015eL;
  private static final long TRAINER_SALT = 0x7a1eL;

  /** Creates the experiment and quiets the learning libraries' logs. */
  public LabelNoiseExperiment() {
    QuietLibraries.install();
  }

  @Override
  public void run(CellContext cell) {
    Method method = Method.of(cell.string("method"));
    ClassificationData data = Datasets.load(cell.string("dataset"));
    double p = cell.number("p");
    if (!(p >= 0 && p <= 1)) {
      throw new UserError("controls.p: " + p + " is not a probability (the share of training"
          + " labels replaced by random classes)\n  valid: numbers from 0 to 1"
          + "\n  fix: keep the levels of p within [0, 1], such as"
          + " `p: [0, 0.2, 0.4, 0.6, 0.8, 1]`");
    }
    long seed = cell.integer("seed");

    StratifiedSplit split =
        StratifiedSplit.of(data.labels(), data.classCount(), TEST_FRACTION, mix(seed, SPLIT_SALT));
    Standardizer standardizer = Standardizer.fit(data.features(), split.train());
    int[] trainLabels = LabelNoise.corrupt(
        pick(data.labels(), split.train()), data.classCount(), p, mix(seed, NOISE_SALT));
    int[] testLabels = pick(data.labels(), split.test());
    MutableDataset<Label> train = dataset(data, standardizer.apply(data.features(), split.train()),
        trainLabels);
    MutableDataset<Label> test = dataset(data, standardizer.apply(data.features(), split.test()),
        testLabels);
    if (cell.cancelled()) {
      return;
    }

    long start = System.nanoTime();
    Model<Label> model = method.trainer(data.featureCount(), mix(seed, TRAINER_SALT)).train(train);
    double fitSeconds = (System.nanoTime() - start) / 1e9;
    double trainAcc = TribuoData.accuracy(model, train);
    double testAcc = TribuoData.accuracy(model, test);
    cell.observe("train_acc", trainAcc);
    cell.observe("test_acc", testAcc);
    cell.observe("fit_seconds", fitSeconds);
    // One line per cell in its stdout.txt, for a reader of a single cell.
    cell.out().printf(java.util.Locale.ROOT, "%s on %s (%d training rows), p=%s, seed %d:"
        + " train accuracy %.4f, test accuracy %.4f, fit in %.3f s%n", cell.string("method"),
        cell.string("dataset"), trainLabels.length, cell.string("p"), seed, trainAcc, testAcc,
        fitSeconds);
  }

  private static MutableDataset<Label> dataset(ClassificationData data, double[][] rows,
      int[] labels) {
    return TribuoData.dataset(data.name(), data.featureNames(), rows, labels, data.classes());
  }

  private static int[] pick(int[] values, int[] rows) {
    int[] out = new int[rows.length];
    for (int r = 0; r < rows.length; r++) {
      out[r] = values[rows[r]];
    }
    return out;
  }
}
