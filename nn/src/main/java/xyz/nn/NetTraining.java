package xyz.nn;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import java.util.Arrays;
import java.util.SplittableRandom;
import xyz.nn.data.Subsets;

/**
 * One network in training on one cell's examples: an epoch at a time, with a look at the
 * penultimate features and the classifier whenever the caller asks.
 *
 * <p>Everything random is drawn from the seed given: the initial weights ({@link
 * SeededInitializer}) and the order of the examples in each epoch. With PyTorch on one thread,
 * the same seed gives the same numbers, bit for bit, whatever else the JVM runs at the time.
 */
final class NetTraining implements AutoCloseable {

  /** The most images one forward pass of a measurement takes, to bound its memory. */
  private static final int CHUNK = 512;

  static {
    DjlSettings.apply();
  }

  private final Net net;
  private final Subsets data;
  private final Schedule schedule;
  private final int width;
  private final Model model;
  private final Trainer trainer;
  private final Block features;
  private final Linear head;
  private final SplittableRandom order;
  private volatile double currentLr;
  private int epochsDone;

  /**
   * Builds the network and its SGD optimiser.
   *
   * @param net the network
   * @param width the number of penultimate features
   * @param data the standardised examples
   * @param schedule the epochs, learning rate, momentum, weight decay and batch size
   * @param initSeed the seed of the initial weights
   * @param orderSeed the seed of the order of the examples in each epoch
   */
  NetTraining(Net net, int width, Subsets data, Schedule schedule, long initSeed,
      long orderSeed) {
    this.net = net;
    this.data = data;
    this.schedule = schedule;
    this.width = width;
    this.order = new SplittableRandom(orderSeed);
    this.currentLr = schedule.lrAt(1);
    this.features = net.features(width);
    this.head = Linear.builder().setUnits(data.dataset().classCount()).build();
    this.model = Model.newInstance("neural-collapse-" + net.id(), Device.cpu(), "PyTorch");
    model.setBlock(new SequentialBlock().add(features).add(head));
    Optimizer sgd = Optimizer.sgd()
        .setLearningRateTracker((parameter, update) -> (float) currentLr)
        .optMomentum((float) schedule.momentum())
        .optWeightDecays((float) schedule.weightDecay())
        .build();
    DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
        .optOptimizer(sgd)
        .optDevices(new Device[] {Device.cpu()})
        .optInitializer(new SeededInitializer(initSeed), Parameter.Type.WEIGHT)
        .optInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
    this.trainer = model.newTrainer(config);
    trainer.initialize(input(schedule.batch()));
  }

  /** The number of epochs trained so far. */
  int epochsDone() {
    return epochsDone;
  }

  /** The learning rate of the last epoch trained (of the first before any). */
  double lr() {
    return currentLr;
  }

  /** Trains one more epoch: every training example once, in a new random order. */
  void epoch() {
    currentLr = schedule.lrAt(epochsDone + 1);
    int n = data.trainY().length;
    int[] shuffled = permutation(n);
    int d = data.pixels();
    NDManager manager = trainer.getManager();
    for (int start = 0; start < n; start += schedule.batch()) {
      int rows = Math.min(schedule.batch(), n - start);
      float[] x = new float[rows * d];
      float[] y = new float[rows];
      for (int r = 0; r < rows; r++) {
        int i = shuffled[start + r];
        System.arraycopy(data.trainX(), i * d, x, r * d, d);
        y[r] = data.trainY()[i];
      }
      try (NDManager batch = manager.newSubManager()) {
        NDArray input = batch.create(x, input(rows));
        NDArray labels = batch.create(y);
        try (GradientCollector gradients = new ThreadGradients()) {
          NDList logits = trainer.forward(new NDList(input));
          gradients.backward(trainer.getLoss().evaluate(new NDList(labels), logits));
        }
        trainer.step();
      }
    }
    epochsDone++;
  }

  /** The network's view of the training examples now. */
  View train() {
    return view(data.trainX(), data.trainY());
  }

  /** The network's view of the test examples now. */
  View test() {
    return view(data.testX(), data.testY());
  }

  /** The classifier's weights now, one row per class. */
  float[][] classifier() {
    float[] w = head.getParameters().get("weight").getArray().toFloatArray();
    int classes = data.dataset().classCount();
    float[][] rows = new float[classes][];
    for (int c = 0; c < classes; c++) {
      rows[c] = Arrays.copyOfRange(w, c * width, (c + 1) * width);
    }
    return rows;
  }

  /** The classifier's bias now, one value per class. */
  float[] bias() {
    return head.getParameters().get("bias").getArray().toFloatArray();
  }

  @Override
  public void close() {
    trainer.close();
    model.close();
  }

  /**
   * What the network makes of a set of examples.
   *
   * @param features the penultimate features, one row per example
   * @param loss the mean cross-entropy
   * @param error the share of examples whose largest logit is not their class
   */
  record View(float[][] features, double loss, double error) {}

  private View view(float[] x, int[] y) {
    return ThreadGradients.withoutRecording(() -> measure(x, y));
  }

  private View measure(float[] x, int[] y) {
    int n = y.length;
    int d = data.pixels();
    int classes = data.dataset().classCount();
    float[][] h = new float[n][];
    double loss = 0;
    int wrong = 0;
    NDManager manager = trainer.getManager();
    ParameterStore store = new ParameterStore(manager, false);
    for (int start = 0; start < n; start += CHUNK) {
      int rows = Math.min(CHUNK, n - start);
      try (NDManager chunk = manager.newSubManager()) {
        NDArray input = chunk.create(Arrays.copyOfRange(x, start * d, (start + rows) * d),
            input(rows));
        NDArray penultimate = features.forward(store, new NDList(input), false).singletonOrThrow();
        float[] z = head.forward(store, new NDList(penultimate), false).singletonOrThrow()
            .toFloatArray();
        float[] f = penultimate.toFloatArray();
        for (int r = 0; r < rows; r++) {
          h[start + r] = Arrays.copyOfRange(f, r * width, (r + 1) * width);
          int label = y[start + r];
          int best = 0;
          double max = Double.NEGATIVE_INFINITY;
          for (int c = 0; c < classes; c++) {
            double v = z[r * classes + c];
            if (v > max) {
              max = v;
              best = c;
            }
          }
          double sum = 0;
          for (int c = 0; c < classes; c++) {
            sum += Math.exp(z[r * classes + c] - max);
          }
          loss += max + Math.log(sum) - z[r * classes + label];
          wrong += best == label ? 0 : 1;
        }
      }
    }
    return new View(h, loss / n, (double) wrong / n);
  }

  private Shape input(long rows) {
    return net.input(rows, data.dataset().height(), data.dataset().width());
  }

  private int[] permutation(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = order.nextInt(i + 1);
      int swap = p[i];
      p[i] = p[j];
      p[j] = swap;
    }
    return p;
  }
}
